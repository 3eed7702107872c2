//! Unit tests of the search overlay, the register view and `n`/`N`, without a terminal.

use super::*;
use crate::tui::fixtures;

const OFFLIMITS: usize = 0;

fn with_register(app: &mut App) -> std::sync::Arc<brieven::register::Register> {
    let register = std::sync::Arc::new(brieven::register::Register::build(&app.letters));
    update(app, Action::RegisterReady(register.clone()));
    register
}

fn results(
    app: &App,
    register: &brieven::register::Register,
) -> std::sync::Arc<Vec<brieven::search::Hit>> {
    let index = brieven::search::SearchIndex::new(&app.letters, register);
    std::sync::Arc::new(index.search(&app.letters, register, &app.search.query, 50))
}

#[test]
fn typing_asks_the_worker_and_only_the_newest_results_count() {
    let mut app = fixtures::app(120, 36);
    let register = with_register(&mut app);
    update(&mut app, Action::Search);
    assert_eq!(app.overlay(), Some(&Overlay::Search));
    let mut seqs = Vec::new();
    for c in "watch".chars() {
        match update(&mut app, Action::Input(c)) {
            Effect::Search { seq, query } => seqs.push((seq, query)),
            other => panic!("{other:?}"),
        }
    }
    assert_eq!(seqs.last(), Some(&(5, "watch".to_string())));
    assert!(app.search.pending());
    let hits = results(&app, &register);
    update(&mut app, Action::SearchResults(5, hits.clone()));
    assert!(!app.search.pending() && !app.search.order.is_empty());
    update(
        &mut app,
        Action::SearchResults(3, std::sync::Arc::new(Vec::new())),
    );
    assert_eq!(app.search.hits, hits, "older results are dropped");
    assert!(matches!(
        update(&mut app, Action::DeleteChar),
        Effect::Search { seq: 6, .. }
    ));
    assert_eq!(app.search.query, "watc");
}

#[test]
fn enter_on_a_result_jumps_highlights_and_n_steps_through_every_occurrence() {
    let mut app = fixtures::app(120, 36);
    let register = with_register(&mut app);
    update(&mut app, Action::Search);
    for c in "internet watch".chars() {
        update(&mut app, Action::Input(c));
    }
    let (hits, seq) = (results(&app, &register), app.search.sent);
    update(&mut app, Action::SearchResults(seq, hits));
    let first = app.search.selected_hit().unwrap();
    assert_eq!(first.label, "Internet Watch Foundation");
    update(&mut app, Action::Activate);
    assert!(app.overlays.is_empty());
    assert_eq!(app.current, OFFLIMITS);
    assert_eq!(app.focus, Pane::Reading, "the text shows the hit");
    let trail = app.trail.clone().unwrap();
    assert_eq!(trail.targets.len(), 4);
    assert_eq!(trail.index, 0);
    let h = app.highlight.clone().unwrap();
    assert_eq!(
        &app.doc.blocks[h.block].text[h.range.clone()],
        "Internet Watch Foundation"
    );
    let before = (h.block, app.scroll);
    update(&mut app, Action::NextOccurrence);
    assert_eq!(app.trail.as_ref().unwrap().index, 1);
    let h = app.highlight.clone().unwrap();
    assert_ne!(h.block, before.0);
    assert_eq!(
        &app.doc.blocks[h.block].text[h.range.clone()],
        "Internet Watch Foundation"
    );
    update(&mut app, Action::PrevOccurrence);
    update(&mut app, Action::PrevOccurrence);
    assert_eq!(app.trail.as_ref().unwrap().index, 3, "wraps around");
    // The last one is in a note: shown in the Footnotes pane, its marker selected.
    assert_eq!(app.note, Some(2));
    assert!(app.marker.is_some());
}

#[test]
fn n_without_a_search_says_what_to_do() {
    let mut app = fixtures::app(120, 36);
    update(&mut app, Action::NextOccurrence);
    assert!(app.message.as_deref().unwrap().contains("/ searches"));
}

