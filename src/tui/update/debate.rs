//! The debate actions (issue 5): quoting with a citation, note URLs, pinning cue cards and
//! the stack overlay. Pure: the clipboard, the browser and the state file are reached through
//! the [`Effect`]s returned.

use brieven::citation::{Anchor, Citation};
use brieven::clipboard::OSC52_MAX_TEXT;
use brieven::i18n::{fill, reader_text};
use brieven::links::{LinkError, openable_url};
use brieven::state::CueCard;
use brieven::text::sanitize;

use super::Effect;
use crate::tui::action::Action;
use crate::tui::app::{App, Overlay, Pane, Prompt};
use crate::tui::memory::StateChange;
use crate::tui::ui::fit;

/// The most columns of a URL that a message about it shows (the status line may cut more).
const URL_COLUMNS: usize = 40;

/// What `y` and `m` take: the selected note, else the current paragraph.
pub fn anchor_in_view(app: &App) -> Option<Anchor> {
    if let Some(number) = selected_note(app) {
        return Some(Anchor::Note { number });
    }
    let (section, paragraph) = app.current_place()?;
    Some(Anchor::Paragraph { section, paragraph })
}

/// The note shown in the focused Footnotes pane (else its first), or the one whose marker
/// was selected with `f`.
pub fn selected_note(app: &App) -> Option<u32> {
    if app.focus == Pane::Footnotes {
        let in_view = app.notes_in_view();
        return app
            .note
            .filter(|n| in_view.contains(n))
            .or_else(|| in_view.first().copied());
    }
    let (b, m) = app.marker?;
    Some(app.doc.blocks.get(b)?.markers.get(m)?.number)
}

/// The citation of `anchor` in the open letter, note sources named when the register is there.
fn citation(app: &App, anchor: Anchor) -> Option<Citation> {
    Some(named_sources(app, Citation::of(app.letter()?, anchor)?))
}

/// `citation` (of the open letter) with its notes' sources named, when the register is there.
pub(super) fn named_sources(app: &App, citation: Citation) -> Citation {
    match &app.register {
        Some(register) => citation.name_sources(register, app.current),
        None => citation,
    }
}

/// `y`: the citation to the clipboard.
pub fn copy_citation(app: &mut App) -> Effect {
    let Some(citation) = anchor_in_view(app).and_then(|a| citation(app, a)) else {
        app.message = Some(app.lang.strings().msg_nothing_to_quote.into());
        return Effect::None;
    };
    copy(app, &citation)
}

/// `citation` to the clipboard, its quote cut to what a terminal takes in one OSC 52
/// sequence ([`OSC52_MAX_TEXT`]: longer copies are dropped by many), saying so when cut.
pub(super) fn copy(app: &mut App, citation: &Citation) -> Effect {
    let (text, cut) = citation.render_within(app.lang, OSC52_MAX_TEXT);
    app.message = Some(if cut {
        let kb = (text.len() / 1000).to_string();
        fill(reader_text(app.lang, CUT), &kb)
    } else {
        app.lang.strings().msg_copied_citation.into()
    });
    Effect::Clipboard(text)
}

/// The message of a copy cut to the terminals' limit.
const CUT: &str = "Cut to {} kB, the most terminals take in one copy; copied with its citation (if your terminal allows OSC 52)";

/// The first URL of the selected note, or why there is none.
fn note_url(app: &App) -> Result<String, &'static str> {
    let s = app.lang.strings();
    let number = selected_note(app).ok_or(s.msg_select_note)?;
    let note = app.letter().and_then(|l| l.footnote(number));
    note.and_then(|n| n.urls.first().cloned())
        .ok_or(s.msg_no_url)
}

/// `Y`: the selected note's URL to the clipboard.
pub fn copy_url(app: &mut App) -> Effect {
    match note_url(app) {
        Ok(url) => {
            app.message = Some(app.lang.strings().msg_copied_url.into());
            Effect::Clipboard(url)
        }
        Err(why) => {
            app.message = Some(why.into());
            Effect::None
        }
    }
}

