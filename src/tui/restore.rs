//! Reading positions and the jump list across runs: on start the reader goes back to where it
//! was last (the newest entry of the saved jump list, as vim's `'0`); on a letter change and
//! on quit it saves the position and the jump list through the state store. Positions are
//! kept by paragraph (section and paragraph), which survives a different terminal width.

use std::collections::HashMap;

use brieven::state::{Jump, ReadingPosition, StateStore};

use super::app::{Anchor, App};
use super::document::{BlockKind, Document};
use super::memory::StateChange;

/// The saved form of a place in the open letter or in a letter whose document is `doc`.
fn reading_position(doc: &Document, anchor: Anchor) -> ReadingPosition {
    let (section, paragraph) = doc.blocks[..=anchor.block.min(doc.blocks.len().saturating_sub(1))]
        .iter()
        .rev()
        .find_map(|b| match b.kind {
            BlockKind::Paragraph {
                section, paragraph, ..
            } => Some((section, paragraph)),
            BlockKind::Heading { section } => Some((section, 0)),
            _ => None,
        })
        .unwrap_or((0, 0));
    ReadingPosition {
        section,
        paragraph,
        scroll: anchor.line,
    }
}

/// The anchor of a saved position in `doc`.
fn anchor_of(doc: &Document, letter: usize, position: ReadingPosition) -> Anchor {
    let block = doc
        .paragraph_block(position.section, position.paragraph)
        .unwrap_or(0);
    Anchor {
        letter,
        block,
        line: 0,
    }
}

/// Documents of the letters `anchors` are in (the open one from the app).
fn documents(app: &App, letters: impl Iterator<Item = usize>) -> HashMap<usize, Document> {
    let width = usize::from(app.text_area().width);
    let mut docs = HashMap::new();
    for i in letters {
        if i == app.current || docs.contains_key(&i) {
            continue;
        }
        if let Some(letter) = app.letters.get(i) {
            docs.insert(i, Document::build_in(letter, i, width, app.lang));
        }
    }
    docs
}

/// Goes back to the saved place and jump list (called once, before the first frame).
pub fn restore(app: &mut App) {
    let index_of = |id: &str| app.index.by_id(id);
    let mut saved: Vec<(usize, ReadingPosition)> = app
        .state
        .jumps
        .entries
        .iter()
        .filter_map(|j| Some((index_of(&j.letter)?, j.position)))
        .collect();
    let Some((letter, position)) = saved.pop() else {
        return;
    };
    super::update::open_letter(app, letter);
    let docs = documents(app, saved.iter().map(|(i, _)| *i));
    app.jumps.entries = saved
        .iter()
        .map(|&(i, p)| anchor_of(docs.get(&i).unwrap_or(&app.doc), i, p))
        .collect();
    app.jumps.index = app.jumps.entries.len();
    let here = anchor_of(&app.doc, letter, position);
    app.scroll = app
        .doc
        .blocks
        .get(here.block)
        .map_or(0, |b| b.first_line)
        .min(app.max_scroll());
}

/// The positions in the letters opened and the jump list (the current place as its newest
/// entry), to save.
pub fn change(app: &App) -> Option<StateChange> {
    let letter = app.letter()?;
    let here = app.anchor();
    let position = reading_position(&app.doc, here);
    let letters = app.jumps.entries.iter().map(|a| a.letter);
    let docs = documents(app, letters.chain(app.positions.keys().copied()));
    let saved = |a: &Anchor| {
        let doc = docs.get(&a.letter).unwrap_or(&app.doc);
        Some((
            app.letters.get(a.letter)?.id.clone(),
            reading_position(doc, *a),
        ))
    };
    let mut jumps: Vec<Jump> = app
        .jumps
        .entries
        .iter()
        .filter_map(saved)
        .map(|(letter, position)| Jump { letter, position })
        .collect();
    jumps.push(Jump {
        letter: letter.id.clone(),
        position,
    });
    let mut positions: Vec<(String, ReadingPosition)> = app
        .positions
        .values()
        .filter(|a| a.letter != app.current)
        .filter_map(saved)
        .collect();
    positions.push((letter.id.clone(), position));
    Some(StateChange::Positions { positions, jumps })
}

/// Saves the position and jump list (on quit and when another letter is opened).
pub fn save(app: &mut App, store: &mut StateStore) {
    if let Some(change) = change(app) {
        store.update(|state| change.apply(state));
        app.state = store.state().clone();
        app.corpus_warnings.extend(store.take_warnings());
    }
}

#[cfg(test)]
mod tests {
    use brieven::state::State;

    use super::*;
    use crate::tui::action::Action;
    use crate::tui::app::Pane;
    use crate::tui::fixtures;
    use crate::tui::update::{open_letter, update};

    #[test]
    fn the_place_and_the_jump_list_survive_a_restart() {
        let mut app = fixtures::app(120, 36);
        open_letter(&mut app, 0);
        app.focus = Pane::Reading;
        update(&mut app, Action::NextSection);
        update(&mut app, Action::NextSection);
        let section = app.section_in_view();
        let jumps = app.jumps.entries.len();
        assert!(section.is_some() && jumps > 0);

        let mut state = State::default();
        change(&app).unwrap().apply(&mut state);
        let mut again = fixtures::app(80, 24);
        assert_ne!(again.current, 0);
        again.state = state;
        restore(&mut again);
        assert_eq!(again.current, 0);
        assert_eq!(again.section_in_view(), section);
        assert_eq!(again.jumps.entries.len(), jumps);
        update(&mut again, Action::JumpBack);
        assert!(again.section_in_view() < section);
    }

    #[test]
    fn saving_beside_a_huge_letter_keeps_both_places() {
        use brieven::model::{Letter, Paragraph, Section};
        let huge = Letter {
            id: "huge".into(),
            sections: vec![Section {
                heading: Some("Groot".into()),
                paragraphs: (0..2_000)
                    .map(|i| Paragraph {
                        text: format!("Alinea {i} over de verordening. ").repeat(40),
                        ..Paragraph::default()
                    })
                    .collect(),
                line: 1,
                page: None,
            }],
            ..Letter::default()
        };
        let letters = vec![huge, fixtures::offlimits()];
        let mut app = App::new(
            letters,
            Vec::new(),
            crate::tui::theme::Theme::plain(),
            (120, 36),
        );
        app.focus = Pane::Reading;
        for action in [
            Action::Bottom,
            Action::NextLetter,
            Action::Bottom,
            Action::PrevLetter,
        ] {
            update(&mut app, action);
        }
        assert_eq!(app.letter().unwrap().id, "offlimits-test");
        let dir = tempfile::tempdir().unwrap();
        let mut store = StateStore::open(Some(dir.path().join("state.json")));
        // (How long this takes is for a benchmark, not a test: a timed test fails on a busy
        // machine.)
        save(&mut app, &mut store);
        assert!(store.state().positions.contains_key("huge"));
        assert!(
            store
                .state()
                .jumps
                .entries
                .iter()
                .any(|j| j.letter == "huge")
        );
    }
}
