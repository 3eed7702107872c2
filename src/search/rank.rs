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
//!
//! Short words reach the most and are walked the least: a one-word query walks its postings
//! a weight at a time and stops once `K` passages are kept ([`one_word`]); with several
//! words the one that reaches most passages is probed only where the others all are
//! ([`tally`]).

use std::borrow::Cow;
use std::cell::RefCell;
use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashSet};
use std::ops::ControlFlow;

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

/// A passage chosen for a snippet, with what the query's words found in it.
type Ranked = (u32, Tally);

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
    let keep = |p: u32| {
        source.passage(p).is_some_and(|passage| {
            allowed.is_none_or(|a| a.get(passage.letter_index()).copied().unwrap_or(false))
                && (!query.notes || matches!(passage.place, Place::Footnote { .. }))
        })
    };
    let k = snippets_for(limit);
    // Each word's vocabulary matches first (asking between words whether to stop), so that
    // the postings can be walked in the order that costs least.
    let mut matches: Vec<Vec<(u32, u8)>> = Vec::with_capacity(words.len());
    for word in &words {
        if stop() {
            return None;
        }
        let found = source.vocabulary_matches(word, matcher).into_iter();
        matches.push(
            found
                .map(|(id, w)| (id, u8::try_from(w).unwrap_or(u8::MAX)))
                .collect(),
        );
    }
    let matched: HashSet<u32> = matches.iter().flatten().map(|&(id, _)| id).collect();
    // A weight of 0 is none a vocabulary match gives; the walks that skip postings leave such
    // matches to the tally of every posting.
    let weighed = matches.iter().flatten().all(|&(_, w)| w > 0);
    with_scratch(|scratch| {
        let n = source.passage_count();
        scratch.clear(n);
        let all = words.len() as u8;
        let all_exact = (words.len() as u32) * EXACT;
        let (candidates, need) = if let ([one], true) = (&matches[..], weighed) {
            // One word: its best passages without tallying all it reaches.
            let best = one_word(source, one, k, &keep, stop, scratch)?;
            (best, all)
        } else {
            tally(source, &matches, weighed, scratch);
            if stop() {
                return None;
            }
            let (tallies, reached) = (&scratch.tallies[..n], &scratch.reached);
            let need = needed(reached.iter().map(|&p| tallies[p as usize].found), all);
            // Whole words, then parts of words, then loose matches, each by the weight of
            // its words: the best are kept before snippets are made.
            let mut keys: Vec<u64> = reached
                .iter()
                .filter(|&&p| tallies[p as usize].found == need)
                .map(|&p| order_key(p, tallies[p as usize], all_exact))
                .collect();
            let eager = allowed.is_some() || query.notes;
            best_first(&mut keys, k, |key| keep(key as u32), eager);
            let best = keys
                .into_iter()
                .map(|key| (key as u32, tallies[key as u32 as usize]))
                .collect();
            (best, need)
        };
        let matched = passages::matched_words(source, &matched);
        let mut hits = Vec::with_capacity(candidates.len());
        for (i, &(p, t)) in candidates.iter().enumerate() {
            if i % 32 == 31 && stop() {
                return None;
            }
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

/// How many of `all` query words a passage must hold to be ranked, from how many each
/// passage reached holds (`found`): every word; failing that, the most any passage holds, if
/// at least half.
pub(super) fn needed(found: impl Iterator<Item = u8>, all: u8) -> u8 {
    let most = found.max().unwrap_or(0);
    if most == all || most * 2 < all {
        all
    } else {
        most
    }
}

/// Tallies, per passage, what each query word found in it through the postings of its
/// vocabulary `matches` (`scratch.reached` lists the passages found).
///
/// Every word's postings are walked but, when it pays, those of the word that reaches most
/// passages (`en` in `encryptie en`): once the other words are tallied, only passages holding
/// all of them can hold every word, and should one of those hold it too, passages without
/// every word are not ranked (see [`passage_hits`]'s `need`). So that word's postings are
/// probed for those passages alone (a binary search each); only when none of them holds it
/// are its postings walked after all. `probe` allows it (every weight above 0).
fn tally(source: &impl Source, matches: &[Vec<(u32, u8)>], probe: bool, scratch: &mut Scratch) {
    let n = source.passage_count();
    let Scratch {
        tallies,
        reached,
        touched,
    } = scratch;
    let tallies = &mut tallies[..n];
    let lists: Vec<Vec<(Cow<'_, [u32]>, u8)>> = (matches.iter())
        .map(|word| {
            word.iter()
                .map(|&(id, w)| (source.postings(id), w))
                .collect()
        })
        .collect();
    let size = |word: &[(Cow<'_, [u32]>, u8)]| word.iter().map(|(l, _)| l.len()).sum::<usize>();
    let largest = (0..lists.len()).max_by_key(|&i| (size(&lists[i]), std::cmp::Reverse(i)));
    let probed = largest.filter(|_| probe && lists.len() > 1);
    for (i, word) in lists.iter().enumerate() {
        if Some(i) != probed {
            walk(word, tallies, touched, reached);
        }
    }
    let Some(big) = probed else {
        return;
    };
    // Passages holding every other word.
    let others = (lists.len() - 1) as u8;
    let mut near: Vec<u32> = (reached.iter().copied())
        .filter(|&p| tallies[p as usize].found == others)
        .collect();
    let probes = near.len().saturating_mul(lists[big].len());
    if near.is_empty() || probes.saturating_mul(PROBE_COST) > size(&lists[big]) {
        walk(&lists[big], tallies, touched, reached);
        return;
    }
    near.sort_unstable();
    let mut best = vec![0u8; near.len()];
    for (list, w) in &lists[big] {
        let mut rest: &[u32] = list;
        for (slot, &p) in best.iter_mut().zip(&near) {
            rest = &rest[rest.partition_point(|&q| q < p)..];
            if rest.first() == Some(&p) {
                *slot = (*slot).max(*w);
            }
        }
    }
    if best.iter().all(|&w| w == 0) {
        walk(&lists[big], tallies, touched, reached);
        return;
    }
    for (&p, &w) in near.iter().zip(&best) {
        if w > 0 {
            add(&mut tallies[p as usize], w);
        }
    }
}

/// How many postings walked one binary search is reckoned to cost: a word's postings are
/// probed rather than walked when they are more than this many times the probes.
const PROBE_COST: usize = if cfg!(test) { 0 } else { 24 };

/// One query word's postings (its vocabulary words' lists with their weights) walked into
/// the tallies: each passage gets the best weight among them (`touched` is room for the
/// passages the word reaches; `reached` gains those no word reached before).
fn walk(
    word: &[(Cow<'_, [u32]>, u8)],
    tallies: &mut [Tally],
    touched: &mut Vec<u32>,
    reached: &mut Vec<u32>,
) {
    for (list, weight) in word {
        for &p in list.iter() {
            let Some(t) = tallies.get_mut(p as usize) else {
                continue;
            };
            if t.best == 0 {
                touched.push(p);
            }
            t.best = t.best.max(*weight);
        }
    }
    for &p in touched.iter() {
        let t = &mut tallies[p as usize];
        if t.found == 0 {
            reached.push(p);
        }
        let weight = std::mem::take(&mut t.best);
        add(t, weight);
    }
    touched.clear();
}

/// A query word found in a passage at `weight` (its best).
fn add(t: &mut Tally, weight: u8) {
    t.total = t.total.saturating_add(weight);
    t.found += 1;
    t.loose += u8::from(u32::from(weight) < PART);
}

/// The best `k` passages of a one-word query that `keep` lets through, best first, with their
/// tallies, from the word's vocabulary `matches`; `None` when `stop` said to stop.
///
/// With one word a passage's place in the ranking ([`order_key`]) is the best weight of the
/// vocabulary words it holds (higher first), then its number: so the postings are walked a
/// weight at a time, best first, each weight's lists merged in passage order, and the walk
/// ends once `k` passages are kept. A short word (`e`, `en`) reaches most passages of an
/// archive through its own postings; the first `k` of them are its best. A passage already
/// found at a better weight is marked in `scratch` (every weight before the current one was
/// walked to its end) and passed over.
fn one_word(
    source: &impl Source,
    matches: &[(u32, u8)],
    k: usize,
    keep: &impl Fn(u32) -> bool,
    stop: &dyn Fn() -> bool,
    scratch: &mut Scratch,
) -> Option<Vec<Ranked>> {
    // The weights in the order of their passages' keys (a higher weight first).
    let tally = |weight: u8| Tally {
        best: 0,
        total: weight,
        found: 1,
        loose: u8::from(u32::from(weight) < PART),
    };
    let mut weights: Vec<u8> = matches.iter().map(|&(_, weight)| weight).collect();
    weights.sort_unstable_by_key(|&weight| order_key(0, tally(weight), EXACT));
    weights.dedup();
    let n = source.passage_count();
    let (tallies, reached) = (&mut scratch.tallies[..n], &mut scratch.reached);
    let mut best = Vec::new();
    let mut walked = 0usize;
    for weight in weights {
        let lists: Vec<Cow<'_, [u32]>> = (matches.iter())
            .filter(|&&(_, w)| w == weight)
            .map(|&(id, _)| source.postings(id))
            .collect();
        let lists: Vec<&[u32]> = lists.iter().map(|l| &l[..]).collect();
        let tally = tally(weight);
        let mut stopped = false;
        merge_ascending(&lists, |p| {
            walked += 1;
            if walked.is_multiple_of(STOP_EVERY) && stop() {
                stopped = true;
                return ControlFlow::Break(());
            }
            // Out of range (a damaged index): no tally, as `tally` has it.
            let Some(t) = tallies.get_mut(p as usize) else {
                return ControlFlow::Continue(());
            };
            if t.found > 0 {
                return ControlFlow::Continue(());
            }
            t.found = 1;
            reached.push(p);
            if keep(p) {
                best.push((p, tally));
            }
            match best.len() >= k {
                true => ControlFlow::Break(()),
                false => ControlFlow::Continue(()),
            }
        });
        if stopped {
            return None;
        }
        if best.len() >= k {
            break;
        }
    }
    if stop() {
        return None;
    }
    Some(best)
}

/// How many postings [`one_word`] walks between asking whether to stop.
const STOP_EVERY: usize = 1 << 14;

/// `f` for each number in the ascending `lists`, once, in ascending order, until it says to
/// break. One list is walked as it is; more are merged through a heap of their heads.
fn merge_ascending(lists: &[&[u32]], mut f: impl FnMut(u32) -> ControlFlow<()>) {
    let mut last = None;
    let mut once = |p: u32| {
        if last == Some(p) {
            return ControlFlow::Continue(());
        }
        last = Some(p);
        f(p)
    };
    if let [list] = lists {
        for &p in list.iter() {
            if once(p).is_break() {
                return;
            }
        }
        return;
    }
    let mut heads: BinaryHeap<Reverse<(u32, usize, usize)>> = (lists.iter().enumerate())
        .filter_map(|(i, list)| list.first().map(|&p| Reverse((p, i, 0))))
        .collect();
    while let Some(Reverse((p, i, at))) = heads.pop() {
        if once(p).is_break() {
            return;
        }
        if let Some(&next) = lists[i].get(at + 1) {
            heads.push(Reverse((next, i, at + 1)));
        }
    }
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
