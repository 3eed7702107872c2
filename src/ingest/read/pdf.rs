//! The PDF reader: glyphs with their position, size and weight (from `pdf_oxide`), made into
//! rows, columns, notes, furniture and paragraphs by their layout alone.
//!
//! - **Rows**: glyphs on one baseline; a small glyph raised above a row's baseline belongs to
//!   the row below it (a note marker). Words are split where the gap between two glyphs is
//!   wide, never by the space characters alone, so letter-spaced words (`P agina`, `Inf
//!   rastructuur`) come out whole.
//! - **Side column**: text right of where the body's lines end (the body size's right edge
//!   across the document), after a gap or in a smaller size: the letterhead's column (ministry,
//!   address, `Kenmerk`, `Datum`). Its first occurrence is [`Role::Aside`], read for metadata;
//!   what repeats on later pages is furniture.
//! - **Furniture**: text repeated at the same height on several pages (digits counted as one,
//!   so `Pagina 2 van 7` repeats), and bare page numbers at a page's top or bottom.
//! - **Notes**: the block of rows smaller than the body at a page's bottom that opens with a
//!   note number, each note opened by the next number in order (a small or raised number, or
//!   the expected one followed by a gap). Markers are small raised digits in the body whose
//!   note exists; `CO2`'s small digit on the baseline is text.
//! - **Paragraphs**: rows of the body split where the spacing widens, the weight or size
//!   changes, a list item starts, or a line ends a sentence short of the right edge although
//!   the next line's first word would have fitted. A short block set wholly in bold is a
//!   heading. A paragraph a page break cuts mid-sentence is joined again; a line-end hyphen is
//!   dropped only where the document also writes the word whole.
//!
//! Pages are read on up to [`PAGE_THREADS`] threads from one shared document (its glyphs
//! are what costs; the layout after is cheap), each page's characters dropped as soon as its
//! glyphs are taken. The reader is bounded: at most [`MAX_PAGES`] pages are read, the work
//! runs on threads of its own that are given up after [`TIME_LIMIT`], and a panic inside the
//! PDF library is caught and reported as a damaged file. A file locked with a password says
//! so.

use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::Duration;

use super::ReadError;
use super::office::{self, Note};
use crate::ingest::document::{Builder, Document, Format, Role};
use crate::ingest::patterns;

/// Most pages read from one file.
pub const MAX_PAGES: usize = 2_000;
/// The stack of a thread that runs the PDF library, with room for its recursion.
const STACK: usize = 64 << 20;
/// How long one file may take to read.
pub const TIME_LIMIT: Duration = Duration::from_secs(20);

/// Reads a PDF file.
pub fn read(bytes: &[u8]) -> Result<Document, ReadError> {
    let pages = extract(bytes)?;
    Ok(Layout::new(pages).document())
}

/// One glyph: its left edge, baseline, advance, size and weight.
#[derive(Debug, Clone, Copy)]
struct Glyph {
    x: f32,
    y: f32,
    w: f32,
    size: f32,
    bold: bool,
    italic: bool,
    c: char,
}

impl Glyph {
    fn end(&self) -> f32 {
        self.x + self.w
    }
}

/// The glyphs of every page (pages beyond [`MAX_PAGES`] left out, with a warning).
struct Pages {
    pages: Vec<Vec<Glyph>>,
    warnings: Vec<String>,
}

fn extract(bytes: &[u8]) -> Result<Pages, ReadError> {
    let data = bytes.to_vec();
    let (tx, rx) = mpsc::channel();
    // A thread of its own, with room for the library's recursion, so that a hostile file can
    // neither overflow the caller's stack nor keep it waiting.
    let spawned = std::thread::Builder::new()
        .name("pdf".into())
        .stack_size(STACK)
        .spawn(move || {
            let result = super::guarded(|| extract_glyphs(data))
                .unwrap_or_else(|| Err(ReadError::new(DAMAGED)));
            let _ = tx.send(result);
        });
    if spawned.is_err() {
        return Err(ReadError::new("the PDF reader could not be started"));
    }
    match rx.recv_timeout(TIME_LIMIT) {
        Ok(result) => result,
        Err(mpsc::RecvTimeoutError::Timeout) => Err(ReadError::new(format!(
            "a PDF that took longer than {} s to read (damaged?); not read",
            TIME_LIMIT.as_secs()
        ))),
        Err(mpsc::RecvTimeoutError::Disconnected) => Err(ReadError::new(DAMAGED)),
    }
}

fn extract_glyphs(data: Vec<u8>) -> Result<Pages, ReadError> {
    let doc = pdf_oxide::PdfDocument::from_bytes(data).map_err(open_error)?;
    // A file locked with a user password opens, but its pages give no text: say why.
    if doc.is_encrypted() && !doc.is_authenticated() {
        return Err(ReadError::new(ENCRYPTED));
    }
    let count = doc.page_count().map_err(open_error)?;
    let mut warnings = Vec::new();
    if count > MAX_PAGES {
        warnings.push(format!(
            "a PDF of {count} pages: the first {MAX_PAGES} are read"
        ));
    }
    let read = count.min(MAX_PAGES);
    let mut pages = vec![Vec::new(); read];
    let mut unreadable = 0;
    for (p, page) in pages_in_parallel(&doc, read)? {
        match page {
            Ok(glyphs) => pages[p] = glyphs,
            Err(PageError::Encrypted) => return Err(ReadError::new(ENCRYPTED)),
            Err(PageError::Unreadable) => unreadable += 1,
        }
    }
    if unreadable > 0 {
        warnings.push(format!("{unreadable} page(s) of the PDF could not be read"));
    }
    let text = pages
        .iter()
        .flatten()
        .filter(|g| !g.c.is_whitespace())
        .count();
    if text == 0 {
        return Err(ReadError::new(if count == 0 {
            "a PDF without pages".to_string()
        } else {
            "a PDF without a text layer (a scan?): run OCR first".to_string()
        }));
    }
    Ok(Pages { pages, warnings })
}

/// Why a page gave no glyphs.
enum PageError {
    Encrypted,
    Unreadable,
}

/// A page's glyphs, or why it has none.
type PageGlyphs = Result<Vec<Glyph>, PageError>;

/// Most threads that read one file's pages.
const PAGE_THREADS: usize = 4;

