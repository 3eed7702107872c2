//! Opening the search overlay and the register view, carrying out what an overlay component
//! hands back (close, jump along a trail, save, a message), and the occurrence trail
//! (`n`/`N`).

use super::{Effect, jump, open_letter, show_target};
use crate::tui::app::{App, Overlay, Pane};
use crate::tui::component::{Outcome, ctx};

/// Carries out what the topmost overlay made of an action; `None` when it ignored it.
pub fn apply(app: &mut App, outcome: Outcome) -> Option<Effect> {
    match outcome {
        Outcome::Ignored => return None,
        Outcome::Handled(effect) => return Some(effect),
        Outcome::Message(message) => app.message = Some(message),
        Outcome::Close => {
            app.overlays.pop();
        }
        Outcome::Save(change) => {
            app.overlays.pop();
            return Some(super::annotate::save(app, change));
        }
        Outcome::Persist { change, message } => {
            if message.is_some() {
                app.message = message;
            }
            return Some(super::debate::persist(app, change));
        }
        Outcome::Push(overlay) => app.overlays.push(*overlay),
        Outcome::Open(letter) => {
            app.overlays.pop();
            jump(app, |app| open_letter(app, letter));
            app.focus = Pane::Reading;
        }
        Outcome::Show(target) => {
            app.overlays.pop();
            show_target(app, target);
            app.focus = Pane::Reading;
        }
        Outcome::Jump(trail) => {
            app.overlays.pop();
            let index = trail.index;
            app.find = None;
            app.trail = Some(trail);
            app.focus = Pane::Reading;
            if let Some(first) = app.trail_target(index) {
                show_target(app, first);
            }
        }
    }
    Some(Effect::None)
}

/// Opens the search overlay on the last query, shown selected: typing replaces it.
pub fn open_search(app: &mut App) {
    if app.overlay() != Some(&Overlay::Search) {
        app.overlays.push(Overlay::Search);
        app.search.open();
    }
}

/// Opens the register view.
pub fn open_register(app: &mut App) {
    if app.overlay() != Some(&Overlay::Register) {
        app.overlays.push(Overlay::Register);
    }
    app.register_view.refresh(&ctx!(app));
}

/// Opens the search overlay on `query` (what `s` was searching one letter for) and asks the
/// worker for its results.
pub fn search_for(app: &mut App, query: String) -> Effect {
    open_search(app);
    app.search.open_on(query)
}

/// `n`/`N`: the next or previous occurrence of the trail, wrapping around.
pub fn step_occurrence(app: &mut App, forward: bool) {
    let Some(trail) = &mut app.trail else {
        app.message = Some(
            brieven::i18n::reader_text(
                app.lang,
                "No occurrences to step through: / searches, s searches this letter, r opens the register",
            )
            .into(),
        );
        return;
    };
    if trail.targets.is_empty() {
        return;
    }
    let n = trail.targets.len();
    trail.index = if forward {
        (trail.index + 1) % n
    } else {
        (trail.index + n - 1) % n
    };
    let index = trail.index;
    if let Some(target) = app.trail_target(index) {
        show_target(app, target);
    }
}
