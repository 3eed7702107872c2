//! Finding every name of every entity, and every date, in every text of every letter.
//!
//! All names go into one aho-corasick automaton over their [`key`]s; each text is folded the
//! same way (case and diacritics off, a hyphen as a space, runs of spaces as one) with a map
//! back to the original characters, so `Yesilgöz` finds `Yeşilgöz` and `JBZ raad` finds
//! `JBZ-Raad`, and offsets are reported in the original text. A match counts on word
//! boundaries only, never inside a URL; where matches overlap the leftmost longest wins.

use std::collections::{BTreeMap, HashSet};

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use super::{Drafts, Entity, EntityKind, Occurrence, Place, Register, key};
use crate::dates::find_dates;
use crate::model::{Date, Letter};
use crate::text::fold;

/// Every text of a letter with its place: paragraphs, headings, footnotes, then the metadata
/// fields. A section or paragraph whose number does not fit a [`Place`] (`u32`: more than 4
/// GB of text) is left out rather than numbered wrongly.
pub fn texts(letter: &Letter) -> Vec<(Place, &str)> {
    let mut out = Vec::new();
    for (s, section) in letter.sections.iter().enumerate() {
        if let (Some(h), Some(place)) = (&section.heading, Place::heading(s)) {
            out.push((place, h.as_str()));
        }
        for (p, para) in section.paragraphs.iter().enumerate() {
            if let Some(place) = Place::paragraph(s, p) {
                out.push((place, para.text.as_str()));
            }
        }
    }
    for note in &letter.footnotes {
        out.push((
            Place::Footnote {
                number: note.number,
            },
            note.text.as_str(),
        ));
    }
    let meta = letter
        .sender
        .iter()
        .chain(&letter.recipients)
        .chain(&letter.subject)
        .chain(&letter.salutation)
        .chain(&letter.signed_by);
    out.extend(meta.map(|m| (Place::Meta, m.as_str())));
    out
}

/// A text folded for matching, with the original `char` index of each of its `char`s.
pub struct MatchText {
    pub text: String,
    pub origin: Vec<usize>,
}

/// Folds `s` as [`key`] folds names, keeping the map back to `s`.
pub fn match_text(s: &str) -> MatchText {
    let folded = fold(s);
    let mut out = MatchText {
        text: String::with_capacity(folded.text.len()),
        origin: Vec::with_capacity(folded.origin.len()),
    };
    for (c, &o) in folded.text.chars().zip(&folded.origin) {
        let c = if c == '-' || c.is_whitespace() {
            ' '
        } else {
            c
        };
        if c == ' ' && out.text.ends_with(' ') {
            continue;
        }
        out.text.push(c);
        out.origin.push(o);
    }
    out
}

/// Bytes that fold to themselves and to no space: printable ASCII but `-` and capitals.
const PLAIN: [bool; 256] = {
    let mut plain = [false; 256];
    let mut b = b'!';
    while b <= b'~' {
        plain[b as usize] = b != b'-' && !b.is_ascii_uppercase();
        b += 1;
    }
    plain
};

/// `s` folded as [`match_text`] folds it, with the original `char` index of every *byte* of
/// the result, for scanning: no per-char tables to build.
fn folded_bytes(s: &str) -> (String, Vec<u32>) {
    let mut text = String::with_capacity(s.len());
    let mut origin = Vec::with_capacity(s.len());
    let mut buf = String::new();
    // One folded char from original char `i`: a hyphen or whitespace as one space.
    let push = |f: char, i: usize, text: &mut String, origin: &mut Vec<u32>| {
        let f = if f == '-' || f.is_whitespace() {
            ' '
        } else {
            f
        };
        if f == ' ' && text.ends_with(' ') {
            return;
        }
        text.push(f);
        origin.extend(std::iter::repeat_n(i as u32, f.len_utf8()));
    };
    let bytes = s.as_bytes();
    let (mut at, mut i) = (0, 0); // byte and `char` offsets in `s`
    while let Some(&b) = bytes.get(at) {
        // A run of printable ASCII but `-` and capitals, with single spaces, folds to itself.
        let mut run = at;
        let mut space = text.ends_with(' ');
        while let Some(&b) = bytes.get(run) {
            if PLAIN[usize::from(b)] {
                space = false;
            } else if b == b' ' && !space {
                space = true;
            } else {
                break;
            }
            run += 1;
        }
        if run > at {
            text.push_str(&s[at..run]);
            origin.extend((i..i + run - at).map(|o| o as u32));
            i += run - at;
            at = run;
            continue;
        }
        if b.is_ascii() {
            // Folding ASCII is lower-casing: no buffer, no tables.
            push(
                char::from(b.to_ascii_lowercase()),
                i,
                &mut text,
                &mut origin,
            );
            at += 1;
        } else {
            let Some(c) = s[at..].chars().next() else {
                break;
            };
            at += c.len_utf8();
            buf.clear();
            crate::text::fold_char(c, &mut buf);
            for f in buf.chars() {
                push(f, i, &mut text, &mut origin);
            }
        }
        i += 1;
    }
    (text, origin)
}

