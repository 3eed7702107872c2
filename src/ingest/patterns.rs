//! The small vocabulary of letter layout shared by the passes: salutations, valedictions,
//! header labels (`Datum`, `Onderwerp`, `Ons kenmerk`), contact lines, page numbers, postal
//! addresses and signature roles, in Dutch and English.
//!
//! The tests run on nearly every line of a letter, so the costly ones start with a cheap look at
//! the bytes that rules out most lines before the exact test runs.

use std::borrow::Cow;

use super::scan::{self, Bytes};

/// A header label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    Date,
    Subject,
    Reference,
    /// `Van:` / `From:` in a mail-style header.
    From,
    /// `Aan:` / `To:` in a mail-style header.
    To,
    /// A label whose value the model does not keep (`Uw kenmerk`, `Bijlage`, ...).
    Other,
}

const LABELS: &[(&str, Label)] = &[
    ("datum", Label::Date),
    ("date", Label::Date),
    ("onderwerp", Label::Subject),
    ("betreft", Label::Subject),
    ("subject", Label::Subject),
    ("re", Label::Subject),
    ("inzake", Label::Subject),
    ("van", Label::From),
    ("from", Label::From),
    ("aan", Label::To),
    ("to", Label::To),
    ("ons kenmerk", Label::Reference),
    ("onze referentie", Label::Reference),
    ("our reference", Label::Reference),
    ("our ref.", Label::Reference),
    ("kenmerk", Label::Reference),
    // The head of a Kamerstuk's page (tweedekamer.nl, officielebekendmakingen.nl).
    ("publicatiedatum", Label::Date),
    ("nummer", Label::Reference),
    ("documentnummer", Label::Reference),
    ("indiener", Label::From),
    ("indieners", Label::From),
    ("uw kenmerk", Label::Other),
    ("uw referentie", Label::Other),
    ("afschrift aan", Label::Other),
    ("kopie aan", Label::Other),
    ("uw brief van", Label::Other),
    ("your reference", Label::Other),
    ("bijlage(n)", Label::Other),
    ("bijlagen", Label::Other),
    ("bijlage", Label::Other),
    ("doorkiesnummer", Label::Other),
    ("contactpersoon", Label::Other),
    // A report's title page (`Versie 0.90`, `Status Concept`).
    ("versie", Label::Other),
    ("version", Label::Other),
    ("status", Label::Other),
    // The head table of a Council document, in French and English (`From:`, `To:` and
    // `Subject:` above).
    ("origine", Label::From),
    ("destinataires", Label::To),
    ("destinataire", Label::To),
    ("objet", Label::Subject),
    ("n° doc. préc.", Label::Other),
    ("n° doc. cion", Label::Other),
    ("no. prev. doc.", Label::Other),
    ("no. cion doc.", Label::Other),
    ("interinstitutional file", Label::Other),
    ("dossier interinstitutionnel", Label::Other),
];

/// Labels that are labels only with a colon: short words, and words a sentence may start
/// with in another language (`Re:`, `Van:`, `Objet:`).
const COLON_ONLY: &[&str] = &[
    "re",
    "van",
    "from",
    "aan",
    "to",
    "origine",
    "destinataires",
    "destinataire",
    "objet",
    "nummer",
    "indiener",
    "indieners",
];

/// The first letters of the labels, in both cases.
const LABEL_START: [bool; 256] = {
    let mut table = [false; 256];
    let mut k = 0;
    while k < LABELS.len() {
        let first = LABELS[k].0.as_bytes()[0];
        table[first.to_ascii_lowercase() as usize] = true;
        table[first.to_ascii_uppercase() as usize] = true;
        k += 1;
    }
    table
};

