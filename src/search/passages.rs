//! The passage index: every paragraph, heading and footnote, searchable by word.
//!
//! Text is folded once into a vocabulary of distinct words, each with the passages it occurs
//! in. A query word is matched against the vocabulary, not against the passages: exactly, as
//! a prefix, as a part of a compound (`materiaal` in `beeldmateriaal`: Dutch writes compounds
//! as one word), as a subsequence with a letter or two missing (`kinderrechtencolectief`), or
//! within a small edit distance; the passages come from the postings of the words it matched.
//! Snippets and highlight positions are computed only for the passages returned.

use std::collections::{HashMap, HashSet};

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use super::Source;
use crate::model::Letter;
use crate::register::Place;
use crate::text::{fold, fold_char};

/// One searchable text: 16 bytes, its letter a `u32` as in [`crate::register::Occurrence`]
/// (10,000 letters have about 300,000 passages).
#[derive(Debug, Clone, Copy, PartialEq, Eq, bitcode::Encode, bitcode::Decode)]
pub struct Passage {
    pub letter: u32,
    pub place: Place,
}

const _: () = assert!(std::mem::size_of::<Passage>() <= 16);

impl Passage {
    /// Index into the corpus's letters.
    pub fn letter_index(&self) -> usize {
        self.letter as usize
    }
}

/// Word to number, with foldhash: fast for short words, and seeded at random per process so
/// that letters cannot be written to make their words collide (the map is only looked up).
type WordMap = HashMap<String, u32, foldhash::fast::RandomState>;

/// Distinct folded words with their postings.
#[derive(Debug, Default, bitcode::Encode, bitcode::Decode)]
pub(crate) struct PassageIndex {
    pub passages: Vec<Passage>,
    words: Vec<String>,
    ids: WordMap,
    postings: Vec<Vec<u32>>,
    /// Word ids in the order of their words, for prefix look-ups.
    sorted: Vec<u32>,
}

/// How well a vocabulary word matched a query word: the whole word, its start, a part of it
/// (the end or middle of a compound), or loosely (a typo, letters missing).
pub(crate) const EXACT: u32 = 4;
pub(crate) const PREFIX: u32 = 3;
pub(crate) const PART: u32 = 2;
pub(crate) const NEAR: u32 = 1;

/// The shortest query word looked for inside longer words: shorter ones (`de`, `kind`) are
/// inside too many words to mean the compound.
const PART_MIN: usize = 5;

