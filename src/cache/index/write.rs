//! Writing the index file: every section made (an index written whole: `whole`) or given
//! (a delta's, `update`), written under a temporary name with the hash of every chunk, and
//! renamed into place (a reader has the old file or the new one, never half of one).

mod whole;

use std::io::{self, BufWriter, Write};
use std::path::Path;

use super::LetterRow;
use super::layout::*;
use crate::cache::file::{Entry, Span};
use crate::cache::stamp::Stamp;
use crate::model::Letter;
use crate::register::{Entity, Occurrence, Register};
use crate::search::SearchIndex;
use whole::{Parts, SearchParts};

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

/// Records being made, and the strings they put in STRINGS: kept in `strings`, or only
/// counted (see [`Sections::counting`]).
#[derive(Default)]
pub(super) struct Sections {
    pub strings: Vec<u8>,
    /// Where `strings` begins in STRINGS (a delta's follow its base's).
    pub strings_from: u64,
    /// Strings not kept: `strings_from` moves past each (see [`Sections::counting`]).
    counting: bool,
    /// The length of each entity's bitcode in order, when kept here: pushed as they are put
    /// in STRINGS, taken by the records of a [`Sections::counting`] sharing it.
    codes: Option<Codes>,
}

/// The lengths of the entities' bitcode, shared by the two passes of `whole`.
pub(super) type Codes = std::rc::Rc<std::cell::RefCell<std::collections::VecDeque<u64>>>;

impl Sections {
    /// Sections whose strings are kept in `strings`, which begin at `from` in STRINGS.
    pub fn keeping(strings: Vec<u8>, from: u64) -> Sections {
        Sections {
            strings,
            strings_from: from,
            ..Sections::default()
        }
    }

    /// Sections that make records and count their strings without keeping them, from 0 (an
    /// index written whole, whose STRINGS is made apart by the same calls: `whole`); an
    /// entity's bitcode is counted by the length `codes` gives, in order.
    pub fn counting(codes: Codes) -> Sections {
        Sections {
            counting: true,
            codes: Some(codes),
            ..Sections::default()
        }
    }

    /// Sections that keep their strings (from 0) and push each entity's bitcode length on
    /// `codes`.
    pub fn keeping_codes(codes: Codes) -> Sections {
        Sections {
            codes: Some(codes),
            ..Sections::default()
        }
    }

    /// Where a string of `len` bytes goes in STRINGS, and its `Str` length.
    fn place(&mut self, len: usize) -> (u64, u32) {
        let offset = self.strings_from + self.strings.len() as u64;
        if self.counting {
            self.strings_from += len as u64;
        }
        (offset, u32::try_from(len).unwrap_or(u32::MAX - 1))
    }

    /// Puts `s` in STRINGS and its `Str` in `out`.
    pub fn put_str(&mut self, out: &mut Vec<u8>, s: Option<&[u8]>) {
        let (offset, len) = match s {
            Some(s) => {
                let at = self.place(s.len());
                if !self.counting {
                    self.strings.extend_from_slice(s);
                }
                at
            }
            None => (0, u32::MAX),
        };
        put_str_at(out, offset, len);
    }

    /// Puts the bitcode of `e` without its occurrences in STRINGS and its `Str` in `out`;
    /// when counting, only its length, taken from `codes`.
    fn put_code(&mut self, out: &mut Vec<u8>, e: &Entity) {
        let counted = match (&self.codes, self.counting) {
            (Some(codes), true) => codes.borrow_mut().pop_front(),
            _ => None,
        };
        if let Some(len) = counted {
            let (offset, len) = self.place(len as usize);
            return put_str_at(out, offset, len);
        }
        // Not `e.clone()`: that copied every occurrence (all of them, over the entities).
        let code = bitcode::encode(&e.without_occurrences());
        if let (Some(codes), false) = (&self.codes, self.counting) {
            codes.borrow_mut().push_back(code.len() as u64);
        }
        self.put_str(out, Some(&code));
    }
}

fn put_str_at(out: &mut Vec<u8>, offset: u64, len: u32) {
    out.extend_from_slice(&offset.to_le_bytes());
    out.extend_from_slice(&len.to_le_bytes());
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
        self.put_code(out, e);
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
        names: index,
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
    whole::write_parts(path, &parts).map(|_| ())
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
