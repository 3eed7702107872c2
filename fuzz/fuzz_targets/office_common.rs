//! What the DOCX and ODT fuzz targets share: any bytes given to a reader (as a file of that
//! extension) give a letter or an error, never a panic or a hang, and a letter keeps the
//! reader's invariants (marker offsets inside their paragraph, no control characters in the
//! text). Most mutations of a zip are caught by its checksums, so the bytes are also tried as
//! the main XML part of a well-formed archive.

use std::io::Write;

fn check(ext: &str, bytes: &[u8]) {
    if let Ok(letter) = brieven::ingest::read_file("fuzz", "fuzz", Some(ext), bytes) {
        for (_, _, p) in letter.paragraphs() {
            let len = p.text.chars().count();
            for n in &p.notes {
                assert!(n.at <= len);
            }
            assert!(!p.text.chars().any(brieven::text::is_unsafe_char));
        }
    }
}

/// Feeds `data` to the reader of `ext` as a file, and as `main_part` of a zip.
pub fn run(ext: &str, main_part: &str, data: &[u8]) {
    check(ext, data);
    let mut out = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut out);
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Stored);
    if zip.start_file(main_part, options).is_ok() && zip.write_all(data).is_ok() && zip.finish().is_ok() {
        check(ext, &out.into_inner());
    }
}