/// The words of folded text: runs of letters and digits.
pub(crate) fn words(folded: &str) -> impl Iterator<Item = &str> {
    folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// The passages of a block of letters with their words, numbered within the block.
#[derive(Default)]
struct Block {
    passages: Vec<Passage>,
    /// The block's distinct words, in the order they first occur.
    words: Vec<String>,
    /// Per passage, the block numbers of its distinct words (in no order): passage `p`'s are
    /// `ids[ends[p - 1]..ends[p]]`.
    ids: Vec<u32>,
    ends: Vec<usize>,
}

impl Block {
    /// Reads `letters`, the first of which is letter number `first`.
    fn read(letters: &[Letter], first: usize) -> Block {
        let mut block = Block::default();
        let mut numbers: WordMap = HashMap::default();
        let mut word = String::new();
        let mut last_seen: Vec<u32> = Vec::new();
        for (i, letter) in letters.iter().enumerate() {
            // A letter beyond the 4,294,967,295th has no number in a `Passage` and no
            // occurrences in the register either: it is not indexed.
            let Ok(number) = u32::try_from(first + i) else {
                break;
            };
            for (place, text) in crate::register::texts(letter) {
                if place == Place::Meta {
                    continue;
                }
                block.passages.push(Passage {
                    letter: number,
                    place,
                });
                // The passage a word was last seen in (plus one): each word is listed once
                // per passage, without sorting.
                let passage = block.passages.len() as u32;
                for_each_word(text, &mut word, |w| {
                    let n = match numbers.get(w) {
                        Some(&n) => n,
                        None => {
                            let n = block.words.len() as u32;
                            numbers.insert(w.to_string(), n);
                            block.words.push(w.to_string());
                            last_seen.push(0);
                            n
                        }
                    };
                    if last_seen[n as usize] != passage {
                        last_seen[n as usize] = passage;
                        block.ids.push(n);
                    }
                });
                block.ends.push(block.ids.len());
            }
        }
        block
    }
}

/// What an ASCII byte is in a word.
#[derive(Clone, Copy)]
enum Alnum {
    No,
    /// A lower-case letter or a digit: folds to itself.
    Lower,
    Upper,
}

/// [`Alnum`] of every byte (`No` for all but ASCII letters and digits).
const ALNUM: [Alnum; 256] = {
    let mut table = [Alnum::No; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        if c.is_ascii_uppercase() {
            table[b] = Alnum::Upper;
        } else if c.is_ascii_alphanumeric() {
            table[b] = Alnum::Lower;
        }
        b += 1;
    }
    table
};

/// Calls `f` with each word of `text` folded (see [`words`]: the same words as
/// `words(&fold_str(text))`), in order, using `word` as the buffer; ASCII is folded in place,
/// other characters with [`fold_char`].
fn for_each_word(text: &str, word: &mut String, mut f: impl FnMut(&str)) {
    let mut folded = String::new();
    word.clear();
    let bytes = text.as_bytes();
    let mut at = 0;
    while let Some(&b) = bytes.get(at) {
        if b.is_ascii_alphanumeric() {
            // A run of ASCII letters and digits: folding it is lower-casing it, and a word
            // already in lower case is passed as it stands.
            let (mut run, mut upper) = (at, false);
            while let Some(&b) = bytes.get(run) {
                match ALNUM[usize::from(b)] {
                    Alnum::No => break,
                    Alnum::Lower => {}
                    Alnum::Upper => upper = true,
                }
                run += 1;
            }
            let part = &text[at..run];
            at = run;
            // A non-ASCII letter may continue the word (`Zegerius` in `Yeşilgöz-Zegerius`
            // does not, `ö` in `Yeşilgöz` does).
            let open = bytes.get(at).is_some_and(|b| !b.is_ascii());
            if word.is_empty() && !open && !upper {
                f(part);
                continue;
            }
            let from = word.len();
            word.push_str(part);
            word[from..].make_ascii_lowercase();
            if !open {
                f(word);
                word.clear();
            }
            continue;
        }
        if b.is_ascii() {
            if !word.is_empty() {
                f(word);
                word.clear();
            }
            at += 1;
            continue;
        }
        let Some(c) = text[at..].chars().next() else {
            break;
        };
        at += c.len_utf8();
        folded.clear();
        fold_char(c, &mut folded);
        for c in folded.chars() {
            if c.is_alphanumeric() {
                word.push(c);
            } else if !word.is_empty() {
                f(word);
                word.clear();
            }
        }
    }
    if !word.is_empty() {
        f(word);
    }
}

impl PassageIndex {
    pub fn new(letters: &[Letter]) -> PassageIndex {
        // Blocks of letters are read on every core; their words are then numbered in the
        // order they first occur in the whole corpus, as one pass over it would.
        // Each block numbers its own words: a few large blocks, not to number most words
        // again in each. They are read a round at a time (a block per core) and merged
        // before the next round, so that only a round's blocks are held at once.
        let block = letters.len().div_ceil(8).max(1);
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
        let round = block * threads;
        let mut index = PassageIndex::default();
        let mut global: Vec<u32> = Vec::new();
        let rounds = letters.chunks(round).enumerate().flat_map(|(r, chunk)| {
            crate::register::map_blocks(chunk, block, |b, first| Block::read(b, r * round + first))
        });
        for block in rounds {
            global.clear();
            for w in block.words {
                let id = match index.ids.get(&w) {
                    Some(&id) => id,
                    None => {
                        let id = index.words.len() as u32;
                        index.words.push(w.clone());
                        index.ids.insert(w, id);
                        index.postings.push(Vec::new());
                        id
                    }
                };
                global.push(id);
            }
            let mut from = 0;
            for (passage, end) in block.passages.into_iter().zip(block.ends) {
                let id = index.passages.len() as u32;
                index.passages.push(passage);
                for &n in &block.ids[from..end] {
                    index.postings[global[n as usize] as usize].push(id);
                }
                from = end;
            }
        }
        index.sorted = (0..index.words.len() as u32).collect();
        index
            .sorted
            .sort_unstable_by(|&a, &b| index.words[a as usize].cmp(&index.words[b as usize]));
        index
    }

    /// The vocabulary words a query word matches, with how well.
    pub fn vocabulary_matches(&self, q: &str, matcher: &SkimMatcherV2) -> Vec<(u32, u32)> {
        let first = self
            .sorted
            .partition_point(|&id| self.words[id as usize].as_str() < q);
        let from_q = self.sorted[first..]
            .iter()
            .map(|&id| (id, self.words[id as usize].as_str()));
        let all = || (0u32..).zip(self.words.iter().map(String::as_str));
        match_vocabulary(q, matcher, self.ids.get(q).copied(), from_q, all)
    }

    /// The passages of one vocabulary word.
    pub fn postings(&self, word: u32) -> &[u32] {
        self.postings.get(word as usize).map_or(&[], Vec::as_slice)
    }

    pub fn word_id(&self, word: &str) -> Option<u32> {
        self.ids.get(word).copied()
    }
}

/// The words of a vocabulary a query word `q` matches, with how well: `exact` is the word
/// equal to `q`, `from_q` the words from `q` on in sorted order, `all` every word (read for
/// parts of compounds, and for loose matches when nothing else matched).
pub(crate) fn match_vocabulary<'a, I: Iterator<Item = (u32, &'a str)>>(
    q: &str,
    matcher: &SkimMatcherV2,
    exact: Option<u32>,
    from_q: impl Iterator<Item = (u32, &'a str)>,
    all: impl Fn() -> I,
) -> Vec<(u32, u32)> {
    let qlen = q.chars().count();
    let mut out = Vec::new();
    if let Some(id) = exact {
        out.push((id, EXACT));
    }
    if qlen >= 3 {
        for (id, w) in from_q {
            if !w.starts_with(q) {
                break;
            }
            if w.len() > q.len() {
                out.push((id, PREFIX));
            }
        }
    }
    if qlen >= PART_MIN {
        // The query inside a longer word, not at its start (prefixes are above): one pass
        // over the vocabulary with a substring finder.
        let finder = memchr::memmem::Finder::new(q.as_bytes());
        for (id, w) in all() {
            if w.len() > q.len() && finder.find(&w.as_bytes()[1..]).is_some() {
                out.push((id, PART));
            }
        }
    }
    if !out.is_empty() || qlen < 4 {
        return out;
    }
    let budget = if qlen >= 8 { 2 } else { 1 };
    let q_chars: Vec<char> = q.chars().collect();
    for (id, w) in all() {
        // A word's length in bytes bounds its length in characters (one to four bytes each).
        if w.len() + budget < qlen || w.len() > 4 * (qlen + budget) {
            continue;
        }
        let wlen = w.chars().count();
        if wlen + budget < qlen || wlen > qlen + budget {
            continue;
        }
        // fuzzy-matcher finds nothing where the query's letters are not in the word in order
        // (its first check); that check alone is cheap.
        let subsequence =
            wlen > qlen && in_order(&q_chars, w) && matcher.fuzzy_match(w, q).is_some();
        if subsequence || within_edits(&q_chars, w, budget) {
            out.push((id, NEAR));
        }
    }
    out
}

/// The parts of the index the on-disk index stores: the passages, the words with their
/// postings (by word number), and the word numbers in the order of their words.
impl PassageIndex {
    pub(crate) fn words(&self) -> &[String] {
        &self.words
    }

    pub(crate) fn sorted(&self) -> &[u32] {
        &self.sorted
    }
}

/// A piece of a stored [`PassageIndex`] (see [`PassageIndex::pieces`]).
#[derive(Debug, bitcode::Encode, bitcode::Decode)]
pub(crate) enum Piece {
    Passages(Vec<Passage>),
    /// Consecutive words with their postings.
    Words(Vec<String>, Vec<Vec<u32>>),
    Sorted(Vec<u32>),
}

/// Items per stored piece: a piece of words with their postings stays around a megabyte.
const PIECE: usize = 1 << 12;

impl PassageIndex {
    /// The index as pieces of bounded size, made one at a time.
    pub(crate) fn pieces(&self) -> impl Iterator<Item = Piece> + '_ {
        let passages = self
            .passages
            .chunks(PIECE * 8)
            .map(|c| Piece::Passages(c.to_vec()));
        // Words go by how many postings they carry: one common word has thousands.
        let mut start = 0;
        let words = std::iter::from_fn(move || {
            let mut end = start;
            let mut postings = 0;
            while end < self.words.len() && (end == start || postings < PIECE * 8) {
                postings += self.postings[end].len() + 1;
                end += 1;
            }
            let piece = (end > start).then(|| {
                Piece::Words(
                    self.words[start..end].to_vec(),
                    self.postings[start..end].to_vec(),
                )
            });
            start = end;
            piece
        });
        let sorted = self
            .sorted
            .chunks(PIECE * 8)
            .map(|c| Piece::Sorted(c.to_vec()));
        passages.chain(words).chain(sorted)
    }

    /// The index from its pieces, in order; `None` when they do not fit together.
    pub(crate) fn from_pieces(pieces: impl IntoIterator<Item = Piece>) -> Option<PassageIndex> {
        let mut index = PassageIndex::default();
        for piece in pieces {
            match piece {
                Piece::Passages(passages) => index.passages.extend(passages),
                Piece::Words(words, postings) => {
                    (words.len() == postings.len()).then_some(())?;
                    index.words.extend(words);
                    index.postings.extend(postings);
                }
                Piece::Sorted(sorted) => index.sorted.extend(sorted),
            }
        }
        let (words, passages) = (index.words.len(), index.passages.len());
        let fits = index.sorted.len() == words
            && index.sorted.iter().all(|&w| (w as usize) < words)
            && index
                .postings
                .iter()
                .flatten()
                .all(|&p| (p as usize) < passages);
        fits.then_some(())?;
        index.ids.reserve(words);
        for (id, word) in index.words.iter().enumerate() {
            index.ids.insert(word.clone(), id as u32);
        }
        Some(index)
    }
}

