//! Letters added after the last one an index holds (issue 17's incremental update): the new
//! index is the old one with the new letters' files, rows, passages, words and occurrences
//! added, and their blobs kept in the index itself (BLOBS), so that neither the other letters
//! nor the cache file are read or written. Only the new letters are parsed, registered
//! (`register::extended`) and indexed; the old sections are copied record by record (word
//! lists that gain postings are re-encoded). The result answers as an index written whole for
//! all the letters would. Anything else (a changed or removed letter, a letter whose file
//! sorts before an indexed one, a letter that brings a new name) is not done here: the caller
//! then loads the corpus, which writes the index whole.

use std::borrow::Cow;
use std::path::Path;

use super::layout::*;
use super::write::{Parts, SearchParts, Word, write_parts};
use super::{Index, LetterRow};
use crate::cache::file::{Entry, Span};
use crate::cache::stamp;
use crate::corpus::{self, Listing};
use crate::model::Letter;
use crate::register::{Register, extended};
use crate::search::source::Source;
use crate::search::{Passage, PassageIndex, SearchIndex};

/// At most so many letters are added at once.
pub const MOST_ADDED: usize = 256;
/// At most so many bytes of blobs are kept in an index; beyond, the letters are loaded and
/// the index written whole (their blobs then go to the cache file).
pub const MOST_BLOBS: u64 = 64 << 20;

/// Writes at `path` the index of `listing`, whose first files are those `index` was written
/// for, unchanged, and the rest new; with the search sections when `register` (the user's
/// register files) is given and `index` has them for those files. `None` when it cannot be
/// done here (see the module).
pub(crate) fn append(
    index: &Index,
    path: &Path,
    listing: &Listing,
    register: Option<&[&str]>,
) -> Option<()> {
    let old_files = index.count(FILES, FILE);
    let added = listing.files.get(old_files..)?;
    let old_blobs = index.directory.sections[BLOBS].1;
    (!added.is_empty() && added.len() <= MOST_ADDED && old_blobs <= MOST_BLOBS).then_some(())?;
    let taken = stamp::now();
    let loaded = corpus::map_in_parallel(added, |file| crate::cache::load_one(file, None, None, 0));
    let mut files: Vec<Entry> = (0..old_files)
        .map(|i| index.entry(i))
        .collect::<Option<_>>()?;
    let mut warnings = index.warnings().to_vec();
    let mut blobs = index.slice(BLOBS, 0, old_blobs)?.to_vec();
    let mut new_letters: Vec<Letter> = Vec::new();
    let mut spans = Vec::new();
    for (mut entry, one, _) in loaded {
        // A file too new to be trusted by its stamp (or unreadable) would make the new index
        // stale at once: the letters are loaded instead.
        let trusted = |s: Option<stamp::Stamp>| s.is_some_and(|s| s.same_file(&s, taken));
        let sidecar = entry.sidecar_stamp;
        (trusted(entry.letter_stamp) && (sidecar.is_none() || trusted(sidecar))).then_some(())?;
        warnings.extend(one.warnings);
        if let Some(letter) = one.letter {
            let bytes = bitcode::encode(&letter);
            let span = Span {
                offset: BLOB | blobs.len() as u64,
                len: bytes.len() as u64,
                hash: xxhash_rust::xxh3::xxh3_64(&bytes),
            };
            blobs.extend_from_slice(&bytes);
            entry.blob = span;
            spans.push(span);
            new_letters.push(letter);
        }
        files.push(entry);
    }
    let old_letters = index.len();
    let mut letters: Vec<(Span, LetterRow)> = (0..old_letters)
        .map(|i| Some((index.span(i)?, index.row(i)?)))
        .collect::<Option<_>>()?;
    letters.extend(spans.into_iter().zip(new_letters.iter().map(LetterRow::of)));
    let register = match (register, index.directory.register_key) {
        (Some(texts), Some(key)) if key == crate::cache::register_key(texts) => {
            let old = index.register()?;
            Some((key, extended(&old, old_letters, &new_letters, texts).ok()??))
        }
        (Some(_), _) => return None,
        (None, _) => None,
    };
    let names;
    let fresh;
    let search = match &register {
        Some((key, register)) => {
            names = SearchIndex::names_of(register);
            fresh = PassageIndex::new(&new_letters);
            let first_passage = index.passage_count() as u32;
            let passages = (0..first_passage).map_while(|id| index.passage(id)).chain(
                fresh.passages.iter().map(|p| Passage {
                    letter: p.letter + old_letters as u32,
                    place: p.place,
                }),
            );
            Some(SearchParts {
                key: *key,
                register,
                names: names.iter().collect(),
                passages: Box::new(passages),
                words: Box::new(merged_words(index, &fresh, first_passage)),
            })
        }
        None => None,
    };
    let parts = Parts {
        taken,
        cache: Span {
            offset: index.directory.cache.0,
            len: index.directory.cache.1,
            hash: index.directory.cache.2,
        },
        files: &files,
        warnings: &warnings,
        letters,
        search,
        blobs,
    };
    write_parts(path, parts).ok()?;
    if index.damaged() {
        // Made of bytes that did not have their hashes: gone, and the next run loads.
        let _ = std::fs::remove_file(path);
        return None;
    }
    Some(())
}

