//! Lookups by letter that drawing and key handling need, built once when the letters are
//! loaded: each letter's row in the date order, letters by id, and each letter's sender as a
//! small number. No frame and no key scans the letters to find one (issue 17).

use std::collections::HashMap;

use brieven::model::Letter;
use brieven::text::sanitize;

#[cfg(doc)]
use super::app::App;

/// Built by [`LetterIndex::new`]; the letters never change while the reader runs.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LetterIndex {
    /// `rank[i]`: the row of letter `i` in the date order ([`App::order`]).
    rank: Vec<usize>,
    /// Letter id to corpus index (the first letter with that id, as a search from the start
    /// would find).
    by_id: HashMap<String, usize>,
    /// `sender[i]`: the number of letter `i`'s sender in `senders`.
    sender: Vec<usize>,
    /// The distinct senders as shown (sanitised), in order of first appearance.
    senders: Vec<String>,
    /// How many of the letters are acts (the regulation they discuss), which the Letters
    /// pane lists after them but does not count as letters.
    pub acts: usize,
}

impl LetterIndex {
    /// The index of `letters`, whose date order is `order` (corpus indices).
    pub fn new(letters: &[Letter], order: &[usize]) -> LetterIndex {
        let mut rank = vec![usize::MAX; letters.len()];
        for (row, &i) in order.iter().enumerate() {
            if let Some(r) = rank.get_mut(i) {
                *r = row;
            }
        }
        let mut by_id = HashMap::with_capacity(letters.len());
        let mut numbers: HashMap<String, usize> = HashMap::new();
        let mut senders = Vec::new();
        let mut sender = Vec::with_capacity(letters.len());
        for (i, letter) in letters.iter().enumerate() {
            by_id.entry(letter.id.clone()).or_insert(i);
            let name = sanitize(letter.sender_or_unknown()).into_owned();
            let n = *numbers.entry(name).or_insert_with_key(|name| {
                senders.push(name.clone());
                senders.len() - 1
            });
            sender.push(n);
        }
        let acts = letters.iter().filter(|l| l.is_act()).count();
        LetterIndex {
            acts,
            rank,
            by_id,
            sender,
            senders,
        }
    }

    /// How many letters it indexes (the rows of the date order).
    pub fn rows(&self) -> usize {
        self.rank.len()
    }

    /// The row of letter `i` in the date order (past the end for no letter).
    pub fn rank(&self, i: usize) -> usize {
        self.rank.get(i).copied().unwrap_or(usize::MAX)
    }

    /// The corpus index of the letter with this id.
    pub fn by_id(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    /// The sender of letter `i` as shown, with its number (equal names, equal numbers).
    pub fn sender(&self, i: usize) -> Option<(usize, &str)> {
        let n = *self.sender.get(i)?;
        Some((n, self.senders.get(n)?.as_str()))
    }
}

#[cfg(test)]
mod tests;
