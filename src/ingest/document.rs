//! The one document model every reader produces, whatever the format: the text as lines, and
//! for each line what the format states about it (its role, its page, whether it is set in
//! bold), the notes the format states with their markers in place, and hints for the metadata
//! (a front matter's title and date). The passes after it are the same for every format: they
//! use what is stated and infer what is not.
//!
//! A text file states nothing: its document is its decoded text, with no line information at
//! all, and every pass infers as it always did. A PDF, DOCX, ODT or HTML reader states most of
//! it: a paragraph is one line, a running footer is [`Role::Furniture`], a note marker stands
//! where the format put it. Readers build documents with a [`Builder`], which keeps the text
//! and the line information in step.
//!
//! Note markers a format states are written into the text as a private-use sentinel
//! ([`MARKER_OPEN`] digits [`MARKER_CLOSE`]), which the markers pass takes out again with its
//! offset, so that markers survive the joining and cleaning of lines without offsets to carry
//! through every pass. [`Builder::text`] replaces those two characters wherever a document's
//! own text has them, so a letter cannot forge a marker.

use crate::model::{Date, Footnote};

/// Where a document's bytes came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Pdf,
    Docx,
    Odt,
    Html,
}

impl Format {
    /// Whether the text is plain or Markdown text, whose inline markup the passes clean.
    pub fn is_text(self) -> bool {
        matches!(self, Format::Text | Format::Markdown)
    }

    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Markdown => "Markdown",
            Format::Pdf => "PDF",
            Format::Docx => "DOCX",
            Format::Odt => "ODT",
            Format::Html => "HTML",
        }
    }
}

/// What the format says a line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Role {
    /// Nothing stated: the passes decide (letterhead, address, date line, salutation, running
    /// text, furniture), as they do for text.
    #[default]
    Inferred,
    /// A whole paragraph of running text, never joined with its neighbours. A short one set
    /// wholly in bold may still become a heading.
    Paragraph,
    /// A heading, with its level (1 the highest).
    Heading(u8),
    /// An item of a list.
    ListItem,
    /// A running header or footer, a page number: not part of the letter.
    Furniture,
    /// Text beside the letter that tells about it: the letterhead's side column (ministry,
    /// address, `Ons kenmerk`, `Datum`). Kept out of the body, read for metadata.
    Aside,
}

impl Role {
    /// Whether the format states that the line is part of the running text.
    pub fn is_content(self) -> bool {
        matches!(self, Role::Paragraph | Role::Heading(_) | Role::ListItem)
    }

    /// Whether the line is kept out of the body.
    pub fn is_furniture(self) -> bool {
        matches!(self, Role::Furniture | Role::Aside)
    }
}

/// What the format states about one line of [`Document::text`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct LineInfo {
    pub role: Role,
    /// The 1-based page the line stands on; 0 where the format has no pages.
    pub page: u32,
    /// Whether the whole line is set in bold.
    pub bold: bool,
}

/// Metadata a format states outside the letter's text (front matter, document properties).
/// The letter's own header wins where it states the same.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Hints {
    pub subject: Option<String>,
    pub date: Option<Date>,
    /// The document's number, where a page's own head states it (`Nummer: 33308-13`).
    pub reference: Option<String>,
    /// Who submitted it, where a page's own head states it (`Indiener: Lilian Helder, ...`).
    pub sender: Option<String>,
}

/// A document, as a reader made it.
#[derive(Debug, Clone)]
pub struct Document {
    pub format: Format,
    /// The text, lines separated by `\n`.
    pub text: String,
    /// One entry per line of `text` where the format states anything, else empty (text).
    pub lines: Vec<LineInfo>,
    /// The notes, when the format states them (their markers are in the text as sentinels);
    /// `None` when the passes are to find them.
    pub notes: Option<Vec<Footnote>>,
    pub hints: Hints,
    /// What the reader found odd, without the file's name (the caller adds it).
    pub warnings: Vec<String>,
}

impl Document {
    /// A text document: nothing stated.
    pub fn text(format: Format, text: String) -> Document {
        Document {
            format,
            text,
            lines: Vec::new(),
            notes: None,
            hints: Hints::default(),
            warnings: Vec::new(),
        }
    }

    /// What the format states about line `i` (0-based); nothing for text.
    pub fn info(&self, i: usize) -> LineInfo {
        self.lines.get(i).copied().unwrap_or_default()
    }

    /// Whether the format states anything about its lines.
    pub fn states_roles(&self) -> bool {
        !self.lines.is_empty()
    }
}

/// Opens a note marker the format states; digits and [`MARKER_CLOSE`] follow.
pub const MARKER_OPEN: char = '\u{E000}';
/// Closes a note marker the format states.
pub const MARKER_CLOSE: char = '\u{E001}';

