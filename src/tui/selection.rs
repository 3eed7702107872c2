//! The sentence selection (`v`): sentences of the current paragraph, a contiguous run of them
//! selected, which `y` copies with the paragraph's citation. The state the overlay owns, and
//! where the selection stands in the Reading pane's text.

use std::ops::Range;

use brieven::i18n::{Lang, fill_all, reader_text};
use brieven::model::Letter;

use super::document::{BlockKind, Document};

/// Sentences `anchor..=cursor` (either way round) of paragraph `block`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Selection {
    /// The block of the Reading pane's document the paragraph is.
    pub block: usize,
    pub section: usize,
    pub paragraph: usize,
    /// The paragraph's sentences as char ranges of its text (the letter's, without markers).
    pub sentences: Vec<Range<usize>>,
    /// Where the selection started; `J`/`K` move the other end, `cursor`.
    pub anchor: usize,
    pub cursor: usize,
}

impl Selection {
    /// The sentences of paragraph `block` of `doc` (a document of `letter`), the one holding
    /// char `at` of its text selected (the first when none does); `None` for other blocks and
    /// blank paragraphs.
    pub fn new(letter: &Letter, doc: &Document, block: usize, at: Option<usize>) -> Option<Self> {
        let BlockKind::Paragraph {
            section, paragraph, ..
        } = doc.blocks.get(block)?.kind
        else {
            return None;
        };
        let text = &letter
            .sections
            .get(section)?
            .paragraphs
            .get(paragraph)?
            .text;
        let sentences = char_ranges(text, brieven::sentences::split(text));
        if sentences.is_empty() {
            return None;
        }
        let start = at
            .and_then(|at| sentences.iter().position(|r| at < r.end))
            .unwrap_or(0);
        Some(Selection {
            block,
            section,
            paragraph,
            sentences,
            anchor: start,
            cursor: start,
        })
    }

    /// The selected sentences' indices.
    pub fn span(&self) -> Range<usize> {
        self.anchor.min(self.cursor)..self.anchor.max(self.cursor) + 1
    }

    /// The selected text as chars of the paragraph's text.
    pub fn chars(&self) -> Range<usize> {
        let span = self.span();
        self.sentences[span.start].start..self.sentences[span.end - 1].end
    }

    /// The selection as a byte range of its block's display text (note markers right after
    /// the last sentence included).
    pub fn display_range(&self, doc: &Document) -> Option<Range<usize>> {
        let block = doc.blocks.get(self.block)?;
        let chars = self.chars();
        let ends = block.display_bytes(&[chars.start, chars.end]);
        // The end is the next char's place, after any marker; markers count with the
        // sentence they follow, spaces do not.
        let end = block.text[..ends[1]].trim_end().len();
        (ends[0] < end).then_some(ends[0]..end)
    }

    /// Where the selection is, for the status line: `sentence 2 of 5`, `sentences 2–3 of 5`.
    pub fn label(&self, lang: Lang) -> String {
        let span = self.span();
        let total = self.sentences.len().to_string();
        if span.len() == 1 {
            let at = (span.start + 1).to_string();
            fill_all(reader_text(lang, "sentence {} of {}"), &[&at, &total])
        } else {
            let from_to = format!("{}–{}", span.start + 1, span.end);
            fill_all(reader_text(lang, "sentences {} of {}"), &[&from_to, &total])
        }
    }
}

/// Byte ranges of `text` as char ranges, in one pass (the ranges in order).
fn char_ranges(text: &str, bytes: Vec<Range<usize>>) -> Vec<Range<usize>> {
    let mut ends: Vec<usize> = bytes.iter().flat_map(|r| [r.start, r.end]).collect();
    let mut next = 0;
    let bounds = text.char_indices().map(|(b, _)| b).chain([text.len()]);
    for (chars, b) in bounds.enumerate() {
        while next < ends.len() && ends[next] <= b {
            ends[next] = chars;
            next += 1;
        }
    }
    ends.chunks(2).map(|w| w[0]..w[1]).collect()
}
