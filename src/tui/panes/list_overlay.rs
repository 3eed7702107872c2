//! What the cue-card, positions and timeline overlays share: a bordered box over the panes
//! with a header line, rows of which one is selected and kept in view, and a hint at the foot.

use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use crate::tui::component::Ctx;
use crate::tui::layout::list_offset;
use crate::tui::layout::overlay_area;

/// Draws the overlay: `title` on the border and `hint` at its foot, `header` lines first, then the window of the
/// `rows` rows that keeps `selected` in view, the selected row reversed; `empty` when no
/// rows; `detail`, the selected row in full, wrapped under a rule at the foot (at most a third
/// of the box; none when empty). `row(i)` makes row `i`, and is asked only for the rows in the
/// window.
pub fn draw(
    ctx: &Ctx,
    frame: &mut Frame,
    (title, hint, header): (&str, &str, Vec<Line<'static>>),
    (rows, row): (usize, &dyn Fn(usize) -> Line<'static>),
    selected: usize,
    empty: &str,
    detail: &str,
) {
    let area = overlay_area(frame.area(), u16::MAX, usize::MAX);
    let block = Block::bordered()
        .border_style(ctx.theme.border_focused)
        .title(Span::styled(format!(" {title} "), ctx.theme.title))
        .title_bottom(Span::styled(format!(" {hint} "), ctx.theme.dim));
    let mut inner = block.inner(area);
    frame.render_widget(Clear, area);
    frame.render_widget(block, area);
    if !detail.trim().is_empty() && inner.height > 8 {
        let width = usize::from(inner.width).max(1);
        let wrapped = brieven::wrap::wrap(detail, width);
        let shown = wrapped.len().min(usize::from(inner.height / 3));
        let mut lines = vec![Line::from(Span::styled(
            "─".repeat(width),
            ctx.theme.border,
        ))];
        lines.extend(
            (wrapped.iter().take(shown)).map(|r| Line::from(detail[r.clone()].to_string())),
        );
        let height = u16::try_from(lines.len()).unwrap_or(0);
        inner.height -= height;
        let foot = ratatui::layout::Rect {
            y: inner.y + inner.height,
            height,
            ..inner
        };
        frame.render_widget(Paragraph::new(lines), foot);
    }
    let height = usize::from(inner.height).saturating_sub(header.len());
    let mut lines = header;
    if rows == 0 {
        lines.push(Line::from(Span::styled(empty.to_string(), ctx.theme.dim)));
    }
    let first = list_offset(selected, rows, height);
    for i in (first..rows).take(height) {
        let line = row(i);
        lines.push(if i == selected {
            line.style(ctx.theme.selected)
        } else {
            line
        });
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
