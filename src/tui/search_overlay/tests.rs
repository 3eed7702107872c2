//! The search overlay as a component: a reopened query is replaced by typing, kept by an
//! arrow; the preview is of the selected hit, with its matches marked in the whole passage.

use std::sync::Arc;

use crate::tui::action::Action;
use crate::tui::app::{App, Overlay};
use crate::tui::component::ctx;
use crate::tui::fixtures;
use crate::tui::update::{Effect, update};

/// The fixture reader with the register built, `query` typed into `/` and its results in.
fn searched(query: &str) -> App {
    let mut app = fixtures::app(120, 36);
    let register = Arc::new(brieven::register::Register::build(&app.letters));
    update(&mut app, Action::RegisterReady(register.clone()));
    update(&mut app, Action::Search);
    for c in query.chars() {
        update(&mut app, Action::Input(c));
    }
    deliver(&mut app, &register);
    app
}

/// The worker's answer to the query typed.
fn deliver(app: &mut App, register: &brieven::register::Register) {
    let query = &app.search.query;
    let results = crate::tui::worker::answer((&app.letters, register), &app.index, query, 50);
    let seq = app.search.sent;
    update(app, Action::SearchResults(seq, results));
}

/// The query each effect of typing `keys` asks the worker for.
fn typed(app: &mut App, keys: &[Action]) -> Vec<String> {
    keys.iter()
        .filter_map(|k| match update(app, k.clone()) {
            Effect::Search { query, .. } => Some(query),
            _ => None,
        })
        .collect()
}

#[test]
fn reopening_shows_the_last_query_selected_and_typing_replaces_it() {
    let mut app = searched("internet watch");
    update(&mut app, Action::Close);
    assert_eq!(app.overlay(), None);
    update(&mut app, Action::Search);
    assert_eq!(app.overlay(), Some(&Overlay::Search));
    assert!(app.search.replace, "the old query is shown selected");
    assert_eq!(app.search.query, "internet watch");
    // Moving among the results keeps it selected; the first character replaces it.
    update(&mut app, Action::Down);
    assert!(app.search.replace);
    let sent = typed(&mut app, &[Action::Input('n'), Action::Input('c')]);
    assert_eq!(sent, ["n", "nc"]);
    assert!(!app.search.replace);
    // Backspace on a selected query clears it all.
    update(&mut app, Action::Close);
    update(&mut app, Action::Search);
    assert_eq!(typed(&mut app, &[Action::DeleteChar]), [""]);
    // An arrow or End keeps it, to edit: typing then appends.
    app.search.query = "internet".into();
    update(&mut app, Action::Close);
    update(&mut app, Action::Search);
    update(&mut app, Action::KeepQuery);
    assert!(!app.search.replace);
    let sent = typed(&mut app, &[Action::Input(' '), Action::Input('w')]);
    assert_eq!(sent, ["internet ", "internet w"]);
    // An empty query is nothing to replace.
    app.search.query.clear();
    update(&mut app, Action::Close);
    update(&mut app, Action::Search);
    assert!(!app.search.replace);
}

