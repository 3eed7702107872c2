//! Fuzz target: the PDF reader on any bytes, through `read_file` as a user's file would go.
//! Seed it with `tests/fixtures/formats/office_letter.pdf` and `tests/real/*.pdf`. It must
//! give a letter or an error, never a panic or a hang (the reader gives up after its time
//! limit), and a letter keeps the reader's invariants: marker offsets inside their
//! paragraph, no control characters in the text, the headings, the notes or their URLs.
#![no_main]

use brieven::text::is_unsafe_char;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    // The reader looks for %PDF- in the first kilobyte: every input is a PDF candidate.
    let mut bytes = b"%PDF-1.7\n".to_vec();
    bytes.extend_from_slice(data);
    if let Ok(letter) = brieven::ingest::read_file("fuzz", "fuzz.pdf", Some("pdf"), &bytes) {
        for (_, _, p) in letter.paragraphs() {
            let len = p.text.chars().count();
            for n in &p.notes {
                assert!(n.at <= len);
            }
            assert!(!p.text.chars().any(is_unsafe_char));
        }
        for s in &letter.sections {
            assert!(!s.heading.as_deref().unwrap_or("").chars().any(is_unsafe_char));
        }
        for n in &letter.footnotes {
            assert!(!n.text.chars().any(is_unsafe_char));
            assert!(n.urls.iter().all(|u| !u.chars().any(is_unsafe_char)));
        }
    }
});
