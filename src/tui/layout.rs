//! The geometry of the reader's screen, in one pure module that both `update` (clicks, the
//! wheel, scrolling a page) and the drawing read: where each pane and overlay goes for a
//! size, where the text sits in a pane, which row of a list is first on screen, and what a
//! click on the tab line hits. Nothing here draws or changes state.

use ratatui::layout::{Constraint, Flex, Layout, Rect};
use unicode_width::UnicodeWidthStr;

use super::app::Pane;

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

/// The layout for a terminal `area`, the focused pane, the number of letters and, when a
/// second letter is open beside the first, whether the two have swapped sides. Wide, the two
/// texts stand side by side over the notes (the open letter on the left, unless swapped);
/// narrow (one pane at a time), the second is shown when it has the focus.
pub fn layout(area: Rect, focus: Pane, letters: usize, beside: Option<bool>) -> Areas {
    let (beside, swapped) = (beside.is_some(), beside == Some(true));
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
        let [left, right] = Layout::horizontal([Constraint::Fill(1); 2]).areas(reading);
        if swapped {
            (right, Some(left))
        } else {
            (left, Some(right))
        }
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

/// The labels of the tab line of narrow terminals, in order: one per numbered pane, then the
/// second letter's when it is open (`beside`).
pub fn tabs(lang: brieven::i18n::Lang, beside: bool) -> Vec<(Pane, String)> {
    let mut tabs: Vec<(Pane, String)> = (Pane::ALL.into_iter().enumerate())
        .map(|(i, pane)| (pane, format!(" {} {} ", i + 1, pane.title(lang))))
        .collect();
    if beside {
        tabs.push((Pane::Beside, format!(" ⇄ {} ", Pane::Beside.title(lang))));
    }
    tabs
}

/// The tab at a column of the tab line (the tabs stand one column apart).
pub fn tab_at(col: u16, lang: brieven::i18n::Lang, beside: bool) -> Option<Pane> {
    let mut x = 0u16;
    for (pane, label) in tabs(lang, beside) {
        let w = label.width() as u16;
        if col >= x && col < x + w {
            return Some(pane);
        }
        x += w + 1;
    }
    None
}
