//! The on-disk index: what `brieven search` and `brieven list` need of a cached corpus, in a
//! file that is opened, not loaded. It lies beside the cache file it belongs to
//! (`<name>.index` beside `<name>.cache`), is memory-mapped, and a command reads only what it
//! touches: the letter files' stamps (to know the index is current), then for a search the
//! vocabulary words it looks up, their postings, the places of the passages it ranks, the
//! entities whose names match, and the letters it shows, each decoded from the cache file by
//! itself. The layout is in [`layout`]; opening it against a listing of its paths (and for an
//! update, with or without its delta) in `listed`, without one (the record of its
//! directories) in [`seen`].
//!
//! The index is never trusted: every 64 KiB chunk is checked against its hash the first time
//! it is read, every number is bounds-checked, and an index whose header, build, directory,
//! cache file or letter files do not match is not used. A chunk that fails its hash marks the
//! index damaged ([`Index::damaged`]): the caller then throws away what it answered and loads
//! the corpus the slow way, which writes a new index. Files are written whole under a
//! temporary name and renamed into place, so readers and a writer may run at once.

mod check;
mod layout;
mod listed;
mod seen;
pub(crate) mod update;
pub(crate) mod write;

use std::borrow::Cow;
use std::collections::HashMap;
use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use fuzzy_matcher::skim::SkimMatcherV2;

use super::file::{CacheFile, Span};
use super::stamp::Stamp;
use crate::model::{Date, Letter, Stance};
use crate::register::{Entity, Occurrence, Place, place_text};
use crate::search::source::{EntityHead, LetterHead, Source};
use crate::search::{self, Passage};
use layout::*;

/// File names end so.
pub(crate) const EXTENSION: &str = "index";
/// The record beside an index of the directories its files were listed from.
pub(crate) const SEEN: &str = seen::EXTENSION;

/// An index file opened for a corpus whose letter files it is current for.
pub struct Index {
    /// The index file, written whole.
    base: Layer,
    /// The delta that extends it with letters added since (see `layout`), when there is one.
    delta: Option<Layer>,
    cache: CacheFile,
    /// Letters decoded so far (a query shows a few dozen at most).
    decoded: Mutex<HashMap<usize, Arc<Letter>>>,
}

/// One file of an index, mapped.
struct Layer {
    bytes: Bytes,
    directory: Directory,
    file: File,
    /// The hash of its directory (what a delta names its base by).
    hash: u64,
}

impl Layer {
    /// The file at `path` when it is of this format and build and its sections fit.
    fn map(path: &Path) -> Option<Layer> {
        let file = File::open(path).ok()?;
        // Safety: index files are only ever written whole under another name and renamed
        // into place, never changed where they are, so the mapped bytes stay as they were
        // (a user who edits one by hand gets chunks that fail their hashes, not undefined
        // reads: the map is read-only and every read is bounds-checked).
        let map = unsafe { memmap2::Mmap::map(&file) }.ok()?;
        let size = map.len() as u64;
        (size >= HEADER_LEN + TRAILER_LEN).then_some(())?;
        let header = map.get(..HEADER_LEN as usize)?;
        let build = super::file::build_id();
        let fits =
            &header[..8] == MAGIC && u32_at(header, 8) == FORMAT && u64_at(header, 16) == build;
        fits.then_some(())?;
        let trailer = map.get((size - TRAILER_LEN) as usize..)?;
        (&trailer[24..] == MAGIC).then_some(())?;
        let (at, len, hash) = (u64_at(trailer, 0), u64_at(trailer, 8), u64_at(trailer, 16));
        let end = at.checked_add(len)?;
        (at >= HEADER_LEN && end <= size - TRAILER_LEN).then_some(())?;
        let encoded = map.get(at as usize..end as usize)?;
        (xxhash_rust::xxh3::xxh3_64(encoded) == hash).then_some(())?;
        let mut directory: Directory = bitcode::decode(encoded).ok()?;
        let sections_fit = directory.sections.len() == SECTIONS
            && directory
                .sections
                .iter()
                .all(|&(o, l)| o.checked_add(l).is_some_and(|e| e <= at));
        sections_fit.then_some(())?;
        let records_fit = [
            (FILES, FILE),
            (LETTERS, LETTER),
            (PASSAGES, PASSAGE),
            (WORDS, WORD),
            (ENTITIES, ENTITY),
            (OCCURRENCES, OCCURRENCE),
            (NAMES, NAME),
        ]
        .iter()
        .all(|&(section, record)| directory.sections[section].1.is_multiple_of(record as u64));
        records_fit.then_some(())?;
        let chunks = std::mem::take(&mut directory.chunks);
        Some(Layer {
            bytes: Bytes::new(map, at, chunks)?,
            directory,
            file,
            hash,
        })
    }

