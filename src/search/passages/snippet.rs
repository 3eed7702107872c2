//! Snippets: a passage cut down for display around its first match, with the matched
//! characters; made only for the passages a search returns.

use std::collections::HashSet;

use super::Passage;
use crate::search::Source;
use crate::text::fold;

/// A passage cut down for display: the text around the first match, and the matched
/// characters in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Snippet {
    pub text: String,
    pub positions: Vec<usize>,
    /// Offset in `char`s of the first match in the whole passage.
    pub at: usize,
    /// Whether the query as a whole (its words in a row) occurs in the passage.
    pub phrase: bool,
    /// How many matched words the passage holds.
    pub matches: usize,
    /// The same, those in running text counted twice: for ranking.
    pub weight: usize,
    /// Every match in the whole passage, as `char` ranges.
    pub ranges: Vec<(usize, usize)>,
}

/// Characters of context shown before the first match and in all.
const BEFORE: usize = 60;
const WIDTH: usize = 180;

/// The vocabulary words a query matched, as text: each word of a passage shown is looked
/// for here. (Looked up in the vocabulary instead, by its number, each word was a binary
/// search of the on-disk index's words: a fifth of a search's instructions on 1,000 letters.)
pub(crate) type Matched<'s> = HashSet<&'s str>;

/// The words of the vocabulary numbers `ids`.
pub(crate) fn matched_words<'s>(source: &'s impl Source, ids: &HashSet<u32>) -> Matched<'s> {
    ids.iter().filter_map(|&id| source.word(id)).collect()
}

/// The snippet of `passage` for the vocabulary words `matched` and the folded query words.
pub(crate) fn snippet(
    source: &impl Source,
    passage: Passage,
    matched: &Matched,
    query_words: &[String],
) -> Option<Snippet> {
    source.with_place_text(passage.letter_index(), passage.place, |text| {
        snippet_of(text, matched, query_words)
    })?
}

fn snippet_of(text: &str, matched: &Matched, query_words: &[String]) -> Option<Snippet> {
    let folded = fold(text);
    let mut hits: Vec<(usize, usize)> = Vec::new(); // original char ranges
    let mut sequence: Vec<Option<usize>> = Vec::new(); // which query word each text word is
    // The word being read: its first character's index and byte offset in the folded text,
    // whose words are compared as slices of it (no string made per word). A space after
    // the end ends the last word.
    let mut start = None;
    let end = std::iter::once((folded.text.len(), ' '));
    for (i, (at, c)) in folded.text.char_indices().chain(end).enumerate() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some((i, at)),
            (false, Some((s, from))) => {
                start = None;
                let word = &folded.text[from..at];
                if matched.contains(word) {
                    hits.push((folded.origin[s], folded.origin[i - 1] + 1));
                }
                sequence.push(query_words.iter().position(|q| q == word));
            }
            _ => {}
        }
    }
    let phrase = query_words.len() > 1
        && sequence
            .windows(query_words.len())
            .any(|w| w.iter().enumerate().all(|(k, &found)| found == Some(k)));
    cut(text, &hits, phrase)
}

/// The snippet of `passage` around given `char` ranges (an entity's occurrences in it).
pub(crate) fn snippet_at(
    source: &impl Source,
    passage: Passage,
    ranges: &[(usize, usize)],
) -> Option<Snippet> {
    source.with_place_text(passage.letter_index(), passage.place, |text| {
        cut(text, ranges, false)
    })?
}

/// `text` cut to a window around the first of the `char` ranges `hits`, with the positions of
/// all of them that fall inside it.
fn cut(text: &str, hits: &[(usize, usize)], phrase: bool) -> Option<Snippet> {
    let &(first, _) = hits.first()?;
    let original: Vec<char> = text.chars().collect();
    let first = first.min(original.len());
    let mut from = first.saturating_sub(BEFORE);
    while from > 0 && from < first && !original[from - 1].is_whitespace() {
        from += 1;
    }
    let mut to = (from + WIDTH).min(original.len());
    while to < original.len() && to > first + 20 && !original[to].is_whitespace() {
        to -= 1;
    }
    let lead = usize::from(from > 0);
    let mut out = String::new();
    if from > 0 {
        out.push('…');
    }
    out.extend(
        original[from..to]
            .iter()
            .map(|&c| if c == '\n' { ' ' } else { c }),
    );
    if to < original.len() {
        out.push('…');
    }
    let positions = hits
        .iter()
        .flat_map(|&(s, e)| s..e)
        .filter(|&p| p >= from && p < to)
        .map(|p| p - from + lead)
        .collect();
    // A match in running text counts double a match inside a URL.
    let links = crate::register::link_spans(text);
    let weight = hits
        .iter()
        .map(|&(s, _)| {
            if crate::register::in_spans(&links, s) {
                1
            } else {
                2
            }
        })
        .sum();
    Some(Snippet {
        text: out,
        positions,
        at: first,
        phrase,
        matches: hits.len(),
        weight,
        ranges: hits.to_vec(),
    })
}
