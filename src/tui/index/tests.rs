//! The lookups by letter and what is worked out with them once: the senders of a hit's
//! letters, the order of an entity's occurrences, the register's tabs. The letters are in
//! neither date nor alphabetical nor id order, so an answer by corpus position, by name or by
//! id would differ from the right one.

use brieven::model::{Date, Letter};
use brieven::register::{Entity, EntityKind, Occurrence, Place, Register};
use brieven::search::{Hit, HitKind};

use super::LetterIndex;
use crate::tui::action::Action;
use crate::tui::app::{App, Overlay};
use crate::tui::lookup::{Entry, RegisterTabs, Results, Senders, occurrence_order, senders};
use crate::tui::theme::Theme;
use crate::tui::update::update;

fn letter(id: &str, sender: Option<&str>, date: Option<Date>) -> Letter {
    Letter {
        id: id.into(),
        sender: sender.map(String::from),
        date,
        ..Letter::default()
    }
}

/// Five letters: corpus order c a d b e, date order a e b c d (d undated).
fn letters() -> Vec<Letter> {
    vec![
        letter("c", Some("Ministerie van JenV"), Date::ymd(2024, 3, 1)),
        letter("a", Some("Offlimits"), Date::ymd(2022, 1, 5)),
        letter("d", None, None),
        letter("b", Some("Bits of Freedom"), Date::ymd(2023, 7, 9)),
        letter("e", Some("Offlimits"), Date::ymd(2022, 6, 30)),
    ]
}

const DATE_ORDER: [usize; 5] = [1, 4, 3, 0, 2];

fn index() -> LetterIndex {
    LetterIndex::new(&letters(), &DATE_ORDER)
}

/// The letters of [`letters`] with these ids, by number (an unknown id: a letter not loaded).
fn numbers(ids: &[&str]) -> Vec<usize> {
    let all = letters();
    (ids.iter())
        .map(|id| all.iter().position(|l| l.id == *id).unwrap_or(99))
        .collect()
}

fn names(list: &[&str]) -> Senders {
    Senders::Names(list.iter().map(|s| s.to_string()).collect())
}

#[test]
fn rank_is_the_row_in_the_date_order() {
    let index = index();
    let ranks: Vec<usize> = (0..5).map(|i| index.rank(i)).collect();
    assert_eq!(ranks, [3, 0, 4, 2, 1]);
    assert_eq!(index.rank(5), usize::MAX, "no such letter: past every row");
}

#[test]
fn the_reader_finds_the_open_letters_row_as_the_date_order_has_it() {
    let mut app = App::new(letters(), Vec::new(), Theme::dark(), (120, 36));
    assert_eq!(app.list, DATE_ORDER);
    for i in 0..5 {
        app.current = i;
        let row = DATE_ORDER.iter().position(|&l| l == i).unwrap();
        assert_eq!(app.letter_row(), Some(row), "letter {i}");
    }
}

#[test]
fn letters_are_found_by_id_the_first_of_equal_ids() {
    let mut list = letters();
    list.push(letter("a", Some("Tweede Kamer"), None));
    let index = LetterIndex::new(&list, &[1, 4, 3, 0, 2, 5]);
    let found: Vec<Option<usize>> = ["a", "b", "c", "d", "e", "f"]
        .iter()
        .map(|id| index.by_id(id))
        .collect();
    assert_eq!(found, [Some(1), Some(3), Some(0), Some(2), Some(4), None]);
}

#[test]
fn equal_senders_share_a_number_and_are_shown_sanitised() {
    let mut list = letters();
    list.push(letter("x", Some("Evil\u{1b}[31m corp"), None));
    let index = LetterIndex::new(&list, &[]);
    let (a, name) = index.sender(1).unwrap();
    assert_eq!(name, "Offlimits");
    assert_eq!(
        index.sender(4).unwrap().0,
        a,
        "the same sender, the same number"
    );
    assert_ne!(index.sender(0).unwrap().0, a);
    assert_eq!(index.sender(2).unwrap().1, "(unknown sender)");
    assert!(!index.sender(5).unwrap().1.contains('\u{1b}'));
    assert_eq!(index.sender(6), None);
}

