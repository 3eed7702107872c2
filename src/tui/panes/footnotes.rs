//! The Footnotes pane: the notes cited in the visible text, one line each, and the selected
//! note in full with its URLs.

use brieven::text::sanitize;
use brieven::wrap::wrap;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::tui::app::{App, Pane};
use crate::tui::document::superscript;
use crate::tui::ui::{fit, list_offset, pane_block, styled_spans};

/// The rows of the list part for a pane of `height` rows: (first row, rows shown).
pub fn list_rows(app: &App, notes: &[u32], height: usize) -> (usize, usize) {
    let rows = if app.note.is_some() {
        notes.len().min((height / 3).max(1))
    } else {
        notes.len().min(height)
    };
    let selected = app
        .note
        .and_then(|n| notes.iter().position(|&m| m == n))
        .unwrap_or(0);
    (list_offset(selected, notes.len(), rows), rows)
}

pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let total = app.letter().map_or(0, |l| l.footnotes.len());
    let block = pane_block(
        app,
        Pane::Footnotes,
        format!("{} ({total})", app.lang.strings().title_notes),
    );
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let Some(letter) = app.letter() else { return };
    let theme = &app.theme;
    let width = usize::from(inner.width);
    let height = usize::from(inner.height);
    let notes = app.notes_in_view();
    let marked = app
        .marker
        .and_then(|(b, m)| app.doc.blocks.get(b)?.markers.get(m))
        .map(|m| m.number);
    let mut lines: Vec<Line> = Vec::new();
    if notes.is_empty() {
        let msg = if total == 0 {
            brieven::i18n::reader_text(app.lang, "This letter has no notes.").to_string()
        } else {
            brieven::i18n::reader_text(
                app.lang,
                "No notes cited in view. f selects a marker; Enter shows its note.",
            )
            .to_string()
        };
        lines.push(Line::from(Span::styled(fit(&msg, width), theme.dim)));
    }
    let (first, rows) = list_rows(app, &notes, height);
    for &n in notes.iter().skip(first).take(rows) {
        let text = letter
            .footnote(n)
            .map(|f| sanitize(&f.text).replace('\n', " "))
            .unwrap_or_else(|| {
                brieven::i18n::reader_text(app.lang, "(no such note in this letter)").to_string()
            });
        let pointer = if marked == Some(n) { "▸" } else { " " };
        let label = format!("{pointer}{} ", superscript(n));
        let body = fit(&text, width.saturating_sub(label.chars().count()));
        let line = Line::from(vec![Span::styled(label, theme.marker), Span::raw(body)]);
        lines.push(if app.note == Some(n) {
            line.style(if app.focus == Pane::Footnotes {
                theme.selected
            } else {
                theme.current
            })
        } else {
            line
        });
    }
    if let Some(n) = app.note {
        lines.push(Line::from(Span::styled("─".repeat(width), theme.border)));
        match letter.footnote(n) {
            Some(note) => {
                let text = format!(
                    "{} {}",
                    superscript(n),
                    sanitize(&note.text).replace('\n', " ")
                );
                let urls: Vec<String> =
                    note.urls.iter().map(|u| sanitize(u).into_owned()).collect();
                let overlays: Vec<(std::ops::Range<usize>, Style)> = urls
                    .iter()
                    .flat_map(|u| {
                        text.match_indices(u.as_str())
                            .map(|(i, _)| (i..i + u.len(), theme.url))
                    })
                    .collect();
                for range in wrap(&text, width) {
                    let spans = styled_spans(&text, range, Style::new(), &overlays);
                    lines.push(owned(Line::from(spans)));
                }
                for url in urls.iter().filter(|u| !text.contains(u.as_str())) {
                    lines.push(Line::from(Span::styled(fit(url, width), theme.url)));
                }
            }
            None => lines.push(Line::from(Span::styled(
                brieven::i18n::fill(app.lang.strings().note_undefined, &n.to_string()),
                theme.warning,
            ))),
        }
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// A line that owns its text.
fn owned(line: Line<'_>) -> Line<'static> {
    Line::from(
        line.spans
            .into_iter()
            .map(|s| Span::styled(s.content.into_owned(), s.style))
            .collect::<Vec<_>>(),
    )
}
