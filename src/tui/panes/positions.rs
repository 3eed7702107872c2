//! The positions overlay (`p`): one row per letter with its date, sender, addressee, stance,
//! the terms it uses most and its one-line summary.

use brieven::text::sanitize;
use ratatui::Frame;
use ratatui::text::{Line, Span};

use ratatui::layout::Rect;

use crate::tui::component::Ctx;
use crate::tui::panes::letters::stance_mark;
use crate::tui::panes::list_overlay;
use crate::tui::rows_view::PositionsView;
use crate::tui::ui::fit;

/// Column widths for an overlay `width` columns wide: sender, to, terms (the summary takes
/// what is left).
fn widths(width: usize) -> (usize, usize, usize) {
    if width >= 110 {
        (20, 18, 20)
    } else {
        (18, 0, 0)
    }
}

fn cell(text: &str, width: usize) -> String {
    if width == 0 {
        return String::new();
    }
    format!("{:<width$}  ", fit(text, width))
}

pub fn draw(view: &PositionsView, frame: &mut Frame, area: Rect, ctx: &Ctx) {
    let s = ctx.lang.strings();
    let theme = ctx.theme;
    let selected = view.list.cursor.selected;
    let width = usize::from(area.width.saturating_sub(8));
    let (sender_w, to_w, terms_w) = widths(width);
    let stance_w = 11;
    let summary_w = width.saturating_sub(
        10 + 2
            + sender_w
            + 2
            + to_w
            + 2 * usize::from(to_w > 0)
            + stance_w
            + 2
            + terms_w
            + 2 * usize::from(terms_w > 0)
            + 2,
    );
    let header_text = format!(
        "{}{}{}{}{}{}",
        cell(s.col_date, 10),
        cell(s.col_sender, sender_w),
        cell(s.col_to, to_w),
        cell(s.col_stance, stance_w),
        cell(s.col_terms, terms_w),
        s.col_summary
    );
    let header = vec![Line::from(Span::styled(header_text, theme.heading))];
    let rows = view.rows();
    let row = |i: usize| {
        rows.get(i).map_or_else(Line::default, |p| {
            let date = p.date.map(|d| d.to_string()).unwrap_or_default();
            let sender = sanitize(p.sender.as_deref().unwrap_or(s.unknown_sender));
            let to = p
                .recipients
                .first()
                .map(|r| sanitize(r))
                .unwrap_or_default();
            let stance = p.stance.map(|st| ctx.lang.stance(st)).unwrap_or("");
            let terms: Vec<String> = p
                .terms
                .iter()
                .map(|t| sanitize(&t.term).into_owned())
                .collect();
            let summary = sanitize(p.summary.as_deref().unwrap_or("")).replace('\n', " ");
            Line::from(vec![
                Span::styled(cell(&date, 10), theme.dim),
                Span::styled(cell(&sender, sender_w), theme.sender),
                Span::raw(cell(&to, to_w)),
                stance_mark(p.stance, theme),
                Span::raw(" "),
                Span::raw(cell(stance, stance_w - 2)),
                Span::styled(cell(&terms.join(", "), terms_w), theme.key),
                Span::raw(fit(&summary, summary_w)),
            ])
        })
    };
    let order = if view.by_sender {
        s.col_sender
    } else {
        s.col_date
    };
    let title = format!("{} ↕ {}", s.title_positions, order.to_lowercase());
    let empty = if view.rows.is_none() {
        s.msg_computing
    } else {
        ""
    };
    // The selected row in full: who to whom, and its whole summary.
    let detail = rows
        .get(selected)
        .map(|p| {
            let sender = p.sender.as_deref().unwrap_or(s.unknown_sender);
            let to = if p.recipients.is_empty() {
                String::new()
            } else {
                format!(" → {}", p.recipients.join("; "))
            };
            let summary = p.summary.as_deref().unwrap_or("");
            let text = format!("{sender}{to}: {summary}");
            sanitize(text.trim_end_matches([':', ' '])).replace('\n', " ")
        })
        .unwrap_or_default();
    list_overlay::draw(
        ctx,
        frame,
        (&title, s.hint_views, header),
        (rows.len(), &row),
        selected,
        empty,
        &detail,
    );
}
