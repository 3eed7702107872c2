//! The Letters pane's order (`S`) and filter (`&`), typed as a person types.

use super::find_tests::press;
use super::*;
use crate::tui::fixtures;
use crate::tui::panes::letters::title;

const OFFLIMITS: usize = 0;
const KINDERRECHTEN: usize = 1;
const HOSTILE: usize = 2;

#[test]
fn s_cycles_the_order_through_sender_stance_load_order_and_date_and_the_title_says_it() {
    let mut app = fixtures::app(120, 36);
    assert_eq!(app.list, [KINDERRECHTEN, OFFLIMITS, HOSTILE]);
    assert_eq!(title(&app, usize::MAX), "Letters (3) · date ↑");
    press(&mut app, "S");
    assert_eq!(
        app.list,
        [HOSTILE, KINDERRECHTEN, OFFLIMITS],
        "Evil, Kinder…, Off…"
    );
    assert_eq!(title(&app, usize::MAX), "Letters (3) · sender");
    assert_eq!(app.message.as_deref(), Some("Sorted by sender"));
    assert_eq!(app.current, KINDERRECHTEN, "the open letter stays");
    press(&mut app, "S");
    assert_eq!(
        app.list,
        [KINDERRECHTEN, OFFLIMITS, HOSTILE],
        "supports, mixed, none"
    );
    assert_eq!(title(&app, usize::MAX), "Letters (3) · stance");
    press(&mut app, "S");
    assert_eq!(app.list, [OFFLIMITS, KINDERRECHTEN, HOSTILE]);
    assert_eq!(title(&app, usize::MAX), "Letters (3) · load order");
    press(&mut app, "S");
    assert_eq!(title(&app, usize::MAX), "Letters (3) · date ↑");
}

#[test]
fn moving_in_the_list_and_next_letter_follow_the_order_shown() {
    let mut app = fixtures::app(120, 36);
    press(&mut app, "S");
    // By sender Kinderrechten is in the middle: up opens the hostile letter, } the next.
    press(&mut app, "k");
    assert_eq!(app.current, HOSTILE);
    press(&mut app, "}}");
    assert_eq!(app.current, OFFLIMITS);
    press(&mut app, "}");
    assert_eq!(app.message.as_deref(), Some("The last letter"));
}

#[test]
fn typing_after_ampersand_narrows_the_list_and_keeps_the_open_letter_while_shown() {
    let mut app = fixtures::app(120, 36);
    app.focus = Pane::Reading;
    press(&mut app, "&");
    assert_eq!(
        app.focus,
        Pane::Letters,
        "the list is where the filter shows"
    );
    press(&mut app, "jbz");
    assert_eq!(app.list, [KINDERRECHTEN, OFFLIMITS], "subjects: JBZ-raad");
    assert_eq!(app.current, KINDERRECHTEN);
    assert_eq!(title(&app, usize::MAX), "Letters (2 of 3) · date ↑ · &jbz");
    // Each key narrows at once; the open letter gone, the first row opens.
    press(&mut app, "\x7f\x7f\x7f2024");
    assert_eq!(app.list, [OFFLIMITS]);
    assert_eq!(app.current, OFFLIMITS);
    // Shown again, it is not the open one any more: Offlimits stays.
    press(&mut app, "^u");
    assert_eq!(app.list.len(), 3);
    assert_eq!(app.current, OFFLIMITS);
    // Case is ignored, words match each on its own, in id, sender, date or subject.
    press(&mut app, "HOSTILE");
    assert_eq!((app.list.clone(), app.current), (vec![HOSTILE], HOSTILE));
    press(&mut app, "^uevil corp");
    assert_eq!(app.list, [HOSTILE], "the sender, in two words");
    // `q` is typed, not quit; nothing shown: the open letter stays.
    press(&mut app, " q");
    assert!(app.list.is_empty());
    assert_eq!(app.current, HOSTILE);
    assert!(!app.quit);
    press(&mut app, "\x7f\x7f");
    assert_eq!(app.list, [HOSTILE]);
}