/// The label a header line starts with, and the value after it (possibly empty).
pub fn label(text: &str) -> Option<(Label, &str)> {
    // Most lines are ruled out by their first letter, and the rest are compared only with
    // the labels that start with it.
    let first = match text.bytes().next() {
        Some(b) if LABEL_START[usize::from(b)] => b.to_ascii_lowercase(),
        _ => return None,
    };
    for &(name, label) in LABELS {
        if name.as_bytes()[0] == first && starts_with_ignore_case(text, name) {
            let rest = &text[name.len()..];
            // The label must end there: `Datum 18 september`, `Betreft:`, `Re:`, and in
            // French typography `Objet :`.
            if rest.is_empty() || rest.starts_with(':') || rest.starts_with(char::is_whitespace) {
                let colon = rest.trim_start().starts_with(':');
                if COLON_ONLY.contains(&name) && !colon {
                    continue;
                }
                // `Versie 0.90`, not a sentence that starts with the word.
                let value = rest.trim_start().trim_start_matches(':').trim();
                if matches!(name, "versie" | "version")
                    && !colon
                    && !value.is_empty()
                    && !value.starts_with(|c: char| c.is_ascii_digit())
                {
                    continue;
                }
                if name == "status" && !colon && value.split_whitespace().count() > 3 {
                    continue;
                }
                // `onze referentie en betreft`: a piece of the request to quote them.
                if !rest.trim().is_empty() && standing_request_piece(text).is_some() {
                    return None;
                }
                return Some((label, rest.trim_start().trim_start_matches(':').trim()));
            }
        }
    }
    None
}

/// The words of the standing request ([`standing_request_piece`]).
const REQUEST_WORDS: [&str; 16] = [
    "bij",
    "beantwoording",
    "van",
    "deze",
    "brief",
    "de",
    "datum",
    "en",
    "ons",
    "onze",
    "kenmerk",
    "referentie",
    "betreft",
    "vermelden",
    "s.v.p.",
    "svp",
];

/// Whether a line that starts with byte `first` may be a piece of the standing request: a
/// byte one of its words starts with, or white space or a stop (where words are split and
/// trimmed), or a byte of a char beyond ASCII.
fn may_open_request(first: u8) -> bool {
    b"bdeokrsv".contains(&first.to_ascii_lowercase())
        || matches!(first, b',' | b'.')
        || first.is_ascii_whitespace()
        || first >= 0x80
}

/// A piece of the standing request of a Dutch letterhead, `Bij beantwoording de datum en ons
/// kenmerk vermelden.` (also `datum, onze referentie en betreft`), as converters break it over
/// lines: only the request's own words. `opening` tells whether the piece starts it.
pub fn standing_request_piece(text: &str) -> Option<bool> {
    if text.len() > 80 {
        return None;
    }
    // Most lines fail on their first byte: no word of the request starts with it (and it is
    // no space or stop, which the words are split and trimmed at).
    if !may_open_request(text.bytes().next()?) {
        return None;
    }
    // Word by word, without allocating: most lines fail on their first word.
    let mut count = 0;
    let mut opening = false;
    let mut telling = false;
    for word in text
        .split_whitespace()
        .map(|w| w.trim_end_matches([',', '.']))
        .filter(|w| !w.is_empty())
    {
        let known = REQUEST_WORDS
            .iter()
            .find(|k| k.eq_ignore_ascii_case(word))?;
        telling |= ["beantwoording", "kenmerk", "referentie", "vermelden"].contains(known);
        opening = match count {
            0 => *known == "bij",
            1 => opening && *known == "beantwoording",
            _ => opening,
        };
        count += 1;
    }
    (count > 0 && telling).then_some(opening && count >= 2)
}

/// Whether `text` starts with the ASCII word `prefix`, in any case.
pub fn starts_with_ignore_case(text: &str, prefix: &str) -> bool {
    text.get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
}

/// `Geachte ...`, `Beste ...`, `Dear ...`.
pub fn is_salutation(text: &str) -> bool {
    text.len() <= 400
        && scan::chars_at_most(text, 100)
        && [
            "geachte ",
            "zeer geachte ",
            "hooggeachte ",
            "beste ",
            "dear ",
            "l.s.",
            "hallo ",
        ]
        .iter()
        .any(|s| starts_with_ignore_case(text, s))
}

