//! Search tests on small hand-made letters: ranking, folding, typos, dates, filters, snippets,
//! and queries that must neither panic nor hang.

use super::*;
use crate::model::{Date, Footnote, Paragraph, Section};

pub(super) fn letter(
    id: &str,
    sender: &str,
    date: &str,
    paragraphs: &[&str],
    notes: &[&str],
) -> Letter {
    Letter {
        id: id.to_string(),
        sender: Some(sender.to_string()),
        date: Date::parse_iso(date),
        sections: vec![Section {
            heading: None,
            paragraphs: paragraphs
                .iter()
                .map(|t| Paragraph {
                    text: t.to_string(),
                    ..Paragraph::default()
                })
                .collect(),
            line: 1,
            page: None,
        }],
        footnotes: notes
            .iter()
            .enumerate()
            .map(|(i, t)| Footnote {
                number: i as u32 + 1,
                text: t.to_string(),
                ..Footnote::default()
            })
            .collect(),
        ..Letter::default()
    }
}

fn corpus() -> Vec<Letter> {
    vec![
        letter(
            "001_a",
            "Kinderrechtencollectief",
            "2023-09-25",
            &[
                "Minister Yeşilgöz ontving meldingen van NCMEC over nieuw materiaal.",
                "Het Kinderrechtencollectief steunt het detectiebevel op 28 september.",
            ],
            &["IWF annual report 2023, https://www.iwf.org.uk/annual-report-2023/"],
        ),
        letter(
            "002_b",
            "Offlimits",
            "2024-09-18",
            &[
                "Offlimits vreest false positives bij het detecteren van nieuw materiaal.",
                "Staatssecretaris Szabó en de NCMEC-cijfers; ook NCMEC zelf.",
            ],
            &["Zie de analyse van Bits of Freedom."],
        ),
    ]
}

fn run(letters: &[Letter], q: &str) -> Vec<Hit> {
    let register = Register::build(letters);
    let index = SearchIndex::new(letters, &register);
    index.search(letters, &register, q, 20)
}

