//! Writing the index file: every section built, then written whole under a temporary name
//! with the hash of every chunk, and renamed into place (a reader has the old file or the
//! new one, never half of one).

use std::io::{self, BufWriter, Write};
use std::path::Path;

use super::LetterRow;
use super::layout::*;
use crate::cache::file::{Entry, Span};
use crate::cache::stamp::Stamp;
use crate::model::Letter;
use crate::register::{Entity, Occurrence, Register};
use crate::search::{PassageIndex, SearchIndex};

/// What goes into an index file.
pub struct Contents<'a> {
    pub taken: i128,
    /// The cache file's manifest span: the letters are read from that file.
    pub cache: Span,
    /// The letter files, as the cache's manifest lists them (their blobs in the cache file).
    pub files: &'a [Entry],
    /// The letters of the entries that have one, in order.
    pub letters: &'a [Letter],
    pub warnings: &'a [String],
    /// The register and search index, with the key of the register files they were built
    /// with, when they were built.
    pub search: Option<(u64, &'a Register, &'a SearchIndex)>,
}

/// Sections being built.
#[derive(Default)]
pub(super) struct Sections {
    pub strings: Vec<u8>,
    /// Where `strings` begins in STRINGS (a delta's follow its base's).
    pub strings_from: u64,
}

impl Sections {
    /// Puts `s` in STRINGS and its `Str` in `out`.
    pub fn put_str(&mut self, out: &mut Vec<u8>, s: Option<&[u8]>) {
        let (offset, len) = match s {
            Some(s) => {
                let offset = self.strings_from + self.strings.len() as u64;
                self.strings.extend_from_slice(s);
                (offset, u32::try_from(s.len()).unwrap_or(u32::MAX - 1))
            }
            None => (0, u32::MAX),
        };
        out.extend_from_slice(&offset.to_le_bytes());
        out.extend_from_slice(&len.to_le_bytes());
    }
}

impl Sections {
    /// A FILES record.
    pub fn put_file(&mut self, out: &mut Vec<u8>, entry: &Entry) {
        let flags = u64::from(entry.letter_stamp.is_some())
            | (2 * u64::from(entry.sidecar_stamp.is_some()));
        out.extend_from_slice(&flags.to_le_bytes());
        put_stamp(out, entry.letter_stamp);
        put_stamp(out, entry.sidecar_stamp);
        self.put_str(out, Some(entry.source.as_bytes()));
        out.extend_from_slice(&[0; 4]);
    }

    /// A LETTERS record.
    pub fn put_letter(&mut self, out: &mut Vec<u8>, span: Span, row: &LetterRow) {
        for n in [span.offset, span.len, span.hash] {
            out.extend_from_slice(&n.to_le_bytes());
        }
        self.put_str(out, Some(row.id.as_bytes()));
        self.put_str(out, row.sender.map(str::as_bytes));
        self.put_str(out, row.subject.map(str::as_bytes));
        put_date(out, row.date);
        out.push(stance_byte(row.stance));
        out.extend_from_slice(&(row.sections as u32).to_le_bytes());
        out.extend_from_slice(&(row.notes as u32).to_le_bytes());
    }

    /// An ENTITIES record for `e` (its occurrences left out) whose occurrences are the runs
    /// `first` and `then` (first index, count).
    pub fn put_entity(
        &mut self,
        out: &mut Vec<u8>,
        e: &Entity,
        first: (u64, u32),
        then: (u64, u32),
    ) {
        out.push(kind_byte(e.kind));
        put_date(out, e.date);
        self.put_str(out, Some(e.label.as_bytes()));
        // Not `e.clone()`: that copied every occurrence (all of them, over the entities).
        self.put_str(out, Some(&bitcode::encode(&e.without_occurrences())));
        for (at, count) in [first, then] {
            out.extend_from_slice(&at.to_le_bytes());
            out.extend_from_slice(&count.to_le_bytes());
            out.extend_from_slice(&[0; 4]);
        }
    }

