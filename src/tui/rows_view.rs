//! The positions (`p`) and timeline (`t`) overlays as components. Each owns its rows (a copy
//! of the reader's, in its own order), its cursor (the one list cursor) and its search of the
//! rows (`/` a date or words, then `n`/`N`); `o` turns the order around and `Enter` opens the
//! row's letter, or the mention a timeline row stands for.

use std::sync::Arc;

use brieven::dates::{DateQuery, parse_date_query};
use brieven::i18n::{Lang, fill, reader_text};
use brieven::model::Date;
use brieven::positions::{Position, PositionSort, sort_positions};
use brieven::text::fold_str;
use brieven::timeline::{Timeline, TimelineItem};

use super::action::Action;
use super::app::{Spot, Target};
use super::component::{Component, Ctx, Outcome};
use super::document::MetaField;
use super::list_cursor::ListCursor;
use super::update::Effect;
use super::update::views::{TimelineRow, timeline_rows};

/// The words or date searched for in the rows (`/` there).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RowFind {
    pub query: String,
    /// Whether the prompt is open (keys type into the query).
    pub typing: bool,
    /// The row selected when `/` was pressed, to go back to on Esc.
    pub origin: usize,
}

/// A row's date and its words, as the search of the rows reads it.
pub type RowText = (Option<Date>, String);

/// What both overlays share: the selected row and the search of the rows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RowList {
    pub cursor: ListCursor,
    pub find: Option<RowFind>,
}

/// What selecting the rows a query finds came to.
enum Found {
    /// The query is blank.
    Blank,
    /// A row was selected; `true` when the search went round the end.
    At(bool),
    /// No row has it.
    Nothing,
}

impl RowList {
    /// Whether a search of the rows is being typed (keys then type into it).
    pub fn typing(&self) -> bool {
        self.find.as_ref().is_some_and(|f| f.typing)
    }

    /// The search's prompt, when it is being typed: the query and how many rows it finds.
    pub fn prompt(&self, texts: &[RowText]) -> Option<(&str, usize)> {
        let f = self.find.as_ref().filter(|f| f.typing)?;
        Some((f.query.as_str(), rows_found(texts, &f.query).len()))
    }

    /// The search of the rows and the moves of the cursor among `len` rows; `None` when
    /// `action` is neither. `texts` makes the rows' texts, only when a search needs them.
    fn handle(
        &mut self,
        action: &Action,
        texts: &dyn Fn() -> Vec<RowText>,
        len: usize,
        page: usize,
        lang: Lang,
    ) -> Option<Outcome> {
        let done = Some(Outcome::Handled(Effect::None));
        let typing = self.typing();
        let selected = self.cursor.selected;
        let query = self
            .find
            .as_ref()
            .map(|f| f.query.clone())
            .unwrap_or_default();
        let origin = self.find.as_ref().map_or(selected, |f| f.origin);
        match action {
            Action::Search if !typing => {
                self.find = Some(RowFind {
                    query: String::new(),
                    typing: true,
                    origin: selected,
                });
                done
            }
            Action::Input(c) if typing => {
                let query = format!("{query}{c}");
                self.set_query(&query);
                self.found(&texts(), origin, true, lang)
            }
            Action::DeleteChar | Action::ClearInput if typing => {
                let query = if *action == Action::ClearInput {
                    String::new()
                } else {
                    let mut q = query;
                    q.pop();
                    q
                };
                self.set_query(&query);
                self.cursor.selected = origin;
                self.found(&texts(), origin, true, lang)
            }
            Action::Activate if typing => {
                if query.trim().is_empty() {
                    self.find = None;
                } else if rows_found(&texts(), &query).is_empty() {
                    self.find = None;
                    return Some(Outcome::Message(no_row(lang, &query)));
                } else if let Some(f) = &mut self.find {
                    f.typing = false;
                }
                done
            }
            Action::Close if typing => {
                self.find = None;
                self.cursor.selected = origin;
                done
            }
            // Typing takes every other key of the prompt's.
            _ if typing => done,
            Action::NextOccurrence | Action::PrevOccurrence if self.find.is_some() => {
                let forward = *action == Action::NextOccurrence;
                let from = if forward {
                    selected + 1
                } else {
                    selected.wrapping_sub(1)
                };
                match self.select_found(&texts(), from, forward) {
                    Found::At(true) => {
                        let text = if forward {
                            "search wrapped to the top"
                        } else {
                            "search wrapped to the end"
                        };
                        Some(Outcome::Message(reader_text(lang, text).to_string()))
                    }
                    Found::Nothing => Some(Outcome::Message(no_row(lang, &query))),
                    Found::At(false) | Found::Blank => done,
                }
            }
            // Esc leaves the search found with the overlay.
            Action::Close => {
                self.find = None;
                None
            }
            _ => self
                .cursor
                .apply(action, len, page)
                .then_some(Outcome::Handled(Effect::None)),
        }
    }

