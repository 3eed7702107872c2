//! A letter far larger than any real one, for the test that the reader opens, draws and follows
//! notes through it (`update::scale_tests`) and the benchmark that times it (`benches/frame.rs`,
//! `huge_letter_first_frame`): one 1 MB paragraph citing 10,000 notes, and 2,000 more.

use brieven::model::{Footnote, Letter, NoteRef, Paragraph, Section};

pub fn letter() -> Letter {
    let mut paragraphs = vec![Paragraph {
        text: "detectie versleuteling kinderrechten privacy ".repeat(23_000),
        notes: (0..10_000u32)
            .map(|n| NoteRef {
                number: n + 1,
                at: n as usize * 100,
            })
            .collect(),
        ..Paragraph::default()
    }];
    paragraphs.extend((0..2_000).map(|i| Paragraph {
        text: format!("Alinea {i} over de verordening."),
        ..Paragraph::default()
    }));
    Letter {
        sections: vec![Section {
            heading: Some("Groot".into()),
            paragraphs,
            line: 1,
            page: None,
        }],
        footnotes: (1..=10_000)
            .map(|n| Footnote {
                number: n,
                text: format!("Bron {n}"),
                ..Footnote::default()
            })
            .collect(),
        ..Letter::default()
    }
}
