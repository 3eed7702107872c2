//! The positions and timeline overlays: opening them, moving in them, changing their order and
//! jumping from a row to its letter or mention.

use std::sync::Arc;

use brieven::dates::{DateQuery, parse_date_query};
use brieven::i18n::{fill, reader_text};
use brieven::model::Date;
use brieven::positions::{PositionSort, TOP_TERMS, positions, sort_positions};
use brieven::register::Register;
use brieven::text::fold_str;
use brieven::timeline::{Timeline, TimelineItem};

use super::{Effect, open_letter, show_target};
use crate::tui::action::Action;
use crate::tui::app::{App, Overlay, Pane, RowFind, Spot, Target};
use crate::tui::lookup::RegisterTabs;
use crate::tui::update::jumps::jump;

/// One row of the timeline overlay: an entry, and for events one of its mentions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimelineRow {
    pub entry: usize,
    /// The mention of an event this row shows (`None` for a letter).
    pub mention: Option<usize>,
}

/// The rows of `timeline`: a letter is one row, an event one row per mention.
pub fn timeline_rows(timeline: &Timeline) -> Vec<TimelineRow> {
    let mut rows = Vec::new();
    for (entry, e) in timeline.entries.iter().enumerate() {
        match &e.item {
            TimelineItem::Letter { .. } => rows.push(TimelineRow {
                entry,
                mention: None,
            }),
            TimelineItem::Event(event) => {
                rows.extend((0..event.mentions.len().max(1)).map(|m| TimelineRow {
                    entry,
                    mention: Some(m),
                }));
            }
        }
    }
    rows
}

/// The register arrived: keep it, and compute the positions rows from it.
pub fn register_ready(app: &mut App, register: Arc<Register>) {
    let mut rows = positions(&app.letters, &register, TOP_TERMS);
    let by_sender = matches!(
        app.overlay(),
        Some(Overlay::Positions {
            by_sender: true,
            ..
        })
    );
    super::annotate::annotate_rows(app, &mut rows);
    sort_positions(&mut rows, sort_of(by_sender), false);
    app.position_rows = Some(Arc::new(rows));
    app.register_tabs = Arc::new(RegisterTabs::new(&register, app.letters.len()));
    app.register = Some(register);
}

fn sort_of(by_sender: bool) -> PositionSort {
    if by_sender {
        PositionSort::Sender
    } else {
        PositionSort::Date
    }
}

pub fn open_positions(app: &mut App) {
    let selected = app
        .position_rows
        .as_ref()
        .and_then(|rows| rows.iter().position(|r| r.letter == app.current))
        .unwrap_or(0);
    app.overlays.push(Overlay::Positions {
        selected,
        by_sender: false,
    });
    if let Some(rows) = &mut app.position_rows {
        sort_positions(
            Arc::make_mut(rows).as_mut_slice(),
            PositionSort::Date,
            false,
        );
    }
}

/// Opens the timeline; the first time, it is asked to be built (it reads every paragraph of
/// every letter, seconds on a large corpus) and the overlay says so until it is there.
pub fn open_timeline(app: &mut App) -> Effect {
    app.overlays.push(Overlay::Timeline {
        selected: 0,
        newest_first: false,
    });
    if app.timeline.is_some() || app.timeline_asked {
        return Effect::None;
    }
    app.timeline_asked = true;
    Effect::BuildTimeline
}

/// The timeline arrived: keep it, in the order the overlay asks if it is open.
pub fn timeline_ready(app: &mut App, mut timeline: Arc<Timeline>) {
    if let Some(Overlay::Timeline {
        newest_first: true, ..
    }) = app.overlay()
    {
        Arc::make_mut(&mut timeline).reverse();
    }
    app.timeline_rows = Arc::new(timeline_rows(&timeline));
    app.timeline = Some(timeline);
}

/// The number of rows of the topmost view.
fn row_count(app: &App) -> usize {
    match app.overlay() {
        Some(Overlay::Positions { .. }) => app.position_rows.as_ref().map_or(0, |r| r.len()),
        Some(Overlay::Timeline { .. }) => app.timeline_rows.len(),
        _ => 0,
    }
}

/// An action in the positions or timeline overlay; `None` when it is not one of theirs.
pub fn view_action(app: &mut App, action: &Action) -> Option<Effect> {
    let selected = match app.overlay() {
        Some(Overlay::Positions { selected, .. } | Overlay::Timeline { selected, .. }) => *selected,
        _ => return None,
    };
    if let Some(effect) = row_find_action(app, action, selected) {
        return Some(effect);
    }
    let count = row_count(app);
    let last = count.saturating_sub(1);
    let page = usize::from(app.size.1.saturating_sub(8)).max(1);
    let to = match action {
        Action::Down => (selected + 1).min(last),
        Action::Up => selected.saturating_sub(1),
        Action::PageDown | Action::HalfPageDown => (selected + page).min(last),
        Action::PageUp | Action::HalfPageUp => selected.saturating_sub(page),
        Action::Top => 0,
        Action::Bottom => last,
        Action::ToggleOrder => {
            toggle_order(app);
            return Some(Effect::None);
        }
        Action::Activate => {
            activate_row(app, selected);
            return Some(Effect::None);
        }
        _ => return None,
    };
    if let Some(Overlay::Positions { selected, .. } | Overlay::Timeline { selected, .. }) =
        app.overlays.last_mut()
    {
        *selected = to;
    }
    Some(Effect::None)
}

