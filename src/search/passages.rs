//! The passage index: every paragraph, heading and footnote, searchable by word.
//!
//! Text is folded once into a vocabulary of distinct words, each with the passages it occurs
//! in. A query word is matched against the vocabulary, not against the passages: exactly, as
//! a prefix, as a part of a compound (`materiaal` in `beeldmateriaal`: Dutch writes compounds
//! as one word), as a subsequence with a letter or two missing (`kinderrechtencolectief`), or
//! within a small edit distance; the passages come from the postings of the words it matched.
//! Snippets and highlight positions are computed only for the passages returned.

mod pieces;
mod snippet;
mod vocabulary;
mod words;

use std::collections::HashMap;

use fuzzy_matcher::skim::SkimMatcherV2;

use crate::model::Letter;
use crate::register::Place;
pub(crate) use pieces::Piece;
pub(crate) use snippet::{Snippet, matched_words, snippet, snippet_at};
pub(crate) use vocabulary::{match_vocabulary, within_edits};
use words::Block;
pub(crate) use words::words;

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