#[test]
fn esc_clears_the_filter_and_goes_back_enter_keeps_it() {
    let mut app = fixtures::app(120, 36);
    press(&mut app, "&offlimits\x1b");
    assert!(app.overlays.is_empty());
    assert_eq!((app.list.len(), app.current), (3, KINDERRECHTEN));
    assert!(app.list_filter.is_empty());

    press(&mut app, "&2024\r");
    assert!(app.overlays.is_empty(), "Enter closes the prompt");
    assert_eq!(
        (app.list.clone(), app.current),
        (vec![OFFLIMITS], OFFLIMITS)
    );
    // j and k move in the narrowed list; one jump back returns to before the filter.
    press(&mut app, "j");
    assert_eq!(app.current, OFFLIMITS);
    update(&mut app, Action::JumpBack);
    assert_eq!(app.current, KINDERRECHTEN);
    assert_eq!(
        app.letter_row(),
        None,
        "hidden by the filter: no row selected"
    );
    press(&mut app, "j");
    assert_eq!(
        app.current, OFFLIMITS,
        "down from outside the rows: the first"
    );
    // `&` again edits the filter in force; Esc on the main screen clears it.
    press(&mut app, "&\x7f\x7f\x7f\x7f9\r");
    assert_eq!(app.list_filter, "9");
    press(&mut app, "\x1b");
    assert_eq!(app.list.len(), 3);
}

#[test]
fn arrows_in_the_prompt_move_among_the_rows_shown() {
    let mut app = fixtures::app(120, 36);
    press(&mut app, "&jbz");
    let down = crossterm::event::Event::Key(crossterm::event::KeyEvent::new(
        crossterm::event::KeyCode::Down,
        crossterm::event::KeyModifiers::NONE,
    ));
    let action = crate::tui::keymap::action_for(&app, &down).expect("bound");
    update(&mut app, action);
    assert_eq!(app.current, OFFLIMITS);
    assert!(matches!(
        app.overlay(),
        Some(crate::tui::app::Overlay::LetterFilter { .. })
    ));
    press(&mut app, "^p");
    assert_eq!(app.current, KINDERRECHTEN);
}

#[test]
fn the_filter_and_order_speak_dutch() {
    let mut app = fixtures::app(120, 36);
    app.lang = brieven::i18n::Lang::Nl;
    press(&mut app, "S&jbz");
    assert_eq!(
        title(&app, usize::MAX),
        "Brieven (2 van 3) · afzender · &jbz"
    );
}

/// The three fixture letters and, after them, a regulation on one of their topics.
fn with_an_act() -> App {
    let fixture = fixtures::app(120, 36);
    let mut letters = fixture.letters.to_vec();
    let mut act = letters[KINDERRECHTEN].clone();
    act.id = "com-2022-209".into();
    act.sender = None;
    act.subject = Some("Verordening kinderrechten online".into());
    act.reference = Some("COM(2022) 209".into());
    act.act = Some(brieven::model::Act {
        kind: brieven::model::ActKind::Regulation,
        divisions: Vec::new(),
    });
    letters.push(act);
    App::new(letters, Vec::new(), fixture.theme, fixture.size)
}

#[test]
fn the_title_counts_the_letters_it_shows_and_the_acts_apart() {
    let wide = usize::MAX;
    let mut app = with_an_act();
    // Four rows: the three letters, then the act.
    assert_eq!(app.list.len(), 4);
    assert_eq!(title(&app, wide), "Letters (3) · 1 act · date ↑");
    // The filter shows one letter and the act: one of three letters, and the act.
    press(&mut app, "&kinderrechten");
    assert_eq!(app.list.len(), 2);
    assert_eq!(
        title(&app, wide),
        "Letters (1 of 3) · 1 act · date ↑ · &kinderrechten"
    );
    // Too narrow for all of it: the acts' count goes, the order and the filter stay.
    assert_eq!(
        title(&app, 40),
        "Letters (1 of 3) · date ↑ · &kinderrechten"
    );
    // A filter the act does not match: no act named.
    press(&mut app, "^uofflimits");
    assert_eq!(app.list, [OFFLIMITS]);
    assert_eq!(title(&app, wide), "Letters (1 of 3) · date ↑ · &offlimits");
    press(&mut app, "\x1b");
    app.lang = brieven::i18n::Lang::Nl;
    assert_eq!(
        title(&app, wide),
        "Brieven (3) · 1 rechtshandeling · datum ↑"
    );
    assert_eq!(title(&app, 41), "Brieven (3) · 1 rechtshandeling · datum ↑");
    assert_eq!(title(&app, 40), "Brieven (3) · datum ↑");
    // What the reader draws in the Letters pane at 120 columns: the order in full, not cut.
    let shown = crate::tui::snapshot_tests::screen(&app);
    assert!(shown.contains("Brieven (3) · datum ↑"), "{shown}");
    app.lang = brieven::i18n::Lang::En;
    let shown = crate::tui::snapshot_tests::screen(&app);
    assert!(shown.contains("Letters (3) · 1 act · date ↑"), "{shown}");
}
