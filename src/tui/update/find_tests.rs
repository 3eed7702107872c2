//! The search in the open letter (`s`), typed as a person types: keys through the keymap, then
//! `update`.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

use super::*;
use crate::tui::app::Shown;
use crate::tui::keymap::action_for;

use super::tests::reading;

/// Types `keys` (`\r` Enter, `\x1b` Esc, `\t` Tab, `\x7f` Backspace, `^u` Ctrl-u) and returns
/// the last effect.
pub(super) fn press(app: &mut App, keys: &str) -> Effect {
    let mut effect = Effect::None;
    let mut chars = keys.chars().peekable();
    while let Some(c) = chars.next() {
        let (code, mods) = match c {
            '\r' => (KeyCode::Enter, KeyModifiers::NONE),
            '\x1b' => (KeyCode::Esc, KeyModifiers::NONE),
            '\t' => (KeyCode::Tab, KeyModifiers::NONE),
            '\x7f' => (KeyCode::Backspace, KeyModifiers::NONE),
            '^' => (
                KeyCode::Char(chars.next().expect("a key after ^")),
                KeyModifiers::CONTROL,
            ),
            c => (KeyCode::Char(c), KeyModifiers::NONE),
        };
        if let Some(action) = action_for(app, &Event::Key(KeyEvent::new(code, mods))) {
            effect = update(app, action);
        }
    }
    effect
}

/// The text of the match shown as the current one.
fn current_text(app: &App) -> String {
    let h = app.highlight.as_ref().expect("a current match");
    let Shown::Block(b) = h.at else {
        panic!("in a note")
    };
    app.doc.blocks[b].text[h.range.clone()].to_string()
}

fn index(app: &App) -> Option<usize> {
    app.find.as_ref().and_then(|f| f.index)
}

#[test]
fn typing_moves_the_view_to_the_first_match_from_where_you_were() {
    let mut app = reading(120, 36);
    press(&mut app, "s");
    assert!(matches!(app.overlay(), Some(Overlay::Find(_))));
    // `q`, `n` and `j` type into the pattern: nothing quits or moves.
    press(&mut app, "wat wij");
    assert!(!app.quit);
    assert_eq!(current_text(&app), "Wat wij");
    let heading = app.doc.heading_block(3).unwrap();
    assert!(app.block_in_view(heading));
    // Incremental: one more letter narrows it, Backspace widens it again.
    press(&mut app, "q");
    assert!(app.find.as_ref().unwrap().matches.is_empty());
    press(&mut app, "\x7f");
    assert_eq!(current_text(&app), "Wat wij");
    // From the place where the search began, not from the top of the letter.
    let mut app = reading(120, 36);
    press(&mut app, "]]");
    let start = app.scroll;
    press(&mut app, "sdetectie");
    let found = app.highlight.clone().unwrap();
    let Shown::Block(b) = found.at else { panic!() };
    assert!(
        app.doc.blocks[b].first_line >= start,
        "the first match at or below line {start}"
    );
}

#[test]
fn esc_goes_back_and_enter_stays_with_one_jump_to_go_back() {
    let mut app = reading(120, 36);
    press(&mut app, "J");
    let (scroll, chosen) = (app.scroll, app.chosen);
    press(&mut app, "sversleutelde\x1b");
    assert_eq!(app.overlay(), None);
    assert_eq!(
        (app.scroll, app.chosen, app.focus),
        (scroll, chosen, Pane::Reading)
    );
    assert!(app.find.is_none() && app.highlight.is_none());
    // Enter keeps the place; Backspace (the jump list) goes back to where `s` was pressed.
    press(&mut app, "sversleutelde\r");
    assert_eq!(app.overlay(), None);
    assert_ne!(app.scroll, scroll);
    assert_eq!(current_text(&app), "versleutelde");
    press(&mut app, "\x7f");
    assert_eq!(app.scroll, scroll);
}

#[test]
fn the_current_paragraph_follows_the_match_so_y_copies_it() {
    let mut app = reading(120, 36);
    press(&mut app, "sversleutelde\r");
    let b = app.current_paragraph().expect("a current paragraph");
    assert!(app.doc.blocks[b].text.contains("versleutelde diensten"));
    let Effect::Clipboard(text) = press(&mut app, "y") else {
        panic!("y copies")
    };
    assert!(
        text.contains("vraag om waarborgen voor versleutelde diensten"),
        "{text}"
    );
}