    /// Bytes `from..from + len` of its `section`.
    fn slice(&self, section: usize, from: u64, len: u64) -> Option<&[u8]> {
        let (offset, size) = self.directory.sections[section];
        (from.checked_add(len)? <= size).then_some(())?;
        self.bytes.get(offset + from, len)
    }

    fn len(&self, section: usize) -> u64 {
        self.directory.sections[section].1
    }
}

/// One letter as `brieven list` shows it, read from the index.
#[derive(Debug, Clone, PartialEq)]
pub struct LetterRow<'a> {
    pub id: &'a str,
    pub date: Option<Date>,
    pub sender: Option<&'a str>,
    pub subject: Option<&'a str>,
    pub stance: Option<Stance>,
    pub sections: usize,
    pub notes: usize,
}

impl<'a> LetterRow<'a> {
    pub fn of(letter: &'a Letter) -> LetterRow<'a> {
        LetterRow {
            id: &letter.id,
            date: letter.date,
            sender: letter.sender.as_deref(),
            subject: letter.subject.as_deref(),
            stance: letter.stance,
            sections: letter.sections.len(),
            notes: letter.footnotes.len(),
        }
    }
}

/// The stamp at `at` of a FILES record (no hash: the index keeps none).
fn stamp_in(rec: &[u8], at: usize) -> Stamp {
    Stamp {
        size: u64_at(rec, at),
        mtime: i128_at(rec, at + 8),
        ctime: i128_at(rec, at + 24),
        inode: u64_at(rec, at + 40),
        device: u64_at(rec, at + 48),
        hash: 0,
    }
}

/// The index file of a cache file.
pub(crate) fn path_of(cache_file: &Path) -> PathBuf {
    cache_file.with_extension(EXTENSION)
}

/// Delta files (see `layout`) end so.
pub(crate) const DELTA_EXTENSION: &str = "delta";

/// The delta of the index file at `index`.
pub(crate) fn delta_path(index: &Path) -> PathBuf {
    index.with_extension(DELTA_EXTENSION)
}

impl Index {
    /// The index at `path` (with its delta, when there is one for it) when it is of this
    /// format and build, belongs to the cache file `cache_path` as it is, and its sections
    /// fit; with a search section built with register files of `register_key`, when one is
    /// given. Its files are not looked at.
    fn map(path: &Path, cache_path: &Path, register_key: Option<u64>) -> Option<Index> {
        let base = Layer::map(path)?;
        base.directory.base.is_none().then_some(())?;
        // A delta written for another base (the index was written whole since) is not read.
        // One without the search sections (written for `list`) may extend a base with them.
        // One for other register files than those asked for is not read either (the index
        // alone may still do).
        let delta = Layer::map(&delta_path(path)).filter(|d| {
            d.directory.base == Some(base.hash)
                && d.directory.cache == base.directory.cache
                && (d.directory.register_key.is_none()
                    || d.directory.register_key == base.directory.register_key)
                && register_key.is_none_or(|k| d.directory.register_key == Some(k))
        });
        if let Some(key) = register_key {
            (base.directory.register_key == Some(key)).then_some(())?;
        }
        let (cache, span) = CacheFile::open_bare(cache_path)?;
        ((span.offset, span.len, span.hash) == base.directory.cache).then_some(())?;
        Some(Index {
            base,
            delta,
            cache,
            decoded: Mutex::new(HashMap::new()),
        })
    }

    /// Marks the index and its cache file used, for pruning; no matter if that cannot be done.
    fn touch(&self) {
        let now = std::time::SystemTime::now();
        for layer in std::iter::once(&self.base).chain(&self.delta) {
            let _ = layer.file.set_modified(now);
        }
        let _ = self.cache.touch(now);
    }

    /// Whether some bytes read did not have their hash: nothing the index gave may be used.
    pub fn damaged(&self) -> bool {
        self.base.bytes.damaged() || self.delta.as_ref().is_some_and(|d| d.bytes.damaged())
    }

    /// Marks the index damaged (something read did not make sense).
    fn set_damaged(&self) {
        self.base.bytes.set_damaged();
    }