/// `o`: the selected note's URL in the browser, http and https only; else what is wrong with
/// it, the URL shown sanitized and shortened.
pub fn open_url(app: &mut App) -> Effect {
    let s = app.lang.strings();
    match note_url(app) {
        Ok(url) => match openable_url(&url) {
            Ok(url) => {
                app.message = Some(fill(s.msg_opened_url, url));
                Effect::OpenUrl(url.to_string())
            }
            Err(e) => {
                let (why, url) = match &e {
                    LinkError::NotHttp(url) => (s.msg_not_http, url),
                    LinkError::Malformed(url) => (s.msg_bad_url, url),
                };
                app.message = Some(fill(why, &fit(&sanitize(url), URL_COLUMNS)));
                Effect::None
            }
        },
        Err(why) => {
            app.message = Some(why.into());
            Effect::None
        }
    }
}

/// `m`: a card for the paragraph or note in view on the current stack. Its time of pinning
/// is filled in by the event loop, which has a clock.
pub fn pin(app: &mut App) -> Effect {
    let s = app.lang.strings();
    let Some(anchor) = anchor_in_view(app) else {
        app.message = Some(s.msg_nothing_to_quote.into());
        return Effect::None;
    };
    let Some(cited) = citation(app, anchor) else {
        return Effect::None;
    };
    pin_cited(app, anchor, &cited)
}

/// A card for `cited` (a paragraph's or a note's citation, or part of a paragraph quoted with
/// its citation) at `anchor`, on the current stack.
pub(super) fn pin_cited(app: &mut App, anchor: Anchor, cited: &Citation) -> Effect {
    let s = app.lang.strings();
    let stack = app.state.current_stack_name().to_string();
    let card = CueCard {
        id: 0,
        letter: cited.letter.clone(),
        anchor,
        label: None,
        quote: cited.quote.clone().unwrap_or_default(),
        citation: Some(cited.render(app.lang)),
        pinned_at: 0,
    };
    app.message = Some(fill(s.msg_pinned, &stack));
    persist(app, StateChange::Pin { stack, card })
}

/// Applies `change` to the reader's copy of the state and sends it to the file.
pub fn persist(app: &mut App, change: StateChange) -> Effect {
    change.apply(&mut app.state);
    Effect::Persist(change)
}

/// The cards of the current stack.
pub fn cards(app: &App) -> &[CueCard] {
    crate::tui::cards_view::cards(&app.ctx())
}

/// An action in the label prompt; `None` when the prompt is not open.
pub fn label_action(app: &mut App, action: &Action) -> Option<Effect> {
    let Some(Overlay::Label { text, purpose }) = app.overlays.last_mut() else {
        return None;
    };
    let purpose = *purpose;
    match action {
        Action::Input(c) if text.chars().count() < 80 => text.push(*c),
        Action::DeleteChar => {
            text.pop();
        }
        Action::Close => {
            app.overlays.pop();
        }
        Action::Activate if purpose == Prompt::StackName => {
            let name = text.trim().to_string();
            app.overlays.pop();
            if name.is_empty() {
                return Some(Effect::None);
            }
            if let Some(Overlay::Cards(view)) = app.overlays.last_mut() {
                view.cursor.selected = 0;
            }
            return Some(persist(app, StateChange::SetCurrentStack(name)));
        }
        Action::Activate => {
            let label = text.trim().to_string();
            app.overlays.pop();
            let Some(Overlay::Cards(view)) = app.overlay() else {
                return Some(Effect::None);
            };
            let selected = view.cursor.selected;
            let stack = app.state.current_stack_name().to_string();
            let label = (!label.is_empty()).then_some(label);
            let Some(id) = cards(app).get(selected).map(|c| c.id) else {
                return Some(Effect::None);
            };
            let change = StateChange::Label { stack, id, label };
            return Some(persist(app, change));
        }
        Action::Quit => return None,
        _ => {}
    }
    Some(Effect::None)
}
