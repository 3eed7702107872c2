//! The help overlay: every key binding, grouped, straight from the keymap's data.

use brieven::i18n::reader_text;
use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use crate::tui::app::App;
use crate::tui::keymap::{BINDINGS, Context, label, translated};
use crate::tui::panes::letters::stance_mark;

/// The rectangle an overlay takes: centred, at most `width` columns and `height` rows, a
/// margin all round.
pub fn overlay_area(area: Rect, width: u16, height: usize) -> Rect {
    let height = u16::try_from(height).unwrap_or(u16::MAX);
    let [row] = Layout::vertical([Constraint::Length(
        height.min(area.height.saturating_sub(2)),
    )])
    .flex(Flex::Center)
    .areas(area);
    let [rect] = Layout::horizontal([Constraint::Length(width.min(area.width.saturating_sub(4)))])
        .flex(Flex::Center)
        .areas(row);
    rect
}

/// The help text, one line per binding under its group's title; keys the config file set
/// replace the defaults of the main screen.
pub fn lines(app: &App) -> Vec<Line<'static>> {
    let (theme, lang) = (&app.theme, app.lang);
    let mut lines = Vec::new();
    let mut group = "";
    for b in BINDINGS.iter() {
        let (title, help) = translated(b, lang).unwrap_or((b.group, b.help));
        let (title, help) = (reader_text(lang, title), reader_text(lang, help));
        if b.group != group {
            if !lines.is_empty() {
                lines.push(Line::default());
            }
            lines.push(Line::from(Span::styled(title, theme.heading)));
            group = b.group;
        }
        let configured: Vec<String> = app
            .key_overrides
            .iter()
            .filter(|(_, a)| b.context == Context::Panes && *a == b.action)
            .map(|(k, _)| label(k))
            .collect();
        let keys: Vec<String> = if configured.is_empty() {
            b.keys.iter().map(label).collect()
        } else {
            configured
        };
        lines.push(Line::from(vec![
            Span::styled(format!("  {:<23}", keys.join(" ")), theme.key),
            Span::raw(help),
        ]));
    }
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(
        reader_text(lang, "Stance marks"),
        theme.heading,
    )));
    let mut legend = vec![Span::raw("  ")];
    for stance in [
        brieven::model::Stance::Supports,
        brieven::model::Stance::Opposes,
        brieven::model::Stance::Mixed,
        brieven::model::Stance::Neutral,
    ] {
        legend.push(stance_mark(Some(stance), theme));
        legend.push(Span::raw(format!(" {}   ", lang.stance(stance))));
    }
    lines.push(Line::from(legend));
    lines
}

/// Columns one column of help needs.
const COLUMN: u16 = 56;

pub fn draw(app: &App, frame: &mut Frame, scroll: usize) {
    let lines = lines(app);
    let two = frame.area().width >= 2 * COLUMN + 6;
    if !two {
        let area = overlay_area(frame.area(), COLUMN + 14, lines.len() + 2);
        draw_scrolling(
            app,
            frame,
            area,
            &format!(" {} ", app.lang.strings().title_keys),
            lines,
            scroll,
        );
        return;
    }
    // Two columns, split at the group boundary nearest the middle.
    let middle = lines.len() / 2;
    let split = (0..lines.len())
        .filter(|&i| lines[i].spans.is_empty())
        .min_by_key(|&i| i.abs_diff(middle))
        .unwrap_or(middle);
    let (left, right) = lines.split_at(split);
    let right: Vec<Line> = right.iter().skip(1).cloned().collect();
    let rows = left.len().max(right.len());
    let area = overlay_area(frame.area(), 2 * COLUMN + 3, rows + 2);
    let mut merged = Vec::with_capacity(rows);
    for i in 0..rows {
        let mut spans = left.get(i).cloned().unwrap_or_default().spans;
        let used: usize = spans.iter().map(|s| s.width()).sum();
        spans.push(Span::raw(
            " ".repeat(usize::from(COLUMN + 1).saturating_sub(used)),
        ));
        spans.extend(right.get(i).cloned().unwrap_or_default().spans);
        merged.push(Line::from(spans));
    }
    draw_scrolling(
        app,
        frame,
        area,
        &format!(" {} ", app.lang.strings().title_keys),
        merged,
        scroll,
    );
}

/// A bordered overlay with `lines`, scrolled to `scroll` (clamped so the end stays in view).
pub fn draw_scrolling(
    app: &App,
    frame: &mut Frame,
    area: Rect,
    title: &str,
    lines: Vec<Line<'static>>,
    scroll: usize,
) {
    let block = Block::bordered()
        .border_style(app.theme.border_focused)
        .title(Span::styled(title.to_string(), app.theme.title));
    let inner = block.inner(area);
    let height = usize::from(inner.height);
    let scroll = scroll.min(lines.len().saturating_sub(height));
    let more = lines.len() > scroll + height;
    frame.render_widget(Clear, area);
    let block = if more {
        block.title_bottom(Span::styled(app.lang.strings().more_below, app.theme.dim))
    } else {
        block
    };
    frame.render_widget(block, area);
    let visible: Vec<Line> = lines.into_iter().skip(scroll).take(height).collect();
    frame.render_widget(Paragraph::new(visible), inner);
}