    /// The layer read last: the delta when there is one, else the base.
    fn top(&self) -> &Layer {
        self.delta.as_ref().unwrap_or(&self.base)
    }

    /// Whether it has the search sections, built with the register files of `key`
    /// ([`crate::cache::register_key`]): what [`Index::open`] checks when given a key, for a
    /// caller that opened it without one (the reader, whose letter list needs none).
    pub fn searches_with(&self, key: u64) -> bool {
        self.top().directory.register_key == Some(key)
    }

    /// The corpus's warnings (skipped files, bad sidecars), as loading it gave them.
    pub fn warnings(&self) -> &[String] {
        &self.top().directory.warnings
    }

    /// How many letters there are.
    pub fn len(&self) -> usize {
        self.count(LETTERS, LETTER)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Letter `i` as `brieven list` shows it.
    pub fn row(&self, i: usize) -> Option<LetterRow<'_>> {
        let rec = self.record(LETTERS, LETTER, i)?;
        let text = |at: usize| -> Option<Option<&str>> {
            match str_at(rec, at) {
                None => Some(None),
                Some(s) => self.string(s).map(Some),
            }
        };
        Some(LetterRow {
            id: text(24)??,
            sender: text(36)?,
            subject: text(48)?,
            date: date_at(rec, 60),
            stance: stance_of(*rec.get(67)?),
            sections: u32_at(rec, 68) as usize,
            notes: u32_at(rec, 72) as usize,
        })
    }

    /// Letter `i`, decoded from the cache file (once per run).
    pub fn letter(&self, i: usize) -> Option<Arc<Letter>> {
        if let Some(l) = self.decoded.lock().ok()?.get(&i) {
            return Some(Arc::clone(l));
        }
        let rec = self.record(LETTERS, LETTER, i)?;
        let span = Span {
            offset: u64_at(rec, 0),
            len: u64_at(rec, 8),
            hash: u64_at(rec, 16),
        };
        let letter = match span.offset & BLOB {
            0 => self.cache.letter(span),
            _ => self.blob_letter(span),
        };
        let Some(letter) = letter else {
            self.set_damaged();
            return None;
        };
        let letter = Arc::new(letter);
        self.decoded.lock().ok()?.insert(i, Arc::clone(&letter));
        Some(letter)
    }

    /// A letter kept in BLOBS (see [`update`]).
    fn blob_letter(&self, span: Span) -> Option<Letter> {
        let bytes = self.slice(BLOBS, span.offset & !BLOB, span.len)?;
        (xxhash_rust::xxh3::xxh3_64(bytes) == span.hash).then_some(())?;
        bitcode::decode(bytes).ok()
    }

    /// The length of `section`: the base's and the delta's, or the delta's (see `layout`).
    fn section_len(&self, section: usize) -> u64 {
        match &self.delta {
            Some(delta) if APPENDED[section] => self.base.len(section) + delta.len(section),
            Some(delta) => delta.len(section),
            None => self.base.len(section),
        }
    }

    /// The number of records of `size` in `section`.
    fn count(&self, section: usize, size: usize) -> usize {
        (self.section_len(section) / size as u64) as usize
    }

    /// Record `i` of `section`.
    fn record(&self, section: usize, size: usize, i: usize) -> Option<&[u8]> {
        (i < self.count(section, size)).then_some(())?;
        self.slice(section, (i * size) as u64, size as u64)
    }

    /// Bytes `from..from + len` of `section` (of one layer: none lies across the two).
    fn slice(&self, section: usize, from: u64, len: u64) -> Option<&[u8]> {
        match &self.delta {
            Some(delta) if !APPENDED[section] => delta.slice(section, from, len),
            Some(delta) if from >= self.base.len(section) => {
                delta.slice(section, from - self.base.len(section), len)
            }
            _ => self.base.slice(section, from, len),
        }
    }

    /// A string of STRINGS; `None` (and the index damaged) when it is not UTF-8.
    fn string(&self, (offset, len): (u64, u32)) -> Option<&str> {
        let bytes = self.slice(STRINGS, offset, u64::from(len))?;
        let s = std::str::from_utf8(bytes).ok();
        if s.is_none() {
            self.set_damaged();
        }
        s
    }

