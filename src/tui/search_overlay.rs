//! The search overlay (`/`) as a component: it owns the query, the results grouped by kind,
//! the list cursor and the preview of the selected hit, handles the keys typed into it and
//! draws itself (`draw.rs`). The preview (`preview.rs`) is made when the selection changes or
//! results arrive, for the selected hit alone: no frame looks through the letters.

mod draw;
mod preview;

use std::sync::Arc;

use brieven::search::{Hit, HitKind};

pub use preview::Preview;

use super::action::Action;
use super::app::{Target, Trail};
use super::component::{Component, Ctx, Outcome};
use super::list_cursor::ListCursor;
use super::lookup::{Results, Senders, occurrence_order, spot};
use super::trail::Targets;
use super::update::Effect;

/// The groups of the search overlay, in the order shown.
pub const HIT_GROUPS: [(HitKind, &str); 5] = [
    (HitKind::Organisation, "Organisations"),
    (HitKind::Person, "People"),
    (HitKind::Date, "Dates"),
    (HitKind::Term, "Terms"),
    (HitKind::Passage, "Passages"),
];

/// Rows a page key moves in the result list.
const PAGE: usize = 10;

/// The search overlay's state.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SearchOverlay {
    pub query: String,
    /// The query is shown selected, as fzf and vim show a reopened prompt's: the first
    /// character typed replaces it, `Backspace` clears it, an arrow or `End` keeps it to edit.
    pub replace: bool,
    /// The number of the last query sent to the worker.
    pub sent: u64,
    /// The number of the query the results are for.
    pub received: u64,
    pub hits: Arc<Vec<Hit>>,
    /// Per hit, the senders of its letters.
    pub senders: Arc<Vec<Senders>>,
    /// Indices into `hits`, grouped by kind in [`HIT_GROUPS`] order, rank order within.
    pub order: Vec<usize>,
    /// The selected row of `order`.
    pub cursor: ListCursor,
    /// The preview of a row's hit (made for the selected row; drawn only while it is).
    pub preview: Option<(usize, Preview)>,
}

impl SearchOverlay {
    /// Opened again with `/`: the last query stays, shown selected.
    pub fn open(&mut self) {
        self.replace = !self.query.is_empty();
    }

    /// Opened on `query` (what `s` was searching one letter for): the effect that asks the
    /// worker for its results.
    pub fn open_on(&mut self, query: String) -> Effect {
        self.query = query;
        self.replace = false;
        self.send()
    }

    /// Whether results for the latest query are still to come.
    pub fn pending(&self) -> bool {
        self.received < self.sent
    }

    /// The selected row of the list.
    pub fn selected(&self) -> usize {
        self.cursor.selected
    }

    /// Takes results for query `seq`, unless they are older than what is shown; the first row
    /// is selected and previewed.
    pub fn receive(&mut self, seq: u64, results: Results, ctx: &Ctx) {
        if seq < self.received {
            return;
        }
        self.received = seq;
        self.order = grouped(&results.hits);
        // The results replaced hold every letter id of every name found (hundreds of
        // thousands on a large archive): they are freed off the loop.
        let old = std::mem::replace(&mut self.hits, results.hits);
        super::worker::drop_later(old);
        self.senders = results.senders;
        self.select(0, ctx);
    }

    /// Selects row `row` and makes its preview.
    pub fn select(&mut self, row: usize, ctx: &Ctx) {
        self.cursor.selected = row.min(self.order.len().saturating_sub(1));
        self.refresh_preview(ctx);
    }

    /// The selected hit.
    pub fn selected_hit(&self) -> Option<&Hit> {
        self.order
            .get(self.cursor.selected)
            .and_then(|&i| self.hits.get(i))
    }

    /// The preview of the selected row, if it was made for it.
    pub fn preview(&self) -> Option<&Preview> {
        self.preview
            .as_ref()
            .filter(|(row, _)| *row == self.cursor.selected)
            .map(|(_, p)| p)
    }

    pub fn refresh_preview(&mut self, ctx: &Ctx) {
        let row = self.cursor.selected;
        self.preview = self
            .selected_hit()
            .and_then(|hit| Preview::of(hit, ctx))
            .map(|p| (row, p));
    }

