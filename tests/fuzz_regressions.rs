//! Every input a fuzzer crashed on, parsed again: each file in `tests/fuzz_crashes/` must now
//! parse without panicking and keep the letter's invariants.

use brieven::ingest::{parse, parse_text};

fn check(letter: &brieven::model::Letter) {
    for (_, _, p) in letter.paragraphs() {
        for n in &p.notes {
            assert!(n.at <= p.text.chars().count());
        }
    }
}

#[test]
fn every_recorded_crash_parses() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_crashes");
    let mut seen = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        check(&parse("crash", "crash", &std::fs::read(&path).unwrap()));
        seen += 1;
    }
    assert!(seen >= 1, "the crash files are there");
}

/// The first crash, reduced: a superscript run too long for a note number saturated the
/// numbering, and the next plain-digit marker overflowed it.
#[test]
fn a_saturated_note_number_does_not_overflow() {
    let letter = parse_text(
        "crash",
        "crash",
        "Leiden, 1 mei 2024\n\nGeachte heer,\n\nTekst ¹²³⁴⁵⁶⁷⁸⁹⁰¹²³⁴⁵ en een zin.1 Meer tekst hier.\n",
    );
    check(&letter);
}
