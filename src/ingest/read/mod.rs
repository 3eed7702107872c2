//! One reader per format, each in a file of its own, all producing a [`Document`]: the format
//! is told by the bytes first (a PDF named `.txt` is a PDF, a web page saved as `.txt` is
//! HTML) and by the file name's extension only where the bytes do not say (`.md`).
//!
//! Every reader is bounded in what it reads and never panics; what it cannot read comes back
//! as a [`ReadError`] that says why in words a user can act on ("no text layer: run OCR
//! first"), for the caller to report with the file's name.

pub mod docx;
mod docx_styles;
pub mod html;
pub mod markdown;
pub mod numbering;
pub mod odt;
pub mod office;
pub mod pdf;
pub mod text;

use std::cell::Cell;
use std::fmt;

use super::document::{Document, Format};

/// Whether a title is a file's name (`L_2013176EN.01000101.xml`, `brief.docx`): such a title
/// names no subject.
pub(crate) fn names_a_file(title: &str) -> bool {
    !title.contains(' ')
        && title.rsplit_once('.').is_some_and(|(_, ext)| {
            matches!(
                ext.to_ascii_lowercase().as_str(),
                "xml" | "html" | "htm" | "pdf" | "doc" | "docx" | "odt" | "dot" | "dotx" | "dotm"
            )
        })
}

/// Why a file gives no letter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadError(pub String);

impl ReadError {
    pub fn new(message: impl Into<String>) -> ReadError {
        ReadError(message.into())
    }
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ReadError {}

thread_local! {
    static GUARDED: Cell<bool> = const { Cell::new(false) };
}

/// Runs a reader's library code, turning a panic in it into `None`. While it runs, the
/// thread's panics are not printed ([`in_guarded`]), so a hostile file cannot write to the
/// terminal through a panic message or make the reader give the terminal up.
pub fn guarded<T>(f: impl FnOnce() -> T) -> Option<T> {
    let was = GUARDED.with(|g| g.replace(true));
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).ok();
    GUARDED.with(|g| g.set(was));
    result
}

/// Whether this thread runs inside [`guarded`]: a panic hook stays quiet then.
pub fn in_guarded() -> bool {
    GUARDED.with(|g| g.get())
}

/// Wraps the panic hook so that panics inside [`guarded`] are not printed.
pub fn quiet_guarded_panics() {
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if !in_guarded() {
            hook(info);
        }
    }));
}

/// The format of `bytes`, from their content, else from `extension` (without the dot, any
/// case). An error for a zip archive that is no DOCX or ODT.
pub fn sniff(extension: Option<&str>, bytes: &[u8]) -> Result<Format, ReadError> {
    let ext = extension.map(str::to_ascii_lowercase);
    // A PDF may have bytes before its header; readers accept it within the first kilobyte.
    if memchr::memmem::find(&bytes[..bytes.len().min(1024)], b"%PDF-").is_some() {
        return Ok(Format::Pdf);
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return zip_format(bytes);
    }
    if bytes.starts_with(COMPOUND_FILE) {
        return Err(compound_file(bytes));
    }
    if let Some(kind) = other_kind(bytes) {
        return Err(ReadError::new(kind));
    }
    if let Some(e) = rtf(bytes) {
        return Err(e);
    }
    match ext.as_deref() {
        Some("pdf") => {
            return Err(ReadError::new(
                "named .pdf but holds no PDF (no %PDF- header in its first kilobyte)",
            ));
        }
        Some(e @ ("docx" | "odt")) => {
            return Err(ReadError::new(format!(
                "named .{e} but holds no zip archive, as every {} file is",
                e.to_ascii_uppercase()
            )));
        }
        _ => {}
    }
    if looks_like_html(bytes) || matches!(ext.as_deref(), Some("html" | "htm" | "xhtml")) {
        return Ok(Format::Html);
    }
    Ok(match ext.as_deref() {
        Some("md" | "markdown") => Format::Markdown,
        _ => Format::Text,
    })
}

/// The formats a letter can come in, for messages about files that are none of them.
const FORMATS: &str = "text, Markdown, PDF, DOCX, ODT or HTML";

