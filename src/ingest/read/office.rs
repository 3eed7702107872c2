//! What the DOCX and ODT readers share: bounded access to a zip archive's entries, a bounded
//! XML event loop, and the paragraph model both formats are read into before it becomes a
//! [`Document`] (so that the letter's head and closing can be told from its body).
//!
//! Limits (a zip bomb or a deep XML file is refused with a message, never read whole):
//! at most [`MAX_ENTRIES`] entries, [`MAX_ENTRY_BYTES`] unzipped per entry read and
//! [`MAX_TOTAL_BYTES`] in all, XML nested at most [`MAX_DEPTH`] deep.
//!
//! How the paragraphs become lines: every paragraph is one line, a line break inside it ends a
//! line of the same paragraph; an empty paragraph, or spacing the paragraph's style puts
//! around it, is a blank line. Headings and list items are stated as such. Paragraphs between
//! the salutation and the valediction are stated as [`Role::Paragraph`] (bold when wholly
//! bold); the letter's head and closing are left [`Role::Inferred`], for the passes to read as
//! they read a text letter. A table row is one paragraph: its cells' text separated by ` | `
//! (a cell's own paragraphs joined by a space). Text boxes and frames (a letterhead's side
//! column) come first, as [`Role::Aside`] lines: read for metadata, kept out of the body.
//! Running headers and footers are not read at all.

use std::io::{Cursor, Read};

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::ReadError;
use crate::ingest::document::{Builder, Format, Role};
use crate::ingest::inline;
use crate::ingest::patterns;

/// Most entries an archive may have.
pub const MAX_ENTRIES: usize = 20_000;
/// Most bytes one entry may unzip to.
pub const MAX_ENTRY_BYTES: u64 = 64 << 20;
/// Most bytes all entries read may unzip to together.
pub const MAX_TOTAL_BYTES: u64 = 160 << 20;
/// Deepest XML nesting read.
pub const MAX_DEPTH: usize = 512;

/// What an encrypted document is told.
pub const ENCRYPTED: &str = "an encrypted document: save it without a password, then open it again";

/// A zip archive read within the limits above.
pub struct Archive<'a> {
    zip: zip::ZipArchive<Cursor<&'a [u8]>>,
    total: u64,
    entry_max: u64,
    total_max: u64,
}

impl<'a> Archive<'a> {
    /// Opens the archive; `what` names the format for messages.
    pub fn open(bytes: &'a [u8], what: &str) -> Result<Archive<'a>, ReadError> {
        Archive::open_with(bytes, what, MAX_ENTRY_BYTES, MAX_TOTAL_BYTES)
    }

    /// Opens the archive with other limits on the bytes unzipped (per entry, in all).
    pub fn open_with(
        bytes: &'a [u8],
        what: &str,
        entry_max: u64,
        total_max: u64,
    ) -> Result<Archive<'a>, ReadError> {
        let zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| {
            ReadError::new(format!(
                "a damaged {what} file: its zip archive cannot be read ({e})"
            ))
        })?;
        if zip.len() > MAX_ENTRIES {
            return Err(ReadError::new(format!(
                "a {what} file with {} zip entries (at most {MAX_ENTRIES} are read)",
                zip.len()
            )));
        }
        Ok(Archive {
            zip,
            total: 0,
            entry_max,
            total_max,
        })
    }

    /// The unzipped bytes of entry `name`, `None` when there is none.
    pub fn entry(&mut self, name: &str) -> Result<Option<Vec<u8>>, ReadError> {
        let file = match self.zip.by_name(name) {
            Ok(file) => file,
            Err(zip::result::ZipError::FileNotFound) => return Ok(None),
            Err(zip::result::ZipError::UnsupportedArchive(m))
                if m.contains("ncrypt") || m.contains("assword") =>
            {
                return Err(ReadError::new(ENCRYPTED));
            }
            Err(e) => return Err(ReadError::new(format!("a damaged zip entry {name}: {e}"))),
        };
        if file.encrypted() {
            return Err(ReadError::new(ENCRYPTED));
        }
        let limit = self
            .entry_max
            .min(self.total_max.saturating_sub(self.total));
        let mut out = Vec::with_capacity(file.size().min(limit) as usize);
        file.take(limit + 1)
            .read_to_end(&mut out)
            .map_err(|e| ReadError::new(format!("a damaged zip entry {name}: {e}")))?;
        if out.len() as u64 > limit {
            return Err(ReadError::new(format!(
                "{name} unzips to more than {limit} bytes (a zip bomb?); not read"
            )));
        }
        self.total += out.len() as u64;
        Ok(Some(out))
    }
}

