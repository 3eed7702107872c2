//! What a search reads, wherever it is kept: the letters' heads (id, sender, date) and the
//! texts of their places, the register's entities and occurrences, the entities' names, and
//! the passages with their vocabulary and postings.
//!
//! [`Memory`] reads them from the loaded letters, the [`Register`] and a [`SearchIndex`];
//! the on-disk index (`crate::cache::index`) reads them from a memory-mapped file, touching
//! only what a query asks for. The search ([`SearchIndex::search`], [`search_in`]) is written
//! once over this trait, so both answer alike.

use std::borrow::Cow;

use fuzzy_matcher::skim::SkimMatcherV2;

use super::entities::NameMatch;
use super::passages::Passage;
use super::{Hit, SearchIndex};
use crate::model::{Date, Letter};
use crate::register::{Entity, EntityKind, Occurrence, Place, Register, place_text};

/// What the search needs of a letter to name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LetterHead<'a> {
    pub id: &'a str,
    pub sender: Option<&'a str>,
    pub date: Option<Date>,
}

impl LetterHead<'_> {
    /// As [`Letter::sender_or_unknown`].
    pub fn sender_or_unknown(&self) -> &str {
        self.sender.unwrap_or(crate::model::UNKNOWN_SENDER)
    }
}

/// What ranking needs of an entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EntityHead<'a> {
    pub kind: EntityKind,
    pub label: &'a str,
    pub date: Option<Date>,
    /// How many occurrences it has.
    pub occurrences: usize,
}

/// Where a search reads from. Every method is total: what is not there is `None` or empty.
pub trait Source {
    fn letter_count(&self) -> usize;
    fn letter(&self, index: usize) -> Option<LetterHead<'_>>;
    /// `f` over the text of `place` in letter `index` (see [`place_text`]).
    fn with_place_text<R>(
        &self,
        index: usize,
        place: Place,
        f: impl FnOnce(&str) -> R,
    ) -> Option<R>;
    fn entity_count(&self) -> usize;
    fn entity(&self, id: usize) -> Option<EntityHead<'_>>;
    /// The whole entity (its occurrences may be left out: see [`Source::occurrences`]).
    fn entity_names(&self, id: usize) -> Option<Cow<'_, Entity>>;
    fn occurrences(&self, id: usize) -> Cow<'_, [Occurrence]>;
    /// The best-matching name of each entity whose names match the folded query `q`.
    fn name_matches(&self, q: &str, matcher: &SkimMatcherV2) -> Vec<NameMatch>;
    fn passage_count(&self) -> usize;
    fn passage(&self, id: u32) -> Option<Passage>;
    /// The vocabulary words a folded query word matches, with how well (see
    /// `passages::EXACT`); the numbers are those [`Source::postings`] and [`Source::word`]
    /// use.
    fn vocabulary_matches(&self, q: &str, matcher: &SkimMatcherV2) -> Vec<(u32, u32)>;
    /// The passages a vocabulary word occurs in, in ascending order.
    fn postings(&self, word: u32) -> Cow<'_, [u32]>;
    /// Vocabulary word number `id`.
    fn word(&self, id: u32) -> Option<&str>;
}

/// The loaded letters, their register and the index built over them.
#[derive(Clone, Copy)]
pub struct Memory<'a> {
    pub letters: &'a [Letter],
    pub register: &'a Register,
    pub index: &'a SearchIndex,
}