    /// A NAMES record.
    pub fn put_name(&mut self, out: &mut Vec<u8>, entity: usize, name: usize, key: &str) {
        out.extend_from_slice(&(entity as u32).to_le_bytes());
        out.extend_from_slice(&(name as u32).to_le_bytes());
        self.put_str(out, Some(key.as_bytes()));
        out.extend_from_slice(&[0; 4]);
    }
}

fn put_stamp(out: &mut Vec<u8>, stamp: Option<Stamp>) {
    let s = stamp.unwrap_or_default();
    out.extend_from_slice(&s.size.to_le_bytes());
    out.extend_from_slice(&s.mtime.to_le_bytes());
    out.extend_from_slice(&s.ctime.to_le_bytes());
    out.extend_from_slice(&s.inode.to_le_bytes());
    out.extend_from_slice(&s.device.to_le_bytes());
}

/// What the index's sections are written from.
pub(super) struct Parts<'a> {
    pub taken: i128,
    pub cache: Span,
    pub files: &'a [Entry],
    pub warnings: &'a [String],
    /// Each letter's record: where its blob is, and its row.
    pub letters: Vec<(Span, LetterRow<'a>)>,
    pub search: Option<SearchParts<'a>>,
}

/// The search sections' contents.
pub(super) struct SearchParts<'a> {
    pub key: u64,
    pub register: &'a Register,
    /// Every name: entity, name number, key; entity by entity.
    pub names: Vec<(usize, usize, &'a str)>,
    /// The passages, the vocabulary and its postings.
    pub index: &'a PassageIndex,
}

/// Writes the index at `path`; `None` (nothing written) when the contents do not fit
/// together.
pub fn write(path: &Path, contents: &Contents) -> io::Result<()> {
    let with_letter = contents.files.iter().filter(|e| e.has_letter).count();
    if with_letter != contents.letters.len() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "the letters are not those of the manifest",
        ));
    }
    let spans = contents
        .files
        .iter()
        .filter(|e| e.has_letter)
        .map(|e| e.blob);
    let letters = spans
        .zip(contents.letters.iter().map(LetterRow::of))
        .collect();
    let search = contents.search.map(|(key, register, index)| SearchParts {
        key,
        register,
        names: index.names().iter().collect(),
        index: index.passage_index(),
    });
    let parts = Parts {
        taken: contents.taken,
        cache: contents.cache,
        files: contents.files,
        warnings: contents.warnings,
        letters,
        search,
    };
    write_parts(path, parts).map(|_| ())
}

/// Writes the index of `parts` at `path`.
pub(super) fn write_parts(path: &Path, parts: Parts) -> io::Result<u64> {
    let mut s = Sections::default();
    let mut files = Vec::with_capacity(parts.files.len() * FILE);
    for entry in parts.files {
        s.put_file(&mut files, entry);
    }
    let mut letters = Vec::with_capacity(parts.letters.len() * LETTER);
    for (span, row) in &parts.letters {
        s.put_letter(&mut letters, *span, row);
    }
    let mut register_key = None;
    let mut rest: Vec<Section> = (PASSAGES..BLOBS).map(|_| Section::bytes(&[])).collect();
    if let Some(search) = parts.search {
        register_key = Some(search.key);
        rest = search_sections(&mut s, search);
    }
    let strings = std::mem::take(&mut s.strings);
    let mut sections = vec![
        Section::bytes(&files),
        Section::bytes(&letters),
        Section::bytes(&strings),
    ];
    sections.extend(rest);
    sections.push(Section::bytes(&[])); // BLOBS: a delta's (see `update`)
    let directory = Directory {
        taken: parts.taken,
        cache: (parts.cache.offset, parts.cache.len, parts.cache.hash),
        register_key,
        warnings: parts.warnings.to_vec(),
        ..Directory::default()
    };
    write_sections(path, sections, directory)
}