/// The glyphs of the first `read` pages, read on up to [`PAGE_THREADS`] threads (as many as
/// the machine has cores) that take the next page in turn from one shared document: the
/// library's document is `Sync`, its object and font caches behind locks. Pages come back
/// in no order, with their index. A panic on any thread makes the file a damaged one.
fn pages_in_parallel(
    doc: &pdf_oxide::PdfDocument,
    read: usize,
) -> Result<Vec<(usize, PageGlyphs)>, ReadError> {
    let next = AtomicUsize::new(0);
    let work = || {
        super::guarded(|| {
            let mut out = Vec::new();
            loop {
                let p = next.fetch_add(1, Ordering::Relaxed);
                if p >= read {
                    return out;
                }
                out.push((p, page_glyphs(doc, p)));
            }
        })
    };
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, PAGE_THREADS)
        .min(read.div_ceil(2).max(1));
    let results: Vec<Option<Vec<_>>> = std::thread::scope(|scope| {
        let helpers: Vec<_> = (1..threads)
            .filter_map(|_| {
                std::thread::Builder::new()
                    .name("pdf-page".into())
                    .stack_size(STACK)
                    .spawn_scoped(scope, work)
                    .ok()
            })
            .collect();
        let mut results = vec![work()];
        results.extend(helpers.into_iter().map(|h| h.join().ok().flatten()));
        results
    });
    let mut pages = Vec::with_capacity(read);
    for result in results {
        pages.extend(result.ok_or_else(|| ReadError::new(DAMAGED))?);
    }
    Ok(pages)
}

/// One page's glyphs: upright, of a sane size and place. The library's uncached extraction
/// (`extract_chars_filtered` without filters): the cached one keeps every page's characters
/// until the document is dropped and hands out a copy.
fn page_glyphs(doc: &pdf_oxide::PdfDocument, p: usize) -> PageGlyphs {
    let chars = doc
        .extract_chars_filtered(p, HashSet::new(), HashSet::new())
        .map_err(|e| match e {
            pdf_oxide::error::Error::EncryptedPdf => PageError::Encrypted,
            _ => PageError::Unreadable,
        })?;
    let mut glyphs: Vec<Glyph> = chars
        .iter()
        .filter(|c| c.rotation_degrees.abs() < 1.0 || (c.rotation_degrees - 360.0).abs() < 1.0)
        .filter(|c| c.font_size.is_finite() && c.font_size > 0.5 && c.font_size < 500.0)
        .filter(|c| c.bbox.x.is_finite() && c.origin_y.is_finite() && c.bbox.width.is_finite())
        .map(|c| Glyph {
            x: c.bbox.x,
            y: c.origin_y,
            w: c.bbox.width.max(0.0),
            size: c.font_size,
            bold: c.font_weight.is_bold(),
            italic: c.is_italic,
            c: c.char,
        })
        .collect();
    // Kept until the whole file is laid out: no room to spare (peak memory is a target).
    glyphs.shrink_to_fit();
    Ok(glyphs)
}

const DAMAGED: &str = "a damaged PDF: it could not be read";

const ENCRYPTED: &str = "an encrypted PDF: save it without a password, then open it again";

fn open_error(e: pdf_oxide::error::Error) -> ReadError {
    match e {
        pdf_oxide::error::Error::EncryptedPdf => ReadError::new(ENCRYPTED),
        e => {
            let message = e.to_string();
            if message.to_ascii_lowercase().contains("encrypt") {
                return ReadError::new(ENCRYPTED);
            }
            let message: String = message.chars().take(120).collect();
            ReadError::new(format!("a damaged PDF: {message}"))
        }
    }
}

/// A row of glyphs on one baseline, left to right.
#[derive(Debug, Clone)]
struct Row {
    page: u32,
    y: f32,
    /// The median size of its glyphs that are not white space.
    size: f32,
    glyphs: Vec<Glyph>,
}

impl Row {
    fn new(page: u32, mut glyphs: Vec<Glyph>) -> Row {
        glyphs.sort_by(|a, b| a.x.total_cmp(&b.x));
        // A glyph printed twice at (almost) one place (fake bold) is one glyph.
        glyphs.dedup_by(|b, a| a.c == b.c && (b.x - a.x).abs() < 0.3 * a.w.max(0.5));
        let y = baseline(&glyphs);
        let size = median_size(&glyphs);
        Row {
            page,
            y,
            size,
            glyphs,
        }
    }

    fn ink(&self) -> impl Iterator<Item = &Glyph> {
        self.glyphs.iter().filter(|g| !g.c.is_whitespace())
    }

    fn x0(&self) -> f32 {
        self.ink().map(|g| g.x).fold(f32::INFINITY, f32::min)
    }

    fn x1(&self) -> f32 {
        self.ink().map(Glyph::end).fold(f32::NEG_INFINITY, f32::max)
    }

    fn bold(&self) -> bool {
        let mut ink = self
            .ink()
            .filter(|g| !g.c.is_ascii_punctuation())
            .peekable();
        ink.peek().is_some() && ink.all(|g| g.bold)
    }

    fn italic(&self) -> bool {
        let mut ink = self
            .ink()
            .filter(|g| !g.c.is_ascii_punctuation())
            .peekable();
        ink.peek().is_some() && ink.all(|g| g.italic)
    }

    fn is_blank(&self) -> bool {
        self.ink().next().is_none()
    }
}

/// The baseline most of a row's glyphs stand on.
fn baseline(glyphs: &[Glyph]) -> f32 {
    let big = glyphs
        .iter()
        .filter(|g| !g.c.is_whitespace())
        .map(|g| g.size)
        .fold(0.0, f32::max);
    let mut ys: Vec<f32> = glyphs
        .iter()
        .filter(|g| !g.c.is_whitespace() && g.size >= 0.85 * big)
        .map(|g| g.y)
        .collect();
    if ys.is_empty() {
        ys = glyphs.iter().map(|g| g.y).collect();
    }
    ys.sort_by(f32::total_cmp);
    ys.get(ys.len() / 2).copied().unwrap_or(0.0)
}

fn median_size(glyphs: &[Glyph]) -> f32 {
    let mut sizes: Vec<f32> = glyphs
        .iter()
        .filter(|g| !g.c.is_whitespace())
        .map(|g| g.size)
        .collect();
    if sizes.is_empty() {
        sizes = glyphs.iter().map(|g| g.size).collect();
    }
    sizes.sort_by(f32::total_cmp);
    sizes.get(sizes.len() / 2).copied().unwrap_or(0.0)
}

/// The rows of one page, top to bottom.
fn rows_of(page: u32, mut glyphs: Vec<Glyph>) -> Vec<Row> {
    glyphs.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.x.total_cmp(&b.x)));
    let mut groups: Vec<Vec<Glyph>> = Vec::new();
    let mut top = f32::NAN;
    for g in glyphs {
        match groups.last_mut() {
            Some(group) if (top - g.y).abs() <= 0.2 * g.size.max(1.0) => group.push(g),
            _ => {
                top = g.y;
                groups.push(vec![g]);
            }
        }
    }
    // A group of small glyphs just above a row, within its height, is raised text of that row
    // (note markers); glyphs of a group are moved where they sit between the row's glyphs.
    let mut rows: Vec<Row> = Vec::new();
    let mut pending: Vec<Vec<Glyph>> = Vec::new();
    for group in groups {
        let row = Row::new(page, group);
        if row.is_blank() {
            continue;
        }
        let raised = |small: &Vec<Glyph>| {
            let y = small[0].y;
            let size = small.iter().map(|g| g.size).fold(0.0, f32::max);
            size <= 0.85 * row.size && y > row.y && y - row.y <= 0.6 * row.size
        };
        let (merge, keep): (Vec<_>, Vec<_>) = pending.drain(..).partition(|p| raised(p));
        for p in keep {
            rows.push(Row::new(page, p));
        }
        let mut row = row;
        if !merge.is_empty() {
            let y = row.y;
            let mut glyphs = row.glyphs;
            glyphs.extend(merge.into_iter().flatten());
            row = Row::new(page, glyphs);
            row.y = y;
        }
        // A row of small glyphs may itself be the raised part of the row below.
        let small = row.ink().all(|g| g.c.is_ascii_digit() || g.c == ',');
        if small && row.glyphs.len() <= 8 {
            pending.push(row.glyphs);
        } else {
            rows.push(row);
        }
    }
    for p in pending {
        rows.push(Row::new(page, p));
    }
    rows.sort_by(|a, b| b.y.total_cmp(&a.y));
    rows
}

