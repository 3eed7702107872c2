//! Whole-frame snapshots of the reader (ratatui `TestBackend` + insta) at 120×36 and 80×24,
//! on the hand-made letters of `fixtures`.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Style;

use super::action::Action;
use super::app::{App, Pane};
use super::fixtures;
use super::search_snapshot_tests::searched;
use super::ui;
use super::update::{open_letter, update};

pub(super) const SIZES: [(u16, u16); 2] = [(120, 36), (80, 24)];

pub(super) fn draw(app: &App) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(app.size.0, app.size.1)).unwrap();
    terminal.draw(|f| ui::render(app, f)).unwrap();
    terminal
}

pub(super) fn screen(app: &App) -> String {
    let terminal = draw(app);
    let buffer = terminal.backend().buffer();
    let mut out = String::new();
    for y in 0..buffer.area.height {
        for x in 0..buffer.area.width {
            out.push_str(buffer[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

#[test]
fn opening_screen() {
    for (w, h) in SIZES {
        let app = fixtures::app(w, h);
        insta::assert_snapshot!(format!("opening_{w}x{h}"), draw(&app).backend());
    }
}

#[test]
fn letter_with_notes_in_view() {
    for (w, h) in SIZES {
        let mut app = fixtures::app(w, h);
        open_letter(&mut app, 0);
        app.focus = Pane::Reading;
        for a in [Action::NextSection, Action::NextMarker, Action::Activate] {
            update(&mut app, a);
        }
        insta::assert_snapshot!(format!("notes_{w}x{h}"), draw(&app).backend());
        if w < crate::tui::layout::WIDE {
            // One pane at a time: Enter showed the Footnotes pane; back to the text.
            assert_eq!(app.focus, Pane::Footnotes);
            update(&mut app, Action::FocusPrev);
            insta::assert_snapshot!(format!("notes_reading_{w}x{h}"), draw(&app).backend());
        }
    }
}

#[test]
fn help_overlay() {
    for (w, h) in SIZES {
        let mut app = fixtures::app(w, h);
        update(&mut app, Action::Help);
        insta::assert_snapshot!(format!("help_{w}x{h}"), draw(&app).backend());
    }
}

#[test]
fn the_help_aligns_its_columns_at_every_width() {
    // Rows of one group start their descriptions in one column; no line runs into the next
    // column, whose group titles stand apart; every group is there once.
    let groups = [
        ("General", ["quit", "this help", "ingestion warnings"]),
        ("Move", ["down a line", "half a page up", "to the end"]),
        (
            "In the register",
            ["back / close", "next kind", "last entry"],
        ),
        (
            "In the cue-card stack",
            ["jump to the card", "delete the card", "new stack"],
        ),
    ];
    for w in [40, 60, 79, 80, 100, 119, 120, 150, 161, 162, 200, 260] {
        // Tall enough for all of it.
        let mut app = fixtures::app(w, 400);
        update(&mut app, Action::Help);
        let text = screen(&app);
        let lines: Vec<Vec<char>> = text.lines().map(|l| l.chars().collect()).collect();
        let find = |needle: &str| -> Vec<(usize, usize)> {
            let needle: Vec<char> = needle.chars().collect();
            let mut at = Vec::new();
            for (y, line) in lines.iter().enumerate() {
                for x in 0..line.len() {
                    if line[x..].starts_with(&needle) {
                        at.push((y, x));
                    }
                }
            }
            at
        };
        for (title, rows) in groups {
            let found = find(title);
            assert_eq!(found.len(), 1, "{w}: {title} once\n{text}");
            let (y, x) = found[0];
            assert!(
                x == 0 || matches!(lines[y][x - 1], ' ' | '│'),
                "{w}: {title} stands apart\n{text}"
            );
            // The first occurrence below the title of each description.
            let xs: Vec<usize> = rows
                .iter()
                .map(|r| {
                    find(r)
                        .into_iter()
                        .find(|&(ry, rx)| ry > y && rx >= x && rx <= x + 24)
                        .unwrap_or_else(|| panic!("{w}: {r}\n{text}"))
                        .1
                })
                .collect();
            assert!(
                xs.windows(2).all(|p| p[0] == p[1]),
                "{w}: {title} {xs:?}\n{text}"
            );
        }
    }
}

#[test]
fn every_cell_of_the_light_theme_is_readable_on_white() {
    use crate::tui::theme::tests::contrast;
    use ratatui::style::Color;
    let screens = |app: &mut App| {
        let mut out = vec![draw(app)];
        open_letter(app, 0);
        app.focus = Pane::Reading;
        for a in [Action::NextSection, Action::NextMarker, Action::Activate] {
            update(app, a);
        }
        out.push(draw(app));
        update(app, Action::FindInLetter);
        for c in "materiaal".chars() {
            update(app, Action::Input(c));
        }
        out.push(draw(app));
        update(app, Action::Activate);
        out.push(draw(app));
        for a in [Action::Help, Action::Close, Action::Warnings, Action::Close] {
            update(app, a);
            out.push(draw(app));
        }
        // The overlays with lists, a row selected in each.
        let mut app = searched(app.clone(), "internet watch");
        out.push(draw(&app));
        let timeline = brieven::timeline::Timeline::build(&app.letters, false);
        for a in [
            Action::Close,
            Action::Register,
            Action::Down,
            Action::Activate,
            Action::Close,
            Action::Close,
            Action::Positions,
            Action::Down,
            Action::Close,
            Action::Timeline,
            Action::TimelineReady(std::sync::Arc::new(timeline)),
            Action::Down,
            Action::Close,
            Action::Pin,
            Action::Cards,
            // The form, the prompts and the second text.
            Action::Close,
            Action::Annotate,
            Action::Close,
            Action::FilterLetters,
            Action::Input('o'),
            Action::Close,
            Action::SelectSentences,
            Action::Close,
            Action::ToggleBeside,
        ] {
            update(&mut app, a);
            out.push(draw(&app));
        }
        out
    };
    for (w, h) in SIZES {
        let mut app = fixtures::app(w, h);
        app.theme = super::theme::Theme::light();
        for (n, terminal) in screens(&mut app).into_iter().enumerate() {
            let buffer = terminal.backend().buffer();
            for y in 0..buffer.area.height {
                for x in 0..buffer.area.width {
                    let cell = &buffer[(x, y)];
                    if cell.symbol().trim().is_empty() {
                        continue;
                    }
                    // The terminal's own colours: black on white; reversed swaps them.
                    let fg = if cell.fg == Color::Reset {
                        Color::Black
                    } else {
                        cell.fg
                    };
                    let bg = if cell.bg == Color::Reset {
                        Color::White
                    } else {
                        cell.bg
                    };
                    let reversed = cell.modifier.contains(ratatui::style::Modifier::REVERSED);
                    let (fg, bg) = if reversed { (bg, fg) } else { (fg, bg) };
                    let ratio = contrast(fg, bg);
                    assert!(
                        ratio >= 4.5,
                        "screen {n} at {w}x{h}, ({x}, {y}) {:?}: {fg:?} on {bg:?} is {ratio:.2}:1",
                        cell.symbol()
                    );
                }
            }
        }
    }
}

#[test]
fn warnings_overlay() {
    let mut app = fixtures::app(120, 36);
    update(&mut app, Action::Warnings);
    insta::assert_snapshot!("warnings_120x36", draw(&app).backend());
}

#[test]
fn too_small_says_so() {
    let app = fixtures::app(39, 12);
    assert!(screen(&app).starts_with("Terminal too small: 39×12 (needs 40×10)"));
}

#[test]
fn the_screens_own_texts_are_dutch_with_lang_nl() {
    let mut app = fixtures::app(39, 12);
    app.lang = brieven::i18n::Lang::Nl;
    assert!(screen(&app).starts_with("Terminal te klein: 39×12 (minstens"));
    let mut app = fixtures::app(120, 36);
    app.lang = brieven::i18n::Lang::Nl;
    assert!(screen(&app).contains("(begin)"), "{}", screen(&app));
}

#[test]
fn hostile_text_never_reaches_the_screen_raw() {
    for (w, h) in SIZES {
        let mut app = fixtures::app(w, h);
        open_letter(&mut app, 2);
        app.focus = Pane::Reading;
        for a in [Action::NextMarker, Action::Activate] {
            update(&mut app, a);
        }
        let text = screen(&app);
        assert!(
            !text.chars().any(brieven::text::is_unsafe_char),
            "unsafe character on screen:\n{text}"
        );
        assert!(text.contains("Evil␛]0;pwned␇ Corp"), "{text}");
        if w >= crate::tui::layout::WIDE {
            assert!(
                text.contains("␛P evil ␛\\"),
                "the note is shown, sanitized:\n{text}"
            );
        }
    }
}

#[test]
fn timeline_overlay() {
    for (w, h) in SIZES {
        let mut app = fixtures::app(w, h);
        std::sync::Arc::make_mut(&mut app.letters)[0].sections[1].paragraphs[0].text =
            "Wij spraken u op 28 september 2023 in de JBZ-raad, en opnieuw in het \
             commissiedebat van 10 oktober 2023."
                .into();
        update(&mut app, Action::Timeline);
        let timeline = brieven::timeline::Timeline::build(&app.letters, false);
        update(
            &mut app,
            Action::TimelineReady(std::sync::Arc::new(timeline)),
        );
        insta::assert_snapshot!(format!("timeline_{w}x{h}"), draw(&app).backend());
    }
}

#[test]
fn cue_card_overlay() {
    for (w, h) in SIZES {
        let mut app = fixtures::app(w, h);
        open_letter(&mut app, 0);
        app.focus = Pane::Reading;
        update(&mut app, Action::Pin);
        update(&mut app, Action::NextMarker);
        update(&mut app, Action::Pin);
        let label = Some("Jaarverslag".to_string());
        app.state.stack_mut("default").cards[1].label = label;
        app.state.stack_mut("JBZ-raad december");
        update(&mut app, Action::Cards);
        update(&mut app, Action::Down);
        insta::assert_snapshot!(format!("cards_{w}x{h}"), draw(&app).backend());
    }
}

/// The rows of the frame with cells in one of `styles`, each with a line under it that marks
/// those cells with the style's char (the first style that a cell has).
pub(super) fn marked_rows(app: &App, styles: &[(Style, char)]) -> String {
    let terminal = draw(app);
    let buffer = terminal.backend().buffer();
    let has = |cell: Style, style: Style| cell.patch(style) == cell;
    let mut out = String::new();
    for y in 0..buffer.area.height {
        let (mut text, mut marks) = (String::new(), String::new());
        for x in 0..buffer.area.width {
            let cell = &buffer[(x, y)];
            text.push_str(cell.symbol());
            let mark = styles.iter().find(|(style, _)| has(cell.style(), *style));
            marks.push(mark.map_or(' ', |(_, c)| *c));
        }
        if !marks.trim().is_empty() {
            out.push_str(&format!("{}\n{}\n", text.trim_end(), marks.trim_end()));
        }
    }
    out
}

#[test]
fn the_status_line_shows_the_page_of_a_letter_with_pages() {
    let status = |app: &App| screen(app).lines().last().unwrap_or_default().to_string();
    let mut app = fixtures::app(120, 36);
    open_letter(&mut app, 0);
    app.focus = Pane::Reading;
    update(&mut app, Action::NextSection);
    assert!(
        !status(&app).contains(" p. "),
        "no pages, no page: {}",
        status(&app)
    );
    let mut letters: Vec<_> = app.letters.as_ref().clone();
    for (k, section) in letters[0].sections.iter_mut().enumerate() {
        section.page = Some(k as u32 + 2);
        for paragraph in &mut section.paragraphs {
            paragraph.page = Some(k as u32 + 2);
        }
    }
    let mut app = App::new(letters, Vec::new(), app.theme, (120, 36));
    open_letter(&mut app, 0);
    app.focus = Pane::Reading;
    update(&mut app, Action::NextSection);
    let section = app.section_in_view().expect("a section in view");
    let line = status(&app);
    assert!(
        line.contains(&format!(" · p. {} · ", section + 2)),
        "{line}"
    );
}

#[test]
fn a_frame_smaller_than_the_size_last_heard_of_is_drawn_without_a_panic() {
    // A resize on its way: the app still thinks 120×36, the terminal is 30×8 (the Reading
    // pane's gutter lies outside it).
    let mut app = fixtures::app(120, 36);
    app.focus = crate::tui::app::Pane::Reading;
    update(&mut app, Action::NextParagraph);
    for _ in 0..6 {
        update(&mut app, Action::NextParagraph);
    }
    assert!(app.current_paragraph().is_some());
    let mut terminal = Terminal::new(TestBackend::new(30, 8)).unwrap();
    terminal.draw(|f| ui::render(&app, f)).unwrap();
}

#[test]
fn letters_sorted_and_filtered() {
    for (w, h) in SIZES {
        let mut app = fixtures::app(w, h);
        app.focus = Pane::Reading;
        // `S` by sender, `&` then "jbz": two of three letters, the prompt on the status line.
        let mut actions = vec![Action::SortLetters, Action::FilterLetters];
        actions.extend("jbz".chars().map(Action::Input));
        for a in actions {
            update(&mut app, a);
        }
        insta::assert_snapshot!(format!("letters_filter_{w}x{h}"), draw(&app).backend());
        // A control character typed (pasted) into the filter is shown as a placeholder.
        update(&mut app, Action::Input('\x1b'));
        assert!(!screen(&app).contains('\x1b'));
    }
}
