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
            page: None,
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

#[test]
fn header_fields_are_found_in_the_header_blocks() {
    let letter = Letter {
        date: brieven::model::Date::ymd(2023, 9, 25),
        place: Some("Leiden".into()),
        sender: Some("Kinderrechten\x1bcollectief".into()),
        recipients: vec!["Minister van JenV".into(), "Tweede Kamer".into()],
        subject: Some("JBZ-raad van 28 september".into()),
        salutation: Some("Geachte Minister,".into()),
        signed_by: vec!["Marc Dullaert".into(), "Defence for Children".into()],
        ..letter("Tekst.", &[])
    };
    let doc = Document::build(&letter, 0, 30);
    let shown = |field, at, len| {
        let (b, range) = doc.field_range(field, at, len)?;
        Some((doc.blocks[b].kind, doc.blocks[b].text[range].to_string()))
    };
    let sender = Some((BlockKind::Sender, "Kinderrechten␛collectief".to_string()));
    assert_eq!(shown(MetaField::Sender, 0, 24), sender);
    let second = Some((BlockKind::Sender, "Kamer".to_string()));
    assert_eq!(shown(MetaField::Recipient(1), 7, 5), second);
    let subject = Some((BlockKind::Subject, "28 september".to_string()));
    assert_eq!(shown(MetaField::Subject, 13, 12), subject);
    let salutation = Some((BlockKind::Salutation, "Minister".to_string()));
    assert_eq!(shown(MetaField::Salutation, 8, 8), salutation);
    let signed = Some((BlockKind::Signatories, "Defence".to_string()));
    assert_eq!(shown(MetaField::Signatory(1), 0, 7), signed);
    let date = Some((
        BlockKind::Dateline,
        Lang::En.date_long(letter.date.unwrap()),
    ));
    assert_eq!(shown(MetaField::Date, 0, 0), date);
    // Past the field's end, empty, or a field the letter does not have.
    assert_eq!(shown(MetaField::Recipient(0), 10, 8), None);
    assert_eq!(shown(MetaField::Subject, 3, 0), None);
    assert_eq!(shown(MetaField::Recipient(2), 0, 1), None);
}
