//! The index file's layout: its header, sections, fixed-size records and trailer, and the
//! reading of its bytes, each 64 KiB chunk checked against its hash the first time it is read.
//!
//! ```text
//! header     MAGIC, FORMAT (u32), 0 (u32), BUILD (u64), 0 (u64)          32 bytes
//! sections   FILES, LETTERS, STRINGS, PASSAGES, WORDS, POSTINGS, ENTITIES,
//!            OCCURRENCES, NAMES, BLOBS: each 8-aligned, records little-endian
//! directory  bitcode Directory: where the sections are, the hash of every chunk
//! trailer    the directory's offset, length and hash (u64 each), MAGIC
//! ```
//!
//! Strings are a `Str`: an offset into STRINGS (u64) and a length (u32, `u32::MAX` for none).
//! A place is four `u32`s: letter, kind (0 paragraph, 1 footnote, 2 heading, 3 meta), and two
//! numbers (section and paragraph, the note's number, the section).
//!
//! A *delta* (`<name>.delta`, written by `update`) has the same layout and extends one index
//! file, its *base* (named by the hash of the base's directory): the sections [`APPENDED`]
//! marks are the base's followed by the delta's (record `i` past the base's last is the
//! delta's `i - count`; an offset past the base's length is the delta's, less that length),
//! the others are the delta's alone. A vocabulary word's postings and an entity's
//! occurrences are two runs: the first (in the base) and a continuation (in the delta).

use std::sync::atomic::{AtomicBool, Ordering};

use crate::model::{Date, Stance};
use crate::register::{EntityKind, Occurrence, Place};

pub const MAGIC: &[u8; 8] = b"BRVINDEX";
/// The layout here; a change to it bumps this.
pub const FORMAT: u32 = 3;
pub const HEADER_LEN: u64 = 32;
pub const TRAILER_LEN: u64 = 32;
/// Bytes checked by one hash.
pub const CHUNK: u64 = 1 << 16;

/// The sections, in file order.
pub const FILES: usize = 0;
pub const LETTERS: usize = 1;
pub const STRINGS: usize = 2;
pub const PASSAGES: usize = 3;
pub const WORDS: usize = 4;
pub const POSTINGS: usize = 5;
pub const ENTITIES: usize = 6;
pub const OCCURRENCES: usize = 7;
pub const NAMES: usize = 8;
/// Letters added to the index after it was written whole (see `update`): their blobs.
pub const BLOBS: usize = 9;
pub const SECTIONS: usize = 10;
/// The sections a delta extends (the rest it replaces: the vocabulary, the entities and their
/// names, whose order new words and entities change).
pub const APPENDED: [bool; SECTIONS] = [
    true, true, true, true, false, true, false, true, false, true,
];
/// A letter's span with this bit set is in BLOBS (the rest of the offset), not in the cache
/// file.
pub const BLOB: u64 = 1 << 63;

/// Record sizes.
/// FILES: flags (u64: 1 letter stamp, 2 sidecar stamp), letter stamp and sidecar stamp
/// (size u64, mtime i128, ctime i128, inode u64, device u64: 56 bytes), the path (`Str`).
pub const FILE: usize = 8 + 56 + 56 + 12 + 4;
/// LETTERS: the letter's span in the cache file (offset, length, hash), id, sender and
/// subject (`Str`), date (year i32, month, day, 1 if dated, stance + 1), sections and notes
/// (u32 each).
pub const LETTER: usize = 24 + 36 + 8 + 8;
/// PASSAGES: a place.
pub const PASSAGE: usize = 16;
/// WORDS, in byte order of the words: the word (`Str`), how many postings (u32), where
/// they start in POSTINGS (u64) and how many bytes they take (u32); then the same for the
/// continuation (how many, where, bytes: u32, u64, u32; none in a base written whole).
pub const WORD: usize = 12 + 4 + 8 + 4 + 16;
/// ENTITIES: kind (u8), 1 if dated (u8), month, day, year (i32), label (`Str`), the entity
/// without its occurrences (bitcode, a `Str`; its `id` is its place, whatever it says), its
/// occurrences' first index (u64) and count (u32), 4 bytes of padding, and the same for the
/// continuation.
pub const ENTITY: usize = 8 + 12 + 12 + 8 + 4 + 4 + 16;
/// OCCURRENCES: a place, `at` and `len` (u32 each).
pub const OCCURRENCE: usize = 16 + 8;
/// NAMES: entity and name number (u32 each), the key (`Str`).
pub const NAME: usize = 8 + 12 + 4;