/// PASSAGES, WORDS, POSTINGS, ENTITIES, OCCURRENCES and NAMES. PASSAGES and OCCURRENCES,
/// fixed records made from what the index and register hold, are made as they are written
/// (at 100,000 letters 45 MB and 300 MB that were held whole beside the register).
fn search_sections<'a>(s: &mut Sections, parts: SearchParts<'a>) -> Vec<Section<'a>> {
    let index = parts.index;
    let mut places = index.passages.iter();
    let passages = Section::Made(Box::new(move |out: &mut Vec<u8>| {
        for passage in places.by_ref().take(MADE / PASSAGE) {
            put_place(out, passage.letter, passage.place);
        }
    }));
    // The vocabulary in byte order, each word with its postings.
    let vocabulary = move || {
        let sorted = index.sorted().iter();
        sorted.filter_map(move |&id| Some((index.words().get(id as usize)?, index.postings(id))))
    };
    let mut words = Vec::new();
    let mut at = 0u64;
    for (word, list) in vocabulary() {
        let len = postings_len(list);
        s.put_str(&mut words, Some(word.as_bytes()));
        words.extend_from_slice(&(list.len() as u32).to_le_bytes());
        words.extend_from_slice(&at.to_le_bytes());
        words.extend_from_slice(&(len as u32).to_le_bytes());
        words.extend_from_slice(&[0; 16]); // no continuation
        at += len as u64;
    }
    // POSTINGS, made as they are written, in the order WORDS gave their offsets.
    let mut lists = vocabulary().map(|(_, list)| list);
    let postings = Section::Made(Box::new(move |out: &mut Vec<u8>| {
        while out.len() < MADE {
            let Some(list) = lists.next() else { break };
            put_postings(out, list);
        }
    }));
    let register = parts.register;
    let mut entities = Vec::with_capacity(register.entities.len() * ENTITY);
    let mut first = 0u64;
    for e in &register.entities {
        let count = e.occurrences.len() as u32;
        s.put_entity(&mut entities, e, (first, count), (0, 0));
        first += e.occurrences.len() as u64;
    }
    let mut all = register.entities.iter().flat_map(|e| &e.occurrences);
    let occurrences = Section::Made(Box::new(move |out: &mut Vec<u8>| {
        for o in all.by_ref().take(MADE / OCCURRENCE) {
            put_occurrences(out, std::slice::from_ref(o));
        }
    }));
    let mut names = Vec::new();
    for (entity, name, key) in parts.names {
        s.put_name(&mut names, entity, name, key);
    }
    vec![
        passages,
        Section::Owned(words),
        postings,
        Section::Owned(entities),
        occurrences,
        Section::Owned(names),
    ]
}

/// How many bytes [`put_postings`] writes for `postings`.
fn postings_len(postings: &[u32]) -> usize {
    let mut last = 0u32;
    let mut len = 0;
    for &p in postings {
        let n = p.wrapping_sub(last);
        last = p;
        len += (32 - n.leading_zeros()).max(1).div_ceil(7) as usize;
    }
    len
}

/// About how many bytes of a made section are made at a time.
const MADE: usize = 1 << 20;

