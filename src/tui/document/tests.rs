//! Tests of the layout: markers, offsets, sections and wrapping.

use super::*;
use brieven::model::{NoteRef, Paragraph, Section};

fn letter(text: &str, notes: &[(u32, usize)]) -> Letter {
    Letter {
        sections: vec![Section {
            heading: Some("Kop".into()),
            paragraphs: vec![Paragraph {
                text: text.into(),
                notes: notes
                    .iter()
                    .map(|&(number, at)| NoteRef { number, at })
                    .collect(),
                ..Paragraph::default()
            }],
            line: 1,
        }],
        ..Letter::default()
    }
}

#[test]
fn markers_go_after_the_char_they_follow_and_offsets_skip_them() {
    let doc = Document::build(&letter("één\x1b twee drie", &[(1, 3), (12, 99)]), 0, 40);
    let b = doc.paragraph_block(0, 0).unwrap();
    let block = &doc.blocks[b];
    assert_eq!(block.text, "één¹␛ twee drie¹²");
    assert_eq!(block.markers.len(), 2);
    // Chars 5..9 of the source are "twee".
    let bytes = block.display_bytes(&[9, 5]);
    assert_eq!(&block.text[bytes[1]..bytes[0]], "twee");
    assert_eq!(block.display_bytes(&[3]), [block.text.find('␛').unwrap()]);
    assert_eq!(block.display_bytes(&[1000]), [block.text.len()]);
}

#[test]
fn sections_and_lines_map_both_ways() {
    let doc = Document::build(&letter(&"woord ".repeat(40), &[]), 0, 20);
    let heading = doc.heading_block(0).unwrap();
    assert_eq!(doc.section_line(0), doc.blocks[heading].first_line);
    assert_eq!(
        doc.section_at(0),
        Some(0),
        "the header belongs to the first section"
    );
    assert_eq!(doc.section_at(doc.lines.len() - 1), Some(0));
    assert!(doc.lines.iter().all(|l| l.range.len() <= 20));
}