#[test]
fn the_preview_is_the_selected_hits_whole_passage_with_every_match_marked() {
    let mut app = searched("internet watch");
    // The first row is an entity: its first occurrence in date order, the name marked.
    let hit = app.search.selected_hit().unwrap().clone();
    assert!(hit.entity.is_some());
    let p = app
        .search
        .preview()
        .expect("a preview of the first row")
        .clone();
    let marked: Vec<String> = (p.marks.iter())
        .map(|&(s, e)| p.text.chars().skip(s).take(e - s).collect())
        .collect();
    assert_eq!(marked, ["Internet Watch Foundation"], "{p:?}");
    assert!(
        p.title.starts_with("Offlimits, 2024-09-18 · "),
        "{}",
        p.title
    );
    // Down to a passage: its whole text, every word found marked, its place named.
    while app
        .search
        .selected_hit()
        .is_some_and(|h| h.passage.is_none())
    {
        update(&mut app, Action::Down);
    }
    let hit = app.search.selected_hit().unwrap().clone();
    let passage = hit.passage.as_ref().unwrap();
    let p = app
        .search
        .preview()
        .expect("a preview of the passage")
        .clone();
    let letter = &app.letters[passage.letter_index];
    let text = brieven::register::place_text(letter, passage.place).unwrap();
    assert_eq!(p.text, text.replace('\n', " "));
    let marked: Vec<String> = (p.marks.iter())
        .map(|&(s, e)| p.text.chars().skip(s).take(e - s).collect::<String>())
        .map(|w| w.to_lowercase())
        .collect();
    assert!(
        marked.len() >= 2 && marked.iter().all(|w| w == "internet" || w == "watch"),
        "{marked:?}"
    );
    assert!(
        p.title.contains('¶') || p.title.contains("note"),
        "{}",
        p.title
    );
    // A preview is of one row: selecting another without making it shows none.
    app.search.cursor.selected = 0;
    assert!(app.search.preview().is_none());
    app.search.select(0, &ctx!(app));
    assert!(app.search.preview().is_some());
}

#[test]
fn enter_jumps_and_closes_and_a_missing_register_says_so() {
    let mut app = searched("internet watch");
    update(&mut app, Action::Activate);
    assert_eq!(app.overlay(), None);
    assert!(app.trail.is_some());
    let mut app = fixtures::app(120, 36);
    update(&mut app, Action::Search);
    update(&mut app, Action::Activate);
    assert_eq!(app.overlay(), Some(&Overlay::Search));
    assert_eq!(
        app.message.as_deref(),
        Some(app.lang.strings().msg_computing)
    );
}

#[test]
fn before_the_register_enter_on_a_passage_jumps_and_on_a_name_says_it_is_built() {
    let mut app = searched("internet watch");
    app.register = None;
    let row = |app: &App, passage: bool| {
        (0..app.search.order.len())
            .find(|&r| app.search.hits[app.search.order[r]].passage.is_some() == passage)
            .expect("a row")
    };
    let name = row(&app, false);
    app.search.select(name, &ctx!(app));
    update(&mut app, Action::Activate);
    assert_eq!(app.overlay(), Some(&Overlay::Search));
    assert_eq!(
        app.message.as_deref(),
        Some(app.lang.strings().msg_computing)
    );
    let passage = row(&app, true);
    app.search.select(passage, &ctx!(app));
    update(&mut app, Action::Activate);
    assert_eq!(app.overlay(), None);
    let trail = app.trail.as_ref().expect("the passages' trail");
    let hit = app.search.hits[app.search.order[passage]]
        .passage
        .clone()
        .unwrap();
    assert_eq!(app.current, hit.letter_index);
    assert!(trail.label.contains("internet watch"), "{}", trail.label);
}

#[test]
fn a_long_senders_hits_keep_their_date() {
    let mut app = fixtures::app(120, 36);
    let long = "Minister van Justitie en Veiligheid en van Asiel en Migratie";
    Arc::make_mut(&mut app.letters)[0].sender = Some(long.into());
    let register = Arc::new(brieven::register::Register::build(&app.letters));
    update(&mut app, Action::RegisterReady(register.clone()));
    update(&mut app, Action::Search);
    for c in "internet watch".chars() {
        update(&mut app, Action::Input(c));
    }
    deliver(&mut app, &register);
    let screen = crate::tui::snapshot_tests::screen(&app);
    let rows: Vec<&str> = (screen.lines())
        .filter(|l| l.contains("§2 ¶3") || l.contains("note 2"))
        .collect();
    assert_eq!(
        rows.len(),
        3,
        "the two rows and the preview's title:\n{screen}"
    );
    for row in rows {
        assert!(row.contains("Minister van"), "{row}");
        assert!(
            row.contains(", 2024-09-18 "),
            "the sender is cut, not the date: {row}"
        );
    }
}