#[test]
fn a_hits_senders_are_named_in_the_order_of_its_letters_once_each() {
    let index = index();
    let cases: [(&[&str], Senders); 6] = [
        (&["b", "a", "e"], names(&["Bits of Freedom", "Offlimits"])),
        (&["e", "b"], names(&["Offlimits", "Bits of Freedom"])),
        (&["zz", "e"], names(&["Offlimits"])),
        (&[], names(&[])),
        (
            &["c", "a", "e", "d"],
            names(&["Ministerie van JenV", "Offlimits", "(unknown sender)"]),
        ),
        (&["c", "a", "d", "b"], Senders::Many),
    ];
    for (letters, expected) in cases {
        assert_eq!(senders(&index, &numbers(letters)), expected, "{letters:?}");
    }
}

fn occurrence(letter: usize, at: usize) -> Occurrence {
    Occurrence::new(
        letter,
        Place::Paragraph {
            section: 0,
            paragraph: 0,
        },
        at,
        3,
    )
    .unwrap()
}

fn entity(id: usize, kind: EntityKind, label: &str, occurrences: Vec<Occurrence>) -> Entity {
    Entity {
        id,
        kind,
        label: label.into(),
        aliases: Vec::new(),
        gloss: None,
        role: None,
        date: None,
        occurrences,
        definition: None,
        case_sensitive: false,
    }
}

#[test]
fn occurrences_are_listed_by_letter_in_date_order_then_as_found() {
    let found = vec![
        occurrence(0, 5),
        occurrence(1, 1),
        occurrence(0, 2),
        occurrence(3, 0),
        occurrence(2, 4),
        occurrence(1, 9),
        occurrence(4, 7),
    ];
    let e = entity(0, EntityKind::Term, "encryptie", found);
    let listed: Vec<(usize, u32)> = occurrence_order(&e, &index())
        .into_iter()
        .map(|o| (e.occurrences[o].letter_index(), e.occurrences[o].at))
        .collect();
    assert_eq!(
        listed,
        [(1, 1), (1, 9), (4, 7), (3, 0), (0, 5), (0, 2), (2, 4)]
    );
}

fn register() -> Register {
    Register {
        entities: vec![
            entity(
                0,
                EntityKind::Organisation,
                "Offlimits",
                vec![occurrence(0, 1), occurrence(0, 8), occurrence(3, 2)],
            ),
            entity(1, EntityKind::Term, "grooming", vec![occurrence(2, 0)]),
            entity(
                2,
                EntityKind::Organisation,
                "Bits of Freedom",
                vec![
                    occurrence(4, 0),
                    occurrence(4, 3),
                    occurrence(4, 6),
                    occurrence(4, 9),
                ],
            ),
            entity(3, EntityKind::Organisation, "EDRi", Vec::new()),
            entity(
                4,
                EntityKind::Term,
                "hash-matching",
                vec![occurrence(1, 0), occurrence(3, 0), occurrence(0, 0)],
            ),
        ],
    }
}

#[test]
fn register_tabs_list_entries_by_count_with_their_letters_counted() {
    let tabs = RegisterTabs::new(&register(), 5);
    let entry = |entity, letters| Entry { entity, letters };
    // Organisations: most occurrences first, none without any.
    assert_eq!(tabs.tab(0), [entry(2, 1), entry(0, 2)]);
    assert_eq!(tabs.tab(1), []);
    assert_eq!(tabs.tab(2), []);
    assert_eq!(tabs.tab(3), [entry(4, 3), entry(1, 1)]);
    assert_eq!(tabs.tab(4), [], "no such tab");
}

fn hit(label: &str, letters: &[&str]) -> Hit {
    Hit {
        kind: HitKind::Organisation,
        label: label.into(),
        aliases: Vec::new(),
        gloss: None,
        score: 1,
        positions: Vec::new(),
        letter_count: letters.len(),
        first_letters: numbers(letters),
        occurrences: letters.len(),
        entity: None,
        matched_alias: None,
        passage: None,
    }
}