/// Whether the characters `q` occur in `w` in that order, ASCII letters in either case (as
/// fuzzy-matcher's first check has them, for a query in lower case).
fn in_order(q: &[char], w: &str) -> bool {
    let mut want = q.iter().peekable();
    for c in w.chars() {
        match want.peek() {
            Some(&&p) if c.eq_ignore_ascii_case(&p) => {
                want.next();
            }
            Some(_) => {}
            None => break,
        }
    }
    want.peek().is_none()
}

/// Whether `b` is within `budget` single-character edits (insert, delete, substitute, swap of
/// neighbours) of `a`.
pub(crate) fn within_edits(a: &[char], b: &str, budget: usize) -> bool {
    // Most words are short: their characters and the three rows fit on the stack (this runs
    // for every word of the vocabulary of about the query's length, on a typo).
    const SHORT: usize = 48;
    if b.len() < SHORT {
        let mut chars = ['\0'; SHORT];
        let mut m = 0;
        for c in b.chars() {
            chars[m] = c;
            m += 1;
        }
        let mut rows = [[0usize; SHORT + 1]; 3];
        let [prev2, prev, cur] = &mut rows;
        return edits_within(a, &chars[..m], budget, prev2, prev, cur);
    }
    let b: Vec<char> = b.chars().collect();
    let m = b.len();
    let (mut prev2, mut prev, mut cur) = (vec![0; m + 1], vec![0; m + 1], vec![0; m + 1]);
    edits_within(a, &b, budget, &mut prev2, &mut prev, &mut cur)
}