/// What a row (or the part of one) is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Body,
    Aside,
    Furniture,
    Note,
}

/// A piece of a row's text: text, or a note marker.
#[derive(Debug, Clone, PartialEq)]
enum Piece {
    Text(String),
    Marker(u32),
    /// A gap as wide as two spaces or more inside a row: between a table's cells.
    Cell,
}

/// A row's text, words split by their gaps; raised small digits are markers when
/// `is_note(n)`.
fn row_pieces(row: &Row, is_note: &dyn Fn(u32) -> bool) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::new();
    let mut text = String::new();
    let ink: Vec<(usize, &Glyph)> = row
        .glyphs
        .iter()
        .enumerate()
        .filter(|(_, g)| !g.c.is_whitespace())
        .collect();
    let raised = |g: &Glyph| {
        g.c.is_ascii_digit() && g.size <= 0.8 * row.size && g.y - row.y >= 0.15 * row.size
    };
    let mut k = 0;
    let mut prev: Option<(usize, &Glyph)> = None;
    while k < ink.len() {
        let (i, g) = ink[k];
        // A run of raised digits: a marker.
        if raised(g) {
            let mut j = k;
            let mut digits = String::new();
            while j < ink.len() && raised(ink[j].1) && digits.len() < 3 {
                digits.push(ink[j].1.c);
                j += 1;
            }
            if let Ok(n) = digits.parse::<u32>()
                && is_note(n)
            {
                if !text.is_empty() {
                    out.push(Piece::Text(std::mem::take(&mut text)));
                }
                out.push(Piece::Marker(n));
                prev = Some(ink[j - 1]);
                k = j;
                continue;
            }
        }
        if let Some((pi, p)) = prev
            && is_space(row, pi, p, i, g)
        {
            if g.x - p.end() >= 2.0 * row.size {
                out.push(Piece::Text(std::mem::take(&mut text)));
                out.push(Piece::Cell);
            } else {
                text.push(' ');
            }
        }
        text.push(g.c);
        prev = Some((i, g));
        k += 1;
    }
    if !text.is_empty() {
        out.push(Piece::Text(text));
    }
    // A section number or a bullet in a column of its own (`1.1.` or `•` then a tab) is no
    // table cell.
    if let [Piece::Text(number), Piece::Cell, Piece::Text(_), ..] = out.as_slice()
        && (is_section_number(number) || is_bullet_text(number))
    {
        out.remove(1);
        if let [Piece::Text(number), Piece::Text(rest), ..] = out.as_mut_slice() {
            let rest = std::mem::take(rest);
            number.push(' ');
            number.push_str(&rest);
        }
        out.remove(1);
    }
    out
}

/// Where the value starts in a row that opens with a short label ending in a colon in a cell
/// of its own (`Origine:`, `Subject:`, `Betreft:` then a tab), as a document's head table has.
fn label_value_x(row: &Row, pieces: &[Piece]) -> Option<f32> {
    let [Piece::Text(label), Piece::Cell, ..] = pieces else {
        return None;
    };
    let label = label.trim();
    if !label.ends_with(':') || label.chars().count() > 30 {
        return None;
    }
    let ink: Vec<&Glyph> = row.ink().collect();
    ink.windows(2)
        .find(|w| w[1].x - w[0].end() >= 2.0 * row.size)
        .map(|w| w[1].x)
}

/// `1`, `1.`, `1.1`, `2.3.` , `a)`, `IV.`: the number of a section or list item.
fn is_section_number(text: &str) -> bool {
    let t = text.trim();
    let t = t.strip_suffix(['.', ')']).unwrap_or(t);
    !t.is_empty()
        && t.len() <= 8
        && (t
            .split('.')
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
            || (t.chars().count() == 1 && t.chars().all(|c| c.is_ascii_lowercase()))
            || t.chars().all(|c| matches!(c, 'I' | 'V' | 'X')))
}

/// Whether a word space stands between glyph `p` (index `pi`) and the next glyph `g`: a gap
/// of a fifth of the size or more (the narrowest word space of common fonts; kerning that
/// letter-spaces `P agina` leaves less), or a space character that wide (for its own size)
/// the next glyph does not stand over.
fn is_space(row: &Row, pi: usize, p: &Glyph, i: usize, g: &Glyph) -> bool {
    let size = p.size.min(g.size).max(1.0);
    let gap = g.x - p.end();
    if gap >= 0.2 * size {
        return true;
    }
    // A space set in a smaller size than the words (as some PDF makers set them) is measured
    // against its own size.
    row.glyphs[pi + 1..i].iter().any(|s| {
        s.c.is_whitespace() && s.w >= 0.2 * size.min(s.size.max(1.0)) && g.x >= s.x + 0.6 * s.w
    })
}

fn plain(pieces: &[Piece]) -> String {
    let mut s = String::new();
    for p in pieces {
        match p {
            Piece::Text(t) => s.push_str(t),
            Piece::Cell => s.push(' '),
            Piece::Marker(_) => {}
        }
    }
    s
}

/// The whole document's layout.
struct Layout {
    rows: Vec<Row>,
    /// Each row's text with raised digits as digits, made once ([`row_pieces`] without
    /// notes): what furniture, words, notes and the side column read.
    texts: Vec<String>,
    kinds: Vec<Kind>,
    /// The size of the body text.
    body: f32,
    /// Where the body's lines end.
    right: f32,
    /// The usual distance from one line of a paragraph to the next, in body sizes.
    leading: f32,
    notes: Vec<(u32, Vec<usize>)>,
    warnings: Vec<String>,
}

