//! The state machine and drawing on a letter far larger than any real one.

use super::*;
use crate::tui::ui;

#[test]
fn a_huge_letter_opens_draws_and_follows_its_notes() {
    // Its speed is a benchmark's (`cargo bench --bench frame -- huge_letter`), not a test's.
    let letter = crate::tui::huge::letter();
    let mut app = crate::tui::fixtures::reading_only(letter);
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
}
