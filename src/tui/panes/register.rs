//! The register view: a tab per kind (organisations, people, dates, terms), the entries with
//! their counts, the selected entry's gloss and counts per letter, and its concordance: every
//! occurrence in context, by letter in date order.

use brieven::register::{Entity, Place, Register, meta_text, place_text};
use brieven::text::sanitize;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use crate::tui::component::Ctx;
use crate::tui::index::LetterIndex;
use crate::tui::layout::list_offset;
use crate::tui::layout::overlay_area;
use crate::tui::lookup::{Entry, REGISTER_TABS, RegisterState};
use crate::tui::ui::{fit, tail};

/// Characters of context on each side of an occurrence.
const CONTEXT: usize = 40;

/// Draws the register view `view` over `area` (the screen).
pub fn draw(view: &RegisterState, frame: &mut Frame, area: Rect, ctx: &Ctx) {
    let area = overlay_area(area, 120, usize::MAX);
    let theme = ctx.theme;
    let block = Block::bordered()
        .border_style(theme.border_focused)
        .title(Span::styled(
            brieven::i18n::reader_text(
                ctx.lang,
                " Register — Tab kind · Enter occurrences · Esc back ",
            ),
            theme.title,
        ));
    let inner = block.inner(area);
    frame.render_widget(Clear, area);
    frame.render_widget(block, area);
    let Some(register) = ctx.register else {
        frame.render_widget(
            Paragraph::new(Span::styled(ctx.lang.strings().msg_computing, theme.dim)),
            inner,
        );
        return;
    };
    if inner.height < 4 {
        return;
    }
    let mut tabs = Vec::new();
    for (i, (_, title)) in REGISTER_TABS.iter().enumerate() {
        let n = ctx.tabs.tab(i).len();
        let style = if i == view.tab {
            theme.selected
        } else {
            theme.dim
        };
        let title = brieven::i18n::reader_text(ctx.lang, title);
        tabs.push(Span::styled(format!(" {title} ({n}) "), style));
        tabs.push(Span::raw(" "));
    }
    let [tab_row, body] =
        Layout::vertical([Constraint::Length(2), Constraint::Fill(1)]).areas(inner);
    frame.render_widget(Paragraph::new(Line::from(tabs)), tab_row);
    let entries = ctx.tabs.tab(view.tab % REGISTER_TABS.len());
    match view
        .concordance
        .and_then(|(e, row)| Some((register.entities.get(e)?, row)))
    {
        Some((entity, row)) => draw_concordance(view, ctx, frame, body, (entity, row)),
        None => draw_entries(view, ctx, frame, body, (register, entries)),
    }
}