/// A salutation that opens a paragraph whose text goes on after it on the same line
/// (`To Senator Bob Casey, I'm writing this open letter.`, `Dear Commissioner, we write to
/// you ...`): the salutation up to its comma. Besides the formulas of [`is_salutation`], an
/// open letter's `To` before a name or office in capitals (`To the Members of ...`) opens
/// one; `To be clear,` (lower case) does not. The text after it is running text of three
/// words or more that does not end as a salutation does (`Dear Ministers of the Interior,
/// Justice, and Economy,` is one salutation).
pub fn opening_salutation(text: &str) -> Option<&str> {
    let (head, rest) = text.split_once(", ")?;
    let head_words: Vec<&str> = head.split_whitespace().collect();
    let addressed = if head_words.first() == Some(&"To") {
        let joins = ["the", "of", "and", "for", "de", "van", "het", "en"];
        (2..=9).contains(&head_words.len())
            && head_words[1..]
                .iter()
                .all(|w| w.starts_with(char::is_uppercase) || joins.contains(w))
            && head_words[1..]
                .iter()
                .any(|w| w.starts_with(char::is_uppercase))
    } else {
        head_words.len() <= 8 && is_salutation(head)
    };
    (addressed
        && rest.split_whitespace().count() >= 3
        && rest.starts_with(char::is_alphabetic)
        && !rest.trim_end().ends_with([',', ':', ';']))
    .then(|| &text[..head.len() + 1])
}

/// `Hoogachtend`, `Met vriendelijke groet`, `Kind regards`, ...
pub fn is_valediction(text: &str) -> bool {
    // Most lines are ruled out by their first letter, and the rest are compared only with the
    // phrases that start with it.
    let first = match text.bytes().next() {
        Some(b) if b"hmvkbysw*_og".contains(&b.to_ascii_lowercase()) => b.to_ascii_lowercase(),
        _ => return false,
    };
    // The words that open the signatures start with `s`, `o` or `g` (after emphasis).
    if matches!(first, b's' | b'o' | b'g' | b'*' | b'_') && opens_signatures(text) {
        return true;
    }
    [
        "hoogachtend",
        "met vriendelijke groet",
        "met hartelijke groet",
        "vriendelijke groet",
        "met de meeste hoogachting",
        "kind regards",
        "best regards",
        "yours sincerely",
        "yours faithfully",
        "sincerely",
        "with kind regards",
        "met hoogachting",
        "met vriendelijke",
        "best wishes",
        "warm regards",
    ]
    .iter()
    .any(|s| s.as_bytes()[0] == first && starts_with_ignore_case(text, s))
}

/// `Signed,`, `**Signatories**:`, `Ondertekend door:`: a line of its own that opens the list
/// of who signs an open letter, where a valediction would stand.
pub fn opens_signatures(text: &str) -> bool {
    let t =
        text.trim_matches(|c: char| matches!(c, '*' | '_' | ':' | ',' | '.') || c.is_whitespace());
    t.len() <= 24
        && [
            "signed",
            "signed by",
            "signatories",
            "signatures",
            "the signatories",
            "ondertekend",
            "ondertekend door",
            "getekend",
            "ondertekenaars",
            "de ondertekenaars",
        ]
        .iter()
        .any(|w| t.eq_ignore_ascii_case(w))
}

/// The office that signs a government letter: `De Minister van Justitie en Veiligheid,`.
pub fn is_signing_office(text: &str) -> bool {
    text.ends_with(',')
        && text.len() <= 400
        && scan::chars_at_most(text, 100)
        && ["de ", "the "].iter().any(|article| {
            starts_with_ignore_case(text, article)
                .then(|| text[article.len()..].to_lowercase())
                .is_some_and(|rest| {
                    [
                        "minister",
                        "staatssecretaris",
                        "state secretary",
                        "secretary",
                        "commissaris",
                    ]
                    .iter()
                    .any(|office| rest.starts_with(office))
                })
        })
}

