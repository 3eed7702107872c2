//! Whole-frame snapshots of the reader (ratatui `TestBackend` + insta) at 120×36 and 80×24,
//! on the hand-made letters of `fixtures`.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Style;

use super::action::Action;
use super::app::{App, Pane};
use super::fixtures;
use super::ui;
use super::update::{open_letter, update};

const SIZES: [(u16, u16); 2] = [(120, 36), (80, 24)];

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

/// The fixture reader with the register and the search results for `query` in place, as the
/// worker would deliver them.
fn with_search(w: u16, h: u16, query: &str) -> App {
    searched(fixtures::app(w, h), query)
}

/// `app` with the register and the search results for `query` in place.
fn searched(mut app: App, query: &str) -> App {
    let register = std::sync::Arc::new(brieven::register::Register::build(&app.letters));
    let index = brieven::search::SearchIndex::new(&app.letters, &register);
    let hits = index.search(&app.letters, &register, query, super::lookup::RESULT_LIMIT);
    update(&mut app, Action::RegisterReady(register));
    update(&mut app, Action::Search);
    for c in query.chars() {
        update(&mut app, Action::Input(c));
    }
    let seq = app.search.sent;
    let results = super::lookup::Results::new(hits, &app.index);
    update(&mut app, Action::SearchResults(seq, results));
    app
}

#[test]
fn search_overlay_with_results() {
    for (w, h) in SIZES {
        let app = with_search(w, h, "internet watch");
        insta::assert_snapshot!(format!("search_{w}x{h}"), draw(&app).backend());
    }
}

#[test]
fn register_view_and_concordance() {
    for (w, h) in SIZES {
        let mut app = with_search(w, h, "");
        update(&mut app, Action::Close);
        update(&mut app, Action::Register);
        insta::assert_snapshot!(format!("register_{w}x{h}"), draw(&app).backend());
        update(&mut app, Action::Activate);
        insta::assert_snapshot!(format!("concordance_{w}x{h}"), draw(&app).backend());
    }
}

#[test]
fn positions_overlay() {
    for (w, h) in SIZES {
        let mut app = with_search(w, h, "");
        update(&mut app, Action::Close);
        update(&mut app, Action::Positions);
        insta::assert_snapshot!(format!("positions_{w}x{h}"), draw(&app).backend());
    }
}

