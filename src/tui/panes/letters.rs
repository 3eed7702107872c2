//! The Letters pane: one row per letter with date, sender and stance mark, in the order `S`
//! chose (the title says which) and narrowed by the filter `&` typed.

use brieven::i18n::{Lang, reader_text};
use brieven::listing::LetterSort;
use brieven::model::{Letter, Stance};
use brieven::text::sanitize;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use crate::tui::app::{App, Pane};
use crate::tui::layout::list_offset;
use crate::tui::theme::Theme;
use crate::tui::ui::{fit, pane_block};

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

/// How the pane's title and the status line name an order.
pub fn sort_label(sort: LetterSort, lang: Lang) -> &'static str {
    reader_text(
        lang,
        match sort {
            LetterSort::Date => "date ↑",
            LetterSort::Sender => "sender",
            LetterSort::Stance => "stance",
            LetterSort::Corpus => "load order",
        },
    )
}

/// The first row of the pane on screen, shared with mouse handling.
pub fn offset(app: &App, height: usize) -> usize {
    list_offset(app.letter_row().unwrap_or(0), app.list.len(), height)
}

/// `Letters (5) · date ↑`, or with a filter `Letters (2 of 5) · sender · &apen`. The acts
/// listed after the letters are rows too, counted apart: `Letters (5) · 1 act · date ↑`.
/// Where that is wider than `width` columns, the acts' count goes first (their rows show
/// them), so that the order and the filter stay in sight: `Brieven (5) · datum ↑`.
pub fn title(app: &App, width: usize) -> String {
    let name = app.lang.strings().title_letters;
    let sort = sort_label(app.list_sort, app.lang);
    let letters = app.letters.len().saturating_sub(app.index.acts);
    let acts = match app.list_acts {
        0 => String::new(),
        1 => format!(" · {}", reader_text(app.lang, "1 act")),
        n => format!(
            " · {}",
            brieven::i18n::fill(reader_text(app.lang, "{} acts"), &n.to_string())
        ),
    };
    let compose = |acts: &str| {
        if app.list_filter.is_empty() {
            return format!("{name} ({letters}){acts} · {sort}");
        }
        let shown = app.list.len().saturating_sub(app.list_acts);
        let count = brieven::i18n::fill_all(
            reader_text(app.lang, "{} of {}"),
            &[&shown.to_string(), &letters.to_string()],
        );
        let filter = brieven::text::sanitize_line(&app.list_filter);
        format!("{name} ({count}){acts} · {sort} · &{filter}")
    };
    let full = compose(&acts);
    if acts.is_empty() || full.width() <= width {
        full
    } else {
        compose("")
    }
}

pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let inner_width = usize::from(area.width.saturating_sub(4));
    let block = pane_block(
        app,
        Pane::Letters,
        fit(&title(app, inner_width), inner_width),
    );
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let height = usize::from(inner.height);
    let width = usize::from(inner.width);
    let first = offset(app, height);
    let row = app.letter_row();
    let lines: Vec<Line> = app
        .list
        .iter()
        .enumerate()
        .skip(first)
        .take(height)
        .map(|(i, &index)| {
            let line = letter_line(&app.letters[index], app.stance(index), width, app);
            if Some(i) == row {
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
                reader_text(
                    app.lang,
                    if app.letters.is_empty() {
                        "No letters"
                    } else {
                        crate::tui::update::listing::NO_MATCH
                    },
                ),
                app.theme.dim,
            )),
            inner,
        );
        return;
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// `2023-09-25 Sender…   +`, filling `width` columns.
fn letter_line(letter: &Letter, stance: Option<Stance>, width: usize, app: &App) -> Line<'static> {
    let theme = &app.theme;
    let date = letter
        .date
        .map_or_else(|| "    –     ".to_string(), |d| format!("{d:<10}"));
    // An act the letters discuss shows its number and kind, marked `§`: no sender, no stance.
    let act = letter.act.as_ref().map(|act| {
        let name = brieven::act::short_name(letter).unwrap_or_else(|| letter.id.clone());
        let kind = brieven::i18n::reader_text(app.lang, act.kind.as_str());
        format!("{name} ({kind})")
    });
    let sender = sanitize(act.as_deref().unwrap_or(letter.sender_or_unknown()));
    let room = width.saturating_sub(date.width() + 3);
    let sender = fit(&sender, room);
    let pad = room.saturating_sub(sender.width());
    Line::from(vec![
        Span::styled(date, theme.dim),
        Span::raw(" "),
        Span::raw(sender),
        Span::raw(" ".repeat(pad + 1)),
        match letter.act {
            Some(_) => Span::styled("§", theme.dim),
            None => stance_mark(stance, theme),
        },
    ])
}
