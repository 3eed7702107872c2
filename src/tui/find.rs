//! Searching the open letter, as less's `/` does (the reader's `s`; `/` searches every letter):
//! a pattern matched in what the Reading pane shows (the header, headings and paragraphs, note
//! markers skipped), every occurrence, in reading order. Smartcase: a pattern without capitals
//! ignores case and diacritics (`yesilgoz` finds Yeşilgöz), one with a capital is matched as
//! written. The texts are folded once per letter ([`Haystack`]); each keystroke only scans.

use std::ops::Range;
use std::sync::Arc;

use brieven::text::{fold, fold_str};

use super::app::Highlight;
use super::document::Document;

/// One occurrence: a byte range of a block's display text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    pub block: usize,
    pub range: Range<usize>,
}

/// The open letter's blocks as plain text (markers out), as written and folded.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Haystack {
    /// The corpus index of the letter.
    pub letter: usize,
    blocks: Vec<BlockText>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct BlockText {
    /// The block's text without its note markers.
    plain: String,
    /// For each char of `plain`, its byte range in the block's display text.
    spans: Vec<Range<usize>>,
    /// `plain` folded (case and diacritics out), with each folded char's origin in `plain`.
    folded: String,
    origin: Vec<usize>,
}

impl Haystack {
    /// The blocks of `doc` (the document of corpus letter `letter`), ready to search.
    pub fn of(doc: &Document, letter: usize) -> Haystack {
        let blocks = doc
            .blocks
            .iter()
            .map(|block| {
                let mut plain = String::with_capacity(block.text.len());
                let mut spans = Vec::with_capacity(block.text.len());
                let mut markers = block.markers.iter().peekable();
                for (b, c) in block.text.char_indices() {
                    while markers.peek().is_some_and(|m| m.range.end <= b) {
                        markers.next();
                    }
                    if markers.peek().is_some_and(|m| m.range.contains(&b)) {
                        continue;
                    }
                    plain.push(c);
                    spans.push(b..b + c.len_utf8());
                }
                let folded = fold(&plain);
                BlockText {
                    plain,
                    spans,
                    folded: folded.text,
                    origin: folded.origin,
                }
            })
            .collect();
        Haystack { letter, blocks }
    }

    /// Every occurrence of `query` in reading order; none for a blank query.
    pub fn find(&self, query: &str) -> Vec<Match> {
        if query.trim().is_empty() {
            return Vec::new();
        }
        let exact = query.chars().any(char::is_uppercase);
        let needle = if exact {
            query.to_string()
        } else {
            fold_str(query)
        };
        // A pattern of combining marks alone folds to nothing.
        if needle.is_empty() {
            return Vec::new();
        }
        let mut out = Vec::new();
        for (b, text) in self.blocks.iter().enumerate() {
            let (hay, origin) = if exact {
                (&text.plain, None)
            } else {
                (&text.folded, Some(&text.origin))
            };
            // Char index of each byte offset where a char starts, found as the scan goes.
            let mut chars = hay.char_indices().enumerate().peekable();
            for (at, found) in hay.match_indices(needle.as_str()) {
                let mut index = |byte: usize| {
                    while let Some(&(i, (b, _))) = chars.peek() {
                        if b >= byte {
                            return i;
                        }
                        chars.next();
                    }
                    usize::MAX
                };
                let first = index(at);
                let last = first + found.chars().count() - 1;
                let (first, last) = match origin {
                    Some(o) => match (o.get(first), o.get(last)) {
                        (Some(&f), Some(&l)) => (f, l),
                        _ => continue,
                    },
                    None => (first, last),
                };
                if let (Some(start), Some(end)) = (text.spans.get(first), text.spans.get(last)) {
                    out.push(Match {
                        block: b,
                        range: start.start..end.end,
                    });
                }
            }
        }
        out
    }
}