/// The articles an office may start with ([`is_office`]).
const ARTICLES: [&str; 2] = ["de ", "the "];

/// The offices that sign, in the order [`is_office`] tries them.
const OFFICES: [&str; 5] = [
    "minister-president",
    "minister",
    "staatssecretaris",
    "state secretary",
    "secretary of state",
];

/// A government office as a closing names it, whole on its line, with or without its article
/// and final comma, in any case: `Minister van Economische Zaken en Klimaat`,
/// `DE MINISTER VAN DEFENSIE`, `De Staatssecretaris van Sociale Zaken` (whose name may go on
/// over the next line). After the office word come only capitalised words and the small words
/// of an office's name, so a sentence that starts with an office (`De Minister van Justitie
/// heeft ...`) is none.
pub fn is_office(text: &str) -> bool {
    if text.len() > 200 || !scan::chars_at_most(text, 100) {
        return false;
    }
    let t = text.trim().trim_end_matches(',').trim_end();
    // The office word stands first (after an article), in any case: matched in ASCII (no
    // other char lowercases to these words' letters), so that only the rest of the line is
    // lowercased, for the small words after it.
    let start = ARTICLES
        .iter()
        .find(|a| starts_with_ignore_case(t, a))
        .map_or(0, |a| a.len());
    let Some(office) = OFFICES
        .iter()
        .find(|o| starts_with_ignore_case(&t[start..], o))
    else {
        return false;
    };
    let after = t[start + office.len()..].to_lowercase();
    let Some(name) = after
        .strip_prefix(" van ")
        .or_else(|| after.strip_prefix(" voor "))
        .or_else(|| after.strip_prefix(" of "))
    else {
        return false;
    };
    // The same words in the original case.
    let words: Vec<&str> = t.split_whitespace().collect();
    let count = name.split_whitespace().count();
    (1..=10).contains(&count)
        && !t.ends_with(['.', ':', ';', '?', '!'])
        && words[words.len() - count..].iter().all(|w| {
            w.starts_with(|c: char| c.is_uppercase())
                || [
                    "en", "van", "voor", "de", "der", "het", "and", "for", "the", "&",
                ]
                .contains(w)
        })
}

/// A signature's name line: a person's name (two to five capitalised words, initials and
/// particles allowed), after academic titles (`mr. drs. C.A. van der Maat`, `Henk Kamp`).
pub fn is_signature_name(text: &str) -> bool {
    let t = text.trim().trim_end_matches(',');
    if t.len() > 80 {
        return false;
    }
    let mut words: Vec<&str> = t.split_whitespace().collect();
    // (Compared without lowercasing: no other char lowercases to a title's ASCII letters.)
    while words.len() > 2
        && [
            "mr.", "drs.", "dr.", "ir.", "prof.", "ing.", "ds.", "mgr.", "bc.", "ms.", "mw.",
            "dhr.",
        ]
        .iter()
        .any(|title| words[0].eq_ignore_ascii_case(title))
    {
        words.remove(0);
    }
    (2..=5).contains(&words.len())
        && words.iter().all(|w| {
            w.starts_with(|c: char| c.is_uppercase())
                || [
                    "van", "de", "der", "den", "het", "ten", "ter", "von", "la", "le", "'t",
                ]
                .contains(w)
        })
        && words
            .last()
            .is_some_and(|w| w.chars().any(char::is_lowercase) && !w.ends_with('.'))
        && !is_office(t)
        && !has_organisation_word(t)
}

/// Words that name a function in a signature (`Directeur-bestuurder`, `voorzitter`).
pub fn is_role_word(word: &str) -> bool {
    let w = word.to_lowercase();
    let first = w.split('-').next().unwrap_or("");
    [
        "directeur",
        "voorzitter",
        "bestuurder",
        "secretaris",
        "penningmeester",
        "coördinator",
        "coordinator",
        "woordvoerder",
        "manager",
        "director",
        "chair",
        "chairman",
        "chairwoman",
        "president",
        "ceo",
        "hoofd",
        "head",
        "oprichter",
        "founder",
        "adviseur",
        "beleidsadviseur",
        "programmamanager",
        "algemeen",
    ]
    .contains(&first)
}

