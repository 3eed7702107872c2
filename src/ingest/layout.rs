//! The layout pass: where the letter's header, body and closing are, and which lines are page
//! furniture (letterhead footers and sidebars repeated on every page, contact blocks, page
//! numbers, horizontal rules) rather than text.
//!
//! Everything here is derived from the layout: repetition of a line across pages, the position
//! of the first prose after the address and label lines, the shape of contact lines. Nothing is
//! keyed on a particular sender.

use std::hash::BuildHasher;
use std::ops::Range;

use super::blocks;
use super::contact;
use super::eu;
use super::lines::{Line, Shape, ends_sentence};
use super::markup;
use super::patterns;
use super::scan::{self, FastMap, push_lowercase};

/// The regions of a letter, as ranges of line indices.
#[derive(Debug, Clone)]
pub struct Regions {
    /// Address, letterhead, date and subject lines.
    pub header: Range<usize>,
    /// The line that opens the letter (`Geachte ...,`), when there is one.
    pub salutation: Option<usize>,
    /// Running text.
    pub body: Range<usize>,
    /// The valediction and signatures.
    pub closing: Range<usize>,
    /// Running text after the closing (an annex under a heading the format states).
    pub annex: Range<usize>,
    /// The cover of an EU document, which the header holds whole.
    pub cover: Option<eu::Cover>,
}

impl Regions {
    /// Keeps the running text a format states (lines for which `content(i)`) out of the
    /// header: it ends before the first of them. The closing is left where the text puts it,
    /// but ends at a heading the format states (`heading(i)`): an annex follows.
    pub fn hold_content(
        &mut self,
        n: usize,
        content: impl Fn(usize) -> bool,
        heading: impl Fn(usize) -> bool,
    ) {
        let Some(first) = (0..n).find(|&i| content(i)) else {
            return;
        };
        if self.header.end > first {
            self.header.end = first;
            self.body.start = first;
            if self.salutation.is_some_and(|s| s >= first) {
                self.salutation = None;
            }
        }
        self.body.end = self.body.end.max(self.body.start);
        // A heading the format states after the closing opens an annex.
        let closing = self.closing.clone();
        if let Some(h) = (closing.start + 1..closing.end).find(|&i| heading(i)) {
            self.closing.end = h;
            self.annex = h..closing.end;
        }
        self.closing.start = self.closing.start.max(self.body.end);
        self.closing.end = self.closing.end.max(self.closing.start);
    }

    /// Keeps an EU document's cover (its act's title and the furniture under it) in the
    /// header, whatever a format states about its lines: the running text starts after it.
    pub fn hold_cover(&mut self) {
        let Some(end) = self.cover.as_ref().map(|c| c.end) else {
            return;
        };
        if self.body.start < end && end <= self.body.end {
            self.header = 0..end;
            self.body.start = end;
            self.salutation = self.salutation.filter(|&s| s >= end);
        }
    }
}