#[test]
fn the_search_overlay_names_each_hits_senders() {
    let mut app = App::new(letters(), Vec::new(), Theme::dark(), (160, 30));
    update(&mut app, Action::Search);
    update(&mut app, Action::Input('x'));
    let hits = vec![
        hit("Eerste", &["e", "b"]),
        hit("Tweede", &["b", "a", "e"]),
        hit("Derde", &["c", "a", "d", "b"]),
    ];
    let results = Results::new(hits, &app.index, |_| unreachable!("it names every letter"));
    let seq = app.search.sent;
    update(&mut app, Action::SearchResults(seq, results));
    assert_eq!(app.overlay(), Some(&Overlay::Search));
    let screen = screen(&app);
    let row = |label: &str| screen[line_with(&screen, label)].clone();
    // What stands after the count, up to the overlay's border.
    let letters = |label: &str| {
        let line = row(label);
        let after = line.split_once("× · ").map_or("", |(_, a)| a);
        after.split('│').next().unwrap_or("").trim().to_string()
    };
    assert_eq!(letters("Eerste"), "Offlimits, Bits of Freedom");
    assert_eq!(letters("Tweede"), "Bits of Freedom, Offlimits");
    assert_eq!(letters("Derde"), "4 letters");
}

/// The screen as lines of text.
fn screen(app: &App) -> Vec<String> {
    let (w, h) = app.size;
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| crate::tui::ui::render(app, f)).unwrap();
    let buffer = terminal.backend().buffer();
    (0..h)
        .map(|y| (0..w).map(|x| buffer[(x, y)].symbol()).collect())
        .collect()
}

/// The first line holding `text`.
fn line_with(lines: &[String], text: &str) -> usize {
    (lines.iter().position(|l| l.contains(text)))
        .unwrap_or_else(|| panic!("{text} on screen:\n{}", lines.join("\n")))
}

#[test]
fn the_concordance_lists_and_jumps_in_date_order() {
    let mut app = App::new(letters(), Vec::new(), Theme::dark(), (160, 30));
    update(
        &mut app,
        Action::RegisterReady(std::sync::Arc::new(register())),
    );
    update(&mut app, Action::Register);
    for _ in 0..3 {
        update(&mut app, Action::NextTab);
    }
    // The Terms tab's first entry: hash-matching, in letters 1, 3 and 0 (dated 2022, 2023
    // and 2024).
    update(&mut app, Action::Activate);
    assert_eq!(app.register_view.concordance, Some((4, 0)));
    let lines = screen(&app);
    let at = |text: &str| line_with(&lines, text);
    let rows = [
        at("2022-01-05 Offlimits"),
        at("2023-07-09 Bits of Freedom"),
        at("2024-03-01 Ministerie van JenV"),
    ];
    assert!(rows.is_sorted() && rows[0] < rows[2], "{rows:?}");
    update(&mut app, Action::Down);
    update(&mut app, Action::Activate);
    let trail = app.trail.clone().expect("a trail");
    let order: Vec<usize> = (0..trail.targets.len())
        .map(|i| app.trail_target(i).expect("a target").letter)
        .collect();
    assert_eq!(order, [1, 3, 0]);
    assert_eq!((trail.index, app.current), (1, 3));
}

/// `n` letters whose date order is a shuffle of the corpus order (by a multiplier prime to
/// `n`), with an entity of `count` occurrences spread over them (some in a letter no index
/// knows), its definition the occurrence `defined` when given.
fn scattered(n: usize, count: usize, defined: Option<usize>) -> (LetterIndex, Entity) {
    let letters: Vec<Letter> = (0..n).map(|i| letter(&i.to_string(), None, None)).collect();
    let order: Vec<usize> = (0..n).map(|row| (row * 7 + 3) % n).collect();
    let index = LetterIndex::new(&letters, &order);
    let found = (0..count)
        .map(|k| occurrence((k * 13 + k / 5) % (n + 1), k))
        .collect();
    let mut e = entity(0, EntityKind::Term, "t", found);
    e.definition = defined.map(|d| brieven::register::Defined {
        occurrence: e.occurrences[d],
        citation: "Article 2".into(),
    });
    (index, e)
}

#[test]
fn the_occurrence_order_is_the_libraries_at_every_size() {
    // Few occurrences among many letters (sorted), many (counted into buckets), with and
    // without a definition, in letters the index does not know too.
    for (n, count) in [(200, 5), (200, 1000), (64, 64), (10, 3), (1, 4), (50, 0)] {
        for defined in [None, Some(count / 2)] {
            let defined = defined.filter(|&d| d < count);
            let (index, e) = scattered(n, count, defined);
            let expected = brieven::register::definition_first(&e, |l| index.rank(l));
            assert_eq!(
                occurrence_order(&e, &index),
                expected,
                "{n} letters, {count}"
            );
        }
    }
}

