//! The fuzzy search: one query over entities (labels and aliases), dates and passages
//! (paragraphs, headings, footnotes) at once.
//!
//! [`SearchIndex::new`] folds everything once: entity names (`entities`) and a vocabulary of
//! passage words with postings (`passages`). [`SearchIndex::search`] parses the query's
//! filters ([`query`]), scores names in tiers (exact, prefix, word, substring, scattered
//! subsequence, typo), finds dates first when the query reads as one, and gathers passages
//! through the vocabulary. Passages rank by how their words matched: the query as a phrase,
//! every word whole, every word at least as a part of a word (a compound's part, a prefix),
//! then loosely (typos, scattered letters); a name that matches only as a scattered
//! subsequence ranks below whole and partial words. Entities rank before passages when both
//! match well; ties go to the entity that occurs more often. No I/O, and no query can make it
//! panic or run long.

mod entities;
mod hits;
mod passages;
pub mod query;
mod rank;
pub mod source;

use std::collections::HashMap;

use fuzzy_matcher::skim::SkimMatcherV2;
use serde::Serialize;

pub use entities::NameMatch;
pub(crate) use entities::best_names;
pub use passages::Passage;
pub(crate) use passages::match_vocabulary;
pub use query::Query;
pub use source::{
    EntityHead, LetterHead, Memory, RegisterRow, Source, register_rows, search_in, search_in_until,
};

use crate::model::Letter;
use crate::register::{EntityKind, Place, Register, key};
use entities::NameIndex;
pub use hits::{FIRST_LETTERS, HitLetters};
use hits::{allowed_letters, entity_hit, occurrence_passages};
pub(crate) use passages::PassageIndex;

/// What a hit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum HitKind {
    Organisation,
    Person,
    Date,
    Term,
    Passage,
}

impl From<EntityKind> for HitKind {
    fn from(kind: EntityKind) -> HitKind {
        match kind {
            EntityKind::Organisation => HitKind::Organisation,
            EntityKind::Person => HitKind::Person,
            EntityKind::Date => HitKind::Date,
            EntityKind::Term => HitKind::Term,
        }
    }
}

impl HitKind {
    pub fn as_str(self) -> &'static str {
        match self {
            HitKind::Organisation => "organisation",
            HitKind::Person => "person",
            HitKind::Date => "date",
            HitKind::Term => "term",
            HitKind::Passage => "passage",
        }
    }
}

/// One result, with everything a screen needs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    pub kind: HitKind,
    /// The entity's label; for a passage, its letter's sender and date.
    pub label: String,
    pub aliases: Vec<String>,
    pub gloss: Option<String>,
    /// Higher is better.
    pub score: i64,
    /// Matched characters, as `char` indices into `label` (for passages: into the snippet).
    pub positions: Vec<usize>,
    /// How many letters it occurs in (within the `in:` filter; a passage: 1).
    pub letter_count: usize,
    /// The first of those letters by number ([`Source::letter`]), in letter order, at most
    /// [`FIRST_LETTERS`]: what a screen names. Every one is read from the register when asked
    /// ([`HitLetters`]): a frequent entity occurs in most letters of an archive.
    pub first_letters: Vec<usize>,
    /// How often it occurs (for passages: how many matched words the passage holds).
    pub occurrences: usize,
    /// Index into `register.entities`.
    pub entity: Option<usize>,
    /// The alias that matched, when it was not the label.
    pub matched_alias: Option<String>,
    pub passage: Option<PassageHit>,
}

/// Where a passage hit is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PassageHit {
    /// The letter's id.
    pub letter: String,
    pub letter_index: usize,
    pub place: Place,
    /// The section, for paragraphs and headings (0 for footnotes).
    pub section: usize,
    /// The paragraph in its section; for footnotes, the note's number.
    pub paragraph: usize,
    /// Offset in `char`s of the first match in the passage text.
    pub at: usize,
    /// The text around the first match (`…` where cut).
    pub snippet: String,
    /// Every match in the passage text, as `char` ranges (start, end), in order: what a
    /// preview of the whole passage highlights.
    #[serde(skip)]
    pub matches: Vec<(usize, usize)>,
}