/// Words that make a name an organisation's (`Stichting ...`, `... Alliance`).
pub fn has_organisation_word(text: &str) -> bool {
    text.split(|c: char| !c.is_alphanumeric()).any(|w| {
        let w = w.to_lowercase();
        [
            "stichting",
            "vereniging",
            "foundation",
            "alliance",
            "federatie",
            "federation",
            "centrum",
            "center",
            "centre",
            "platform",
            "netwerk",
            "network",
            "coalitie",
            "coalition",
            "bureau",
            "instituut",
            "institute",
            "organisatie",
            "organisation",
            "organization",
            "ministerie",
            "ministry",
            "raad",
            "council",
            "collectief",
            "hulplijn",
            "helpline",
            "meldpunt",
            "hotline",
            "commissie",
            "committee",
            "unie",
            "union",
            "bond",
            "fonds",
            "fund",
            "association",
            "society",
            "college",
            "autoriteit",
            "authority",
        ]
        .contains(&w.as_str())
    })
}

/// A postal line of an address block: a street with a house number (`Turfmarkt 147`,
/// `Rue de la Loi 200`) or a postcode with a city (`2500 EH Den Haag`, `1049 Brussels`).
pub fn is_postal_line(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.is_empty() || words.len() > 7 {
        return false;
    }
    let number = |w: &str| {
        let digits = w.bytes().take_while(u8::is_ascii_digit).count();
        (1..=5).contains(&digits) && w.len() - digits <= 2
    };
    let street = words.len() >= 2
        && words[0].starts_with(|c: char| c.is_uppercase())
        && words[1..].iter().any(|w| number(w.trim_end_matches(',')));
    let city = words[0].len() >= 4
        && words[0].bytes().all(|b| b.is_ascii_digit())
        && words
            .get(1)
            .is_some_and(|w| w.starts_with(|c: char| c.is_uppercase()));
    street || city || postal_city(text).is_some()
}

