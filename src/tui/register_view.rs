//! The register view (`r`) as a component: tabs of organisations, people, dates and terms,
//! the selected entry, and an entity's concordance; `Enter` on an occurrence closes it and
//! jumps there, keeping the others for `n`/`N`. Its state is [`RegisterState`]; it draws with
//! `panes::register`.

use super::action::Action;
use super::app::Trail;
use super::component::{Component, Ctx, Outcome};
use super::list_cursor::ListCursor;
use super::lookup::{REGISTER_TABS, RegisterState};
use super::trail::Targets;
use super::update::Effect;

/// Rows a page key moves in the entries and the concordance.
const PAGE: usize = 10;

impl Component for RegisterState {
    fn handle(&mut self, action: &Action, ctx: &Ctx) -> Outcome {
        match action {
            Action::NextTab | Action::PrevTab => {
                let n = REGISTER_TABS.len();
                let by = if *action == Action::NextTab { 1 } else { n - 1 };
                self.tab = (self.tab + by) % n;
                self.selected = 0;
                self.concordance = None;
            }
            Action::Close if self.concordance.is_some() => self.concordance = None,
            Action::Close => return Outcome::Close,
            Action::Activate => return self.activate(ctx),
            _ => {
                let rows = self.rows(ctx);
                let selected = match &mut self.concordance {
                    Some((_, row)) => row,
                    None => &mut self.selected,
                };
                let mut cursor = ListCursor {
                    selected: *selected,
                };
                if !cursor.apply(action, rows, PAGE) {
                    return Outcome::Ignored;
                }
                *selected = cursor.selected;
            }
        }
        self.refresh(ctx);
        Outcome::Handled(Effect::None)
    }

    fn draw(&self, frame: &mut ratatui::Frame, area: ratatui::layout::Rect, ctx: &Ctx) {
        super::panes::register::draw(self, frame, area, ctx);
    }
}

impl RegisterState {
    /// Works out the order of the selected entry's occurrences when it is not the one kept,
    /// so that no frame does: its details list letters in that order, and its concordance
    /// opens on it.
    pub fn refresh(&mut self, ctx: &Ctx) {
        let Some(register) = ctx.register else {
            return;
        };
        let entity = match self.concordance {
            Some((entity, _)) => register.entities.get(entity),
            None => (ctx
                .tabs
                .tab(self.tab % REGISTER_TABS.len())
                .get(self.selected))
            .and_then(|entry| register.entities.get(entry.entity)),
        };
        if let Some(entity) = entity {
            self.listed = Some((entity.id, self.listed(entity, ctx.index)));
        }
    }

    /// How many rows the list shown has: the concordance's occurrences, or the tab's entries.
    fn rows(&self, ctx: &Ctx) -> usize {
        match (ctx.register, self.concordance) {
            (Some(r), Some((entity, _))) => {
                r.entities.get(entity).map_or(0, |e| e.occurrences.len())
            }
            (Some(_), None) => ctx.tabs.tab(self.tab % REGISTER_TABS.len()).len(),
            (None, _) => 0,
        }
    }

    /// `Enter`: an entry's concordance, or a jump to the selected occurrence.
    fn activate(&mut self, ctx: &Ctx) -> Outcome {
        let done = Outcome::Handled(Effect::None);
        let Some(register) = ctx.register else {
            return done;
        };
        let Some((entity, row)) = self.concordance else {
            let entries = ctx.tabs.tab(self.tab % REGISTER_TABS.len());
            if let Some(entity) =
                (entries.get(self.selected)).and_then(|entry| register.entities.get(entry.entity))
            {
                self.open_concordance(entity, ctx.index);
            }
            return done;
        };
        let Some(entity) = register.entities.get(entity) else {
            return done;
        };
        let order = self.listed(entity, ctx.index);
        if row >= order.len() {
            return done;
        }
        Outcome::Jump(Trail {
            label: entity.label.clone(),
            targets: Targets::Occurrences {
                entity: entity.id,
                order,
            },
            index: row,
        })
    }
}