impl Source for Memory<'_> {
    fn letter_count(&self) -> usize {
        self.letters.len()
    }

    fn letter(&self, index: usize) -> Option<LetterHead<'_>> {
        let l = self.letters.get(index)?;
        Some(LetterHead {
            id: &l.id,
            sender: l.sender.as_deref(),
            date: l.date,
        })
    }

    fn with_place_text<R>(
        &self,
        index: usize,
        place: Place,
        f: impl FnOnce(&str) -> R,
    ) -> Option<R> {
        place_text(self.letters.get(index)?, place).map(f)
    }

    fn entity_count(&self) -> usize {
        self.register.entities.len()
    }

    fn entity(&self, id: usize) -> Option<EntityHead<'_>> {
        let e = self.register.entities.get(id)?;
        Some(EntityHead {
            kind: e.kind,
            label: &e.label,
            date: e.date,
            occurrences: e.occurrences.len(),
        })
    }

    fn entity_names(&self, id: usize) -> Option<Cow<'_, Entity>> {
        self.register.entities.get(id).map(Cow::Borrowed)
    }

    fn occurrences(&self, id: usize) -> Cow<'_, [Occurrence]> {
        Cow::Borrowed(
            self.register
                .entities
                .get(id)
                .map_or(&[][..], |e| &e.occurrences),
        )
    }

    fn name_matches(&self, q: &str, matcher: &SkimMatcherV2) -> Vec<NameMatch> {
        self.index.names.matches(q, matcher)
    }

    fn passage_count(&self) -> usize {
        self.index.passages.passages.len()
    }

    fn passage(&self, id: u32) -> Option<Passage> {
        self.index.passages.passages.get(id as usize).copied()
    }

    fn vocabulary_matches(&self, q: &str, matcher: &SkimMatcherV2) -> Vec<(u32, u32)> {
        self.index.passages.vocabulary_matches(q, matcher)
    }

    fn postings(&self, word: u32) -> Cow<'_, [u32]> {
        Cow::Borrowed(self.index.passages.postings(word))
    }

    fn word(&self, id: u32) -> Option<&str> {
        self.index
            .passages
            .words()
            .get(id as usize)
            .map(String::as_str)
    }
}

/// The best `limit` hits for `query` in `source`, as [`SearchIndex::search`] gives them.
pub fn search_in(source: &impl Source, query: &str, limit: usize) -> Vec<Hit> {
    super::run(source, query, limit)
}

/// [`search_in`], or `None` as soon as `stop` says so (see [`SearchIndex::search_until`]).
pub fn search_in_until(
    source: &impl Source,
    query: &str,
    limit: usize,
    stop: &dyn Fn() -> bool,
) -> Option<Vec<Hit>> {
    super::run_until(source, query, limit, stop)
}

/// One entity of the register as `brieven entities` lists it: kind, label, how many
/// occurrences, how many in each letter (by letter number, ascending), and where an act of
/// the library defines it (the definition's citation).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegisterRow {
    pub kind: EntityKind,
    pub label: String,
    pub count: usize,
    pub per_letter: Vec<(usize, usize)>,
    pub definition: Option<String>,
}

/// The register's entities (those of `kind`, when given) with their counts per letter, from
/// the entities' heads and occurrences alone: over the on-disk index no letter is decoded.
/// `None` when an entity cannot be read.
pub fn register_rows(source: &impl Source, kind: Option<EntityKind>) -> Option<Vec<RegisterRow>> {
    let mut rows = Vec::new();
    for id in 0..source.entity_count() {
        let head = source.entity(id)?;
        if kind.is_some_and(|k| k != head.kind) {
            continue;
        }
        let mut per: Vec<usize> = source
            .occurrences(id)
            .iter()
            .map(Occurrence::letter_index)
            .collect();
        per.sort_unstable();
        let mut per_letter: Vec<(usize, usize)> = Vec::new();
        for l in per {
            match per_letter.last_mut() {
                Some((last, n)) if *last == l => *n += 1,
                _ => per_letter.push((l, 1)),
            }
        }
        let definition = source
            .entity_names(id)?
            .definition
            .as_ref()
            .map(|d| d.citation.clone());
        rows.push(RegisterRow {
            definition,
            kind: head.kind,
            label: head.label.to_string(),
            count: head.occurrences,
            per_letter,
        });
    }
    Some(rows)
}