    fn set_query(&mut self, query: &str) {
        if let Some(f) = &mut self.find {
            f.query = query.to_string();
        }
    }

    /// [`RowList::select_found`] from `from`, saying so when no row has the query.
    fn found(
        &mut self,
        texts: &[RowText],
        from: usize,
        forward: bool,
        lang: Lang,
    ) -> Option<Outcome> {
        let query = self
            .find
            .as_ref()
            .map(|f| f.query.clone())
            .unwrap_or_default();
        Some(match self.select_found(texts, from, forward) {
            Found::Nothing => Outcome::Message(no_row(lang, &query)),
            _ => Outcome::Handled(Effect::None),
        })
    }

    /// Selects the first row found from `from` on (back from it when not `forward`), around
    /// the end if need be.
    fn select_found(&mut self, texts: &[RowText], from: usize, forward: bool) -> Found {
        let Some(query) = self.find.as_ref().map(|f| f.query.clone()) else {
            return Found::Blank;
        };
        if query.trim().is_empty() {
            return Found::Blank;
        }
        let found = rows_found(texts, &query);
        let n = texts.len();
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
                self.cursor.selected = row;
                Found::At(wrapped)
            }
            None => Found::Nothing,
        }
    }
}

fn no_row(lang: Lang, query: &str) -> String {
    fill(reader_text(lang, "No row has “{}”"), query.trim())
}