/// What the index holds beside its sections (small, read whole when it is opened).
#[derive(Debug, Clone, Default, PartialEq, bitcode::Encode, bitcode::Decode)]
pub struct Directory {
    /// When the files' stamps were taken (nanoseconds since the epoch).
    pub taken: i128,
    /// The manifest span of the cache file the letters are read from: (offset, len, hash).
    pub cache: (u64, u64, u64),
    /// The register files the register and search sections were built with; `None` when
    /// they are empty (an index for `list` alone).
    pub register_key: Option<u64>,
    /// The corpus's warnings (skipped files, bad sidecars), in order.
    pub warnings: Vec<String>,
    /// Offset and length of each section.
    pub sections: Vec<(u64, u64)>,
    /// xxh3 of each [`CHUNK`] of the file before the directory.
    pub chunks: Vec<u64>,
    /// In a delta: the hash of the base's directory (its trailer's), the file it extends.
    pub base: Option<u64>,
}

/// The index file mapped, read only through checked chunks.
pub struct Bytes {
    map: memmap2::Mmap,
    /// Where the directory begins: the end of the checked bytes.
    end: u64,
    chunks: Vec<u64>,
    checked: Vec<AtomicBool>,
    /// Some chunk did not have its hash: the index is damaged, and nothing it gave counts.
    damaged: AtomicBool,
}

impl Bytes {
    pub fn new(map: memmap2::Mmap, end: u64, chunks: Vec<u64>) -> Option<Bytes> {
        (end <= map.len() as u64 && chunks.len() as u64 == end.div_ceil(CHUNK)).then_some(())?;
        let checked = chunks.iter().map(|_| AtomicBool::new(false)).collect();
        Some(Bytes {
            map,
            end,
            chunks,
            checked,
            damaged: AtomicBool::new(false),
        })
    }

    /// The bytes at `offset..offset + len`, when they lie before the directory and their
    /// chunks have their hashes; else `None`, and the index counts as damaged.
    pub fn get(&self, offset: u64, len: u64) -> Option<&[u8]> {
        let got = self.checked(offset, len);
        if got.is_none() {
            self.damaged.store(true, Ordering::Relaxed);
        }
        got
    }

    fn checked(&self, offset: u64, len: u64) -> Option<&[u8]> {
        let end = offset.checked_add(len)?;
        (end <= self.end).then_some(())?;
        if len > 0 {
            for chunk in offset / CHUNK..=(end - 1) / CHUNK {
                let i = usize::try_from(chunk).ok()?;
                if self.checked[i].load(Ordering::Relaxed) {
                    continue;
                }
                let from = chunk * CHUNK;
                let to = (from + CHUNK).min(self.end);
                let bytes = self.map.get(from as usize..to as usize)?;
                (xxhash_rust::xxh3::xxh3_64(bytes) == self.chunks[i]).then_some(())?;
                self.checked[i].store(true, Ordering::Relaxed);
            }
        }
        self.map
            .get(usize::try_from(offset).ok()?..usize::try_from(end).ok()?)
    }

    pub fn damaged(&self) -> bool {
        self.damaged.load(Ordering::Relaxed)
    }

    /// Marks the index damaged (something read did not make sense).
    pub fn set_damaged(&self) {
        self.damaged.store(true, Ordering::Relaxed);
    }
}

/// Little-endian numbers at offsets of a record.
pub fn u32_at(b: &[u8], at: usize) -> u32 {
    b.get(at..at + 4)
        .and_then(|s| s.try_into().ok())
        .map_or(0, u32::from_le_bytes)
}

pub fn u64_at(b: &[u8], at: usize) -> u64 {
    b.get(at..at + 8)
        .and_then(|s| s.try_into().ok())
        .map_or(0, u64::from_le_bytes)
}

pub fn i128_at(b: &[u8], at: usize) -> i128 {
    b.get(at..at + 16)
        .and_then(|s| s.try_into().ok())
        .map_or(0, i128::from_le_bytes)
}

/// A `Str` at `at`: offset into STRINGS and length, `None` for no string.
pub fn str_at(b: &[u8], at: usize) -> Option<(u64, u32)> {
    let len = u32_at(b, at + 8);
    (len != u32::MAX).then(|| (u64_at(b, at), len))
}

