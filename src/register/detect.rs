//! Entities the letters introduce themselves, found without a curated list: `Long Name (ACR)`
//! pairs, people named after a title (`Minister van Justitie en Veiligheid Van Weel`, `het lid
//! Van Ginneken c.s.`, `motie Van Weerdenburg c.s.`, `Tweede Kamerleden Ceder en Six
//! Dijkstra`), signatories (`Marc Dullaert, voorzitter Kinderrechtencollectief`) and senders.
//! What is found is merged into the register under any name it already has.

use super::people::titled_people;
use super::{Draft, Drafts, EntityKind, key};
use crate::model::Letter;

/// Adds everything detected in `letters` to `drafts`.
pub(super) fn detect(letters: &[Letter], drafts: &mut Drafts) {
    // Reading the texts is the work, and needs no register: it runs on every core. What is
    // found is added in letter order, as if read one letter after the other.
    let found = super::map_blocks(letters, 16, |block, _| {
        block.iter().map(in_texts).collect::<Vec<_>>()
    });
    for (letter, found) in letters.iter().zip(found.into_iter().flatten()) {
        if let Some(sender) = letter
            .sender
            .as_deref()
            .filter(|s| !key(s).is_empty() && !looks_like_furniture(s))
        {
            let kind = if looks_like_person(sender) {
                EntityKind::Person
            } else {
                EntityKind::Organisation
            };
            drafts.add(draft(sender, &[], None), kind);
        }
        for entry in &letter.signed_by {
            signatory(entry, drafts);
        }
        for (d, kind) in found {
            drafts.add(d, kind);
        }
    }
}

/// What the texts of `letter` introduce, in order: `Long Name (ACR)` pairs and titled people.
fn in_texts(letter: &Letter) -> Vec<(Draft, EntityKind)> {
    let texts = letter
        .sections
        .iter()
        .flat_map(|s| s.heading.iter().chain(s.paragraphs.iter().map(|p| &p.text)))
        .chain(letter.footnotes.iter().map(|n| &n.text))
        .chain(&letter.recipients)
        .chain(&letter.subject)
        .chain(&letter.salutation);
    let mut found = Vec::new();
    for text in texts {
        for (long, short) in acronym_pairs(text) {
            let kind = if long.chars().any(char::is_uppercase) {
                EntityKind::Organisation
            } else {
                EntityKind::Term
            };
            found.push((draft(&long, &[short], None), kind));
        }
        for person in titled_people(text) {
            found.push((
                draft(&person.name, &person.aliases, Some(person.role)),
                EntityKind::Person,
            ));
        }
    }
    found
}

fn draft(label: &str, aliases: &[String], role: Option<String>) -> Draft {
    Draft {
        kind: None,
        label: label.trim().to_string(),
        aliases: aliases.to_vec(),
        role,
        ..Draft::default()
    }
}

/// A signatory line: a person (`Marc Dullaert, voorzitter X`, `D. Yeşilgöz-Zegerius`) or an
/// organisation.
fn signatory(entry: &str, drafts: &mut Drafts) {
    let (name, role) = match entry.split_once(',') {
        Some((name, role)) if !role.trim().is_empty() => (name.trim(), Some(role.trim())),
        _ => (entry.trim(), None),
    };
    if key(name).is_empty() || looks_like_furniture(entry) {
        return;
    }
    if looks_like_person(name) {
        // As written, initials and all: a bare surname could be anyone's.
        drafts.add(
            draft(name, &[], role.map(str::to_string)),
            EntityKind::Person,
        );
    } else if name.split_whitespace().count() > 1 || drafts.keys.contains_key(&key(name)) {
        drafts.add(draft(entry.trim(), &[], None), EntityKind::Organisation);
    }
}

/// Metadata that is no name: a date, a number, a label such as `Datum` on its own (those are
/// left to the curated register), or a whole sentence.
fn looks_like_furniture(s: &str) -> bool {
    let words = s.split_whitespace().count();
    crate::dates::find_full_date(s)
        .is_some_and(|(_, before, after)| before.trim().is_empty() || after.trim().is_empty())
        || !s.chars().any(char::is_alphabetic)
        || words > 8
        || s.chars().count() > 100
}

