//! The Letters pane's order (`S`) and filter (`&`): the filter narrows the rows as fzf does,
//! each key at once; the open letter stays while it is shown, else the first row opens.

use brieven::listing::{LetterFilter, shown};

use super::{Effect, list_target, open_letter, record_jump};
use crate::tui::action::Action;
use crate::tui::app::{App, Overlay, Pane};
use crate::tui::panes::letters::sort_label;

/// The message when the filter shows no letter.
pub const NO_MATCH: &str = "No letter matches the filter";

/// The rows of the Letters pane again, after its order, its filter or the letters changed.
pub fn refresh(app: &mut App) {
    app.list = shown(
        &app.letters,
        app.list_sort,
        &LetterFilter::new(&app.list_filter),
        &|i| app.stance(i),
    );
    app.list_acts = app
        .list
        .iter()
        .filter(|&&i| app.letters[i].is_act())
        .count();
}

/// `S`: the next order (date, sender, stance, load order), said on the status line too.
pub fn cycle_sort(app: &mut App) {
    app.list_sort = app.list_sort.next();
    refresh(app);
    let label = sort_label(app.list_sort, app.lang);
    let template = brieven::i18n::reader_text(app.lang, "Sorted by {}");
    app.message = Some(brieven::i18n::fill(template, label));
}

/// `&`: the filter's prompt, over the Letters pane (focused, so a narrow terminal shows it).
pub fn open_filter(app: &mut App) {
    app.focus = Pane::Letters;
    let origin = app.anchor();
    app.overlays.push(Overlay::LetterFilter { origin });
}

/// Esc on the main screen: every letter shown again.
pub fn clear(app: &mut App) {
    if !app.list_filter.is_empty() {
        app.list_filter.clear();
        refresh(app);
    }
}

/// The keys of the filter's prompt; `None` when it is not open or the action is not its own.
pub fn prompt_action(app: &mut App, action: &Action) -> Option<Effect> {
    let Some(&Overlay::LetterFilter { origin }) = app.overlay() else {
        return None;
    };
    match action {
        Action::Input(c) => {
            app.list_filter.push(*c);
            narrowed(app);
        }
        Action::DeleteChar => {
            app.list_filter.pop();
            narrowed(app);
        }
        Action::ClearInput => {
            app.list_filter.clear();
            narrowed(app);
        }
        Action::Down | Action::Up => {
            let delta = if *action == Action::Down { 1 } else { -1 };
            if let Some(index) = list_target(app, delta) {
                open_letter(app, index);
            }
        }
        // Enter keeps the filter and the letter shown (one jump from where `&` was pressed).
        Action::Activate => {
            app.overlays.pop();
            record_jump(app, origin);
        }
        // Esc clears the filter and goes back to the letter `&` was pressed on.
        Action::Close => {
            app.overlays.pop();
            clear(app);
            open_letter(app, origin.letter);
        }
        _ => return None,
    }
    Some(Effect::None)
}

/// After the filter changed: the open letter stays while it is shown, else the first row opens.
fn narrowed(app: &mut App) {
    refresh(app);
    if app.letter_row().is_none()
        && let Some(&first) = app.list.first()
    {
        open_letter(app, first);
    }
}
