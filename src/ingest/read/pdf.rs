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
//! Pages are read on up to `PAGE_THREADS` threads from one shared document (its glyphs
//! are what costs; the layout after is cheap), each page's characters dropped as soon as its
//! glyphs are taken. The reader is bounded: at most [`MAX_PAGES`] pages are read, the work
//! runs on threads of its own that are given up after [`TIME_LIMIT`], and a panic inside the
//! PDF library is caught and reported as a damaged file. A file locked with a password says
//! so.
//!
//! The parts, in the order a file goes through them: `extract` (the glyphs, on threads),
//! `rows` (rows and their words), `layout` (the document's sizes and edges, the side
//! column split off by `side`), `furniture`, `notes`, `paras` (paragraphs, list items
//! and headings) and `write` (the document: the letterhead's column, the paragraphs with
//! their roles, the notes).
//!
//! [`Role::Aside`]: crate::ingest::document::Role::Aside

mod extract;
mod furniture;
mod layout;
mod notes;
mod paras;
mod rows;
mod side;
mod write;

use std::time::Duration;

use super::{ReadError, guarded};
use crate::ingest::document::Document;
use extract::extract;
use layout::Layout;
use rows::{plain, row_pieces};

/// Most pages read from one file.
pub const MAX_PAGES: usize = 2_000;
/// How long one file may take to read.
pub const TIME_LIMIT: Duration = Duration::from_secs(20);

/// Reads a PDF file.
pub fn read(bytes: &[u8]) -> Result<Document, ReadError> {
    let pages = extract(bytes)?;
    Ok(Layout::new(pages).document())
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