/// Words that make a name an organisation's.
pub(super) const ORG_WORDS: &[&str] = &[
    "stichting",
    "nederland",
    "nationale",
    "national",
    "international",
    "internationaal",
    "centrum",
    "center",
    "centre",
    "foundation",
    "fonds",
    "vereniging",
    "bureau",
    "instituut",
    "ministerie",
    "commissie",
    "kamer",
    "groep",
    "netwerk",
    "platform",
    "children",
    "kinderen",
    "alliance",
    "collectief",
    "universiteit",
    "university",
    "autoriteit",
    "politie",
    "meldpunt",
    "mission",
    "helpline",
    "organisatie",
    "coalitie",
    "coalition",
    "unie",
    "union",
    "agentschap",
    "agency",
    "directie",
    "directoraat",
    "offlimits",
    "minister",
    "staatssecretaris",
];

/// Word endings that make a name an organisation's (`Jeugdraad`, `Kinderrechtencollectief`).
const ORG_SUFFIXES: &[&str] = &["raad", "collectief", "centrum", "fonds", "bond", "lijn"];

/// Lower-case words that may stand inside a Dutch surname.
pub(super) const PARTICLES: &[&str] = &[
    "van", "von", "de", "der", "den", "ter", "ten", "te", "'t", "la", "le", "du", "da", "di",
];

pub(super) fn is_initials(word: &str) -> bool {
    word.len() >= 2
        && word.ends_with('.')
        && word
            .split('.')
            .filter(|p| !p.is_empty())
            .all(|p| p.chars().count() == 1 && p.chars().all(char::is_uppercase))
}

pub(super) fn is_capitalised(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase)
        && word.chars().count() >= 2
        && word
            .chars()
            .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
        && !word.chars().skip(1).all(char::is_uppercase)
}

/// A person's name: two to five words of initials, particles and capitalised words, nothing
/// that sounds like an organisation.
fn looks_like_person(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    if !(2..=5).contains(&words.len()) {
        return false;
    }
    let capitalised = words.iter().filter(|w| is_capitalised(w)).count();
    words.iter().all(|w| {
        let k = key(w);
        (is_initials(w) || PARTICLES.contains(&k.as_str()) || is_capitalised(w))
            && !ORG_WORDS.contains(&k.as_str())
            && !ORG_SUFFIXES.iter().any(|s| k.ends_with(s))
    }) && capitalised >= 1
        && (capitalised >= 2 || words.iter().any(|w| is_initials(w)))
}

/// The `Long Name (ACR)` pairs in `text`: the acronym's letters must be the initials of the
/// capitalised (or all) words before it, small words (`for`, `en`, `van`, `&`) aside.
pub(super) fn acronym_pairs(text: &str) -> Vec<(String, String)> {
    const SMALL: &[&str] = &[
        "for", "and", "of", "the", "on", "to", "en", "van", "de", "het", "der", "voor", "ter",
        "op", "in", "tegen", "des", "&", "–", "-", "und", "fur", "et",
    ];
    let mut pairs = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('(') {
        let before = &rest[..open];
        let after = &rest[open + 1..];
        rest = after;
        // An acronym is short: look no further than its length for the `)`.
        let near = after.char_indices().take(10).find(|&(_, c)| c == ')');
        let Some((close, _)) = near else { continue };
        let acronym = &after[..close];
        let uppercase = acronym.chars().filter(char::is_ascii_uppercase).count();
        if !(2..=8).contains(&acronym.len())
            || uppercase < 2
            || !acronym
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '&')
            || !acronym.starts_with(|c: char| c.is_ascii_uppercase())
        {
            continue;
        }
        let mut need: Vec<char> = acronym
            .chars()
            .filter(char::is_ascii_alphabetic)
            .map(|c| c.to_ascii_lowercase())
            .collect();
        let words: Vec<&str> = before.split_whitespace().collect();
        let mut start = None;
        for (i, word) in words.iter().enumerate().rev().take(12) {
            if need.is_empty() {
                break;
            }
            if i + 1 < words.len() && word.ends_with(['.', ',', ';', ':', ')']) {
                break; // the name does not run across punctuation
            }
            let k = key(word);
            if SMALL.contains(&k.as_str()) {
                continue;
            }
            if k.chars().next() == need.last().copied() {
                need.pop();
                start = Some(i);
            } else {
                break;
            }
        }
        if let (true, Some(start)) = (need.is_empty(), start)
            && words.len() - start >= 2
        {
            let long = words[start..].join(" ");
            let long = long
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_string();
            pairs.push((long, acronym.to_string()));
        }
    }
    pairs
}
