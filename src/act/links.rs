//! Which act of the library each article mention in a letter is of, in its paragraphs and in
//! its notes: the act whose number the words next to the mention name (`Article 3 of
//! Regulation (EU) 2031/77`, `artikel 7 van COM(2022) 209`), else, when the words say it is
//! the act the letters discuss (`artikel 7 van de verordening`, or nothing in a letter about
//! it; see [`super::mentions`]), the library's first act. Only articles the act has link.

use serde::Serialize;

use super::mentions::{self, ArticleMention};
use crate::model::Letter;

/// Where in a letter a mention stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "in", rename_all = "lowercase")]
pub enum Spot {
    /// Paragraph `paragraph` of section `section`, both from 0.
    Paragraph { section: usize, paragraph: usize },
    /// The note numbered `number`.
    Note { number: u32 },
}

/// A mention of one act's articles.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Link {
    pub spot: Spot,
    pub mention: ArticleMention,
    /// The act's index in the corpus.
    pub act: usize,
}

/// How the words of a letter name an act: its document number (`com(2022) 209`) and, for an
/// adopted act, its number (`2031/77`), in lower case.
pub fn names_of(act: &Letter) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(reference) = &act.reference {
        let r = reference.trim().to_lowercase();
        let r = r.strip_suffix("final").unwrap_or(&r).trim().to_string();
        // `COM(2022) 209` is also written `COM (2022) 209` and `COM(2022)209`.
        if let Some((head, number)) = r.split_once(") ") {
            out.push(format!("{head}){number}"));
            if let Some((word, year)) = head.split_once('(') {
                out.push(format!("{} ({year}) {number}", word.trim_end()));
            }
        }
        if r.chars().filter(char::is_ascii_digit).count() >= 4 {
            out.push(r);
        }
    }
    if let Some(number) = act.subject.as_deref().and_then(super::act_number)
        && let Some(n) = number.rsplit(' ').next()
    {
        out.push(n.to_lowercase());
    }
    out.sort();
    out.dedup();
    out
}

/// Every mention in `letter` of an article of an act in `letters`, paragraphs first, then
/// notes. None in an act itself, none when the library has no act.
pub fn links(letters: &[Letter], letter: &Letter) -> Vec<Link> {
    if letter.is_act() {
        return Vec::new();
    }
    let acts: Vec<(usize, Vec<String>)> = (letters.iter().enumerate())
        .filter(|(_, l)| l.is_act())
        .map(|(i, l)| (i, names_of(l)))
        .collect();
    let Some(&(first, _)) = acts.first() else {
        return Vec::new();
    };
    let about = mentions::is_about_the_act(
        (letter.subject.iter().map(String::as_str))
            .chain(letter.paragraphs().map(|(_, _, p)| p.text.as_str())),
    );
    let named = |words: &str| {
        let words = words.to_lowercase();
        acts.iter()
            .position(|(_, names)| names.iter().any(|n| words.contains(n.as_str())))
    };
    let texts = (letter.paragraphs())
        .map(|(section, paragraph, p)| (Spot::Paragraph { section, paragraph }, p.text.as_str()))
        .chain(
            (letter.footnotes.iter()).map(|n| (Spot::Note { number: n.number }, n.text.as_str())),
        );
    let mut out = Vec::new();
    for (spot, text) in texts {
        for (mut mention, by_name) in mentions::article_mentions_named(text, about, &named) {
            let act = by_name.map_or(first, |k| acts[k].0);
            mention
                .articles
                .retain(|a| letters[act].article(a).is_some());
            if !mention.articles.is_empty() {
                out.push(Link { spot, mention, act });
            }
        }
    }
    out
}
