//! Unit tests of the state machine, without a terminal.

use super::*;
use crate::tui::app::Shown;
use crate::tui::fixtures;
use crate::tui::ui;

const OFFLIMITS: usize = 0;
const KINDERRECHTEN: usize = 1;

/// The reader on the long test letter, the Reading pane focused.
pub(super) fn reading(width: u16, height: u16) -> App {
    let mut app = fixtures::app(width, height);
    open_letter(&mut app, OFFLIMITS);
    app.focus = Pane::Reading;
    app
}

fn run(app: &mut App, actions: &[Action]) {
    for a in actions {
        update(app, a.clone());
    }
}

#[test]
fn opens_on_the_earliest_letter_with_the_letters_pane_focused() {
    let app = fixtures::app(120, 36);
    assert_eq!(app.current, KINDERRECHTEN);
    assert_eq!(app.focus, Pane::Letters);
    assert_eq!(app.list, vec![KINDERRECHTEN, OFFLIMITS, 2]);
}

#[test]
fn moving_in_the_letters_pane_opens_letters_and_jump_back_returns() {
    let mut app = fixtures::app(120, 36);
    update(&mut app, Action::Down);
    assert_eq!(app.current, OFFLIMITS);
    update(&mut app, Action::Down);
    assert_eq!(app.current, 2);
    update(&mut app, Action::Down);
    assert_eq!(app.current, 2, "stays on the last letter");
    update(&mut app, Action::JumpBack);
    assert_eq!(app.current, OFFLIMITS);
    update(&mut app, Action::JumpBack);
    assert_eq!(app.current, KINDERRECHTEN);
    update(&mut app, Action::JumpForward);
    assert_eq!(app.current, OFFLIMITS);
}

#[test]
fn each_letter_keeps_its_reading_position() {
    let mut app = reading(120, 36);
    run(&mut app, &[Action::PageDown, Action::Down]);
    let scroll = app.scroll;
    assert!(scroll > 0);
    run(&mut app, &[Action::PrevLetter]);
    assert_eq!((app.current, app.scroll), (KINDERRECHTEN, 0));
    run(&mut app, &[Action::NextLetter]);
    assert_eq!((app.current, app.scroll), (OFFLIMITS, scroll));
}

#[test]
fn scrolling_stops_at_either_end() {
    let mut app = reading(120, 36);
    update(&mut app, Action::Up);
    assert_eq!(app.scroll, 0);
    update(&mut app, Action::Bottom);
    assert!(app.max_scroll() > 0);
    assert_eq!(app.scroll, app.max_scroll());
    assert_eq!(app.position_label(), "Bot");
    run(
        &mut app,
        &[Action::Down, Action::PageDown, Action::HalfPageDown],
    );
    assert_eq!(app.scroll, app.max_scroll());
    update(&mut app, Action::Top);
    assert_eq!((app.scroll, app.position_label().as_str()), (0, "Top"));
}

#[test]
fn sections_step_forward_and_back_and_the_outline_follows() {
    let mut app = reading(120, 36);
    assert_eq!(app.section_in_view(), Some(0));
    update(&mut app, Action::NextSection);
    assert_eq!(app.section_in_view(), Some(1));
    assert_eq!(app.scroll, app.doc.section_line(1));
    update(&mut app, Action::NextSection);
    assert_eq!(app.section_in_view(), Some(2));
    update(&mut app, Action::Down);
    update(&mut app, Action::PrevSection);
    assert_eq!(
        app.scroll,
        app.doc.section_line(2),
        "first to the start of this one"
    );
    update(&mut app, Action::PrevSection);
    assert_eq!(app.section_in_view(), Some(1));
    run(
        &mut app,
        &[
            Action::NextSection,
            Action::NextSection,
            Action::NextSection,
        ],
    );
    assert_eq!(app.section_in_view(), Some(3));
    assert_eq!(app.message.as_deref(), Some("The last section"));
}