/// The local name of an element or attribute (`w:p` -> `p`).
pub fn local(name: &str) -> &str {
    name.rsplit_once(':').map_or(name, |(_, l)| l)
}

/// The local name of an element.
pub fn name<'e>(e: &'e BytesStart<'_>) -> &'e str {
    local(e.name().0)
}

/// The unescaped value of the attribute whose local name is `key`.
pub fn attr(e: &BytesStart<'_>, key: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| local(a.key.0) == key)
        .map(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .map(|v| v.into_owned())
                .unwrap_or_else(|_| a.value.to_string())
        })
}

/// The text of an XML part (UTF-8; anything else is read lossily).
pub fn part_text(bytes: &[u8]) -> std::borrow::Cow<'_, str> {
    String::from_utf8_lossy(bytes)
}

/// The text an entity reference stands for (`&amp;`, `&#233;`); empty when unknown.
pub fn entity(e: &quick_xml::events::BytesRef<'_>) -> String {
    if let Ok(Some(c)) = e.resolve_char_ref() {
        return c.to_string();
    }
    quick_xml::escape::resolve_predefined_entity(e)
        .unwrap_or("")
        .to_string()
}

/// The XML error as a message.
pub fn xml_error(part: &str, e: impl std::fmt::Display) -> ReadError {
    ReadError::new(format!("damaged XML in {part}: {e}"))
}

/// The refusal of XML nested too deep.
pub fn too_deep(part: &str) -> ReadError {
    ReadError::new(format!(
        "XML in {part} nested deeper than {MAX_DEPTH} levels; not read"
    ))
}

/// How deep the XML being read is, and the element whose content is being passed over.
#[derive(Debug, Default)]
pub struct Nesting {
    pub depth: usize,
    skip: Option<usize>,
}

impl Nesting {
    /// An element starts (`empty`: and ends at once); whether to read it (not inside an
    /// element passed over). Deeper than [`MAX_DEPTH`] is an error.
    pub fn enter(&mut self, empty: bool, part: &str) -> Result<bool, ReadError> {
        if !empty {
            self.depth += 1;
            if self.depth > MAX_DEPTH {
                return Err(too_deep(part));
            }
        }
        Ok(self.skip.is_none())
    }

    /// Passes over the content of the element just entered.
    pub fn skip(&mut self) {
        self.skip = Some(self.depth);
    }

    pub fn skipping(&self) -> bool {
        self.skip.is_some()
    }

    /// An element ends: its depth, `None` when it was passed over.
    pub fn leave(&mut self) -> Option<usize> {
        let closing = self.depth;
        self.depth = self.depth.saturating_sub(1);
        match self.skip {
            Some(at) if at == closing => {
                self.skip = None;
                None
            }
            Some(_) => None,
            None => Some(closing),
        }
    }
}

/// A piece of a paragraph's line.
#[derive(Debug, Clone, PartialEq)]
pub enum Piece {
    Text(String),
    Marker(u32),
}

/// What a paragraph is, as its format states it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Kind {
    #[default]
    Plain,
    Heading(u8),
    ListItem,
    /// A table row.
    Row,
}

/// One paragraph of a document, its lines made of pieces.
#[derive(Debug, Clone, Default)]
pub struct Para {
    pub lines: Vec<Vec<Piece>>,
    pub kind: Kind,
    /// Whether every piece of text in it is bold.
    pub bold: bool,
    /// Whether the format puts vertical space before or after it.
    pub space_before: bool,
    pub space_after: bool,
}

impl Para {
    pub fn new(kind: Kind) -> Para {
        Para {
            lines: vec![Vec::new()],
            kind,
            bold: true,
            ..Para::default()
        }
    }

    pub fn push_text(&mut self, s: &str, bold: bool) {
        if s.is_empty() {
            return;
        }
        if !bold && !s.trim().is_empty() {
            self.bold = false;
        }
        let line = self.lines.last_mut().expect("a paragraph has a line");
        match line.last_mut() {
            Some(Piece::Text(t)) => t.push_str(s),
            _ => line.push(Piece::Text(s.to_string())),
        }
    }

    pub fn push_marker(&mut self, n: u32) {
        if let Some(line) = self.lines.last_mut() {
            line.push(Piece::Marker(n));
        }
    }

