//! The terms an act defines: its definitions article (`Article 2 — Definitions`, `Definities`,
//! `Définitions`, `Begriffsbestimmungen`), whose points each define one term in quotes (`(a)
//! ‘hosting service’ means ...`, `(1) ‘personal data’ means ...`, `a) „hostingdienst”: ...`,
//! `«service» désigne ...`). Read from the act's structure (see `ingest::act`), so it works for
//! any act the library holds, not for one file.

use super::{Provision, paragraph_number, short_name};
use crate::model::{DivisionKind, Letter};

/// One defined term.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Definition {
    /// The term as the act writes it between its quotes.
    pub term: String,
    /// Where the definition stands: section and paragraph of the act, from 0.
    pub section: usize,
    pub paragraph: usize,
    /// The term's offset in `char`s into that paragraph's text.
    pub at: usize,
    /// The provision, `Article 2(a)`.
    pub provision: Provision,
    /// What the act says the term means: the paragraph from the term's quote on.
    pub text: String,
    /// Whether the definitions article is titled in English (the terms take English plurals).
    pub english: bool,
}

impl Definition {
    /// `COM(2022) 209, Article 2(a)`, in the act's citation form.
    pub fn citation(&self, act: &Letter) -> String {
        let provision = self.provision.render(crate::i18n::Lang::En);
        match short_name(act) {
            Some(name) => format!("{name}, {provision}"),
            None => provision,
        }
    }
}

/// Titles of a definitions article, folded to lower case, with whether they are English.
const TITLES: [(&str, bool); 6] = [
    ("definitions", true),
    ("definities", false),
    ("définitions", false),
    ("begriffsbestimmungen", false),
    ("definiciones", false),
    ("definizioni", false),
];

/// Every term the act's definitions articles define, in the act's order. None for a letter.
pub fn definitions(act: &Letter) -> Vec<Definition> {
    let Some(structure) = &act.act else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (s, division) in structure.divisions.iter().enumerate() {
        if division.kind != DivisionKind::Article {
            continue;
        }
        let Some(title) = &division.title else {
            continue;
        };
        let title = title.trim().trim_end_matches('.').to_lowercase();
        let Some(&(_, english)) = TITLES.iter().find(|(t, _)| *t == title) else {
            continue;
        };
        let (Some(number), Some(section)) = (&division.number, act.sections.get(s)) else {
            continue;
        };
        for (p, para) in section.paragraphs.iter().enumerate() {
            let Some(point) = defined_term(&para.text) else {
                continue;
            };
            // The numbered paragraph (`1.`) the point is in, where the article numbers them.
            let paragraph = section.paragraphs[..p]
                .iter()
                .rev()
                .find_map(|q| paragraph_number(&q.text))
                .filter(|_| point.label.is_some());
            out.push(Definition {
                term: point.term,
                section: s,
                paragraph: p,
                at: point.at,
                provision: Provision::Article {
                    number: number.clone(),
                    paragraph,
                    point: point.label,
                },
                text: para.text.chars().skip(point.quote).collect(),
                english,
            });
        }
    }
    out
}

/// A point that defines a term.
#[derive(Debug, PartialEq, Eq)]
struct Point {
    /// The point's label: `a` of `(a)`, `1` of `(1)` or `1.`; none when unlabelled.
    label: Option<String>,
    term: String,
    /// `char` offsets of the opening quote and of the term.
    quote: usize,
    at: usize,
}

/// Opening quotes and the closing quotes that may end them. EUR-Lex's older pages of the
/// Official Journal set a defined term between two hyphenation points (`‧credit institution‧`).
const QUOTES: [(char, &str); 7] = [
    ('‘', "’'"),
    ('‧', "‧"),
    ('\'', "'’"),
    ('“', "”\""),
    ('"', "\"”"),
    ('„', "”“\""),
    ('«', "»"),
];

/// What may follow a defined term's closing quote: how the act says it means something.
const MEANS: [&str; 9] = [
    "means",
    "shall mean",
    "mean",
    "betekent",
    "wordt verstaan",
    "désigne",
    "s'entend",
    "bezeichnet",
    "ist",
];

