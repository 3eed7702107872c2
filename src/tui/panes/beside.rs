//! The second Reading pane (`|`): another letter beside the open one, scrolled on its own.
//! Its text is drawn as the first pane's is, without the first's current paragraph, matches
//! and selection.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::reading::{letter_title, scrollbar, styled_line};
use crate::tui::app::{App, Pane};
use crate::tui::layout::text_area;
use crate::tui::ui::pane_block;

pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let Some(beside) = &app.beside else {
        return;
    };
    let title = letter_title(app.letters.get(beside.letter), area.width.saturating_sub(2))
        .map(|t| format!("⇄ {t}"))
        .unwrap_or_default();
    frame.render_widget(pane_block(app, Pane::Beside, title), area);
    let text = text_area(area);
    let page = usize::from(text.height).max(1);
    let lines: Vec<Line> = beside
        .visible(page)
        .map(|i| styled_line(&beside.doc, i, &app.theme, &[]))
        .collect();
    frame.render_widget(Paragraph::new(lines), text);
    scrollbar(
        frame,
        area,
        beside.max_scroll(page),
        beside.scroll,
        &app.theme,
    );
}
