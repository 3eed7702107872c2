//! The reader while its letters load (issue 17). When the on-disk index of the letters is
//! current, the reader opens on it at once: the Letters pane from its rows (id, date, sender,
//! subject), the letter it opens on decoded from the cache by itself (`preview`), and the
//! search from the index: the search worker answers from it (`worker::spawn_index`, the CLI's
//! search, so the same hits) until the letters are in. A letter the user opens meanwhile (from
//! the Letters pane, a passage hit, `n`/`N` along the passages found) is decoded from the index
//! when it is opened; what needs every letter or the register (the register view, the
//! timeline, positions, an entity's occurrences, copying, the beside text, ...) waits: its key,
//! and every key after it, are kept and acted on in order once the letters are in. Then the
//! loaded letters take the rows' place in the same `App` (`App::take_letters`), so the
//! screen, the open letter, the query and its results stay as they were.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use brieven::cache::index::Index;
use brieven::i18n::fill_all;
use crossterm::event::Event;

use super::action::Action;
use super::app::{App, Overlay};
use super::component::ctx;

/// What the reader holds while the letters load.
pub struct Early {
    /// The index the rows came from; letters are decoded from it as they are opened.
    index: Arc<Index>,
    /// Which of the app's letters are decoded whole (the others are rows, with no text).
    decoded: Vec<bool>,
    /// Terminal events kept until the letters are in, in the order they came.
    pub deferred: Vec<Event>,
    /// How many letters are in so far, of `total`.
    done: Arc<AtomicUsize>,
    total: usize,
    /// The progress last put in the status line (replaced while it is still shown).
    progress: Option<String>,
}

impl Early {
    /// While `total` letters load (`done` counts them) into `app`, whose letters `whole`
    /// are decoded and the others are rows of `index`.
    pub fn new(
        index: Arc<Index>,
        app: &App,
        whole: &[usize],
        (done, total): (Arc<AtomicUsize>, usize),
    ) -> Early {
        let mut decoded = vec![false; app.letters.len()];
        for &i in whole {
            if let Some(d) = decoded.get_mut(i) {
                *d = true;
            }
        }
        Early {
            index,
            decoded,
            deferred: Vec::new(),
            done,
            total,
            // The progress takes the place of the message the reader opens with.
            progress: app.message.clone(),
        }
    }

    /// The index the reader opened on.
    pub fn index(&self) -> Arc<Index> {
        Arc::clone(&self.index)
    }

    /// Whether `action` is acted on now: the reading of the open letter, moving among the
    /// letters, the search and the help, unless a key before it waits for the letters; quitting,
    /// suspending and a resize always.
    pub fn acts_on(&self, action: &Action) -> bool {
        matches!(
            action,
            Action::Quit | Action::Suspend | Action::Redraw | Action::Resize(..)
        ) || (self.deferred.is_empty() && works_early(action))
    }

    /// Before `action` is acted on: decodes the letters it will show. Enter on a search hit
    /// lays out a trail through every passage found, each at its word: their letters.
    pub fn before(&mut self, app: &mut App, action: &Action) {
        if *action == Action::Activate && app.overlay() == Some(&Overlay::Search) {
            let hits = Arc::clone(&app.search.hits);
            for p in hits.iter().filter_map(|h| h.passage.as_ref()) {
                self.decode(app, p.letter_index);
            }
        }
    }

    /// After an action: the open letter decoded (and laid out again) if it is still a row, and
    /// the letter of the selected search hit, for its preview.
    pub fn after(&mut self, app: &mut App) {
        if self.decode(app, app.current) {
            super::update::reopen(app);
        }
        let selected = (app.search.selected_hit())
            .and_then(|h| h.passage.as_ref())
            .map(|p| p.letter_index);
        if let Some(l) = selected
            && self.decode(app, l)
        {
            app.search.refresh_preview(&ctx!(app));
        }
    }

    /// Shows how far loading has come in the status line, unless something else is there: a
    /// message, or the place in a trail or a search of the letter (`n`/`N`).
    pub fn show_progress(&mut self, app: &mut App) {
        if app.trail.is_some() || app.find.is_some() {
            self.clear_progress(app);
            return;
        }
        if app.message.is_some() && app.message != self.progress {
            return;
        }
        let done = self.done.load(Ordering::Relaxed).to_string();
        let text = fill_all(
            app.lang.strings().msg_loading,
            &[&done, &self.total.to_string()],
        );
        app.message = Some(text.clone());
        self.progress = Some(text);
    }

    /// Takes the progress out of the status line (the letters are in).
    pub fn clear_progress(&self, app: &mut App) {
        if app.message.is_some() && app.message == self.progress {
            app.message = None;
        }
    }

    /// Decodes letter `i` into `app` unless it is already; whether it was decoded now. A
    /// letter the index cannot give (damaged) stays a row.
    fn decode(&mut self, app: &mut App, i: usize) -> bool {
        match self.decoded.get(i) {
            Some(false) => {}
            _ => return false,
        }
        let Some(letter) = self.index.letter(i) else {
            return false;
        };
        self.decoded[i] = true;
        if let Some(slot) = Arc::make_mut(&mut app.letters).get_mut(i) {
            *slot = (*letter).clone();
        }
        true
    }
}

/// The actions that need no more than the rows and the letters opened (see the module's
/// comment).
fn works_early(action: &Action) -> bool {
    use Action::*;
    matches!(
        action,
        Quit | Suspend
            | Redraw
            | Resize(..)
            | Close
            | FocusNext
            | FocusPrev
            | FocusPane(_)
            | Down
            | Up
            | PageDown
            | PageUp
            | HalfPageDown
            | HalfPageUp
            | Top
            | Bottom
            | NextParagraph
            | PrevParagraph
            | NextSection
            | PrevSection
            | NextLetter
            | PrevLetter
            | NextMarker
            | PrevMarker
            | Activate
            | Help
            | Search
            | Input(_)
            | DeleteChar
            | ClearInput
            | KeepQuery
            | NextOccurrence
            | PrevOccurrence
            | SearchResults(..)
    )
}

/// A reader on `letters` as `old` was made (theme, size, language, keys, the saved state), for
/// letters that are not those of the rows it opened on.
pub fn fresh(
    old: &App,
    letters: Vec<brieven::model::Letter>,
    warnings: Vec<String>,
    state: &brieven::state::State,
) -> App {
    let mut app = App::new(letters, warnings, old.theme, old.size);
    app.lang = old.lang;
    app.doc = app.build_doc();
    app.key_overrides = old.key_overrides.clone();
    app.state = state.clone();
    super::restore::restore(&mut app);
    app
}

/// Whether the letters loaded are those of the rows, in the same order (the index was current
/// when the reader opened; a letter file changed since would make the load differ).
pub fn same_letters(app: &App, letters: &[brieven::model::Letter]) -> bool {
    app.letters.len() == letters.len()
        && (app.letters.iter().zip(letters)).all(|(row, letter)| row.id == letter.id)
}