/// The rows that `query` finds, in order: those on a date it reads as (`2024`, `2023-09`,
/// `28 september`), else the first on or after that date; else those whose text holds it
/// (case and accents ignored unless it has a capital, as in the letter search).
pub fn rows_found(rows: &[RowText], query: &str) -> Vec<usize> {
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

/// Rows a page key moves on a screen `height` rows high.
fn page(ctx: &Ctx) -> usize {
    usize::from(ctx.screen.height.saturating_sub(8)).max(1)
}

/// The positions overlay (`p`): a row per letter, by date or by sender.
#[derive(Debug, Clone, PartialEq)]
pub struct PositionsView {
    pub list: RowList,
    pub by_sender: bool,
    /// The rows in this overlay's order; `None` until the register is there.
    pub rows: Option<Arc<Vec<Position>>>,
}

impl PositionsView {
    /// The overlay on `rows` (by date), with the row of letter `current` selected.
    pub fn new(rows: Option<Arc<Vec<Position>>>, current: usize) -> PositionsView {
        let selected = (rows.as_ref())
            .and_then(|rows| rows.iter().position(|r| r.letter == current))
            .unwrap_or(0);
        PositionsView {
            list: RowList {
                cursor: ListCursor { selected },
                find: None,
            },
            by_sender: false,
            rows,
        }
    }

    /// The rows arrived (by date): kept in this overlay's order.
    pub fn receive(&mut self, mut rows: Arc<Vec<Position>>) {
        if self.by_sender {
            sort_positions(
                Arc::make_mut(&mut rows).as_mut_slice(),
                PositionSort::Sender,
                false,
            );
        }
        self.rows = Some(rows);
    }

    pub fn rows(&self) -> &[Position] {
        self.rows.as_deref().map_or(&[], Vec::as_slice)
    }

    /// Each row's date and words, as the search of the rows reads them.
    pub fn texts(&self, ctx: &Ctx) -> Vec<RowText> {
        let unknown = ctx.lang.strings().unknown_sender;
        (self.rows().iter())
            .map(|p| {
                let terms: Vec<&str> = p.terms.iter().map(|t| t.term.as_str()).collect();
                let text = [
                    p.date.map(|d| d.to_string()).unwrap_or_default(),
                    p.sender.clone().unwrap_or_else(|| unknown.to_string()),
                    p.recipients.join("; "),
                    p.stance
                        .map(|s| ctx.lang.stance(s).to_string())
                        .unwrap_or_default(),
                    terms.join(", "),
                    p.summary.clone().unwrap_or_default(),
                ]
                .join(" · ");
                (p.date, text)
            })
            .collect()
    }

    fn toggle_order(&mut self) {
        self.by_sender = !self.by_sender;
        let sort = if self.by_sender {
            PositionSort::Sender
        } else {
            PositionSort::Date
        };
        let selected = &mut self.list.cursor.selected;
        if let Some(rows) = &mut self.rows {
            let letter = rows.get(*selected).map(|r| r.letter);
            let rows = Arc::make_mut(rows);
            sort_positions(rows, sort, false);
            *selected = rows
                .iter()
                .position(|r| Some(r.letter) == letter)
                .unwrap_or(0);
        }
    }
}

impl Component for PositionsView {
    fn handle(&mut self, action: &Action, ctx: &Ctx) -> Outcome {
        let shown = self.clone();
        let texts = || shown.texts(ctx);
        let len = self.rows().len();
        if let Some(outcome) = self.list.handle(action, &texts, len, page(ctx), ctx.lang) {
            return outcome;
        }
        match action {
            Action::ToggleOrder => self.toggle_order(),
            Action::Activate => {
                if let Some(row) = self.rows().get(self.list.cursor.selected) {
                    return Outcome::Open(row.letter);
                }
            }
            Action::Close => return Outcome::Close,
            _ => return Outcome::Ignored,
        }
        Outcome::Handled(Effect::None)
    }

    fn draw(&self, frame: &mut ratatui::Frame, area: ratatui::layout::Rect, ctx: &Ctx) {
        super::panes::positions::draw(self, frame, area, ctx);
    }
}

/// The timeline overlay (`t`): letters and the dated events they mention, oldest or newest
/// first.
#[derive(Debug, Clone, PartialEq)]
pub struct TimelineView {
    pub list: RowList,
    pub newest_first: bool,
    /// The timeline in this overlay's order; `None` while it is being built.
    pub timeline: Option<Arc<Timeline>>,
    /// Its rows: a letter is one, an event one per mention.
    pub rows: Arc<Vec<TimelineRow>>,
}

impl TimelineView {
    /// The overlay on `timeline` (oldest first), when it is built.
    pub fn new(timeline: Option<Arc<Timeline>>) -> TimelineView {
        let mut view = TimelineView {
            list: RowList::default(),
            newest_first: false,
            timeline: None,
            rows: Arc::default(),
        };
        if let Some(timeline) = timeline {
            view.receive(timeline);
        }
        view
    }

    /// The timeline arrived (oldest first): kept in this overlay's order.
    pub fn receive(&mut self, mut timeline: Arc<Timeline>) {
        if self.newest_first {
            Arc::make_mut(&mut timeline).reverse();
        }
        self.rows = Arc::new(timeline_rows(&timeline));
        self.timeline = Some(timeline);
    }

    /// Each row's date and words, as the search of the rows reads them.
    pub fn texts(&self, ctx: &Ctx) -> Vec<RowText> {
        let unknown = ctx.lang.strings().unknown_sender;
        let Some(t) = &self.timeline else {
            return Vec::new();
        };
        (self.rows.iter().copied())
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
                            .and_then(|m| ctx.letters.get(m.letter))
                            .map_or(unknown, |l| l.sender_or_unknown());
                        format!(
                            "{} · {sender} · {}",
                            event.kind.map_or("", |k| k.name(ctx.lang)),
                            m.map_or("", |m| m.context.as_str())
                        )
                    }
                };
                (Some(entry.date), format!("{} · {text}", entry.date))
            })
            .collect()
    }

    fn toggle_order(&mut self) {
        self.newest_first = !self.newest_first;
        if let Some(timeline) = &mut self.timeline {
            let total = self.rows.len();
            let timeline = Arc::make_mut(timeline);
            timeline.reverse();
            self.rows = Arc::new(timeline_rows(timeline));
            let selected = &mut self.list.cursor.selected;
            *selected = total.saturating_sub(1).saturating_sub(*selected);
        }
    }

    /// `Enter`: the mention a row stands for, or its letter.
    fn activate(&self) -> Outcome {
        let done = Outcome::Handled(Effect::None);
        let (Some(t), Some(row)) = (&self.timeline, self.rows.get(self.list.cursor.selected))
        else {
            return done;
        };
        match &t.entries[row.entry].item {
            TimelineItem::Letter { letter, .. } => Outcome::Open(*letter),
            TimelineItem::Event(event) => match row.mention.and_then(|m| event.mentions.get(m)) {
                Some(m) => Outcome::Show(Target {
                    letter: m.letter,
                    spot: match m.in_subject {
                        true => Spot::Meta {
                            field: Some(MetaField::Subject),
                        },
                        false => Spot::Paragraph {
                            section: m.section,
                            paragraph: m.paragraph,
                        },
                    },
                    at: m.at,
                    len: m.len,
                }),
                None => done,
            },
        }
    }
}

impl Component for TimelineView {
    fn handle(&mut self, action: &Action, ctx: &Ctx) -> Outcome {
        let shown = self.clone();
        let texts = || shown.texts(ctx);
        let len = self.rows.len();
        if let Some(outcome) = self.list.handle(action, &texts, len, page(ctx), ctx.lang) {
            return outcome;
        }
        match action {
            Action::ToggleOrder => self.toggle_order(),
            Action::Activate => return self.activate(),
            Action::Close => return Outcome::Close,
            _ => return Outcome::Ignored,
        }
        Outcome::Handled(Effect::None)
    }

    fn draw(&self, frame: &mut ratatui::Frame, area: ratatui::layout::Rect, ctx: &Ctx) {
        super::panes::timeline::draw(self, frame, area, ctx);
    }
}