#[test]
fn f_cycles_through_the_markers_in_view_and_enter_shows_the_note() {
    let mut app = reading(120, 36);
    let in_view = app.doc.markers_in(app.visible());
    assert!(in_view.len() >= 2, "{in_view:?}");
    update(&mut app, Action::NextMarker);
    assert_eq!(app.marker, Some(in_view[0]));
    assert_eq!(app.note, None, "only Enter shows the note");
    update(&mut app, Action::Activate);
    assert_eq!(app.note, Some(1));
    update(&mut app, Action::NextMarker);
    update(&mut app, Action::Activate);
    assert_eq!(app.note, Some(2));
    for _ in 1..in_view.len() {
        update(&mut app, Action::NextMarker);
    }
    assert_eq!(app.marker, Some(in_view[0]), "cycles back to the first");
    update(&mut app, Action::PrevMarker);
    assert_eq!(app.marker, in_view.last().copied());
    assert_eq!(app.notes_in_view()[0], 1);
}

#[test]
fn f_with_no_marker_in_view_says_so() {
    let mut app = fixtures::app(120, 36);
    update(&mut app, Action::NextMarker);
    assert_eq!(app.marker, None);
    assert_eq!(app.message.as_deref(), Some("No note markers in view"));
}

#[test]
fn enter_on_a_footnote_jumps_to_its_marker_and_back() {
    let mut app = reading(120, 36);
    app.focus = Pane::Footnotes;
    update(&mut app, Action::Down);
    update(&mut app, Action::Down);
    assert_eq!(app.note, Some(2));
    app.scroll = app.max_scroll();
    update(&mut app, Action::Up);
    let before = app.scroll;
    app.note = Some(4);
    update(&mut app, Action::Activate);
    let (b, m) = app.marker.expect("the marker of note 4 is selected");
    assert_eq!(app.doc.blocks[b].markers[m].number, 4);
    assert!(app.visible().contains(&app.doc.blocks[b].first_line));
    // Back to the text, at the marker; then back before the jump.
    update(&mut app, Action::JumpBack);
    assert_eq!(app.focus, Pane::Reading);
    assert!(app.visible().contains(&app.doc.blocks[b].first_line));
    update(&mut app, Action::JumpBack);
    assert_eq!(app.scroll, before);
}

#[test]
fn a_target_is_brought_into_view_and_highlighted() {
    let mut app = fixtures::app(120, 36);
    let letter = fixtures::offlimits();
    let text = &letter.sections[3].paragraphs[0].text;
    let at = text.find("Internet Watch").unwrap();
    let at = text[..at].chars().count();
    show_target(
        &mut app,
        Target {
            letter: OFFLIMITS,
            spot: Spot::Paragraph {
                section: 3,
                paragraph: 0,
            },
            at,
            len: "Internet Watch Foundation".len(),
        },
    );
    assert_eq!(app.current, OFFLIMITS);
    let h = app.highlight.clone().expect("highlighted");
    let Shown::Block(b) = h.at else {
        panic!("in the text: {h:?}")
    };
    let block = &app.doc.blocks[b];
    assert_eq!(&block.text[h.range.clone()], "Internet Watch Foundation");
    let line = (block.first_line..block.first_line + block.line_count)
        .find(|&l| app.doc.lines[l].range.contains(&h.range.start))
        .unwrap();
    assert!(app.visible().contains(&line));
    update(&mut app, Action::JumpBack);
    assert_eq!((app.current, app.scroll), (KINDERRECHTEN, 0));
}

#[test]
fn a_resize_keeps_the_place_and_rewraps_once() {
    let mut app = reading(120, 36);
    run(&mut app, &[Action::NextSection, Action::NextSection]);
    let width = app.doc.width;
    update(&mut app, Action::Resize(70, 24));
    assert_ne!(app.doc.width, width);
    assert_eq!(app.section_in_view(), Some(2));
    assert_eq!(app.scroll, app.doc.section_line(2));
    let doc = app.doc.clone();
    update(&mut app, Action::Resize(70, 30));
    assert_eq!(app.doc, doc, "same width: no re-wrap");
}

