//! The jump list, as in vim: where you were before each jump, to go back and forth.

use super::open_letter;
use crate::tui::app::{Anchor, App};

/// The most positions the jump list keeps, as in vim.
const MAX_JUMPS: usize = 100;

/// Carries out `go`, recording where we were in the jump list when it moved us.
pub fn jump(app: &mut App, go: impl FnOnce(&mut App)) {
    let here = app.anchor();
    go(app);
    if app.anchor() != here {
        let jumps = &mut app.jumps;
        jumps.entries.truncate(jumps.index);
        if jumps.entries.last() != Some(&here) {
            jumps.entries.push(here);
        }
        if jumps.entries.len() > MAX_JUMPS {
            jumps.entries.remove(0);
        }
        jumps.index = jumps.entries.len();
    }
}

pub fn jump_back(app: &mut App) {
    if app.jumps.index == 0 {
        app.message = Some("At the oldest position of the jump list".into());
        return;
    }
    if app.jumps.index == app.jumps.entries.len() {
        let here = app.anchor();
        app.jumps.entries.push(here);
    }
    app.jumps.index -= 1;
    let to = app.jumps.entries[app.jumps.index];
    go_to(app, to);
}

pub fn jump_forward(app: &mut App) {
    if app.jumps.index + 1 >= app.jumps.entries.len() {
        app.message = Some("At the newest position of the jump list".into());
        return;
    }
    app.jumps.index += 1;
    let to = app.jumps.entries[app.jumps.index];
    go_to(app, to);
}

/// Shows `anchor` without recording a jump.
fn go_to(app: &mut App, anchor: Anchor) {
    if anchor.letter != app.current && anchor.letter < app.letters.len() {
        open_letter(app, anchor.letter);
    }
    app.scroll = anchor_line(app, anchor);
}

pub fn anchor_line(app: &App, anchor: Anchor) -> usize {
    match app.doc.blocks.get(anchor.block) {
        Some(b) => b.first_line + anchor.line.min(b.line_count),
        None => 0,
    }
}