impl Layout {
    fn new(pages: Pages) -> Layout {
        let body = body_size(&pages.pages);
        let mut rows = Vec::new();
        // A letterhead's side column starts on the first page; a column that first appears
        // further on is a table's or a list's (numbers in a column of their own), not one.
        let mut first_page = true;
        let mut letterhead = false;
        for (p, glyphs) in pages.pages.into_iter().enumerate() {
            let page = rows_of(p as u32 + 1, glyphs);
            let side = if first_page || letterhead {
                side_column(&page, body)
            } else {
                None
            };
            if first_page && !page.is_empty() {
                first_page = false;
                letterhead = side.is_some();
            }
            match side {
                Some(side) => {
                    for row in page {
                        let (inside, outside): (Vec<Glyph>, Vec<Glyph>) =
                            row.glyphs.iter().partition(|g| side.holds(g));
                        // A line that runs across the gutter without a gap stays whole: a
                        // body line into a right column, a title over a left one (`Tweede
                        // Kamer der Staten-Generaal` over `32 545`, `Nr. 143`).
                        let (before, after) = if side.right {
                            (&outside, &inside)
                        } else {
                            (&inside, &outside)
                        };
                        let ink_end = before
                            .iter()
                            .filter(|g| !g.c.is_whitespace())
                            .map(Glyph::end)
                            .fold(f32::NEG_INFINITY, f32::max);
                        let ink_start = after
                            .iter()
                            .filter(|g| !g.c.is_whitespace())
                            .map(|g| g.x)
                            .fold(f32::INFINITY, f32::min);
                        if ink_start - ink_end < 0.3 * row.size {
                            rows.push((row, Kind::Body));
                            continue;
                        }
                        let body_part = Row::new(row.page, outside);
                        if !body_part.is_blank() {
                            rows.push((body_part, Kind::Body));
                        }
                        let side_part = Row::new(row.page, inside);
                        if !side_part.is_blank() {
                            rows.push((side_part, Kind::Aside));
                        }
                    }
                }
                None => rows.extend(page.into_iter().map(|row| (row, Kind::Body))),
            }
        }
        let right = right_edge(
            rows.iter()
                .filter(|(_, k)| *k == Kind::Body)
                .map(|(r, _)| r),
            body,
        );
        let (rows, mut kinds): (Vec<Row>, Vec<Kind>) = rows.into_iter().unzip();
        let texts: Vec<String> = rows
            .iter()
            .map(|row| plain(&row_pieces(row, &|_| false)))
            .collect();
        mark_furniture(&rows, &texts, &mut kinds);
        let leading = leading(&rows, &kinds, body);
        let mut layout = Layout {
            rows,
            texts,
            kinds,
            body,
            right,
            leading,
            notes: Vec::new(),
            warnings: pages.warnings,
        };
        layout.find_notes();
        layout
    }

    /// The notes at the bottom of each page, in numbering order across the document.
    fn find_notes(&mut self) {
        let mut expected = 1u32;
        let mut i = 0;
        while i < self.rows.len() {
            let page = self.rows[i].page;
            let end = (i..self.rows.len())
                .find(|&k| self.rows[k].page != page)
                .unwrap_or(self.rows.len());
            let body_rows: Vec<usize> = (i..end).filter(|&k| self.kinds[k] == Kind::Body).collect();
            // The block at the bottom: rows smaller than the body.
            let mut start = body_rows.len();
            while start > 0 && {
                let row = &self.rows[body_rows[start - 1]];
                row.size < 0.93 * self.body || opens_with_raised_number(row, self.body)
            } {
                start -= 1;
            }
            let block = &body_rows[start..];
            let mut current: Option<usize> = None;
            for &k in block {
                match self.note_number(k, expected) {
                    Some(n) => {
                        self.notes.push((n, vec![k]));
                        current = Some(self.notes.len() - 1);
                        expected = n + 1;
                        self.kinds[k] = Kind::Note;
                    }
                    None => {
                        if let Some(c) = current {
                            self.notes[c].1.push(k);
                            self.kinds[k] = Kind::Note;
                        }
                    }
                }
            }
            i = end;
        }
    }

    /// The number a row opens a note with: leading digits set smaller or raised, or plainly the
    /// expected number followed by a gap.
    fn note_number(&self, k: usize, expected: u32) -> Option<u32> {
        let row = &self.rows[k];
        let ink: Vec<&Glyph> = row.ink().collect();
        // The number is the leading digits set as the first is (a raised `1` before the
        // note's text `14603/19.` is note 1, not 114603).
        let raised = |g: &Glyph| g.y > row.y + 0.1 * g.size;
        let digits = match ink.first() {
            Some(first) if first.c.is_ascii_digit() => ink
                .iter()
                .take_while(|g| {
                    g.c.is_ascii_digit() && raised(g) == raised(first) && g.size == first.size
                })
                .count(),
            _ => 0,
        };
        if digits == 0 || digits > 3 || digits == ink.len() && ink.len() > 3 {
            return None;
        }
        let n: u32 = ink[..digits]
            .iter()
            .map(|g| g.c)
            .collect::<String>()
            .parse()
            .ok()?;
        let text_size = ink[digits..]
            .iter()
            .map(|g| g.size)
            .fold(0.0, f32::max)
            .max(row.size);
        let small = ink[..digits]
            .iter()
            .all(|g| g.size <= 0.9 * text_size || g.y > row.y + 0.1 * text_size);
        let gap = ink
            .get(digits)
            .is_none_or(|next| next.x - ink[digits - 1].end() > 0.15 * text_size);
        let in_order = n >= expected && n <= expected + 2;
        ((small && in_order) || (n == expected && gap)).then_some(n)
    }