/// Finds the regions of `lines`.
pub fn regions(lines: &[Line<'_>]) -> Regions {
    let n = lines.len();
    let cover = eu::cover(lines);
    let (body_start, salutation) = match &cover {
        Some(c) => (c.end, None),
        None => body_start(lines),
    };
    let closing_start = (body_start..n)
        .find(|&i| {
            // Valedictions and signing offices are short lines, at most in emphasis.
            if lines[i].text.len() > 400 {
                return false;
            }
            let t = lines[i]
                .text
                .trim_start_matches(['*', '_', '#', '>', ' '])
                .trim_end_matches(['*', '_']);
            patterns::is_valediction(t) || patterns::is_signing_office(t) || signature_at(lines, i)
        })
        .unwrap_or(n);
    // An annex after the signature (`Bijlage: Mogelijke maatregelen` and its running text)
    // is text again, not a part of the closing.
    let annex_start = (closing_start + 1..n)
        .find(|&i| annex_at(lines, i))
        .unwrap_or(n);
    Regions {
        header: 0..salutation.unwrap_or(body_start),
        salutation,
        body: body_start..closing_start,
        closing: closing_start..annex_start,
        annex: annex_start..n,
        cover,
    }
}

/// A salutation the body began before: a letter quoted in a post after the poster's
/// introduction and a heading (`Dear Ministers of ...,`). It stands alone between a blank line
/// and running text, ends in a comma, and comes in the first half of the body (or its first
/// forty lines, for a short letter).
pub fn late_salutation(lines: &[Line<'_>], regions: &Regions) -> Option<usize> {
    if regions.salutation.is_some() {
        return None;
    }
    let body = regions.body.clone();
    let end = body.start + (body.len() / 2).max(40).min(body.len());
    (body.start..end).find(|&i| {
        let text = lines[i].plain();
        patterns::is_salutation(text)
            && text.trim_end().ends_with(',')
            && (i == 0 || lines[i - 1].is_blank())
            && lines[i + 1..]
                .iter()
                .find(|l| !l.is_blank())
                .is_some_and(|l| l.len() >= 70)
    })
}

/// Whether an annex opens at line `i` of the closing: its title (`Bijlage: ...`,
/// `Bijlage 1 ...`, `Annex: ...`) with running text under it.
fn annex_at(lines: &[Line<'_>], i: usize) -> bool {
    let text = lines[i].text;
    let titled = ["bijlage", "annex", "appendix"].iter().any(|w| {
        patterns::starts_with_ignore_case(text, w)
            && text[w.len()..]
                .strip_prefix(['n', 'N', 's', 'S'])
                .unwrap_or(&text[w.len()..])
                .starts_with([':', ' '])
    }) && text.split_whitespace().count() >= 2
        && text.len() <= 200;
    titled
        && lines[i + 1..]
            .iter()
            .filter(|l| !l.is_blank())
            .take(4)
            .any(|l| l.len() >= 60)
}

/// Whether a signature without valediction starts at line `i`: an office on its line
/// (`DE MINISTER VAN DEFENSIE`, `De staatssecretaris van ...` without the comma) whose holder's
/// name follows, after blank lines and at most two lines that go on with the office; or a
/// name with its office under it (`M.A.M. Adriaansens` / `Minister van ...`).
fn signature_at(lines: &[Line<'_>], i: usize) -> bool {
    let may_be_office = |l: &Line<'_>| {
        l.len() <= 100
            && l.text
                .bytes()
                .next()
                .is_some_and(|b| b"dDmMsStT".contains(&b))
            && patterns::is_office(l.plain())
    };
    let next = |from: usize| {
        lines[from + 1..]
            .iter()
            .take(8)
            .position(|l| !l.is_blank())
            .map(|k| from + 1 + k)
    };
    let line = &lines[i];
    if line.is_blank() || line.len() > 100 {
        return false;
    }
    if may_be_office(line) {
        let mut j = i;
        for _ in 0..3 {
            let Some(k) = next(j) else {
                return false;
            };
            let text = lines[k].plain();
            if patterns::is_signature_name(text) {
                return true;
            }
            // The office's name going on (`en Werkgelegenheid,`, `Digitalisering en ...`).
            if lines[j].text.ends_with(',') || !scan::chars_at_most(text, 60) || ends_sentence(text)
            {
                return false;
            }
            j = k;
        }
        return false;
    }
    line.len() <= 80
        && line.text.starts_with(|c: char| c.is_alphabetic())
        && !line.text.ends_with(',')
        && next(i).is_some_and(|k| may_be_office(&lines[k]))
        && patterns::is_signature_name(line.plain())
}

/// The first line of running text, and the salutation line before it if any.
fn body_start(lines: &[Line<'_>]) -> (usize, Option<usize>) {
    let mut in_label = false;
    // The first line of the block of plain lines the text is in (after a blank line, a label
    // or a contact line): a short letter's only paragraph when the signature follows.
    let mut block_start = None;
    let mut new_block = true;
    for (i, line) in lines.iter().enumerate() {
        if line.is_blank() {
            in_label = false;
            new_block = true;
            continue;
        }
        let text = line.plain();
        // A salutation the paragraph goes on after: the line is the body's first as well.
        if patterns::opening_salutation(text).is_some() {
            return (i, Some(i));
        }
        if patterns::is_salutation(text) {
            return (i + 1, Some(i));
        }
        if patterns::standing_request_piece(text).is_some() {
            continue; // the letterhead's request to quote date and reference
        }
        if patterns::label(text).is_some() {
            in_label = true;
            block_start = None;
            continue;
        }
        // A label's value runs on to the next blank line, unless running text starts there
        // (two lines of full width: a converter left no blank line under the subject).
        let long_pair = text.chars().count() >= 70
            && lines[i + 1..]
                .iter()
                .filter(|l| !l.is_blank() && patterns::standing_request_piece(l.text).is_none())
                .find(|l| l.text.contains(char::is_alphabetic))
                .is_some_and(|l| l.len() >= 70 && patterns::label(l.text).is_none());
        if (in_label && !long_pair) || contact::is_contact(text) {
            block_start = None;
            continue;
        }
        if in_label {
            return (i, None);
        }
        if let Some(b) = block_start
            && text.len() <= 100
            && lines[..i]
                .iter()
                .rev()
                .find(|l| !l.is_blank())
                .is_some_and(|l| ends_sentence(l.text))
            && (patterns::is_signing_office(text) || signature_at(lines, i))
        {
            // No line long enough for running text before the signature: what stands between
            // the header's last label and the signature is the letter.
            return (b, None);
        }
        if new_block || block_start.is_none() {
            block_start = Some(i);
            new_block = false;
        }
        // A form (a BNC-fiche) or report opens with its first numbered chapter, whose first
        // field or section follows: `1. Algemene gegevens` + `a) Titel voorstel`.
        if first_chapter(text)
            && lines[i + 1..]
                .iter()
                .find(|l| !l.is_blank())
                .is_some_and(|l| l.text.starts_with("a) ") || l.text.starts_with("1.1 "))
        {
            return (i, None);
        }
        let len = text.chars().count();
        let next_long = lines[i + 1..]
            .iter()
            .filter(|l| !l.is_blank() && patterns::standing_request_piece(l.text).is_none())
            .take(1)
            .any(|l| l.len() >= 70 && patterns::label(l.text).is_none());
        if len >= 100 || (len >= 70 && next_long) {
            return (numbered_start(lines, i), None);
        }
    }
    (lines.len(), None)
}

/// Where the body starts when its first long line is line `i`: there, or at the numbers
/// printed just before it on lines of their own (a chapter's `I.`, its heading, a point's
/// `1.`: `I.`, `INTRODUCTION`, `1.`, `Les conclusions ...`), or at a numbered heading
/// (`I.   INTRODUCTION`).
fn numbered_start(lines: &[Line<'_>], i: usize) -> usize {
    let above = |k: usize| (0..k).rev().find(|&j| !lines[j].is_blank());
    let heading_text = |t: &str| {
        scan::chars_at_most(t, 80)
            && !t.ends_with(['.', ',', ';', ':'])
            && t.starts_with(char::is_uppercase)
            && patterns::label(t).is_none()
    };
    let mut start = i;
    while let Some(p) = above(start) {
        let t = lines[p].text;
        if blocks::is_lone_number(t) {
            start = p;
            continue;
        }
        let numbered_heading = t
            .split_once(char::is_whitespace)
            .is_some_and(|(n, rest)| blocks::is_lone_number(n) && heading_text(rest.trim()));
        if numbered_heading {
            start = p;
            break;
        }
        match above(p) {
            Some(q) if blocks::is_lone_number(lines[q].text) && heading_text(t) => start = q,
            _ => break,
        }
    }
    start
}

/// `1. Algemene gegevens`: chapter one's heading, short and without a final stop.
fn first_chapter(text: &str) -> bool {
    text.strip_prefix("1. ").is_some_and(|rest| {
        rest.starts_with(char::is_uppercase)
            && scan::chars_at_most(rest, 60)
            && !rest.ends_with(['.', ',', ';', ':'])
    })
}

/// What the furniture pass found.
#[derive(Debug, Default)]
pub struct Furniture {
    /// For each line, whether it is furniture.
    pub mask: Vec<bool>,
    /// The name line of a contact block (a footer's organisation), first one found.
    pub footer_name: Option<String>,
    /// The city of a postal address in a contact block.
    pub footer_city: Option<String>,
}

/// Marks the furniture among the lines of `regions.body` and `regions.closing`; lines already
/// taken (note definitions) are passed over and never counted.
///
/// `shape` is the shape of the body: in hard-wrapped text a full-width line is running text
/// even when it happens to repeat.
pub fn furniture(lines: &[Line<'_>], regions: &Regions, taken: &[bool], shape: Shape) -> Furniture {
    let mut found = Furniture {
        mask: vec![false; lines.len()],
        ..Furniture::default()
    };
    // How often each short line occurs, by its text without markup in lower case. The keys are
    // written one after another into one string; `keys[i]` is where line `i`'s stands.
    let mut all_keys = String::new();
    let mut keys: Vec<Option<Range<usize>>> = vec![None; lines.len()];
    for (i, line) in lines.iter().enumerate() {
        if !line.is_blank() && !taken[i] && line.len() <= 80 {
            let start = all_keys.len();
            push_lowercase(&mut all_keys, line.plain());
            keys[i] = Some(start..all_keys.len());
        }
    }
    let mut counts: FastMap<&str, usize> = FastMap::default();
    for key in keys.iter().flatten() {
        *counts.entry(&all_keys[key.clone()]).or_default() += 1;
    }
    // A running header or footer stands on (nearly) every page; a heading a long letter uses
    // in several chapters (`Problematiek`, `Inzet`) on a few of them.
    let min_repeats = (page_count(lines) / 4).max(2);
    let line_counts: Vec<usize> = keys
        .iter()
        .map(|key| key.as_ref().map_or(0, |key| counts[&all_keys[key.clone()]]))
        .collect();
    let count = |i: usize| line_counts[i];
    let repeats = |i: usize| count(i) >= min_repeats;
    // A footer that -layout prints across the page on one line, with the page's number in it
    // (`9156/22      CDP/FB/nj      3`): the same with its digits counted as one. Only lines
    // set apart by wide gaps, so that numbered headings (`Article 1`, `Article 2`) are not.
    // The keys are hashed (64 bits, fixed seed) into one reused buffer, not kept as strings.
    let hasher = foldhash::fast::FixedState::default();
    let mut key = String::new();
    let wide_gap = memchr::memmem::Finder::new("   ");
    let mut spread_key = |line: &Line<'_>| -> Option<u64> {
        if line.len() > 160 || wide_gap.find(line.text.as_bytes()).is_none() {
            return None;
        }
        key.clear();
        let mut chars = 0;
        for c in line.text.chars().filter(|c| !c.is_whitespace()) {
            if c.is_ascii_digit() {
                if !key.ends_with('#') {
                    key.push('#');
                    chars += 1;
                }
            } else if c.is_ascii() {
                key.push(c.to_ascii_lowercase());
                chars += 1;
            } else {
                for l in c.to_lowercase() {
                    key.push(l);
                    chars += 1;
                }
            }
        }
        (chars <= 80).then(|| hasher.hash_one(key.as_str()))
    };
    let spread_keys: Vec<Option<u64>> = lines
        .iter()
        .enumerate()
        .map(|(i, line)| if taken[i] { None } else { spread_key(line) })
        .collect();
    let mut spread: FastMap<u64, usize> = FastMap::default();
    for key in spread_keys.iter().flatten() {
        *spread.entry(*key).or_default() += 1;
    }
    let content = regions.body.start..regions.closing.end.max(regions.annex.end);
    for i in content.clone() {
        let line = &lines[i];
        if line.is_blank() || taken[i] {
            continue;
        }
        // A short line seen on several pages, unless it ends a sentence: the last line of a
        // paragraph (`begaanbare weg.`) may repeat by chance, a running header does not end so.
        let full_width = shape.double_spaced && line.len() * 5 >= shape.width * 4;
        // A bullet or a section's number alone on its line repeats as lists and chapters do.
        let numbering = blocks::is_lone_bullet(line.text) || blocks::is_lone_number(line.text);
        let repeated = line.len() <= 80
            && repeats(i)
            && !ends_sentence(line.text)
            && !full_width
            && !numbering;
        // A short line on four pages or more is furniture even where it ends with a stop
        // (a Council document's `COMPET.2`): a paragraph's end does not repeat that often.
        let frequent = line.len() <= 40
            && count(i) >= min_repeats.max(4)
            && !full_width
            && line.text.chars().filter(|c| c.is_alphabetic()).count() >= 3;
        let spread_out = spread_keys[i].is_some_and(|k| spread.get(&k).is_some_and(|&c| c >= 4));
        if repeated
            || frequent
            || spread_out
            || line.is_rule()
            || patterns::is_page_number(line.text)
        {
            found.mask[i] = true;
        }
        // A sidebar label standing alone in the body (`Datum`, `Ons kenmerk`), with its value
        // on the next line: the letterhead of a following page.
        let label = if line.text.len() <= 40 {
            patterns::label(line.plain())
        } else {
            None
        };
        let bare_label = label.is_some_and(|(label, value)| {
            value.is_empty() && matches!(label, patterns::Label::Date | patterns::Label::Reference)
        });
        // The letterhead's standing request to quote date and reference, in its pieces.
        if let Some(opening) = patterns::standing_request_piece(line.plain()) {
            let near_opening = opening
                || (i.saturating_sub(6)..i)
                    .any(|j| patterns::standing_request_piece(lines[j].plain()).is_some());
            if near_opening {
                found.mask[i] = true;
            }
        }
        let bare_other = matches!(label, Some((patterns::Label::Other, "")));
        if bare_other {
            found.mask[i] = true; // `Afschrift aan`, `Bijlage(n)` where a page's letterhead stands
        }
        if bare_label {
            found.mask[i] = true;
            if let Some(next) = (i + 1..content.end.min(i + 3)).find(|&j| !lines[j].is_blank())
                && lines[next].len() <= 40
                && patterns::label(lines[next].text).is_none()
            {
                found.mask[next] = true;
            }
        }
    }
    // Contact blocks, with the name line just above them.
    for i in content.clone() {
        // Lines longer than a contact line can be are passed over before any work.
        if lines[i].is_blank()
            || taken[i]
            || lines[i].text.len() > 560
            || (lines[i].len() > 140 && markup::stripped_longer_than(lines[i].text, 140))
        {
            continue;
        }
        let text = lines[i].plain();
        if !contact::is_contact(text) {
            continue;
        }
        found.mask[i] = true;
        if found.footer_city.is_none() {
            found.footer_city = patterns::postal_city(text);
        }
        if let Some(above) = previous_text_line(lines, i, content.start)
            && !taken[above]
        {
            let name = lines[above].plain();
            let short = scan::chars_at_most(name, 40) && name.split_whitespace().count() <= 4;
            // In the closing, a person's name is the signature, not a contact block's name
            // (a note's URL may stand under it).
            let signature = regions.closing.contains(&above) && patterns::is_signature_name(name);
            // A note's number over its URL names nothing.
            if short
                && !signature
                && name.contains(char::is_alphabetic)
                && !contact::is_contact(name)
                && !name.ends_with(['.', ':', ','])
            {
                found.mask[above] = true;
                if found.footer_name.is_none() {
                    found.footer_name = Some(name.to_owned());
                }
            }
        }
    }
    found
}

/// Body lines that end with a line of the letterhead's column a converter appended to them:
/// the text of a furniture line with a number in it (the reference every page repeats,
/// `... geven nadere DGBI / 26844711`), or, under a bare reference label, a last word made of
/// capitals and digits (`Onze referentie` / `... (FOL) BS2021027543`). Each comes as the line,
/// the bytes to keep and, for the second kind, the reference.
pub fn appended_column(
    lines: &[Line<'_>],
    regions: &Regions,
    mask: &[bool],
) -> Vec<(usize, usize, Option<String>)> {
    let content = regions.body.start..regions.closing.end.max(regions.annex.end);
    let mut repeated: Vec<&str> = content
        .clone()
        .filter(|&i| {
            let t = lines[i].text;
            mask[i]
                && (6..=40).contains(&t.len())
                && t.bytes().filter(u8::is_ascii_digit).count() >= 4
                && !patterns::is_page_number(t)
        })
        .map(|i| lines[i].text)
        .collect();
    repeated.sort_unstable();
    repeated.dedup();
    let mut found = Vec::new();
    for i in content.clone() {
        let text = lines[i].text;
        if mask[i] || lines[i].len() < 40 {
            continue;
        }
        if let Some(r) = repeated.iter().find(|r| {
            text.len() > r.len() + 20
                && text.ends_with(**r)
                && text[..text.len() - r.len()].ends_with(' ')
        }) {
            found.push((i, text.len() - r.len(), None));
            continue;
        }
        // The last word first: most lines end in no such word, and the label above is
        // looked at only for those that do.
        let under_label = || {
            previous_text_line(lines, i, 0).is_some_and(|j| {
                matches!(
                    patterns::label(lines[j].text),
                    Some((patterns::Label::Reference, ""))
                )
            })
        };
        if let Some((head, word)) = text.rsplit_once(' ')
            && word.len() >= 6
            && word.bytes().filter(u8::is_ascii_digit).count() >= 4
            && !word.contains(char::is_lowercase)
            && word
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"/-.".contains(&b))
            && under_label()
        {
            found.push((i, head.len(), Some(word.to_string())));
        }
    }
    found
}

/// How many pages the letter's page numbers count: the highest `M` of `Pagina N van M`, else
/// how many page numbers with words there are (0 without any).
fn page_count(lines: &[Line<'_>]) -> usize {
    let mut numbered = 0;
    let mut most = 0;
    for line in lines {
        let t = line.text;
        if t.len() > 40 || !t.contains(char::is_alphabetic) || !patterns::is_page_number(t) {
            continue;
        }
        numbered += 1;
        if let Some(m) = t
            .rsplit(char::is_whitespace)
            .next()
            .and_then(|w| w.parse::<usize>().ok())
        {
            most = most.max(m);
        }
    }
    most.max(numbered)
}

/// The nearest non-blank line above `i` (at most one blank line between), not before `floor`.
fn previous_text_line(lines: &[Line<'_>], i: usize, floor: usize) -> Option<usize> {
    let mut j = i;
    let mut blanks = 0;
    while j > floor {
        j -= 1;
        if lines[j].is_blank() {
            blanks += 1;
            if blanks > 1 {
                return None;
            }
        } else {
            return Some(j);
        }
    }
    None
}
