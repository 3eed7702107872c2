//! Letters added after the last one an index holds (issue 17's incremental update): written
//! as a *delta* beside the index (`layout`), so that the index itself, the cache file and the
//! other letters are neither read whole nor rewritten. Only the new letters are parsed,
//! registered (`register::extension`) and indexed. The delta holds their files, rows,
//! passages, blobs and the continuations of the postings and occurrences they add, after
//! those of an earlier delta (copied: a delta always extends the index written whole), and
//! the vocabulary, entities and names whole (records copied, except those the new letters
//! change). The index and its delta answer as an index written whole for all the letters
//! would. Anything else (a changed or removed letter, a letter whose file sorts before an
//! indexed one, a letter that brings a new name, a delta grown past [`MOST_DELTA`]) is not
//! done here: the caller then loads the corpus, which writes the index whole.

use std::path::Path;

use super::layout::*;
use super::write::{Sections, put_occurrences, write_file, write_pieces};
use super::{Index, LetterRow};
use crate::cache::file::Span;
use crate::cache::stamp;
use crate::corpus::{self, Listing};
use crate::model::Letter;
use crate::register::{Entity, Occurrence, extension, key};
use crate::search::PassageIndex;
use crate::search::source::Source;

/// At most so many letters are added at once.
pub const MOST_ADDED: usize = 256;
/// At most so many bytes of letters, passages, postings and occurrences are kept in a delta;
/// beyond (or when the delta holds more letter files than the index), the index and its delta
/// are merged into one index file (`merge`), and the next letters added go into a new delta.
pub const MOST_DELTA: u64 = 64 << 20;

/// Writes beside the index at `path` (of the cache file at `cache_path`) the delta that makes `index` (opened with the delta it
/// had, if any) the index of `listing`, whose first files are those `index` holds, unchanged,
/// and the rest new; with the search sections when `register` (the user's register files) is
/// given and `index` has them for those files. The hash of the file written last (the delta,
/// or the index it was merged into), or `None` when it cannot be done here (see the module).
pub(crate) fn append(
    index: &Index,
    path: &Path,
    cache_path: &Path,
    listing: &Listing,
    register: Option<&[&str]>,
) -> Option<u64> {
    let old_files = index.count(FILES, FILE);
    let added = listing.files.get(old_files..)?;
    let kept: u64 = (index.delta.iter())
        .flat_map(|d| {
            [
                FILES,
                LETTERS,
                STRINGS,
                PASSAGES,
                POSTINGS,
                OCCURRENCES,
                BLOBS,
            ]
            .map(|s| d.len(s))
        })
        .sum();
    (!added.is_empty() && added.len() <= MOST_ADDED && kept <= MOST_DELTA).then_some(())?;
    let key = match (register, index.top().directory.register_key) {
        (Some(texts), Some(key)) if key == crate::cache::register_key(texts) => Some(key),
        (Some(_), _) => return None,
        (None, _) => None,
    };
    let taken = stamp::now();
    let loaded = corpus::map_in_parallel(added, |file| crate::cache::load_one(file, None, None, 0));
    let mut delta = Delta::of(index);
    let mut warnings = index.warnings().to_vec();
    let mut new_letters: Vec<Letter> = Vec::new();
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
                offset: BLOB | delta.end(BLOBS),
                len: bytes.len() as u64,
                hash: xxhash_rust::xxh3::xxh3_64(&bytes),
            };
            delta.tails[BLOBS].extend_from_slice(&bytes);
            entry.blob = span;
            let mut record = Vec::with_capacity(LETTER);
            delta
                .strings
                .put_letter(&mut record, span, &LetterRow::of(&letter));
            delta.tails[LETTERS].extend_from_slice(&record);
            new_letters.push(letter);
        }
        let mut record = Vec::with_capacity(FILE);
        delta.strings.put_file(&mut record, &entry);
        delta.tails[FILES].extend_from_slice(&record);
    }
    if let Some(texts) = register.filter(|_| key.is_some()) {
        delta.search(index, &new_letters, texts)?;
    }
    let directory = Directory {
        taken,
        cache: index.base.directory.cache,
        register_key: key,
        warnings,
        base: Some(index.base.hash),
        ..Directory::default()
    };
    let delta_path = super::delta_path(path);
    let sections = delta.into_sections();
    let tails: u64 = (0..SECTIONS)
        .filter(|&s| APPENDED[s])
        .map(|s| sections[s].len() as u64)
        .sum();
    let written = write_file(&delta_path, &sections, directory).ok()?;
    if index.damaged() {
        // Made of bytes that did not have their hashes: gone, and the next run loads.
        let _ = std::fs::remove_file(&delta_path);
        return None;
    }
    let files_in_base = index.base.len(FILES) / FILE as u64;
    let files_in_delta = sections[FILES].len() as u64 / FILE as u64;
    if tails > MOST_DELTA || files_in_delta > files_in_base {
        return merge(path, cache_path).or(Some(written));
    }
    Some(written)
}

