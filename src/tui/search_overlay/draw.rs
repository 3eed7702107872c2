//! Drawing the search overlay over the whole screen but the status line: the query line, then
//! the results grouped by kind (each passage with its letter's sender, date and `§ ¶` or note)
//! and the preview of the selected hit, beside the list on a wide screen and under it on a
//! narrow one, as fzf's `--preview-window` and television's preview do.

use brieven::model::Letter;
use brieven::search::{Hit, HitKind};
use brieven::text::sanitize;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::preview::place_label;
use super::{HIT_GROUPS, Preview, SearchOverlay};
use crate::tui::component::Ctx;
use crate::tui::layout::list_offset;
use crate::tui::lookup::Senders;
use crate::tui::ui::{fit, fit_head};

/// The narrowest list and preview side by side; narrower, the preview goes under the list.
pub const SIDE_BY_SIDE: u16 = 100;
/// The fewest rows under the query that still leave room for a preview under the list.
const STACKED_MIN: u16 = 12;

/// One row of the result list.
enum Row<'a> {
    Group(&'a str, usize),
    Hit(usize),
}

pub fn draw(s: &SearchOverlay, frame: &mut Frame, area: Rect, ctx: &Ctx) {
    let theme = ctx.theme;
    let block = Block::bordered()
        .border_style(theme.border_focused)
        .title(Span::styled(ctx.lang.strings().search_title, theme.title));
    let inner = block.inner(area);
    frame.render_widget(Clear, area);
    frame.render_widget(block, area);
    if inner.height < 2 {
        return;
    }
    draw_query(s, frame, Rect { height: 1, ..inner }, ctx);
    let body = Rect {
        y: inner.y + 1,
        height: inner.height - 1,
        ..inner
    };
    let width = usize::from(body.width);
    if s.query.trim().is_empty() {
        let help = [
            "Type a name, a date, a term or any words of the letters.",
            "Filters: org: person: term: date:2023-09..2023-12 in:<letter> notes:",
        ];
        let lines: Vec<Line> = (help.iter())
            .map(|t| brieven::i18n::reader_text(ctx.lang, t))
            .map(|t| Line::from(Span::styled(fit(t, width), theme.dim)))
            .collect();
        frame.render_widget(Paragraph::new(lines), body);
        return;
    }
    let (list, preview) = split(body);
    draw_list(s, frame, list, ctx);
    if let (Some((rule, pane)), Some(p)) = (preview, s.preview()) {
        frame.render_widget(Paragraph::new(rule_lines(rule)).style(theme.border), rule);
        draw_preview(p, frame, pane, ctx);
    }
}

/// The query line: `/ query▏` with the result count at the right; a query shown selected
/// (reopened) is drawn reversed.
fn draw_query(s: &SearchOverlay, frame: &mut Frame, area: Rect, ctx: &Ctx) {
    let (theme, strings) = (ctx.theme, ctx.lang.strings());
    let width = usize::from(area.width);
    // Results may come before the register (from the on-disk index while the letters load).
    let status = if s.pending() && ctx.register.is_none() {
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
    let style = if s.replace {
        theme.selected
    } else {
        Style::new()
    };
    let input = Line::from(vec![
        Span::styled("/ ", theme.key),
        Span::styled(query, style),
        Span::styled("▏", theme.key),
        Span::raw(" ".repeat(pad)),
        Span::styled(status, theme.dim),
    ]);
    frame.render_widget(Paragraph::new(input), area);
}

/// The list's area, and the rule and pane of the preview when there is room for one: beside
/// the list (a rule of `│` and a space), or under it (a rule of `─`).
fn split(body: Rect) -> (Rect, Option<(Rect, Rect)>) {
    use ratatui::layout::Constraint::{Fill, Length, Percentage};
    use ratatui::layout::Layout;
    let [list, rule, pane] = if body.width >= SIDE_BY_SIDE {
        Layout::horizontal([Percentage(55), Length(2), Fill(1)]).areas(body)
    } else if body.height >= STACKED_MIN {
        Layout::vertical([Fill(1), Length(1), Percentage(40)]).areas(body)
    } else {
        return (body, None);
    };
    (list, Some((rule, pane)))
}

/// The rule between list and preview: a column of `│` beside it, a row of `─` under it.
fn rule_lines(rule: Rect) -> Vec<Line<'static>> {
    if rule.height > 1 {
        vec![Line::from("│"); usize::from(rule.height)]
    } else {
        vec![Line::from("─".repeat(usize::from(rule.width)))]
    }
}