pub fn put_place(out: &mut Vec<u8>, letter: u32, place: Place) {
    let (kind, a, b) = match place {
        Place::Paragraph { section, paragraph } => (0, section, paragraph),
        Place::Footnote { number } => (1, number, 0),
        Place::Heading { section } => (2, section, 0),
        Place::Meta => (3, 0, 0),
    };
    for n in [letter, kind, a, b] {
        out.extend_from_slice(&n.to_le_bytes());
    }
}

/// The letter and place at `at`; `None` for a kind there is none of.
pub fn place_at(b: &[u8], at: usize) -> Option<(u32, Place)> {
    let (x, y) = (u32_at(b, at + 8), u32_at(b, at + 12));
    let place = match u32_at(b, at + 4) {
        0 => Place::Paragraph {
            section: x,
            paragraph: y,
        },
        1 => Place::Footnote { number: x },
        2 => Place::Heading { section: x },
        3 => Place::Meta,
        _ => return None,
    };
    Some((u32_at(b, at), place))
}

/// The occurrence of an OCCURRENCES record.
pub fn occurrence_at(b: &[u8]) -> Option<Occurrence> {
    let (letter, place) = place_at(b, 0)?;
    Some(Occurrence {
        letter,
        place,
        at: u32_at(b, 16),
        len: u32_at(b, 20),
    })
}

/// A date as eight bytes: year, month, day, whether there is one.
pub fn put_date(out: &mut Vec<u8>, date: Option<Date>) {
    let d = date.unwrap_or(Date {
        year: 0,
        month: None,
        day: None,
    });
    out.extend_from_slice(&d.year.to_le_bytes());
    out.push(d.month.unwrap_or(0));
    out.push(d.day.unwrap_or(0));
    out.push(u8::from(date.is_some()));
}

pub fn date_at(b: &[u8], at: usize) -> Option<Date> {
    let flag = *b.get(at + 6)?;
    (flag == 1).then(|| Date {
        year: u32_at(b, at) as i32,
        month: b.get(at + 4).copied().filter(|&m| m != 0),
        day: b.get(at + 5).copied().filter(|&d| d != 0),
    })
}

pub fn stance_byte(stance: Option<Stance>) -> u8 {
    match stance {
        None => 0,
        Some(Stance::Supports) => 1,
        Some(Stance::Opposes) => 2,
        Some(Stance::Mixed) => 3,
        Some(Stance::Neutral) => 4,
    }
}

pub fn stance_of(byte: u8) -> Option<Stance> {
    match byte {
        1 => Some(Stance::Supports),
        2 => Some(Stance::Opposes),
        3 => Some(Stance::Mixed),
        4 => Some(Stance::Neutral),
        _ => None,
    }
}

pub fn kind_byte(kind: EntityKind) -> u8 {
    match kind {
        EntityKind::Organisation => 0,
        EntityKind::Person => 1,
        EntityKind::Date => 2,
        EntityKind::Term => 3,
    }
}

pub fn kind_of(byte: u8) -> Option<EntityKind> {
    match byte {
        0 => Some(EntityKind::Organisation),
        1 => Some(EntityKind::Person),
        2 => Some(EntityKind::Date),
        3 => Some(EntityKind::Term),
        _ => None,
    }
}

/// Postings as differences from the one before, seven bits a byte.
pub fn put_postings(out: &mut Vec<u8>, postings: &[u32]) {
    let mut last = 0u32;
    for &p in postings {
        let mut n = p.wrapping_sub(last);
        last = p;
        loop {
            let byte = (n & 0x7f) as u8;
            n >>= 7;
            if n == 0 {
                out.push(byte);
                break;
            }
            out.push(byte | 0x80);
        }
    }
}

/// `count` postings from `bytes`; `None` when they do not read (or do not ascend).
pub fn postings_of(bytes: &[u8], count: usize) -> Option<Vec<u32>> {
    let mut out = Vec::with_capacity(count.min(bytes.len()));
    let mut at = 0;
    let mut last = 0u32;
    for i in 0..count {
        let mut n = 0u32;
        let mut shift = 0;
        loop {
            let byte = *bytes.get(at)?;
            at += 1;
            n |= u32::from(byte & 0x7f).checked_shl(shift)?;
            if byte & 0x80 == 0 {
                break;
            }
            shift += 7;
            (shift < 35).then_some(())?;
        }
        let p = last.checked_add(n)?;
        (i == 0 || n > 0).then_some(())?;
        out.push(p);
        last = p;
    }
    Some(out)
}