#[test]
fn the_register_lists_entries_then_occurrences_then_jumps() {
    let mut app = fixtures::app(120, 36);
    update(&mut app, Action::Register);
    assert_eq!(
        update(&mut app, Action::Activate),
        Effect::None,
        "no register yet"
    );
    with_register(&mut app);
    let view = app.register_view.clone();
    assert_eq!((view.tab, view.selected, view.concordance), (0, 0, None));
    update(&mut app, Action::Activate);
    let (entity, row) = app.register_view.concordance.unwrap();
    assert_eq!(row, 0);
    assert_eq!(
        app.register.as_ref().unwrap().entities[entity].label,
        "Internet Watch Foundation"
    );
    update(&mut app, Action::Down);
    assert_eq!(app.register_view.concordance, Some((entity, 1)));
    update(&mut app, Action::Close);
    assert_eq!(
        app.register_view.concordance, None,
        "Esc goes back to the list"
    );
    assert_eq!(app.overlay(), Some(&Overlay::Register));
    update(&mut app, Action::Activate);
    update(&mut app, Action::Down);
    update(&mut app, Action::Activate);
    assert!(app.overlays.is_empty());
    assert_eq!(app.trail.as_ref().unwrap().index, 1);
    assert!(app.highlight.is_some());
    update(&mut app, Action::Register);
    update(&mut app, Action::NextTab);
    assert_eq!((app.register_view.tab, app.register_view.selected), (1, 0));
    update(&mut app, Action::PrevTab);
    update(&mut app, Action::PrevTab);
    assert_eq!(app.register_view.tab, 3);
}

#[test]
fn a_hit_in_a_letters_header_is_shown_and_highlighted_where_it_stands() {
    use crate::tui::document::{BlockKind, MetaField};
    use brieven::register::Place;
    let mut app = fixtures::app(120, 36);
    let register = with_register(&mut app);
    let mut fields = Vec::new();
    for entity in &register.entities {
        for o in entity.occurrences.iter().filter(|o| o.place == Place::Meta) {
            let target = crate::tui::lookup::occurrence_target(&app.letters, entity, o);
            let Spot::Meta { field: Some(field) } = target.spot else {
                panic!("{}: no header field for {o:?}", entity.label);
            };
            // From another letter, scrolled away from the header.
            let elsewhere = (o.letter_index() + 1) % app.letters.len();
            open_letter(&mut app, elsewhere);
            app.scroll = app.max_scroll();
            show_target(&mut app, target);
            let letter = &app.letters[o.letter_index()];
            let found = match field {
                MetaField::Date => app.lang.date_long(letter.date.unwrap()),
                _ => {
                    let text = brieven::register::meta_text(letter, entity, o).unwrap();
                    let text = brieven::text::sanitize(text);
                    let chars = o.chars();
                    text.chars().skip(chars.start).take(chars.len()).collect()
                }
            };
            let h = app
                .highlight
                .clone()
                .unwrap_or_else(|| panic!("{}: {field:?} not highlighted", entity.label));
            assert_eq!(
                (h.letter, app.current),
                (o.letter_index(), o.letter_index())
            );
            let block = &app.doc.blocks[h.block];
            assert!(
                !matches!(
                    block.kind,
                    BlockKind::Paragraph { .. } | BlockKind::Heading { .. }
                ),
                "{:?}",
                block.kind
            );
            assert_eq!(&block.text[h.range.clone()], found, "{}", entity.label);
            let line = app.doc.lines[block.first_line..]
                .iter()
                .position(|l| l.range.end > h.range.start)
                .unwrap();
            assert!(
                app.visible().contains(&(block.first_line + line)),
                "in view"
            );
            fields.push(std::mem::discriminant(&field));
        }
    }
    for kind in [
        MetaField::Sender,
        MetaField::Recipient(0),
        MetaField::Subject,
        MetaField::Signatory(0),
        MetaField::Date,
    ] {
        assert!(
            fields.contains(&std::mem::discriminant(&kind)),
            "the fixtures have a {kind:?} hit"
        );
    }
}
