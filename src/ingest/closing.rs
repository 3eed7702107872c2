//! The closing of a letter: valediction, `Namens X`, the signing office
//! (`De Minister van X,`), names with their roles, and lists of co-signing organisations. From
//! it come the sender and the signatories.

use super::lines::{Line, ends_sentence};
use super::patterns;

/// What the closing says.
#[derive(Debug, Default)]
pub struct Closing {
    pub sender: Option<String>,
    pub signed_by: Vec<String>,
}

/// Reads the closing: valediction, `Namens X`, signing office, names, role lines, and lists of
/// co-signing organisations.
pub fn closing(lines: &[Line<'_>], removed: &[bool]) -> Closing {
    let mut namens = None;
    let mut office: Option<String> = None;
    let mut role_org = None;
    let mut org_line = None;
    let mut signed: Vec<String> = Vec::new();
    let mut last_was_person = false;
    let mut items = 0;
    // Whether the office read last may go on over the next line (it ended without a comma).
    let mut office_open = false;
    for (line, &is_removed) in lines.iter().zip(removed) {
        if line.is_blank() || is_removed {
            continue;
        }
        // A list of signing organisations: each item without its bullet.
        let plain = line.plain();
        let text = match plain.split_once(' ') {
            Some(("-" | "*" | "+" | "•" | "–", item)) => {
                items += 1;
                item.trim().to_string()
            }
            _ => plain.to_owned(),
        };
        let lower = text.to_lowercase();
        if patterns::is_valediction(&text) {
            if let Some(pos) = lower.find("namens ") {
                namens = namens.or_else(|| organisation_after(&text[pos + 7..]));
            }
            continue;
        }
        if let Some(rest) = lower.strip_prefix("namens ").map(|_| &text[7..]) {
            namens = namens.or_else(|| organisation_after(rest));
            last_was_person = false;
            continue;
        }
        if !text.contains(char::is_alphabetic)
            || matches!(patterns::label(&text), Some((patterns::Label::Other, _)))
        {
            continue; // a note's number, a stray digit; an enclosure (`Bijlage: ...`)
        }
        if let Some(o) = office.as_mut().filter(|_| office_open)
            && text.starts_with(char::is_lowercase)
            && !ends_sentence(&text)
            && !patterns::is_signature_name(&text)
        {
            // The office's name goes on: `De Staatssecretaris van Sociale Zaken` /
            // `en Werkgelegenheid,`.
            o.push(' ');
            o.push_str(text.trim_end_matches(','));
            office_open = !text.ends_with(',');
            continue;
        }
        if office_open
            && !patterns::is_signature_name(&text)
            && !ends_sentence(&text)
            && text.split_whitespace().count() <= 6
        {
            // A portfolio under the office (`Digitalisering en Koninkrijksrelaties`): neither
            // a signatory nor the office's name.
            office_open = !text.ends_with(',');
            continue;
        }
        office_open = false;
        if patterns::is_signing_office(&text) || patterns::is_office(&text) {
            // `De minister van ...,`, `DE STAATSSECRETARIS VAN ...,`, `Minister van ...` under
            // the name: the office, its article left out.
            office_open = office.is_none() && !text.ends_with(',');
            let o = text.trim_end_matches(',');
            let o = match o.split_once(' ') {
                Some((article, rest))
                    if ["de", "the", "het"].contains(&article.to_lowercase().as_str()) =>
                {
                    rest
                }
                _ => o,
            };
            // Two signing offices (a minister and a state secretary): the first is the sender.
            office = office.or_else(|| Some(o.to_string()));
            // What follows an office is its holder's name, not a role of the name before.
            last_was_person = false;
            continue;
        }
        let words: Vec<&str> = text.split_whitespace().collect();
        if text.ends_with(':') || words.len() > 8 || text.ends_with('.') && words.len() > 3 {
            last_was_person = false;
            continue; // an introduction (`ondersteunen ook deze organisaties de oproep:`)
        }
        if text.ends_with(',') && !looks_like_person(text.trim_end_matches(',')) {
            // A function above the name: `De directeur van Stichting X,`.
            role_org =
                role_org.or_else(|| organisation_after(&text[text.find(' ').unwrap_or(0)..]));
            last_was_person = false;
            continue;
        }
        let first = words.first().copied().unwrap_or("");
        if last_was_person
            && (patterns::is_role_word(first) || first.starts_with(char::is_lowercase))
        {
            role_org = role_org.or_else(|| organisation_after(&text));
            last_was_person = false;
            continue;
        }
        // `Name, role Organisation`
        let (name, role) = match text.split_once(", ") {
            Some((n, r))
                if r.split_whitespace().next().is_some_and(|w| {
                    patterns::is_role_word(w) || w.starts_with(char::is_lowercase)
                }) =>
            {
                (n.to_string(), Some(r))
            }
            _ => (text.trim_end_matches(',').trim_end().to_string(), None),
        };
        if let Some(role) = role {
            role_org = role_org.or_else(|| organisation_after(role));
        }
        if org_line.is_none() && patterns::has_organisation_word(&name) {
            org_line = Some(name.clone());
        }
        last_was_person =
            role.is_none() && looks_like_person(&name) && !patterns::has_organisation_word(&name);
        if !signed.contains(&name) {
            signed.push(name);
        }
    }
    // Organisations signing as a list (an open letter's co-signers) are all signatories: the
    // first with an organisation word in its name is no more the sender than the others.
    let sender = namens
        .or(office)
        .or(role_org)
        .or(org_line.filter(|_| items < 3));
    if let Some(s) = &sender {
        let s = s.to_lowercase();
        signed.retain(|name| name.to_lowercase() != s);
    }
    Closing {
        sender,
        signed_by: signed,
    }
}

/// The organisation named in a phrase: from its first capitalised word to the end (or a comma),
/// `kernleden van het Kinderrechtencollectief, bestaande uit` -> `Kinderrechtencollectief`.
fn organisation_after(phrase: &str) -> Option<String> {
    let phrase = phrase.split([',', ':', ';']).next().unwrap_or("");
    let words: Vec<&str> = phrase.split_whitespace().collect();
    let start = words
        .iter()
        .position(|w| w.starts_with(|c: char| c.is_uppercase()) && !patterns::is_role_word(w))?;
    let org = words[start..].join(" ");
    (!org.is_empty()).then_some(org)
}

/// Two to five capitalised words (initials and particles allowed): `Robbert Hoving`,
/// `D. Yeşilgöz-Zegerius`, `Jan van der Berg`.
fn looks_like_person(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    (2..=5).contains(&words.len())
        && words.iter().all(|w| {
            w.starts_with(|c: char| c.is_uppercase())
                || [
                    "van", "de", "der", "den", "het", "ten", "ter", "von", "la", "le",
                ]
                .contains(w)
        })
        && words
            .last()
            .is_some_and(|w| w.chars().any(char::is_lowercase))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn organisations_in_phrases() {
        assert_eq!(
            organisation_after("kernleden van het Kinderrechtencollectief, bestaande uit:")
                .as_deref(),
            Some("Kinderrechtencollectief")
        );
        assert_eq!(
            organisation_after("Directeur-bestuurder Offlimits").as_deref(),
            Some("Offlimits")
        );
        assert_eq!(organisation_after("de volgende organisaties:"), None);
    }
}
