//! The warnings overlay's text: what ingestion found odd, per file and letter, wrapped (the
//! overlay itself is `tui::pager`).

use brieven::text::sanitize;
use brieven::wrap::wrap;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::tui::component::Ctx;
use crate::tui::layout::overlay_area;

/// Every warning: the corpus's and each letter's.
fn all<'a>(ctx: &Ctx<'a>) -> Vec<&'a str> {
    (ctx.corpus_warnings.iter())
        .chain(ctx.letters.iter().flat_map(|l| l.warnings.iter()))
        .map(String::as_str)
        .collect()
}

/// The warnings as lines wrapped to `width`.
pub fn lines(ctx: &Ctx, width: usize) -> Vec<Line<'static>> {
    let warnings = all(ctx);
    if warnings.is_empty() {
        return vec![Line::from(Span::styled(
            brieven::i18n::reader_text(ctx.lang, "No warnings."),
            ctx.theme.dim,
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
                Span::styled(lead, ctx.theme.warning),
                Span::raw(text[r].to_string()),
            ]));
        }
    }
    lines
}

/// The warnings wrapped for a `screen`, and the box they are drawn in.
pub fn layout(ctx: &Ctx, screen: Rect) -> (Vec<Line<'static>>, Rect) {
    let full = overlay_area(screen, 100, usize::MAX);
    let lines = lines(ctx, usize::from(full.width.saturating_sub(2)));
    let area = overlay_area(screen, 100, lines.len() + 2);
    (lines, area)
}

/// `Warnings (n)`.
pub fn title(ctx: &Ctx) -> String {
    let count = all(ctx).len();
    brieven::i18n::fill(ctx.lang.strings().warnings_title, &count.to_string())
}
