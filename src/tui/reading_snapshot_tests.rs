//! Snapshots of the Reading pane's own modes: sentences selected to be quoted (`v`).

use super::action::Action;
use super::app::{App, Pane};
use super::fixtures;
use super::snapshot_tests::{draw, marked_rows, screen};
use super::update::{open_letter, update};

/// The rows with cells in `style` marked `^` under them, then the status line.
fn marked(app: &App, style: ratatui::style::Style) -> String {
    let status = screen(app).lines().last().unwrap_or_default().to_string();
    marked_rows(app, &[(style, '^')]) + &status
}

#[test]
fn selected_sentences_are_marked_and_counted() {
    for (w, h) in [(120, 36), (80, 24)] {
        let mut app = fixtures::app(w, h);
        open_letter(&mut app, 0);
        app.focus = Pane::Reading;
        // ¶ 3: two sentences; the first selected, then both.
        for action in [
            Action::NextParagraph,
            Action::NextParagraph,
            Action::SelectSentences,
        ] {
            update(&mut app, action);
        }
        let one = marked(&app, app.theme.selected);
        assert!(one.contains("sentence 1 of 2"), "{one}");
        if w == 120 {
            assert!(
                one.contains("j/k sentence  J/K stretch  y copy  Esc"),
                "{one}"
            );
        }
        insta::assert_snapshot!(format!("one_sentence_{w}x{h}"), one);
        update(&mut app, Action::ExtendSelection(1));
        let both = marked(&app, app.theme.selected);
        assert!(both.contains("sentences 1–2 of 2"), "{both}");
        assert!(both.matches('^').count() > one.matches('^').count());
        update(&mut app, Action::CopyCitation);
        let status = screen(&app).lines().last().unwrap_or_default().to_string();
        assert!(
            status.contains("Copied (if your terminal allows OSC 52)"),
            "{status}"
        );
        insta::assert_snapshot!(
            format!("two_sentences_{w}x{h}"),
            format!("{both}\n{status}")
        );
    }
}

#[test]
fn two_letters_side_by_side_and_one_at_a_time_when_narrow() {
    for (w, h) in [(120, 36), (80, 24)] {
        let mut app = fixtures::app(w, h);
        open_letter(&mut app, 0);
        app.focus = Pane::Reading;
        // Offlimits kept beside, the Kinderrechtencollectief's letter opened in the first pane,
        // the second scrolled on its own.
        update(&mut app, Action::ToggleBeside);
        update(&mut app, Action::Up);
        update(&mut app, Action::SwitchText);
        update(&mut app, Action::PageDown);
        let text = screen(&app);
        if w == 120 {
            assert!(text.contains("⇄ Offlimits, 2024-09-18"), "{text}");
            assert!(
                text.contains("┌ Kinderrechtencollectief, 2023-09"),
                "{text}"
            );
        } else {
            assert!(text.contains("⇄ Offlimits, 2024-09-18"), "{text}");
            assert!(
                !text.contains("Kinderrechtencollectief, 2023-09-25"),
                "{text}"
            );
            assert!(text.contains(" ⇄ Beside "), "{text}");
            let status = text.lines().last().unwrap_or_default();
            assert!(status.starts_with(" ⇄ Offlimits · "), "{status}");
        }
        insta::assert_snapshot!(format!("beside_{w}x{h}"), draw(&app).backend());
    }
}