    fn document(self) -> Document {
        let numbers: HashSet<u32> = self.notes.iter().map(|(n, _)| *n).collect();
        let is_note = |n: u32| numbers.contains(&n);
        let words = self.words();
        let mut b = Builder::new(Format::Pdf);
        for w in &self.warnings {
            b.warn(w.clone());
        }
        // The side column of the first page it is on: the letterhead's, read for metadata.
        let aside: Vec<usize> = (0..self.rows.len())
            .filter(|&k| self.kinds[k] == Kind::Aside)
            .collect();
        let first_page = aside.first().map(|&k| self.rows[k].page);
        let mut last: Option<&Row> = None;
        for &k in aside
            .iter()
            .filter(|&&k| Some(self.rows[k].page) == first_page)
        {
            let row = &self.rows[k];
            let text = &self.texts[k];
            if let Some(prev) = last {
                // Labels and their values stand a little apart; blocks of the column further.
                let gap = prev.y - row.y > 2.5 * row.size.max(prev.size);
                if gap {
                    b.end_line(Role::Aside, prev.page, false);
                    b.gap();
                } else if !ends_in_function_word(&b) {
                    b.end_line(Role::Aside, prev.page, false);
                }
            }
            b.text(text);
            b.text(" ");
            last = Some(row);
        }
        if let Some(prev) = last {
            b.end_line(Role::Aside, prev.page, false);
        }
        b.gap();
        let paras = self.paragraphs(&is_note);
        let (start, end) = body_range(&paras);
        // A document without a salutation that opens with a heading: that is its title.
        if let Some(title) = paras.first().filter(|p| {
            matches!(p.kind, ParaKind::Heading(_))
                && start > 0
                && !paras[..start]
                    .iter()
                    .any(|p| patterns::is_salutation(&plain(&p.joined(&words))))
        }) {
            b.hints().subject = Some(plain(&title.joined(&words)));
        }
        for (i, para) in paras.iter().enumerate() {
            if para.gap_before {
                b.gap();
            }
            let role = match para.kind {
                ParaKind::Heading(_) if i == 0 && start > 0 => Role::Inferred,
                ParaKind::Heading(level) => Role::Heading(level),
                ParaKind::ListItem if i < end => Role::ListItem,
                ParaKind::ListItem => Role::Inferred,
                ParaKind::Plain if (start..end).contains(&i) => Role::Paragraph,
                ParaKind::Plain => Role::Inferred,
            };
            if role == Role::Inferred {
                for (line, page) in &para.rows {
                    write(&mut b, line, " ");
                    b.end_line(Role::Inferred, *page, false);
                }
            } else {
                write(&mut b, &para.joined(&words), " | ");
                b.end_line(role, para.page(), para.bold && !para.cells);
            }
            if matches!(para.kind, ParaKind::Heading(_)) {
                b.gap();
            }
        }
        for (n, rows) in &self.notes {
            let mut text = String::new();
            let mut prev_full = false;
            for &k in rows {
                let mut line = self.texts[k].clone();
                if text.is_empty() {
                    // The note's own number.
                    line = line
                        .trim_start_matches(|c: char| c.is_ascii_digit())
                        .trim_start()
                        .to_string();
                    text = line;
                } else {
                    join_note_line(&mut text, &line, prev_full);
                }
                prev_full = self.rows[k].x1() >= self.right - 4.0 * self.body;
            }
            let note = Note {
                number: *n,
                text,
                links: Vec::new(),
            };
            let page = rows.first().map_or(0, |&k| self.rows[k].page);
            b.note(note.number, &note.text, office::note_urls(&note), page);
        }
        b.finish()
    }

    /// Every word of the body, lowercased: a line-end hyphen is dropped only where the
    /// document writes the word whole.
    fn words(&self) -> HashSet<String> {
        let mut words = HashSet::new();
        for (text, kind) in self.texts.iter().zip(&self.kinds) {
            if *kind != Kind::Body {
                continue;
            }
            for w in text.split_whitespace() {
                let w = w.trim_matches(|c: char| !c.is_alphanumeric());
                if w.len() > 3 && !w.contains('-') {
                    words.insert(w.to_lowercase());
                }
            }
        }
        words
    }

    /// The body's rows as paragraphs, in reading order.
    fn paragraphs(&self, is_note: &dyn Fn(u32) -> bool) -> Vec<Para> {
        let mut paras: Vec<Para> = Vec::new();
        let mut prev: Option<usize> = None;
        let mut page_end_open = false;
        for k in 0..self.rows.len() {
            if self.kinds[k] != Kind::Body {
                continue;
            }
            let row = &self.rows[k];
            let pieces = row_pieces(row, is_note);
            let text = plain(&pieces);
            let mut item = list_item(row);
            let bold = row.bold();
            let italic = row.italic() && !bold;
            let new_page = prev.is_none_or(|p| self.rows[p].page != row.page);
            let value_x = label_value_x(row, &pieces);
            let mut start = true;
            let mut gap_before = false;
            if let (Some(p), Some(para)) = (prev, paras.last()) {
                let prow = &self.rows[p];
                let pitch = prow.y - row.y;
                if value_x.is_some() {
                    // A label and its value (`Objet:`, `From:` in a table): a row of its own.
                    gap_before = pitch > 2.5 * row.size;
                } else if para.value_x.is_some_and(|x| {
                    !new_page && (row.x0() - x).abs() < 0.5 * row.size && pitch < 2.5 * row.size
                }) {
                    // A value's next lines stand under it, whatever their style.
                    start = false;
                    item = None;
                } else if new_page {
                    // A paragraph the page break cuts mid-sentence goes on.
                    start = !(page_end_open
                        && item.is_none()
                        && !para.bold
                        && !para.italic
                        && !bold
                        && !italic
                        && (row.size - prow.size).abs() <= 0.12 * prow.size);
                    gap_before = start;
                } else {
                    // Wider than the usual leading: a blank line, or more (a letter set with
                    // a leading of 1.7 has its paragraphs further apart still).
                    let wide = pitch > row.size.max(prow.size) * 1.7f32.max(1.3 * self.leading);
                    gap_before = wide;
                    let size_change = (row.size - prow.size).abs() > 0.12 * prow.size;
                    let short = self.ends_short(p, row);
                    let back_left =
                        para.kind == ParaKind::ListItem && row.x0() < para.indent - 0.5 * row.size;
                    start = wide
                        || size_change
                        || bold != para.bold
                        || italic != para.italic
                        || item.is_some()
                        || short
                        || back_left;
                }
            }
            if start {
                let (kind, indent, pieces) = match item {
                    Some((indent, skip)) => (ParaKind::ListItem, indent, drop_chars(pieces, skip)),
                    None => (ParaKind::Plain, row.x0(), pieces),
                };
                paras.push(Para {
                    value_x,
                    italic,
                    cells: pieces.contains(&Piece::Cell),
                    rows: vec![(pieces, row.page)],
                    kind,
                    bold,
                    gap_before,
                    indent,
                    size: row.size,
                });
            } else if let Some(para) = paras.last_mut() {
                para.cells |= pieces.contains(&Piece::Cell);
                para.rows.push((pieces, row.page));
            }
            page_end_open = !ends_sentence(&text);
            prev = Some(k);
        }
        // Short blocks wholly in bold are headings.
        for i in 0..paras.len() {
            let after_heading = i > 0 && matches!(paras[i - 1].kind, ParaKind::Heading(_));
            let before_text = paras.get(i + 1).is_some_and(|n| !n.bold && !n.italic);
            let para = &mut paras[i];
            let chars = para
                .rows
                .iter()
                .map(|(l, _)| plain(l).chars().count())
                .sum::<usize>();
            let last = para.rows.last().map(|(l, _)| plain(l)).unwrap_or_default();
            let mut stops = last.trim_end().ends_with(['.', ';', ',']);
            // One bold sentence between a heading and the running text is a heading under it
            // (`The EU's long-term commitment ... in the EU.`), not a paragraph in bold.
            let one_sentence = {
                let text = plain(&para.joined(&HashSet::new()));
                let t = text.trim_end();
                t.ends_with('.') && !t[..t.len() - 1].contains(". ")
            };
            if para.bold && after_heading && before_text && one_sentence {
                stops = false;
            }
            let styled = para.bold || (para.italic && para.rows.len() == 1);
            // A numbered line in bold is a numbered heading, not a list item.
            let numbered = para.kind == ParaKind::ListItem && para.bold && para.rows.len() == 1;
            if styled
                && (para.kind == ParaKind::Plain || numbered)
                && para.rows.len() <= 3
                && chars <= 160
                && !stops
                && !para.cells
            {
                let text = plain(&para.rows[0].0);
                let level = if para.size > 1.15 * self.body {
                    1
                } else {
                    heading_level(&text)
                };
                para.kind = ParaKind::Heading(level);
            }
        }
        paras
    }