/// Everything the search needs, folded once.
pub struct SearchIndex {
    names: NameIndex,
    passages: PassageIndex,
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex")
            .field("names", &self.names)
            .field("passages", &self.passages)
            .finish_non_exhaustive()
    }
}

/// A piece of [`SearchIndex::to_pieces`] not yet encoded.
pub(crate) enum StoredPiece<'a> {
    Names(&'a NameIndex),
    Passages(passages::Piece),
}

impl StoredPiece<'_> {
    pub(crate) fn encode(self) -> Vec<u8> {
        match self {
            StoredPiece::Names(names) => bitcode::encode(names),
            StoredPiece::Passages(piece) => bitcode::encode(&piece),
        }
    }
}

/// Most query words looked at for passages.
const MAX_QUERY_WORDS: usize = 12;

impl SearchIndex {
    pub fn new(letters: &[Letter], register: &Register) -> SearchIndex {
        SearchIndex::with_passages(register, PassageIndex::new(letters))
    }

    /// [`SearchIndex::new`] with its passages, vocabulary and postings already built from
    /// the letters (they do not depend on the register: `crate::cache` builds them while the
    /// register is built).
    pub(crate) fn with_passages(register: &Register, passages: PassageIndex) -> SearchIndex {
        SearchIndex {
            names: NameIndex::new(register),
            passages,
        }
    }

    /// The index in pieces of a compact binary form, for the on-disk cache (`crate::cache`):
    /// each piece is encoded only when the iterator reaches it and none is larger than a few
    /// megabytes, so writing the cache never holds a second copy of the whole index.
    pub fn to_pieces(&self) -> impl Iterator<Item = Vec<u8>> + '_ {
        self.piece_values().map(StoredPiece::encode)
    }

    /// The pieces of [`SearchIndex::to_pieces`] before they are encoded
    /// ([`StoredPiece::encode`]), so that they can be encoded on every core.
    pub(crate) fn piece_values(&self) -> impl Iterator<Item = StoredPiece<'_>> + '_ {
        std::iter::once(StoredPiece::Names(&self.names))
            .chain(self.passages.pieces().map(StoredPiece::Passages))
    }

    /// The index of [`SearchIndex::to_pieces`], all of them in order; `None` when a piece is
    /// missing (`None`) or is not one.
    pub fn from_pieces(pieces: impl IntoIterator<Item = Option<Vec<u8>>>) -> Option<SearchIndex> {
        let mut pieces = pieces.into_iter();
        let names = bitcode::decode(&pieces.next()??).ok()?;
        let mut decoded = Vec::new();
        for piece in pieces {
            decoded.push(bitcode::decode(&piece?).ok()?);
        }
        Some(SearchIndex {
            names,
            passages: PassageIndex::from_pieces(decoded)?,
        })
    }

    /// The best `limit` hits for `query` (see [`query`] for the filters), best first.
    pub fn search(
        &self,
        letters: &[Letter],
        register: &Register,
        query: &str,
        limit: usize,
    ) -> Vec<Hit> {
        let source = Memory {
            letters,
            register,
            index: self,
        };
        run(&source, query, limit)
    }

    /// [`SearchIndex::search`], or `None` as soon as `stop` says so: it is asked between the
    /// search's steps (the reader's worker stops a query once a newer one is waiting).
    pub fn search_until(
        &self,
        letters: &[Letter],
        register: &Register,
        query: &str,
        limit: usize,
        stop: &dyn Fn() -> bool,
    ) -> Option<Vec<Hit>> {
        let memory = Memory {
            letters,
            register,
            index: self,
        };
        run_until(&memory, query, limit, stop)
    }

    /// The folded names of the register's entities, in order, for the on-disk index.
    pub(crate) fn names(&self) -> &NameIndex {
        &self.names
    }

    /// The passages, vocabulary and postings, for the on-disk index.
    pub(crate) fn passage_index(&self) -> &PassageIndex {
        &self.passages
    }
}

/// The best `limit` hits for `query` in `source`, best first.
fn run(source: &impl Source, query: &str, limit: usize) -> Vec<Hit> {
    run_until(source, query, limit, &|| false).unwrap_or_default()
}

