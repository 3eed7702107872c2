//! Division labels of an act (`Article 7`, `CHAPTER IV`, `Section 1Coordinating
//! Authorities`, `PART ONE`, `ANNEX I:`) and the titles that go with them: on the label's line,
//! the next item, or for an annex the capitals that open the next paragraph.

use super::Item;
use crate::model::DivisionKind;

/// A division label: `Article 7`, `CHAPTER IV`, `Section 1Coordinating Authorities`.
#[derive(Debug, PartialEq)]
pub(super) struct Label {
    pub kind: DivisionKind,
    /// The label as it should be shown: the keyword as written and the number.
    pub shown: String,
    pub number: Option<String>,
    /// What follows the number on the same line, its separator taken off.
    pub rest: String,
}

/// How a label's title was found.
#[derive(Debug, PartialEq)]
pub(super) enum Title {
    None,
    /// On the label's own line (`Section 1Coordinating Authorities`).
    SameLine(String),
    /// The next item, whole (`Subject matter and scope` under `Article 1`).
    Next(String),
    /// An annex's title leading the next paragraph, in capitals (`TEMPLATE FOR REPORTS
    /// referred to in Article 13(2) ...`, where a line break stood): the title, and how many
    /// `char`s of the paragraph it and the space after it take.
    Lead(String, usize),
}

impl Title {
    pub fn text(&self) -> Option<String> {
        match self {
            Title::None => None,
            Title::SameLine(t) | Title::Next(t) | Title::Lead(t, _) => Some(t.clone()),
        }
    }
}

/// A label's title: what follows its number on its line, else the next item when it reads as
/// a title (short, no sentence, no numbered paragraph, no label; for an annex, in capitals or
/// a stated heading), else for an annex the capitals that open the next paragraph.
pub(super) fn title_of(label: &Label, items: &[Item], i: usize) -> Title {
    if !label.rest.is_empty() {
        return Title::SameLine(label.rest.clone());
    }
    let Some(next) = items.get(i + 1) else {
        return Title::None;
    };
    let t = next.text().trim();
    let heading = matches!(next, Item::Heading { .. });
    let titled = !t.is_empty()
        && t.chars().count() <= 200
        && !t.ends_with(['.', ';', ',', ':'])
        && label_of(t).is_none()
        && !starts_numbered(t)
        && (label.kind != DivisionKind::Annex || heading || is_capitals(t))
        && !matches!(next, Item::Para(p) if !p.notes.is_empty() && !heading);
    if titled {
        return Title::Next(t.to_string());
    }
    match next {
        Item::Para(p) if label.kind == DivisionKind::Annex => capitals_lead(&p.text)
            .filter(|(_, taken)| p.notes.iter().all(|n| n.at > *taken))
            .map_or(Title::None, |(title, taken)| Title::Lead(title, taken)),
        _ => Title::None,
    }
}

/// The words in capitals that open `text` when lower-case text follows them (`TEMPLATE FOR
/// REPORTS referred to in ...`): two words or more, at most 200 characters. With the `char`s
/// they and the space after them take.
fn capitals_lead(text: &str) -> Option<(String, usize)> {
    let mut end = 0; // bytes of the lead
    let mut words = 0;
    for (at, word) in text
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
    {
        if word.chars().any(char::is_lowercase) {
            let lead = text[..end].trim_end();
            let ok = words >= 2 && lead.chars().count() <= 200 && label_of(lead).is_none();
            return ok.then(|| (lead.to_string(), text[..at].chars().count()));
        }
        if word.chars().any(char::is_alphabetic) {
            words += 1;
        }
        end = at + word.len();
    }
    None
}

/// `1.`, `(a)`, `(12)`, `a)`: a numbered paragraph or point, no title.
fn starts_numbered(t: &str) -> bool {
    let first = t.split_whitespace().next().unwrap_or("");
    let inner = first.trim_start_matches('(').trim_end_matches([')', '.']);
    first.len() > inner.len()
        && !inner.is_empty()
        && inner.len() <= 4
        && inner.chars().all(|c| c.is_ascii_alphanumeric())
}

