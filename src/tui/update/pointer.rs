//! Resizes, clicks and the mouse wheel: where on screen an event falls, and what it does.

use super::{anchor_line, jump, jump_to_line, move_in_pane, open_letter, scroll_by};
use unicode_width::UnicodeWidthChar;

use crate::tui::app::{App, Pane};
use crate::tui::document::{BlockKind, LIST_INDENT};
use crate::tui::{layout, panes};

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
    super::beside::rewrap(app, None);
}

pub fn click(app: &mut App, col: u16, row: u16) {
    let areas = app.areas();
    if let Some(tabs) = areas.tabs
        && row == tabs.y
    {
        if let Some(p) = layout::tab_at(col, app.lang, app.beside.is_some()) {
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
            if let Some(&index) = app.list.get(i) {
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
        Pane::Reading => click_text(app, col, row),
        Pane::Beside => {}
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
        Pane::Beside => super::beside::scroll(app, isize::from(delta)),
        _ => move_in_pane(app, isize::from(delta.signum())),
    }
    app.focus = focus;
}

/// A click on a note marker in the text selects it and shows its note.
fn click_text(app: &mut App, col: u16, row: u16) {
    let text = app.text_area();
    if row < text.y || col < text.x {
        return;
    }
    let line = app.scroll + usize::from(row - text.y);
    let Some(doc_line) = app.doc.lines.get(line) else {
        return;
    };
    let Some(b) = doc_line.block else { return };
    let block = &app.doc.blocks[b];
    let mut x = usize::from(col - text.x);
    if let BlockKind::Paragraph { list: true, .. } = block.kind {
        let Some(rest) = x.checked_sub(LIST_INDENT) else {
            return;
        };
        x = rest;
    }
    let mut columns = 0;
    let mut byte = None;
    for (i, c) in block.text[doc_line.range.clone()].char_indices() {
        columns += c.width().unwrap_or(0);
        if columns > x {
            byte = Some(doc_line.range.start + i);
            break;
        }
    }
    let Some(byte) = byte else { return };
    if let Some(m) = block.markers.iter().position(|m| m.range.contains(&byte)) {
        app.marker = Some((b, m));
        app.note = Some(block.markers[m].number);
    }
}
