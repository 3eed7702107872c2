//! The state machine and drawing on a letter far larger than any real one.

use super::*;
use crate::tui::ui;

#[test]
fn a_huge_letter_opens_and_draws_without_quadratic_time() {
    use brieven::model::{Footnote, Letter, NoteRef, Paragraph, Section};
    // One 1 MB paragraph citing 10,000 notes, and 2,000 more paragraphs.
    let words = "detectie versleuteling kinderrechten privacy ".repeat(23_000);
    let notes: Vec<NoteRef> = (0..10_000u32)
        .map(|n| NoteRef {
            number: n + 1,
            at: n as usize * 100,
        })
        .collect();
    let mut paragraphs = vec![Paragraph {
        text: words,
        notes,
        ..Paragraph::default()
    }];
    paragraphs.extend((0..2_000).map(|i| Paragraph {
        text: format!("Alinea {i} over de verordening."),
        ..Paragraph::default()
    }));
    let letter = Letter {
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
    };
    let start = std::time::Instant::now();
    let mut app = App::new(
        vec![letter],
        Vec::new(),
        crate::tui::theme::Theme::dark(),
        (120, 36),
    );
    app.focus = Pane::Reading;
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 36)).unwrap();
    for action in [
        Action::PageDown,
        Action::NextMarker,
        Action::Activate,
        Action::Bottom,
        Action::Top,
    ] {
        update(&mut app, action);
        terminal.draw(|f| ui::render(&app, f)).unwrap();
    }
    assert!(
        app.note.is_some_and(|n| n > 1),
        "a note from page two: {:?}",
        app.note
    );
    // Generous for a debug build on a busy machine; quadratic behaviour takes minutes.
    assert!(
        start.elapsed() < std::time::Duration::from_secs(10),
        "{:?}",
        start.elapsed()
    );
}