/// `/` in the rows: the prompt's keys, and `n`/`N` through the rows found.
fn row_find_action(app: &mut App, action: &Action, selected: usize) -> Option<Effect> {
    let typing = app.row_find.as_ref().is_some_and(|f| f.typing);
    match (action, &mut app.row_find) {
        (Action::Search, _) if !typing => {
            app.row_find = Some(RowFind {
                query: String::new(),
                typing: true,
                origin: selected,
            });
        }
        (Action::Input(c), Some(f)) if typing => {
            f.query.push(*c);
            let origin = f.origin;
            select_found(app, origin, true);
        }
        (Action::DeleteChar | Action::ClearInput, Some(f)) if typing => {
            if *action == Action::ClearInput {
                f.query.clear();
            } else {
                f.query.pop();
            }
            let origin = f.origin;
            select(app, origin);
            select_found(app, origin, true);
        }
        (Action::Activate, Some(f)) if typing => {
            f.typing = false;
            let query = f.query.clone();
            if query.trim().is_empty() {
                app.row_find = None;
            } else if rows_found(app, &query).is_empty() {
                app.row_find = None;
                app.message = Some(no_row(app, &query));
            }
        }
        (Action::Close, Some(f)) if typing => {
            let origin = f.origin;
            app.row_find = None;
            select(app, origin);
        }
        // Typing takes every other key of the prompt's.
        (_, _) if typing => {}
        (Action::NextOccurrence | Action::PrevOccurrence, Some(_)) => {
            let forward = *action == Action::NextOccurrence;
            let from = if forward {
                selected + 1
            } else {
                selected.wrapping_sub(1)
            };
            let wrapped = select_found(app, from, forward);
            if wrapped {
                let text = if forward {
                    "search wrapped to the top"
                } else {
                    "search wrapped to the end"
                };
                app.message = Some(reader_text(app.lang, text).to_string());
            }
        }
        (Action::Close, _) => {
            app.row_find = None;
            return None;
        }
        _ => return None,
    }
    Some(Effect::None)
}

fn no_row(app: &App, query: &str) -> String {
    fill(reader_text(app.lang, "No row has “{}”"), query.trim())
}

fn select(app: &mut App, row: usize) {
    if let Some(Overlay::Positions { selected, .. } | Overlay::Timeline { selected, .. }) =
        app.overlays.last_mut()
    {
        *selected = row;
    }
}

/// Selects the first row found from `from` on (back from it when not `forward`), around the
/// end if need be (then `true`); says so when no row is found.
fn select_found(app: &mut App, from: usize, forward: bool) -> bool {
    let Some(query) = app.row_find.as_ref().map(|f| f.query.clone()) else {
        return false;
    };
    if query.trim().is_empty() {
        return false;
    }
    let found = rows_found(app, &query);
    let n = row_count(app);
    let pick = if forward {
        (found.iter().copied())
            .find(|&r| r >= from)
            .map(|r| (r, false))
            .or_else(|| found.first().map(|&r| (r, true)))
    } else {
        (found.iter().rev().copied())
            .find(|&r| r <= from && from < n)
            .map(|r| (r, false))
            .or_else(|| found.last().map(|&r| (r, true)))
    };
    match pick {
        Some((row, wrapped)) => {
            select(app, row);
            wrapped
        }
        None => {
            app.message = Some(no_row(app, &query));
            false
        }
    }
}

/// The rows that `query` finds, in order: those on a date it reads as (`2024`, `2023-09`,
/// `28 september`), else the first on or after that date; else those whose text holds it
/// (case and accents ignored unless it has a capital, as in the letter search).
pub fn rows_found(app: &App, query: &str) -> Vec<usize> {
    let rows = row_texts(app);
    if let Some(q) = parse_date_query(query) {
        let on: Vec<usize> = (0..rows.len())
            .filter(|&i| rows[i].0.is_some_and(|d| q.matches(d)))
            .collect();
        if !on.is_empty() {
            return on;
        }
        let from = match q {
            DateQuery::Pattern {
                year: Some(year),
                month,
                day,
            } => Some(Date { year, month, day }),
            DateQuery::Range { from, .. } => from,
            DateQuery::Pattern { .. } => None,
        };
        if let Some(from) = from {
            return (0..rows.len())
                .filter(|&i| rows[i].0.is_some_and(|d| d >= from))
                .min_by_key(|&i| (rows[i].0, i))
                .into_iter()
                .collect();
        }
    }
    let exact = query.chars().any(char::is_uppercase);
    let needle = if exact {
        query.trim().to_string()
    } else {
        fold_str(query.trim())
    };
    if needle.is_empty() {
        return Vec::new();
    }
    (0..rows.len())
        .filter(|&i| {
            if exact {
                rows[i].1.contains(&needle)
            } else {
                fold_str(&rows[i].1).contains(&needle)
            }
        })
        .collect()
}