    pub fn line_break(&mut self) {
        self.lines.push(Vec::new());
    }

    /// The text of the paragraph, lines joined by spaces, markers left out.
    pub fn plain(&self) -> String {
        let mut out = String::new();
        for line in &self.lines {
            for piece in line {
                if let Piece::Text(t) = piece {
                    out.push_str(t);
                }
            }
            out.push(' ');
        }
        out.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    pub fn is_empty(&self) -> bool {
        self.lines
            .iter()
            .flatten()
            .all(|p| matches!(p, Piece::Text(t) if t.trim().is_empty()))
    }
}

/// A table row being read: one paragraph, its cells' text separated by ` | `, a cell's own
/// paragraphs by a space.
#[derive(Debug)]
pub struct Row {
    /// The XML depth of the row's element, to know its end.
    pub depth: usize,
    para: Para,
    cells: usize,
    /// Whether the next text opens a cell after one with text.
    separate: bool,
}

impl Row {
    pub fn new(depth: usize) -> Row {
        Row {
            depth,
            para: Para::new(Kind::Row),
            cells: 0,
            separate: false,
        }
    }

    /// A cell begins. Its separator is written with its first text: an empty cell (a table
    /// that lays out a page's head) leaves no stray `|`.
    pub fn cell(&mut self) {
        self.separate = !self.para.is_empty();
        self.cells += 1;
    }

    /// A paragraph of the current cell.
    pub fn add(&mut self, para: Para) {
        if para.is_empty() {
            return;
        }
        for line in para.lines {
            if std::mem::take(&mut self.separate) {
                self.para.push_text(" | ", true);
            } else if !self.para.is_empty() {
                self.para.push_text(" ", true);
            }
            for piece in line {
                match piece {
                    Piece::Text(t) => self.para.push_text(&t, para.bold),
                    Piece::Marker(n) => self.para.push_marker(n),
                }
            }
        }
    }

    pub fn finish(self) -> Para {
        self.para
    }
}

/// A note as read: its number, text and link targets.
#[derive(Debug, Clone, Default)]
pub struct Note {
    pub number: u32,
    pub text: String,
    pub links: Vec<String>,
}

/// The URLs of a note: its link targets, then those written in its text, each once.
pub fn note_urls(note: &Note) -> Vec<String> {
    let mut urls: Vec<String> = Vec::new();
    let written = inline::clean_with_urls(&note.text).1;
    for url in note.links.iter().chain(written.iter()) {
        let url = url.trim().to_string();
        let web =
            url.starts_with("http://") || url.starts_with("https://") || url.starts_with("mailto:");
        if web && !urls.contains(&url) {
            urls.push(url);
        }
    }
    urls
}

/// The title the file's metadata states (`dc:title` in DOCX's `docProps/core.xml` and ODT's
/// `meta.xml`), white space collapsed; none when empty, too long for a title, or a file's name.
pub fn stated_title(xml: &[u8]) -> Option<String> {
    let text = part_text(xml);
    let mut reader = Reader::from_str(&text);
    let mut inside = false;
    let mut title = String::new();
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) if name(&e) == "title" => inside = true,
            Ok(Event::End(e)) if local(e.name().0) == "title" => break,
            Ok(Event::Text(t)) if inside => title.push_str(t.as_ref()),
            Ok(Event::GeneralRef(r)) if inside => title.push_str(&entity(&r)),
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
        if title.len() > 1000 {
            return None;
        }
    }
    let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
    (!title.is_empty() && title.chars().count() <= 300 && !super::names_a_file(&title))
        .then_some(title)
}

/// Where the sentence that the first long paragraph `long` is part of begins: short paragraphs
/// before it that end in a comma or semicolon, each followed by one that goes on in lower case,
/// are its opening (a motion's `De Kamer,` / `gehoord de beraadslaging,` / `constaterende dat
/// ...`). Empty paragraphs between them are skipped.
fn sentence_start(body: &[Para], long: usize) -> usize {
    let mut start = long;
    let mut next = long;
    for i in (0..long).rev() {
        let para = &body[i];
        if para.is_empty() {
            continue;
        }
        let text = para.plain();
        let goes_on = body[next]
            .plain()
            .trim_start()
            .starts_with(|c: char| c.is_lowercase());
        // A wholly bold short paragraph right over the text is its heading (a run-in title
        // written in bold rather than a heading style).
        let bold_title = para.bold && next == long && text.chars().count() < 100;
        let clause = text.trim_end().ends_with([',', ';']) && goes_on;
        if para.kind != Kind::Plain || !(clause || bold_title) {
            break;
        }
        start = i;
        next = i;
    }
    start
}

