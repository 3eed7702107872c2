//! Unit tests of the search overlay, the register view and `n`/`N`, without a terminal.

use super::*;
use crate::tui::app::Shown;
use crate::tui::fixtures;
use crate::tui::lookup::Results;

const OFFLIMITS: usize = 0;

fn with_register(app: &mut App) -> std::sync::Arc<brieven::register::Register> {
    let register = std::sync::Arc::new(brieven::register::Register::build(&app.letters));
    update(app, Action::RegisterReady(register.clone()));
    register
}

fn results(app: &App, register: &brieven::register::Register) -> Results {
    let query = &app.search.query;
    crate::tui::worker::answer((&app.letters, register), &app.index, query, 50)
}

/// With the register built: `query` typed in the search overlay and the worker's results for
/// it delivered.
fn search(app: &mut App, query: &str) {
    let register = with_register(app);
    update(app, Action::Search);
    for c in query.chars() {
        update(app, Action::Input(c));
    }
    let (hits, seq) = (results(app, &register), app.search.sent);
    update(app, Action::SearchResults(seq, hits));
}

/// The block and byte range of the highlight, which is in the text.
fn in_text(app: &App) -> (usize, std::ops::Range<usize>) {
    let h = app.highlight.clone().expect("highlighted");
    let Shown::Block(b) = h.at else {
        panic!("highlighted in the text: {h:?}")
    };
    (b, h.range)
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
    update(&mut app, Action::SearchResults(3, Results::default()));
    assert_eq!(app.search.hits, hits.hits, "older results are dropped");
    assert!(matches!(
        update(&mut app, Action::DeleteChar),
        Effect::Search { seq: 6, .. }
    ));
    assert_eq!(app.search.query, "watc");
}

#[test]
fn enter_on_a_result_jumps_highlights_and_n_steps_through_every_occurrence() {
    let mut app = fixtures::app(120, 36);
    search(&mut app, "internet watch");
    let first = app.search.selected_hit().unwrap();
    assert_eq!(first.label, "Internet Watch Foundation");
    update(&mut app, Action::Activate);
    assert!(app.overlays.is_empty());
    assert_eq!(app.current, OFFLIMITS);
    assert_eq!(app.focus, Pane::Reading, "the text shows the hit");
    let trail = app.trail.clone().unwrap();
    assert_eq!(trail.targets.len(), 4);
    assert_eq!(trail.index, 0);
    let (b, h) = in_text(&app);
    assert_eq!(&app.doc.blocks[b].text[h], "Internet Watch Foundation");
    let before = (b, app.scroll);
    update(&mut app, Action::NextOccurrence);
    assert_eq!(app.trail.as_ref().unwrap().index, 1);
    let (b, h) = in_text(&app);
    assert_ne!(b, before.0);
    assert_eq!(&app.doc.blocks[b].text[h], "Internet Watch Foundation");
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
            let (b, _) = in_text(&app);
            let block = &app.doc.blocks[b];
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

/// A note of the Offlimits fixture rewritten to hold curly quotes, accented capitals and a
/// superscript before the words searched for.
const NOTE_4: &str = "Kamerstukken II 2023/24, 26643, nr. 1100; zie ’t advies ‘Één lijn’ \
                      (bijlage²) over detectiebevelen en hun toetsing.";

#[test]
fn a_hit_in_a_note_is_highlighted_where_the_footnotes_pane_shows_it() {
    for (w, h) in [(120, 36), (80, 24)] {
        let mut app = fixtures::app(w, h);
        std::sync::Arc::make_mut(&mut app.letters)[OFFLIMITS].footnotes[3].text = NOTE_4.into();
        search(&mut app, "notes: detectiebevelen");
        update(&mut app, Action::Activate);
        let h = app.highlight.clone().expect("highlighted");
        assert_eq!((h.letter, h.at), (OFFLIMITS, Shown::Note(4)), "{w} columns");
        let note = app.letter().unwrap().footnote(4).unwrap();
        let text = crate::tui::document::note_text(note);
        assert_eq!(&text[h.range.clone()], "detectiebevelen");
        // The note is the one shown in full, and its marker is in view.
        assert_eq!(app.note, Some(4));
        assert!(app.notes_in_view().contains(&4));
        // One pane at a time: the Footnotes pane, where the hit is.
        let pane = if w < crate::tui::layout::WIDE {
            Pane::Footnotes
        } else {
            Pane::Reading
        };
        assert_eq!(app.focus, pane);
    }
}

#[test]
fn one_pane_at_a_time_n_shows_the_pane_with_the_hit() {
    let mut app = fixtures::app(80, 24);
    search(&mut app, "internet watch");
    update(&mut app, Action::Activate);
    let targets = app.trail.as_ref().unwrap().targets.len();
    let mut seen = Vec::new();
    for _ in 0..=targets {
        let h = app.highlight.clone().expect("highlighted");
        let pane = match h.at {
            Shown::Note(_) => Pane::Footnotes,
            Shown::Block(_) => Pane::Reading,
        };
        assert_eq!(app.focus, pane, "{h:?}");
        seen.push(pane);
        update(&mut app, Action::NextOccurrence);
    }
    // From the text to the note and back.
    assert!(seen.contains(&Pane::Footnotes) && seen.last() == Some(&Pane::Reading));
}