    /// Whether row `prow` ends its paragraph although no spacing says so: it ends a sentence
    /// short of the right edge, where the next row's first word would have fitted.
    fn ends_short(&self, p: usize, row: &Row) -> bool {
        let prow = &self.rows[p];
        // Or a short line that ends no sentence, as names under a motion do (`Inge van Dijk`
        // over `Grinwis`): set short on purpose where the next word would have fitted.
        let text = self.texts[p].trim_end();
        let short = prow.x1() - prow.x0() < 0.6 * (self.right - prow.x0())
            && !text.ends_with([',', '-', '–', ';', ':'])
            && !is_function_word(text.split_whitespace().last().unwrap_or(""))
            && text.chars().any(char::is_alphabetic);
        if !(ends_sentence(text) || short) || (prow.x0() - row.x0()).abs() > 0.5 * row.size {
            return false;
        }
        let first_word_end = row
            .ink()
            .scan(None::<&Glyph>, |prev, g| {
                let stop = prev.is_some_and(|p| g.x - p.end() > 0.18 * g.size);
                *prev = Some(g);
                Some((stop, g.end()))
            })
            .take_while(|(stop, _)| !stop)
            .last()
            .map_or(0.0, |(_, end)| end);
        let word = first_word_end - row.x0();
        prow.x1() + word + 0.5 * row.size < self.right
    }
}

/// The most common distance between consecutive body rows of a page at the body size, in
/// body sizes (1.15-1.2 for single spacing, 1.7 for a letter set at 1.5): the leading the
/// paragraph gaps are measured against. 1.2 when the document has too few lines to tell.
fn leading(rows: &[Row], kinds: &[Kind], body: f32) -> f32 {
    let mut counts: HashMap<i32, usize> = HashMap::new();
    let mut prev: Option<&Row> = None;
    for (row, kind) in rows.iter().zip(kinds) {
        if *kind != Kind::Body || (row.size - body).abs() > 0.12 * body {
            continue;
        }
        if let Some(p) = prev.filter(|p| p.page == row.page) {
            let ratio = (p.y - row.y) / body;
            if (0.9..3.0).contains(&ratio) {
                *counts.entry((ratio * 20.0).round() as i32).or_default() += 1;
            }
        }
        prev = Some(row);
    }
    counts
        .into_iter()
        .filter(|&(_, n)| n >= 5)
        .max_by_key(|&(bucket, n)| (n, -bucket))
        .map_or(1.2, |(bucket, _)| bucket as f32 / 20.0)
}

/// Whether a row starts with a number set small and raised, as a note's number is.
fn opens_with_raised_number(row: &Row, body: f32) -> bool {
    let mut ink = row.ink();
    let Some(first) = ink.next() else {
        return false;
    };
    first.c.is_ascii_digit() && first.size <= 0.8 * body && first.y > row.y + 0.1 * first.size
}

/// Marks text repeated at one height on several pages, and bare page numbers, as furniture;
/// a repeated side-column text stays an aside where it first stands.
fn mark_furniture(rows: &[Row], texts: &[String], kinds: &mut [Kind]) {
    let pages = rows.iter().map(|r| r.page).collect::<HashSet<_>>().len();
    // The same text at one height on two pages or more; with its digits counted as one
    // (`Pagina 2 van 7`), on half the pages or more, so that notes alike (`3 COM(2020) 563
    // final.`) are not taken for a running footer.
    let mut exact: HashMap<(String, i32), Vec<usize>> = HashMap::new();
    let mut numbered: HashMap<(String, i32), Vec<usize>> = HashMap::new();
    for (k, (row, text)) in rows.iter().zip(texts).enumerate() {
        if text.chars().count() > 100 {
            continue;
        }
        let y = (row.y / 4.0).round() as i32;
        let folded = |digits: bool| -> String {
            let mut out = String::new();
            for c in text.chars().filter(|c| !c.is_whitespace()) {
                if digits && c.is_ascii_digit() {
                    if !out.ends_with('#') {
                        out.push('#');
                    }
                } else {
                    out.extend(c.to_lowercase());
                }
            }
            out
        };
        exact.entry((folded(false), y)).or_default().push(k);
        numbered.entry((folded(true), y)).or_default().push(k);
    }
    let needed = |numbers: bool| if numbers { 2.max(pages.div_ceil(2)) } else { 2 };
    for (numbers, groups) in [(false, exact), (true, numbered)] {
        for (_, ks) in groups {
            let on: HashSet<u32> = ks.iter().map(|&k| rows[k].page).collect();
            if pages >= 2 && on.len() >= needed(numbers) {
                for (n, &k) in ks.iter().enumerate() {
                    if !(n == 0 && kinds[k] == Kind::Aside) {
                        kinds[k] = Kind::Furniture;
                    }
                }
            }
        }
    }
    // Page numbers: rows that are only a page's number, at the top or bottom of the text.
    let (lo, hi) = rows
        .iter()
        .fold((f32::INFINITY, f32::NEG_INFINITY), |(lo, hi), r| {
            (lo.min(r.y), hi.max(r.y))
        });
    let margin = 0.08 * (hi - lo);
    for (k, (row, text)) in rows.iter().zip(texts).enumerate() {
        if (row.y <= lo + margin || row.y >= hi - margin) && is_page_number(text) {
            kinds[k] = Kind::Furniture;
        }
    }
}

/// `3`, `- 3 -`, `3/7`, `Pagina 3 van 7`, `Page 3 of 7`.
fn is_page_number(text: &str) -> bool {
    let t = text.trim().to_lowercase();
    let t = t
        .strip_prefix("pagina")
        .or_else(|| t.strip_prefix("page"))
        .or_else(|| t.strip_prefix("blad"))
        .unwrap_or(&t);
    let words: Vec<&str> = t
        .split(|c: char| c.is_whitespace() || c == '/' || c == '-' || c == '–')
        .filter(|w| !w.is_empty())
        .collect();
    !words.is_empty()
        && words.len() <= 3
        && words
            .iter()
            .all(|w| w.chars().all(|c| c.is_ascii_digit()) || *w == "van" || *w == "of")
        && words.iter().any(|w| w.chars().all(|c| c.is_ascii_digit()))
}

/// The size most of the document's glyphs are set in.
fn body_size(pages: &[Vec<Glyph>]) -> f32 {
    let mut counts: HashMap<i32, usize> = HashMap::new();
    for g in pages.iter().flatten().filter(|g| !g.c.is_whitespace()) {
        *counts.entry((g.size * 2.0).round() as i32).or_default() += 1;
    }
    counts
        .into_iter()
        .max_by_key(|&(size, n)| (n, size))
        .map_or(10.0, |(size, _)| size as f32 / 2.0)
}