/// Writes the index at `path` and its delta as one index file and removes the delta: the
/// next update starts a new delta from it. The files, letters, strings, passages and blobs
/// are the index's then the delta's (offsets stay as they are); each word's postings and each
/// entity's occurrences become one run again, so that the next delta copies none of them.
/// The new index's hash; `None` when the pair does not open or read whole.
fn merge(path: &Path, cache_path: &Path) -> Option<u64> {
    let index = Index::map(path, cache_path, None)?;
    let delta = index.delta.as_ref()?;
    let both = |s: usize| -> Option<Vec<&[u8]>> {
        let own = delta.slice(s, 0, delta.len(s))?;
        Some(match APPENDED[s] {
            true => vec![index.base.slice(s, 0, index.base.len(s))?, own],
            false => vec![own],
        })
    };
    // POSTINGS: word by word, a run copied as it is, or the two decoded and written as one.
    let mut words = Vec::with_capacity(delta.len(WORDS) as usize);
    let mut postings: Vec<std::borrow::Cow<[u8]>> = Vec::new();
    let mut at = 0u64;
    for i in 0..index.count(WORDS, WORD) {
        let mut record = index.record(WORDS, WORD, i)?.to_vec();
        let run = |r: &[u8]| (u32_at(r, 0), u64_at(r, 4), u64::from(u32_at(r, 12)));
        let bytes = match (run(&record[12..28]), run(&record[28..44])) {
            ((_, from, len), (0, ..)) | ((0, ..), (_, from, len)) => {
                std::borrow::Cow::Borrowed(index.slice(POSTINGS, from, len)?)
            }
            _ => {
                let mut one = Vec::new();
                put_postings(&mut one, &index.postings_of_word(i)?);
                std::borrow::Cow::Owned(one)
            }
        };
        let count = u32_at(&record, 12) + u32_at(&record, 28);
        record[12..16].copy_from_slice(&count.to_le_bytes());
        record[16..24].copy_from_slice(&at.to_le_bytes());
        record[24..28].copy_from_slice(&(bytes.len() as u32).to_le_bytes());
        record[28..44].fill(0);
        at += bytes.len() as u64;
        words.extend_from_slice(&record);
        postings.push(bytes);
    }
    // OCCURRENCES: entity by entity, its two runs one after the other.
    let mut entities = Vec::with_capacity(delta.len(ENTITIES) as usize);
    let mut occurrences: Vec<&[u8]> = Vec::new();
    let mut first = 0u64;
    let size = OCCURRENCE as u64;
    for id in 0..index.count(ENTITIES, ENTITY) {
        let mut record = index.record(ENTITIES, ENTITY, id)?.to_vec();
        let mut count = 0u64;
        for run in [32, 48] {
            let (from, n) = (u64_at(&record, run), u64::from(u32_at(&record, run + 8)));
            occurrences.push(index.slice(OCCURRENCES, from.checked_mul(size)?, n * size)?);
            count += n;
        }
        record[32..40].copy_from_slice(&first.to_le_bytes());
        record[40..44].copy_from_slice(&u32::try_from(count).ok()?.to_le_bytes());
        record[48..64].fill(0);
        first += count;
        entities.extend_from_slice(&record);
    }
    let mut parts: Vec<Vec<&[u8]>> = Vec::with_capacity(SECTIONS);
    for s in 0..SECTIONS {
        parts.push(match s {
            WORDS => vec![&words],
            POSTINGS => postings.iter().map(|p| p.as_ref()).collect(),
            ENTITIES => vec![&entities],
            OCCURRENCES => std::mem::take(&mut occurrences),
            _ => both(s)?,
        });
    }
    if index.damaged() {
        return None;
    }
    let directory = Directory {
        // Every file's stamp was found trusted when its layer was written: the later time
        // holds for all.
        taken: delta.directory.taken.max(index.base.directory.taken),
        cache: index.base.directory.cache,
        register_key: delta.directory.register_key,
        warnings: delta.directory.warnings.clone(),
        ..Directory::default()
    };
    let written = write_pieces(path, parts, directory).ok()?;
    let _ = std::fs::remove_file(super::delta_path(path));
    Some(written)
}

/// A delta being built: the bytes of each section that follow the base's (appended
/// sections) or stand for them (the others), and the strings they add.
struct Delta {
    /// The base's length of each section.
    base: [u64; SECTIONS],
    tails: Vec<Vec<u8>>,
    strings: Sections,
}