fn draw_entries(
    view: &RegisterState,
    ctx: &Ctx,
    frame: &mut Frame,
    area: Rect,
    (register, entries): (&Register, &[Entry]),
) {
    let selected = view.selected;
    let theme = ctx.theme;
    if entries.is_empty() {
        frame.render_widget(
            Paragraph::new(Span::styled(
                brieven::i18n::reader_text(ctx.lang, "No entries of this kind."),
                theme.dim,
            )),
            area,
        );
        return;
    }
    let [list, detail] = Layout::vertical([Constraint::Fill(1), Constraint::Length(6)]).areas(area);
    let width = usize::from(list.width);
    let height = usize::from(list.height);
    let first = list_offset(selected, entries.len(), height);
    let lines: Vec<Line> = entries
        .iter()
        .enumerate()
        .skip(first)
        .take(height)
        .map(|(i, entry)| {
            let Some(e) = register.entities.get(entry.entity) else {
                return Line::default();
            };
            let n = entry.letters;
            let letters = match n {
                1 => brieven::i18n::reader_text(ctx.lang, "{} letter"),
                _ => ctx.lang.strings().letters_many,
            };
            let counts = format!(
                " {}× · {}",
                e.occurrences.len(),
                brieven::i18n::fill(letters, &n.to_string())
            );
            let room = width.saturating_sub(counts.width());
            let label = fit(&sanitize(&e.label), room.min(40));
            let gloss = e
                .gloss
                .as_deref()
                .map(|g| format!("  {}", sanitize(g)))
                .unwrap_or_default();
            let gloss = fit(&gloss, room.saturating_sub(label.width()));
            let pad = room.saturating_sub(label.width() + gloss.width());
            let line = Line::from(vec![
                Span::styled(label, theme.current),
                Span::styled(gloss, theme.dim),
                Span::raw(" ".repeat(pad)),
                Span::styled(counts, theme.dim),
            ]);
            if i == selected {
                line.style(theme.selected)
            } else {
                line
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), list);
    let Some(entity) = (entries.get(selected)).and_then(|e| register.entities.get(e.entity)) else {
        return;
    };
    let [rule, detail] =
        Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(detail);
    let line = "─".repeat(usize::from(rule.width));
    frame.render_widget(Paragraph::new(Span::styled(line, theme.border)), rule);
    frame.render_widget(
        Paragraph::new(detail_lines(view, ctx, entity, detail)).wrap(Wrap { trim: true }),
        detail,
    );
}

/// The gloss, role and counts per letter of an entity, as much of them as `area` shows.
fn detail_lines(
    view: &RegisterState,
    ctx: &Ctx,
    entity: &Entity,
    area: Rect,
) -> Vec<Line<'static>> {
    let theme = ctx.theme;
    let mut head = vec![Span::styled(
        sanitize(&entity.label).into_owned(),
        theme.heading,
    )];
    if let Some(role) = &entity.role {
        head.push(Span::styled(format!(", {}", sanitize(role)), theme.dim));
    }
    // Where an act defines it, first: the gloss may wrap past the area.
    if let Some(d) = &entity.definition {
        let defined = brieven::i18n::reader_text(ctx.lang, "defined in {} (Enter, Enter: open)");
        head.push(Span::styled(
            format!(
                " · {}",
                brieven::i18n::fill(defined, &sanitize(&d.citation))
            ),
            theme.heading,
        ));
    }
    if let Some(gloss) = &entity.gloss {
        head.push(Span::raw(format!(" — {}", sanitize(gloss))));
    }
    // The letters in date order, each with its count, until the area is full: the text
    // past that would not be seen. They are read off the concordance's order (worked out
    // when the entry was selected), so a frame counts only the letters it shows.
    let listed = view.listed(entity, ctx.index);
    let room = usize::from(area.width) * usize::from(area.height);
    let mut counts: Vec<String> = Vec::new();
    let mut used = 0;
    for (l, n) in per_letter_in_order(entity, &listed, ctx.index) {
        let Some(letter) = ctx.letters.get(l) else {
            continue;
        };
        if used > room {
            break;
        }
        let date = letter.date.map(|d| format!(" {d}")).unwrap_or_default();
        let count = format!("{}{date}: {n}", sanitize(letter.sender_or_unknown()));
        used += count.width() + 3;
        counts.push(count);
    }
    let counts = counts.join(" · ");
    vec![
        Line::from(head),
        Line::from(Span::styled(counts, theme.dim)),
    ]
}

/// (letter, occurrences in it) of `entity`, in the order of `listed` (its occurrences by
/// letter in date order, the definition first) as far as they are taken: the order of
/// [`Entity::per_letter`] sorted by date.
pub fn per_letter_in_order<'a>(
    entity: &'a Entity,
    listed: &'a [usize],
    index: &'a LetterIndex,
) -> impl Iterator<Item = (usize, usize)> + 'a {
    let letter_of = |o: usize| entity.occurrences.get(o).map(|o| o.letter_index());
    let d = entity.definition.as_ref().map(|d| d.occurrence);
    let defined = (listed.iter())
        .take_while(|&&o| d.is_some() && entity.occurrences.get(o).copied() == d)
        .count();
    // The definition is listed first, but counts with the other occurrences of its letter.
    let mut pending: Vec<usize> = listed[..defined]
        .iter()
        .filter_map(|&o| letter_of(o))
        .collect();
    let mut rest = listed[defined..].iter().peekable();
    std::iter::from_fn(move || {
        let next = rest.peek().and_then(|&&o| letter_of(o));
        let first_pending = pending.iter().copied().min_by_key(|&l| index.rank(l));
        let l = match (next, first_pending) {
            (Some(n), Some(p)) if index.rank(p) < index.rank(n) => p,
            (Some(n), _) => n,
            (None, p) => p?,
        };
        let mut n = 0;
        while rest.next_if(|&&o| letter_of(o) == Some(l)).is_some() {
            n += 1;
        }
        let before = pending.len();
        pending.retain(|&p| p != l);
        Some((l, n + before - pending.len()))
    })
}

