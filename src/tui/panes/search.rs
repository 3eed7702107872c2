//! The search overlay: the query line, then the results grouped by kind with the matched
//! characters highlighted, each with its occurrence count and letters.

use brieven::search::{Hit, HitKind};
use brieven::text::sanitize;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

use crate::tui::app::App;
use crate::tui::lookup::{HIT_GROUPS, Senders};
use crate::tui::panes::help::overlay_area;
use crate::tui::ui::{fit, list_offset};

/// One row of the result list.
enum Row<'a> {
    Group(&'a str, usize),
    Hit(usize),
}

pub fn draw(app: &App, frame: &mut Frame) {
    let area = overlay_area(frame.area(), 110, usize::MAX);
    let theme = &app.theme;
    let block = Block::bordered()
        .border_style(theme.border_focused)
        .title(Span::styled(app.lang.strings().search_title, theme.title));
    let inner = block.inner(area);
    frame.render_widget(Clear, area);
    frame.render_widget(block, area);
    if inner.height < 2 {
        return;
    }
    let s = &app.search;
    let width = usize::from(inner.width);
    let strings = app.lang.strings();
    let status = if app.register.is_none() {
        strings.search_building.to_string()
    } else if s.pending() {
        strings.search_searching.to_string()
    } else if s.query.trim().is_empty() {
        String::new()
    } else if s.order.len() == 1 {
        strings.result_one.to_string()
    } else {
        brieven::i18n::fill(strings.result_many, &s.order.len().to_string())
    };
    let query = fit(
        &sanitize(&s.query),
        width.saturating_sub(status.width() + 4),
    );
    let pad = width.saturating_sub(query.width() + status.width() + 3);
    let input = Line::from(vec![
        Span::styled("/ ", theme.key),
        Span::raw(query),
        Span::styled("▏", theme.key),
        Span::raw(" ".repeat(pad)),
        Span::styled(status, theme.dim),
    ]);
    frame.render_widget(Paragraph::new(input), Rect { height: 1, ..inner });
    let list = Rect {
        y: inner.y + 1,
        height: inner.height - 1,
        ..inner
    };
    if s.query.trim().is_empty() {
        let help = [
            brieven::i18n::reader_text(
                app.lang,
                "Type a name, a date, a term or any words of the letters.",
            ),
            brieven::i18n::reader_text(
                app.lang,
                "Filters: org: person: term: date:2023-09..2023-12 in:<letter> notes:",
            ),
        ];
        let lines: Vec<Line> = help
            .iter()
            .map(|t| Line::from(Span::styled(fit(t, width), theme.dim)))
            .collect();
        frame.render_widget(Paragraph::new(lines), list);
        return;
    }
    let mut rows = Vec::new();
    let mut selected_row = 0;
    for (kind, title) in HIT_GROUPS {
        let members: Vec<usize> = (0..s.order.len())
            .filter(|&r| s.hits[s.order[r]].kind == kind)
            .collect();
        if members.is_empty() {
            continue;
        }
        let title = brieven::i18n::reader_text(app.lang, title);
        rows.push(Row::Group(title, members.len()));
        for r in members {
            if r == s.selected {
                selected_row = rows.len();
            }
            rows.push(Row::Hit(r));
        }
    }
    let height = usize::from(list.height);
    let first = list_offset(selected_row, rows.len(), height);
    let lines: Vec<Line> = rows
        .iter()
        .skip(first)
        .take(height)
        .map(|row| match row {
            Row::Group(title, n) => {
                Line::from(Span::styled(format!("{title} ({n})"), theme.heading))
            }
            Row::Hit(r) => {
                let i = s.order[*r];
                let line = hit_line(app, &s.hits[i], s.senders.get(i), width);
                if *r == s.selected {
                    line.style(theme.selected)
                } else {
                    line
                }
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), list);
}

/// One result: label (or snippet) with its matches highlighted, gloss, counts.
fn hit_line(app: &App, hit: &Hit, senders: Option<&Senders>, width: usize) -> Line<'static> {
    let theme = &app.theme;
    let mut spans = vec![Span::raw("  ")];
    if hit.kind == HitKind::Passage {
        let label = format!("{} ", sanitize(&hit.label));
        let label = fit(&label, width / 3);
        let snippet = hit
            .passage
            .as_ref()
            .map(|p| sanitize(&p.snippet).into_owned())
            .unwrap_or_default();
        let room = width.saturating_sub(label.width() + 2);
        spans.push(Span::styled(label, theme.dim));
        spans.extend(highlighted(
            &fit(&snippet, room),
            &hit.positions,
            Style::new(),
            theme.hit,
        ));
        return Line::from(spans);
    }
    let counts = fit(
        &format!(
            " {}× · {}",
            hit.occurrences,
            letter_names(app, senders, hit.letters.len())
        ),
        (width / 3).max(12),
    );
    let room = width.saturating_sub(counts.width() + 2);
    let label = fit(&sanitize(&hit.label), room);
    let mut used = label.width();
    spans.extend(highlighted(
        &label,
        &hit.positions,
        theme.current,
        theme.hit,
    ));
    let mut extra = String::new();
    if let Some(alias) = &hit.matched_alias {
        extra.push_str(&format!(" ({})", sanitize(alias)));
    }
    if let Some(gloss) = &hit.gloss {
        extra.push_str(&format!(" — {}", sanitize(gloss)));
    }
    let extra = fit(&extra, room.saturating_sub(used));
    used += extra.width();
    spans.push(Span::styled(extra, theme.dim));
    spans.push(Span::raw(" ".repeat(room.saturating_sub(used))));
    spans.push(Span::styled(counts, theme.dim));
    Line::from(spans)
}

/// The senders of the letters a hit occurs in (`a, b`), or how many letters when too many
/// (worked out with the results: [`Senders`]).
fn letter_names(app: &App, senders: Option<&Senders>, letters: usize) -> String {
    match senders {
        None => String::new(),
        Some(Senders::Names(names)) => names.join(", "),
        Some(Senders::Many) => {
            brieven::i18n::fill(app.lang.strings().letters_many, &letters.to_string())
        }
    }
}

/// `text` with the chars at `positions` (char indices) in `hit` style.
pub fn highlighted(text: &str, positions: &[usize], base: Style, hit: Style) -> Vec<Span<'static>> {
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut current = String::new();
    let mut current_hit = false;
    for (i, c) in text.chars().enumerate() {
        let is_hit = positions.contains(&i);
        if is_hit != current_hit && !current.is_empty() {
            let style = if current_hit { base.patch(hit) } else { base };
            spans.push(Span::styled(std::mem::take(&mut current), style));
        }
        current_hit = is_hit;
        current.push(c);
    }
    if !current.is_empty() {
        let style = if current_hit { base.patch(hit) } else { base };
        spans.push(Span::styled(current, style));
    }
    spans
}