/// What a file of another kind is, told by its first bytes, and what to do with it.
fn other_kind(bytes: &[u8]) -> Option<String> {
    const KINDS: &[(&[u8], &str)] = &[
        (b"\x89PNG\r\n\x1a\n", "a PNG image"),
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"GIF87a", "a GIF image"),
        (b"GIF89a", "a GIF image"),
        (b"II*\0", "a TIFF image"),
        (b"MM\0*", "a TIFF image"),
        (b"\x1F\x8B", "a gzip archive"),
        (b"7z\xBC\xAF\x27\x1C", "a 7-Zip archive"),
        (b"Rar!\x1A\x07", "a RAR archive"),
        (b"\x7FELF", "a program (ELF)"),
        (b"ID3", "an MP3 recording"),
    ];
    let scanned = "a scan without text: run OCR first (ocrmypdf makes a PDF with a text layer)";
    let kind = KINDS
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
        .map(|(_, kind)| *kind)
        .or_else(|| {
            (bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP")
                .then_some("a WebP image")
        })?;
    Some(if kind.ends_with("image") {
        format!("{kind}, not a letter; if it is a scanned letter, {scanned}")
    } else {
        format!("{kind}, not a letter: brieven reads {FORMATS}")
    })
}

/// Why text-like bytes with NUL bytes in them give no letter.
pub fn unknown_binary() -> String {
    format!("a binary file of no kind brieven knows (it holds NUL bytes): brieven reads {FORMATS}")
}

/// RTF is text, but its markup is no letter's: it is named as what it is.
fn rtf(bytes: &[u8]) -> Option<ReadError> {
    bytes
        .starts_with(b"{\\rtf")
        .then(|| ReadError::new("an RTF document, which is not read: save it as DOCX, ODT or PDF"))
}

/// The first bytes of a Compound File (OLE2): an encrypted OOXML document, or a Word 97-2003
/// `.doc`.
const COMPOUND_FILE: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

/// Why a Compound File gives no letter: an encrypted DOCX (or ODT saved so) keeps its package
/// in a stream named `EncryptedPackage` (its name in UTF-16 in the directory).
fn compound_file(bytes: &[u8]) -> ReadError {
    let name: Vec<u8> = "EncryptedPackage".bytes().flat_map(|b| [b, 0]).collect();
    if memchr::memmem::find(bytes, &name).is_some() {
        ReadError::new(office::ENCRYPTED)
    } else {
        ReadError::new(
            "a Word 97-2003 (.doc) or other Compound File document, which is not read: save it as DOCX or ODT",
        )
    }
}

/// Which office format a zip archive holds, by the names of its entries (stored in plain
/// text in every local and central header).
fn zip_format(bytes: &[u8]) -> Result<Format, ReadError> {
    let has = |name: &[u8]| memchr::memmem::find(bytes, name).is_some();
    if has(b"word/document.xml") {
        Ok(Format::Docx)
    } else if has(b"application/vnd.oasis.opendocument.text") || has(b"content.xml") {
        Ok(Format::Odt)
    } else {
        Err(ReadError::new(
            "a zip archive that is neither a Word (DOCX) nor an OpenDocument (ODT) text",
        ))
    }
}

/// Whether the first thing in the text (after a byte-order mark, white space and comments)
/// is an HTML document's start: a doctype, `<html`, `<head` or `<body`. Markdown with inline
/// HTML (`<p class="lead">` in its text) does not start so.
fn looks_like_html(bytes: &[u8]) -> bool {
    let mut rest = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    for _ in 0..8 {
        rest = trim_start(rest);
        if rest.starts_with(b"<!--") {
            match memchr::memmem::find(rest, b"-->") {
                Some(end) => rest = &rest[end + 3..],
                None => return false,
            }
        } else if starts_with_ignore_case(rest, b"<?xml") {
            match memchr::memchr(b'>', rest) {
                Some(end) => rest = &rest[end + 1..],
                None => return false,
            }
        } else {
            break;
        }
    }
    ["<!doctype html", "<html", "<head", "<body"]
        .iter()
        .any(|start| starts_with_ignore_case(rest, start.as_bytes()))
}