/// [`within_edits`] with the rows given (each at least `b.len() + 1` long).
fn edits_within<'r>(
    a: &[char],
    b: &[char],
    budget: usize,
    mut prev2: &'r mut [usize],
    mut prev: &'r mut [usize],
    mut cur: &'r mut [usize],
) -> bool {
    if a.len().abs_diff(b.len()) > budget {
        return false;
    }
    let (n, m) = (a.len(), b.len());
    for (j, p) in prev.iter_mut().enumerate().take(m + 1) {
        *p = j;
    }
    for i in 1..=n {
        cur[0] = i;
        let mut best = cur[0];
        for j in 1..=m {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                cur[j] = cur[j].min(prev2[j - 2] + 1);
            }
            best = best.min(cur[j]);
        }
        if best > budget {
            return false;
        }
        std::mem::swap(&mut prev2, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[m] <= budget
}

/// A passage cut down for display: the text around the first match, and the matched
/// characters in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Snippet {
    pub text: String,
    pub positions: Vec<usize>,
    /// Offset in `char`s of the first match in the whole passage.
    pub at: usize,
    /// Whether the query as a whole (its words in a row) occurs in the passage.
    pub phrase: bool,
    /// How many matched words the passage holds.
    pub matches: usize,
    /// The same, those in running text counted twice: for ranking.
    pub weight: usize,
    /// Every match in the whole passage, as `char` ranges.
    pub ranges: Vec<(usize, usize)>,
}