#[test]
fn positions_show_the_whole_summary_of_the_selected_row() {
    let summary = "Steunt detectie van bekend materiaal, met waarborgen voor versleutelde \
                   diensten en een rechterlijke toets vooraf; vraagt de Kamer om dat in de \
                   JBZ-raad van december zo in te brengen.";
    for (w, h) in SIZES {
        let mut app = fixtures::app(w, h);
        std::sync::Arc::make_mut(&mut app.letters)[0].summary = Some(summary.into());
        let mut app = searched(app, "");
        update(&mut app, Action::Close);
        update(&mut app, Action::Positions);
        // Offlimits, by date the second row.
        update(&mut app, Action::Down);
        let shown = screen(&app);
        let flat: String = shown
            .lines()
            .map(|l| l.trim_matches(|c| c == '│' || c == ' '))
            .collect::<Vec<_>>()
            .join(" ");
        assert!(
            flat.contains("zo in te brengen."),
            "{w}x{h}: the summary's end\n{shown}"
        );
        assert!(flat.contains("Offlimits → Vaste commissie"), "{shown}");
        // Another row: its summary, not this one.
        update(&mut app, Action::Up);
        assert!(
            !screen(&app).contains("zo in te brengen."),
            "{}",
            screen(&app)
        );
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

/// The rows of the frame that show a search hit, each with a line under it that marks the
/// current hit (`^`, `hit_current`) and the trail's other hits in view (`~`, `hit`).
fn hit_rows(app: &App) -> String {
    marked_rows(app, &[(app.theme.hit_current, '^'), (app.theme.hit, '~')])
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

/// The search for `query` with the result labelled `label` chosen (Enter).
fn jump_to_result(query: &str, label: &str) -> App {
    choose_result(fixtures::app(120, 36), query, label)
}

/// [`jump_to_result`] in `app`.
fn choose_result(app: App, query: &str, label: &str) -> App {
    let mut app = searched(app, query);
    let hits = &app.search.hits;
    let row = (app.search.order.iter())
        .position(|&i| hits[i].label == label)
        .unwrap_or_else(|| panic!("{label} is a result for {query}"));
    app.search.select(row, &super::component::ctx!(app));
    update(&mut app, Action::Activate);
    app
}

#[test]
fn a_hit_in_a_letters_header_is_highlighted_as_in_the_text() {
    // A term in the subject of both letters: the first, then `n` to the next.
    let mut app = jump_to_result("JBZ-raad", "JBZ-raad");
    let first = hit_rows(&app);
    update(&mut app, Action::NextOccurrence);
    let second = hit_rows(&app);
    // The current occurrence in the text, another in the sender line above it.
    let app = jump_to_result("offlimits", "Offlimits");
    let third = hit_rows(&app);
    for rows in [&first, &second] {
        assert!(rows.contains("Subject: ") && rows.contains('^'), "{rows}");
    }
    assert!(third.contains('~'), "{third}");
    insta::assert_snapshot!(
        "header_hits_120x36",
        format!("{first}\n(n)\n{second}\n(offlimits)\n{third}")
    );
}

#[test]
fn a_hit_in_a_note_is_highlighted_in_the_footnotes_pane() {
    // A note too long for the pane, with the Internet Watch Foundation twice near its end,
    // after curly quotes, accented capitals and a superscript.
    let mut app = fixtures::app(120, 36);
    std::sync::Arc::make_mut(&mut app.letters)[0].footnotes[3].text =
        "Kamerstukken II 2023/24, 26643, nr. 1100. Zie ook het rapport ‘Één jaar detectie’, \
         de reactie van de minister op de vragen van het lid Ceder over versleuteling, het \
         advies van de Raad van State over de verordening, het verslag van de JBZ-raad van \
         14 december, de notitie over privacy en proportionaliteit, het position paper \
         ‘Kinderen beschermen, ook online’ van de Kinderombudsman, en de cijfers over 2023 \
         (m²) van de Internet Watch Foundation, met 275.655 webpagina’s met misbruikmateriaal \
         (IWF, 2024)."
            .into();
    let mut app = choose_result(app, "internet watch", "Internet Watch Foundation");
    let in_note =
        |app: &App| matches!(&app.highlight, Some(h) if h.at == super::app::Shown::Note(4));
    for _ in 0..app.trail.as_ref().unwrap().targets.len() {
        if in_note(&app) {
            break;
        }
        update(&mut app, Action::NextOccurrence);
    }
    assert!(in_note(&app), "n reaches the occurrence in note 4");
    let rows = hit_rows(&app);
    // The current hit in the note in full, scrolled into view.
    let notes = app.areas().footnotes.unwrap();
    let marks: Vec<&str> = rows.lines().skip(1).step_by(2).collect();
    let col = usize::from(notes.x + 1);
    assert!(
        marks
            .iter()
            .any(|m| m.get(col..).is_some_and(|m| m.contains('^'))),
        "{rows}"
    );
    insta::assert_snapshot!("note_hits_120x36", rows);
}

/// The long letter with `pattern` typed after `s`.
fn finding(w: u16, h: u16, pattern: &str) -> App {
    let mut app = fixtures::app(w, h);
    open_letter(&mut app, 0);
    app.focus = Pane::Reading;
    update(&mut app, Action::FindInLetter);
    for c in pattern.chars() {
        update(&mut app, Action::Input(c));
    }
    app
}

#[test]
fn the_letter_search_prompt_and_its_matches() {
    for (w, h) in SIZES {
        let app = finding(w, h, "materiaal");
        insta::assert_snapshot!(format!("find_prompt_{w}x{h}"), draw(&app).backend());
        let status = screen(&app).lines().last().unwrap_or_default().to_string();
        assert!(
            status.contains("Search this letter: materiaal▏"),
            "{status}"
        );
        assert!(status.contains("1 of 18"), "{status}");
    }
    // Enter: the prompt gives way to the count; every match in view marked, the current one
    // as the current hit.
    let mut app = finding(120, 36, "materiaal");
    update(&mut app, Action::Activate);
    update(&mut app, Action::NextOccurrence);
    let rows = hit_rows(&app);
    assert_eq!(rows.matches('^').count(), "materiaal".len(), "{rows}");
    assert!(rows.matches('~').count() >= 3 * "materiaal".len(), "{rows}");
    let status = screen(&app).lines().last().unwrap_or_default().to_string();
    assert!(status.contains("2 of 18 · “materiaal” · n/N"), "{status}");
    insta::assert_snapshot!("find_hits_120x36", format!("{rows}\n{status}"));
}

#[test]
fn a_hostile_pattern_reaches_the_status_line_as_placeholders() {
    let mut app = fixtures::app(120, 36);
    update(&mut app, Action::FindInLetter);
    for c in "\x1b]0;x\x07\u{202e}".chars() {
        update(&mut app, Action::Input(c));
    }
    let text = screen(&app);
    assert!(!text.chars().any(brieven::text::is_unsafe_char), "{text}");
    assert!(text.contains("␛]0;x␇"), "{text}");
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
fn the_dutch_interface_has_no_english_left_in_search_trail_and_warnings() {
    let mut app = fixtures::app(120, 36);
    app.lang = brieven::i18n::Lang::Nl;
    let mut app = searched(app, "12.000 meldingen");
    let shown = screen(&app);
    assert!(
        shown.contains("Zoeken — Enter springt · Esc annuleert"),
        "{shown}"
    );
    let count = app.search.order.len();
    let expected = if count == 1 {
        "1 resultaat".to_string()
    } else {
        format!("{count} resultaten")
    };
    assert!(shown.contains(&expected), "{shown}");
    assert!(
        !shown.contains("results") && !shown.contains("1 result "),
        "{shown}"
    );
    // The trail of passages on the status line.
    let app_passages = {
        let mut a = fixtures::app(120, 36);
        a.lang = brieven::i18n::Lang::Nl;
        let mut a = searched(a, "beproefde techniek");
        // The first passage among the results.
        while a.search.selected_hit().is_some_and(|h| h.passage.is_none()) {
            update(&mut a, Action::Down);
        }
        update(&mut a, Action::Activate);
        a
    };
    let status = screen(&app_passages);
    let last = status.lines().last().unwrap();
    assert!(
        last.contains(" van ") && last.contains("passages met “beproefde techniek”"),
        "{last}"
    );
    assert!(!last.contains(" of "), "{last}");
    update(&mut app, Action::Close);
    update(&mut app, Action::Warnings);
    let shown = screen(&app);
    let count = app.warning_count().to_string();
    assert!(
        shown.contains(&format!("Waarschuwingen ({count}) — Esc sluit")),
        "{shown}"
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
