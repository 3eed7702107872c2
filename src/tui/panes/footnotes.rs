//! The Footnotes pane: the notes cited in the visible text, one line each, and the selected
//! note in full with its URLs.

use std::ops::Range;

use brieven::text::sanitize;
use brieven::wrap::wrap;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::tui::app::{App, Pane, Shown, Spot, char_range};
use crate::tui::document::{note_text, superscript};
use crate::tui::layout::list_offset;
use crate::tui::ui::{fit, pane_block, styled_spans};

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
        let pointer = if marked == Some(n) { "▸" } else { " " };
        let label = format!("{pointer}{} ", superscript(n));
        let room = width.saturating_sub(label.chars().count());
        let mut spans = vec![Span::styled(label, theme.marker)];
        match letter.footnote(n).map(note_text) {
            Some(text) => {
                let body = fit(&text, room);
                // What `fit` kept of the text, before its `…`.
                let kept = match body.strip_suffix('…') {
                    Some(cut) if body != text => cut.len(),
                    _ => body.len(),
                };
                let hits = hits_in_note(app, n, &text);
                spans.extend(owned(styled_spans(&text, 0..kept, Style::new(), &hits)));
                spans.push(Span::raw(body[kept..].to_string()));
            }
            None => spans.push(Span::raw(fit(
                brieven::i18n::reader_text(app.lang, "(no such note in this letter)"),
                room,
            ))),
        }
        let line = Line::from(spans);
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
                let body = note_text(note);
                let text = format!("{} {body}", superscript(n));
                let shift = text.len() - body.len();
                let urls: Vec<String> =
                    note.urls.iter().map(|u| sanitize(u).into_owned()).collect();
                let mut overlays: Vec<(Range<usize>, Style)> = urls
                    .iter()
                    .flat_map(|u| {
                        text.match_indices(u.as_str())
                            .map(|(i, _)| (i..i + u.len(), theme.url))
                    })
                    .collect();
                let hits = hits_in_note(app, n, &body);
                let current = current_in_note(app, n).map(|r| r.start + shift..r.end + shift);
                overlays.extend(
                    (hits.iter()).map(|(r, style)| (r.start + shift..r.end + shift, *style)),
                );
                let wrapped = wrap(&text, width);
                let skip = match current {
                    Some(hit) => {
                        let room = height.saturating_sub(lines.len()).max(1);
                        scroll_to(&wrapped, hit, room)
                    }
                    None => 0,
                };
                for range in wrapped.into_iter().skip(skip) {
                    let spans = styled_spans(&text, range, Style::new(), &overlays);
                    lines.push(Line::from(owned(spans)));
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

/// How many of the `wrapped` lines of a note to skip so that all of `hit` (a byte range) is
/// in the `room` rows left for it: none when it is already, else it goes a third down (its
/// start stays in view when it is longer than the room).
fn scroll_to(wrapped: &[Range<usize>], hit: Range<usize>, room: usize) -> usize {
    let line_of = |at: usize| wrapped.iter().position(|r| r.end > at).unwrap_or(0);
    let (first, last) = (line_of(hit.start), line_of(hit.end.saturating_sub(1)));
    if last < room {
        return 0;
    }
    first
        .saturating_sub(room / 3)
        .max(last + 1 - room)
        .min(first)
}

/// The trail's occurrences in note `number` of the open letter, as byte ranges of its
/// [`note_text`] `text` styled as in the Reading pane: the others as hits, the current one
/// last.
fn hits_in_note(app: &App, number: u32, text: &str) -> Vec<(Range<usize>, Style)> {
    let theme = &app.theme;
    let spot = Spot::Footnote { number };
    let mut hits: Vec<(Range<usize>, Style)> = (app.trail_in_view().into_iter())
        .filter(|t| t.spot == spot)
        .filter_map(|t| Some((char_range(text, t.at, t.len)?, theme.hit)))
        .collect();
    hits.extend(current_in_note(app, number).map(|r| (r, theme.hit_current)));
    hits
}

/// The byte range of the current occurrence in note `number`'s [`note_text`], if it is there.
fn current_in_note(app: &App, number: u32) -> Option<Range<usize>> {
    let h = app.highlight.as_ref()?;
    (h.letter == app.current && h.at == Shown::Note(number)).then(|| h.range.clone())
}

/// Spans that own their text.
fn owned(spans: Vec<Span<'_>>) -> Vec<Span<'static>> {
    spans
        .into_iter()
        .map(|s| Span::styled(s.content.into_owned(), s.style))
        .collect()
}
