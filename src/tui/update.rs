//! The state machine: `update(&mut App, Action)` applies one action. No I/O and no drawing;
//! what needs the outside world (suspending, asking the search worker) comes back as an
//! [`Effect`] for the event loop to carry out.

use super::action::Action;
use super::app::{App, Overlay, Pane, Spot, Target};
use super::cards_view::CardsView;
use super::component::{Component, ctx};
use super::document::BlockKind;
use super::list_cursor::ListCursor;
use super::memory::StateChange;
use super::pager::{Paged, Pager};

/// What the event loop must do after an update.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Effect {
    #[default]
    None,
    /// Give the terminal back, stop the process, and redraw on resume.
    Suspend,
    /// Clear the screen and draw every cell again.
    Redraw,
    /// Ask the search worker for the results of query number `seq`.
    Search { seq: u64, query: String },
    /// Put this text on the clipboard (an OSC 52 sequence written to the terminal).
    Clipboard(String),
    /// Open this http(s) URL in the browser, without waiting for it.
    OpenUrl(String),
    /// Save this change to the state file.
    Persist(StateChange),
    /// Build the timeline of the letters off the loop (it reads every paragraph) and hand it
    /// back as [`Action::TimelineReady`].
    BuildTimeline,
}

/// Applies `action` to `app`.
pub fn update(app: &mut App, action: Action) -> Effect {
    // A message stays until the user does something: a resize or a result from the worker
    // (the register arriving while the user reads) is no answer to it.
    if !matches!(
        action,
        Action::Resize(..)
            | Action::SearchResults(..)
            | Action::RegisterReady(..)
            | Action::TimelineReady(..)
    ) {
        app.message = None;
    }
    // Over an overlay, the wheel moves in it and clicks do nothing.
    let action = match action {
        Action::Click(..) if !app.overlays.is_empty() => return Effect::None,
        Action::Scroll(_, _, delta) if !app.overlays.is_empty() => {
            let step = if delta > 0 { Action::Down } else { Action::Up };
            for _ in 1..delta.unsigned_abs() {
                update(app, step.clone());
            }
            step
        }
        other => other,
    };
    // The reading tools work on the text that has the focus.
    if app.focus == Pane::Beside && app.overlays.is_empty() && beside::is_reading_tool(&action) {
        beside::take_tools(app);
    }
    if let Some(effect) = find::prompt_action(app, &action) {
        return effect;
    }
    if let Some(effect) = quote::selection_action(app, &action) {
        return effect;
    }
    if let Some(effect) = listing::prompt_action(app, &action) {
        return effect;
    }
    if let Some(effect) = debate::label_action(app, &action) {
        return effect;
    }
    // The topmost overlay that is a component consumes what it handles.
    let outcome = match app.overlays.last_mut() {
        Some(Overlay::Search) => Some(app.search.handle(&action, &ctx!(app))),
        Some(Overlay::Register) => Some(app.register_view.handle(&action, &ctx!(app))),
        Some(Overlay::Annotate(form)) => Some(form.handle(&action, &ctx!(app))),
        Some(Overlay::Pager(pager)) => Some(pager.handle(&action, &ctx!(app))),
        Some(Overlay::Positions(view)) => Some(view.handle(&action, &ctx!(app))),
        Some(Overlay::Cards(view)) => Some(view.handle(&action, &ctx!(app))),
        Some(Overlay::Timeline(view)) => Some(view.handle(&action, &ctx!(app))),
        _ => None,
    };
    if let Some(effect) = outcome.and_then(|o| lookup::apply(app, o)) {
        return effect;
    }
    match action {
        Action::Quit => app.quit = true,
        Action::Suspend => return Effect::Suspend,
        Action::Redraw => return Effect::Redraw,
        Action::Close => {
            if app.overlays.pop().is_none() {
                app.marker = None;
                app.highlight = None;
                app.trail = None;
                app.find = None;
                listing::clear(app);
            }
        }
        Action::FocusNext => cycle_focus(app, 1),
        Action::FocusPrev => {
            cycle_focus(app, Pane::ALL.len() + usize::from(app.beside.is_some()) - 1)
        }
        Action::FocusPane(n) => {
            if let Some(&pane) = Pane::ALL.get(usize::from(n)) {
                app.focus = pane;
            }
        }
        Action::Down => move_in_pane(app, 1),
        Action::Up => move_in_pane(app, -1),
        Action::PageDown => move_in_pane(app, page(app) as isize),
        Action::PageUp => move_in_pane(app, -(page(app) as isize)),
        Action::HalfPageDown => move_in_pane(app, (page(app) / 2).max(1) as isize),
        Action::HalfPageUp => move_in_pane(app, -((page(app) / 2).max(1) as isize)),
        Action::Top => move_in_pane(app, isize::MIN),
        Action::Bottom => move_in_pane(app, isize::MAX),
        Action::NextParagraph => step_paragraph(app, true),
        Action::PrevParagraph => step_paragraph(app, false),
        Action::NextSection => step_section(app, 1),
        Action::PrevSection => step_section(app, -1),
        Action::NextLetter => step_letter(app, 1),
        Action::PrevLetter => step_letter(app, -1),
        Action::NextMarker => step_marker(app, true),
        Action::PrevMarker => step_marker(app, false),
        Action::Activate => activate(app),
        // `Backspace` (and `Ctrl-o`) in the Footnotes pane go back to the text the notes are
        // of, where it was, as a browser's back button leaves a footnote; from the text they go
        // back in the jump list.
        Action::JumpBack if app.focus == Pane::Footnotes => {
            app.focus = Pane::Reading;
        }
        Action::JumpBack => jump_back(app),
        Action::JumpForward => jump_forward(app),
        Action::Help => app.overlays.push(Overlay::Pager(Pager::new(Paged::Help))),
        Action::Warnings => (app.overlays).push(Overlay::Pager(Pager::new(Paged::Warnings))),
        Action::OpenArticle => crate::tui::article::open(app),
        Action::Resize(w, h) => resize(app, w, h),
        Action::Click(col, row) => click(app, col, row),
        Action::Scroll(col, row, delta) => wheel(app, col, row, delta),
        Action::Search => lookup::open_search(app),
        Action::Register => lookup::open_register(app),
        Action::FindInLetter => find::open(app),
        Action::NextOccurrence if app.find.is_some() => find::step(app, true),
        Action::PrevOccurrence if app.find.is_some() => find::step(app, false),
        Action::NextOccurrence => lookup::step_occurrence(app, true),
        Action::PrevOccurrence => lookup::step_occurrence(app, false),
        Action::SearchResults(seq, results) => app.search.receive(seq, results, &ctx!(app)),
        Action::RegisterReady(register) => views::register_ready(app, register),
        Action::TimelineReady(timeline) => views::timeline_ready(app, timeline),
        Action::CopyCitation => return debate::copy_citation(app),
        Action::CopyUrl => return debate::copy_url(app),
        Action::OpenUrl => return debate::open_url(app),
        Action::Pin => return debate::pin(app),
        Action::Cards => (app.overlays).push(Overlay::Cards(CardsView::default())),
        Action::Positions => views::open_positions(app),
        Action::Annotate => annotate::open(app),
        Action::Timeline => return views::open_timeline(app),
        Action::SortLetters => listing::cycle_sort(app),
        Action::FilterLetters => listing::open_filter(app),
        Action::SelectSentences => quote::open(app),
        Action::ToggleBeside => beside::toggle(app),
        Action::SwitchText => beside::switch(app),
        // Typing and tabs outside their overlays.
        Action::Input(_)
        | Action::DeleteChar
        | Action::ClearInput
        | Action::KeepQuery
        | Action::NextTab
        | Action::PrevTab
        | Action::DeleteCard
        | Action::MoveCard(_)
        | Action::SwitchStack(_)
        | Action::JumpToCard(_)
        | Action::EditLabel
        | Action::NewStack
        | Action::ExtendSelection(_)
        | Action::ToggleOrder => {}
    }
    Effect::None
}