/// Where the body's lines end: the right edge that most rows of the body size reach.
fn right_edge<'a>(rows: impl Iterator<Item = &'a Row>, body: f32) -> f32 {
    let mut ends: Vec<f32> = rows
        .filter(|r| (r.size - body).abs() <= 0.1 * body)
        .map(Row::x1)
        .collect();
    ends.sort_by(f32::total_cmp);
    let at = (ends.len() as f32 * 0.9) as usize;
    ends.get(at.min(ends.len().saturating_sub(1)))
        .copied()
        .unwrap_or(f32::INFINITY)
}

/// A side column: the glyphs left of `end` (a column at the left edge) or right of `start`.
#[derive(Debug, Clone, Copy)]
struct Side {
    right: bool,
    at: f32,
}

impl Side {
    fn holds(&self, g: &Glyph) -> bool {
        if g.c.is_whitespace() && !self.right {
            return g.x < self.at;
        }
        if self.right {
            g.x >= self.at
        } else {
            g.end() <= self.at
        }
    }
}

/// The page's side column, where one stands: a gutter no row crosses, from the page's top to
/// its bottom, with a narrow column of at least three rows on one side and the body on the
/// other.
fn side_column(rows: &[Row], body: f32) -> Option<Side> {
    let (lo, hi) = rows
        .iter()
        .fold((f32::INFINITY, f32::NEG_INFINITY), |(lo, hi), r| {
            (lo.min(r.x0()), hi.max(r.x1()))
        });
    if !(hi - lo).is_finite() || hi - lo < 10.0 * body {
        return None;
    }
    let bins = ((hi - lo).ceil() as usize + 1).min(4000);
    let scale = bins as f32 / (hi - lo + 1.0);
    let mut cover = vec![0u32; bins];
    for row in rows {
        // Runs of text: glyphs with gaps narrower than a wide word space.
        let mut run: Option<(f32, f32)> = None;
        let mut runs = Vec::new();
        for g in row.ink() {
            match &mut run {
                Some((_, end)) if g.x - *end < 1.0 * row.size => *end = end.max(g.end()),
                _ => {
                    if let Some(r) = run.take() {
                        runs.push(r);
                    }
                    run = Some((g.x, g.end()));
                }
            }
        }
        runs.extend(run);
        for (a, b) in runs {
            let a = (((a - lo) * scale) as usize).min(bins - 1);
            let b = (((b - lo) * scale) as usize).min(bins - 1);
            for c in &mut cover[a..=b] {
                *c += 1;
            }
        }
    }
    // The widest gutter between 10% and 90% of the width that (almost) no row crosses: a
    // line of the body may run a letter or two into it.
    let crossing = (rows.len() / 25) as u32;
    let mut best: Option<(usize, usize)> = None;
    let mut i = bins / 10;
    while i < bins * 9 / 10 {
        if cover[i] <= crossing {
            let start = i;
            while i < bins && cover[i] <= crossing {
                i += 1;
            }
            if best.is_none_or(|(a, b)| i - start > b - a) {
                best = Some((start, i));
            }
        }
        i += 1;
    }
    let (a, b) = best?;
    let (a, b) = (lo + a as f32 / scale, lo + b as f32 / scale);
    if b - a < 0.5 * body {
        return None;
    }
    let count = |left: bool| -> (usize, usize) {
        let mut glyphs = 0;
        let mut with = 0;
        for row in rows {
            // The rows whose part on that side holds a word: a column of bullets or numbers
            // is no side column.
            let (n, letters) = row
                .ink()
                .filter(|g| {
                    if left {
                        g.end() <= a + 0.5
                    } else {
                        g.x >= b - 0.5
                    }
                })
                .fold((0, 0), |(n, l), g| {
                    (n + 1, l + usize::from(g.c.is_alphabetic()))
                });
            glyphs += n;
            with += usize::from(letters >= 2);
        }
        (glyphs, with)
    };
    let (left, left_rows) = count(true);
    let (right, right_rows) = count(false);
    let right_side = right < left;
    let (side, side_rows, width) = if right_side {
        (right, right_rows, hi - b)
    } else {
        (left, left_rows, a - lo)
    };
    if side_rows < 3 || side * 2 > left + right || width > 0.4 * (hi - lo) {
        return None;
    }
    Some(Side {
        right: right_side,
        at: if right_side { b - 0.5 } else { a + 0.5 },
    })
}

/// Whether a line ends a sentence (markers, quotes and brackets after the stop ignored).
fn ends_sentence(text: &str) -> bool {
    let t = text
        .trim_end()
        .trim_end_matches(['"', '\'', '’', '”', ')', '»']);
    t.ends_with(['.', '!', '?', ':', ';'])
}

/// A list item's marker at the start of a row: the indent of its text and how many characters
/// to drop (a bullet is dropped, a number kept).
fn list_item(row: &Row) -> Option<(f32, usize)> {
    let ink: Vec<&Glyph> = row.ink().collect();
    let first = ink.first()?;
    let gap_after = |n: usize| {
        ink.get(n)
            .is_some_and(|g| g.x - ink[n - 1].end() > 0.25 * row.size)
    };
    if is_bullet(first.c) && gap_after(1) {
        return Some((ink[1].x, 1));
    }
    // `1.`, `12)`, `a)`, `b.` followed by a tab-like gap.
    let n = ink.iter().take_while(|g| g.c.is_ascii_digit()).count();
    let n = if n == 0 && ink.len() > 1 && first.c.is_ascii_lowercase() {
        1
    } else {
        n
    };
    if (1..=2).contains(&n)
        && ink.get(n).is_some_and(|g| matches!(g.c, '.' | ')'))
        && ink
            .get(n + 1)
            .is_some_and(|g| g.x - ink[n].end() > 0.6 * row.size)
    {
        return Some((ink[n + 1].x, 0));
    }
    None
}

/// A list's bullet glyph (symbol fonts' private-use glyphs included).
fn is_bullet(c: char) -> bool {
    matches!(
        c,
        '•' | '·' | '▪' | '■' | '●' | '○' | '◦' | '–' | '-' | '*' | '►' | '➢' | '✓'
    ) || ('\u{F000}'..='\u{F0FF}').contains(&c)
}

/// A bullet alone: `•`.
fn is_bullet_text(text: &str) -> bool {
    let mut chars = text.trim().chars();
    chars.next().is_some_and(is_bullet) && chars.next().is_none()
}

fn drop_chars(mut pieces: Vec<Piece>, skip: usize) -> Vec<Piece> {
    if skip == 0 {
        return pieces;
    }
    if let Some(Piece::Text(t)) = pieces.first_mut() {
        let rest: String = t.chars().skip(skip).collect();
        *t = rest.trim_start().to_string();
    }
    pieces
}

