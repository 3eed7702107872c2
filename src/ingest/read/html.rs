//! The HTML reader: a web page's main content as paragraphs, headings, list items and table
//! rows, its footnotes with their markers in place, and its title and date as hints.
//!
//! Parsing: html5ever's tokenizer (entities, attributes, raw text of `script` and `style`)
//! feeds a tree builder of our own, linear in the input: the HTML5 tree builder scans its stack
//! of open elements for every block start tag, which takes a minute on 100,000 nested `div`s.
//! Ours keeps the rules that shape text (a block start closes an open `p`, `li` closes `li`,
//! `dd`/`dt` close each other, `tr`/`td`/`th` close their kind, an end tag closes up to its open
//! element and is ignored when none is open), each looking at most [`SCAN`] elements down the
//! stack. Elements nest at most [`MAX_DEPTH`] deep (deeper ones are read as part of the element
//! at that depth) and at most [`MAX_NODES`] nodes are made.
//!
//! The main content: `<main>` (or `role="main"`), else an `<article>` holding at least half the
//! page's text, else the whole page; never navigation, page headers and footers (`header` and
//! `footer` outside an `article`, `section` or `main`), asides, forms, scripts, styles, hidden
//! elements (`hidden`, `aria-hidden`, `display: none`), landmark roles other than main, nor
//! blocks named by their `id` or `class` as navigation, menu, breadcrumbs, skip links, cookie
//! or consent banners, sharing buttons, sidebars or search (only while they hold less than half
//! the content's text, so that a page named oddly keeps its text).
//!
//! Blocks: `h1`-`h6` (and publisher classes: EUR-Lex's `ManualHeading1`-style and `ti-`
//! title classes) are headings, `li` list items, every other block of text (`p`, `div`, `dd`,
//! `blockquote`) a paragraph; `br` breaks the line inside its block; a table row with two or
//! more cells is one paragraph, its cells separated by ` | ` (a short label cell such as
//! `(1)` or `a)` before the text is joined with a space), a row of one cell passes its blocks
//! through. `p` blocks have space around them, `div` and `li` do not.
//!
//! Notes: a link to an element of the page (`href="#x"`) whose text is a number (`1`, `(1)`,
//! `[1]`) and which is superscript, or named a note by its class or role (`footnote-ref`,
//! `footnoteRef`, `nootnum`, `doc-noteref`), or whose target links back to it, is a note marker,
//! put in place as a sentinel. Its note is the block holding the target (the target itself when
//! it is a `li`, `dd`, `p` or `div`): its text without the link back and the note's own number,
//! its link targets and the URLs written in it. Notes are kept out of the body. The number is
//! the one the page shows; a number shown again for another note (an annex that counts from 1)
//! takes the next free number.
//!
//! Hints: the subject from `og:title`, the `<title>` (up to a ` | Site name`), `DC.title` or
//! `dcterms.title`; the date from `DC.date`, `dcterms.date`/`created`/`issued`,
//! `article:published_time`. Where the letter states its own, the letter wins.
//!
//! The parts, in the order a page goes through them: `parse` makes the tree (`tree`) from
//! the tokens, `content` chooses the content's root and what is left out of it, `notes`
//! finds the markers and their notes, `emit` writes the content's blocks, and `meta`
//! reads the hints.

mod content;
mod emit;
mod meta;
mod notes;
mod parse;
mod tree;

use std::borrow::Cow;

use super::office::{self, Para};
use super::{ReadError, names_a_file};
use crate::ingest::decode;
use crate::ingest::document::{Document, Format};
use crate::text::sanitize;
use content::Page;
use meta::labelled_head;
use parse::parse;

/// Deepest nesting of elements kept.
pub const MAX_DEPTH: usize = 512;
/// Most nodes (elements and runs of text) made of one page.
pub const MAX_NODES: usize = 4_000_000;
/// How many open elements the implied-end rules look at, from the current one down.
pub const SCAN: usize = 64;

/// Reads an HTML page.
pub fn read(bytes: &[u8]) -> Result<Document, ReadError> {
    let (text, mut warnings) = decode_page(bytes);
    let (tree, limits) = parse(&text);
    drop(text);
    warnings.extend(limits);
    let (body, read_notes, hints) = {
        let page = Page::new(&tree);
        let notes = page.notes();
        let body = page.body(&notes);
        let read_notes: Vec<office::Note> = notes
            .order
            .iter()
            .map(|&container| page.note(&notes, container))
            .collect();
        (body, read_notes, page.hints())
    };
    // The tree is done with before the document is written.
    drop(tree);
    if body.iter().all(Para::is_empty) && read_notes.is_empty() {
        return Err(ReadError::new("an HTML page with no text in its content"));
    }
    let mut b = office::build(Format::Html, &body, &[], &[]);
    for note in &read_notes {
        let urls: Vec<String> = office::note_urls(note)
            .into_iter()
            .map(|u| sanitize(&u).into_owned())
            .collect();
        b.note(note.number, &sanitize(&note.text), urls, 0);
    }
    *b.hints() = hints;
    labelled_head(&body, b.hints());
    for w in warnings {
        b.warn(w);
    }
    Ok(b.finish())
}

/// The page's text: a byte-order mark or valid UTF-8 decide, else the `charset` the page
/// declares in its first kilobytes, else Windows-1252 (as for text letters).
fn decode_page(bytes: &[u8]) -> (Cow<'_, str>, Vec<String>) {
    let bom = bytes.starts_with(b"\xEF\xBB\xBF") || decode::has_utf16_bom(bytes);
    let utf8 = std::str::from_utf8(bytes);
    // The common case is read where it lies (the tokenizer sees a carriage return as HTML does).
    if !bom && let Ok(text) = utf8 {
        return (Cow::Borrowed(text), Vec::new());
    }
    if !bom
        && utf8.is_err()
        && let Some(encoding) = declared_charset(bytes)
        && encoding != encoding_rs::UTF_8
    {
        let (text, _, had_errors) = encoding.decode(bytes);
        let mut warnings = Vec::new();
        if had_errors {
            warnings.push(format!(
                "not valid {}: undecodable bytes replaced with U+FFFD",
                encoding.name()
            ));
        }
        return (Cow::Owned(text.into_owned()), warnings);
    }
    let decoded = decode::decode(bytes);
    (Cow::Owned(decoded.text), decoded.warnings)
}

/// The encoding named by `charset=` in the first 4 kB.
fn declared_charset(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let at = memchr::memmem::find(&lower, b"charset=")? + 8;
    let rest = &head[at..];
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let end = rest
        .iter()
        .position(|b| !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.')))
        .unwrap_or(rest.len());
    encoding_rs::Encoding::for_label(&rest[..end])
}