#[test]
fn esc_closes_the_top_overlay_then_clears_the_selection() {
    let mut app = reading(120, 36);
    update(&mut app, Action::NextMarker);
    run(&mut app, &[Action::Warnings, Action::Help]);
    assert_eq!(app.overlays.len(), 2);
    update(&mut app, Action::Down);
    assert_eq!(pager(&app), (Paged::Help, 1));
    assert_eq!(app.scroll, 0, "keys go to the overlay");
    update(&mut app, Action::Close);
    assert_eq!(pager(&app), (Paged::Warnings, 0));
    update(&mut app, Action::Close);
    assert!(app.overlays.is_empty() && app.marker.is_some());
    update(&mut app, Action::Close);
    assert_eq!(app.marker, None);
}

#[test]
fn focus_cycles_through_the_panes_both_ways() {
    let mut app = fixtures::app(120, 36);
    let mut seen = vec![app.focus];
    for _ in 0..4 {
        update(&mut app, Action::FocusNext);
        seen.push(app.focus);
    }
    assert_eq!(
        seen,
        [
            Pane::Letters,
            Pane::Outline,
            Pane::Reading,
            Pane::Footnotes,
            Pane::Letters
        ]
    );
    update(&mut app, Action::FocusPrev);
    assert_eq!(app.focus, Pane::Footnotes);
}

#[test]
fn clicks_focus_and_select_and_the_wheel_scrolls_the_pane_under_it() {
    let mut app = fixtures::app(120, 36);
    let letters = app.areas().letters.unwrap();
    // The second row is Offlimits (2024).
    update(&mut app, Action::Click(letters.x + 3, letters.y + 2));
    assert_eq!((app.focus, app.current), (Pane::Letters, OFFLIMITS));
    let reading = app.areas().reading.unwrap();
    update(&mut app, Action::Scroll(reading.x + 5, reading.y + 5, 3));
    assert_eq!(app.scroll, 3);
    assert_eq!(app.focus, Pane::Letters, "the wheel does not move focus");
    update(&mut app, Action::Click(reading.x + 5, reading.y + 5));
    assert_eq!(app.focus, Pane::Reading);
}

#[test]
fn narrow_terminals_show_one_pane_and_tabs_switch() {
    let mut app = fixtures::app(80, 24);
    let areas = app.areas();
    assert!(areas.tabs.is_some() && areas.letters.is_some() && areas.reading.is_none());
    let tabs = areas.tabs.unwrap();
    let col = (0..80)
        .find(|&c| {
            crate::tui::layout::tab_at(c, app.lang, app.beside.is_some()) == Some(Pane::Reading)
        })
        .unwrap();
    update(&mut app, Action::Click(col, tabs.y));
    assert_eq!(app.focus, Pane::Reading);
    assert!(app.areas().reading.is_some());
}

#[test]
fn q_quits_and_ctrl_z_asks_to_suspend() {
    let mut app = fixtures::app(120, 36);
    assert_eq!(update(&mut app, Action::Suspend), Effect::Suspend);
    assert_eq!(update(&mut app, Action::Redraw), Effect::Redraw);
    assert!(!app.quit);
    update(&mut app, Action::Quit);
    assert!(app.quit);
}

#[test]
fn no_size_and_no_action_panics() {
    let actions = [
        Action::Down,
        Action::PageDown,
        Action::Bottom,
        Action::NextSection,
        Action::PrevSection,
        Action::NextMarker,
        Action::Activate,
        Action::FocusNext,
        Action::Click(3, 3),
        Action::Scroll(50, 5, 3),
        Action::NextLetter,
        Action::JumpBack,
        Action::Top,
        Action::Up,
        Action::JumpForward,
        Action::Help,
        Action::Down,
        Action::Close,
    ];
    let mut app = fixtures::app(120, 36);
    for (w, h) in [
        (0, 0),
        (1, 1),
        (39, 9),
        (40, 10),
        (99, 12),
        (100, 10),
        (300, 5),
        (500, 200),
    ] {
        update(&mut app, Action::Resize(w, h));
        for a in &actions {
            update(&mut app, a.clone());
            let mut terminal =
                ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).unwrap();
            terminal.draw(|f| ui::render(&app, f)).unwrap();
        }
    }
}

