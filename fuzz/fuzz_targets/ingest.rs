//! Fuzz target: any bytes parse into a letter without panicking, and the letter keeps the
//! invariants the reader relies on (marker offsets inside their paragraph, no control
//! characters in the text).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let letter = brieven::ingest::parse("fuzz", "fuzz", data);
    for (_, _, p) in letter.paragraphs() {
        let len = p.text.chars().count();
        for n in &p.notes {
            assert!(n.at <= len);
        }
        assert!(!p.text.chars().any(brieven::text::is_unsafe_char));
    }
});