/// Builds a [`Document`] a line at a time.
///
/// ```
/// use brieven::ingest::document::{Builder, Format, Role};
/// let mut b = Builder::new(Format::Docx);
/// b.text("Een zin.");
/// b.marker(1);
/// b.end_line(Role::Paragraph, 0, false);
/// b.gap();
/// b.note(1, "Zie https://example.org.", vec!["https://example.org".into()], 0);
/// let doc = b.finish();
/// assert_eq!(doc.lines.len(), doc.text.split('\n').count());
/// assert_eq!(doc.notes.as_ref().map(Vec::len), Some(1));
/// ```
#[derive(Debug)]
pub struct Builder {
    doc: Document,
    /// Whether the current line has text (or a marker) not yet ended.
    open: bool,
    /// Whether the text ends with a blank line (or nothing at all).
    after_gap: bool,
}

impl Builder {
    pub fn new(format: Format) -> Builder {
        Builder {
            doc: Document {
                format,
                text: String::new(),
                lines: Vec::new(),
                notes: Some(Vec::new()),
                hints: Hints::default(),
                warnings: Vec::new(),
            },
            open: false,
            after_gap: true,
        }
    }

    /// Appends text to the current line. Line breaks and other white space become single
    /// spaces; the marker sentinels become U+FFFD; control characters are left for the
    /// sanitising that every letter's text goes through.
    pub fn text(&mut self, s: &str) {
        let mut space = self.doc.text.ends_with(' ');
        for c in s.chars() {
            let c = match c {
                MARKER_OPEN | MARKER_CLOSE => '\u{FFFD}',
                c => c,
            };
            if c.is_whitespace() {
                if self.open && !space {
                    self.doc.text.push(' ');
                    space = true;
                }
                continue;
            }
            self.doc.text.push(c);
            self.open = true;
            space = false;
        }
    }

    /// Puts the marker of note `number` at the end of the current line's text.
    pub fn marker(&mut self, number: u32) {
        self.doc.text.push(MARKER_OPEN);
        self.doc.text.push_str(&number.to_string());
        self.doc.text.push(MARKER_CLOSE);
        self.open = true;
    }

    /// The text of the line being built.
    pub fn current_line(&self) -> &str {
        let start = self.doc.text.rfind('\n').map_or(0, |i| i + 1);
        &self.doc.text[start..]
    }

    /// Whether the current line has anything in it yet.
    pub fn line_is_empty(&self) -> bool {
        !self.open
    }

    /// Ends the current line with what the format states about it; nothing happens when the
    /// line is empty.
    pub fn end_line(&mut self, role: Role, page: u32, bold: bool) {
        if !self.open {
            return;
        }
        while self.doc.text.ends_with(' ') {
            self.doc.text.pop();
        }
        self.doc.text.push('\n');
        self.doc.lines.push(LineInfo { role, page, bold });
        self.open = false;
        self.after_gap = false;
    }

    /// A blank line: where the format shows vertical space (between paragraphs, between the
    /// blocks of a letter's head). Two gaps in a row are one.
    pub fn gap(&mut self) {
        if self.open {
            self.end_line(Role::Inferred, 0, false);
        }
        if self.after_gap {
            return;
        }
        self.doc.text.push('\n');
        self.doc.lines.push(LineInfo::default());
        self.after_gap = true;
    }

    /// A note the format states. Its text is folded to single spaces.
    pub fn note(&mut self, number: u32, text: &str, urls: Vec<String>, page: u32) {
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        let text = text.replace([MARKER_OPEN, MARKER_CLOSE], "\u{FFFD}");
        if let Some(notes) = &mut self.doc.notes {
            notes.push(Footnote {
                number,
                text,
                urls,
                line: 0,
                page: (page > 0).then_some(page),
            });
        }
    }

    pub fn hints(&mut self) -> &mut Hints {
        &mut self.doc.hints
    }

    pub fn warn(&mut self, warning: impl Into<String>) {
        self.doc.warnings.push(warning.into());
    }

    /// The document; a line still open is ended as [`Role::Inferred`].
    pub fn finish(mut self) -> Document {
        if self.open {
            self.end_line(Role::Inferred, 0, false);
        }
        // `lines` has one entry per `\n`; the text after the last one is an empty line.
        self.doc.lines.push(LineInfo::default());
        self.doc
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builder_keeps_one_line_info_per_line() {
        let mut b = Builder::new(Format::Html);
        b.gap();
        b.text("  Den Haag,\n 1 oktober\t2024 ");
        b.end_line(Role::Inferred, 1, false);
        b.gap();
        b.gap();
        b.text("Kop");
        b.end_line(Role::Heading(2), 1, true);
        b.text("Tekst");
        b.marker(12);
        b.text(" en meer \u{E000}3\u{E001}");
        b.end_line(Role::Paragraph, 2, false);
        b.end_line(Role::Paragraph, 2, false); // empty: nothing
        let doc = b.finish();
        let lines: Vec<&str> = doc.text.split('\n').collect();
        assert_eq!(
            lines,
            [
                "Den Haag, 1 oktober 2024",
                "",
                "Kop",
                "Tekst\u{E000}12\u{E001} en meer \u{FFFD}3\u{FFFD}",
                ""
            ]
        );
        assert_eq!(doc.lines.len(), lines.len());
        assert_eq!(doc.info(2).role, Role::Heading(2));
        assert!(doc.info(2).bold);
        assert_eq!(doc.info(3).page, 2);
        assert_eq!(doc.info(99), LineInfo::default());
    }
}