/// Whether `at` falls in one of `spans` (sorted, not overlapping).
pub(crate) fn in_spans(spans: &[(usize, usize)], at: usize) -> bool {
    let i = spans.partition_point(|&(_, end)| end <= at);
    spans.get(i).is_some_and(|&(start, _)| start <= at)
}

/// The `char` ranges of `s` that are URLs or e-mail addresses, in order.
pub(crate) fn link_spans(s: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    // Every link holds a `/`, an `@` or `www.` (see `dates::is_link`): most texts hold none.
    if !s.bytes().any(|b| b == b'/' || b == b'@') && !s.contains("www.") && !s.contains("WWW.") {
        return spans;
    }
    for (start, end, at) in crate::dates::split_words(s) {
        let word = &s[start..end];
        if crate::dates::is_link(word) {
            spans.push((at, at + word.chars().count()));
        }
    }
    spans
}

/// The names to look for: one pattern per distinct key, with the entity and name it stands for.
pub(super) struct Names {
    matcher: Option<AhoCorasick>,
    /// Per pattern: the entity, the name as written, and whether its capitals must match.
    owners: Vec<(usize, String, bool)>,
}

impl Names {
    pub(super) fn new(drafts: &Drafts) -> Names {
        let mut patterns = Vec::new();
        let mut owners = Vec::new();
        let mut seen = HashSet::new();
        for (i, e) in drafts.entities.iter().enumerate() {
            for name in e.names() {
                let k = key(name);
                if k.chars().count() < 2
                    || drafts.keys.get(&k) != Some(&i)
                    || !seen.insert(k.clone())
                {
                    continue;
                }
                patterns.push(k);
                owners.push((i, name.to_string(), e.case_sensitive));
            }
        }
        let matcher = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&patterns)
            .ok();
        Names { matcher, owners }
    }

    /// The names in `text`: (entity, `char` offset, `char` length) in the original text.
    fn find(&self, text: &str) -> Vec<(usize, usize, usize)> {
        let Some(matcher) = &self.matcher else {
            return Vec::new();
        };
        let (folded, origin) = folded_bytes(text);
        let word_before = |b: usize| {
            folded[..b]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
        };
        let word_after = |b: usize| {
            folded[b..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric)
        };
        // Byte ranges in the folded text; `origin` maps each byte to its original char.
        let mut found: Vec<(usize, usize, usize)> = matcher
            .find_overlapping_iter(&folded)
            .map(|hit| (hit.start(), hit.end(), hit.pattern().as_usize()))
            .filter(|&(s, e, _)| !word_before(s) && !word_after(e))
            .collect();
        if found.is_empty() {
            return Vec::new();
        }
        found.sort_by_key(|&(s, e, _)| (s, std::cmp::Reverse(e)));
        let links = link_spans(text);
        let mut original: Vec<char> = Vec::new();
        let mut out = Vec::new();
        let mut end = 0;
        for (s, e, pattern) in found {
            if s < end {
                continue;
            }
            let (at, last) = (origin[s] as usize, origin[e - 1] as usize);
            if in_spans(&links, at) {
                continue;
            }
            let (entity, name, case_sensitive) = &self.owners[pattern];
            if *case_sensitive && original.is_empty() {
                original = text.chars().collect();
            }
            if *case_sensitive && !same_capitals(name, &original[at..=last]) {
                continue;
            }
            end = e;
            out.push((*entity, at, last + 1 - at));
        }
        out
    }
}

/// Whether every capital of `name` is a capital in `found` too (`Meta`, not `meta`).
fn same_capitals(name: &str, found: &[char]) -> bool {
    let name: Vec<char> = name.chars().collect();
    if name.len() != found.len() {
        return name.first().is_none_or(|c| !c.is_uppercase())
            || found.first().is_some_and(|c| c.is_uppercase());
    }
    name.iter()
        .zip(found)
        .all(|(n, f)| !n.is_uppercase() || f.is_uppercase())
}

/// Whether the name found at `at` (a `char` offset) is an article's number: `artikel 16`,
/// `Article 16`, `art. 16`.
fn names_an_article(text: &str, at: usize) -> bool {
    let head: String = text
        .chars()
        .skip(at)
        .take(9)
        .collect::<String>()
        .to_lowercase();
    ["artikel ", "article ", "art. "]
        .iter()
        .any(|w| head.starts_with(w))
}

/// What one chunk of letters holds: name occurrences, and date occurrences with their surface
/// (none for a letter's own date).
#[derive(Default)]
pub(super) struct Found {
    pub(super) names: Vec<(usize, Occurrence)>,
    pub(super) dates: Vec<(Date, Option<String>, Occurrence)>,
}