#[test]
fn clicking_a_note_marker_selects_it_and_shows_the_note() {
    let mut app = reading(120, 36);
    let text = app.text_area();
    let (b, m) = app.doc.markers_in(app.visible())[0];
    let block = &app.doc.blocks[b];
    let marker = block.markers[m].clone();
    let line = (block.first_line..block.first_line + block.line_count)
        .find(|&l| app.doc.lines[l].range.contains(&marker.range.start))
        .unwrap();
    let start = app.doc.lines[line].range.start;
    let col = unicode_width::UnicodeWidthStr::width(&block.text[start..marker.range.start]);
    let row = text.y + (line - app.scroll) as u16;
    update(&mut app, Action::Click(text.x + col as u16 - 1, row));
    assert_eq!(app.marker, None, "the character before the marker");
    update(&mut app, Action::Click(text.x + col as u16, row));
    assert_eq!(app.marker, Some((b, m)));
    assert_eq!(app.note, Some(marker.number));
}

#[test]
fn over_an_overlay_clicks_do_nothing_and_the_wheel_scrolls_it() {
    let mut app = fixtures::app(120, 36);
    update(&mut app, Action::Help);
    let letters = app.areas().letters.unwrap();
    update(&mut app, Action::Click(letters.x + 3, letters.y + 2));
    assert_eq!(app.current, KINDERRECHTEN);
    update(&mut app, Action::Scroll(60, 10, 3));
    assert_eq!(pager(&app), (Paged::Help, 3));
}

/// The text the pager on top shows, and its first line shown.
fn pager(app: &App) -> (Paged, usize) {
    match app.overlay() {
        Some(Overlay::Pager(p)) => (p.kind, p.scroll.selected),
        other => panic!("no pager: {other:?}"),
    }
}

#[test]
fn on_a_narrow_terminal_enter_on_a_marker_shows_the_footnotes_pane() {
    let mut app = reading(80, 24);
    update(&mut app, Action::NextMarker);
    update(&mut app, Action::Activate);
    assert_eq!((app.focus, app.note), (Pane::Footnotes, Some(1)));
    let scroll = app.scroll;
    // Backspace goes back to the text, where it was.
    update(&mut app, Action::JumpBack);
    assert_eq!((app.focus, app.scroll), (Pane::Reading, scroll));
    let mut wide = reading(120, 36);
    update(&mut wide, Action::NextMarker);
    update(&mut wide, Action::Activate);
    assert_eq!(wide.focus, Pane::Reading, "both panes are on screen");
}

#[test]
fn backspace_in_the_footnotes_pane_returns_to_the_text_at_every_width() {
    for (w, h) in [(80, 24), (120, 36)] {
        let mut app = reading(w, h);
        // A jump from another letter is in the jump list.
        update(&mut app, Action::NextLetter);
        let (letter, scroll) = (app.current, app.scroll);
        app.focus = Pane::Footnotes;
        update(&mut app, Action::Down);
        update(&mut app, Action::JumpBack);
        assert_eq!(
            (app.focus, app.current, app.scroll),
            (Pane::Reading, letter, scroll),
            "{w}x{h}: back to the text, where it was"
        );
        // From the text, Backspace goes back in the jump list.
        update(&mut app, Action::JumpBack);
        assert_ne!(app.current, letter, "{w}x{h}");
    }
}

#[test]
fn one_to_four_show_the_tab_of_that_number_on_a_narrow_terminal() {
    use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
    let mut app = fixtures::app(80, 24);
    assert!(app.areas().tabs.is_some(), "one pane at a time");
    for (key, pane) in [
        ('3', Pane::Reading),
        ('4', Pane::Footnotes),
        ('2', Pane::Outline),
        ('1', Pane::Letters),
    ] {
        let event = Event::Key(KeyEvent::new(KeyCode::Char(key), KeyModifiers::NONE));
        let action = crate::tui::keymap::action_for(&app, &event).expect("bound");
        update(&mut app, action);
        assert_eq!(app.focus, pane, "{key}");
    }
    // Over the stack, digits still jump to a card.
    update(&mut app, Action::Cards);
    let event = Event::Key(KeyEvent::new(KeyCode::Char('2'), KeyModifiers::NONE));
    assert_eq!(
        crate::tui::keymap::action_for(&app, &event),
        Some(Action::JumpToCard(2))
    );
}
