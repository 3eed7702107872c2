//! The reader's own stance, summary and tags for a letter (`a`): opening the form, and what
//! changes when one is saved (the Letters pane's marks and order, the positions rows, the open
//! letter's header). The values live in the state; the letters stay as they were read.

use std::sync::Arc;

use brieven::positions::Position;

use super::{Effect, debate};
use crate::tui::annotate::AnnotateForm;
use crate::tui::app::{App, Overlay};
use crate::tui::memory::StateChange;

/// `a`: the form for the open letter, filled with what it shows now.
pub fn open(app: &mut App) {
    let Some(letter) = app.letter() else {
        return;
    };
    let form = AnnotateForm::new(letter, app.annotation(app.current));
    app.overlays.push(Overlay::Annotate(Box::new(form)));
}

/// Saves `change` (an annotation) and shows it wherever the letter's stance or summary shows.
pub fn save(app: &mut App, change: StateChange) -> Effect {
    let letter = match &change {
        StateChange::Annotate { letter, .. } => app.index.by_id(letter),
        _ => None,
    };
    let effect = debate::persist(app, change);
    if let Some(i) = letter {
        let at =
            (app.position_rows.iter()).find_map(|rows| rows.iter().position(|r| r.letter == i));
        if let Some(at) = at {
            let shown = app
                .position_rows
                .as_ref()
                .map(|rows| shown_row(app, rows[at].clone()));
            if let (Some(rows), Some(shown)) = (&mut app.position_rows, shown) {
                Arc::make_mut(rows)[at] = shown;
            }
        }
        if i == app.current {
            let anchor = app.anchor();
            app.doc = app.build_doc();
            app.scroll = super::anchor_line(app, anchor);
        }
        super::listing::refresh(app);
        app.message = Some(brieven::i18n::reader_text(app.lang, "Saved in the state file").into());
    }
    effect
}

/// Every positions row with the stance and summary given in the reader in place of the
/// letter's own.
pub fn annotate_rows(app: &App, rows: &mut [Position]) {
    if !app.state.annotations.is_empty() {
        brieven::positions::annotate(rows, &app.letters, &app.state);
    }
}

/// `row` with its letter's stance and summary as the reader shows them.
fn shown_row(app: &App, mut row: Position) -> Position {
    brieven::positions::annotate(std::slice::from_mut(&mut row), &app.letters, &app.state);
    row
}
