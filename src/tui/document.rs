//! The open letter laid out for the Reading pane: a header, headings and paragraphs as blocks
//! of sanitized display text with their note markers, wrapped once per width (the wrap cache).
//! Drawing a frame only slices the lines in view; nothing here runs per frame.

use std::ops::Range;

use brieven::i18n::Lang;
use brieven::model::{Letter, ParagraphKind};
use brieven::text::sanitize;
use brieven::wrap::wrap;

/// What a block of the document shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// Sender → recipients.
    Sender,
    /// Place and date.
    Dateline,
    /// The subject line.
    Subject,
    /// The sender's reference.
    Reference,
    /// The sidecar's stance and summary.
    Summary,
    /// The opening line (`Geachte ...,`).
    Salutation,
    /// Who signed, after the last section.
    Signatories,
    /// The heading of a section.
    Heading { section: usize },
    /// A paragraph (or list item) of a section.
    Paragraph {
        section: usize,
        paragraph: usize,
        list: bool,
    },
}

/// A field of the letter's header that register occurrences point into.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MetaField {
    Sender,
    /// The `n`th addressee.
    Recipient(usize),
    Subject,
    Salutation,
    /// The `n`th signatory.
    Signatory(usize),
    /// The letter's own date, in the dateline.
    Date,
}

/// Where a header field stands: chars `start..start + len` of block `block`'s text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldSpan {
    pub field: MetaField,
    pub block: usize,
    pub start: usize,
    pub len: usize,
}

/// A note marker inside a block's display text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Marker {
    pub number: u32,
    /// Byte range of the marker in [`Block::text`].
    pub range: Range<usize>,
}

/// One unit of text: sanitized, with markers inserted as superscript numbers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    pub text: String,
    pub markers: Vec<Marker>,
    /// Index of the first wrapped line of this block.
    pub first_line: usize,
    /// How many wrapped lines it has.
    pub line_count: usize,
}

impl Block {
    /// The byte offsets in [`Block::text`] of the given chars of the source text (markers
    /// skipped; past the end: the end of the text), in one pass over the text.
    pub fn display_bytes(&self, chars: &[usize]) -> Vec<usize> {
        let mut order: Vec<usize> = (0..chars.len()).collect();
        order.sort_by_key(|&i| chars[i]);
        let mut out = vec![self.text.len(); chars.len()];
        let mut wanted = order.into_iter().peekable();
        let mut seen = 0;
        let mut markers = self.markers.iter().peekable();
        for (b, _) in self.text.char_indices() {
            if wanted.peek().is_none() {
                break;
            }
            while markers.peek().is_some_and(|m| m.range.end <= b) {
                markers.next();
            }
            if markers.peek().is_some_and(|m| m.range.contains(&b)) {
                continue;
            }
            while let Some(i) = wanted.next_if(|&i| chars[i] <= seen) {
                out[i] = b;
            }
            seen += 1;
        }
        out
    }
}

/// One wrapped line: a byte range of a block's text, or a blank line between blocks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocLine {
    pub block: Option<usize>,
    pub range: Range<usize>,
    /// Whether this is the first line of its block (where a list bullet goes).
    pub first: bool,
}

/// The wrapped letter for one width.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Document {
    /// Index of the letter in the corpus.
    pub letter: usize,
    /// The text width it was wrapped to.
    pub width: usize,
    pub blocks: Vec<Block>,
    pub lines: Vec<DocLine>,
    /// For each section, the index of its first block (its heading or first paragraph).
    pub section_blocks: Vec<usize>,
    /// Mentions of the act's articles (see `tui::article`), set after the build.
    pub links: Vec<crate::tui::article::ArticleLink>,
    /// Where each header field stands, for highlighting what was found in it.
    pub fields: Vec<FieldSpan>,
}

/// Columns taken by the bullet of a list item.
pub const LIST_INDENT: usize = 2;

impl Document {
    /// Lays out `letter` (corpus index `index`) for text `width` columns wide, in English.
    #[cfg(test)]
    pub fn build(letter: &Letter, index: usize, width: usize) -> Document {
        Document::build_in(letter, index, width, Lang::En)
    }

