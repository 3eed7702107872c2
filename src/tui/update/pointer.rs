//! Resizes, clicks and the mouse wheel: where on screen an event falls, and what it does.

use super::{anchor_line, jump, jump_to_line, move_in_pane, open_letter, scroll_by};
use crate::tui::app::{App, Pane};
use crate::tui::{panes, ui};

pub fn resize(app: &mut App, w: u16, h: u16) {
    let anchor = app.anchor();
    app.size = (w, h);
    let width = usize::from(app.text_area().width);
    if width != app.doc.width {
        app.doc = app.build_doc();
        app.highlight = None;
        app.scroll = anchor_line(app, anchor);
    }
    app.scroll = app.scroll.min(app.doc.lines.len().saturating_sub(1));
}

pub fn click(app: &mut App, col: u16, row: u16) {
    let areas = app.areas();
    if let Some(tabs) = areas.tabs
        && row == tabs.y
    {
        if let Some(p) = ui::tab_at(col) {
            app.focus = p;
        }
        return;
    }
    let Some(pane) = areas.pane_at(col, row) else {
        return;
    };
    app.focus = pane;
    let Some(rect) = areas.pane(pane) else { return };
    let height = usize::from(rect.height.saturating_sub(2));
    let Some(r) = usize::from(row).checked_sub(usize::from(rect.y) + 1) else {
        return;
    };
    if r >= height {
        return;
    }
    match pane {
        Pane::Letters => {
            let i = panes::letters::offset(app, height) + r;
            if let Some(&index) = app.order.get(i) {
                jump(app, |app| open_letter(app, index));
            }
        }
        Pane::Outline => {
            let i = panes::outline::offset(app, height) + r;
            if app.letter().is_some_and(|l| i < l.sections.len()) {
                let line = app.doc.section_line(i);
                jump_to_line(app, line);
            }
        }
        Pane::Footnotes => {
            let notes = app.notes_in_view();
            let (first, rows) = panes::footnotes::list_rows(app, &notes, height);
            if r < rows
                && let Some(&n) = notes.get(first + r)
            {
                app.note = Some(n);
            }
        }
        Pane::Reading => {}
    }
}

pub fn wheel(app: &mut App, col: u16, row: u16, delta: i16) {
    let Some(pane) = app.areas().pane_at(col, row) else {
        return;
    };
    let focus = app.focus;
    app.focus = pane;
    match pane {
        Pane::Reading => scroll_by(app, isize::from(delta)),
        _ => move_in_pane(app, isize::from(delta.signum())),
    }
    app.focus = focus;
}
