//! The glyphs of every page, from `pdf_oxide`: on a thread of its own with a time limit and
//! room for the library's recursion, pages read on up to [`PAGE_THREADS`] threads that take
//! the next page in turn from one shared document, each page's characters dropped as soon
//! as its glyphs (upright, of a sane size and place) are taken. A panic is a damaged file; a
//! file locked with a password says so.

use std::collections::HashSet;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

use super::super::ReadError;
use super::{MAX_PAGES, TIME_LIMIT};

/// The stack of a thread that runs the PDF library, with room for its recursion.
const STACK: usize = 64 << 20;

/// One glyph: its left edge, baseline, advance, size and weight.
#[derive(Debug, Clone, Copy)]
pub(super) struct Glyph {
    pub(super) x: f32,
    pub(super) y: f32,
    pub(super) w: f32,
    pub(super) size: f32,
    pub(super) bold: bool,
    pub(super) italic: bool,
    pub(super) c: char,
}

impl Glyph {
    pub(super) fn end(&self) -> f32 {
        self.x + self.w
    }
}

/// The glyphs of every page (pages beyond [`MAX_PAGES`] left out, with a warning).
pub(super) struct Pages {
    pub(super) pages: Vec<Vec<Glyph>>,
    pub(super) warnings: Vec<String>,
}

pub(super) fn extract(bytes: &[u8]) -> Result<Pages, ReadError> {
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
