//! The help (`?`), warnings (`w`) and article (`A`) overlays as one component: a text in a box
//! over the panes, scrolled with the one list cursor (a row of the cursor is the first line
//! shown), kept so that the end of the text stays in view. `Esc` closes it.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::action::Action;
use super::component::{Component, Ctx, Outcome};
use super::list_cursor::ListCursor;
use super::panes::{article, help, warnings};
use super::update::Effect;

/// Which text the pager shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paged {
    Help,
    Warnings,
    /// The articles link `n` of the open letter's document names.
    Article(usize),
}

/// The help or the warnings, scrolled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pager {
    pub kind: Paged,
    /// The first line shown.
    pub scroll: ListCursor,
}

impl Pager {
    pub fn new(kind: Paged) -> Pager {
        Pager {
            kind,
            scroll: ListCursor::default(),
        }
    }

    /// The text laid out for the screen, and its box.
    fn layout(&self, ctx: &Ctx, screen: Rect) -> (Vec<Line<'static>>, Rect) {
        match self.kind {
            Paged::Help => help::layout(ctx, screen),
            Paged::Warnings => warnings::layout(ctx, screen),
            Paged::Article(link) => article::layout(ctx, link, screen),
        }
    }
}

impl Component for Pager {
    fn handle(&mut self, action: &Action, ctx: &Ctx) -> Outcome {
        if *action == Action::Close {
            return Outcome::Close;
        }
        let (lines, area) = self.layout(ctx, ctx.screen);
        let height = usize::from(area.height.saturating_sub(2)).max(1);
        // A row of the cursor is a first line shown: the last is the one that shows the end.
        let rows = lines.len().saturating_sub(height) + 1;
        if !self.scroll.apply(action, rows, height) {
            return Outcome::Ignored;
        }
        Outcome::Handled(Effect::None)
    }

    fn draw(&self, frame: &mut Frame, area: Rect, ctx: &Ctx) {
        let (lines, boxed) = self.layout(ctx, area);
        let title = match self.kind {
            Paged::Help => help::title(ctx),
            Paged::Warnings => warnings::title(ctx),
            Paged::Article(link) => article::title(ctx, link),
        };
        help::draw_scrolling(ctx, frame, boxed, &title, lines, self.scroll.selected);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::app::{App, Overlay};
    use crate::tui::fixtures;
    use crate::tui::update::update;

    fn screen(app: &App) -> String {
        let backend = ratatui::backend::TestBackend::new(app.size.0, app.size.1);
        let mut terminal = ratatui::Terminal::new(backend).unwrap();
        terminal.draw(|f| crate::tui::ui::render(app, f)).unwrap();
        format!("{:?}", terminal.backend().buffer())
    }

    fn first_line(app: &App) -> usize {
        match app.overlay() {
            Some(Overlay::Pager(p)) => p.scroll.selected,
            other => panic!("no pager: {other:?}"),
        }
    }

    #[test]
    fn the_end_is_the_last_first_line_and_one_up_from_it_shows() {
        let mut app = fixtures::app(80, 24);
        update(&mut app, Action::Help);
        update(&mut app, Action::Bottom);
        let end = first_line(&app);
        assert!(end > 0, "the help is longer than 24 rows");
        let at_end = screen(&app);
        update(&mut app, Action::Down);
        assert_eq!(first_line(&app), end, "no further than the end");
        // One line up from the end is one line up on screen, at once.
        update(&mut app, Action::Up);
        assert_eq!(first_line(&app), end - 1);
        assert_ne!(screen(&app), at_end);
        update(&mut app, Action::Top);
        assert_eq!(first_line(&app), 0);
        update(&mut app, Action::Close);
        assert!(app.overlays.is_empty());
    }
}
