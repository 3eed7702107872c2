//! The jump list, as in vim: where you were before each jump, to go back and forth.

use super::open_letter;
use crate::tui::app::{Anchor, App, Highlight, Pane, Shown, Spot, Target};

/// The most positions the jump list keeps, as in vim.
const MAX_JUMPS: usize = 100;

/// Carries out `go`, recording where we were in the jump list when it moved us.
pub fn jump(app: &mut App, go: impl FnOnce(&mut App)) {
    let here = app.anchor();
    go(app);
    record_jump(app, here);
}

/// Records `here`, where the reader was before it moved, in the jump list (nothing when it
/// did not move).
pub fn record_jump(app: &mut App, here: Anchor) {
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
        app.message = Some(app.lang.strings().msg_oldest_jump.into());
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
        app.message = Some(app.lang.strings().msg_newest_jump.into());
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
    app.chosen = None;
}

pub fn anchor_line(app: &App, anchor: Anchor) -> usize {
    match app.doc.blocks.get(anchor.block) {
        Some(b) => b.first_line + anchor.line.min(b.line_count),
        None => 0,
    }
}

/// Jumps to `target`: opens its letter, brings it into view a third down the pane and
/// highlights it. A note is shown in the Footnotes pane, what was found in it highlighted
/// there, and its first marker selected and brought into view. One pane at a time: the pane
/// with the highlight is shown.
pub fn show_target(app: &mut App, target: Target) {
    if target.letter >= app.letters.len() {
        return;
    }
    jump(app, |app| {
        open_letter(app, target.letter);
        // A header field: where it stands, and what was found in it.
        let in_field = match target.spot {
            Spot::Meta { field: Some(field) } => app.doc.field_range(field, target.at, target.len),
            _ => None,
        };
        let block = match target.spot {
            Spot::Paragraph { section, paragraph } => app.doc.paragraph_block(section, paragraph),
            Spot::Heading { section } => app.doc.heading_block(section),
            Spot::Meta { .. } => Some(in_field.as_ref().map_or(0, |(b, _)| *b)),
            Spot::Footnote { number } => {
                app.note = Some(number);
                let found = app.doc.blocks.iter().enumerate().find_map(|(b, block)| {
                    block
                        .markers
                        .iter()
                        .position(|m| m.number == number)
                        .map(|m| (b, m))
                });
                app.marker = found;
                found.map(|(b, _)| b)
            }
        };
        let in_note = app.note_range(&target).map(|(number, range)| Highlight {
            letter: app.current,
            at: Shown::Note(number),
            range,
        });
        let Some(b) = block.filter(|&b| b < app.doc.blocks.len()) else {
            app.highlight = in_note;
            return;
        };
        let range = match target.spot {
            Spot::Footnote { .. } => 0..0,
            Spot::Meta { .. } => in_field.map_or(0..0, |(_, range)| range),
            _ => app.target_range(b, &target).unwrap_or(0..0),
        };
        app.chosen = Some(b);
        let block = &app.doc.blocks[b];
        let line = app.doc.lines[block.first_line..block.first_line + block.line_count]
            .iter()
            .position(|l| l.range.end > range.start)
            .map_or(block.first_line, |i| block.first_line + i);
        app.highlight = in_note.or_else(|| {
            (!range.is_empty()).then_some(Highlight {
                letter: app.current,
                at: Shown::Block(b),
                range,
            })
        });
        let visible = app.visible();
        if !visible.contains(&line) {
            app.scroll = line.saturating_sub(app.page() / 3);
        }
    });
    if app.areas().tabs.is_some()
        && let Some(h) = &app.highlight
    {
        app.focus = match h.at {
            Shown::Note(_) => Pane::Footnotes,
            Shown::Block(_) => Pane::Reading,
        };
    }
}
