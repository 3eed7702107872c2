//! The search in the open letter (`s`, as less's `/`): the prompt, which moves the view to the
//! first match from where you were as you type; Enter keeps the place, Esc goes back; then
//! `n`/`N` step through every occurrence, wrapping at either end of the letter with a message.

use std::sync::Arc;

use brieven::i18n::{fill, fill_all, reader_text};

use super::{Effect, jump, lookup};
use crate::tui::action::Action;
use crate::tui::app::{App, FindOrigin, Overlay, Pane};
use crate::tui::document::BlockKind;
use crate::tui::find::{Find, Haystack, line_of};

/// Opens the prompt over the Reading pane.
pub fn open(app: &mut App) {
    if matches!(app.overlay(), Some(Overlay::Find(_))) {
        return;
    }
    let origin = FindOrigin {
        query: String::new(),
        scroll: app.scroll,
        chosen: app.chosen,
        focus: app.focus,
        highlight: app.highlight.clone(),
        find: app.find.clone(),
    };
    app.overlays.push(Overlay::Find(Box::new(origin)));
    app.focus = Pane::Reading;
}

/// Handles `action` while the prompt is on top; `None` when it is not the prompt's.
pub fn prompt_action(app: &mut App, action: &Action) -> Option<Effect> {
    let Some(Overlay::Find(origin)) = app.overlays.last_mut() else {
        return None;
    };
    match action {
        Action::Input(c) => origin.query.push(*c),
        Action::DeleteChar => {
            origin.query.pop();
        }
        Action::ClearInput => origin.query.clear(),
        Action::Activate => {
            confirm(app);
            return Some(Effect::None);
        }
        Action::Close => {
            cancel(app);
            return Some(Effect::None);
        }
        // The same words in every letter: the search overlay, one key away.
        Action::Search => {
            let query = origin.query.clone();
            cancel(app);
            return Some(lookup::search_for(app, query));
        }
        _ => return None,
    }
    refresh(app);
    Some(Effect::None)
}

/// The open letter ready to search: the one of the pattern in force when it is this letter's.
fn haystack(app: &App) -> Arc<Haystack> {
    let origin = match app.overlay() {
        Some(Overlay::Find(origin)) => origin.find.as_ref(),
        _ => None,
    };
    app.find
        .iter()
        .chain(origin)
        .map(|f| &f.haystack)
        .find(|h| h.letter == app.current)
        .cloned()
        .unwrap_or_else(|| Arc::new(Haystack::of(&app.doc, app.current)))
}

/// Matches the query typed so far and shows the first match from where the search began.
fn refresh(app: &mut App) {
    let Some(Overlay::Find(origin)) = app.overlay() else {
        return;
    };
    let origin = origin.as_ref().clone();
    app.scroll = origin.scroll;
    app.chosen = origin.chosen;
    app.highlight = origin.highlight.clone();
    if origin.query.trim().is_empty() {
        app.find = None;
        return;
    }
    let mut find = Find::new(origin.query, haystack(app));
    let from = first_from(app, &find, origin.scroll);
    find.index = from.or((!find.matches.is_empty()).then_some(0));
    app.find = Some(find);
    show_current(app);
}

/// The first match that starts on `line` or below it.
fn first_from(app: &App, find: &Find, line: usize) -> Option<usize> {
    find.matches
        .iter()
        .position(|m| line_of(&app.doc, m.block, m.range.start) >= line)
}

/// Enter: keeps the place the pattern found (one jump back to where the search began), or,
/// with nothing typed, searches for the last pattern again as less does.
fn confirm(app: &mut App) {
    let Some(Overlay::Find(origin)) = app.overlays.pop() else {
        return;
    };
    if origin.query.trim().is_empty() {
        restore(app, *origin);
        if app.find.is_some() {
            step(app, true);
        }
        return;
    }
    if app.find.as_ref().is_none_or(|f| f.matches.is_empty()) {
        let query = origin.query.clone();
        restore(app, *origin);
        app.message = Some(not_found(app, &query));
        return;
    }
    // The pattern replaces the occurrences of an earlier `/` or register jump for `n`/`N`.
    app.trail = None;
    let (scroll, chosen) = (app.scroll, app.chosen);
    app.scroll = origin.scroll;
    app.chosen = origin.chosen;
    jump(app, |app| {
        app.scroll = scroll;
        app.chosen = chosen;
    });
}

/// Esc: everything as it was before `s`.
fn cancel(app: &mut App) {
    if let Some(Overlay::Find(origin)) = app.overlays.pop() {
        restore(app, *origin);
    }
}

fn restore(app: &mut App, origin: FindOrigin) {
    app.scroll = origin.scroll;
    app.chosen = origin.chosen;
    app.focus = origin.focus;
    app.highlight = origin.highlight;
    app.find = origin.find;
}

fn not_found(app: &App, query: &str) -> String {
    fill(
        reader_text(app.lang, "Not in this letter: “{}”"),
        query.trim(),
    )
}

/// Brings the current match into view (a third down the pane when it was out of view),
/// highlights it and makes its paragraph the current one.
fn show_current(app: &mut App) {
    let Some(find) = &app.find else { return };
    let Some(m) = find.index.and_then(|i| find.matches.get(i)).cloned() else {
        return;
    };
    app.highlight = find.highlight();
    let paragraph = app
        .doc
        .blocks
        .get(m.block)
        .is_some_and(|b| matches!(b.kind, BlockKind::Paragraph { .. }));
    app.chosen = paragraph.then_some(m.block);
    let line = line_of(&app.doc, m.block, m.range.start);
    if !app.visible().contains(&line) {
        app.scroll = line.saturating_sub(app.page() / 3);
    }
}

/// `n`/`N` with a pattern in force: the next (previous) match after the one shown, or from
/// the top of the view when that one is out of view; past either end, around to the other
/// with a message saying so.
pub fn step(app: &mut App, forward: bool) {
    let Some(find) = &app.find else { return };
    let n = find.matches.len();
    if n == 0 {
        app.message = Some(not_found(app, &find.query));
        return;
    }
    let line = |i: usize| line_of(&app.doc, find.matches[i].block, find.matches[i].range.start);
    let visible = app.visible();
    let shown = find.index.filter(|&i| i < n && visible.contains(&line(i)));
    let (next, wrapped) = match (shown, forward) {
        (Some(i), true) if i + 1 < n => (i + 1, false),
        (Some(i), false) if i > 0 => (i - 1, false),
        (Some(_), true) => (0, true),
        (Some(_), false) => (n - 1, true),
        (None, true) => first_from(app, find, visible.start).map_or((0, true), |i| (i, false)),
        (None, false) => (0..n)
            .rev()
            .find(|&i| line(i) < visible.start)
            .map_or((n - 1, true), |i| (i, false)),
    };
    if let Some(find) = &mut app.find {
        find.index = Some(next);
    }
    jump(app, show_current);
    if wrapped {
        let s = app.lang.strings();
        let count = fill_all(s.trail_position, &[&(next + 1).to_string(), &n.to_string()]);
        let text = if forward {
            "search wrapped to the top"
        } else {
            "search wrapped to the end"
        };
        app.message = Some(format!("{count} · {}", reader_text(app.lang, text)));
    }
}

/// The pattern in force matched in a newly opened letter, as less keeps its pattern from file
/// to file.
pub fn follow_letter(app: &mut App) {
    if let Some(find) = &app.find
        && find.haystack.letter != app.current
    {
        let haystack = Arc::new(Haystack::of(&app.doc, app.current));
        app.find = Some(Find::new(find.query.clone(), haystack));
    }
}
