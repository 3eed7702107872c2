//! The Outline pane: the sections of the open letter, the one in view marked.

use brieven::text::sanitize;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::tui::app::{App, Pane};
use crate::tui::layout::list_offset;
use crate::tui::ui::{fit, pane_block};

/// The first row of the pane on screen, shared with mouse handling.
pub fn offset(app: &App, height: usize) -> usize {
    let len = app.letter().map_or(0, |l| l.sections.len());
    list_offset(app.section_in_view().unwrap_or(0), len, height)
}

pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let block = pane_block(app, Pane::Outline, app.lang.strings().title_outline.into());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let Some(letter) = app.letter() else { return };
    let height = usize::from(inner.height);
    let width = usize::from(inner.width);
    let current = app.section_in_view();
    let first = offset(app, height);
    let lines: Vec<Line> = letter
        .sections
        .iter()
        .enumerate()
        .skip(first)
        .take(height)
        .map(|(i, section)| {
            let title = match &section.heading {
                Some(h) => sanitize(h).into_owned(),
                None if i == 0 => app.lang.strings().outline_opening.to_string(),
                None => {
                    brieven::i18n::fill(app.lang.strings().outline_section, &(i + 1).to_string())
                }
            };
            let mark = if current == Some(i) { "▸ " } else { "  " };
            // An act's divisions nest: articles under their chapter and section.
            let indent = "  ".repeat(letter.division(i).map_or(0, |d| usize::from(d.level)));
            let text = fit(&format!("{mark}{indent}{title}"), width);
            if current == Some(i) {
                let style = if app.focus == Pane::Outline {
                    app.theme.selected
                } else {
                    app.theme.current
                };
                Line::from(Span::styled(text, style))
            } else {
                Line::from(text)
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}
