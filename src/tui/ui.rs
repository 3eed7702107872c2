//! Drawing: the layout of the screen for a size, and `render`, which draws the whole frame from
//! `&App` without changing anything. Each pane and overlay draws itself in `panes/`.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::app::{App, Overlay, Pane};
use super::component::Component;
use super::layout::MIN_SIZE;
use super::panes;

/// Draws the whole screen.
pub fn render(app: &App, frame: &mut Frame) {
    let areas = app.areas();
    if areas.too_small {
        let size = [app.size.0, app.size.1, MIN_SIZE.0, MIN_SIZE.1].map(|n| n.to_string());
        let msg = brieven::i18n::fill_all(
            app.lang.strings().msg_too_small,
            &size.each_ref().map(String::as_str),
        );
        frame.render_widget(
            Paragraph::new(fit(&msg, areas.body.width.into())),
            areas.body,
        );
        return;
    }
    if let Some(tabs) = areas.tabs {
        draw_tabs(app, frame, tabs);
    }
    if let Some(r) = areas.letters {
        panes::letters::draw(app, frame, r);
    }
    if let Some(r) = areas.outline {
        panes::outline::draw(app, frame, r);
    }
    if let Some(r) = areas.reading {
        panes::reading::draw(app, frame, r);
    }
    if let Some(r) = areas.footnotes {
        panes::footnotes::draw(app, frame, r);
    }
    if let Some(r) = areas.beside {
        panes::beside::draw(app, frame, r);
    }
    panes::status::draw(app, frame, areas.status);
    for overlay in &app.overlays {
        match overlay {
            Overlay::Pager(pager) => pager.draw(frame, frame.area(), &app.ctx()),
            Overlay::Search => {
                let area = frame.area();
                let area = Rect {
                    height: area.height.saturating_sub(1),
                    ..area
                };
                app.search.draw(frame, area, &app.ctx());
            }
            // The prompt is the status line's.
            Overlay::Find(_) | Overlay::LetterFilter { .. } => {}
            // The selection is the Reading pane's, the count the status line's.
            Overlay::Sentences(_) => {}
            Overlay::Register => app.register_view.draw(frame, frame.area(), &app.ctx()),
            Overlay::Cards(view) => view.draw(frame, frame.area(), &app.ctx()),
            Overlay::Positions(view) => view.draw(frame, frame.area(), &app.ctx()),
            Overlay::Timeline(view) => view.draw(frame, frame.area(), &app.ctx()),
            Overlay::Annotate(form) => form.draw(frame, frame.area(), &app.ctx()),
            Overlay::Label { text, purpose } => {
                panes::cards::draw_label_prompt(app, frame, text, *purpose)
            }
        }
    }
}

/// The tab line of narrow terminals: one label per pane (and the second letter's, one `Ctrl-w`
/// away, when open), the focused one marked; where each stands is `layout::tab_at`'s too.
fn draw_tabs(app: &App, frame: &mut Frame, area: Rect) {
    let mut spans = Vec::new();
    for (pane, label) in super::layout::tabs(app.lang, app.beside.is_some()) {
        let style = if pane == app.focus {
            app.theme.selected
        } else {
            app.theme.dim
        };
        spans.push(Span::styled(label, style));
        spans.push(Span::raw(" "));
    }
    spans.push(Span::styled(app.lang.strings().hint_tabs, app.theme.dim));
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// A bordered pane with its title; the focused pane's border stands out.
pub fn pane_block<'a>(app: &App, pane: Pane, title: String) -> Block<'a> {
    let focused = app.focus == pane;
    let border = if focused {
        app.theme.border_focused
    } else {
        app.theme.border
    };
    let title_style = if focused {
        app.theme.border_focused.patch(app.theme.title)
    } else {
        app.theme.title
    };
    Block::bordered()
        .border_style(border)
        .title(Span::styled(format!(" {title} "), title_style))
}

/// `head` then `tail` in `width` columns: when both do not fit, `head` is cut (with `…`) so
/// that `tail` stays whole (a sender cut so that its letter's date shows).
pub fn fit_head(head: &str, tail: &str, width: usize) -> String {
    let room = width.saturating_sub(tail.width());
    if head.width() <= room {
        return fit(&format!("{head}{tail}"), width);
    }
    fit(&format!("{}{tail}", fit(head, room)), width)
}

/// `s` cut to `width` columns, with `…` when cut.
pub fn fit(s: &str, width: usize) -> String {
    if s.width() <= width {
        return s.to_string();
    }
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = c.width().unwrap_or(0);
        if w + cw + 1 > width {
            break;
        }
        out.push(c);
        w += cw;
    }
    if width > 0 {
        out.push('…');
    }
    out
}

/// The last `width` columns of `s`, with `…` in front when cut.
pub fn tail(s: &str, width: usize) -> String {
    if s.width() <= width {
        return s.to_string();
    }
    let mut out: Vec<char> = Vec::new();
    let mut w = 1;
    for c in s.chars().rev() {
        let cw = c.width().unwrap_or(0);
        if w + cw > width {
            break;
        }
        w += cw;
        out.push(c);
    }
    out.push('…');
    out.into_iter().rev().collect()
}

/// Spans for `text[range]` in `base` style with `overlays` (byte ranges with a style) patched
/// on where they apply; later overlays win.
pub fn styled_spans<'a>(
    text: &'a str,
    range: std::ops::Range<usize>,
    base: Style,
    overlays: &[(std::ops::Range<usize>, Style)],
) -> Vec<Span<'a>> {
    let mut cuts = vec![range.start, range.end];
    for (r, _) in overlays {
        for b in [r.start, r.end] {
            if b > range.start && b < range.end && text.is_char_boundary(b) {
                cuts.push(b);
            }
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    cuts.windows(2)
        .map(|w| {
            let style = overlays
                .iter()
                .filter(|(r, _)| r.start <= w[0] && w[0] < r.end)
                .fold(base, |s, (_, o)| s.patch(*o));
            Span::styled(&text[w[0]..w[1]], style)
        })
        .collect()
}
