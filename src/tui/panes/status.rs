//! The status line: letter, section and position on the left, the occurrence count or a
//! message in the middle, key hints for the focused pane and the warning count on the right.

use brieven::text::sanitize;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use crate::tui::app::{App, Overlay, Pane};
use crate::tui::find::Find;
use crate::tui::ui::{fit, tail};

/// Short key hints for where the keys go now.
pub fn hints(app: &App) -> &'static str {
    let s = app.lang.strings();
    match (app.overlay(), app.focus) {
        (Some(Overlay::Search), _) => s.hint_search,
        (Some(Overlay::Register), _) => s.hint_register,
        (Some(Overlay::Cards(_)), _) => s.hint_cards,
        (Some(Overlay::Positions(_) | Overlay::Timeline(_)), _) if row_prompt(app).is_some() => {
            brieven::i18n::reader_text(app.lang, "Enter stays  Esc back")
        }
        (Some(Overlay::Positions(_) | Overlay::Timeline(_)), _) => s.hint_views,
        (Some(Overlay::LetterFilter { .. }), _) => {
            brieven::i18n::reader_text(app.lang, "Enter keeps  Esc clears  ↓↑ letters")
        }
        (Some(Overlay::Sentences(_)), _) => {
            brieven::i18n::reader_text(app.lang, "j/k sentence  J/K stretch  y copy  Esc")
        }
        (Some(Overlay::Find(_)), _) => {
            brieven::i18n::reader_text(app.lang, "Enter stays  Esc back  Tab all letters")
        }
        (Some(_), _) => s.hint_overlay,
        (None, Pane::Letters) => s.hint_letters,
        (None, Pane::Outline) => s.hint_outline,
        (None, Pane::Reading) => s.hint_reading,
        (None, Pane::Footnotes) => s.hint_footnotes,
        (None, Pane::Beside) => brieven::i18n::reader_text(
            app.lang,
            "j/k scroll  Enter read it here  Ctrl-w other text  | close",
        ),
    }
}

/// The search of the positions or timeline rows, while it is typed: its query and how many
/// rows it finds.
fn row_prompt(app: &App) -> Option<(String, usize)> {
    let ctx = app.ctx();
    let (query, found) = match app.overlay()? {
        Overlay::Positions(view) => view.list.prompt(&view.texts(&ctx))?,
        Overlay::Timeline(view) => view.list.prompt(&view.texts(&ctx))?,
        _ => return None,
    };
    Some((query.to_string(), found))
}

pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    if let Some(Overlay::Find(origin)) = app.overlay() {
        let label = brieven::i18n::reader_text(app.lang, "Search this letter: ");
        let count = match &app.find {
            Some(find) if find.matches.is_empty() => {
                brieven::i18n::reader_text(app.lang, "not in this letter").to_string()
            }
            Some(find) => find_count(app, find),
            None => String::new(),
        };
        draw_prompt(app, frame, area, label, &origin.query, &count);
        return;
    }
    if let Some(Overlay::LetterFilter { .. }) = app.overlay() {
        let label = brieven::i18n::reader_text(app.lang, "Filter letters: ");
        let count = match app.list.len() {
            0 => brieven::i18n::reader_text(app.lang, "no letter").to_string(),
            n => brieven::i18n::fill_all(
                brieven::i18n::reader_text(app.lang, "{} of {}"),
                &[&n.to_string(), &app.letters.len().to_string()],
            ),
        };
        draw_prompt(app, frame, area, label, &app.list_filter, &count);
        return;
    }
    if let Some((query, found)) = row_prompt(app) {
        let label = brieven::i18n::reader_text(app.lang, "Find a date or words: ");
        let count = match (found, query.trim().is_empty()) {
            (_, true) => String::new(),
            (0, false) => brieven::i18n::reader_text(app.lang, "no row").to_string(),
            (n, false) => n.to_string(),
        };
        draw_prompt(app, frame, area, label, &query, &count);
        return;
    }
    let theme = &app.theme;
    let width = usize::from(area.width);
    let mut left = String::new();
    let mut position = String::new();
    if let Some(letter) = app.letter() {
        left.push(' ');
        left.push_str(&sanitize(letter.sender_or_unknown()));
        if let Some(s) = app.section_in_view()
            && let Some(section) = letter.sections.get(s)
        {
            let heading = section.heading.as_deref().map(sanitize).unwrap_or_default();
            left.push_str(format!(" · §{} {}", s + 1, heading).trim_end());
        }
        // The current paragraph as citations number it (through the letter).
        if let Some((section, paragraph)) = app.current_place() {
            let n = brieven::citation::paragraph_number(letter, section, paragraph);
            position.push_str(&format!(" · ¶ {n}"));
        }
        if let Some(page) = app.page_in_view() {
            position.push_str(&format!(" · {} {page}", app.lang.strings().page));
        }
        position.push_str(&format!(" · {} ", app.position_label()));
    }
    // The second text focused: its letter and place.
    if let Some(beside) = app.beside.as_ref().filter(|_| app.focus == Pane::Beside)
        && let Some(letter) = app.letters.get(beside.letter)
    {
        left = format!(" ⇄ {}", sanitize(letter.sender_or_unknown()));
        let max = beside.max_scroll(app.beside_page());
        position = format!(
            " · {} ",
            crate::tui::app::position_label(beside.scroll, max)
        );
    }
    let middle = match (&app.message, &app.find, &app.trail) {
        (Some(m), _, _) => sanitize(m).into_owned(),
        (None, Some(find), _) => format!(
            "{} · “{}” · n/N",
            find_count(app, find),
            sanitize(find.query.trim())
        ),
        (None, None, Some(t)) => format!(
            "{} · {} · n/N",
            brieven::i18n::fill_all(
                app.lang.strings().trail_position,
                &[&(t.index + 1).to_string(), &t.targets.len().to_string()]
            ),
            sanitize(&t.label)
        ),
        (None, None, None) => String::new(),
    };
    // While sentences are selected: which.
    let middle = match app.overlay() {
        Some(Overlay::Sentences(selection)) if app.message.is_none() => selection.label(app.lang),
        _ => middle,
    };
    let warnings = app.warning_count();
    let warn = if warnings > 0 {
        format!(" ⚠ {warnings} w ")
    } else {
        String::new()
    };
    let hint = hints(app);
    // Room goes to the left part first, then the middle, then the hints.
    let room = width.saturating_sub(warn.width()).min(width * 3 / 5);
    let left = fit(&left, room.saturating_sub(position.width())) + &position;
    let room = width.saturating_sub(left.width() + warn.width());
    let middle = fit(&middle, room);
    let room = room.saturating_sub(middle.width() + 2);
    let hint = if hint.width() < room {
        format!("{hint} ")
    } else if room > 7 {
        "? help ".to_string()
    } else {
        String::new()
    };
    let pad = width.saturating_sub(left.width() + middle.width() + hint.width() + warn.width());
    let (pad_left, pad_right) = (1.min(pad), pad.saturating_sub(1));
    let line = Line::from(vec![
        Span::styled(left, theme.status.patch(theme.title)),
        Span::raw(" ".repeat(pad_left)),
        Span::styled(middle, theme.status.patch(theme.warning)),
        Span::raw(" ".repeat(pad_right)),
        Span::raw(hint),
        Span::styled(warn, theme.status.patch(theme.warning)),
    ])
    .style(theme.status);
    frame.render_widget(Paragraph::new(line), area);
}

/// Where `n`/`N` are among the matches of the letter search: `3 of 17`, `– of 17` before one
/// is shown.
fn find_count(app: &App, find: &Find) -> String {
    let at = find.index.map_or("–".to_string(), |i| (i + 1).to_string());
    brieven::i18n::fill_all(
        app.lang.strings().trail_position,
        &[&at, &find.matches.len().to_string()],
    )
}

/// The status line as the prompt of the letter search: the pattern typed so far, then how
/// many matches it has, as less shows its `/` prompt on the bottom line.
fn draw_prompt(app: &App, frame: &mut Frame, area: Rect, label: &str, query: &str, count: &str) {
    let theme = &app.theme;
    let width = usize::from(area.width);
    let hint = hints(app);
    let right = format!("{count}  {hint} ");
    let room = width.saturating_sub(label.width() + 2 + right.width());
    // The end of a long pattern stays in view, where the typing is.
    let shown = tail(&sanitize(query), room);
    let used = shown.width();
    let pad = width.saturating_sub(label.width() + used + 2 + right.width());
    let line = Line::from(vec![
        Span::styled(format!(" {label}"), theme.status.patch(theme.title)),
        Span::raw(shown),
        Span::styled("▏", theme.status),
        Span::raw(" ".repeat(pad)),
        Span::styled(
            fit(&right, width.saturating_sub(label.width() + used + 2)),
            theme.status,
        ),
    ])
    .style(theme.status);
    frame.render_widget(Paragraph::new(line), area);
}
