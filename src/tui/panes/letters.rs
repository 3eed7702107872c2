//! The Letters pane: one row per letter, sorted by date, with sender and stance mark.

use brieven::model::{Letter, Stance};
use brieven::text::sanitize;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use crate::tui::app::{App, Pane};
use crate::tui::theme::Theme;
use crate::tui::ui::{fit, list_offset, pane_block};

/// The mark for a stance, and its style.
pub fn stance_mark(stance: Option<Stance>, theme: &Theme) -> Span<'static> {
    match stance {
        Some(Stance::Supports) => Span::styled("+", theme.supports),
        Some(Stance::Opposes) => Span::styled("−", theme.opposes),
        Some(Stance::Mixed) => Span::styled("±", theme.mixed),
        Some(Stance::Neutral) => Span::styled("·", theme.neutral),
        None => Span::raw(" "),
    }
}

/// The first row of the pane on screen, shared with mouse handling.
pub fn offset(app: &App, height: usize) -> usize {
    list_offset(app.letter_row(), app.order.len(), height)
}

pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let title = format!(
        "{} ({})",
        app.lang.strings().title_letters,
        app.letters.len()
    );
    let block = pane_block(app, Pane::Letters, title);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let height = usize::from(inner.height);
    let width = usize::from(inner.width);
    let first = offset(app, height);
    let row = app.letter_row();
    let lines: Vec<Line> = app
        .order
        .iter()
        .enumerate()
        .skip(first)
        .take(height)
        .map(|(i, &index)| {
            let line = letter_line(&app.letters[index], width, &app.theme);
            if i == row {
                let style = if app.focus == Pane::Letters {
                    app.theme.selected
                } else {
                    app.theme.current
                };
                line.style(style)
            } else {
                line
            }
        })
        .collect();
    if lines.is_empty() {
        frame.render_widget(
            Paragraph::new(Span::styled(
                brieven::i18n::reader_text(app.lang, "No letters"),
                app.theme.dim,
            )),
            inner,
        );
        return;
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// `2023-09-25 Sender…   +`, filling `width` columns.
fn letter_line(letter: &Letter, width: usize, theme: &Theme) -> Line<'static> {
    let date = letter
        .date
        .map_or_else(|| "    –     ".to_string(), |d| format!("{d:<10}"));
    let sender = sanitize(letter.sender_or_unknown());
    let room = width.saturating_sub(date.width() + 3);
    let sender = fit(&sender, room);
    let pad = room.saturating_sub(sender.width());
    Line::from(vec![
        Span::styled(date, theme.dim),
        Span::raw(" "),
        Span::raw(sender),
        Span::raw(" ".repeat(pad + 1)),
        stance_mark(letter.stance, theme),
    ])
}