fn is_capitals(t: &str) -> bool {
    let mut letters = t.chars().filter(|c| c.is_alphabetic()).peekable();
    letters.peek().is_some() && letters.all(char::is_uppercase)
}

/// A division label that stands alone, with what follows it on its line.
pub(super) fn label(text: &str) -> Option<Label> {
    label_of(text.trim())
}

fn label_of(t: &str) -> Option<Label> {
    if t.len() > 300 {
        return None;
    }
    let (word, after) = t.split_once(char::is_whitespace).unwrap_or((t, ""));
    let kind = match word.to_lowercase().as_str() {
        "article" | "artikel" | "articolo" | "artículo" => DivisionKind::Article,
        "chapter" | "hoofdstuk" | "chapitre" | "kapitel" => DivisionKind::Chapter,
        "section" | "afdeling" | "abschnitt" => DivisionKind::Section,
        "subsection" | "onderafdeling" | "sous-section" | "unterabschnitt" => {
            DivisionKind::Subsection
        }
        "title" | "titel" | "titre" => DivisionKind::Title,
        "part" | "deel" | "partie" | "teil" => DivisionKind::Part,
        "annex" | "bijlage" | "annexe" | "anhang" | "annex:" | "bijlage:" => DivisionKind::Annex,
        _ => return None,
    };
    let word = word.trim_end_matches(':');
    let after = after.trim_start();
    let (number, rest) = match kind {
        DivisionKind::Article => article_number(after)?,
        DivisionKind::Section | DivisionKind::Subsection => {
            let digits = after.bytes().take_while(u8::is_ascii_digit).count();
            (digits > 0 && digits <= 3).then_some(())?;
            (Some(after[..digits].to_string()), &after[digits..])
        }
        _ => match roman_or_digits(after).or_else(|| {
            matches!(kind, DivisionKind::Part | DivisionKind::Title)
                .then(|| word_number(after))
                .flatten()
        }) {
            Some(n) => (Some(after[..n].to_string()), &after[n..]),
            None if kind == DivisionKind::Annex => (None, after),
            None => return None,
        },
    };
    let rest = rest
        .trim_start_matches([' ', ':', '.', '-', '–', '—', '\u{a0}'])
        .trim();
    // A sentence about an article (`Article 5 of the Treaty shall ...`) is no label: a title
    // starts with a capital and is no sentence.
    if !rest.is_empty()
        && (!rest.starts_with(|c: char| c.is_uppercase() || c == '(' || c.is_ascii_digit())
            || rest.ends_with(['.', ';', ',']))
    {
        return None;
    }
    if kind == DivisionKind::Annex && !rest.is_empty() && !is_capitals(rest) && number.is_none() {
        return None;
    }
    let shown = match &number {
        Some(n) => format!("{word} {n}"),
        None => word.to_string(),
    };
    Some(Label {
        kind,
        shown,
        number,
        rest: rest.to_string(),
    })
}

/// An article's number: digits and a letter or Latin ordinal after them (`7`, `7a`, `7 bis`).
fn article_number(after: &str) -> Option<(Option<String>, &str)> {
    let digits = after.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 3 {
        return None;
    }
    let tail = &after[digits..];
    let letter = tail
        .chars()
        .next()
        .filter(|c| c.is_ascii_lowercase())
        .filter(|_| !tail[1..].starts_with(|c: char| c.is_alphabetic()));
    let end = digits + letter.map_or(0, |_| 1);
    for ordinal in [" bis", " ter", " quater"] {
        if let Some(rest) = after[end..].strip_prefix(ordinal)
            && !rest.starts_with(|c: char| c.is_alphabetic())
        {
            let n = end + ordinal.len();
            return Some((Some(after[..n].to_string()), &after[n..]));
        }
    }
    Some((Some(after[..end].to_string()), &after[end..]))
}