/// Scans `letters`, the first of which is letter number `first` of the corpus.
pub(super) fn scan_letters(names: &Names, letters: &[Letter], first: usize) -> Found {
    let mut found = Found::default();
    // An occurrence whose numbers do not fit an `Occurrence` (`u32`: a letter beyond the
    // 4,294,967,295th, a text of more than 4 GB) is skipped: `Occurrence::new` says `None`.
    for (i, letter) in letters.iter().enumerate() {
        let li = first + i;
        if let Some(d) = letter.date
            && let Some(occurrence) = Occurrence::new(li, Place::Meta, 0, 0)
        {
            found.dates.push((d, None, occurrence));
        }
        let act = letter.is_act();
        for (place, text) in texts(letter) {
            for (entity, at, len) in names.find(text) {
                // An act's `Article 16` is its own article, not another instrument's that the
                // register names by its number (`artikel 16` of the Convention).
                if act && names_an_article(text, at) {
                    continue;
                }
                if let Some(occurrence) = Occurrence::new(li, place, at, len) {
                    found.names.push((entity, occurrence));
                }
            }
            for mention in find_dates(text, letter.date) {
                if let Some(occurrence) = Occurrence::new(li, place, mention.at, mention.len) {
                    found
                        .dates
                        .push((mention.date, Some(mention.surface), occurrence));
                }
            }
        }
    }
    found
}

/// What the letters hold of one date: its surfaces as first written, their [`key`]s, and its
/// occurrences.
type DateFound = (Vec<String>, HashSet<String>, Vec<Occurrence>);

/// Finds every occurrence, adds the dates, drops what occurs nowhere, and orders the register:
/// organisations, people, terms (each by label), then dates in time order.
pub(super) fn finish(letters: &[Letter], drafts: Drafts) -> Register {
    let names = Names::new(&drafts);
    let mut entities = drafts.entities;
    let mut dates: BTreeMap<Date, DateFound> = BTreeMap::new();
    // Letters are scanned on every core, in blocks whose results are merged in order; an
    // eighth of the letters at a time, so that the occurrences found but not yet merged
    // never take much memory beside the register.
    let round = letters.len().div_ceil(8).max(16);
    let found = letters.chunks(round).enumerate().flat_map(|(r, chunk)| {
        super::map_blocks(chunk, 16, |block, first| {
            scan_letters(&names, block, r * round + first)
        })
    });
    for part in found {
        for (entity, occurrence) in part.names {
            entities[entity].occurrences.push(occurrence);
        }
        for (date, surface, occurrence) in part.dates {
            let (surfaces, keys, occurrences) = dates.entry(date).or_default();
            // A surface already listed has its key among the keys: most are (a date is
            // written the same way again and again), and need no key made.
            if let Some(surface) = surface
                && !surfaces.contains(&surface)
                && keys.insert(key(&surface))
            {
                surfaces.push(surface);
            }
            occurrences.push(occurrence);
        }
    }
    // A definition is an occurrence, whatever the scan made of the text around it.
    for e in &mut entities {
        if let Some(d) = &e.definition
            && !e.occurrences.contains(&d.occurrence)
        {
            // Among its letter's occurrences, before those of later letters.
            let at = (e.occurrences.iter())
                .position(|o| o.letter > d.occurrence.letter)
                .unwrap_or(e.occurrences.len());
            e.occurrences.insert(at, d.occurrence);
        }
    }
    entities.retain(|e| !e.occurrences.is_empty());
    for (date, (surfaces, _, occurrences)) in dates {
        let label = date.to_string();
        entities.push(Entity {
            id: 0,
            kind: EntityKind::Date,
            aliases: surfaces.into_iter().filter(|s| *s != label).collect(),
            label,
            gloss: Some(crate::dates::dutch(date)),
            role: None,
            date: Some(date),
            occurrences,
            definition: None,
            case_sensitive: false,
        });
    }
    entities.sort_by_cached_key(|e| (e.kind.rank(), e.date, key(&e.label)));
    for (id, e) in entities.iter_mut().enumerate() {
        e.id = id;
    }
    Register { entities }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scanned_text_is_folded_as_match_text_folds_it() {
        for s in [
            "Yeşilgöz-Zegerius (JBZ-Raad),  28\tsept. -- 2023",
            "",
            " - ",
            "ÆØ Straße ı’s “NCMEC” – x\u{a0}y\u{2003}\u{2003}z",
            "ALL CAPS and lower",
            "  two  spaces, a - b,\t\ttabs \n end ",
            " é  ß -x- ",
        ] {
            let (text, origin) = folded_bytes(s);
            let m = match_text(s);
            assert_eq!(text, m.text, "{s:?}");
            let per_byte: Vec<u32> = m
                .text
                .chars()
                .zip(&m.origin)
                .flat_map(|(c, &o)| std::iter::repeat_n(o as u32, c.len_utf8()))
                .collect();
            assert_eq!(origin, per_byte, "{s:?}");
        }
    }
}