/// Characters of context shown before the first match and in all.
const BEFORE: usize = 60;
const WIDTH: usize = 180;

/// The snippet of `passage` for the vocabulary words `matched` and the folded query words.
pub(crate) fn snippet(
    source: &impl Source,
    passage: Passage,
    matched: &HashSet<u32>,
    query_words: &[String],
) -> Option<Snippet> {
    source.with_place_text(passage.letter_index(), passage.place, |text| {
        snippet_of(source, text, matched, query_words)
    })?
}

fn snippet_of(
    source: &impl Source,
    text: &str,
    matched: &HashSet<u32>,
    query_words: &[String],
) -> Option<Snippet> {
    let folded = fold(text);
    let mut hits: Vec<(usize, usize)> = Vec::new(); // original char ranges
    let mut sequence: Vec<Option<usize>> = Vec::new(); // which query word each text word is
    let mut start = None;
    let chars: Vec<char> = folded.text.chars().collect();
    for i in 0..=chars.len() {
        let alnum = chars.get(i).is_some_and(|c| c.is_alphanumeric());
        match (alnum, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                start = None;
                let word: String = chars[s..i].iter().collect();
                let id = source.word_id(&word);
                if id.is_some_and(|id| matched.contains(&id)) {
                    hits.push((folded.origin[s], folded.origin[i - 1] + 1));
                }
                sequence.push(query_words.iter().position(|q| *q == word));
            }
            _ => {}
        }
    }
    let phrase = query_words.len() > 1
        && sequence
            .windows(query_words.len())
            .any(|w| w.iter().enumerate().all(|(k, &found)| found == Some(k)));
    cut(text, &hits, phrase)
}

/// The snippet of `passage` around given `char` ranges (an entity's occurrences in it).
pub(crate) fn snippet_at(
    source: &impl Source,
    passage: Passage,
    ranges: &[(usize, usize)],
) -> Option<Snippet> {
    source.with_place_text(passage.letter_index(), passage.place, |text| {
        cut(text, ranges, false)
    })?
}