fn draw_list(s: &SearchOverlay, frame: &mut Frame, area: Rect, ctx: &Ctx) {
    let theme = ctx.theme;
    let width = usize::from(area.width);
    let mut rows = Vec::new();
    let mut selected_row = 0;
    for (kind, title) in HIT_GROUPS {
        let members: Vec<usize> = (0..s.order.len())
            .filter(|&r| s.hits[s.order[r]].kind == kind)
            .collect();
        if members.is_empty() {
            continue;
        }
        rows.push(Row::Group(
            brieven::i18n::reader_text(ctx.lang, title),
            members.len(),
        ));
        for r in members {
            if r == s.selected() {
                selected_row = rows.len();
            }
            rows.push(Row::Hit(r));
        }
    }
    let height = usize::from(area.height);
    let first = list_offset(selected_row, rows.len(), height);
    let lines: Vec<Line> = (rows.iter().skip(first).take(height))
        .map(|row| match row {
            Row::Group(title, n) => {
                Line::from(Span::styled(format!("{title} ({n})"), theme.heading))
            }
            Row::Hit(r) => {
                let i = s.order[*r];
                let line = hit_line(&s.hits[i], s.senders.get(i), width, ctx);
                if *r == s.selected() {
                    line.style(theme.selected)
                } else {
                    line
                }
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
}

/// One result: for a passage its letter's sender and date, its place and the snippet with
/// the matches marked; for an entity its label (matches marked), gloss and counts.
fn hit_line(hit: &Hit, senders: Option<&Senders>, width: usize, ctx: &Ctx) -> Line<'static> {
    let theme = ctx.theme;
    let mut spans = vec![Span::raw("  ")];
    if let (HitKind::Passage, Some(p)) = (hit.kind, &hit.passage) {
        let letter = ctx.letters.get(p.letter_index);
        let place = letter
            .map(|l| place_label(l, p.place, ctx.lang))
            .unwrap_or_default();
        let room = (width * 2 / 5).clamp(16, 40);
        let label = match letter {
            Some(l) => sender_date(l, room),
            None => fit(&sanitize(&hit.label), room),
        };
        let head = format!("{label} {place} ");
        let room = width.saturating_sub(head.width() + 2);
        spans.push(Span::styled(format!("{label} "), theme.dim));
        spans.push(Span::styled(format!("{place} "), theme.key));
        let (snippet, positions) = around_match(&sanitize(&p.snippet), &hit.positions, room);
        spans.extend(highlighted(
            &fit(&snippet, room),
            &positions,
            Style::new(),
            theme.hit,
        ));
        return Line::from(spans);
    }
    let counts = fit(
        &format!(
            " {}× · {}",
            hit.occurrences,
            letter_names(senders, hit.letter_count, ctx)
        ),
        (width * 2 / 5).max(12),
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

/// `letter`'s sender and date in `width` columns (`Minister van Justitie…, 2023-09-18`): the
/// sender is cut, never the date that tells two letters of one sender apart.
fn sender_date(letter: &Letter, width: usize) -> String {
    let date = letter.date.map(|d| format!(", {d}")).unwrap_or_default();
    fit_head(&sanitize(letter.sender_or_unknown()), &date, width)
}

/// `snippet` cut at its start so that its first match stands in the first third of `room`
/// columns (`…` where cut), with the match positions moved along.
fn around_match(snippet: &str, positions: &[usize], room: usize) -> (String, Vec<usize>) {
    let first = positions.iter().copied().min().unwrap_or(0);
    let lead: String = snippet.chars().take(first).collect();
    if lead.width() <= room / 3 {
        return (snippet.to_string(), positions.to_vec());
    }
    // Drop whole characters until the match is a third of the way in.
    let mut drop = 0;
    let mut width = lead.width();
    for c in lead.chars() {
        if width <= room / 3 {
            break;
        }
        width -= unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        drop += 1;
    }
    let text: String = std::iter::once('…')
        .chain(snippet.chars().skip(drop))
        .collect();
    let moved = (positions.iter())
        .filter(|&&p| p >= drop)
        .map(|&p| p - drop + 1)
        .collect();
    (text, moved)
}

/// The senders of the letters a hit occurs in (`a, b`), or how many letters when too many
/// (worked out with the results: [`Senders`]).
fn letter_names(senders: Option<&Senders>, letters: usize, ctx: &Ctx) -> String {
    match senders {
        None => String::new(),
        Some(Senders::Names(names)) => names.join(", "),
        Some(Senders::Many) => {
            brieven::i18n::fill(ctx.lang.strings().letters_many, &letters.to_string())
        }
    }
}

/// The preview: its title, then the passage wrapped to the pane, scrolled so that the first
/// match stands in the upper third, every match marked.
fn draw_preview(p: &Preview, frame: &mut Frame, area: Rect, ctx: &Ctx) {
    let theme = ctx.theme;
    let width = usize::from(area.width).max(1);
    let tail = p.title.get(p.sender.len()..).unwrap_or_default();
    let mut lines = vec![Line::from(Span::styled(
        fit_head(&sanitize(&p.sender), &sanitize(tail), width),
        theme.heading,
    ))];
    let rows = usize::from(area.height).saturating_sub(1);
    let wrapped = brieven::wrap::wrap(&p.text, width);
    // The matches as byte ranges of the text.
    let bytes: Vec<usize> = (p.text.char_indices().map(|(b, _)| b))
        .chain([p.text.len()])
        .collect();
    let byte = |c: usize| bytes.get(c).copied().unwrap_or(p.text.len());
    let marks: Vec<(usize, usize)> = (p.marks.iter()).map(|&(s, e)| (byte(s), byte(e))).collect();
    let first_mark = marks.first().map_or(0, |&(s, _)| s);
    let mark_line = wrapped.iter().position(|r| r.end > first_mark).unwrap_or(0);
    let top = mark_line
        .saturating_sub(rows / 3)
        .min(wrapped.len().saturating_sub(rows));
    for range in wrapped.iter().skip(top).take(rows) {
        lines.push(Line::from(marked(&p.text, range.clone(), &marks, theme)));
    }
    frame.render_widget(Paragraph::new(lines), area);
}

/// The spans of `text[range]`, the parts inside `marks` (byte ranges) in the hit style.
fn marked(
    text: &str,
    range: std::ops::Range<usize>,
    marks: &[(usize, usize)],
    theme: &crate::tui::theme::Theme,
) -> Vec<Span<'static>> {
    let mut cuts = vec![range.start, range.end];
    for &(s, e) in marks {
        cuts.extend([s, e].into_iter().filter(|c| range.contains(c)));
    }
    cuts.sort_unstable();
    cuts.dedup();
    (cuts.windows(2))
        .filter_map(|w| {
            let piece = text.get(w[0]..w[1])?;
            let hit = marks.iter().any(|&(s, e)| s <= w[0] && w[1] <= e);
            let style = if hit { theme.hit } else { Style::new() };
            Some(Span::styled(sanitize(piece).into_owned(), style))
        })
        .collect()
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