/// Each row of the topmost view as its date and its words.
fn row_texts(app: &App) -> Vec<(Option<Date>, String)> {
    let unknown = app.lang.strings().unknown_sender;
    match app.overlay() {
        Some(Overlay::Positions { .. }) => (app.position_rows.iter().flat_map(|r| r.iter()))
            .map(|p| {
                let terms: Vec<&str> = p.terms.iter().map(|t| t.term.as_str()).collect();
                let text = [
                    p.date.map(|d| d.to_string()).unwrap_or_default(),
                    p.sender.clone().unwrap_or_else(|| unknown.to_string()),
                    p.recipients.join("; "),
                    p.stance
                        .map(|s| app.lang.stance(s).to_string())
                        .unwrap_or_default(),
                    terms.join(", "),
                    p.summary.clone().unwrap_or_default(),
                ]
                .join(" · ");
                (p.date, text)
            })
            .collect(),
        Some(Overlay::Timeline { .. }) => {
            let Some(t) = &app.timeline else {
                return Vec::new();
            };
            (app.timeline_rows.iter().copied())
                .map(|row| {
                    let entry = &t.entries[row.entry];
                    let text = match &entry.item {
                        TimelineItem::Letter {
                            sender, subject, ..
                        } => format!(
                            "{} · {}",
                            sender.as_deref().unwrap_or(unknown),
                            subject.as_deref().unwrap_or("")
                        ),
                        TimelineItem::Event(event) => {
                            let m = row.mention.and_then(|m| event.mentions.get(m));
                            let sender = m
                                .and_then(|m| app.letters.get(m.letter))
                                .map_or(unknown, |l| l.sender_or_unknown());
                            format!(
                                "{} · {sender} · {}",
                                event.kind.map_or("", |k| k.name(app.lang)),
                                m.map_or("", |m| m.context.as_str())
                            )
                        }
                    };
                    (Some(entry.date), format!("{} · {text}", entry.date))
                })
                .collect()
        }
        _ => Vec::new(),
    }
}

fn toggle_order(app: &mut App) {
    match app.overlays.last_mut() {
        Some(Overlay::Positions {
            selected,
            by_sender,
        }) => {
            *by_sender = !*by_sender;
            let sort = sort_of(*by_sender);
            if let Some(rows) = &mut app.position_rows {
                let letter = rows.get(*selected).map(|r| r.letter);
                let rows = Arc::make_mut(rows);
                sort_positions(rows, sort, false);
                *selected = rows
                    .iter()
                    .position(|r| Some(r.letter) == letter)
                    .unwrap_or(0);
            }
        }
        Some(Overlay::Timeline {
            selected,
            newest_first,
        }) => {
            *newest_first = !*newest_first;
            if let Some(timeline) = &mut app.timeline {
                let total = app.timeline_rows.len();
                let timeline = Arc::make_mut(timeline);
                timeline.reverse();
                app.timeline_rows = Arc::new(timeline_rows(timeline));
                *selected = total.saturating_sub(1).saturating_sub(*selected);
            }
        }
        _ => {}
    }
}

/// Enter: positions open the letter; the timeline jumps to the mention (or the letter).
fn activate_row(app: &mut App, selected: usize) {
    let target = match app.overlay() {
        Some(Overlay::Positions { .. }) => app
            .position_rows
            .as_ref()
            .and_then(|rows| rows.get(selected))
            .map(|r| (r.letter, None)),
        Some(Overlay::Timeline { .. }) => app.timeline.as_ref().and_then(|t| {
            let row = *app.timeline_rows.get(selected)?;
            match &t.entries[row.entry].item {
                TimelineItem::Letter { letter, .. } => Some((*letter, None)),
                TimelineItem::Event(event) => {
                    let m = event.mentions.get(row.mention?)?;
                    Some((
                        m.letter,
                        Some(Target {
                            letter: m.letter,
                            spot: Spot::Paragraph {
                                section: m.section,
                                paragraph: m.paragraph,
                            },
                            at: m.at,
                            len: m.len,
                        }),
                    ))
                }
            }
        }),
        _ => None,
    };
    let Some((letter, target)) = target else {
        return;
    };
    app.overlays.pop();
    match target {
        Some(target) => show_target(app, target),
        None => jump(app, |app| open_letter(app, letter)),
    }
    app.focus = Pane::Reading;
}
