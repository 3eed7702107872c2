//! Properties of ingestion over arbitrary input: it never panics, every marker offset lies
//! inside its paragraph, and every marker resolves to a footnote or is reported.

use brieven::ingest::{parse, parse_text};
use proptest::prelude::*;

/// Fragments that exercise the passes: note syntax of all three kinds, headings, rules,
/// labels, list markers, links, hyphens, furniture, control characters.
fn letterish() -> impl Strategy<Value = String> {
    let fragment = prop_oneof![
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just(" \n".to_string()),
        Just("<sup>1</sup>".to_string()),
        Just("<sup>".to_string()),
        Just("</sup>".to_string()),
        Just("¹".to_string()),
        Just("²³".to_string()),
        Just("internet.1 ".to_string()),
        Just("2 https://example.org/a-\n".to_string()),
        Just("1 Een noot.\n".to_string()),
        Just("---\n".to_string()),
        Just("### **Kop**\n".to_string()),
        Just("1. Punt\n".to_string()),
        Just("- punt\n".to_string()),
        Just("Datum ".to_string()),
        Just("18 september 2024".to_string()),
        Just("Onderwerp ".to_string()),
        Just("Geachte heer,\n".to_string()),
        Just("Hoogachtend,\n".to_string()),
        Just("Namens ".to_string()),
        Just("[tekst](https://x.nl)".to_string()),
        Just("<https://x.nl>".to_string()),
        Just("ver-\n".to_string()),
        Just("info@x.nl ■ www.x.nl\n".to_string()),
        Just("\u{1b}[2J".to_string()),
        Just("\u{202e}".to_string()),
        Just("\\(".to_string()),
        "[a-zA-Z ,.:;?!()'\"-]{0,40}",
        "[a-z]{3,12}\\.[0-9]{1,3} ",
    ];
    proptest::collection::vec(fragment, 0..60).prop_map(|v| v.concat())
}

fn check(letter: &brieven::model::Letter) {
    for (_, _, p) in letter.paragraphs() {
        let len = p.text.chars().count();
        for n in &p.notes {
            assert!(n.at <= len, "offset {} past {len} in {:?}", n.at, p.text);
            let defined = letter.footnote(n.number).is_some();
            let reported = letter
                .warnings
                .iter()
                .any(|w| w.contains(&format!("note marker {} has no footnote", n.number)));
            assert!(
                defined || reported,
                "marker {} neither resolved nor reported",
                n.number
            );
        }
        assert!(!p.text.contains("  "), "double space in {:?}", p.text);
        assert!(!p.text.chars().any(brieven::text::is_unsafe_char));
    }
    for note in &letter.footnotes {
        assert!(!note.text.chars().any(brieven::text::is_unsafe_char));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_text_parses(text in any::<String>()) {
        check(&parse_text("prop", "prop", &text));
    }

    #[test]
    fn any_bytes_parse(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
        check(&parse("prop", "prop", &bytes));
    }

    #[test]
    fn letter_like_text_parses(text in letterish()) {
        check(&parse_text("prop", "prop", &text));
    }
}
