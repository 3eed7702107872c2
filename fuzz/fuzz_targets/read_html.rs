//! Fuzz target: the HTML reader on any bytes (as a `.html` file) gives a letter or an error,
//! never a panic or a hang, and a letter keeps the reader's invariants: marker offsets inside
//! their paragraph, no control characters in the text, the headings, the notes or their URLs.
//! Seed it with `tests/fixtures/formats/web_letter.html` and the HTML under `tests/real/`.
#![no_main]

use brieven::text::is_unsafe_char;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Ok(letter) = brieven::ingest::read_file("fuzz", "fuzz", Some("html"), data) {
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
