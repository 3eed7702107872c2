//! The second letter beside the first (`|`): opening it with the open letter at its place (as
//! vim's `:vsplit`; the Letters pane then picks the letter to compare it with), `Ctrl-w`
//! between the two texts, `Enter` in it to swap the two, scrolling it, and wrapping it again
//! when its width changes.

use brieven::i18n::{fill, reader_text};

use super::pointer::resize;
use super::{jump, open_letter};
use crate::tui::action::Action;
use crate::tui::app::{App, Pane};
use crate::tui::beside::Beside;
use crate::tui::document::Document;

const OPENED: &str =
    "{} stays beside: pick the letter to compare it with (Ctrl-w switches, | closes)";
const OPENED_NARROW: &str = "One text at a time here: Ctrl-w switches";
const CLOSED: &str = "Second letter closed";
const NONE: &str = "No second letter: | opens one";

/// `|`: opens the second pane with the open letter at its place, the focus in the Letters
/// pane to pick the other; closes it when it is open.
pub fn toggle(app: &mut App) {
    if app.beside.take().is_some() {
        app.sides_swapped = false;
        if app.focus == Pane::Beside {
            app.focus = Pane::Reading;
        }
        app.message = Some(reader_text(app.lang, CLOSED).into());
        resize(app, app.size.0, app.size.1);
        return;
    }
    let Some(letter) = app.letter() else {
        return;
    };
    let sender = brieven::text::sanitize(letter.sender_or_unknown()).into_owned();
    let anchor = app.anchor();
    app.beside = Some(Beside {
        letter: app.current,
        doc: Document::default(),
        scroll: 0,
    });
    // The first text narrows to make room: wrapped again, at its place.
    resize(app, app.size.0, app.size.1);
    rewrap(app, Some((anchor.block, anchor.line)));
    app.focus = Pane::Letters;
    let narrow = app.areas().tabs.is_some();
    app.message = Some(if narrow {
        reader_text(app.lang, OPENED_NARROW).into()
    } else {
        fill(reader_text(app.lang, OPENED), &sender)
    });
}

/// `Ctrl-w`: the focus to the other text.
pub fn switch(app: &mut App) {
    if app.beside.is_none() {
        app.message = Some(reader_text(app.lang, NONE).into());
        return;
    }
    app.focus = if app.focus == Pane::Beside {
        Pane::Reading
    } else {
        Pane::Beside
    };
}

/// `Enter` in the second pane: its letter becomes the open one (at the place it shows) and the
/// open one goes beside, so search, notes, `y` and `m` reach it.
pub fn swap(app: &mut App) {
    let Some(beside) = app.beside.clone() else {
        return;
    };
    let (first, here) = (app.current, app.anchor());
    let at = beside.doc.block_at(beside.scroll);
    let line = beside.scroll - beside.doc.blocks.get(at).map_or(0, |b| b.first_line);
    jump(app, |app| {
        open_letter(app, beside.letter);
        let first_line = app.doc.blocks.get(at).map_or(0, |b| b.first_line);
        app.scroll = (first_line + line).min(app.max_scroll());
        app.chosen = None;
    });
    if let Some(b) = app.beside.as_mut() {
        b.letter = first;
    }
    rewrap(app, Some((here.block, here.line)));
    app.focus = Pane::Reading;
}

/// Whether `action` is one of the reading tools that work on the open letter: its search, its
/// notes and markers, the current paragraph and what takes it (quoting, pinning, sentences),
/// its sections, its articles and its annotation.
pub fn is_reading_tool(action: &Action) -> bool {
    matches!(
        action,
        Action::FindInLetter
            | Action::NextOccurrence
            | Action::PrevOccurrence
            | Action::NextMarker
            | Action::PrevMarker
            | Action::NextParagraph
            | Action::PrevParagraph
            | Action::NextSection
            | Action::PrevSection
            | Action::CopyCitation
            | Action::CopyUrl
            | Action::OpenUrl
            | Action::Pin
            | Action::SelectSentences
            | Action::OpenArticle
            | Action::Annotate
    )
}

/// A reading tool used in the second text: the two letters trade places in the reader's state
/// (the one with the focus becomes the open letter, which the tools and the Footnotes pane
/// work on) and the halves they are drawn in trade too, so nothing moves on screen; the focus
/// stays on that text, now the Reading pane.
pub fn take_tools(app: &mut App) {
    let Some(beside) = app.beside.take() else {
        return;
    };
    let here = app.anchor();
    let at = beside.doc.block_at(beside.scroll);
    let line = beside.scroll - beside.doc.blocks.get(at).map_or(0, |b| b.first_line);
    app.positions.insert(app.current, here);
    app.beside = Some(Beside {
        letter: app.current,
        doc: Document::default(),
        scroll: 0,
    });
    app.current = beside.letter;
    app.sides_swapped = !app.sides_swapped;
    app.focus = Pane::Reading;
    app.doc = app.build_doc();
    let first = app.doc.blocks.get(at).map_or(0, |b| b.first_line);
    app.scroll = (first + line).min(app.max_scroll().max(first));
    (app.marker, app.note, app.chosen) = (None, None, None);
    rewrap(app, Some((here.block, here.line)));
    super::find::follow_letter(app);
}

/// Scrolls the second text by `delta` lines (`isize::MIN`/`MAX`: to either end).
pub fn scroll(app: &mut App, delta: isize) {
    let page = app.beside_page();
    if let Some(beside) = app.beside.as_mut() {
        beside.scroll_by(delta, page);
    }
}

/// Wraps the second letter for its pane's width when that changed (or it was never
/// wrapped), keeping its place; `at` (a block and a line in it) puts it elsewhere.
pub fn rewrap(app: &mut App, at: Option<(usize, usize)>) {
    let width = usize::from(app.beside_text_area().width);
    let page = app.beside_page();
    let lang = app.lang;
    let letters = std::sync::Arc::clone(&app.letters);
    let Some(beside) = app.beside.as_mut() else {
        return;
    };
    let Some(letter) = letters.get(beside.letter) else {
        return;
    };
    if at.is_none() && width == beside.doc.width && !beside.doc.lines.is_empty() {
        return;
    }
    let (block, line) = at.unwrap_or_else(|| {
        let b = beside.doc.block_at(beside.scroll);
        let first = beside.doc.blocks.get(b).map_or(0, |b| b.first_line);
        (b, beside.scroll.saturating_sub(first))
    });
    beside.doc = Document::build_in(letter, beside.letter, width, lang);
    let first = beside.doc.blocks.get(block).map_or(0, |b| b.first_line);
    beside.scroll = (first + line).min(beside.max_scroll(page));
}