fn trim_start(bytes: &[u8]) -> &[u8] {
    let n = bytes.iter().take_while(|b| b.is_ascii_whitespace()).count();
    &bytes[n..]
}

fn starts_with_ignore_case(bytes: &[u8], prefix: &[u8]) -> bool {
    bytes.len() >= prefix.len() && bytes[..prefix.len()].eq_ignore_ascii_case(prefix)
}

/// Reads `bytes` as the format they are.
pub fn read(extension: Option<&str>, bytes: &[u8]) -> Result<Document, ReadError> {
    match sniff(extension, bytes)? {
        format @ (Format::Text | Format::Markdown) => Ok(text::read(format, bytes)),
        Format::Pdf => pdf::read(bytes),
        Format::Docx => docx::read(bytes),
        Format::Odt => odt::read(bytes),
        Format::Html => html::read(bytes),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn other_kinds_of_file_are_named_with_what_to_do() {
        let told = |bytes: &[u8]| sniff(Some("txt"), bytes).unwrap_err().to_string();
        assert_eq!(
            told(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
            "a PNG image, not a letter; if it is a scanned letter, a scan without text: run OCR \
             first (ocrmypdf makes a PDF with a text layer)"
        );
        assert!(told(b"\xFF\xD8\xFF\xE0").starts_with("a JPEG image"));
        assert!(told(b"RIFF\x10\0\0\0WEBPVP8 ").starts_with("a WebP image"));
        assert_eq!(
            told(b"\x1F\x8B\x08\0"),
            "a gzip archive, not a letter: brieven reads text, Markdown, PDF, DOCX, ODT or HTML"
        );
        assert!(told(b"{\\rtf1\\ansi Geachte heer,").starts_with("an RTF document"));
        // Text that starts with such letters is still text.
        assert_eq!(
            sniff(Some("txt"), b"GIF is een afkorting."),
            Ok(Format::Text)
        );
    }

    #[test]
    fn the_format_is_told_by_the_bytes_before_the_name() {
        let sniffed = |ext: Option<&str>, bytes: &[u8]| sniff(ext, bytes);
        assert_eq!(sniffed(Some("txt"), b"%PDF-1.7\n..."), Ok(Format::Pdf));
        assert_eq!(sniffed(None, b"\r\n%PDF-1.4"), Ok(Format::Pdf));
        assert_eq!(
            sniffed(Some("txt"), b"\xEF\xBB\xBF  <!DOCTYPE html><html>"),
            Ok(Format::Html)
        );
        assert_eq!(
            sniffed(Some("txt"), b"<!-- saved -->\n<HTML lang=nl>"),
            Ok(Format::Html)
        );
        assert_eq!(sniffed(Some("HTM"), b"Geachte heer,"), Ok(Format::Html));
        assert_eq!(
            sniffed(
                Some("md"),
                b"---\ntitle: x\n---\n<p class=\"lead\">Tekst</p>"
            ),
            Ok(Format::Markdown)
        );
        assert_eq!(sniffed(Some("txt"), b"<p>Een alinea</p>"), Ok(Format::Text));
        assert_eq!(
            sniffed(Some("docx"), b"PK\x03\x04....word/document.xml...."),
            Ok(Format::Docx)
        );
        assert_eq!(
            sniffed(
                Some("txt"),
                b"PK\x03\x04....mimetypeapplication/vnd.oasis.opendocument.text"
            ),
            Ok(Format::Odt)
        );
        let err = sniffed(Some("docx"), b"PK\x03\x04....photo.jpg....").unwrap_err();
        assert!(err.0.contains("neither a Word (DOCX) nor"), "{err}");
        let err = sniffed(Some("PDF"), b"Geachte heer,").unwrap_err();
        assert!(err.0.contains("no PDF"), "{err}");
        let err = sniffed(Some("docx"), b"Geachte heer,").unwrap_err();
        assert!(err.0.contains("no zip archive"), "{err}");
    }
}
