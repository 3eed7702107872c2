//! State changes of the search overlay, the register view and the occurrence trail (`n`/`N`).

use std::sync::Arc;

use super::{Effect, show_target};
use crate::tui::action::Action;
use crate::tui::app::{App, Overlay, Pane, Trail};
use crate::tui::component::Outcome;
use crate::tui::lookup::{self, REGISTER_TABS};

/// Rows a page key moves in the result and register lists.
const PAGE: usize = 10;

/// Handles `action` when the register is on top; `None` when it is not its to handle.
pub fn overlay_action(app: &mut App, action: &Action) -> Option<Effect> {
    match app.overlay()? {
        Overlay::Register => register_action(app, action),
        _ => None,
    }
}

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
        Outcome::Jump(trail) => {
            app.overlays.pop();
            let first = trail.targets[trail.index];
            app.find = None;
            app.trail = Some(trail);
            app.focus = Pane::Reading;
            show_target(app, first);
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
}

/// Opens the search overlay on `query` (what `s` was searching one letter for) and asks the
/// worker for its results.
pub fn search_for(app: &mut App, query: String) -> Effect {
    open_search(app);
    app.search.open_on(query)
}

fn register_action(app: &mut App, action: &Action) -> Option<Effect> {
    let register = app.register.clone();
    let view = &mut app.register_view;
    let entries = app.register_tabs.tab(view.tab % REGISTER_TABS.len());
    let rows = match (&register, view.concordance) {
        (Some(r), Some((entity, _))) => r.entities.get(entity).map_or(0, |e| e.occurrences.len()),
        (Some(_), None) => entries.len(),
        (None, _) => 0,
    };
    let last = rows.saturating_sub(1);
    let selected = match &mut view.concordance {
        Some((_, row)) => row,
        None => &mut view.selected,
    };
    match action {
        Action::Down => *selected = (*selected + 1).min(last),
        Action::Up => *selected = selected.saturating_sub(1),
        Action::PageDown => *selected = (*selected + PAGE).min(last),
        Action::PageUp => *selected = selected.saturating_sub(PAGE),
        Action::Top => *selected = 0,
        Action::Bottom => *selected = last,
        Action::NextTab | Action::PrevTab => {
            let n = REGISTER_TABS.len();
            let by = if *action == Action::NextTab { 1 } else { n - 1 };
            view.tab = (view.tab + by) % n;
            view.selected = 0;
            view.concordance = None;
        }
        Action::Close if view.concordance.is_some() => view.concordance = None,
        Action::Activate => {
            let register = register?;
            match view.concordance {
                None => {
                    let entry = entries.get(view.selected)?;
                    let entity = register.entities.get(entry.entity)?;
                    view.open_concordance(entity, &app.index);
                }
                Some((entity, row)) => jump_to_occurrence(app, &register, entity, row),
            }
        }
        _ => return None,
    }
    Some(Effect::None)
}

/// Closes the register and jumps to occurrence `row` (in date order) of `entity`, keeping
/// the others for `n`/`N`.
fn jump_to_occurrence(
    app: &mut App,
    register: &Arc<brieven::register::Register>,
    entity: usize,
    row: usize,
) {
    let Some(entity) = register.entities.get(entity) else {
        return;
    };
    let listed = app.register_view.listed(entity, &app.index);
    let targets: Vec<_> = (listed.iter())
        .filter_map(|&o| entity.occurrences.get(o))
        .map(|o| lookup::occurrence_target(&app.letters, entity, o))
        .collect();
    let Some(&first) = targets.get(row) else {
        return;
    };
    app.overlays.pop();
    app.find = None;
    app.trail = Some(Trail {
        label: entity.label.clone(),
        targets,
        index: row,
    });
    app.focus = Pane::Reading;
    show_target(app, first);
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
    let n = trail.targets.len();
    if n == 0 {
        return;
    }
    trail.index = if forward {
        (trail.index + 1) % n
    } else {
        (trail.index + n - 1) % n
    };
    let target = trail.targets[trail.index];
    show_target(app, target);
}