    /// The effect that asks the worker for results of the current query.
    fn send(&mut self) -> Effect {
        self.sent += 1;
        Effect::Search {
            seq: self.sent,
            query: self.query.clone(),
        }
    }

    /// The targets `n`/`N` step through after choosing the selected hit, and the one to show
    /// first: every occurrence of an entity, or every passage among the results.
    pub fn trail(&self, ctx: &Ctx) -> Option<Trail> {
        let hit = self.selected_hit()?;
        // An entity's occurrences are the register's (a passage needs only its letter).
        let register = match hit.entity {
            Some(_) => ctx.register?.entities.as_slice(),
            None => &[],
        };
        if let Some(entity) = hit.entity.and_then(|e| register.get(e)) {
            let order = occurrence_order(entity, ctx.index);
            return (!order.is_empty()).then(|| Trail {
                label: entity.label.clone(),
                targets: Targets::Occurrences {
                    entity: entity.id,
                    order: Arc::new(order),
                },
                index: 0,
            });
        }
        let passages: Vec<(usize, Target)> = (self.order.iter().enumerate())
            .filter_map(|(row, &i)| {
                let p = self.hits.get(i)?.passage.as_ref()?;
                let text = brieven::register::place_text(ctx.letters.get(p.letter_index)?, p.place);
                Some((row, passage_target(p, text)))
            })
            .collect();
        let index = passages
            .iter()
            .position(|(row, _)| *row == self.cursor.selected)?;
        let label = brieven::i18n::fill(ctx.lang.strings().trail_passages, self.query.trim());
        Some(Trail {
            label,
            targets: Targets::Listed(passages.into_iter().map(|(_, t)| t).collect()),
            index,
        })
    }
}

impl Component for SearchOverlay {
    fn handle(&mut self, action: &Action, ctx: &Ctx) -> Outcome {
        let typed = match action {
            Action::Input(c) => {
                if std::mem::take(&mut self.replace) {
                    self.query.clear();
                }
                self.query.push(*c);
                true
            }
            Action::DeleteChar => {
                if std::mem::take(&mut self.replace) {
                    self.query.clear();
                } else {
                    self.query.pop();
                }
                true
            }
            Action::ClearInput => {
                self.replace = false;
                self.query.clear();
                true
            }
            _ => false,
        };
        if typed {
            return Outcome::Handled(self.send());
        }
        match action {
            Action::KeepQuery => self.replace = false,
            Action::Close => return Outcome::Close,
            Action::Activate => {
                // Before the register, only a passage can be jumped to (from the on-disk
                // index while the letters load).
                let passage = self.selected_hit().is_some_and(|h| h.entity.is_none());
                if !passage && ctx.register.is_none() {
                    return Outcome::Message(ctx.lang.strings().msg_computing.into());
                }
                return match self.trail(ctx) {
                    Some(trail) => Outcome::Jump(trail),
                    None => Outcome::Message(ctx.lang.strings().msg_nothing_to_jump.into()),
                };
            }
            _ => {
                let before = self.cursor.selected;
                if !self.cursor.apply(action, self.order.len(), PAGE) {
                    return Outcome::Ignored;
                }
                if self.cursor.selected != before || self.preview().is_none() {
                    self.refresh_preview(ctx);
                }
            }
        }
        Outcome::Handled(Effect::None)
    }

    fn draw(&self, frame: &mut ratatui::Frame, area: ratatui::layout::Rect, ctx: &Ctx) {
        draw::draw(self, frame, area, ctx);
    }
}

/// Indices of `hits` grouped by kind, keeping rank order within each group.
pub fn grouped(hits: &[Hit]) -> Vec<usize> {
    HIT_GROUPS
        .iter()
        .flat_map(|(kind, _)| (0..hits.len()).filter(move |&i| hits[i].kind == *kind))
        .collect()
}

/// A passage hit as a target: the word it matched at.
fn passage_target(p: &brieven::search::PassageHit, text: Option<&str>) -> Target {
    let len = text
        .map(|t| {
            t.chars()
                .skip(p.at)
                .take_while(|c| c.is_alphanumeric() || *c == '-')
                .count()
        })
        .unwrap_or(0);
    Target {
        letter: p.letter_index,
        spot: spot(p.place),
        at: p.at,
        len,
    }
}

#[cfg(test)]
mod tests;