    /// Word `i` of the vocabulary (in byte order), with its postings' count, offset and
    /// length (the first run: see [`Index::postings_of_word`]).
    fn word(&self, i: usize) -> Option<(&str, usize, u64, u64)> {
        let rec = self.record(WORDS, WORD, i)?;
        let word = self.string(str_at(rec, 0)?)?;
        Some((
            word,
            u32_at(rec, 12) as usize,
            u64_at(rec, 16),
            u64::from(u32_at(rec, 24)),
        ))
    }

    /// The postings of word `i`: its two runs (see `layout`), ascending; `None` when they
    /// do not read.
    fn postings_of_word(&self, i: usize) -> Option<Vec<u32>> {
        let rec = self.record(WORDS, WORD, i)?;
        let run = |at: usize| {
            let (count, from, len) = (u32_at(rec, at), u64_at(rec, at + 4), u32_at(rec, at + 12));
            postings_of(self.slice(POSTINGS, from, u64::from(len))?, count as usize)
        };
        let (first, mut list) = (run(12)?, run(28)?);
        if let (Some(last), Some(next)) = (first.last(), list.first()) {
            (last < next).then_some(())?;
        }
        if first.is_empty() {
            return Some(list);
        }
        list.splice(0..0, first);
        Some(list)
    }

    /// The bytes of word `i`, unchecked as text: what the binary search compares (byte order
    /// is the vocabulary's order, and bytes equal to a query's are that query).
    fn word_bytes(&self, i: usize) -> Option<&[u8]> {
        let (offset, len) = str_at(self.record(WORDS, WORD, i)?, 0)?;
        self.slice(STRINGS, offset, u64::from(len))
    }

    /// The first word not before `q` in byte order.
    fn first_from(&self, q: &str) -> usize {
        let (mut lo, mut hi) = (0, self.count(WORDS, WORD));
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            match self.word_bytes(mid) {
                Some(w) if w < q.as_bytes() => lo = mid + 1,
                Some(_) => hi = mid,
                None => return hi,
            }
        }
        lo
    }

    fn words_from(&self, first: usize) -> impl Iterator<Item = (u32, &str)> {
        (first..self.count(WORDS, WORD)).map_while(move |i| Some((i as u32, self.word(i)?.0)))
    }

    /// Every word of the vocabulary, as [`Index::words_from`]`(0)` gives them, read in bulk
    /// (see [`Index::strings_of`]): what the scans for parts of words and for loose matches
    /// read.
    fn all_words(&self) -> impl Iterator<Item = (u32, &str)> {
        let records = self.whole(WORDS, WORD);
        self.strings_of(records, WORD, 0)
            .enumerate()
            .map_while(|(i, w)| Some((i as u32, w?)))
    }

    /// All the records of `section` (of `size` bytes) in one piece; none when they do not
    /// read (the index is then damaged).
    fn whole(&self, section: usize, size: usize) -> &[u8] {
        let len = (self.count(section, size) * size) as u64;
        self.slice(section, 0, len).unwrap_or(&[])
    }

    /// The string at `at` of each record of `records` (`size` bytes each), as
    /// [`Index::string`] reads it. The writer lays the strings of a section's records one
    /// after another in STRINGS, so the bytes from the first to the end of the last are read
    /// once and checked as UTF-8 once; a string outside them (or all of them, when those
    /// bytes are not text) is read by itself. The answers do not depend on the layout, only
    /// the speed does.
    fn strings_of<'a>(
        &'a self,
        records: &'a [u8],
        size: usize,
        at: usize,
    ) -> impl Iterator<Item = Option<&'a str>> + 'a {
        let bounds = |rec: Option<&[u8]>| rec.and_then(|r| str_at(r, at));
        let text = match (
            bounds(records.chunks_exact(size).next()),
            bounds(records.chunks_exact(size).last()),
        ) {
            (Some((lo, _)), Some((last, len))) => last
                .checked_add(u64::from(len))
                .and_then(|hi| hi.checked_sub(lo))
                .and_then(|span| self.slice(STRINGS, lo, span))
                .and_then(|bytes| std::str::from_utf8(bytes).ok())
                .map(|text| (lo, text)),
            _ => None,
        };
        records.chunks_exact(size).map(move |rec| {
            let (offset, len) = str_at(rec, at)?;
            let bulk = text.and_then(|(lo, text)| {
                let from = usize::try_from(offset.checked_sub(lo)?).ok()?;
                text.get(from..from.checked_add(len as usize)?)
            });
            bulk.or_else(|| self.string((offset, len)))
        })
    }
}

impl Source for Index {
    fn letter_count(&self) -> usize {
        self.len()
    }

