//! Writing the index file: every section built, then written whole under a temporary name
//! with the hash of every chunk, and renamed into place (a reader has the old file or the
//! new one, never half of one).

use std::borrow::Cow;
use std::io::{self, BufWriter, Write};
use std::path::Path;

use super::LetterRow;
use super::layout::*;
use crate::cache::file::{Entry, Span};
use crate::cache::stamp::Stamp;
use crate::model::Letter;
use crate::register::{Entity, Register};
use crate::search::{Passage, SearchIndex};

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
struct Sections {
    parts: Vec<Vec<u8>>,
    strings: Vec<u8>,
}

impl Sections {
    /// Puts `s` in STRINGS and its `Str` in `out`.
    fn put_str(&mut self, out: &mut Vec<u8>, s: Option<&[u8]>) {
        let (offset, len) = match s {
            Some(s) => {
                let offset = self.strings.len() as u64;
                self.strings.extend_from_slice(s);
                (offset, u32::try_from(s.len()).unwrap_or(u32::MAX - 1))
            }
            None => (0, u32::MAX),
        };
        out.extend_from_slice(&offset.to_le_bytes());
        out.extend_from_slice(&len.to_le_bytes());
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

/// What the index's sections are written from, wherever it comes from: a loaded corpus
/// ([`write`]) or an index and the letters added to it (`update`).
pub(super) struct Parts<'a> {
    pub taken: i128,
    pub cache: Span,
    pub files: &'a [Entry],
    pub warnings: &'a [String],
    /// Each letter's record: where its blob is, and its row.
    pub letters: Vec<(Span, LetterRow<'a>)>,
    pub search: Option<SearchParts<'a>>,
    /// Letters' blobs kept in the index itself (see `BLOB`).
    pub blobs: Vec<u8>,
}

/// A vocabulary word, how many postings it has, and its postings encoded (`put_postings`).
pub(super) type Word<'a> = (Cow<'a, str>, usize, Cow<'a, [u8]>);

/// The search sections' contents.
pub(super) struct SearchParts<'a> {
    pub key: u64,
    pub register: &'a Register,
    /// Every name: entity, name number, key; entity by entity.
    pub names: Vec<(usize, usize, &'a str)>,
    pub passages: Box<dyn Iterator<Item = Passage> + 'a>,
    /// The vocabulary in byte order.
    pub words: Box<dyn Iterator<Item = Word<'a>> + 'a>,
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
    let search = contents.search.map(|(key, register, index)| {
        let p = index.passage_index();
        let words = p.sorted().iter().filter_map(move |&id| {
            let word = p.words().get(id as usize)?;
            let list = p.postings(id);
            let mut encoded = Vec::new();
            put_postings(&mut encoded, list);
            Some((
                Cow::Borrowed(word.as_str()),
                list.len(),
                Cow::Owned(encoded),
            ))
        });
        SearchParts {
            key,
            register,
            names: index.names().iter().collect(),
            passages: Box::new(p.passages.iter().copied()),
            words: Box::new(words),
        }
    });
    let parts = Parts {
        taken: contents.taken,
        cache: contents.cache,
        files: contents.files,
        warnings: contents.warnings,
        letters,
        search,
        blobs: Vec::new(),
    };
    write_parts(path, parts)
}

/// Writes the index of `parts` at `path`.
pub(super) fn write_parts(path: &Path, parts: Parts) -> io::Result<()> {
    let mut s = Sections::default();
    let mut files = Vec::with_capacity(parts.files.len() * FILE);
    for entry in parts.files {
        let flags = u64::from(entry.letter_stamp.is_some())
            | (2 * u64::from(entry.sidecar_stamp.is_some()));
        files.extend_from_slice(&flags.to_le_bytes());
        put_stamp(&mut files, entry.letter_stamp);
        put_stamp(&mut files, entry.sidecar_stamp);
        s.put_str(&mut files, Some(entry.source.as_bytes()));
        files.extend_from_slice(&[0; 4]);
    }
    let mut letters = Vec::with_capacity(parts.letters.len() * LETTER);
    for (span, row) in &parts.letters {
        for n in [span.offset, span.len, span.hash] {
            letters.extend_from_slice(&n.to_le_bytes());
        }
        s.put_str(&mut letters, Some(row.id.as_bytes()));
        s.put_str(&mut letters, row.sender.map(str::as_bytes));
        s.put_str(&mut letters, row.subject.map(str::as_bytes));
        put_date(&mut letters, row.date);
        letters.push(stance_byte(row.stance));
        letters.extend_from_slice(&(row.sections as u32).to_le_bytes());
        letters.extend_from_slice(&(row.notes as u32).to_le_bytes());
    }
    let mut sections = vec![files, letters];
    let mut register_key = None;
    let mut rest: Vec<Vec<u8>> = vec![Vec::new(); BLOBS - PASSAGES];
    if let Some(search) = parts.search {
        register_key = Some(search.key);
        rest = search_sections(&mut s, search);
    }
    sections.push(std::mem::take(&mut s.strings));
    sections.extend(rest);
    sections.push(parts.blobs);
    s.parts = sections;
    let directory = Directory {
        taken: parts.taken,
        cache: (parts.cache.offset, parts.cache.len, parts.cache.hash),
        register_key,
        warnings: parts.warnings.to_vec(),
        ..Directory::default()
    };
    write_file(path, s.parts, directory)
}

/// PASSAGES, WORDS, POSTINGS, ENTITIES, OCCURRENCES and NAMES.
fn search_sections(s: &mut Sections, parts: SearchParts) -> Vec<Vec<u8>> {
    let mut passages = Vec::new();
    for passage in parts.passages {
        put_place(&mut passages, passage.letter, passage.place);
    }
    let mut words = Vec::new();
    let mut postings = Vec::new();
    for (word, count, encoded) in parts.words {
        s.put_str(&mut words, Some(word.as_bytes()));
        words.extend_from_slice(&(count as u32).to_le_bytes());
        words.extend_from_slice(&(postings.len() as u64).to_le_bytes());
        postings.extend_from_slice(&encoded);
        words.extend_from_slice(&(encoded.len() as u32).to_le_bytes());
    }
    let register = parts.register;
    let mut entities = Vec::with_capacity(register.entities.len() * ENTITY);
    let mut occurrences = Vec::new();
    let mut first = 0u64;
    for e in &register.entities {
        entities.push(kind_byte(e.kind));
        put_date(&mut entities, e.date);
        s.put_str(&mut entities, Some(e.label.as_bytes()));
        let bare = Entity {
            occurrences: Vec::new(),
            ..e.clone()
        };
        s.put_str(&mut entities, Some(&bitcode::encode(&bare)));
        entities.extend_from_slice(&first.to_le_bytes());
        entities.extend_from_slice(&(e.occurrences.len() as u32).to_le_bytes());
        entities.extend_from_slice(&[0; 4]);
        for o in &e.occurrences {
            put_place(&mut occurrences, o.letter, o.place);
            occurrences.extend_from_slice(&o.at.to_le_bytes());
            occurrences.extend_from_slice(&o.len.to_le_bytes());
        }
        first += e.occurrences.len() as u64;
    }
    let mut names = Vec::new();
    for (entity, name, key) in parts.names {
        names.extend_from_slice(&(entity as u32).to_le_bytes());
        names.extend_from_slice(&(name as u32).to_le_bytes());
        s.put_str(&mut names, Some(key.as_bytes()));
        names.extend_from_slice(&[0; 4]);
    }
    vec![passages, words, postings, entities, occurrences, names]
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

fn write_file(path: &Path, parts: Vec<Vec<u8>>, mut directory: Directory) -> io::Result<()> {
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
        for part in parts {
            let pad = (8 - out.position() % 8) % 8;
            out.put(&[0u8; 8][..pad as usize])?;
            directory.sections.push((out.position(), part.len() as u64));
            out.put(&part)?;
        }
        out.flush_chunk()?;
        directory.chunks = std::mem::take(&mut out.hashes);
        let encoded = bitcode::encode(&directory);
        let offset = out.position();
        let mut trailer = Vec::with_capacity(TRAILER_LEN as usize);
        trailer.extend_from_slice(&offset.to_le_bytes());
        trailer.extend_from_slice(&(encoded.len() as u64).to_le_bytes());
        trailer.extend_from_slice(&xxhash_rust::xxh3::xxh3_64(&encoded).to_le_bytes());
        trailer.extend_from_slice(MAGIC);
        let mut inner = out.inner;
        inner.write_all(&encoded)?;
        inner.write_all(&trailer)?;
        inner.into_inner().map_err(|e| e.into_error())?;
        Ok(())
    })
}