fn page(app: &App) -> usize {
    match app.focus {
        Pane::Reading => app.page().saturating_sub(2).max(1),
        Pane::Beside => app.beside_page().saturating_sub(2).max(1),
        _ => 10,
    }
}

/// Focus the pane `by` places on (the second text, when open, after the first).
fn cycle_focus(app: &mut App, by: usize) {
    let mut order = Pane::ALL.to_vec();
    if app.beside.is_some() {
        order.insert(3, Pane::Beside);
    }
    let i = order.iter().position(|&p| p == app.focus).unwrap_or(0);
    app.focus = order[(i + by) % order.len()];
}

/// Moves by `delta` rows (lines in the Reading pane); `isize::MIN`/`MAX` go to either end.
fn move_in_pane(app: &mut App, delta: isize) {
    match app.focus {
        Pane::Beside => beside::scroll(app, delta),
        Pane::Reading => match delta {
            isize::MIN => jump_to_line(app, 0),
            isize::MAX => jump_to_line(app, app.max_scroll()),
            d => scroll_by(app, d),
        },
        Pane::Letters => {
            let target = list_target(app, delta);
            if let Some(index) = target.filter(|&i| i != app.current) {
                jump(app, |app| open_letter(app, index));
            }
        }
        Pane::Outline => {
            let sections = app.letter().map_or(0, |l| l.sections.len());
            let current = app.section_in_view().unwrap_or(0);
            let target = ListCursor::stepped(current, delta, sections);
            if sections > 0 && (target != current || delta < 0) {
                let line = app.doc.section_line(target);
                jump_to_line(app, line);
            }
        }
        Pane::Footnotes => {
            let notes = app.notes_in_view();
            if notes.is_empty() {
                return;
            }
            let row = app.note.and_then(|n| notes.iter().position(|&m| m == n));
            let target = match row {
                Some(r) => ListCursor::stepped(r, delta, notes.len()),
                None if delta < 0 => notes.len() - 1,
                None => 0,
            };
            app.note = Some(notes[target]);
        }
    }
}