    fn letter(&self, index: usize) -> Option<LetterHead<'_>> {
        // What [`Index::row`] reads but the subject (an entity's hit names every letter it
        // occurs in: 100,000 at most).
        let rec = self.record(LETTERS, LETTER, index)?;
        let sender = match str_at(rec, 36) {
            None => None,
            Some(s) => Some(self.string(s)?),
        };
        Some(LetterHead {
            id: self.string(str_at(rec, 24)?)?,
            sender,
            date: date_at(rec, 60),
        })
    }

    fn with_place_text<R>(
        &self,
        index: usize,
        place: Place,
        f: impl FnOnce(&str) -> R,
    ) -> Option<R> {
        let letter = Index::letter(self, index)?;
        place_text(&letter, place).map(f)
    }

    fn entity_count(&self) -> usize {
        self.count(ENTITIES, ENTITY)
    }

    fn entity(&self, id: usize) -> Option<EntityHead<'_>> {
        let rec = self.record(ENTITIES, ENTITY, id)?;
        Some(EntityHead {
            kind: kind_of(*rec.first()?)?,
            date: date_at(rec, 1),
            label: self.string(str_at(rec, 8)?)?,
            occurrences: u32_at(rec, 40) as usize + u32_at(rec, 56) as usize,
        })
    }

    fn entity_names(&self, id: usize) -> Option<Cow<'_, Entity>> {
        let rec = self.record(ENTITIES, ENTITY, id)?;
        let (offset, len) = str_at(rec, 20)?;
        let bytes = self.slice(STRINGS, offset, u64::from(len))?;
        let Ok(mut entity) = bitcode::decode::<Entity>(bytes) else {
            self.set_damaged();
            return None;
        };
        // A delta keeps the bitcode of entities whose place new ones moved.
        entity.id = id;
        Some(Cow::Owned(entity))
    }

    fn occurrences(&self, id: usize) -> Cow<'_, [Occurrence]> {
        let Some(rec) = self.record(ENTITIES, ENTITY, id) else {
            return Cow::Borrowed(&[]);
        };
        let size = OCCURRENCE as u64;
        let run = |at: usize| {
            let (first, count) = (u64_at(rec, at), u64::from(u32_at(rec, at + 8)));
            let bytes = self.slice(OCCURRENCES, first.checked_mul(size)?, count * size)?;
            Some(bytes.chunks_exact(OCCURRENCE))
        };
        let (Some(first), Some(then)) = (run(32), run(48)) else {
            return Cow::Borrowed(&[]);
        };
        // Sized once: a frequent entity has millions.
        let mut all = Vec::with_capacity(first.len() + then.len());
        for rec in first.chain(then) {
            let Some(o) = occurrence_at(rec) else {
                self.set_damaged();
                return Cow::Borrowed(&[]);
            };
            all.push(o);
        }
        Cow::Owned(all)
    }

    fn name_matches(&self, q: &str, matcher: &SkimMatcherV2) -> Vec<search::NameMatch> {
        let records = self.whole(NAMES, NAME);
        let keys = self.strings_of(records, NAME, 8);
        let names = records
            .chunks_exact(NAME)
            .zip(keys)
            .map_while(|(rec, key)| Some((u32_at(rec, 0) as usize, u32_at(rec, 4) as usize, key?)));
        search::best_names(names, q, matcher)
    }

    fn passage_count(&self) -> usize {
        self.count(PASSAGES, PASSAGE)
    }

    fn passage(&self, id: u32) -> Option<Passage> {
        let rec = self.record(PASSAGES, PASSAGE, id as usize)?;
        let (letter, place) = place_at(rec, 0)?;
        Some(Passage { letter, place })
    }

    fn vocabulary_matches(&self, q: &str, matcher: &SkimMatcherV2) -> Vec<(u32, u32)> {
        let first = self.first_from(q);
        let exact = (self.word_bytes(first) == Some(q.as_bytes())).then_some(first as u32);
        search::match_vocabulary(q, matcher, exact, self.words_from(first), || {
            self.all_words()
        })
    }

    fn postings(&self, word: u32) -> Cow<'_, [u32]> {
        match self.postings_of_word(word as usize) {
            Some(list) => Cow::Owned(list),
            None => {
                self.set_damaged();
                Cow::Borrowed(&[])
            }
        }
    }

    fn word(&self, id: u32) -> Option<&str> {
        Index::word(self, id as usize).map(|(word, ..)| word)
    }
}