/// `1.` -> 2, `1.1` -> 3, `1.1.1` -> 4; otherwise 2.
fn heading_level(text: &str) -> u8 {
    let number = text.split_whitespace().next().unwrap_or("");
    let parts = number
        .trim_end_matches('.')
        .split('.')
        .filter(|p| !p.is_empty())
        .count();
    if !number.is_empty()
        && number
            .trim_end_matches('.')
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.')
    {
        (parts as u8 + 1).min(6)
    } else {
        2
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ParaKind {
    Plain,
    Heading(u8),
    ListItem,
}

/// A paragraph: its rows (pieces and page).
#[derive(Debug, Clone)]
struct Para {
    rows: Vec<(Vec<Piece>, u32)>,
    kind: ParaKind,
    bold: bool,
    /// Whether it is set wholly in italic (and not bold).
    italic: bool,
    gap_before: bool,
    /// Where a list item's text starts.
    indent: f32,
    size: f32,
    /// Whether a row has a table's cells.
    cells: bool,
    /// Where the value starts when it opens with a label in a cell of its own (`Objet:`).
    value_x: Option<f32>,
}

impl Para {
    fn page(&self) -> u32 {
        self.rows.first().map_or(0, |(_, p)| *p)
    }

    /// The rows as one line: joined by a space, or without one after a line-end hyphen, which
    /// is dropped where the document writes the word whole.
    fn joined(&self, words: &HashSet<String>) -> Vec<Piece> {
        let mut out: Vec<Piece> = Vec::new();
        for (line, _) in &self.rows {
            let mut line = line.clone();
            if let (Some(Piece::Text(prev)), Some(Piece::Text(next))) =
                (out.last_mut(), line.first_mut())
            {
                if let Some(stem) = prev.strip_suffix('-')
                    && stem.chars().last().is_some_and(char::is_alphabetic)
                    && next.chars().next().is_some_and(char::is_lowercase)
                {
                    let head = stem
                        .rsplit(|c: char| !c.is_alphanumeric())
                        .next()
                        .unwrap_or("");
                    let tail: String = next.chars().take_while(|c| c.is_alphanumeric()).collect();
                    let whole = format!("{head}{tail}").to_lowercase();
                    if words.contains(&whole) {
                        prev.pop();
                    }
                } else {
                    prev.push(' ');
                }
                let first = std::mem::take(next);
                prev.push_str(&first);
                out.extend(line.drain(1..));
                continue;
            }
            if !out.is_empty() {
                out.push(Piece::Text(" ".into()));
            }
            out.append(&mut line);
        }
        out
    }
}

/// The body runs from after the salutation (else the first long paragraph) to before the
/// valediction; the head and closing are left for the passes.
fn body_range(paras: &[Para]) -> (usize, usize) {
    let text = |p: &Para| {
        p.rows
            .iter()
            .map(|(l, _)| plain(l))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let plain_para = |p: &Para| p.kind == ParaKind::Plain;
    let heading = |p: &Para| matches!(p.kind, ParaKind::Heading(_));
    // Without a salutation (a fiche, a position paper) the body starts at the first long
    // paragraph, or at the last heading before it (the first block, a heading, is the title;
    // the head's own short bold lines come before).
    let start = paras
        .iter()
        .position(|p| plain_para(p) && patterns::is_salutation(&text(p)))
        .map(|i| i + 1)
        .or_else(|| {
            // A head table's label and value (`Objet:` ...) is the head's, however long.
            let long = paras
                .iter()
                .position(|p| p.value_x.is_none() && text(p).chars().count() >= 100)?;
            let from = usize::from(paras.first().is_some_and(heading));
            Some((from..long).rfind(|&i| heading(&paras[i])).unwrap_or(long))
        })
        .unwrap_or(0);
    let end = (start..paras.len())
        .find(|&i| plain_para(&paras[i]) && patterns::is_valediction(&text(&paras[i])))
        .or_else(|| {
            // A closing without valediction: a last block of a few short lines that end no
            // sentence (a name and an office under the signature).
            let last = paras.iter().rposition(plain_para)?;
            let rows = &paras[last].rows;
            let signature = last > start
                && rows.len() <= 4
                && rows.iter().all(|(l, _)| {
                    let t = plain(l);
                    t.chars().count() <= 60 && !ends_sentence(&t)
                });
            signature.then_some(last)
        })
        .unwrap_or(paras.len());
    (start, end)
}

/// Writes a line; `cell` stands between a table's cells.
fn write(b: &mut Builder, line: &[Piece], cell: &str) {
    for piece in line {
        match piece {
            Piece::Text(t) => b.text(t),
            Piece::Marker(n) => b.marker(*n),
            Piece::Cell => b.text(cell),
        }
    }
}

/// Whether the line being built ends in a word a name goes on after (`Ministerie van`).
fn ends_in_function_word(b: &Builder) -> bool {
    is_function_word(b.current_line().split_whitespace().last().unwrap_or(""))
}

/// A word a name or a phrase goes on after: `van`, `de`, `of`, `the`, `du`, `la`.
fn is_function_word(word: &str) -> bool {
    matches!(
        word.to_lowercase().as_str(),
        "van"
            | "en"
            | "voor"
            | "der"
            | "de"
            | "het"
            | "op"
            | "in"
            | "of"
            | "and"
            | "for"
            | "the"
            | "du"
            | "des"
            | "la"
            | "le"
            | "et"
    )
}

/// Appends a note's next line: a URL the line end broke goes on without a space.
fn join_note_line(text: &mut String, line: &str, prev_full: bool) {
    let last = text.split_whitespace().last().unwrap_or("");
    let url = last.contains("://") || last.starts_with("www.");
    let next = line.trim_start();
    let continues_url = url
        && prev_full
        && next
            .chars()
            .next()
            .is_some_and(|c| c.is_alphanumeric() || "/?&=#%_-.~".contains(c));
    if continues_url || (text.ends_with('-') && url) {
        text.push_str(next);
    } else if let Some(stem) = text.strip_suffix('-')
        && stem.chars().last().is_some_and(char::is_lowercase)
        && next.chars().next().is_some_and(char::is_lowercase)
    {
        text.push_str(next);
    } else {
        text.push(' ');
        text.push_str(next);
    }
}

/// The rows the reader sees, with what it made of each (for `examples/read_document`).
#[doc(hidden)]
pub fn debug_rows(bytes: &[u8]) -> Result<String, ReadError> {
    let layout = Layout::new(extract(bytes)?);
    let mut out = format!("body size {} right edge {}\n", layout.body, layout.right);
    for (k, row) in layout.rows.iter().enumerate() {
        out.push_str(&format!(
            "p{} y{:.1} x{:.1}-{:.1} sz{:.1} {:?}{}{} | {}\n",
            row.page,
            row.y,
            row.x0(),
            row.x1(),
            row.size,
            layout.kinds[k],
            if row.bold() { " bold" } else { "" },
            if row.italic() { " italic" } else { "" },
            crate::text::sanitize(&plain(&row_pieces(row, &|_| true)))
        ));
    }
    Ok(out)
}