/// The length of a Roman or Arabic number at the start, when no letter follows it.
fn roman_or_digits(after: &str) -> Option<usize> {
    let digits = after.bytes().take_while(u8::is_ascii_digit).count();
    let roman = after.bytes().take_while(|b| b"IVXLC".contains(b)).count();
    let n = digits.max(roman);
    (n > 0 && n <= 6 && !after[n..].starts_with(|c: char| c.is_alphabetic())).then_some(n)
}

/// The length of a number written as a word at the start (`ONE`, `Two`, `DRIE`), as parts
/// and titles are numbered in some acts (`PART ONE`), when no letter follows it.
fn word_number(after: &str) -> Option<usize> {
    const WORDS: [&str; 24] = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien",
        "elf", "twaalf",
    ];
    let n = after.bytes().take_while(u8::is_ascii_alphabetic).count();
    let word = after[..n].to_ascii_lowercase();
    WORDS.contains(&word.as_str()).then_some(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_read_with_their_numbers_and_titles() {
        let l = label("Article 7").unwrap();
        assert_eq!(
            (l.kind, l.number.as_deref(), l.rest.as_str()),
            (DivisionKind::Article, Some("7"), "")
        );
        let l = label("Section 1Coordinating Authorities").unwrap();
        assert_eq!(
            (l.shown.as_str(), l.rest.as_str()),
            ("Section 1", "Coordinating Authorities")
        );
        let l = label("ANNEX I:").unwrap();
        assert_eq!(
            (l.kind, l.shown.as_str(), l.rest.as_str()),
            (DivisionKind::Annex, "ANNEX I", "")
        );
        let l = label("HOOFDSTUK IV").unwrap();
        assert_eq!(
            (l.kind, l.number.as_deref()),
            (DivisionKind::Chapter, Some("IV"))
        );
        let l = label("PART TWO").unwrap();
        assert_eq!(
            (l.kind, l.shown.as_str(), l.number.as_deref()),
            (DivisionKind::Part, "PART TWO", Some("TWO"))
        );
        assert_eq!(label("DEEL EEN").unwrap().number.as_deref(), Some("EEN"));
        assert_eq!(label("CHAPTER ONE"), None); // chapters are numbered in numerals
        assert_eq!(label("Article one"), None);
        assert_eq!(label("PART ONEROUS"), None);
        assert_eq!(label("Artikel 7a").unwrap().number.as_deref(), Some("7a"));
        assert_eq!(
            label("Article 10 bis").unwrap().number.as_deref(),
            Some("10 bis")
        );
        assert_eq!(
            label("Subsection 5: Technology Committee").unwrap().rest,
            "Technology Committee"
        );
        for sentence in [
            "Article 5 of the Treaty on European Union applies.",
            "Section 1 creates the risk assessment obligations (Article 3).",
            "Chapter VI contains the final provisions of this Regulation.",
            "Artikel 16 van het Kinderrechtenverdrag",
            "Articles 7 and 8",
            "CHAPTER IIOBLIGATIONS",
            "Part of the problem",
            "Part one of the report shows it.",
        ] {
            assert_eq!(label(sentence), None, "{sentence}");
        }
    }

    #[test]
    fn an_annex_title_may_lead_its_paragraph() {
        assert_eq!(
            capitals_lead("TEMPLATE FOR REPORTS referred to in Article 13(2) of Regulation"),
            Some(("TEMPLATE FOR REPORTS".to_string(), 21))
        );
        assert_eq!(
            capitals_lead("MODEL FORM (EU) referred to"),
            Some(("MODEL FORM (EU)".to_string(), 16))
        );
        assert_eq!(capitals_lead("TEMPLATE referred to in"), None);
        assert_eq!(capitals_lead("The Coordinating Authority"), None);
        assert_eq!(capitals_lead("ALL IN CAPITALS"), None);
        assert_eq!(capitals_lead("ARTICLE 7 of the"), None);
    }
}