#[test]
fn a_trail_finds_the_occurrences_in_one_letter_without_the_others() {
    use crate::tui::trail::Targets;
    for (n, count, defined) in [(200, 1000, Some(17)), (30, 90, None), (200, 5, Some(0))] {
        let (index, e) = scattered(n, count, defined);
        let letters: Vec<Letter> = (0..n).map(|i| letter(&i.to_string(), None, None)).collect();
        let register = Register { entities: vec![e] };
        let order = std::sync::Arc::new(occurrence_order(&register.entities[0], &index));
        let targets = Targets::Occurrences { entity: 0, order };
        let all: Vec<_> = (0..targets.len())
            .map(|i| targets.get(i, &letters, Some(&register)).unwrap())
            .collect();
        for l in 0..=n {
            let expected: Vec<_> = all.iter().filter(|t| t.letter == l).copied().collect();
            let lookups = (&letters[..], Some(&register), &index);
            assert_eq!(targets.in_letter(l, lookups), expected, "letter {l} of {n}");
        }
    }
}

#[test]
fn the_register_details_count_letters_in_date_order_from_the_concordances_order() {
    for (n, count, defined) in [(200, 1000, Some(17)), (30, 90, None), (200, 5, Some(0))] {
        let (index, e) = scattered(n, count, defined);
        // Letters the index knows (the others are not shown).
        let mut expected = e.per_letter();
        expected.retain(|&(l, _)| l < n);
        expected.sort_by_key(|&(l, _)| index.rank(l));
        let order = occurrence_order(&e, &index);
        let listed: Vec<(usize, usize)> =
            crate::tui::panes::register::per_letter_in_order(&e, &order, &index)
                .filter(|&(l, _)| l < n)
                .collect();
        assert_eq!(listed, expected, "{n} letters, {count}");
    }
}

/// A term in 14 letters: the first ten sent by two senders, the last four by `others` (by
/// the same two when none are given). The overlay counts the letters and names the senders of all fourteen, though a
/// hit names only its first ten letters.
fn a_term_in_fourteen_letters(others: &[&str]) -> Vec<String> {
    let letters: Vec<Letter> = (0..14usize)
        .map(|i| {
            let sender = match (i, others.get(i.saturating_sub(10))) {
                (10.., Some(other)) => other,
                _ if i % 2 == 0 => "Een",
                _ => "Twee",
            };
            let mut letter = letter(&format!("{i:03}_x"), Some(sender), Date::ymd(2024, 1, 1));
            letter.sections = vec![brieven::model::Section {
                paragraphs: vec![brieven::model::Paragraph {
                    text: "Over encryptie.".into(),
                    ..Default::default()
                }],
                ..Default::default()
            }];
            letter
        })
        .collect();
    let mut app = App::new(letters, Vec::new(), Theme::dark(), (160, 30));
    let register = Register::build(&app.letters);
    update(&mut app, Action::Search);
    for c in "term:encryptie".chars() {
        update(&mut app, Action::Input(c));
    }
    let query = &app.search.query;
    let results = crate::tui::worker::answer((&app.letters, &register), &app.index, query, 20);
    assert_eq!(
        results.hits[0].first_letters.len(),
        10,
        "the first ten named"
    );
    let seq = app.search.sent;
    update(&mut app, Action::SearchResults(seq, results));
    screen(&app)
}

#[test]
fn a_hits_letters_are_counted_and_their_senders_named_past_the_first_ten() {
    let line = |others: &[&str]| {
        let screen = a_term_in_fourteen_letters(others);
        let row = screen
            .iter()
            .find(|l| l.contains("encryptie") && l.contains("× ·"));
        row.cloned()
            .unwrap_or_else(|| panic!("no hit on screen:\n{}", screen.join("\n")))
    };
    let shown = line(&["Een", "Drie", "Een", "Twee"]);
    assert!(shown.contains("14× · Een, Twee, Drie "), "{shown}");
    let shown = line(&["Een", "Drie", "Een", "Vier"]);
    assert!(shown.contains("14× · 14 letters "), "{shown}");
    let shown = line(&[]);
    assert!(shown.contains("14× · Een, Twee "), "{shown}");
}