#[test]
fn n_steps_through_every_occurrence_and_wraps_with_a_message() {
    let mut app = reading(120, 36);
    press(&mut app, "smateriaal\r");
    let total = app.find.as_ref().unwrap().matches.len();
    // Each filler paragraph says it twice: both count, in one paragraph.
    assert_eq!(total, 18);
    let first = index(&app).unwrap();
    assert_eq!(first, 0, "nothing above the top of the letter");
    press(&mut app, "n");
    assert_eq!(index(&app), Some(1));
    let m = &app.find.as_ref().unwrap().matches;
    assert_eq!(
        m[0].block, m[1].block,
        "the second occurrence in the same paragraph"
    );
    assert_eq!(current_text(&app), "materiaal");
    for i in 2..total {
        press(&mut app, "n");
        assert_eq!(index(&app), Some(i));
        assert!(app.message.is_none(), "{:?}", app.message);
    }
    press(&mut app, "n");
    assert_eq!(index(&app), Some(0));
    let message = app.message.clone().unwrap();
    assert!(
        message.contains("1 of 18") && message.contains("wrapped to the top"),
        "{message}"
    );
    press(&mut app, "N");
    assert_eq!(index(&app), Some(total - 1));
    assert!(app.message.clone().unwrap().contains("wrapped to the end"));
    // Esc on the main screen puts the pattern away; `n` then has nothing to step through.
    press(&mut app, "\x1b");
    assert!(app.find.is_none());
}

#[test]
fn after_scrolling_n_goes_on_from_the_view() {
    let mut app = reading(120, 36);
    press(&mut app, "smateriaal\r");
    press(&mut app, "G");
    let top = app.scroll;
    press(&mut app, "n");
    let h = app.highlight.clone().unwrap();
    let Shown::Block(b) = h.at else { panic!() };
    let line = crate::tui::find::line_of(&app.doc, b, h.range.start);
    assert!(
        line >= top,
        "line {line} is at or below the view's top {top}"
    );
    assert!(index(&app).unwrap() > 0);
}

#[test]
fn smartcase_a_capital_matches_as_written() {
    let mut app = reading(120, 36);
    press(&mut app, "sdetectie\r");
    let any_case = app.find.as_ref().unwrap().matches.len();
    press(&mut app, "sDetectie\r");
    let as_written = app.find.as_ref().unwrap().matches.len();
    assert!(as_written < any_case, "{as_written} < {any_case}");
    assert_eq!(current_text(&app), "Detectie");
}

#[test]
fn an_empty_enter_searches_for_the_last_pattern_again() {
    let mut app = reading(120, 36);
    press(&mut app, "smateriaal\r");
    assert_eq!(index(&app), Some(0));
    press(&mut app, "s\r");
    assert_eq!(index(&app), Some(1));
    assert_eq!(app.find.as_ref().unwrap().query, "materiaal");
}

#[test]
fn a_pattern_not_in_the_letter_says_so_and_moves_nothing() {
    let mut app = reading(120, 36);
    press(&mut app, "J");
    let (scroll, chosen) = (app.scroll, app.chosen);
    press(&mut app, "szeepbel\r");
    assert_eq!((app.scroll, app.chosen), (scroll, chosen));
    assert_eq!(
        app.message.as_deref(),
        Some("Not in this letter: “zeepbel”")
    );
    assert!(app.find.is_none());
}

#[test]
fn tab_takes_the_pattern_to_the_search_of_every_letter() {
    let mut app = reading(120, 36);
    let effect = press(&mut app, "swaarborgen\t");
    assert_eq!(app.overlay(), Some(&Overlay::Search));
    assert_eq!(app.search.query, "waarborgen");
    assert!(
        matches!(effect, Effect::Search { ref query, .. } if query == "waarborgen"),
        "{effect:?}"
    );
    // The letter search was left as it was.
    assert!(app.find.is_none());
}

#[test]
fn the_pattern_stays_in_force_in_the_next_letter() {
    let mut app = reading(120, 36);
    press(&mut app, "sjbz-raad\r");
    assert_eq!(app.find.as_ref().unwrap().matches.len(), 1);
    press(&mut app, "{");
    let find = app.find.as_ref().unwrap();
    assert_eq!(find.haystack.letter, app.current);
    assert_eq!((find.matches.len(), find.index), (1, None));
    press(&mut app, "n");
    assert_eq!(current_text(&app), "JBZ-raad");
}

#[test]
fn a_search_of_every_letter_replaces_the_pattern_for_n() {
    let mut app = reading(120, 36);
    press(&mut app, "smateriaal\r");
    assert!(app.find.is_some());
    app.trail = None;
    let register = std::sync::Arc::new(brieven::register::Register::build(&app.letters));
    update(&mut app, Action::RegisterReady(register));
    update(&mut app, Action::Register);
    update(&mut app, Action::Activate);
    update(&mut app, Action::Activate);
    assert!(app.trail.is_some());
    assert!(app.find.is_none(), "n steps the register's occurrences now");
}

