//! Ranking passages (issue 17): the passages a query's words reach through the postings of
//! the vocabulary words they matched, tallied per passage, and the best of them chosen for
//! snippets.
//!
//! The cost follows what the query reaches and what is shown, not the archive: the tallies
//! are one array of four bytes per passage kept between queries on a thread (the reader's
//! worker answers many) and cleared where the last query wrote them; only the passages some
//! posting reached are looked at; the best `K` (three times the hits asked for, at least 30)
//! are picked with `select_nth_unstable` on one packed key and only those `K` are sorted
//! (a one-letter query reaches nearly a million passages on 100,000 letters: sorting them all
//! took most of a search). The order is the one a full sort gives (best first, then by
//! passage number), so the hits are the same.

use std::cell::RefCell;
use std::collections::HashSet;

use fuzzy_matcher::skim::SkimMatcherV2;

use super::hits::passage_hit;
use super::passages::{self, EXACT, PART};
use super::{Hit, MAX_QUERY_WORDS, Query, Source, entities};
use crate::register::Place;

/// What a query's words found in one passage. Weights are at most [`EXACT`] and a query has
/// at most [`MAX_QUERY_WORDS`] words, so every field fits a byte.
#[derive(Debug, Clone, Copy, Default)]
struct Tally {
    /// The best weight of the current query word's matches in the passage.
    best: u8,
    /// The sum of each query word's best weight.
    total: u8,
    /// How many query words the passage holds.
    found: u8,
    /// How many it holds only loosely (a typo, letters missing).
    loose: u8,
}

const _: () = assert!(EXACT as usize * MAX_QUERY_WORDS <= u8::MAX as usize);

/// The tallies of every passage, and which of them the last query wrote.
#[derive(Debug, Default)]
struct Scratch {
    tallies: Vec<Tally>,
    /// Passages with a word found (`found > 0`), in the order first reached.
    reached: Vec<u32>,
    /// Passages the current query word touched (`best > 0`).
    touched: Vec<u32>,
}

impl Scratch {
    /// Clean tallies for `n` passages: those the last query wrote (it may have been stopped
    /// half way) are cleared, the rest are zero already.
    fn clear(&mut self, n: usize) {
        for p in self.reached.drain(..).chain(self.touched.drain(..)) {
            if let Some(t) = self.tallies.get_mut(p as usize) {
                *t = Tally::default();
            }
        }
        if self.tallies.len() < n {
            self.tallies.resize(n, Tally::default());
        }
    }
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::default();
}

/// How many passages get a snippet for `limit` hits: the final score adds the snippet's
/// weight and phrase, so a few more than shown are ranked on it.
pub(super) fn snippets_for(limit: usize) -> usize {
    limit.saturating_mul(3).max(30)
}

/// The words of `query` that passages are ranked by: folded as the passages' words are, at
/// most [`MAX_QUERY_WORDS`].
pub(super) fn query_words(query: &Query) -> Vec<String> {
    let folded = crate::text::fold_str(&query.text);
    passages::words(&folded)
        .take(MAX_QUERY_WORDS)
        .map(str::to_string)
        .collect()
}

/// The passage hits for `query` (at most [`snippets_for`]`(limit)`); `None` when `stop` said
/// to stop (a newer query is waiting).
pub(super) fn passage_hits(
    source: &impl Source,
    matcher: &SkimMatcherV2,
    query: &Query,
    allowed: Option<&[bool]>,
    limit: usize,
    stop: &dyn Fn() -> bool,
) -> Option<Vec<Hit>> {
    let words = query_words(query);
    if words.is_empty() || limit == 0 {
        return Some(Vec::new());
    }
    with_scratch(|scratch| {
        let n = source.passage_count();
        scratch.clear(n);
        let matched = tally(
            source,
            matcher,
            &words,
            stop,
            &mut scratch.tallies[..n],
            &mut scratch.touched,
            &mut scratch.reached,
        )?;
        if stop() {
            return None;
        }
        let (tallies, reached) = (&scratch.tallies[..n], &scratch.reached);
        let matched = passages::matched_words(source, &matched);
        // Passages with every word; failing those, the ones with most words (at least half).
        let all = words.len() as u8;
        let most = reached
            .iter()
            .map(|&p| tallies[p as usize].found)
            .max()
            .unwrap_or(0);
        let need = if most == all || most * 2 < all {
            all
        } else {
            most
        };
        // Whole words, then parts of words, then loose matches, each by the weight of its
        // words: the best are kept before snippets are made.
        let all_exact = (words.len() as u32) * EXACT;
        let keep = |p: u32| {
            source.passage(p).is_some_and(|passage| {
                allowed.is_none_or(|a| a.get(passage.letter_index()).copied().unwrap_or(false))
                    && (!query.notes || matches!(passage.place, Place::Footnote { .. }))
            })
        };
        let mut candidates: Vec<u64> = reached
            .iter()
            .filter(|&&p| tallies[p as usize].found == need)
            .map(|&p| order_key(p, tallies[p as usize], all_exact))
            .collect();
        let eager = allowed.is_some() || query.notes;
        best_first(
            &mut candidates,
            snippets_for(limit),
            |key| keep(key as u32),
            eager,
        );
        let mut hits = Vec::with_capacity(candidates.len());
        for (i, &key) in candidates.iter().enumerate() {
            if i % 32 == 31 && stop() {
                return None;
            }
            let p = key as u32;
            let t = tallies[p as usize];
            let weight = u32::from(t.total);
            let Some(passage) = source.passage(p) else {
                continue;
            };
            let Some(snippet) = passages::snippet(source, passage, &matched, &words) else {
                continue;
            };
            let tier = if need < all {
                entities::TYPO - 2_000_000
            } else if snippet.phrase || (words.len() == 1 && weight == all_exact) {
                entities::PHRASE
            } else if weight == all_exact {
                entities::WHOLE_WORDS
            } else if t.loose == 0 {
                entities::WORD_PARTS
            } else {
                entities::TYPO - 1_000_000
            };
            let score = tier + i64::from(weight) * 1000 + snippet.weight.min(999) as i64;
            hits.extend(passage_hit(source, passage, snippet, score));
        }
        Some(hits)
    })
}