/// The pattern in force: its matches in the open letter and the one shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Find {
    pub query: String,
    pub haystack: Arc<Haystack>,
    pub matches: Vec<Match>,
    /// The match shown (highlighted as the current one), if any.
    pub index: Option<usize>,
}

impl Find {
    /// `query` matched in `haystack`.
    pub fn new(query: String, haystack: Arc<Haystack>) -> Find {
        let matches = haystack.find(&query);
        Find {
            query,
            haystack,
            matches,
            index: None,
        }
    }

    /// The current match as the Reading pane highlights it.
    pub fn highlight(&self) -> Option<Highlight> {
        let m = self.matches.get(self.index?)?;
        Some(Highlight {
            letter: self.haystack.letter,
            at: super::app::Shown::Block(m.block),
            range: m.range.clone(),
        })
    }
}

/// The first line of `doc` that shows byte `at` of block `block`.
pub fn line_of(doc: &Document, block: usize, at: usize) -> usize {
    let Some(b) = doc.blocks.get(block) else {
        return 0;
    };
    let lines = doc.lines.get(b.first_line..b.first_line + b.line_count);
    lines
        .and_then(|lines| lines.iter().position(|l| l.range.end > at))
        .map_or(b.first_line, |i| b.first_line + i)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::fixtures;

    fn texts(doc: &Document, matches: &[Match]) -> Vec<String> {
        matches
            .iter()
            .map(|m| doc.blocks[m.block].text[m.range.clone()].to_string())
            .collect()
    }

    #[test]
    fn every_occurrence_is_found_with_smartcase_and_without_diacritics() {
        let letter = fixtures::offlimits();
        let doc = Document::build(&letter, 0, 60);
        let hay = Haystack::of(&doc, 0);
        // Four paragraphs hold the filler, which says "materiaal" twice: every one counts.
        let all = hay.find("materiaal");
        assert_eq!(all.len(), 18, "{:?}", texts(&doc, &all));
        // In reading order.
        assert!(
            all.windows(2)
                .all(|w| (w[0].block, w[0].range.start) < (w[1].block, w[1].range.start))
        );
        assert_eq!(texts(&doc, &hay.find("DETECTIE")), Vec::<String>::new());
        let capital = hay.find("Detectie");
        // Nine fillers and a heading; without a capital also the summary's "Steunt detectie".
        assert_eq!(capital.len(), 10);
        assert!(texts(&doc, &capital).iter().all(|t| t == "Detectie"));
        assert_eq!(hay.find("detectie").len(), 11);
        assert!(hay.find("").is_empty() && hay.find(" ").is_empty());
        assert!(
            hay.find("\u{301}").is_empty(),
            "a lone accent finds nothing"
        );
    }

    #[test]
    fn a_match_across_a_note_marker_spans_it() {
        let letter = fixtures::offlimits();
        let doc = Document::build(&letter, 0, 60);
        let hay = Haystack::of(&doc, 0);
        // Note 1 stands at char 73 of the paragraph, inside "ontvingen".
        let found = hay.find("wij ontvingen");
        assert_eq!(found.len(), 1);
        let text = &doc.blocks[found[0].block].text[found[0].range.clone()];
        assert!(
            text.starts_with("Wij o") && text.ends_with("ntvingen"),
            "{text}"
        );
        assert!(
            text.contains('¹'),
            "the marker lies inside the match: {text}"
        );
    }

    #[test]
    fn folding_finds_accented_text_and_the_header() {
        let mut letter = fixtures::kinderrechten();
        letter.signed_by = vec!["D. Yeşilgöz-Zegerius".into()];
        let doc = Document::build(&letter, 1, 60);
        let hay = Haystack::of(&doc, 1);
        let found = hay.find("yesilgoz");
        assert_eq!(texts(&doc, &found), ["Yeşilgöz"]);
        assert_eq!(texts(&doc, &hay.find("leiden")), ["Leiden"]);
    }
}
