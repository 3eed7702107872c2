//! Bytes to [`Letter`]: ingestion in passes.
//!
//! 1. [`decode`]: bytes to text with LF line ends.
//! 2. [`lines`]: text to classified lines (blank, rule, note definition, text).
//! 3. [`layout`]: the letter's regions (header, body, closing) and page furniture out.
//! 4. [`notes`]: footnote definitions and the markers that cite them.
//! 5. [`blocks`]: body lines to headings, paragraphs and list items, re-flowed.
//! 6. [`meta`]: date, place, sender, recipients, subject, reference, signatories.
//!
//! No pass panics on any input; whatever looks wrong becomes a warning on the letter.

pub mod decode;

use crate::model::{Letter, Paragraph, Section};

/// Parses one letter file.
pub fn parse(id: &str, source: &str, bytes: &[u8]) -> Letter {
    let decoded = decode::decode(bytes);
    let mut letter = parse_text(id, source, &decoded.text);
    letter.warnings.splice(
        0..0,
        decoded.warnings.into_iter().map(|w| format!("{id}: {w}")),
    );
    letter
}

/// Parses the text of one letter.
pub fn parse_text(id: &str, source: &str, text: &str) -> Letter {
    let paragraphs = text
        .split("\n\n")
        .map(|block| block.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|t| !t.is_empty())
        .map(|text| Paragraph {
            text,
            ..Paragraph::default()
        })
        .collect();
    Letter {
        id: id.to_string(),
        source: source.to_string(),
        sections: vec![Section {
            heading: None,
            paragraphs,
            line: 1,
        }],
        ..Letter::default()
    }
}