/// Makes the document of the paragraphs, the side-column paragraphs and the notes.
pub fn build(format: Format, body: &[Para], aside: &[Para], notes: &[Note]) -> Builder {
    let mut b = Builder::new(format);
    for para in aside {
        if para.is_empty() {
            b.gap();
            continue;
        }
        for line in &para.lines {
            write_line(&mut b, line);
            b.end_line(Role::Aside, 0, false);
        }
    }
    b.gap();
    let plain = |p: &Para| p.kind == Kind::Plain && !p.is_empty();
    // The body runs from after the salutation (else the first long paragraph) to before the
    // valediction; the head and closing are left for the passes.
    let start = body
        .iter()
        .position(|p| plain(p) && patterns::is_salutation(&p.plain()))
        .map(|i| i + 1)
        .or_else(|| {
            body.iter()
                .position(|p| plain(p) && !p.bold && p.plain().chars().count() >= 100)
                .map(|long| sentence_start(body, long))
        })
        .unwrap_or(0);
    let end = (start..body.len())
        .find(|&i| plain(&body[i]) && patterns::is_valediction(&body[i].plain()))
        .unwrap_or(body.len());
    let mut space_after = false;
    for (i, para) in body.iter().enumerate() {
        if para.is_empty() {
            b.gap();
            space_after = false;
            continue;
        }
        if space_after || para.space_before {
            b.gap();
        }
        let role = match para.kind {
            Kind::Heading(level) => Role::Heading(level),
            Kind::ListItem => Role::ListItem,
            Kind::Row => Role::Paragraph,
            Kind::Plain if (start..end).contains(&i) => Role::Paragraph,
            Kind::Plain => Role::Inferred,
        };
        let bold = para.bold && role == Role::Paragraph && para.kind != Kind::Row;
        if role.is_content() && para.kind != Kind::Row {
            // A stated paragraph is one line; its line breaks are spaces.
            for (k, line) in para.lines.iter().enumerate() {
                if k > 0 {
                    b.text(" ");
                }
                write_line(&mut b, line);
            }
            b.end_line(role, 0, bold);
        } else {
            for line in &para.lines {
                write_line(&mut b, line);
                b.end_line(role, 0, bold);
            }
        }
        space_after = para.space_after || matches!(para.kind, Kind::Heading(_));
        if matches!(para.kind, Kind::Heading(_)) {
            b.gap();
        }
    }
    for note in notes {
        b.note(note.number, &note.text, note_urls(note), 0);
    }
    b
}

fn write_line(b: &mut Builder, line: &[Piece]) {
    for piece in line {
        match piece {
            Piece::Text(t) => b.text(t),
            Piece::Marker(n) => b.marker(*n),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;

    fn zip_of(entries: &[(&str, usize)]) -> Vec<u8> {
        let mut out = Cursor::new(Vec::new());
        let mut zip = zip::ZipWriter::new(&mut out);
        for &(name, zeros) in entries {
            let options = zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Deflated);
            zip.start_file(name, options).expect("entry");
            zip.write_all(&vec![0; zeros]).expect("write");
        }
        zip.finish().expect("finish");
        out.into_inner()
    }

    #[test]
    fn entries_unzip_within_their_limits_per_entry_and_in_all() {
        let bytes = zip_of(&[("a", 3000), ("b", 3000), ("c", 3000)]);
        assert!(
            bytes.len() < 1000,
            "deflated zeros are small: {}",
            bytes.len()
        );
        let mut zip = Archive::open_with(&bytes, "DOCX", 4000, 7000).expect("opens");
        assert_eq!(zip.entry("a").expect("a").map(|v| v.len()), Some(3000));
        assert_eq!(zip.entry("b").expect("b").map(|v| v.len()), Some(3000));
        let bomb = zip.entry("c").expect_err("over the total");
        assert!(bomb.0.contains("zip bomb"), "{bomb}");
        assert_eq!(zip.entry("missing").expect("no error"), None);
        let mut zip = Archive::open_with(&bytes, "DOCX", 2999, 7000).expect("opens");
        let bomb = zip.entry("a").expect_err("over the entry limit");
        assert!(
            bomb.0.contains("a unzips to more than 2999 bytes"),
            "{bomb}"
        );
    }
}
