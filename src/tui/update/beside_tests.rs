//! Two letters side by side (`|`), typed as a person types.

use super::find_tests::press;
use super::tests::reading;
use super::*;

#[test]
fn bar_keeps_the_letter_beside_and_the_letters_pane_picks_the_other() {
    let mut app = reading(120, 36);
    let first = app.current;
    press(&mut app, "jjj");
    let (wide, place) = (app.doc.width, app.anchor());
    press(&mut app, "|");
    let beside = app.beside.as_ref().expect("a second pane");
    assert_eq!(beside.letter, first);
    assert_eq!(app.focus, Pane::Letters);
    assert!(
        app.message
            .as_deref()
            .unwrap()
            .starts_with("Offlimits stays beside"),
        "{:?}",
        app.message
    );
    // Side by side: the first text narrowed and wrapped again, at its place.
    let areas = app.areas();
    let (left, right) = (areas.reading.unwrap(), areas.beside.unwrap());
    assert_eq!(left.y, right.y);
    assert_eq!(left.x + left.width, right.x);
    assert!(app.doc.width < wide);
    assert_eq!(beside.doc.width, app.doc.width);
    assert_eq!(app.anchor(), place);
    assert_eq!(
        beside.scroll, app.scroll,
        "both at the place, wrapped alike"
    );
    // `j` in the Letters pane opens another letter in the first pane; the second stays.
    press(&mut app, "j");
    assert_ne!(app.current, first);
    assert_eq!(app.beside.as_ref().unwrap().letter, first);
}

#[test]
fn ctrl_w_switches_and_each_text_scrolls_on_its_own() {
    let mut app = reading(120, 36);
    press(&mut app, "|j");
    let (main, second) = (app.current, app.beside.as_ref().unwrap().letter);
    assert_ne!(main, second);
    press(&mut app, "^w");
    assert_eq!(app.focus, Pane::Beside);
    let scroll = app.scroll;
    press(&mut app, "jj ");
    let page = app.beside_page();
    assert_eq!(app.beside.as_ref().unwrap().scroll, 2 + page - 2);
    assert_eq!(app.scroll, scroll, "the first text stays");
    press(&mut app, "G");
    let beside = app.beside.as_ref().unwrap();
    assert_eq!(beside.scroll, beside.max_scroll(page));
    press(&mut app, "^w");
    assert_eq!(app.focus, Pane::Reading);
    let at = app.beside.as_ref().unwrap().scroll;
    press(&mut app, "g");
    assert_eq!(app.beside.as_ref().unwrap().scroll, at, "the second stays");
    // Tab goes through the second text too, after the first.
    press(&mut app, "\t");
    assert_eq!(app.focus, Pane::Beside);
    press(&mut app, "\t");
    assert_eq!(app.focus, Pane::Footnotes);
}

#[test]
fn enter_in_the_second_text_swaps_the_letters_and_bar_closes() {
    let mut app = reading(120, 36);
    let first = app.current;
    press(&mut app, "|j");
    let other = app.current;
    press(&mut app, "^wjjj\r");
    assert_eq!(
        app.current, first,
        "the second letter is read in the first pane"
    );
    assert_eq!(app.scroll, 3, "at the place it showed");
    assert_eq!(app.beside.as_ref().unwrap().letter, other);
    assert_eq!(app.focus, Pane::Reading);
    let narrow = app.doc.width;
    press(&mut app, "|");
    assert!(app.beside.is_none());
    assert!(app.doc.width > narrow, "the first text takes the room back");
    assert_eq!(app.message.as_deref(), Some("Second letter closed"));
    press(&mut app, "^w");
    assert_eq!(
        app.message.as_deref(),
        Some("No second letter: | opens one")
    );
    assert_eq!(app.focus, Pane::Reading);
}

#[test]
fn narrow_terminals_show_one_text_at_a_time_and_say_so() {
    let mut app = reading(80, 24);
    press(&mut app, "|");
    let message = app.message.clone().unwrap();
    assert_eq!(message, "One text at a time here: Ctrl-w switches");
    press(&mut app, "j^w");
    let areas = app.areas();
    assert_eq!(areas.beside, Some(areas.body));
    assert_eq!(areas.reading, None);
    press(&mut app, "^w");
    let areas = app.areas();
    assert_eq!(areas.reading, Some(areas.body));
    assert_eq!(areas.beside, None);
    // Wider again: side by side, each text wrapped for its half.
    update(&mut app, Action::Resize(140, 40));
    let areas = app.areas();
    assert!(areas.reading.is_some() && areas.beside.is_some());
    let beside = app.beside.as_ref().unwrap();
    assert_eq!(beside.doc.width, usize::from(app.beside_text_area().width));
}

#[test]
fn a_click_on_the_beside_tab_shows_the_second_text() {
    let mut app = reading(80, 24);
    press(&mut app, "|j");
    let tabs = app.areas().tabs.expect("a tab line");
    // Where the tab line is drawn, the `⇄` of the second text's tab.
    let backend = ratatui::backend::TestBackend::new(80, 24);
    let mut terminal = ratatui::Terminal::new(backend).unwrap();
    terminal.draw(|f| crate::tui::ui::render(&app, f)).unwrap();
    let buffer = terminal.backend().buffer();
    let col = (0..80)
        .find(|&x| buffer[(x, tabs.y)].symbol() == "⇄")
        .expect("the tab line shows the second text's tab");
    update(&mut app, Action::Click(col, tabs.y));
    assert_eq!(app.focus, Pane::Beside);
    assert_eq!(app.areas().beside, Some(app.areas().body));
    // And a click on a numbered tab goes back.
    update(&mut app, Action::Click(2, tabs.y));
    assert_eq!(app.focus, Pane::Letters);
}

#[test]
fn s_and_the_notes_work_in_the_second_text_where_it_stands() {
    const OFFLIMITS: usize = 0;
    const KINDERRECHTEN: usize = 1;
    let mut app = reading(120, 36);
    press(&mut app, "|k");
    assert_eq!(app.current, KINDERRECHTEN);
    press(&mut app, "^w");
    let right = app.areas().beside.unwrap();
    // `s` searches the text that has the focus (Offlimits, in the right half), not the other.
    press(&mut app, "shotline\r");
    assert_eq!(app.current, OFFLIMITS);
    assert_eq!(app.beside.as_ref().unwrap().letter, KINDERRECHTEN);
    assert_eq!(app.focus, Pane::Reading);
    assert_eq!(
        app.areas().reading,
        Some(right),
        "the text stays where it stood"
    );
    let h = app.highlight.clone().expect("the match");
    let crate::tui::app::Shown::Block(b) = h.at else {
        panic!("in the text")
    };
    assert_eq!(&app.doc.blocks[b].text[h.range], "hotline");
    // Its notes: `f` selects its marker and Enter shows its note.
    press(&mut app, "f\r");
    assert_eq!(app.note, Some(1));
    assert_eq!(app.letter().unwrap().footnote(1).unwrap().number, 1);
    // `Ctrl-w` goes to the other text, on the left; `|` closes it, the open letter whole.
    press(&mut app, "^w");
    assert_eq!(app.focus, Pane::Beside);
    assert!(app.areas().beside.unwrap().x < right.x);
    press(&mut app, "|");
    assert!(app.beside.is_none() && !app.sides_swapped);
    assert_eq!(app.current, OFFLIMITS);
}