impl Delta {
    /// A delta of `index`'s base with what `index`'s delta holds of its files, letters,
    /// strings, passages and blobs (the rest is written anew).
    fn of(index: &Index) -> Delta {
        let base: [u64; SECTIONS] = std::array::from_fn(|s| index.base.len(s));
        let mut tails = vec![Vec::new(); SECTIONS];
        for section in [FILES, LETTERS, STRINGS, PASSAGES, BLOBS] {
            if let Some(d) = &index.delta {
                let len = d.len(section);
                tails[section] = d.slice(section, 0, len).unwrap_or_default().to_vec();
                if tails[section].len() as u64 != len {
                    index.set_damaged();
                }
            }
        }
        let strings = Sections::keeping(std::mem::take(&mut tails[STRINGS]), base[STRINGS]);
        Delta {
            base,
            tails,
            strings,
        }
    }

    /// Where the next byte of appended `section` goes.
    fn end(&self, section: usize) -> u64 {
        self.base[section] + self.tails[section].len() as u64
    }

    fn into_sections(mut self) -> Vec<Vec<u8>> {
        self.tails[STRINGS] = std::mem::take(&mut self.strings.strings);
        self.tails
    }

    /// The search sections with `new` (letters `index.len()..`): their passages, the
    /// vocabulary, entities and names of all the letters, the postings and occurrences they
    /// add. `None` when the register cannot be extended (see `register::extension`).
    fn search(&mut self, index: &Index, new: &[Letter], texts: &[&str]) -> Option<()> {
        let old_letters = index.len() as u32;
        let old_entities = index.entity_count();
        let bare: Vec<Entity> = (0..old_entities)
            .map(|id| Some(index.entity_names(id)?.into_owned()))
            .collect::<Option<_>>()?;
        let ext = extension(&bare, old_letters as usize, new, texts).ok()??;
        let fresh = PassageIndex::new(new);
        let first_passage = index.passage_count() as u32;
        for p in &fresh.passages {
            put_place(&mut self.tails[PASSAGES], p.letter + old_letters, p.place);
        }
        self.words(index, &fresh, first_passage)?;
        self.entities(index, &bare, ext.entities, &ext.was)
    }

    /// WORDS: the vocabulary of `index` and of the new letters' `fresh` index (its passages
    /// numbered from `first`) in byte order; POSTINGS: each word's continuation.
    fn words(&mut self, index: &Index, fresh: &PassageIndex, first: u32) -> Option<()> {
        let old_words = index.count(WORDS, WORD);
        let new_words = fresh.sorted();
        let mut words = Vec::with_capacity((old_words + new_words.len()) * WORD);
        let shifted = |id: u32| fresh.postings(id).iter().map(|&p| p + first);
        let (mut i, mut j) = (0, 0);
        loop {
            let old = (i < old_words).then(|| index.word(i)).flatten();
            let new = new_words
                .get(j)
                .and_then(|&id| Some((id, fresh.words().get(id as usize)?.as_str())));
            match (old, new) {
                (None, None) => break,
                (None, _) if i < old_words => return None, // a word that does not read
                (Some((word, ..)), new) if new.is_none_or(|(_, w)| word <= w) => {
                    let mut record = index.record(WORDS, WORD, i)?.to_vec();
                    i += 1;
                    let mut list = self.continuation_of(index, &record[28..44], POSTINGS)?;
                    let then = match new.filter(|(_, w)| *w == word) {
                        Some((id, _)) => {
                            j += 1;
                            let mut postings = postings_of(&list, u32_at(&record, 28) as usize)?;
                            postings.extend(shifted(id));
                            list.clear();
                            put_postings(&mut list, &postings);
                            postings.len()
                        }
                        None => u32_at(&record, 28) as usize,
                    };
                    self.put_run(&mut record[28..44], POSTINGS, &list, then);
                    words.extend_from_slice(&record);
                }
                (_, Some((id, word))) => {
                    j += 1;
                    let postings: Vec<u32> = shifted(id).collect();
                    let mut list = Vec::new();
                    put_postings(&mut list, &postings);
                    let mut record = Vec::with_capacity(WORD);
                    self.strings.put_str(&mut record, Some(word.as_bytes()));
                    record.extend_from_slice(&[0; 16]);
                    record.extend_from_slice(&[0; 16]);
                    self.put_run(&mut record[28..44], POSTINGS, &list, postings.len());
                    words.extend_from_slice(&record);
                }
                (Some(_), None) => return None, // not reached: the arm before takes it
            }
        }
        self.tails[WORDS] = words;
        Some(())
    }

