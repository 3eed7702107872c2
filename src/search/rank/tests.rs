//! The ranking against the full sort it replaced: on random corpora built from words that
//! share prefixes and compound parts (so that many passages tie), the passage hits, their
//! order, scores and count are those of the old code, kept here as the reference; and the
//! best `k` of random keys are those of a full sort, whatever a filter lets through.

use std::collections::HashSet;

use fuzzy_matcher::skim::SkimMatcherV2;
use proptest::prelude::*;

use super::super::hits::{allowed_letters, passage_hit};
use super::super::tests::built;
use super::super::{
    FIRST_LETTERS, Hit, HitLetters, Memory, Query, SearchIndex, Source, entities, passages,
    search_in,
};
use super::{best_first, merge_ascending, needed, passage_hits, query_words, snippets_for};
use crate::model::Letter;
use crate::register::{Place, Register};

/// The passage ranking before issue 17's change, as it was: dense tallies of every passage
/// and a full sort of every candidate.
fn passage_hits_reference(
    source: &impl Source,
    matcher: &SkimMatcherV2,
    query: &Query,
    allowed: Option<&[bool]>,
    limit: usize,
) -> Vec<Hit> {
    let words = query_words(query);
    if words.is_empty() || limit == 0 {
        return Vec::new();
    }
    // Dense per-passage tallies: no hashing on the hot path. Zeroed memory is mapped by the
    // system as it is first written, so only the pages of passages a word touched are used.
    let n = source.passage_count();
    let mut total = vec![0u32; n];
    let mut found = vec![0u8; n];
    let mut best = vec![0u32; n];
    // Per passage, how many query words it holds only loosely (a typo, letters missing).
    let mut loose = vec![0u8; n];
    let mut touched: Vec<u32> = Vec::new();
    // Every passage some word touched: what is ranked, rather than all of them.
    let mut reached: Vec<u32> = Vec::new();
    let mut matched: HashSet<u32> = HashSet::new();
    for word in &words {
        for (id, weight) in source.vocabulary_matches(word, matcher) {
            matched.insert(id);
            for &p in source.postings(id).iter() {
                let Some(slot) = best.get_mut(p as usize) else {
                    continue;
                };
                if *slot == 0 {
                    touched.push(p);
                }
                *slot = (*slot).max(weight);
            }
        }
        for p in touched.drain(..) {
            if found[p as usize] == 0 {
                reached.push(p);
            }
            let p = p as usize;
            let weight = std::mem::take(&mut best[p]);
            total[p] += weight;
            found[p] += 1;
            loose[p] += u8::from(weight < passages::PART);
        }
    }
    let matched_words = passages::matched_words(source, &matched);
    // Passages with every word; failing those, the ones with most words (at least half).
    let all = words.len() as u8;
    let need = needed(reached.iter().map(|&p| found[p as usize]), all);
    // Whole words, then parts of words, then loose matches, each by the weight of its
    // words: the best are kept before snippets are made.
    let all_exact = (words.len() as u32) * passages::EXACT;
    let rank = |p: usize| {
        let exact = total[p] == all_exact;
        (u8::from(exact) * 2 + u8::from(loose[p] == 0), total[p])
    };
    let mut candidates: Vec<(u32, (u8, u32))> = reached
        .iter()
        .map(|&p| p as usize)
        .filter(|&p| found[p] == need)
        .map(|p| (p as u32, rank(p)))
        .filter(|&(p, _)| {
            source.passage(p).is_some_and(|passage| {
                allowed.is_none_or(|a| a.get(passage.letter_index()).copied().unwrap_or(false))
                    && (!query.notes || matches!(passage.place, Place::Footnote { .. }))
            })
        })
        .collect();
    candidates.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    candidates.truncate(limit.saturating_mul(3).max(30));
    candidates
        .into_iter()
        .filter_map(|(p, (_, weight))| {
            let passage = source.passage(p)?;
            let snippet = passages::snippet(source, passage, &matched_words, &words)?;
            let tier = if need < all {
                entities::TYPO - 2_000_000
            } else if snippet.phrase || (words.len() == 1 && weight == all_exact) {
                entities::PHRASE
            } else if weight == all_exact {
                entities::WHOLE_WORDS
            } else if loose[p as usize] == 0 {
                entities::WORD_PARTS
            } else {
                entities::TYPO - 1_000_000
            };
            let score = tier + i64::from(weight) * 1000 + snippet.weight.min(999) as i64;
            passage_hit(source, passage, snippet, score)
        })
        .collect()
}

/// Words that share prefixes (`e`, `en`, `enc...`), compounds and their parts, and near
/// misses, so that a query reaches many passages in every tier.
const WORDS: [&str; 24] = [
    "e",
    "en",
    "e-mail",
    "encryptie",
    "encrypted",
    "encryptiesleutel",
    "end-to-end",
    "materiaal",
    "beeldmateriaal",
    "kind",
    "kinderen",
    "kinderrechten",
    "detectie",
    "detectiebevel",
    "NCMEC",
    "ncmec-melding",
    "de",
    "het",
    "van",
    "Yeşilgöz",
    "zoeken",
    "zoekmachine",
    "https://www.iwf.org.uk/x",
    "encyptie",
];

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS.to_vec()), 0..12).prop_map(|w| w.join(" "))
}