/// Tallies, per passage, what each of the query's `words` found in it through the vocabulary
/// (`reached` lists the passages found, `touched` is room for one word's), and gives the
/// vocabulary words matched; `None` when `stop` said to stop.
fn tally(
    source: &impl Source,
    matcher: &SkimMatcherV2,
    words: &[String],
    stop: &dyn Fn() -> bool,
    tallies: &mut [Tally],
    touched: &mut Vec<u32>,
    reached: &mut Vec<u32>,
) -> Option<HashSet<u32>> {
    let mut matched: HashSet<u32> = HashSet::new();
    for word in words {
        if stop() {
            return None;
        }
        for (id, weight) in source.vocabulary_matches(word, matcher) {
            matched.insert(id);
            let weight = u8::try_from(weight).unwrap_or(u8::MAX);
            for &p in source.postings(id).iter() {
                let Some(t) = tallies.get_mut(p as usize) else {
                    continue;
                };
                if t.best == 0 {
                    touched.push(p);
                }
                t.best = t.best.max(weight);
            }
        }
        for &p in touched.iter() {
            let t = &mut tallies[p as usize];
            if t.found == 0 {
                reached.push(p);
            }
            let weight = std::mem::take(&mut t.best);
            t.total = t.total.saturating_add(weight);
            t.found += 1;
            t.loose += u8::from(u32::from(weight) < PART);
        }
        touched.clear();
    }
    Some(matched)
}

/// `f` with this thread's [`Scratch`] (or a new one, should a search run inside a search).
fn with_scratch<R>(f: impl FnOnce(&mut Scratch) -> R) -> R {
    SCRATCH.with(|scratch| match scratch.try_borrow_mut() {
        Ok(mut scratch) => f(&mut scratch),
        Err(_) => f(&mut Scratch::default()),
    })
}

/// A passage's place in the ranking as one number, smaller first: every word whole, then
/// none loose, then the total weight of its words (each higher first), then the passage
/// number (lower first). The order a sort by `(rank, total)` descending and then by passage
/// ascending gives.
fn order_key(p: u32, t: Tally, all_exact: u32) -> u64 {
    let exact = u32::from(t.total) == all_exact;
    let class = u8::from(exact) * 2 + u8::from(t.loose == 0);
    (u64::from(3 - class) << 40) | (u64::from(u8::MAX - t.total) << 32) | u64::from(p)
}

/// Keeps the `k` smallest of `keys` that `keep` lets through, in order. With `eager` every
/// key is tested first (a filter that lets few through); otherwise the `k` smallest are
/// picked and tested, and only when one of them fails are the rest tested as well.
fn best_first(keys: &mut Vec<u64>, k: usize, keep: impl Fn(u64) -> bool, eager: bool) {
    if !eager && keys.len() > k {
        keys.select_nth_unstable(k);
    }
    if eager || !keys[..k.min(keys.len())].iter().all(|&key| keep(key)) {
        keys.retain(|&key| keep(key));
        if keys.len() > k {
            keys.select_nth_unstable(k);
        }
    }
    keys.truncate(k);
    keys.sort_unstable();
}

#[cfg(test)]
mod tests;