    /// The bytes of the continuation run `run` (count, offset, length) of a WORDS record.
    fn continuation_of(&self, index: &Index, run: &[u8], section: usize) -> Option<Vec<u8>> {
        let (from, len) = (u64_at(run, 4), u64::from(u32_at(run, 12)));
        Some(index.slice(section, from, len)?.to_vec())
    }

    /// Appends `bytes` to `section` (POSTINGS) as a run of `count` and writes the run's
    /// count, offset and length at `run`.
    fn put_run(&mut self, run: &mut [u8], section: usize, bytes: &[u8], count: usize) {
        let at = self.end(section);
        self.tails[section].extend_from_slice(bytes);
        run[0..4].copy_from_slice(&(count as u32).to_le_bytes());
        run[4..12].copy_from_slice(&at.to_le_bytes());
        run[12..16].copy_from_slice(&(bytes.len() as u32).to_le_bytes());
    }

    /// ENTITIES and NAMES of the extended register `entities` (each with only its new
    /// occurrences; `was` its entity in `index`, whose entities are `bare`), and OCCURRENCES'
    /// continuations.
    fn entities(
        &mut self,
        index: &Index,
        bare: &[Entity],
        entities: Vec<Entity>,
        was: &[Option<usize>],
    ) -> Option<()> {
        let names_of = names_by_entity(index, bare.len())?;
        let occurrence = OCCURRENCE as u64;
        let mut records = Vec::with_capacity(entities.len() * ENTITY);
        let mut names = Vec::new();
        for (e, was) in entities.iter().zip(was) {
            let mut record;
            let mut then: Vec<Occurrence> = Vec::new();
            match *was {
                Some(old) => {
                    record = index.record(ENTITIES, ENTITY, old)?.to_vec();
                    let (from, count) = (u64_at(&record, 48), u64::from(u32_at(&record, 56)));
                    let bytes = index.slice(
                        OCCURRENCES,
                        from.checked_mul(occurrence)?,
                        count * occurrence,
                    )?;
                    then.extend(
                        (bytes.chunks_exact(OCCURRENCE))
                            .map(occurrence_at)
                            .collect::<Option<Vec<_>>>()?,
                    );
                    if e.aliases == bare.get(old)?.aliases {
                        let range = names_of.get(old)?.clone();
                        for i in range {
                            let mut name = index.record(NAMES, NAME, i)?.to_vec();
                            name[0..4].copy_from_slice(&(e.id as u32).to_le_bytes());
                            names.extend_from_slice(&name);
                        }
                    } else {
                        // A date written a new way: its bitcode and names anew.
                        let mut fresh = Vec::with_capacity(ENTITY);
                        let first = (u64_at(&record, 32), u32_at(&record, 40));
                        self.strings.put_entity(&mut fresh, e, first, (0, 0));
                        record = fresh;
                        self.put_names(&mut names, e);
                    }
                }
                None => {
                    record = Vec::with_capacity(ENTITY);
                    self.strings.put_entity(&mut record, e, (0, 0), (0, 0));
                    self.put_names(&mut names, e);
                }
            }
            then.extend_from_slice(&e.occurrences);
            let at = self.end(OCCURRENCES) / occurrence;
            put_occurrences(&mut self.tails[OCCURRENCES], &then);
            record[48..56].copy_from_slice(&at.to_le_bytes());
            record[56..60].copy_from_slice(&(then.len() as u32).to_le_bytes());
            records.extend_from_slice(&record);
        }
        self.tails[ENTITIES] = records;
        self.tails[NAMES] = names;
        Some(())
    }

    /// `e`'s names as `NameIndex::new` lists them.
    fn put_names(&mut self, out: &mut Vec<u8>, e: &Entity) {
        for (n, name) in e.names().enumerate() {
            self.strings.put_name(out, e.id, n, &key(name));
        }
    }
}

/// The NAMES records of each of the `count` entities of `index` (they are entity by entity).
fn names_by_entity(index: &Index, count: usize) -> Option<Vec<std::ops::Range<usize>>> {
    let mut ranges = vec![0..0; count];
    let total = index.count(NAMES, NAME);
    let entity_of = |i: usize| Some(u32_at(index.record(NAMES, NAME, i)?, 0) as usize);
    let (mut i, mut last) = (0, None);
    while i < total {
        let entity = entity_of(i)?;
        // Entity by entity, each once, in order.
        last.is_none_or(|l| l < entity).then_some(())?;
        last = Some(entity);
        let start = i;
        while i < total && entity_of(i)? == entity {
            i += 1;
        }
        *ranges.get_mut(entity)? = start..i;
    }
    Some(ranges)
}
