//! The sections of an index written whole, every one made a megabyte at a time as it is
//! written (`Section::Made`), so that none is held whole beside the letters, register and
//! index it is made from: at 10,000 letters WORDS, STRINGS, ENTITIES and NAMES held whole had
//! put a first search over its memory target (BENCHMARKS.md, "Memory").
//!
//! STRINGS lies after FILES and LETTERS and before WORDS, ENTITIES and NAMES, whose records
//! point into it. Its bytes are the strings those records put, in the order of the records
//! (files, letters, words, entities, names). Both are made by walking the same [`Item`]s
//! through the same `Sections::put_*`: STRINGS keeping the strings and dropping the records,
//! the record sections keeping the records and only counting the strings (one counter shared
//! by the five, which the writer makes in file order). The one string whose length is not
//! known without making it is an entity's bitcode: STRINGS records each length (8 bytes an
//! entity) for ENTITIES, which is made after it.

use std::cell::RefCell;
use std::io;
use std::path::Path;
use std::rc::Rc;

use super::super::LetterRow;
use super::super::layout::*;
use super::{Codes, MADE, Section, Sections, postings_len, put_occurrences, write_sections};
use crate::cache::file::{Entry, Span};
use crate::register::{Entity, Register};
use crate::search::{PassageIndex, SearchIndex};

/// What the index's sections are written from.
pub(in crate::cache::index) struct Parts<'a> {
    pub taken: i128,
    pub cache: Span,
    pub files: &'a [Entry],
    pub warnings: &'a [String],
    /// Each letter's record: where its blob is, and its row.
    pub letters: Vec<(Span, LetterRow<'a>)>,
    pub search: Option<SearchParts<'a>>,
}

/// The search sections' contents.
pub(in crate::cache::index) struct SearchParts<'a> {
    pub key: u64,
    pub register: &'a Register,
    /// The names (entity, name number, key; entity by entity).
    pub names: &'a SearchIndex,
    /// The passages, the vocabulary and its postings.
    pub index: &'a PassageIndex,
}

/// One record and the strings it puts in STRINGS.
enum Item<'a> {
    File(&'a Entry),
    Letter(Span, &'a LetterRow<'a>),
    /// A vocabulary word and its postings.
    Word(&'a str, &'a [u32]),
    Entity(&'a Entity),
    /// Entity, name number, key.
    Name(usize, usize, &'a str),
}

/// Puts `item`'s record in `out` and its strings in `s`'s STRINGS. `at` is where the item's
/// postings or occurrences begin (moved past them); `None` for STRINGS alone, which drops
/// the record.
fn put(s: &mut Sections, out: &mut Vec<u8>, item: Item, at: Option<&mut u64>) {
    match item {
        Item::File(entry) => s.put_file(out, entry),
        Item::Letter(span, row) => s.put_letter(out, span, row),
        Item::Word(word, list) => {
            s.put_str(out, Some(word.as_bytes()));
            let Some(at) = at else { return };
            let len = postings_len(list);
            out.extend_from_slice(&(list.len() as u32).to_le_bytes());
            out.extend_from_slice(&at.to_le_bytes());
            out.extend_from_slice(&(len as u32).to_le_bytes());
            out.extend_from_slice(&[0; 16]); // no continuation
            *at += len as u64;
        }
        Item::Entity(e) => {
            let first = at.as_deref().copied().unwrap_or(0);
            let count = e.occurrences.len() as u32;
            s.put_entity(out, e, (first, count), (0, 0));
            if let Some(at) = at {
                *at += u64::from(count);
            }
        }
        Item::Name(entity, name, key) => s.put_name(out, entity, name, key),
    }
}

/// The vocabulary in byte order, each word with its postings.
fn vocabulary(index: &PassageIndex) -> impl Iterator<Item = (&str, &[u32])> {
    let sorted = index.sorted().iter();
    sorted.filter_map(move |&id| {
        let word = index.words().get(id as usize)?;
        Some((word.as_str(), index.postings(id)))
    })
}

/// Each section's items, in file order: FILES, LETTERS, WORDS, ENTITIES, NAMES.
fn items<'a>(parts: &'a Parts<'a>) -> [Box<dyn Iterator<Item = Item<'a>> + 'a>; 5] {
    let files = parts.files.iter().map(Item::File);
    let letters = parts
        .letters
        .iter()
        .map(|(span, row)| Item::Letter(*span, row));
    let Some(search) = &parts.search else {
        return [
            Box::new(files),
            Box::new(letters),
            Box::new(std::iter::empty()),
            Box::new(std::iter::empty()),
            Box::new(std::iter::empty()),
        ];
    };
    let words = vocabulary(search.index).map(|(word, list)| Item::Word(word, list));
    let entities = search.register.entities.iter().map(Item::Entity);
    let names = search.names.names().iter();
    let names = names.map(|(entity, name, key)| Item::Name(entity, name, key));
    [
        Box::new(files),
        Box::new(letters),
        Box::new(words),
        Box::new(entities),
        Box::new(names),
    ]
}

/// A section of `size`-byte records of `items`, their strings counted by `counter`.
fn records<'a>(
    mut items: Box<dyn Iterator<Item = Item<'a>> + 'a>,
    size: usize,
    counter: &Rc<RefCell<Sections>>,
) -> Section<'a> {
    let counter = Rc::clone(counter);
    let mut at = 0u64;
    Section::Made(Box::new(move |out: &mut Vec<u8>| {
        let mut s = counter.borrow_mut();
        for item in items.by_ref().take(MADE / size) {
            put(&mut s, out, item, Some(&mut at));
        }
    }))
}

