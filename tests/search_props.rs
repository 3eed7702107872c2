//! Properties of the register and the search on arbitrary input: no panic, offsets inside the
//! text they point into, surfaces that are the text at those offsets, and a bounded number of
//! hits, whatever the query or the letter holds.

use brieven::corpus::Corpus;
use brieven::dates::find_dates;
use brieven::model::{Date, Letter, Paragraph, Section};
use brieven::register::{Register, place_text};
use brieven::search::SearchIndex;
use proptest::prelude::*;

/// Text drawn from the letters' own vocabulary, digits, punctuation, and odd characters.
fn texts() -> impl Strategy<Value = String> {
    let words = prop::sample::select(vec![
        "NCMEC",
        "ncmec-melding",
        "Minister",
        "van",
        "Justitie",
        "en",
        "Veiligheid",
        "Van",
        "Weel,",
        "het",
        "lid",
        "c.s.",
        "motie",
        "(IWF)",
        "Internet",
        "Watch",
        "Foundation",
        "20",
        "april",
        "jl.",
        "a.s.",
        "28-09-2023",
        "2023-09",
        "1995",
        "dec.",
        "Yeşilgöz",
        "ß",
        "ǅ",
        "İ",
        "\u{202E}",
        "\u{1b}[2J",
        "שלום",
        "👍🏽",
        "https://www.iwf.org.uk/x",
        "-",
        "—",
        "",
        " ",
        "\n",
        "(",
        ")",
        "Meta",
        "meta",
        "31",
        "juni",
        "2023",
    ]);
    prop::collection::vec(words, 0..40).prop_map(|w| w.join(" "))
}

fn letter(text: &str, date: Option<Date>) -> Letter {
    Letter {
        id: "x".into(),
        date,
        sender: Some(text.chars().take(30).collect()),
        signed_by: vec![text.chars().take(20).collect()],
        sections: vec![Section {
            heading: Some(text.chars().rev().take(15).collect()),
            paragraphs: vec![Paragraph {
                text: text.to_string(),
                ..Paragraph::default()
            }],
            line: 1,
            page: None,
        }],
        ..Letter::default()
    }
}

/// The seed letters, their register and index, built once for every case.
fn seeds() -> &'static (Corpus, Register, SearchIndex) {
    static SEEDS: std::sync::OnceLock<(Corpus, Register, SearchIndex)> = std::sync::OnceLock::new();
    SEEDS.get_or_init(|| {
        let corpus = Corpus::embedded();
        let register = Register::build(&corpus.letters);
        let index = SearchIndex::new(&corpus.letters, &register);
        (corpus, register, index)
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    #[test]
    fn date_mentions_are_the_text_at_their_offsets(text in texts(), day in 1u8..=28, month in 1u8..=12) {
        let chars: Vec<char> = text.chars().collect();
        for m in find_dates(&text, Date::ymd(2023, month, day)) {
            prop_assert!(m.at + m.len <= chars.len());
            let at: String = chars[m.at..m.at + m.len].iter().collect();
            prop_assert_eq!(at, m.surface);
        }
    }

    #[test]
    fn occurrences_point_inside_their_text(text in texts()) {
        let letters = vec![letter(&text, Date::ymd(2024, 1, 5))];
        let register = Register::build(&letters);
        for e in &register.entities {
            for o in &e.occurrences {
                if let Some(t) = place_text(&letters[o.letter_index()], o.place) {
                    prop_assert!(o.chars().end <= t.chars().count(), "{} at {} len {}", e.label, o.at, o.len);
                }
            }
        }
    }

    #[test]
    fn any_query_returns_at_most_limit_hits_with_positions_in_range(q in "\\PC{0,60}", limit in 0usize..15) {
        let (corpus, register, index) = seeds();
        let hits = index.search(&corpus.letters, register, &q, limit);
        prop_assert!(hits.len() <= limit);
        for h in hits {
            let target = h.passage.as_ref().map_or(&h.label, |p| &p.snippet);
            let n = target.chars().count();
            prop_assert!(h.positions.iter().all(|&p| p < n), "{:?} in {target}", h.positions);
        }
    }

    /// No query hangs: filters, dates, ranges and long or odd text included, each search of
    /// the embedded letters ends well within a generous bound (a guard against runaway work,
    /// not a speed target; those are in BENCHMARKS.md).
    #[test]
    fn no_query_hangs(
        filter in prop::sample::select(vec!["", "org:", "person:", "date:", "term:", "in:off ", "notes:", "date:2023-09..2023-12 "]),
        q in "\\PC{0,2000}",
    ) {
        let (corpus, register, index) = seeds();
        let query = format!("{filter}{q}");
        let start = std::time::Instant::now();
        let _ = index.search(&corpus.letters, register, &query, 50);
        prop_assert!(start.elapsed() < std::time::Duration::from_secs(10), "{:?}", start.elapsed());
    }
}