fn draw_concordance(
    view: &RegisterState,
    ctx: &Ctx,
    frame: &mut Frame,
    area: Rect,
    (entity, selected): (&Entity, usize),
) {
    let theme = ctx.theme;
    let listed = view.listed(entity, ctx.index);
    let title = Line::from(vec![
        Span::styled(sanitize(&entity.label).into_owned(), theme.heading),
        Span::styled(
            brieven::i18n::fill(
                brieven::i18n::reader_text(
                    ctx.lang,
                    match listed.len() {
                        1 => " — {} occurrence; Enter jumps there, Esc goes back",
                        _ => " — {} occurrences; Enter jumps there, Esc goes back",
                    },
                ),
                &listed.len().to_string(),
            ),
            theme.dim,
        ),
    ]);
    let [head, list] = Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
    frame.render_widget(Paragraph::new(title), head);
    let width = usize::from(list.width);
    let height = usize::from(list.height);
    let first = list_offset(selected, listed.len(), height);
    let lines: Vec<Line> = listed
        .iter()
        .enumerate()
        .skip(first)
        .take(height)
        .map(|(i, &o)| {
            let Some(o) = entity.occurrences.get(o) else {
                return Line::default();
            };
            let Some(letter) = ctx.letters.get(o.letter_index()) else {
                return Line::default();
            };
            let date = letter
                .date
                .map(|d| d.to_string())
                .unwrap_or_else(|| "–".into());
            // The definition is named by its citation (`COM(2022) 209, Article 2(a)`).
            let who = match &entity.definition {
                Some(d) if d.occurrence == *o => fit(&sanitize(&d.citation), 30),
                _ => fit(
                    &format!("{date} {}", sanitize(letter.sender_or_unknown())),
                    30,
                ),
            };
            let who = format!("{who:<30} ");
            let text = place_text(letter, o.place).or_else(|| meta_text(letter, entity, o));
            let chars = o.chars();
            let (before, hit, after) = context(text, o.place, (chars.start, chars.len()), ctx.lang);
            let room = width.saturating_sub(32);
            let before = tail(&before, room.saturating_sub(hit.width()) / 2);
            let after = fit(&after, room.saturating_sub(before.width() + hit.width()));
            let line = Line::from(vec![
                Span::styled(who, theme.dim),
                Span::raw(before),
                Span::styled(hit, theme.hit_current),
                Span::raw(after),
            ]);
            if i == selected {
                line.style(theme.selected)
            } else {
                line
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), list);
}

/// The text before, of and after an occurrence (chars `at..at + len`), sanitized, on one line.
fn context(
    text: Option<&str>,
    place: Place,
    (at, len): (usize, usize),
    lang: brieven::i18n::Lang,
) -> (String, String, String) {
    let Some(text) = text else {
        let what = if place == Place::Meta {
            "(in the letter's header: its date)"
        } else {
            "(not found)"
        };
        let what = brieven::i18n::reader_text(lang, what);
        return (String::new(), what.to_string(), String::new());
    };
    let chars: Vec<char> = text
        .chars()
        .map(|c| if c == '\n' { ' ' } else { c })
        .collect();
    let at = at.min(chars.len());
    let end = (at + len).min(chars.len());
    let from = at.saturating_sub(CONTEXT);
    let to = (end + CONTEXT).min(chars.len());
    let s = |a: usize, b: usize| sanitize(&chars[a..b].iter().collect::<String>()).into_owned();
    (s(from, at), s(at, end), s(end, to))
}
