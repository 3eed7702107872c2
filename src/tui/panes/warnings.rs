//! The warnings overlay: what ingestion found odd, per file and letter, wrapped.

use brieven::text::sanitize;
use brieven::wrap::wrap;
use ratatui::Frame;
use ratatui::text::{Line, Span};

use crate::tui::app::App;
use crate::tui::layout::overlay_area;
use crate::tui::panes::help::draw_scrolling;

/// The warnings as lines wrapped to `width`.
pub fn lines(app: &App, width: usize) -> Vec<Line<'static>> {
    let warnings = app.all_warnings();
    if warnings.is_empty() {
        return vec![Line::from(Span::styled(
            brieven::i18n::reader_text(app.lang, "No warnings."),
            app.theme.dim,
        ))];
    }
    let mut lines = Vec::new();
    for w in warnings {
        let text = sanitize(w);
        for (i, r) in wrap(&text, width.saturating_sub(2).max(1))
            .into_iter()
            .enumerate()
        {
            let lead = if i == 0 { "• " } else { "  " };
            lines.push(Line::from(vec![
                Span::styled(lead, app.theme.warning),
                Span::raw(text[r].to_string()),
            ]));
        }
    }
    lines
}

pub fn draw(app: &App, frame: &mut Frame, scroll: usize) {
    let full = overlay_area(frame.area(), 100, usize::MAX);
    let lines = lines(app, usize::from(full.width.saturating_sub(2)));
    let area = overlay_area(frame.area(), 100, lines.len() + 2);
    let count = app.all_warnings().len();
    let title = brieven::i18n::fill(app.lang.strings().warnings_title, &count.to_string());
    draw_scrolling(app, frame, area, &title, lines, scroll);
}
