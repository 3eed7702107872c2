//! Whole-frame snapshots of the reader's search views (ratatui `TestBackend` + insta) at
//! 120×36 and 80×24, on the hand-made letters of `fixtures` with the register and search
//! results in place: the search overlay, the register and a concordance, the positions, a
//! hit marked where it lies (a letter's header, a note), the search in one letter (`s`), and
//! the Dutch interface over them.

use super::action::Action;
use super::app::{App, Pane};
use super::fixtures;
use super::snapshot_tests::{SIZES, draw, marked_rows, screen};
use super::update::{open_letter, update};

/// The fixture reader with the register and the search results for `query` in place, as the
/// worker would deliver them.
fn with_search(w: u16, h: u16, query: &str) -> App {
    searched(fixtures::app(w, h), query)
}

/// `app` with the register and the search results for `query` in place.
pub(super) fn searched(mut app: App, query: &str) -> App {
    let register = std::sync::Arc::new(brieven::register::Register::build(&app.letters));
    let results = super::worker::answer(
        (&app.letters, &register),
        &app.index,
        query,
        super::lookup::RESULT_LIMIT,
    );
    update(&mut app, Action::RegisterReady(register));
    update(&mut app, Action::Search);
    for c in query.chars() {
        update(&mut app, Action::Input(c));
    }
    let seq = app.search.sent;
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

/// The rows of the frame that show a search hit, each with a line under it that marks the
/// current hit (`^`, `hit_current`) and the trail's other hits in view (`~`, `hit`).
fn hit_rows(app: &App) -> String {
    marked_rows(app, &[(app.theme.hit_current, '^'), (app.theme.hit, '~')])
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
