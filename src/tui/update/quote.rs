//! The sentence selection (`v`, as vim's visual mode by sentence): `j`/`k` move it a sentence,
//! `J`/`K` stretch it, `a` takes the whole paragraph, `y` copies it with the paragraph's
//! citation, `m` pins it as a cue card with that citation, `Esc` leaves. It stays inside the current paragraph.

use brieven::citation::{Anchor, Citation};

use super::Effect;
use super::debate::{copy, named_sources, pin_cited};
use crate::tui::action::Action;
use crate::tui::app::{App, Overlay, Pane, Shown};
use crate::tui::selection::Selection;

/// Messages of the selection, translated through the reader's table.
const NO_PARAGRAPH: &str = "No paragraph to select sentences in";
const LAST: &str = "Last sentence of the paragraph";
const FIRST: &str = "First sentence of the paragraph";

/// `v`: selects a sentence of the current paragraph, the one with the highlighted match when
/// there is one.
pub fn open(app: &mut App) {
    let Some(block) = app.current_paragraph() else {
        app.message = Some(text(app, NO_PARAGRAPH));
        return;
    };
    let at = app
        .highlight
        .as_ref()
        .filter(|h| h.letter == app.current && h.at == Shown::Block(block))
        .map(|h| source_char(app, block, h.range.start));
    let Some(selection) = app
        .letter()
        .and_then(|letter| Selection::new(letter, &app.doc, block, at))
    else {
        app.message = Some(text(app, NO_PARAGRAPH));
        return;
    };
    app.chosen = Some(block);
    app.focus = Pane::Reading;
    app.overlays.push(Overlay::Sentences(selection));
    show_cursor(app);
}

/// Handles `action` while the selection is on top; `None` when it is not the selection's.
pub fn selection_action(app: &mut App, action: &Action) -> Option<Effect> {
    let Some(Overlay::Sentences(selection)) = app.overlays.last_mut() else {
        return None;
    };
    let last = selection.sentences.len() - 1;
    let edge = match action {
        Action::Down | Action::ExtendSelection(1) if selection.cursor == last => Some(LAST),
        Action::Up | Action::ExtendSelection(-1) if selection.cursor == 0 => Some(FIRST),
        Action::Down => {
            selection.cursor += 1;
            selection.anchor = selection.cursor;
            None
        }
        Action::Up => {
            selection.cursor -= 1;
            selection.anchor = selection.cursor;
            None
        }
        Action::ExtendSelection(by) => {
            selection.cursor = selection.cursor.saturating_add_signed(isize::from(*by));
            None
        }
        Action::Top => {
            (selection.anchor, selection.cursor) = (0, last);
            None
        }
        Action::CopyCitation | Action::Activate => {
            let selection = selection.clone();
            app.overlays.pop();
            return Some(copy_selection(app, &selection));
        }
        Action::Pin => {
            let selection = selection.clone();
            app.overlays.pop();
            return Some(pin_selection(app, &selection));
        }
        Action::Close => {
            app.overlays.pop();
            return Some(Effect::None);
        }
        _ => return None,
    };
    if let Some(edge) = edge {
        app.message = Some(text(app, edge));
    }
    show_cursor(app);
    Some(Effect::None)
}

/// The selected sentences with the paragraph's citation (its notes' sources named).
fn excerpt(app: &App, selection: &Selection) -> Option<Citation> {
    let letter = app.letter()?;
    let chars = selection.chars();
    let cited = Citation::excerpt(letter, selection.section, selection.paragraph, chars)?;
    Some(named_sources(app, cited))
}

/// The selected sentences with the paragraph's citation to the clipboard.
fn copy_selection(app: &mut App, selection: &Selection) -> Effect {
    match excerpt(app, selection) {
        Some(citation) => copy(app, &citation),
        None => {
            app.message = Some(app.lang.strings().msg_nothing_to_quote.into());
            Effect::None
        }
    }
}

/// `m` in the selection: a card quoting the selected sentences with the paragraph's citation,
/// as `y` copies them.
fn pin_selection(app: &mut App, selection: &Selection) -> Effect {
    let anchor = Anchor::Paragraph {
        section: selection.section,
        paragraph: selection.paragraph,
    };
    match excerpt(app, selection) {
        Some(citation) => pin_cited(app, anchor, &citation),
        None => {
            app.message = Some(app.lang.strings().msg_nothing_to_quote.into());
            Effect::None
        }
    }
}

/// Scrolls so that the line where the moving end of the selection stands is in view.
fn show_cursor(app: &mut App) {
    let Some(Overlay::Sentences(selection)) = app.overlay() else {
        return;
    };
    let Some(block) = app.doc.blocks.get(selection.block) else {
        return;
    };
    let sentence = &selection.sentences[selection.cursor];
    let bytes = block.display_bytes(&[sentence.start, sentence.end]);
    let lines = block.first_line..block.first_line + block.line_count;
    let line_of = |byte: usize| {
        lines
            .clone()
            .find(|&l| app.doc.lines[l].range.end > byte)
            .unwrap_or(lines.end.saturating_sub(1))
    };
    let (top, bottom) = (line_of(bytes[0]), line_of(bytes[1].saturating_sub(1)));
    let page = app.page();
    if top < app.scroll {
        app.scroll = top;
    } else if bottom >= app.scroll + page {
        app.scroll = (bottom + 1).saturating_sub(page).min(top);
    }
}

/// The char of the paragraph's own text (markers not counted) at byte `byte` of block `b`'s
/// display text.
fn source_char(app: &App, b: usize, byte: usize) -> usize {
    let block = &app.doc.blocks[b];
    block
        .text
        .char_indices()
        .take_while(|&(i, _)| i < byte)
        .filter(|&(i, _)| !block.markers.iter().any(|m| m.range.contains(&i)))
        .count()
}

fn text(app: &App, english: &'static str) -> String {
    brieven::i18n::reader_text(app.lang, english).into()
}
