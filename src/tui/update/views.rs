//! The positions and timeline overlays' data: the rows, kept by the reader when the register
//! or the timeline arrives (by date, oldest first), and opening the overlays
//! (`tui::rows_view`), which take a copy in their own order.

use std::sync::Arc;

use brieven::positions::{PositionSort, TOP_TERMS, positions, sort_positions};
use brieven::register::Register;
use brieven::timeline::{Timeline, TimelineItem};

use super::Effect;
use crate::tui::app::{App, Overlay};
use crate::tui::lookup::RegisterTabs;
use crate::tui::rows_view::{PositionsView, TimelineView};

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

/// The register arrived: keep it, and compute the positions rows from it (by date); an open
/// positions overlay takes them in its order.
pub fn register_ready(app: &mut App, register: Arc<Register>) {
    let mut rows = positions(&app.letters, &register, TOP_TERMS);
    super::annotate::annotate_rows(app, &mut rows);
    sort_positions(&mut rows, PositionSort::Date, false);
    let rows = Arc::new(rows);
    for overlay in &mut app.overlays {
        if let Overlay::Positions(view) = overlay {
            view.receive(rows.clone());
        }
    }
    app.position_rows = Some(rows);
    app.register_tabs = Arc::new(RegisterTabs::new(&register, app.letters.len()));
    app.register = Some(register);
    app.register_view.refresh(&crate::tui::component::ctx!(app));
}

/// `p`: the positions overlay, by date, on the open letter's row.
pub fn open_positions(app: &mut App) {
    let view = PositionsView::new(app.position_rows.clone(), app.current);
    app.overlays.push(Overlay::Positions(view));
}

/// Opens the timeline; the first time, it is asked to be built (it reads every paragraph of
/// every letter, seconds on a large corpus) and the overlay says so until it is there.
pub fn open_timeline(app: &mut App) -> Effect {
    let view = TimelineView::new(app.timeline.clone());
    app.overlays.push(Overlay::Timeline(view));
    if app.timeline.is_some() || app.timeline_asked {
        return Effect::None;
    }
    app.timeline_asked = true;
    Effect::BuildTimeline
}

/// The timeline arrived: keep it; an open timeline overlay takes it in its order.
pub fn timeline_ready(app: &mut App, timeline: Arc<Timeline>) {
    for overlay in &mut app.overlays {
        if let Overlay::Timeline(view) = overlay {
            view.receive(timeline.clone());
        }
    }
    app.timeline = Some(timeline);
}