/// A section to write: its bytes in pieces, or a function that makes it a part at a time
/// (appending to the buffer it is given; nothing appended: the section is done).
pub(super) enum Section<'a> {
    Pieces(Vec<&'a [u8]>),
    Owned(Vec<u8>),
    Made(Box<Make<'a>>),
}

/// What makes a section a part at a time (see [`Section::Made`]).
pub(super) type Make<'a> = dyn FnMut(&mut Vec<u8>) + 'a;

impl<'a> Section<'a> {
    fn bytes(bytes: &'a [u8]) -> Section<'a> {
        Section::Pieces(vec![bytes])
    }
}

/// OCCURRENCES records.
pub(super) fn put_occurrences(out: &mut Vec<u8>, occurrences: &[Occurrence]) {
    for o in occurrences {
        put_place(out, o.letter, o.place);
        out.extend_from_slice(&o.at.to_le_bytes());
        out.extend_from_slice(&o.len.to_le_bytes());
    }
}

/// A writer that hashes what it writes chunk by chunk.
struct Chunked<W> {
    inner: W,
    written: u64,
    chunk: Vec<u8>,
    hashes: Vec<u64>,
}

impl<W: Write> Chunked<W> {
    fn put(&mut self, mut bytes: &[u8]) -> io::Result<()> {
        while !bytes.is_empty() {
            let room = CHUNK as usize - self.chunk.len();
            let (now, later) = bytes.split_at(room.min(bytes.len()));
            self.chunk.extend_from_slice(now);
            bytes = later;
            if self.chunk.len() == CHUNK as usize {
                self.flush_chunk()?;
            }
        }
        Ok(())
    }

    fn flush_chunk(&mut self) -> io::Result<()> {
        if !self.chunk.is_empty() {
            self.hashes.push(xxhash_rust::xxh3::xxh3_64(&self.chunk));
            self.inner.write_all(&self.chunk)?;
            self.written += self.chunk.len() as u64;
            self.chunk.clear();
        }
        Ok(())
    }

    fn position(&self) -> u64 {
        self.written + self.chunk.len() as u64
    }
}

pub(super) fn write_file(path: &Path, parts: &[Vec<u8>], directory: Directory) -> io::Result<u64> {
    let pieces = parts.iter().map(|p| vec![p.as_slice()]).collect();
    write_pieces(path, pieces, directory)
}

/// [`write_file`] with each section in pieces (written one after the other). The hash of the
/// file's directory (what names it: see `layout`).
pub(super) fn write_pieces(
    path: &Path,
    parts: Vec<Vec<&[u8]>>,
    directory: Directory,
) -> io::Result<u64> {
    let sections = parts.into_iter().map(Section::Pieces).collect();
    write_sections(path, sections, directory)
}

/// [`write_pieces`] of sections that may be made as they are written.
fn write_sections(path: &Path, parts: Vec<Section>, mut directory: Directory) -> io::Result<u64> {
    super::super::file::write_whole(path, |file| {
        let mut out = Chunked {
            inner: BufWriter::new(file),
            written: 0,
            chunk: Vec::with_capacity(CHUNK as usize),
            hashes: Vec::new(),
        };
        let mut header = Vec::with_capacity(HEADER_LEN as usize);
        header.extend_from_slice(MAGIC);
        header.extend_from_slice(&FORMAT.to_le_bytes());
        header.extend_from_slice(&0u32.to_le_bytes());
        header.extend_from_slice(&super::super::file::build_id().to_le_bytes());
        header.extend_from_slice(&0u64.to_le_bytes());
        out.put(&header)?;
        let mut made = Vec::with_capacity(MADE + 4096);
        for section in parts {
            let pad = (8 - out.position() % 8) % 8;
            out.put(&[0u8; 8][..pad as usize])?;
            let start = out.position();
            match section {
                Section::Pieces(pieces) => {
                    for piece in pieces {
                        out.put(piece)?;
                    }
                }
                Section::Owned(bytes) => out.put(&bytes)?,
                Section::Made(mut make) => loop {
                    made.clear();
                    make(&mut made);
                    if made.is_empty() {
                        break;
                    }
                    out.put(&made)?;
                },
            }
            directory.sections.push((start, out.position() - start));
        }
        out.flush_chunk()?;
        directory.chunks = std::mem::take(&mut out.hashes);
        let encoded = bitcode::encode(&directory);
        let offset = out.position();
        let hash = xxhash_rust::xxh3::xxh3_64(&encoded);
        let mut trailer = Vec::with_capacity(TRAILER_LEN as usize);
        trailer.extend_from_slice(&offset.to_le_bytes());
        trailer.extend_from_slice(&(encoded.len() as u64).to_le_bytes());
        trailer.extend_from_slice(&hash.to_le_bytes());
        trailer.extend_from_slice(MAGIC);
        let mut inner = out.inner;
        inner.write_all(&encoded)?;
        inner.write_all(&trailer)?;
        inner.into_inner().map_err(|e| e.into_error())?;
        Ok(hash)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postings_len_is_what_put_postings_writes() {
        let lists: [&[u32]; 6] = [
            &[],
            &[0],
            &[0, 1, 127, 128, 16_383, 16_384],
            &[5, 2_097_151, 2_097_152, 268_435_455, 268_435_456],
            &[u32::MAX],
            &[3, 3, 1],
        ];
        for list in lists {
            let mut out = Vec::new();
            put_postings(&mut out, list);
            assert_eq!(postings_len(list), out.len(), "{list:?}");
        }
    }
}