/// `f` over `letters` with their register and index built.
pub(super) fn built<R>(letters: &[Letter], f: impl FnOnce(&Memory<'_>) -> R) -> R {
    let register = Register::build(letters);
    let index = SearchIndex::new(letters, &register);
    f(&Memory {
        letters,
        register: &register,
        index: &index,
    })
}

/// The ids of every letter each hit of `q` occurs in, asked for after the search as the CLI's
/// JSON asks ([`HitLetters`]).
fn letter_ids(letters: &[Letter], q: &str) -> Vec<Vec<String>> {
    built(letters, |source| {
        let asked = HitLetters::new(source, q);
        let hits = search_in(source, q, 20);
        let id = |l: usize| letters[l].id.clone();
        hits.iter()
            .map(|h| asked.of(h).into_iter().map(id).collect())
            .collect()
    })
}

fn labels(hits: &[Hit]) -> Vec<&str> {
    hits.iter().map(|h| h.label.as_str()).collect()
}

#[test]
fn folding_typos_and_subsequences_find_entities() {
    let l = corpus();
    let first = |q: &str| run(&l, q).into_iter().next().map(|h| h.label);
    assert_eq!(
        first("yesilgoz").as_deref(),
        Some("Dilan Yeşilgöz-Zegerius")
    );
    assert_eq!(first("szabo").as_deref(), Some("Zsolt Szabó"));
    assert_eq!(first("ncmc").as_deref(), Some("NCMEC"));
    assert_eq!(
        first("kinderrechtencolectief").as_deref(),
        Some("Kinderrechtencollectief")
    );
    assert_eq!(
        first("KINDERRECHTENCOLLECTIEF").as_deref(),
        Some("Kinderrechtencollectief")
    );
    let hits = run(&l, "yesilgoz");
    assert_eq!(hits[0].positions, (6..14).collect::<Vec<_>>());
    assert_eq!(hits[0].kind, HitKind::Person);
}

#[test]
fn entities_carry_counts_letters_and_the_alias_that_matched() {
    let l = corpus();
    let hits = run(&l, "ncmec");
    let ncmec = &hits[0];
    assert_eq!(
        (ncmec.kind, ncmec.label.as_str()),
        (HitKind::Organisation, "NCMEC")
    );
    assert_eq!(ncmec.occurrences, 3);
    assert_eq!(
        (ncmec.letter_count, &ncmec.first_letters[..]),
        (2, &[0, 1][..])
    );
    assert_eq!(letter_ids(&l, "ncmec")[0], ["001_a", "002_b"]);
    assert!(ncmec.gloss.is_some());
    let hits = run(&l, "national center for missing");
    assert_eq!(hits[0].label, "NCMEC");
    assert_eq!(
        hits[0].matched_alias.as_deref(),
        Some("National Center for Missing & Exploited Children")
    );
    // Entities before passages; the passages still come.
    let kinds: Vec<HitKind> = hits.iter().map(|h| h.kind).collect();
    let first_passage = kinds.iter().position(|k| *k == HitKind::Passage);
    assert!(first_passage.is_none_or(|p| kinds[..p].iter().all(|k| *k != HitKind::Passage)));
}

#[test]
fn passages_are_found_through_the_vocabulary_with_snippets() {
    let l = corpus();
    let hits = run(&l, "nieuw materiaal");
    let passages: Vec<&Hit> = hits.iter().filter(|h| h.kind == HitKind::Passage).collect();
    assert_eq!(passages.len(), 2);
    let p = passages[0].passage.as_ref().unwrap();
    let marked: String = passages[0]
        .positions
        .iter()
        .map(|&i| p.snippet.chars().nth(i).unwrap())
        .collect();
    assert_eq!(marked, "nieuwmateriaal");
    assert_eq!(passages[0].occurrences, 2);
    let text = &l[p.letter_index].sections[p.section].paragraphs[p.paragraph].text;
    assert_eq!(text.chars().skip(p.at).take(5).collect::<String>(), "nieuw");
    // A prefix and a typo find words too.
    assert!(
        run(&l, "detectieb")
            .iter()
            .any(|h| h.kind == HitKind::Passage)
    );
    assert!(
        run(&l, "meldngen")
            .iter()
            .any(|h| h.kind == HitKind::Passage)
    );
}

#[test]
fn dates_come_first_for_date_queries() {
    let l = corpus();
    for q in [
        "28 september",
        "2023-09-28",
        "28-09-2023",
        "sep 2023",
        "2023-09",
        "2023",
    ] {
        let hits = run(&l, q);
        assert_eq!(hits[0].kind, HitKind::Date, "{q}: {:?}", labels(&hits));
        assert!(hits[0].label.starts_with("2023"), "{q}");
    }
    let hits = run(&l, "2024");
    assert_eq!(hits[0].label, "2024-09-18");
}

#[test]
fn filters_restrict_kinds_letters_notes_and_dates() {
    let l = corpus();
    let hits = run(&l, "org:ncmec");
    assert!(!hits.is_empty() && hits.iter().all(|h| h.kind == HitKind::Organisation));
    let hits = run(&l, "ncmec in:002");
    assert_eq!(
        (hits[0].occurrences, hits[0].letter_count),
        (2, 1),
        "one letter"
    );
    assert!(hits.iter().all(|h| h.first_letters == [1]));
    assert!(
        letter_ids(&l, "ncmec in:002")
            .iter()
            .all(|ids| ids == &["002_b"])
    );
    let hits = run(&l, "ncmec in:offlimits");
    assert!(hits.iter().all(|h| h.first_letters == [1]));
    let ids = letter_ids(&l, "ncmec in:offlimits");
    assert!(!ids.is_empty() && ids.iter().all(|ids| ids == &["002_b"]));
    let hits = run(&l, "notes:iwf annual report");
    assert!(!hits.is_empty());
    assert!(hits.iter().all(|h| matches!(
        h.passage.as_ref().map(|p| p.place),
        Some(Place::Footnote { number: 1 })
    )));
    assert_eq!(hits[0].first_letters, [0]);
    assert_eq!(letter_ids(&l, "notes:iwf annual report")[0], ["001_a"]);
    let hits = run(&l, "date:2023-09..2023-12");
    assert_eq!(labels(&hits), ["2023-09-25", "2023-09-28"], "in time order");
    let people = run(&l, "person:");
    assert!(people.len() >= 2 && people.iter().all(|h| h.kind == HitKind::Person));
    assert!(run(&l, "term:szabo").is_empty());
}

#[test]
fn no_query_panics_or_hangs() {
    let l = corpus();
    let register = Register::build(&l);
    let index = SearchIndex::new(&l, &register);
    let long = "kinderrechten ".repeat(800);
    let queries = [
        "",
        " ",
        ":",
        "org:",
        "in:",
        "notes:",
        "date:",
        "date:..",
        "..",
        "!!!???...",
        ".*(a|b)+[x]{2,}\\",
        "שלום עולם",
        "مرحبا",
        "\u{202E}ncmec",
        "\u{0}\u{1b}[2J",
        "👍🏽",
        "a",
        "0000-00-00",
        "9999",
        "date:2023-13..2024-99",
        "in:zzz ncmec",
        &long,
    ];
    for q in queries {
        let start = std::time::Instant::now();
        let hits = index.search(&l, &register, q, 10);
        assert!(hits.len() <= 10);
        assert!(
            start.elapsed().as_secs() < 2,
            "{q:.20} took {:?}",
            start.elapsed()
        );
    }
    assert!(index.search(&l, &register, "", 10).is_empty());
    assert!(index.search(&l, &register, "ncmec", 0).is_empty());
}

#[test]
fn the_index_and_register_can_move_to_a_worker_thread() {
    fn send_sync<T: Send + Sync>() {}
    send_sync::<SearchIndex>();
    send_sync::<Register>();
    send_sync::<Hit>();
    let l = corpus();
    let register = Register::build(&l);
    let index = SearchIndex::new(&l, &register);
    let hits = std::thread::scope(|s| {
        s.spawn(|| index.search(&l, &register, "ncmec", 5))
            .join()
            .unwrap()
    });
    assert_eq!(hits[0].label, "NCMEC");
}

#[test]
fn numbers_are_never_typos_and_most_words_is_the_fallback() {
    let l = vec![letter(
        "x",
        "Offlimits",
        "2024-09-04",
        &[
            "Zie artikel 16 en artikel 19 van het VN-Kinderrechtenverdrag.",
            "Over nieuw materiaal.",
        ],
        &[],
    )];
    let hits = run(&l, "artikel 16");
    let terms: Vec<&str> = hits
        .iter()
        .filter(|h| h.kind == HitKind::Term)
        .map(|h| h.label.as_str())
        .collect();
    assert_eq!(terms, ["artikel 16 VN-Kinderrechtenverdrag"]);
    // No passage has all three words: the ones with two of them come, ranked low.
    let hits = run(&l, "offlimits nieuw materiaal");
    let passage = hits
        .iter()
        .find(|h| h.kind == HitKind::Passage)
        .expect("a fallback passage");
    assert!(
        passage
            .passage
            .as_ref()
            .unwrap()
            .snippet
            .contains("nieuw materiaal")
    );
    assert!(passage.score < entities::TYPO);
    assert!(
        run(&l, "qqq rrr nieuw").is_empty(),
        "one word of three is not enough"
    );
}

#[test]
fn passages_where_the_entity_occurs_under_another_name() {
    let l = vec![letter(
        "x",
        "Kamer",
        "2024-09-04",
        &[
            "Het EOKM meldt veel.",
            "Zie https://offlimits.nl/rapport en Offlimits zelf.",
        ],
        &[],
    )];
    let hits = run(&l, "offlimits");
    assert_eq!(hits[0].label, "Offlimits");
    let passages: Vec<&PassageHit> = hits.iter().filter_map(|h| h.passage.as_ref()).collect();
    // The word itself first (in running text before in a URL), then the alias.
    assert_eq!(passages.len(), 2);
    assert_eq!(
        passages[0].place,
        Place::Paragraph {
            section: 0,
            paragraph: 1
        }
    );
    assert_eq!(
        passages[1].place,
        Place::Paragraph {
            section: 0,
            paragraph: 0
        }
    );
    let eokm = hits
        .iter()
        .find(|h| h.passage.as_ref() == Some(passages[1]))
        .unwrap();
    let marked: String = eokm
        .positions
        .iter()
        .map(|&i| passages[1].snippet.chars().nth(i).unwrap())
        .collect();
    assert_eq!(marked, "EOKM");
}

#[test]
fn searching_other_letters_than_the_index_was_built_on_does_not_panic() {
    let l = corpus();
    let register = Register::build(&l);
    let index = SearchIndex::new(&l, &register);
    let hits = index.search(&l[..1], &register, "ncmec materiaal", 10);
    assert!(
        hits.iter()
            .all(|h| h.letter_count <= 1 && h.first_letters.iter().all(|&l| l == 0))
    );
    assert!(
        index
            .search(&[], &Register::default(), "ncmec", 10)
            .is_empty()
    );
}

#[test]
fn a_letter_filter_alone_lists_that_letters_entities() {
    let l = corpus();
    let hits = run(&l, "in:002");
    assert!(hits.iter().any(|h| h.label == "Zsolt Szabó"));
    assert!(hits.iter().all(|h| h.first_letters == [1]));
    assert!(letter_ids(&l, "in:002").iter().all(|ids| ids == &["002_b"]));
    assert!(hits.iter().all(|h| h.kind != HitKind::Passage));
}

#[test]
fn an_index_read_back_from_its_pieces_answers_as_the_original() {
    let letters = corpus();
    let register = Register::build(&letters);
    let index = SearchIndex::new(&letters, &register);
    let pieces: Vec<Vec<u8>> = index.to_pieces().collect();
    assert!(pieces.len() >= 4, "names, passages, words, sorted");
    let back = SearchIndex::from_pieces(pieces.iter().cloned().map(Some)).expect("read back");
    for q in [
        "ncmec",
        "nieuw materiaal",
        "kinderrechtencolectief",
        "szabo",
        "xqzv",
        "2023",
    ] {
        assert_eq!(
            back.search(&letters, &register, q, 20),
            index.search(&letters, &register, q, 20),
            "{q}"
        );
    }
    // A missing, cut or foreign piece is no index, and never a panic.
    let some = |p: &[Vec<u8>]| p.iter().cloned().map(Some).collect::<Vec<_>>();
    let mut missing = some(&pieces);
    missing[1] = None;
    assert!(SearchIndex::from_pieces(missing).is_none());
    assert!(SearchIndex::from_pieces(some(&pieces[..pieces.len() - 1])).is_none());
    assert!(SearchIndex::from_pieces(Vec::new()).is_none());
    for i in 0..pieces.len() {
        let mut cut = pieces.clone();
        let half = cut[i].len() / 2;
        cut[i].truncate(half);
        assert!(
            SearchIndex::from_pieces(some(&cut)).is_none(),
            "piece {i} cut"
        );
    }
}

#[test]
fn whole_words_rank_above_parts_of_compounds() {
    let l = vec![letter(
        "001_a",
        "Kinderrechtencollectief",
        "2023-09-25",
        &[
            "Het gaat om nieuw beeldmateriaal uit de chats.",
            "Het gaat om materiaal dat nieuw is.",
            "Nieuw materiaal, zo zegt de minister.",
            "Een nieuwe materiaalsoort, en verder niets.",
            "Nieuw matriaal met een tikfout.",
        ],
        &[],
    )];
    let paragraphs = |q: &str| -> Vec<usize> {
        run(&l, q)
            .iter()
            .filter_map(|h| h.passage.as_ref())
            .map(|p| p.paragraph)
            .collect()
    };
    // The phrase first, then both words whole (not in a row), then the compound's part and
    // the prefix; the typo's paragraph is not among them while the words are there whole.
    assert_eq!(paragraphs("nieuw materiaal"), [2, 1, 0, 3]);
    // A compound finds its part, below the whole word and a word it starts; the compound is
    // highlighted.
    assert_eq!(paragraphs("materiaal"), [1, 2, 3, 0]);
    let hits = run(&l, "materiaal");
    let part = hits
        .iter()
        .find(|h| h.passage.as_ref().is_some_and(|p| p.paragraph == 0))
        .unwrap();
    let p = part.passage.as_ref().unwrap();
    let marked: String = part
        .positions
        .iter()
        .map(|&i| p.snippet.chars().nth(i).unwrap())
        .collect();
    assert_eq!(marked, "beeldmateriaal");
}

#[test]
fn whole_words_in_passages_rank_above_a_name_matched_as_scattered_letters() {
    let l = corpus();
    // `meldingen` is a whole word of a paragraph; as scattered letters it also matches a
    // longer name, which must come after the paragraph.
    let hits = run(&l, "nieuw materiaal");
    let first = &hits[0];
    assert_eq!(first.kind, HitKind::Passage, "{:?}", labels(&hits));
    for h in &hits {
        if h.kind != HitKind::Passage {
            assert!(h.score < entities::WORD_PARTS || h.score >= entities::SUBSTRING);
        }
    }
}