/// Letter `i`, from one of three senders.
fn letter(i: usize, paragraphs: Vec<String>, notes: Vec<String>) -> Letter {
    let paragraphs: Vec<&str> = paragraphs.iter().map(String::as_str).collect();
    let notes: Vec<&str> = notes.iter().map(String::as_str).collect();
    let sender = ["Offlimits", "Minister", "Bits of Freedom"][i % 3];
    super::super::tests::letter(&format!("{i:03}_brief"), sender, "", &paragraphs, &notes)
}

fn corpus() -> impl Strategy<Value = Vec<Letter>> {
    corpus_of(1..30, 1..8, 0..3)
}

/// Corpora of so many letters, each of so many paragraphs and notes.
fn corpus_of(
    letters: std::ops::Range<usize>,
    paragraphs: std::ops::Range<usize>,
    notes: std::ops::Range<usize>,
) -> impl Strategy<Value = Vec<Letter>> {
    let one = (
        prop::collection::vec(text(), paragraphs),
        prop::collection::vec(text(), notes),
    );
    prop::collection::vec(one, letters).prop_map(|letters| {
        letters
            .into_iter()
            .enumerate()
            .map(|(i, (paragraphs, notes))| letter(i, paragraphs, notes))
            .collect()
    })
}

/// One to three query words: vocabulary words, their prefixes, a typo; now and then an `in:`
/// or `notes:` filter.
fn query() -> impl Strategy<Value = String> {
    let word = (prop::sample::select(WORDS.to_vec()), 1usize..12)
        .prop_map(|(w, n)| w.chars().take(n).collect::<String>());
    let filter = prop::sample::select(vec!["", "", "", "in:001", "in:offlimits", "notes:"]);
    (prop::collection::vec(word, 1..4), filter)
        .prop_map(|(words, filter)| format!("{} {filter}", words.join(" ")))
}