/// Scrolls the text; never past the end unless a jump put it there.
fn scroll_by(app: &mut App, delta: isize) {
    let limit = app.max_scroll().max(app.scroll);
    app.scroll = if delta < 0 {
        app.scroll.saturating_sub(delta.unsigned_abs())
    } else {
        app.scroll.saturating_add(delta as usize).min(limit)
    };
    // The current paragraph follows the view once it leaves it.
    if app.chosen.is_some_and(|b| !app.block_in_view(b)) {
        app.chosen = None;
    }
}

/// Puts `line` at the top of the view (as far as the letter allows), recording a jump.
fn jump_to_line(app: &mut App, line: usize) {
    jump(app, |app| {
        app.scroll = line.min(app.doc.lines.len().saturating_sub(1));
        app.chosen = None;
    });
}

/// Opens a letter where it was last left (the top the first time).
pub fn open_letter(app: &mut App, index: usize) {
    if index == app.current || index >= app.letters.len() {
        return;
    }
    let here = app.anchor();
    app.positions.insert(app.current, here);
    app.current = index;
    app.doc = app.build_doc();
    app.marker = None;
    app.chosen = None;
    app.scroll = match app.positions.get(&index) {
        Some(&anchor) => anchor_line(app, anchor),
        None => saved_line(app),
    };
    find::follow_letter(app);
}

/// The open letter laid out again and placed where opening it places it (where it was left in
/// this run, else in an earlier one): for a letter whose text arrived after it was opened
/// (`tui::early`).
pub fn reopen(app: &mut App) {
    app.doc = app.build_doc();
    app.marker = None;
    app.chosen = None;
    app.scroll = match app.positions.get(&app.current) {
        Some(&anchor) => anchor_line(app, anchor),
        None => saved_line(app),
    };
}

/// The first line of the paragraph the open letter was left at in an earlier run.
fn saved_line(app: &App) -> usize {
    let Some(letter) = app.letter() else { return 0 };
    match app.state.positions.get(&letter.id) {
        Some(p) => app
            .doc
            .paragraph_block(p.section, p.paragraph)
            .map_or(0, |b| app.doc.blocks[b].first_line)
            .min(app.max_scroll()),
        None => 0,
    }
}

use listing::NO_MATCH;

/// The letter `delta` rows from the open one in the Letters pane; from outside its rows (its
/// filter hides the open letter), down goes to the first and up to the last.
pub(super) fn list_target(app: &App, delta: isize) -> Option<usize> {
    let len = app.list.len();
    let row = match app.letter_row() {
        Some(row) => ListCursor::stepped(row, delta, len),
        None if delta < 0 && delta != isize::MIN => len.checked_sub(1)?,
        None if delta == isize::MAX => len.checked_sub(1)?,
        None => 0,
    };
    app.list.get(row).copied()
}

fn step_letter(app: &mut App, delta: isize) {
    let Some(target) = list_target(app, delta) else {
        app.message = Some(brieven::i18n::reader_text(app.lang, NO_MATCH).into());
        return;
    };
    if target == app.current {
        let s = app.lang.strings();
        let message = if delta > 0 {
            s.msg_last_letter
        } else {
            s.msg_first_letter
        };
        app.message = Some(message.into());
        return;
    }
    jump(app, |app| open_letter(app, target));
}