/// A Dutch postcode (`2500 EH`) followed by a city; returns the city, title-cased when it was
/// written in capitals.
pub fn postal_city(text: &str) -> Option<String> {
    if !has_four_digit_run(text) {
        return None;
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    for i in 0..words.len().saturating_sub(2) {
        let (digits, letters) = (words[i], words[i + 1]);
        let is_postcode = digits.len() == 4
            && digits.bytes().all(|b| b.is_ascii_digit())
            && letters.len() == 2
            && letters.bytes().all(|b| b.is_ascii_uppercase());
        if !is_postcode {
            continue;
        }
        let city: Vec<&str> = words[i + 2..]
            .iter()
            .take_while(|w| w.chars().next().is_some_and(char::is_alphabetic))
            .map(|w| w.trim_end_matches([',', '.', ';']))
            .take(3)
            .collect();
        if city.is_empty() {
            continue;
        }
        // A capital that kerning cut off its word (`D en Haag`): one word again.
        if city.len() >= 2
            && city[0].chars().count() == 1
            && city[0].starts_with(char::is_uppercase)
            && city[1].starts_with(char::is_lowercase)
        {
            let joined = format!("{}{}", city[0], city[1]);
            return Some(
                std::iter::once(joined.as_str())
                    .chain(city[2..].iter().copied())
                    .collect::<Vec<_>>()
                    .join(" "),
            );
        }
        let city = city.join(" ");
        return Some(if city.chars().any(char::is_lowercase) {
            city
        } else {
            title_case(&city)
        });
    }
    None
}

/// Whether `text` holds a run of exactly four ASCII digits, as a postcode's number is: what
/// [`postal_city`] needs before it splits the line into words.
fn has_four_digit_run(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(start) = scan::find_byte(bytes, from, |b| b.within(b'0', b'9')) {
        let end = bytes[start..]
            .iter()
            .position(|b| !b.is_ascii_digit())
            .map_or(bytes.len(), |n| start + n);
        if end - start == 4 {
            return true;
        }
        from = end;
    }
    false
}

/// `DEN HAAG` -> `Den Haag`, `OFFLIMITS` -> `Offlimits`.
pub fn title_case(text: &str) -> String {
    text.split(' ')
        .map(|w| {
            let mut chars = w.chars();
            chars.next().map_or(String::new(), |first| {
                first
                    .to_uppercase()
                    .chain(chars.flat_map(char::to_lowercase))
                    .collect()
            })
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A page number on its own line: `3`, `- 3 -`, `3/7`, `Pagina 3 van 7`, `Page 3 of 7`.
pub fn is_page_number(text: &str) -> bool {
    // Most lines start with a letter that no form starts with: told before trimming.
    if let Some(&b) = text.as_bytes().first()
        && (0x21..0x80).contains(&b)
        && b != b'-'
        && !(b.is_ascii_digit() || matches!(b.to_ascii_lowercase(), b'p' | b'b'))
    {
        return false;
    }
    let t = text.trim_matches(|c: char| c == '-' || c.is_whitespace());
    // Every form starts with a digit or the word for page; no other character lowercases to
    // the `p` or `b` they start with.
    if !t
        .bytes()
        .next()
        .is_some_and(|b| b.is_ascii_digit() || matches!(b.to_ascii_lowercase(), b'p' | b'b'))
    {
        return false;
    }
    let digits = |s: &str| !s.is_empty() && s.len() <= 3 && s.bytes().all(|b| b.is_ascii_digit());
    if digits(t) {
        return true;
    }
    // `2/7` starts with a digit; the word forms do not.
    if t.starts_with(|c: char| c.is_ascii_digit()) {
        return t
            .split_once('/')
            .is_some_and(|(a, b)| digits(a.trim()) && digits(b.trim()));
    }
    // The word forms start with the word for page, which kerning in a PDF may have cut after
    // its first letter or two (`P agina 2 van 9`): the first word is that word or its start.
    // Most lines (`per`, `Brussel`) fail here, before their words are split.
    let first_word = t.split_whitespace().next().unwrap_or("").as_bytes();
    if !["pagina", "page", "blad"].iter().any(|p| {
        p.as_bytes()
            .get(..first_word.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(first_word))
    }) {
        return false;
    }
    let mut words: Vec<Cow<'_, str>> = t.split_whitespace().map(Cow::Borrowed).collect();
    if words.len() >= 2 && words[0].len() <= 2 {
        let joined = format!("{}{}", words[0], words[1]);
        if ["pagina", "page", "blad"]
            .iter()
            .any(|p| joined.eq_ignore_ascii_case(p))
        {
            words.splice(0..2, [Cow::Owned(joined)]);
        }
    }
    let first = words.first().map_or("", |w| w.as_ref());
    if !["pagina", "page", "blad"]
        .iter()
        .any(|p| first.eq_ignore_ascii_case(p))
    {
        return false;
    }
    let words: Vec<&str> = words.iter().map(|w| w.as_ref()).collect();
    match words.as_slice() {
        [p, n] => ["pagina", "page", "blad"].contains(&p.to_lowercase().as_str()) && digits(n),
        [p, n, of, m] => {
            ["pagina", "page", "blad"].contains(&p.to_lowercase().as_str())
                && digits(n)
                && ["van", "of"].contains(of)
                && digits(m)
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_and_their_values() {
        assert_eq!(
            label("Datum 18 september 2024"),
            Some((Label::Date, "18 september 2024"))
        );
        assert_eq!(label("Datum"), Some((Label::Date, "")));
        assert_eq!(
            label("Betreft: Bespreking"),
            Some((Label::Subject, "Bespreking"))
        );
        assert_eq!(
            label("Re: chat control"),
            Some((Label::Subject, "chat control"))
        );
        assert_eq!(label("Ons kenmerk"), Some((Label::Reference, "")));
        assert_eq!(label("Recht op privacy"), None);
        assert_eq!(label("Datumgrens"), None);
        assert_eq!(
            label("Van: Stichting X"),
            Some((Label::From, "Stichting X"))
        );
        assert_eq!(label("Aan de Voorzitter"), None);
        // A report's title page.
        assert_eq!(label("Versie 0.90"), Some((Label::Other, "0.90")));
        assert_eq!(label("Status"), Some((Label::Other, "")));
        assert_eq!(label("Versie goedkeuring"), None);
        assert_eq!(label("Status van de uitvoering van het besluit"), None);
        assert_eq!(
            label("Aan: de Voorzitter"),
            Some((Label::To, "de Voorzitter"))
        );
        assert_eq!(label("Vandaag"), None);
        assert_eq!(
            label("Your reference: 2024-17"),
            Some((Label::Other, "2024-17"))
        );
        assert_eq!(
            label("Date 2 July 2024"),
            Some((Label::Date, "2 July 2024"))
        );
        assert_eq!(
            label("Origine: Secrétariat général du Conseil"),
            Some((Label::From, "Secrétariat général du Conseil"))
        );
        assert_eq!(label("Destinataire:"), Some((Label::To, "")));
        assert_eq!(
            label("Objet : Conclusions"),
            Some((Label::Subject, "Conclusions"))
        );
        assert_eq!(label("Objet de la note"), None);
        assert_eq!(
            label("N° doc. préc.: 8512/20"),
            Some((Label::Other, "8512/20"))
        );
    }

    #[test]
    fn postal_lines_and_organisation_names() {
        assert!(is_postal_line("Turfmarkt 147"));
        assert!(is_postal_line("Rue de la Loi 200"));
        assert!(is_postal_line("1049 Brussels"));
        assert!(!is_postal_line("Ministerie van Justitie en Veiligheid"));
        assert!(!is_postal_line("Minister D. Yesilgöz-Zegerius"));
        assert!(has_organisation_word("Stichting Hulplijn Online"));
        assert!(!has_organisation_word("Petra Jansen"));
    }

    #[test]
    fn the_standing_request_is_told_by_its_words_whatever_they_start_with() {
        for word in REQUEST_WORDS {
            assert!(may_open_request(word.as_bytes()[0]), "{word}");
            assert!(
                may_open_request(word.to_uppercase().as_bytes()[0]),
                "{word}"
            );
        }
        assert_eq!(
            standing_request_piece("Bij beantwoording de datum en"),
            Some(true)
        );
        assert_eq!(
            standing_request_piece("ons kenmerk vermelden."),
            Some(false)
        );
        assert_eq!(standing_request_piece(". Onze referentie"), Some(false));
        assert_eq!(standing_request_piece("Kenmerk"), Some(false));
        assert_eq!(standing_request_piece("Svp kenmerk"), Some(false));
        assert_eq!(standing_request_piece("Graag ons kenmerk vermelden"), None);
        assert_eq!(standing_request_piece("Deze brief"), None); // no word that tells it
    }

    #[test]
    fn postal_cities_and_page_numbers() {
        assert_eq!(postal_city("2500 EA DEN HAAG").as_deref(), Some("Den Haag"));
        assert_eq!(
            postal_city("Turfmarkt 147, 2511 DP Den Haag").as_deref(),
            Some("Den Haag")
        );
        assert_eq!(postal_city("In 2023 ontving NCMEC meldingen"), None);
        // Kerning cut the city's first letter off.
        assert_eq!(
            postal_city("Retouradres Postbus 20901 2500 EX D en Haag").as_deref(),
            Some("Den Haag")
        );
        assert!(is_page_number("3") && is_page_number("- 3 -") && is_page_number("Pagina 2 van 5"));
        assert!(!is_page_number("2023") && !is_page_number("3 beelden"));
        for kerned in [
            "P agina 2 van 9",
            "Pa gina 2",
            "Page 3 of 7",
            "blad 4",
            "3/7",
        ] {
            assert!(is_page_number(kerned), "{kerned}");
        }
        for not_one in ["per 3 maanden", "Brussel 4", "Pagination 2", "pag 2"] {
            assert!(!is_page_number(not_one), "{not_one}");
        }
    }

    #[test]
    fn openings_closings_and_offices() {
        assert!(is_salutation("Geachte Minister Yesilgöz,"));
        assert_eq!(
            opening_salutation("To Senator Bob Casey, I'm writing this open letter."),
            Some("To Senator Bob Casey,")
        );
        assert_eq!(
            opening_salutation("Dear Commissioner Johansson, we write to you today."),
            Some("Dear Commissioner Johansson,")
        );
        for not_one in [
            "To be clear, we do not support this.",
            "To Senator Bob Casey,",
            "Geachte heer, mevrouw,",
            "Dear Ministers of the Interior, Justice, and Economy of EU Member States,",
            "In Brussels, the Council met on Friday.",
        ] {
            assert_eq!(opening_salutation(not_one), None, "{not_one}");
        }
        assert!(is_valediction(
            "Hoogachtend, namens de volgende organisaties:"
        ));
        assert!(is_valediction("Met vriendelijke groet,"));
        for opener in [
            "Signed,",
            "**Signatories**:",
            "Ondertekend door:",
            "Signatories",
        ] {
            assert!(is_valediction(opener), "{opener}");
        }
        for line in [
            "Signed agreements bind both parties.",
            "Signatories of the treaty agree",
        ] {
            assert!(!is_valediction(line), "{line}");
        }
        assert!(is_signing_office("De Minister van Justitie en Veiligheid,"));
        assert!(!is_signing_office(
            "De Minister van Justitie en Veiligheid heeft gezegd."
        ));
        assert!(is_role_word("Directeur-bestuurder") && is_role_word("voorzitter"));
    }

    #[test]
    fn offices_in_any_case_with_or_without_their_article() {
        for office in [
            "Minister van Economische Zaken en Klimaat",
            "DE MINISTER VAN DEFENSIE",
            "De Staatssecretaris van Sociale Zaken,",
            "de minister-president van Nederland",
            "The Secretary of State of Justice and Security",
            "THE STATE SECRETARY OF Justice",
            "staatssecretaris voor Digitalisering",
        ] {
            assert!(is_office(office), "{office}");
        }
        for other in [
            "De Minister van Justitie heeft besloten.",
            "Dear Minister van Weel",
            "De heer Minister van Justitie",
            "Ministerie van Justitie en Veiligheid",
            "Een minister van Justitie",
            "",
        ] {
            assert!(!is_office(other), "{other}");
        }
    }

    #[test]
    fn signature_names_after_titles_in_any_case() {
        assert!(is_signature_name("mr. drs. C.A. van der Maat"));
        assert!(is_signature_name("MR. DRS. C.A. van der Maat"));
        assert!(is_signature_name("Prof. Dr. Ir. Jan Jansen"));
        assert!(!is_signature_name(
            "Mrs. Dr. Jan Jansen Smit Bakker De Vries Visser"
        ));
    }

    proptest::proptest! {
        /// A postcode's four digits are found wherever a word of four digits stands.
        #[test]
        fn four_digit_runs_as_words_show(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "1", "2500", "12", " ", "\u{a0}", "EH", "a", "-", "é",
            ]), 0..12),
        ) {
            let text = parts.concat();
            let word = text
                .split_whitespace()
                .any(|w| w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()));
            let run = text
                .split(|c: char| !c.is_ascii_digit())
                .any(|r| r.len() == 4);
            proptest::prop_assert_eq!(has_four_digit_run(&text), run);
            proptest::prop_assert!(!word || run);
        }
    }
}