fn new_and_old(letters: &[Letter], query: &str, limit: usize) -> (Option<Vec<Hit>>, Vec<Hit>) {
    built(letters, |source| {
        let matcher = SkimMatcherV2::default();
        let query = Query::parse(query);
        let allowed = allowed_letters(source, &query.letters);
        let allowed = allowed.as_deref();
        let new = passage_hits(source, &matcher, &query, allowed, limit, &|| false);
        let old = passage_hits_reference(source, &matcher, &query, allowed, limit);
        (new, old)
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// The same hits in the same order with the same scores, and as many, on corpora of
    /// every size one after another (the tallies kept between queries are cleared right).
    #[test]
    fn passage_hits_are_those_of_the_full_sort(
        letters in corpus(),
        query in query(),
        limit in prop_oneof![1usize..4, 8usize..20],
    ) {
        let (new, old) = new_and_old(&letters, &query, limit);
        let new = new.expect("never stopped");
        prop_assert_eq!(new.len(), old.len());
        prop_assert_eq!(new, old);
    }

    /// Every letter a hit occurs in, asked for after the search ([`HitLetters`]), is each
    /// letter its occurrences (entities) or its passage are in, once, in letter order, within
    /// the `in:` filter: [`Hit::letter_count`] of them, the first being [`Hit::first_letters`].
    #[test]
    fn a_hits_letters_are_those_it_occurs_in(
        letters in corpus(),
        query in query(),
        limit in prop_oneof![1usize..4, 8usize..20],
    ) {
        let register = Register::build(&letters);
        let index = SearchIndex::new(&letters, &register);
        let source = Memory { letters: &letters, register: &register, index: &index };
        let allowed = allowed_letters(&source, &Query::parse(&query).letters);
        let ok = |l: usize| allowed.as_ref().is_none_or(|a| a[l]);
        let asked = HitLetters::new(&source, &query);
        for hit in search_in(&source, &query, limit) {
            let expected: Vec<usize> = match (&hit.passage, hit.entity) {
                (Some(p), _) => vec![p.letter_index],
                (None, Some(id)) => {
                    let mut all: Vec<usize> = register.entities[id]
                        .occurrences
                        .iter()
                        .map(|o| o.letter_index())
                        .filter(|&l| ok(l))
                        .collect();
                    all.sort_unstable();
                    all.dedup();
                    all
                }
                (None, None) => unreachable!("a hit is an entity or a passage"),
            };
            prop_assert_eq!(hit.letter_count, expected.len());
            let first = expected.len().min(FIRST_LETTERS);
            prop_assert_eq!(&hit.first_letters[..], &expected[..first]);
            prop_assert_eq!(asked.of(&hit), expected);
        }
    }

    /// The `k` smallest keys a filter lets through, in order, are those of a full sort of
    /// the keys it lets through, whether the filter is tested first or last.
    #[test]
    fn the_best_k_are_those_of_a_full_sort(
        keys in prop::collection::hash_set(0u64..5_000, 0..400),
        k in 1usize..60,
        every in 1u64..5,
        eager: bool,
    ) {
        let keep = |key: u64| key % every != 1;
        let mut expected: Vec<u64> = keys.iter().copied().filter(|&key| keep(key)).collect();
        expected.sort_unstable();
        expected.truncate(k);
        let mut ours: Vec<u64> = keys.into_iter().collect();
        best_first(&mut ours, k, keep, eager);
        prop_assert_eq!(ours, expected);
    }
}

/// One query word, a prefix of the words that share it: the best passages of a one-word
/// query, found a weight at a time and cut once enough are kept (`one_word`).
fn one_word() -> impl Strategy<Value = String> {
    let word = (prop::sample::select(WORDS.to_vec()), 1usize..12)
        .prop_map(|(w, n)| w.chars().take(n).collect::<String>());
    let filter = prop::sample::select(vec!["", "", "in:001", "in:offlimits", "notes:"]);
    (word, filter).prop_map(|(word, filter)| format!("{word} {filter}"))
}

/// Larger corpora than [`corpus`]: more passages than get a snippet, so that the cut falls
/// within a weight and between weights.
fn larger_corpus() -> impl Strategy<Value = Vec<Letter>> {
    corpus_of(10..40, 4..16, 0..4)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// One-word queries and queries of one to three words on the larger corpora: the hits of
    /// the full sort, in order, with their scores, though a one-word query walks only the
    /// postings it needs (`one_word`) and with several words the postings of the one that
    /// reaches most passages are only probed where the others are all found (`tally`; in
    /// tests it probes whenever it can).
    #[test]
    fn cut_walks_give_the_hits_of_the_full_sort(
        letters in larger_corpus(),
        query in prop_oneof![one_word(), query()],
        limit in prop_oneof![1usize..4, 8usize..20, Just(200usize)],
    ) {
        let (new, old) = new_and_old(&letters, &query, limit);
        prop_assert_eq!(new.expect("never stopped"), old);
    }

    /// Ascending lists merged: each number once, in order, as a sorted set of them all gives
    /// them, up to where the walk is told to stop.
    #[test]
    fn merged_lists_are_their_sorted_union(
        lists in prop::collection::vec(prop::collection::btree_set(0u32..300, 0..60), 0..6),
        stop_after in 1usize..200,
    ) {
        let lists: Vec<Vec<u32>> = lists.into_iter().map(|l| l.into_iter().collect()).collect();
        let slices: Vec<&[u32]> = lists.iter().map(Vec::as_slice).collect();
        let mut expected: Vec<u32> = lists.iter().flatten().copied().collect();
        expected.sort_unstable();
        expected.dedup();
        expected.truncate(stop_after);
        let mut given = Vec::new();
        merge_ascending(&slices, |p| {
            given.push(p);
            match given.len() >= stop_after {
                true => std::ops::ControlFlow::Break(()),
                false => std::ops::ControlFlow::Continue(()),
            }
        });
        prop_assert_eq!(given, expected);
    }
}

/// More passages than get a snippet, all in one tier but for their weight: the cut falls
/// among ties broken by passage number.
#[test]
fn the_cut_falls_among_ties_as_in_the_full_sort() {
    let letters: Vec<Letter> = (0..40)
        .map(|i| {
            let paragraphs = (0..5)
                .map(|p| match (i + p) % 3 {
                    0 => "encryptie en de sleutel".to_string(),
                    1 => "encryptiesleutel".to_string(),
                    _ => "end-to-end encrypted e-mail".to_string(),
                })
                .collect();
            letter(i, paragraphs, vec!["e-mail encryptie".to_string()])
        })
        .collect();
    for query in [
        "e",
        "en",
        "enc",
        "encryptie",
        "encryptie sleutel",
        "e mail",
        "in:002 enc",
    ] {
        for limit in [1, 10, 20, 200] {
            let (new, old) = new_and_old(&letters, query, limit);
            let new = new.expect("never stopped");
            if !query.starts_with("in:") && limit < 200 {
                assert_eq!(
                    old.len(),
                    snippets_for(limit),
                    "{query}: more passages than that"
                );
            }
            assert_eq!(new, old, "{query} {limit}");
        }
    }
}

/// A search told to stop gives nothing; one never told to stop gives what `search` gives.
#[test]
fn a_stopped_search_gives_nothing() {
    let letters: Vec<Letter> = (0..5)
        .map(|i| letter(i, vec!["encryptie van e-mail".into()], vec![]))
        .collect();
    let register = Register::build(&letters);
    let index = SearchIndex::new(&letters, &register);
    let search =
        |stop: &dyn Fn() -> bool| index.search_until(&letters, &register, "encryptie", 20, stop);
    let stopped = search(&|| true);
    assert_eq!(stopped, None);
    let asked = std::cell::Cell::new(0);
    let later = search(&|| {
        asked.set(asked.get() + 1);
        asked.get() > 2
    });
    assert_eq!(later, None, "stopped at the third question");
    let whole = search(&|| false);
    assert_eq!(
        whole,
        Some(index.search(&letters, &register, "encryptie", 20))
    );
    assert!(whole.is_some_and(|hits| !hits.is_empty()));
}