/// [`run`], or `None` as soon as `stop` says so (it is asked between steps: the reader's
/// worker stops a query when a newer one is waiting).
fn run_until(
    source: &impl Source,
    query: &str,
    limit: usize,
    stop: &dyn Fn() -> bool,
) -> Option<Vec<Hit>> {
    let matcher = SkimMatcherV2::default();
    let query = Query::parse(query);
    let allowed = allowed_letters(source, &query.letters);
    let mut hits = entity_hits(source, &matcher, &query, allowed.as_deref(), limit);
    if query.wants_passages() {
        if stop() {
            return None;
        }
        let passages =
            rank::passage_hits(source, &matcher, &query, allowed.as_deref(), limit, stop)?;
        hits.extend(passages);
        if stop() {
            return None;
        }
        let found = occurrence_passages(source, &hits, &query, allowed.as_deref(), limit);
        hits.extend(found);
    }
    hits.sort_by(|a, b| {
        b.score
            .cmp(&a.score)
            .then(b.occurrences.cmp(&a.occurrences))
            .then_with(|| a.label.cmp(&b.label))
    });
    hits.truncate(limit);
    let q = key(&query.text);
    for hit in hits.iter_mut().filter(|h| h.passage.is_none()) {
        hit.positions = entities::positions(&hit.label, &q, &matcher);
    }
    Some(hits)
}

fn entity_hits(
    source: &impl Source,
    matcher: &SkimMatcherV2,
    query: &Query,
    allowed: Option<&[bool]>,
    limit: usize,
) -> Vec<Hit> {
    let q = key(&query.text);
    let mut scored: HashMap<usize, (i64, usize)> = HashMap::new();
    let filtered_only = query.dates.is_some() && query.kinds == [EntityKind::Date];
    let entities = source.entity_count();
    if let Some(dates) = query.dates.filter(|_| query.wants(EntityKind::Date)) {
        // The register lists dates in time order: a `date:` filter keeps that order.
        let dated = (0..entities)
            .filter_map(|id| source.entity(id).map(|e| (id, e)))
            .filter(|(_, e)| e.kind == EntityKind::Date);
        for (i, (id, e)) in dated.enumerate() {
            if e.date.is_some_and(|d| dates.matches(d)) {
                let bonus = if filtered_only {
                    -(i as i64).min(999_999)
                } else {
                    i64::from(key(e.label) == q) * 100
                        + i64::from(e.date.is_some_and(|d| d.day.is_some()))
                };
                scored.insert(id, (entities::DATE + bonus, 0));
            }
        }
    }
    if !filtered_only {
        for m in source.name_matches(&q, matcher) {
            let is_date = source
                .entity(m.entity)
                .is_some_and(|e| e.kind == EntityKind::Date);
            if is_date && query.dates.is_some() && m.score < entities::SUBSTRING {
                continue; // `28 september` is no typo of `18 september`
            }
            let slot = scored.entry(m.entity).or_insert((m.score, m.name));
            if m.score > slot.0 {
                *slot = (m.score, m.name);
            }
        }
    }
    if q.is_empty()
        && (!query.kinds.is_empty() || !query.letters.is_empty())
        && query.dates.is_none()
    {
        for id in 0..entities {
            scored.entry(id).or_insert((0, 0));
        }
    }
    // Rank on cheap keys first; build full hits only for the best `limit`.
    let ok = |l: usize| allowed.is_none_or(|a| a.get(l).copied().unwrap_or(false));
    let mut ranked: Vec<(i64, usize, EntityHead, usize, usize)> = scored
        .into_iter()
        .filter_map(|(id, (score, name))| {
            let e = source.entity(id).filter(|e| query.wants(e.kind))?;
            let count = match allowed {
                None => e.occurrences,
                Some(_) => source
                    .occurrences(id)
                    .iter()
                    .filter(|o| ok(o.letter_index()))
                    .count(),
            };
            (count > 0).then_some((score, count, e, id, name))
        })
        .collect();
    ranked.sort_by(|a, b| {
        b.0.cmp(&a.0)
            .then(b.1.cmp(&a.1))
            .then_with(|| a.2.label.cmp(b.2.label))
    });
    ranked.truncate(limit);
    ranked
        .into_iter()
        .filter_map(|(score, _, _, id, name)| entity_hit(source, id, score, name, allowed))
        .collect()
}

#[cfg(test)]
mod tests;