/// The term a definition point defines: `(a) ‘term’ means ...`, `1. "term": ...`,
/// `a) „term”: ...`.
fn defined_term(text: &str) -> Option<Point> {
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    let label = point_label(&chars, &mut i);
    while chars.get(i).is_some_and(|c| c.is_whitespace()) {
        i += 1;
    }
    let quote = i;
    let open = *chars.get(i)?;
    let (_, closing) = QUOTES.iter().find(|(o, _)| *o == open)?;
    let start = i + 1;
    // A French quote is spaced inside: `« service »`.
    let start = start + chars[start..].iter().take_while(|c| **c == ' ').count();
    let len = chars[start..]
        .iter()
        .take(120)
        .position(|c| closing.contains(*c))?;
    let term: String = chars[start..start + len].iter().collect();
    let term = term.trim().to_string();
    if term.is_empty() || term.contains(['\n', ';', '.']) {
        return None;
    }
    let after: String = chars[start + len + 1..].iter().take(24).collect();
    let after = after.trim_start_matches([' ', '\u{a0}', ',']);
    let means = after.starts_with(':')
        || MEANS.iter().any(|m| {
            after
                .strip_prefix(m)
                .is_some_and(|rest| !rest.starts_with(char::is_alphanumeric))
        });
    means.then_some(Point {
        label,
        term,
        quote,
        at: start,
    })
}

/// A point's label at the start: `(a)`, `a)`, `(1)`, `1.`, `(iv)`; moves `i` past it.
fn point_label(chars: &[char], i: &mut usize) -> Option<String> {
    let open = chars.first() == Some(&'(');
    let from = usize::from(open);
    let n = chars[from..]
        .iter()
        .take(5)
        .take_while(|c| c.is_ascii_alphanumeric())
        .count();
    let inner: String = chars.get(from..from + n)?.iter().collect();
    let close = chars.get(from + n).copied();
    let ok = n > 0
        && match close {
            Some(')') => true,
            Some('.') => !open && inner.bytes().all(|b| b.is_ascii_digit()),
            _ => false,
        }
        && (inner.bytes().all(|b| b.is_ascii_digit())
            || inner.bytes().all(|b| b.is_ascii_lowercase()));
    if !ok {
        return None;
    }
    *i = from + n + 1;
    Some(inner)
}

/// The English plural of a term (`hosting services`, `child users`), for matching the texts
/// that use it so; none where a plural would be no name (`to offer services ...`, a term with
/// `of`, one that ends in `s` already).
pub fn english_plural(term: &str) -> Option<String> {
    let lower = term.to_lowercase();
    if lower.starts_with("to ") || lower.contains(" of ") || lower.ends_with('s') {
        return None;
    }
    let (head, last) = term.rsplit_once(' ').unwrap_or(("", term));
    let plural = if last.eq_ignore_ascii_case("child") {
        format!("{last}ren")
    } else if let Some(stem) = last.strip_suffix('y')
        && !stem.ends_with(['a', 'e', 'o', 'u'])
    {
        format!("{stem}ies")
    } else if last.ends_with(['x', 'z']) || last.ends_with("ch") || last.ends_with("sh") {
        format!("{last}es")
    } else {
        format!("{last}s")
    };
    Some(if head.is_empty() {
        plural
    } else {
        format!("{head} {plural}")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn definition_points_give_their_term_in_every_quoting_style() {
        let p =
            defined_term("(a) ‘hosting service’ means an information society service;").unwrap();
        assert_eq!(
            (p.label.as_deref(), p.term.as_str(), p.quote, p.at),
            (Some("a"), "hosting service", 4, 5)
        );
        let term = |t: &str| defined_term(t).map(|p| (p.label, p.term));
        assert_eq!(
            term("(12) 'personal data' means any information"),
            Some((Some("12".into()), "personal data".into()))
        );
        assert_eq!(
            term("a) „hostingdienst”: een dienst van de informatiemaatschappij;"),
            Some((Some("a".into()), "hostingdienst".into()))
        );
        assert_eq!(
            term("b) « service d'hébergement » désigne un service"),
            Some((Some("b".into()), "service d'hébergement".into()))
        );
        assert_eq!(
            term("3. “provider” shall mean any natural or legal person"),
            Some((Some("3".into()), "provider".into()))
        );
        assert_eq!(
            term("(1) ‧credit institution‧ means an undertaking"),
            Some((Some("1".into()), "credit institution".into()))
        );
        // A quote that defines nothing, a point without a quote, a sentence.
        assert_eq!(
            term("(a) ‘grooming’ is how critics call it, wrongly."),
            None
        );
        assert_eq!(term("(i) a hosting service;"), None);
        assert_eq!(term("The ‘hosting service’ means little here."), None);
        assert_eq!(term("(a) ‘’ means nothing"), None);
    }

    #[test]
    fn plurals_follow_english_rules_and_leave_phrases_alone() {
        assert_eq!(
            english_plural("hosting service").as_deref(),
            Some("hosting services")
        );
        assert_eq!(english_plural("child").as_deref(), Some("children"));
        assert_eq!(
            english_plural("recommender system").as_deref(),
            Some("recommender systems")
        );
        assert_eq!(english_plural("authority").as_deref(), Some("authorities"));
        assert_eq!(english_plural("solicitation of children"), None);
        assert_eq!(english_plural("to offer services in the Union"), None);
        assert_eq!(english_plural("terms and conditions"), None);
    }
}
