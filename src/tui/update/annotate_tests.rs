//! The annotation form (`a`) without a terminal: what it saves, where the stance and summary
//! then show (Letters pane order, positions rows, the letter's header), and that a form left
//! at the letter's own values keeps nothing.

use std::sync::Arc;

use brieven::listing::LetterSort;
use brieven::model::Stance;

use super::*;
use crate::tui::fixtures;
use crate::tui::memory::StateChange;

const HOSTILE: usize = 2;

#[test]
fn a_stance_and_summary_given_show_everywhere_and_are_saved_by_id() {
    let mut app = fixtures::app(120, 36);
    let register = Arc::new(brieven::register::Register::build(&app.letters));
    update(&mut app, Action::RegisterReady(register));
    open_letter(&mut app, HOSTILE);
    assert_eq!(app.stance(HOSTILE), None);
    update(&mut app, Action::Annotate);
    assert!(matches!(app.overlay(), Some(Overlay::Annotate(_))));
    for a in [Action::NextTab, Action::NextTab, Action::Down] {
        update(&mut app, a);
    }
    for c in "Tegen scannen".chars() {
        update(&mut app, Action::Input(c));
    }
    let Effect::Persist(StateChange::Annotate { letter, annotation }) =
        update(&mut app, Action::Activate)
    else {
        panic!("saving an annotation")
    };
    assert_eq!(letter, app.letters[HOSTILE].id);
    assert_eq!(annotation.stance, Some(Stance::Opposes));
    assert_eq!(annotation.summary.as_deref(), Some("Tegen scannen"));
    assert_eq!(app.overlay(), None);
    // The reader's copy of the state has it, and every view shows it.
    assert_eq!(app.stance(HOSTILE), Some(Stance::Opposes));
    let rows = app.position_rows.clone().unwrap();
    let row = rows.iter().find(|r| r.letter == HOSTILE).unwrap();
    assert_eq!(row.stance, Some(Stance::Opposes));
    assert_eq!(row.summary.as_deref(), Some("Tegen scannen"));
    let summary = (app.doc.blocks.iter())
        .find(|b| b.kind == crate::tui::document::BlockKind::Summary)
        .map(|b| b.text.clone());
    assert_eq!(summary.as_deref(), Some("opposes — Tegen scannen"));
    // Sorted by stance, it stands with the letters that oppose: after supports and mixed.
    while app.list_sort != LetterSort::Stance {
        update(&mut app, Action::SortLetters);
    }
    assert_eq!(app.list.last(), Some(&HOSTILE));
    // The letters themselves are as they were read.
    assert_eq!(app.letters[HOSTILE].stance, None);
}

#[test]
fn a_form_left_at_the_letters_own_values_keeps_nothing_and_emptied_it_goes() {
    let mut app = fixtures::app(120, 36);
    // The Kinderrechtencollectief's sidecar says it supports: Enter at once keeps nothing.
    update(&mut app, Action::Annotate);
    let Effect::Persist(StateChange::Annotate { annotation, .. }) =
        update(&mut app, Action::Activate)
    else {
        panic!("saving")
    };
    assert!(annotation.is_empty(), "{annotation:?}");
    assert!(app.state.annotations.is_empty());
    // Given, then emptied again: the letter's own stance is back.
    update(&mut app, Action::Annotate);
    update(&mut app, Action::NextTab);
    update(&mut app, Action::Activate);
    assert_eq!(app.stance(app.current), Some(Stance::Opposes));
    update(&mut app, Action::Annotate);
    update(&mut app, Action::ClearInput);
    update(&mut app, Action::Activate);
    assert_eq!(app.stance(app.current), Some(Stance::Supports));
    assert!(app.state.annotations.is_empty());
    // Esc leaves everything as it was.
    update(&mut app, Action::Annotate);
    update(&mut app, Action::NextTab);
    assert_eq!(update(&mut app, Action::Close), Effect::None);
    assert_eq!(app.overlay(), None);
    assert!(app.state.annotations.is_empty());
}