/// `J`/`K`: makes the next (previous) paragraph current and brings it into view, whole when
/// it fits.
fn step_paragraph(app: &mut App, forward: bool) {
    let is_paragraph = |b: &usize| matches!(app.doc.blocks[*b].kind, BlockKind::Paragraph { .. });
    let target = match app.current_paragraph() {
        Some(c) if forward => (c + 1..app.doc.blocks.len()).find(is_paragraph),
        Some(c) => (0..c).rev().find(is_paragraph),
        None => (0..app.doc.blocks.len()).find(is_paragraph),
    };
    let Some(b) = target else {
        let s = app.lang.strings();
        app.message = Some(
            if forward {
                s.msg_last_paragraph
            } else {
                s.msg_first_paragraph
            }
            .into(),
        );
        return;
    };
    app.chosen = Some(b);
    let block = &app.doc.blocks[b];
    let (first, end) = (block.first_line, block.first_line + block.line_count);
    let page = app.page();
    if first < app.scroll {
        app.scroll = first;
    } else if end > app.scroll + page {
        app.scroll = end.saturating_sub(page).min(first);
    }
}

fn step_section(app: &mut App, delta: isize) {
    let sections = app.letter().map_or(0, |l| l.sections.len());
    let Some(current) = app.section_in_view() else {
        if delta > 0 && sections > 0 {
            let line = app.doc.section_line(0);
            jump_to_line(app, line);
        }
        return;
    };
    let start = app.doc.section_line(current);
    let target = if delta > 0 {
        current + 1
    } else if app.scroll > start {
        current
    } else {
        current.saturating_sub(1)
    };
    if target >= sections {
        app.message = Some(app.lang.strings().msg_last_section.into());
        return;
    }
    let line = app.doc.section_line(target);
    jump_to_line(app, line);
}

/// Selects the next (or previous) note marker in view, cycling.
fn step_marker(app: &mut App, forward: bool) {
    let markers = app.doc.markers_in(app.visible());
    if markers.is_empty() {
        app.marker = None;
        app.message = Some(app.lang.strings().msg_no_markers.into());
        return;
    }
    let at = app
        .marker
        .and_then(|m| markers.iter().position(|&x| x == m));
    let next = match (at, forward) {
        (Some(i), true) => (i + 1) % markers.len(),
        (Some(i), false) => (i + markers.len() - 1) % markers.len(),
        (None, true) => 0,
        (None, false) => markers.len() - 1,
    };
    app.marker = Some(markers[next]);
    let (b, m) = markers[next];
    let number = app.doc.blocks[b].markers[m].number;
    app.message = Some(brieven::i18n::fill(
        app.lang.strings().msg_note_selected,
        &number.to_string(),
    ));
}

fn activate(app: &mut App) {
    match app.focus {
        Pane::Letters | Pane::Outline => app.focus = Pane::Reading,
        Pane::Beside => beside::swap(app),
        Pane::Reading => match app.marker {
            Some((b, m)) => {
                app.note = Some(app.doc.blocks[b].markers[m].number);
                // One pane at a time: show the note where it is shown in full.
                if app.areas().footnotes.is_none() {
                    app.focus = Pane::Footnotes;
                }
            }
            None => app.message = Some(app.lang.strings().msg_select_marker.into()),
        },
        Pane::Footnotes => {
            if let Some(n) = app.note {
                show_target(
                    app,
                    Target {
                        letter: app.current,
                        spot: Spot::Footnote { number: n },
                        at: 0,
                        len: 0,
                    },
                );
            }
        }
    }
}

mod annotate;
mod beside;
pub mod debate;
mod find;
mod jumps;
pub mod listing;
mod lookup;
mod pointer;
mod quote;
pub mod views;

pub use jumps::show_target;
use jumps::{anchor_line, jump, jump_back, jump_forward, record_jump};
use pointer::{click, resize, wheel};

#[cfg(test)]
mod annotate_tests;
#[cfg(test)]
mod beside_tests;
#[cfg(test)]
mod debate_tests;
#[cfg(test)]
mod find_tests;
#[cfg(test)]
mod listing_tests;
#[cfg(test)]
mod lookup_tests;
#[cfg(test)]
mod quote_tests;
#[cfg(test)]
mod scale_tests;
#[cfg(test)]
mod tests;
