//! Drawing: the layout of the screen for a size, and `render`, which draws the whole frame from
//! `&App` without changing anything. Each pane and overlay draws itself in `panes/`.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::app::{App, Overlay, Pane};
use super::component::Component;
use super::panes;

/// Below this many columns only one pane is shown at a time.
pub const WIDE: u16 = 100;
/// Below this size nothing but a "too small" line is drawn.
pub const MIN_SIZE: (u16, u16) = (40, 10);
/// The widest the text of a letter is set, however wide the pane.
pub const MAX_TEXT_WIDTH: u16 = 100;

/// Where everything goes on the screen.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Areas {
    /// Whether the terminal is too small to draw the reader.
    pub too_small: bool,
    /// The tab line (narrow terminals only).
    pub tabs: Option<Rect>,
    pub letters: Option<Rect>,
    pub outline: Option<Rect>,
    pub reading: Option<Rect>,
    pub footnotes: Option<Rect>,
    /// The second letter's Reading pane (`|`).
    pub beside: Option<Rect>,
    /// Everything between the tab line and the status line.
    pub body: Rect,
    pub status: Rect,
}

impl Areas {
    /// The area of a pane, when shown.
    pub fn pane(&self, pane: Pane) -> Option<Rect> {
        match pane {
            Pane::Letters => self.letters,
            Pane::Outline => self.outline,
            Pane::Reading => self.reading,
            Pane::Footnotes => self.footnotes,
            Pane::Beside => self.beside,
        }
    }

    /// The Reading pane's area, or where it would be when another pane has the screen.
    pub fn reading_or_body(&self) -> Rect {
        self.reading.unwrap_or(self.body)
    }

    /// The pane at a screen position.
    pub fn pane_at(&self, col: u16, row: u16) -> Option<Pane> {
        let pos = ratatui::layout::Position::new(col, row);
        Pane::ALL
            .into_iter()
            .chain([Pane::Beside])
            .find(|&p| self.pane(p).is_some_and(|r| r.contains(pos)))
    }
}

/// The layout for a terminal `area`, the focused pane, the number of letters and whether a
/// second letter is open beside the first. Wide, the two texts stand side by side over the
/// notes; narrow (one pane at a time), the second is shown when it has the focus.
pub fn layout(area: Rect, focus: Pane, letters: usize, beside: bool) -> Areas {
    if area.width < MIN_SIZE.0 || area.height < MIN_SIZE.1 {
        return Areas {
            too_small: true,
            body: area,
            ..Areas::default()
        };
    }
    let [rest, status] = Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(area);
    if area.width < WIDE {
        let [tabs, body] =
            Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(rest);
        let mut areas = Areas {
            tabs: Some(tabs),
            body,
            status,
            ..Areas::default()
        };
        match focus {
            Pane::Letters => areas.letters = Some(body),
            Pane::Outline => areas.outline = Some(body),
            Pane::Reading => areas.reading = Some(body),
            Pane::Footnotes => areas.footnotes = Some(body),
            Pane::Beside if beside => areas.beside = Some(body),
            Pane::Beside => areas.reading = Some(body),
        }
        return areas;
    }
    let left = (area.width / 3).clamp(30, 48);
    let [left, right] =
        Layout::horizontal([Constraint::Length(left), Constraint::Fill(1)]).areas(rest);
    let letters_height = (letters as u16).saturating_add(2).clamp(3, left.height / 2);
    let [letters, outline] =
        Layout::vertical([Constraint::Length(letters_height), Constraint::Fill(1)]).areas(left);
    let notes_height = (right.height * 3 / 10).clamp(5, 14);
    let [reading, footnotes] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(notes_height)]).areas(right);
    let (reading, beside) = if beside {
        let [first, second] = Layout::horizontal([Constraint::Fill(1); 2]).areas(reading);
        (first, Some(second))
    } else {
        (reading, None)
    };
    Areas {
        too_small: false,
        tabs: None,
        letters: Some(letters),
        outline: Some(outline),
        reading: Some(reading),
        footnotes: Some(footnotes),
        beside,
        body: rest,
        status,
    }
}

/// Where the text goes inside the Reading pane: within the border, one column of padding.
pub fn text_area(pane: Rect) -> Rect {
    let inner = pane.inner(ratatui::layout::Margin::new(1, 1));
    let x = inner.x.saturating_add(1);
    let width = inner.width.saturating_sub(2).min(MAX_TEXT_WIDTH);
    Rect::new(x, inner.y, width, inner.height)
}

/// The first row to show of a list of `len` rows so that `selected` is visible in `height`.
pub fn list_offset(selected: usize, len: usize, height: usize) -> usize {
    let height = height.max(1);
    selected
        .saturating_sub(height - 1)
        .min(len.saturating_sub(height))
}

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
            Overlay::Help { scroll } => panes::help::draw(app, frame, *scroll),
            Overlay::Warnings { scroll } => panes::warnings::draw(app, frame, *scroll),
            Overlay::Article { link, scroll } => panes::article::draw(app, frame, *link, *scroll),
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
            Overlay::Cards { selected } => panes::cards::draw(app, frame, *selected),
            Overlay::Positions {
                selected,
                by_sender,
            } => panes::positions::draw(app, frame, *selected, *by_sender),
            Overlay::Timeline {
                selected,
                newest_first,
            } => panes::timeline::draw(app, frame, *selected, *newest_first),
            Overlay::Annotate(form) => form.draw(frame, frame.area(), &app.ctx()),
            Overlay::Label { text, purpose } => {
                panes::cards::draw_label_prompt(app, frame, text, *purpose)
            }
        }
    }
}

/// The tab line of narrow terminals: one label per pane, the focused one marked.
fn draw_tabs(app: &App, frame: &mut Frame, area: Rect) {
    let mut spans = Vec::new();
    for (i, pane) in Pane::ALL.into_iter().enumerate() {
        let style = if pane == app.focus {
            app.theme.selected
        } else {
            app.theme.dim
        };
        spans.push(Span::styled(
            format!(" {} {} ", i + 1, pane.title(app.lang)),
            style,
        ));
        spans.push(Span::raw(" "));
    }
    // The second letter, one `Ctrl-w` away.
    if app.beside.is_some() {
        let style = if app.focus == Pane::Beside {
            app.theme.selected
        } else {
            app.theme.dim
        };
        spans.push(Span::styled(
            format!(" ⇄ {} ", Pane::Beside.title(app.lang)),
            style,
        ));
        spans.push(Span::raw(" "));
    }
    spans.push(Span::styled(app.lang.strings().hint_tabs, app.theme.dim));
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// The pane at a column of the tab line.
pub fn tab_at(col: u16, lang: brieven::i18n::Lang) -> Option<Pane> {
    let mut x = 0u16;
    for (i, pane) in Pane::ALL.into_iter().enumerate() {
        let w = format!(" {} {} ", i + 1, pane.title(lang)).width() as u16;
        if col >= x && col < x + w {
            return Some(pane);
        }
        x += w + 1;
    }
    None
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