    /// [`Document::build`] with the header's labels and date in `lang`.
    pub fn build_in(letter: &Letter, index: usize, width: usize, lang: Lang) -> Document {
        let s = lang.strings();
        let mut doc = Document {
            letter: index,
            width,
            ..Document::default()
        };
        let push = |doc: &mut Document, kind, text: String, markers| {
            doc.blocks.push(Block {
                kind,
                text,
                markers,
                first_line: 0,
                line_count: 0,
            });
        };
        let sender = sanitize(letter.sender_or_unknown()).into_owned();
        let to = if letter.recipients.is_empty() {
            String::new()
        } else {
            format!(" → {}", sanitize(&letter.recipients.join("; ")))
        };
        // Sanitizing replaces a char by one char: offsets into the fields stay as they are.
        let block = doc.blocks.len();
        let chars = |s: &str| s.chars().count();
        if let Some(name) = &letter.sender {
            doc.field(MetaField::Sender, block, 0, chars(name));
        }
        let mut start = chars(&sender) + chars(" → ");
        for (i, r) in letter.recipients.iter().enumerate() {
            doc.field(MetaField::Recipient(i), block, start, chars(r));
            start += chars(r) + chars("; ");
        }
        push(&mut doc, BlockKind::Sender, sender + &to, Vec::new());
        let date = letter.date.map(|d| lang.date_long(d));
        let place = letter.place.as_deref().map(|p| sanitize(p).into_owned());
        if let Some(d) = &date {
            let start = place.as_deref().map_or(0, |p| chars(p) + chars(", "));
            doc.field(MetaField::Date, doc.blocks.len(), start, chars(d));
        }
        let dateline = match (place, date) {
            (Some(p), Some(d)) => Some(format!("{p}, {d}")),
            (p, d) => p.or(d),
        };
        if let Some(line) = dateline {
            push(&mut doc, BlockKind::Dateline, line, Vec::new());
        }
        if let Some(subject) = &letter.subject {
            let start = chars(s.label_subject) + chars(": ");
            doc.field(MetaField::Subject, doc.blocks.len(), start, chars(subject));
            push(
                &mut doc,
                BlockKind::Subject,
                format!("{}: {}", s.label_subject, sanitize(subject)),
                Vec::new(),
            );
        }
        if let Some(r) = &letter.reference {
            push(
                &mut doc,
                BlockKind::Reference,
                format!("{}: {}", s.label_reference, sanitize(r)),
                Vec::new(),
            );
        }
        if letter.stance.is_some() || letter.summary.is_some() {
            let stance = letter.stance.map(|st| lang.stance(st)).unwrap_or("");
            let summary = letter.summary.as_deref().map(sanitize).unwrap_or_default();
            let sep = if stance.is_empty() || summary.is_empty() {
                ""
            } else {
                " — "
            };
            push(
                &mut doc,
                BlockKind::Summary,
                format!("{stance}{sep}{summary}"),
                Vec::new(),
            );
        }
        if let Some(greeting) = &letter.salutation {
            doc.field(MetaField::Salutation, doc.blocks.len(), 0, chars(greeting));
            push(
                &mut doc,
                BlockKind::Salutation,
                sanitize(greeting).into_owned(),
                Vec::new(),
            );
        }
        for (s, section) in letter.sections.iter().enumerate() {
            doc.section_blocks.push(doc.blocks.len());
            if let Some(h) = &section.heading {
                push(
                    &mut doc,
                    BlockKind::Heading { section: s },
                    sanitize(h).into_owned(),
                    Vec::new(),
                );
            }
            for (p, para) in section.paragraphs.iter().enumerate() {
                let (text, markers) = with_markers(&para.text, &para.notes);
                let kind = BlockKind::Paragraph {
                    section: s,
                    paragraph: p,
                    list: para.kind == ParagraphKind::ListItem,
                };
                push(&mut doc, kind, text, markers);
            }
        }
        if !letter.signed_by.is_empty() {
            let label = "Signed: ";
            let mut start = chars(label);
            for (i, name) in letter.signed_by.iter().enumerate() {
                doc.field(
                    MetaField::Signatory(i),
                    doc.blocks.len(),
                    start,
                    chars(name),
                );
                start += chars(name) + chars("; ");
            }
            let names = sanitize(&letter.signed_by.join("; ")).into_owned();
            push(
                &mut doc,
                BlockKind::Signatories,
                format!("{label}{names}"),
                Vec::new(),
            );
        }
        doc.wrap_blocks();
        doc
    }

    fn field(&mut self, field: MetaField, block: usize, start: usize, len: usize) {
        self.fields.push(FieldSpan {
            field,
            block,
            start,
            len,
        });
    }

    /// The block and byte range of chars `at..at + len` of a header field (the whole date
    /// for [`MetaField::Date`]); `None` when the letter has no such field or the range lies
    /// outside it.
    pub fn field_range(
        &self,
        field: MetaField,
        at: usize,
        len: usize,
    ) -> Option<(usize, Range<usize>)> {
        let span = self.fields.iter().find(|s| s.field == field)?;
        let (at, len) = match field {
            MetaField::Date => (0, span.len),
            _ => (at, len),
        };
        if len == 0 || at + len > span.len {
            return None;
        }
        let block = self.blocks.get(span.block)?;
        let bytes = block.display_bytes(&[span.start + at, span.start + at + len]);
        Some((span.block, bytes[0]..bytes[1]))
    }