#[test]
fn the_dutch_interface_says_it_in_dutch() {
    let mut app = reading(120, 36);
    app.lang = brieven::i18n::Lang::Nl;
    press(&mut app, "smateriaal\rN");
    assert!(
        app.message
            .clone()
            .unwrap()
            .starts_with("18 van 18 · verder vanaf het eind"),
        "{:?}",
        app.message
    );
    press(&mut app, "szeepbel\r");
    assert_eq!(
        app.message.as_deref(),
        Some("Niet in deze brief: “zeepbel”")
    );
}

/// The reader with a paragraph that dates a council meeting and a committee debate, on the
/// timeline (`t`).
fn timeline() -> App {
    let mut app = reading(120, 36);
    std::sync::Arc::make_mut(&mut app.letters)[0].sections[1].paragraphs[0].text =
        "Wij spraken u op 28 september 2023 in de JBZ-raad, en opnieuw in het \
         commissiedebat van 10 oktober 2023."
            .into();
    press(&mut app, "t");
    // Built off the loop (Effect::BuildTimeline) and handed back.
    let built = brieven::timeline::Timeline::build(&app.letters, false);
    update(&mut app, Action::TimelineReady(std::sync::Arc::new(built)));
    app
}

fn timeline_row(app: &App) -> (String, usize) {
    let Some(Overlay::Timeline(view)) = app.overlay() else {
        panic!("the timeline is open")
    };
    let selected = view.list.cursor.selected;
    let t = app.timeline.as_ref().unwrap();
    let row = views::timeline_rows(t)[selected];
    (t.entries[row.entry].date.to_string(), selected)
}

#[test]
fn slash_in_the_timeline_jumps_to_a_date_or_words_and_esc_goes_back() {
    let mut app = timeline();
    let (_, origin) = timeline_row(&app);
    // A date as typed in the search: that day, as the letters write it.
    press(&mut app, "/10 okt");
    assert_eq!(timeline_row(&app).0, "2023-10-10");
    // `q` is typed, not quit; Esc goes back to the row it started from.
    press(&mut app, "q\x7f\x1b");
    assert!(!app.quit);
    assert_eq!(timeline_row(&app).1, origin);
    assert!(matches!(app.overlay(), Some(Overlay::Timeline { .. })));
    // A month nothing happened in: the first row after it.
    press(&mut app, "/2023-12\r");
    assert_eq!(timeline_row(&app).0, "2024-09-18");
    // Words, from the top; Enter stays, then n and N go through the rows found, around the
    // end.
    press(&mut app, "g/^ujbz-raad\r");
    let first = timeline_row(&app).1;
    let Some(Overlay::Timeline(view)) = app.overlay() else {
        panic!("the timeline is open")
    };
    let found = crate::tui::rows_view::rows_found(&view.texts(&app.ctx()), "jbz-raad");
    assert!(found.len() >= 2, "{found:?}");
    assert_eq!(first, found[0]);
    press(&mut app, "n");
    assert_eq!(timeline_row(&app).1, found[1]);
    press(&mut app, "N");
    press(&mut app, "N");
    assert_eq!(timeline_row(&app).1, *found.last().unwrap());
    assert_eq!(app.message.as_deref(), Some("search wrapped to the end"));
    // Not found: said, and the row stays.
    let here = timeline_row(&app).1;
    press(&mut app, "/zeepbel\r");
    assert_eq!(timeline_row(&app).1, here);
    assert_eq!(app.message.as_deref(), Some("No row has “zeepbel”"));
    // Esc closes the timeline and puts the search away.
    press(&mut app, "\x1b");
    assert_eq!(app.overlay(), None);
    press(&mut app, "t");
    assert!(
        matches!(app.overlay(), Some(Overlay::Timeline(view)) if view.list.find.is_none()),
        "a timeline opened again has no search"
    );
}

#[test]
fn a_timeline_mention_names_its_letters_sender_and_date_and_the_kind_in_full() {
    let mut app = reading(120, 36);
    std::sync::Arc::make_mut(&mut app.letters)[0].sections[1].paragraphs[0].text =
        "Het schriftelijk overleg staat gepland voor 25 september 2023.".into();
    press(&mut app, "t");
    let built = brieven::timeline::Timeline::build(&app.letters, false);
    update(&mut app, Action::TimelineReady(std::sync::Arc::new(built)));
    let screen = crate::tui::snapshot_tests::screen(&app);
    let row = (screen.lines())
        .find(|l| l.contains("2023-09-25") && l.contains("gepland"))
        .unwrap_or_else(|| panic!("the mention's row:\n{screen}"));
    assert!(row.contains("written consultation "), "{row}");
    assert!(row.contains("Offlimits, 2024-09-18 ¶ "), "{row}");
}
