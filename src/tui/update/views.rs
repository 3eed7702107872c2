//! The positions and timeline overlays: opening them, moving in them, changing their order and
//! jumping from a row to its letter or mention.

use std::sync::Arc;

use brieven::positions::{PositionSort, TOP_TERMS, positions, sort_positions};
use brieven::register::Register;
use brieven::timeline::{Timeline, TimelineItem};

use super::{Effect, open_letter, show_target};
use crate::tui::action::Action;
use crate::tui::app::{App, Overlay, Pane, Spot, Target};
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
    sort_positions(&mut rows, sort_of(by_sender), false);
    app.position_rows = Some(Arc::new(rows));
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

pub fn open_timeline(app: &mut App) {
    if app.timeline.is_none() {
        app.timeline = Some(Arc::new(Timeline::build(&app.letters, false)));
    }
    app.overlays.push(Overlay::Timeline {
        selected: 0,
        newest_first: false,
    });
}

/// The number of rows of the topmost view.
fn row_count(app: &App) -> usize {
    match app.overlay() {
        Some(Overlay::Positions { .. }) => app.position_rows.as_ref().map_or(0, |r| r.len()),
        Some(Overlay::Timeline { .. }) => {
            app.timeline.as_ref().map_or(0, |t| timeline_rows(t).len())
        }
        _ => 0,
    }
}

/// An action in the positions or timeline overlay; `None` when it is not one of theirs.
pub fn view_action(app: &mut App, action: &Action) -> Option<Effect> {
    let selected = match app.overlay() {
        Some(Overlay::Positions { selected, .. } | Overlay::Timeline { selected, .. }) => *selected,
        _ => return None,
    };
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
                let total = timeline_rows(timeline).len();
                Arc::make_mut(timeline).reverse();
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
            let row = *timeline_rows(t).get(selected)?;
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