/// The vocabulary of `index` and of the new letters' `fresh` index (its passages numbered
/// from `first`) in byte order, each word with its postings encoded.
fn merged_words<'a>(
    index: &'a Index,
    fresh: &'a PassageIndex,
    first: u32,
) -> impl Iterator<Item = Word<'a>> + 'a {
    let old_words = index.count(WORDS, WORD);
    let new_words = fresh.sorted();
    let (mut i, mut j) = (0, 0);
    std::iter::from_fn(move || {
        let old = (i < old_words).then(|| index.word(i)).flatten();
        let new = new_words
            .get(j)
            .and_then(|&id| Some((id, fresh.words().get(id as usize)?.as_str())));
        let shifted =
            |id: u32| -> Vec<u32> { fresh.postings(id).iter().map(|&p| p + first).collect() };
        match (old, new) {
            (None, None) => None,
            (Some((word, count, from, len)), new) if new.is_none_or(|(_, w)| word <= w) => {
                i += 1;
                let bytes = index.slice(POSTINGS, from, len).unwrap_or_default();
                match new.filter(|(_, w)| *w == word) {
                    None => Some((Cow::Borrowed(word), count, Cow::Borrowed(bytes))),
                    Some((id, _)) => {
                        j += 1;
                        let Some(mut list) = postings_of(bytes, count) else {
                            index.bytes.set_damaged();
                            return None;
                        };
                        list.extend(shifted(id));
                        let mut encoded = Vec::new();
                        put_postings(&mut encoded, &list);
                        Some((Cow::Borrowed(word), list.len(), Cow::Owned(encoded)))
                    }
                }
            }
            (_, Some((id, word))) => {
                j += 1;
                let list = shifted(id);
                let mut encoded = Vec::new();
                put_postings(&mut encoded, &list);
                Some((Cow::Borrowed(word), list.len(), Cow::Owned(encoded)))
            }
            (Some(_), None) => None, // not reached: the first arm takes it
        }
    })
}

impl Index {
    /// File `i`'s entry as the index keeps it (stamps, path; no warnings, no blob).
    fn entry(&self, i: usize) -> Option<Entry> {
        let rec = self.record(FILES, FILE, i)?;
        let flags = u64_at(rec, 0);
        let stamp_at = |at: usize| super::stamp_in(rec, at);
        Some(Entry {
            source: self.string(str_at(rec, 8 + 2 * 56)?)?.to_string(),
            letter_stamp: (flags & 1 != 0).then(|| stamp_at(8)),
            sidecar_stamp: (flags & 2 != 0).then(|| stamp_at(8 + 56)),
            ..Entry::default()
        })
    }

    /// Letter `i`'s span (in the cache file, or in BLOBS).
    fn span(&self, i: usize) -> Option<Span> {
        let rec = self.record(LETTERS, LETTER, i)?;
        Some(Span {
            offset: u64_at(rec, 0),
            len: u64_at(rec, 8),
            hash: u64_at(rec, 16),
        })
    }

    /// The register as the index holds it, every entity with its occurrences.
    fn register(&self) -> Option<Register> {
        let mut entities = Vec::with_capacity(self.entity_count());
        for id in 0..self.entity_count() {
            let mut entity = self.entity_names(id)?.into_owned();
            entity.occurrences = self.occurrences(id).into_owned();
            entities.push(entity);
        }
        (!self.damaged()).then_some(Register { entities })
    }
}