/// `text` cut to a window around the first of the `char` ranges `hits`, with the positions of
/// all of them that fall inside it.
fn cut(text: &str, hits: &[(usize, usize)], phrase: bool) -> Option<Snippet> {
    let &(first, _) = hits.first()?;
    let original: Vec<char> = text.chars().collect();
    let first = first.min(original.len());
    let mut from = first.saturating_sub(BEFORE);
    while from > 0 && from < first && !original[from - 1].is_whitespace() {
        from += 1;
    }
    let mut to = (from + WIDTH).min(original.len());
    while to < original.len() && to > first + 20 && !original[to].is_whitespace() {
        to -= 1;
    }
    let lead = usize::from(from > 0);
    let mut out = String::new();
    if from > 0 {
        out.push('…');
    }
    out.extend(
        original[from..to]
            .iter()
            .map(|&c| if c == '\n' { ' ' } else { c }),
    );
    if to < original.len() {
        out.push('…');
    }
    let positions = hits
        .iter()
        .flat_map(|&(s, e)| s..e)
        .filter(|&p| p >= from && p < to)
        .map(|p| p - from + lead)
        .collect();
    // A match in running text counts double a match inside a URL.
    let links = crate::register::link_spans(text);
    let weight = hits
        .iter()
        .map(|&(s, _)| {
            if crate::register::in_spans(&links, s) {
                1
            } else {
                2
            }
        })
        .sum();
    Some(Snippet {
        text: out,
        positions,
        at: first,
        phrase,
        matches: hits.len(),
        weight,
        ranges: hits.to_vec(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The restricted edit distance (insert, delete, substitute, swap of neighbours) in one
    /// whole matrix, with no early stop: the reference for `within_edits`.
    fn within_edits_reference(a: &[char], b: &str, budget: usize) -> bool {
        let b: Vec<char> = b.chars().collect();
        let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
        for (i, row) in d.iter_mut().enumerate() {
            row[0] = i;
        }
        for (j, cell) in d[0].iter_mut().enumerate() {
            *cell = j;
        }
        for i in 1..=a.len() {
            for j in 1..=b.len() {
                let mut best = (d[i - 1][j] + 1)
                    .min(d[i][j - 1] + 1)
                    .min(d[i - 1][j - 1] + usize::from(a[i - 1] != b[j - 1]));
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    best = best.min(d[i - 2][j - 2] + 1);
                }
                d[i][j] = best;
            }
        }
        d[a.len()][b.len()] <= budget
    }

    /// Words of a small alphabet (so that near misses are common), short and long (past the
    /// stack's 48 bytes), with a letter of two bytes now and then.
    fn words_for_edits() -> Vec<String> {
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        (0..3000)
            .map(|_| {
                let len = (next() % 56) as usize;
                (0..len)
                    .map(|_| ['a', 'b', 'c', 'é', 'd'][(next() % 5) as usize])
                    .collect()
            })
            .collect()
    }

    #[test]
    fn edits_and_order_checks_agree_with_their_references() {
        let words = words_for_edits();
        let matcher = SkimMatcherV2::default();
        for pair in words.windows(2) {
            let (q, w) = (&pair[0], &pair[1]);
            let q_chars: Vec<char> = q.chars().collect();
            // A near copy of `q` as well as an unrelated word.
            let mut near: Vec<char> = q_chars.clone();
            if near.len() > 2 {
                near.swap(0, 1);
                near.remove(near.len() / 2);
            }
            let near: String = near.into_iter().collect();
            for w in [w.as_str(), near.as_str(), q.as_str()] {
                for budget in 0..3 {
                    assert_eq!(
                        within_edits(&q_chars, w, budget),
                        within_edits_reference(&q_chars, w, budget),
                        "{q:?} {w:?} {budget}"
                    );
                }
                assert_eq!(
                    in_order(&q_chars, w),
                    matcher.fuzzy_match(w, q).is_some(),
                    "{q:?} in {w:?}"
                );
            }
        }
    }

    #[test]
    fn words_are_those_of_the_folded_text() {
        let mut buffer = String::new();
        for text in [
            "Yeşilgöz-Zegerius (JBZ-Raad), 28 sept. 2023: Straße ÆØ ı’s",
            "",
            "  ..  ",
            "ǅemal ﬁnal Ⅻ ①",
            "Café CAFÉ caféS ÉCOLE école abc’def abcßDEF ß x",
        ] {
            let mut ours = Vec::new();
            for_each_word(text, &mut buffer, |w| ours.push(w.to_string()));
            let folded = crate::text::fold_str(text);
            let expected: Vec<&str> = words(&folded).collect();
            assert_eq!(ours, expected, "{text:?}");
        }
    }
}