/// STRINGS: the strings of every item, kept, their records dropped.
fn strings<'a>(parts: &'a Parts<'a>, codes: Codes) -> Section<'a> {
    let mut all = items(parts).into_iter().flatten();
    let mut s = Sections::keeping_codes(codes);
    let mut record = Vec::new();
    Section::Made(Box::new(move |out: &mut Vec<u8>| {
        // The strings go straight into the writer's buffer, after what was written before.
        std::mem::swap(&mut s.strings, out);
        while s.strings.len() < MADE {
            let Some(item) = all.next() else { break };
            record.clear();
            put(&mut s, &mut record, item, None);
        }
        std::mem::swap(&mut s.strings, out);
        s.strings_from += out.len() as u64;
    }))
}

/// Writes the index of `parts` at `path`.
pub(in crate::cache::index) fn write_parts(path: &Path, parts: &Parts) -> io::Result<u64> {
    let codes = Codes::default();
    let counter = Rc::new(RefCell::new(Sections::counting(Rc::clone(&codes))));
    let [files, letters, words, entities, names] = items(parts);
    let mut sections = vec![
        records(files, FILE, &counter),
        records(letters, LETTER, &counter),
        strings(parts, codes),
    ];
    match &parts.search {
        Some(search) => {
            let index = search.index;
            let mut places = index.passages.iter();
            sections.push(Section::Made(Box::new(move |out: &mut Vec<u8>| {
                for passage in places.by_ref().take(MADE / PASSAGE) {
                    put_place(out, passage.letter, passage.place);
                }
            })));
            sections.push(records(words, WORD, &counter));
            // POSTINGS, in the order WORDS gave their offsets.
            let mut lists = vocabulary(index).map(|(_, list)| list);
            sections.push(Section::Made(Box::new(move |out: &mut Vec<u8>| {
                while out.len() < MADE {
                    let Some(list) = lists.next() else { break };
                    put_postings(out, list);
                }
            })));
            sections.push(records(entities, ENTITY, &counter));
            let entities = &search.register.entities;
            let mut all = entities.iter().flat_map(|e| &e.occurrences);
            sections.push(Section::Made(Box::new(move |out: &mut Vec<u8>| {
                for o in all.by_ref().take(MADE / OCCURRENCE) {
                    put_occurrences(out, std::slice::from_ref(o));
                }
            })));
            sections.push(records(names, NAME, &counter));
        }
        None => sections.extend((PASSAGES..BLOBS).map(|_| Section::bytes(&[]))),
    }
    sections.push(Section::bytes(&[])); // BLOBS: a delta's (see `update`)
    let directory = Directory {
        taken: parts.taken,
        cache: (parts.cache.offset, parts.cache.len, parts.cache.hash),
        register_key: parts.search.as_ref().map(|s| s.key),
        warnings: parts.warnings.to_vec(),
        ..Directory::default()
    };
    write_sections(path, sections, directory)
}