    fn wrap_blocks(&mut self) {
        let mut lines = Vec::new();
        let mut previous: Option<BlockKind> = None;
        for (i, block) in self.blocks.iter_mut().enumerate() {
            let gap = match (previous, block.kind) {
                (None, _) => false,
                (Some(p), _) if is_header(p) && is_header(block.kind) => false,
                (
                    Some(BlockKind::Paragraph { list: true, .. }),
                    BlockKind::Paragraph { list: true, .. },
                ) => false,
                _ => true,
            };
            if gap {
                lines.push(DocLine {
                    block: None,
                    range: 0..0,
                    first: false,
                });
            }
            let width = match block.kind {
                BlockKind::Paragraph { list: true, .. } => self.width.saturating_sub(LIST_INDENT),
                _ => self.width,
            };
            block.first_line = lines.len();
            for (n, range) in wrap(&block.text, width.max(1)).into_iter().enumerate() {
                lines.push(DocLine {
                    block: Some(i),
                    range,
                    first: n == 0,
                });
            }
            block.line_count = lines.len() - block.first_line;
            previous = Some(block.kind);
        }
        self.lines = lines;
    }

    /// The first line of section `section` (its heading or first paragraph).
    pub fn section_line(&self, section: usize) -> usize {
        match self.section_blocks.get(section) {
            Some(&b) if b < self.blocks.len() => self.blocks[b].first_line,
            _ => self.lines.len(),
        }
    }

    /// The section that `line` belongs to: the last one starting at or before it (the
    /// letter's header counts as part of the first).
    pub fn section_at(&self, line: usize) -> Option<usize> {
        let n = self
            .section_blocks
            .partition_point(|&b| b < self.blocks.len() && self.blocks[b].first_line <= line);
        match n {
            0 if self.section_blocks.is_empty() => None,
            0 => Some(0),
            n => Some(n - 1),
        }
    }

    /// The block holding paragraph `paragraph` of section `section`.
    pub fn paragraph_block(&self, section: usize, paragraph: usize) -> Option<usize> {
        let start = *self.section_blocks.get(section)?;
        self.blocks[start..]
            .iter()
            .position(|b| {
                matches!(b.kind, BlockKind::Paragraph { section: s, paragraph: p, .. } if s == section && p == paragraph)
            })
            .map(|i| start + i)
    }

    /// The block holding the heading of `section`.
    pub fn heading_block(&self, section: usize) -> Option<usize> {
        let b = *self.section_blocks.get(section)?;
        (self.blocks.get(b)?.kind == BlockKind::Heading { section }).then_some(b)
    }

    /// The block a line belongs to (a blank line: the block before it).
    pub fn block_at(&self, line: usize) -> usize {
        self.lines[..(line + 1).min(self.lines.len())]
            .iter()
            .rev()
            .find_map(|l| l.block)
            .unwrap_or(0)
    }

    /// The note markers on `lines`, in reading order, as (block, marker index).
    pub fn markers_in(&self, lines: Range<usize>) -> Vec<(usize, usize)> {
        let mut found = Vec::new();
        let end = lines.end.min(self.lines.len());
        for line in &self.lines[lines.start.min(end)..end] {
            let Some(b) = line.block else { continue };
            for (m, marker) in self.blocks[b].markers.iter().enumerate() {
                if marker.range.start >= line.range.start
                    && marker.range.start < line.range.end
                    && !found.contains(&(b, m))
                {
                    found.push((b, m));
                }
            }
        }
        found
    }
}

fn is_header(kind: BlockKind) -> bool {
    matches!(
        kind,
        BlockKind::Sender
            | BlockKind::Dateline
            | BlockKind::Subject
            | BlockKind::Reference
            | BlockKind::Summary
    )
}

/// The sanitized text with each note marker inserted after the char it follows.
fn with_markers(text: &str, notes: &[brieven::model::NoteRef]) -> (String, Vec<Marker>) {
    let clean = sanitize(text);
    let mut notes: Vec<_> = notes.to_vec();
    notes.sort_by_key(|n| n.at);
    let mut out = String::with_capacity(clean.len() + notes.len() * 3);
    let mut markers = Vec::with_capacity(notes.len());
    let mut pending = notes.iter().peekable();
    for (i, c) in clean.chars().enumerate() {
        while let Some(n) = pending.next_if(|n| n.at <= i) {
            let start = out.len();
            out.push_str(&superscript(n.number));
            markers.push(Marker {
                number: n.number,
                range: start..out.len(),
            });
        }
        out.push(c);
    }
    for n in pending {
        let start = out.len();
        out.push_str(&superscript(n.number));
        markers.push(Marker {
            number: n.number,
            range: start..out.len(),
        });
    }
    (out, markers)
}

/// A note's text as the Footnotes pane shows it: sanitized, on one line. Both replace one
/// char by one, so char offsets into the note's text hold in it.
pub fn note_text(note: &brieven::model::Footnote) -> String {
    sanitize(&note.text).replace('\n', " ")
}

/// A number in superscript digits: 12 -> ¹².
pub fn superscript(n: u32) -> String {
    const DIGITS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    n.to_string()
        .bytes()
        .map(|d| DIGITS[usize::from(d - b'0')])
        .collect()
}

#[cfg(test)]
mod tests;
