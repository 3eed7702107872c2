//! Footnotes: their definitions (`<sup>1</sup>text`, `¹ text`, `¹² text`, or a plain `1 text`
//! in a block at a page bottom of PDF text) and the markers in the running text that cite them
//! (`<sup>1</sup>`, superscript digits, or digits stuck to the end of a sentence, `internet.1`).
//!
//! Plain digits are ambiguous (`57.000`, `artikel 16`, `2023.`), so they count as markers and
//! definitions only in numbering order: a definition block starts with the next note number
//! after a marker with that number was seen, and a marker is the next number in sequence.

use std::collections::BTreeSet;

use super::document::{Document, LineInfo};
use super::eu;
use super::inline;
use super::layout::Regions;
use super::lines::{Line, ends_sentence, superscript_value};
use super::patterns;
use super::scan::{self, Bytes, FastMap};
use crate::model::Footnote;

use super::markers::{MarkerStyle, numbers};

/// The definitions found and the lines they took.
#[derive(Debug)]
pub struct Definitions {
    pub notes: Vec<Footnote>,
    /// For each line, whether it belongs to a definition.
    pub taken: Vec<bool>,
    pub style: MarkerStyle,
}

/// A Markdown-style definition line: `<sup>n</sup> text` or `ⁿ text`.
fn marked_definition(text: &str) -> Option<(u32, &str)> {
    // Each form starts with `[`, `<` or a superscript digit (lead byte `C2` or `E2`).
    if !matches!(text.as_bytes().first(), Some(b'[' | b'<' | 0xC2 | 0xE2)) {
        return None;
    }
    if let Some(rest) = text.strip_prefix("[^") {
        let (num, rest) = rest.split_once("]:")?;
        return Some((num.trim().parse().ok()?, rest.trim()));
    }
    if let Some(rest) = text.strip_prefix("<sup>") {
        let (num, rest) = rest.split_once("</sup>")?;
        return Some((num.trim().parse().ok()?, rest.trim()));
    }
    let digits: String = text
        .chars()
        .map_while(superscript_value)
        .map(|v| char::from_digit(v, 10).unwrap_or('0'))
        .collect();
    if digits.is_empty() {
        return None;
    }
    let rest = &text[text
        .char_indices()
        .nth(digits.chars().count())
        .map_or(text.len(), |(b, _)| b)..];
    Some((digits.parse().ok()?, rest.trim()))
}

/// A plain definition line: `n text`.
fn plain_definition(text: &str) -> Option<(u32, &str)> {
    let digits_end = text.find(|c: char| !c.is_ascii_digit())?;
    if digits_end == 0 || digits_end > 3 {
        return None;
    }
    let rest = &text[digits_end..];
    // A day or a count that wrapped to the line's start (`14 maanden. Volgens ...`, `3
    // augustus maakte ...`): no note's text starts with the month or unit.
    if !rest.starts_with(char::is_whitespace)
        || rest.trim().is_empty()
        || super::markers::counts_something(rest)
    {
        return None;
    }
    Some((text[..digits_end].parse().ok()?, rest.trim()))
}

/// A definition whose number a converter glued to the URL it starts with: `5https://...`.
fn url_definition(text: &str) -> Option<(u32, &str)> {
    let digits_end = text.find(|c: char| !c.is_ascii_digit())?;
    let rest = &text[digits_end..];
    if digits_end == 0 || digits_end > 3 || !(rest.starts_with("http") && rest.contains("://")) {
        return None;
    }
    Some((text[..digits_end].parse().ok()?, rest))
}

/// Finds the footnote definitions after the header. `stated` is what the format states about
/// each line (for text: at most the pages that form feeds begin).
pub fn definitions(lines: &[Line<'_>], regions: &Regions, stated: &[LineInfo]) -> Definitions {
    let start = regions.body.start;
    let marked: Vec<usize> = (start..lines.len())
        .filter(|&i| marked_definition(lines[i].text).is_some())
        .collect();
    if !marked.is_empty() {
        return marked_definitions(lines, &marked);
    }
    if let Some(listed) = listed_after_rule(lines, start) {
        return listed;
    }
    let plain = plain_definitions(lines, start, stated);
    // Notes found in numbering order only while every marker is found stop at the first
    // marker missed (or run on over the page after); the notes of the pages go on past it
    // and end with their page.
    match page_notes(lines, start, stated) {
        Some(paged) if paged.notes.len() > plain.notes.len() => paged,
        // The same notes found both ways: the definitions' own lines end each note where its
        // page resumes, and the pages' notes tell the markers, loose digits in numbering
        // order among the notes defined, which also finds those a converter set apart from
        // their word (`in 2019 3 over`).
        Some(paged) if same_numbers(&paged.notes, &plain.notes) => Definitions {
            style: paged.style,
            ..plain
        },
        _ => plain,
    }
}

/// Whether two readings found notes with the same numbers.
fn same_numbers(a: &[Footnote], b: &[Footnote]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.number == y.number)
}

/// Notes at the foot of the pages of PDF text as converters write it: markers as loose digits
/// ([`MarkerStyle::Loose`]), and at a page's end the definitions, each number with its text
/// (`1 Zie ...`), or alone on its line before or after it, or several numbers listed apart
/// from their texts (`pdftotext`: `3`, text, `4`, text, `1`, `2`). A page ends where the
/// format starts a new page (a form feed), at a page number (`Pagina 2 van 7`), or at a short
/// line the letter repeats (the letterhead of the next page).
///
/// A definition is only a number cited before it and not yet defined, and it must stand
/// near a page's end: what lies between it and the end is the notes of that page. Numbers of
/// the page left without text take the lines just above the first definition.
fn page_notes(lines: &[Line<'_>], start: usize, stated: &[LineInfo]) -> Option<Definitions> {
    let mut repeats: FastMap<&str, usize> = FastMap::default();
    for line in &lines[start..] {
        if !line.is_blank() && line.len() <= 60 {
            *repeats.entry(line.text).or_default() += 1;
        }
    }
    let page = |i: usize| stated.get(i).map_or(0, |s| s.page);
    let bare = bare_page_numbers(lines, start, stated);
    // Where form feeds tell the pages, the language code an EU document prints in a page's
    // corners (`NL`) may stand between the notes' numbers and their texts (pdftotext): no
    // page end there.
    let paged = stated.iter().any(|s| s.page > 1);
    let page_end = |i: usize| {
        let line = &lines[i];
        (i > 0 && page(i) != page(i - 1))
            || bare[i]
            || (patterns::is_page_number(line.text) && line.text.contains(char::is_alphabetic))
            || (!line.is_blank()
                && line.len() <= 60
                && repeats.get(line.text).is_some_and(|&c| c >= 2)
                && line.text.contains(char::is_alphabetic)
                && !ends_sentence(line.text)
                && !(paged && eu::is_language_codes(line.text)))
    };
    // Asked of most lines more than once (the notes' area is looked for ahead of each
    // definition): once each.
    let page_ends: Vec<bool> = (0..lines.len())
        .map(|i| i >= start && page_end(i))
        .collect();
    let ends_page = |i: usize| page_ends[i];
    let token = |i: usize| -> Option<(u32, Option<&str>)> {
        let t = lines[i].text;
        if !t.is_empty() && t.len() <= 3 && t.bytes().all(|b| b.is_ascii_digit()) {
            return Some((t.parse().ok()?, None));
        }
        plain_definition(t)
            .or_else(|| url_definition(t))
            .map(|(n, rest)| (n, Some(rest)))
    };
    let mut taken = vec![false; lines.len()];
    let mut notes: Defined<'_> = Vec::new();
    let mut pending: Vec<u32> = Vec::new(); // cited, not yet defined
    let mut last = 0;
    let mut floor = start; // nothing above this is taken for a note
    // The markers cited are read only as far as they are needed: up to a line that may
    // define a note (lines after the last of them are never read).
    let mut unread = start; // the first line passed and not yet read for markers
    let cited = MarkerStyle::Loose {
        lowest: 1,
        highest: u32::MAX,
        skip: false,
    };
    let mut i = start;
    while i < lines.len() {
        if ends_page(i) {
            floor = i;
        }
        let this = token(i);
        if this.is_some() {
            for line in &lines[unread..i] {
                if !line.is_blank() {
                    pending.extend(numbers(line.text, cited, &mut last));
                }
            }
            unread = i;
        }
        // A number cited before and not yet defined; or, written with its text, the next
        // note after the last one defined, whose marker was missed.
        let next = notes.iter().map(|n| n.0).max().unwrap_or(0) + 1;
        // So is that number alone over its text (`8` / `Kamerbrief van ...`), where it is no
        // page's number: not over a line the pages repeat or an EU page's language codes.
        let alone_over_text = |i: usize| {
            !bare[i]
                && (i + 1..lines.len().min(i + 3))
                    .find(|&k| !lines[k].is_blank())
                    .is_some_and(|k| {
                        let t = lines[k].text;
                        token(k).is_none()
                            && (t.starts_with(char::is_uppercase) || t.starts_with("http"))
                            && !eu::is_language_codes(t)
                            && repeats.get(t).is_none_or(|&c| c < 2)
                    })
        };
        let opens = this.is_some_and(|(n, first)| {
            pending.contains(&n)
                || (n == next && n > 1 && n > last && (first.is_some() || alone_over_text(i)))
        });
        if opens
            && let Some((n, _)) = this
            && !pending.contains(&n)
        {
            pending.push(n);
            last = n;
        }
        let end = if opens {
            // Numbers listed apart from their texts (`1`, `2`, `3`, then the texts) each
            // bring a text, as each number cited does.
            let listed = (i..lines.len().min(i + 40))
                .filter(|&j| !lines[j].is_blank())
                .take_while(|&j| token(j).is_some_and(|(_, first)| first.is_none()))
                .count();
            let limit = (i + 10 + 6 * pending.len().max(listed)).min(lines.len());
            let closing = |j: usize| {
                patterns::is_valediction(lines[j].text)
                    || patterns::is_signing_office(lines[j].text)
            };
            // At the end of the text no page end follows: the notes end at a blank line after
            // their text.
            let last_notes = || {
                (i + 1..limit)
                    .find(|&j| lines[j].is_blank() && token(j - 1).is_none())
                    .unwrap_or(limit)
            };
            (i + 1..limit)
                .find(|&j| ends_page(j) || closing(j))
                .or_else(|| (limit == lines.len()).then(last_notes))
        } else {
            None
        };
        let Some(end) = end else {
            i += 1;
            continue;
        };
        // The area: runs of numbers, each run followed by its text.
        let mut defined: Defined<'_> = Vec::new();
        let mut run: Vec<(u32, usize, Option<&str>)> = Vec::new();
        let mut text: Vec<&str> = Vec::new();
        let mut left: Vec<(u32, usize)> = Vec::new();
        let mut in_area: Vec<u32> = Vec::new();
        // The area's next line after `j` that is not blank.
        let next_line = |j: usize| (j + 1..end).find(|&k| !lines[k].is_blank());
        // A line every page repeats.
        let repeated = |k: usize| repeats.get(lines[k].text).is_some_and(|&c| c >= 3);
        let lower_case = |k: usize| lines[k].text.starts_with(char::is_lowercase);
        // Whether the line after `j` is text: no number, no language code, no furniture.
        // A note starts as a sentence or a URL does; a page's text going on under its page
        // number starts in lower case.
        let over_text = |j: usize| {
            next_line(j).is_some_and(|k| {
                token(k).is_none()
                    && !lower_case(k)
                    && !eu::is_language_codes(lines[k].text)
                    && !repeated(k)
            })
        };
        let mut stop = end;
        for j in i..end {
            // The language code an EU document prints in a page's corners (`EN`), between the
            // notes' numbers and their texts: furniture.
            // So is a line every page repeats that ends no sentence (a document number
            // in the footer, `9156/22`).
            let furniture = !lines[j].is_blank()
                && token(j).is_none()
                && repeated(j)
                && !ends_sentence(lines[j].text);
            if lines[j].is_blank() || eu::is_language_codes(lines[j].text) || furniture {
                continue;
            }
            match token(j) {
                // A number cited and not yet defined; or, with its text on its line, the
                // note after the one before it, whose marker was missed.
                // Or, listed under the number before it, the next number, whose marker was
                // missed (`1`, `2`, `3`, then their texts).
                // Or alone on its line over its text (no page number: that stands over the
                // page's furniture).
                Some((n, first))
                    if !in_area.contains(&n)
                        && (pending.contains(&n)
                            || (first.is_some()
                                || text.is_empty()
                                    && !run.is_empty()
                                    && run.iter().all(|r| r.2.is_none())
                                || over_text(j))
                                && in_area.last().is_some_and(|&m| n == m + 1)
                                && !notes.iter().any(|d| d.0 == n)) =>
                {
                    in_area.push(n);
                    if !pending.contains(&n) {
                        pending.push(n);
                        last = last.max(n);
                    }
                    if !text.is_empty() || first.is_some() && !run.is_empty() {
                        flush(&mut run, &mut text, &mut defined, &mut left);
                    }
                    run.push((n, lines[j].no, first));
                    taken[j] = true;
                }
                // A bare page number under the notes, over the page's text going on in lower
                // case: the notes end there.
                Some((_, None))
                    if (!run.is_empty() || !defined.is_empty())
                        && next_line(j).is_some_and(lower_case) =>
                {
                    stop = j;
                    break;
                }
                // A bare page number among the notes: furniture, not text.
                Some((_, None)) => {}
                _ => {
                    text.push(lines[j].text);
                    taken[j] = true;
                }
            }
        }
        flush(&mut run, &mut text, &mut defined, &mut left);
        if !left.is_empty() {
            // Their texts stand just above: back to a blank line when that is near, else one
            // line for each.
            let above: Vec<usize> = (floor..i)
                .rev()
                .take_while(|&j| !lines[j].is_blank())
                .collect();
            let near = above.len() <= 3 * left.len() + 2 && above.len() < i - floor;
            let chosen: Vec<usize> = if near && !above.is_empty() {
                above
            } else {
                (floor..i)
                    .rev()
                    .filter(|&j| !lines[j].is_blank())
                    .take(left.len())
                    .collect()
            };
            let mut chosen = chosen;
            chosen.reverse();
            for &j in &chosen {
                taken[j] = true;
            }
            let parts = share(left.len(), chosen.iter().map(|&j| lines[j].text).collect());
            for ((n, no), part) in left.into_iter().zip(parts) {
                defined.push((n, no, part));
            }
        }
        for note in defined {
            pending.retain(|&n| n != note.0);
            notes.push(note);
        }
        floor = stop;
        i = stop;
        unread = stop;
    }
    if notes.is_empty() {
        return None;
    }
    notes.sort_by_key(|n| n.0);
    let max = notes.iter().map(|n| n.0).max().unwrap_or(0);
    let min = notes.iter().map(|n| n.0).min().unwrap_or(1);
    Some(Definitions {
        notes: notes
            .into_iter()
            .map(|(n, no, parts)| footnote(n, &parts, no))
            .collect(),
        taken,
        style: MarkerStyle::Loose {
            lowest: min,
            highest: max,
            skip: true,
        },
    })
}

/// Page numbers standing alone on their lines where no form feed tells the pages (PyMuPDF):
/// lone numbers that count the pages up from 1 or 2, each at least 15 lines after the one
/// before.
fn bare_page_numbers(lines: &[Line<'_>], start: usize, stated: &[LineInfo]) -> Vec<bool> {
    let mut bare = vec![false; lines.len()];
    if stated.iter().any(|s| s.page > 1) {
        return bare;
    }
    let mut chain: Vec<usize> = Vec::new();
    let mut value = 0;
    for (i, line) in lines.iter().enumerate() {
        let t = line.text;
        if t.is_empty() || t.len() > 3 || !t.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        let Ok(n) = t.parse::<u32>() else { continue };
        let far = chain.last().is_none_or(|&j| i >= j + 15);
        if (chain.is_empty() && (n == 1 || n == 2)) || (n == value + 1 && far) {
            chain.push(i);
            value = n;
        }
    }
    // A chain of one or two is no page numbering, unless it starts with `1` over the first
    // page (PyMuPDF writes a page's number at its top).
    let on_top = chain
        .first()
        .is_some_and(|&first| lines[..first].iter().filter(|l| !l.is_blank()).count() == 0);
    if chain.len() >= 3 || chain.len() == 2 && on_top {
        for i in chain.into_iter().filter(|&i| i >= start) {
            bare[i] = true;
        }
    }
    bare
}

/// A run of note numbers (each with the text on its own line, if any) and the text after it:
/// the numbers that get some of that text are defined, the others left over.
type Defined<'a> = Vec<(u32, usize, Vec<&'a str>)>;

fn flush<'a>(
    run: &mut Vec<(u32, usize, Option<&'a str>)>,
    text: &mut Vec<&'a str>,
    defined: &mut Defined<'a>,
    left: &mut Vec<(u32, usize)>,
) {
    let mut parts = share(run.len(), std::mem::take(text)).into_iter();
    for (n, no, first) in run.drain(..) {
        let mut part: Vec<&str> = first.into_iter().collect();
        if let Some(more) = parts.next() {
            part.extend(more);
        }
        if part.is_empty() {
            left.push((n, no));
        } else {
            defined.push((n, no, part));
        }
    }
}

/// Shares the lines of a text among `k` notes, in order. With one line for each, each takes
/// one; with more, the extra lines continue the note above them where the text says so: a
/// note starts with a capital, a digit or a URL after a line that ends one (a stop, a closing
/// bracket, a URL, a short line), and a line that starts in lower case or follows a full line
/// ending in a comma goes on. Fewer lines than notes leave the last notes without text.
fn share(k: usize, lines: Vec<&str>) -> Vec<Vec<&str>> {
    if k <= 1 {
        return vec![lines];
    }
    if lines.len() <= k {
        let mut out: Vec<Vec<&str>> = lines.into_iter().map(|l| vec![l]).collect();
        out.resize_with(k, Vec::new);
        return out;
    }
    // The k - 1 gaps most likely to start a note; among equals the earlier ones.
    let widest = lines.iter().map(|l| l.chars().count()).max().unwrap_or(0);
    let mut gaps: Vec<(i32, usize)> = (1..lines.len())
        .map(|g| (starts_note(lines[g - 1], lines[g], widest), g))
        .collect();
    gaps.sort_by_key(|&(score, g)| (std::cmp::Reverse(score), g));
    let mut cuts: Vec<usize> = gaps[..k - 1].iter().map(|&(_, g)| g).collect();
    cuts.sort_unstable();
    let mut out = Vec::with_capacity(k);
    let mut from = 0;
    for cut in cuts.into_iter().chain([lines.len()]) {
        out.push(lines[from..cut].to_vec());
        from = cut;
    }
    out
}

/// How strongly line `next` reads as the start of a note after line `prev` of the notes' text
/// (whose widest line is `widest` chars): positive where a note ends and another begins,
/// negative where a line wrapped.
fn starts_note(prev: &str, next: &str, widest: usize) -> i32 {
    let mut score = 0;
    let first = next.chars().next().unwrap_or(' ');
    if first.is_uppercase() || next.starts_with("http") || next.starts_with("www.") {
        score += 2;
    } else if first.is_lowercase() {
        score -= 3;
    } else if first.is_ascii_digit() {
        score -= 1;
    }
    let url_end = prev
        .split_whitespace()
        .next_back()
        .is_some_and(|w| w.contains("://") || w.starts_with("www."));
    match prev.chars().next_back() {
        Some('.' | ')' | '!' | '?' | '”' | '"') => score += 1,
        Some(',' | ';' | ':' | '-' | '(' | '–') => score -= 1,
        _ if url_end => score += 1,
        _ => {}
    }
    // A line as wide as the widest wrapped; a clearly shorter one ended its note.
    let width = prev.chars().count();
    if width * 10 >= widest * 9 {
        score -= 1;
    } else if width * 10 < widest * 7 {
        score += 1;
    }
    score
}

/// `1. text` or `1) text`: an item of a numbered list, its number and text.
fn numbered_item(text: &str) -> Option<(u32, &str)> {
    let digits_end = text.find(|c: char| !c.is_ascii_digit())?;
    if digits_end == 0 || digits_end > 3 {
        return None;
    }
    let rest = text[digits_end..].strip_prefix(['.', ')'])?;
    if !rest.starts_with(' ') || rest.trim().is_empty() {
        return None;
    }
    Some((text[..digits_end].parse().ok()?, rest.trim()))
}

/// The sources of a Markdown letter as a numbered list after a rule at its end (`---`, then
/// `1. ...`, `2. ...`), cited in the text by marked markers (`[^1]`, `<sup>1</sup>`, `¹`): the
/// list is the notes when it runs from 1 in order to the end of the text and the text before
/// the rule cites one of its numbers.
fn listed_after_rule(lines: &[Line<'_>], start: usize) -> Option<Definitions> {
    let rule = (start..lines.len()).rev().find(|&i| lines[i].is_rule())?;
    let mut notes: Vec<(u32, usize, Vec<&str>)> = Vec::new();
    let mut blank_before = true;
    for (i, line) in lines.iter().enumerate().skip(rule + 1) {
        if line.is_blank() {
            blank_before = true;
            continue;
        }
        match numbered_item(line.text) {
            Some((n, text)) if n as usize == notes.len() + 1 => notes.push((n, i, vec![text])),
            // A line of the item before it, unless a blank line ends that item.
            _ if !blank_before || line.text.starts_with(' ') => {
                notes.last_mut()?.2.push(line.text.trim())
            }
            _ => return None,
        }
        blank_before = false;
    }
    let count = notes.len() as u32;
    let mut last = 0;
    let cited = (start..rule).any(|i| {
        numbers(lines[i].text, MarkerStyle::Marked, &mut last)
            .iter()
            .any(|n| (1..=count).contains(n))
    });
    if count == 0 || !cited {
        return None;
    }
    let mut taken = vec![false; lines.len()];
    taken[rule..].iter_mut().for_each(|t| *t = true);
    Some(Definitions {
        notes: notes
            .into_iter()
            .map(|(n, i, parts)| footnote(n, &parts, lines[i].no))
            .collect(),
        taken,
        style: MarkerStyle::Marked,
    })
}

fn marked_definitions(lines: &[Line<'_>], starts: &[usize]) -> Definitions {
    let mut taken = vec![false; lines.len()];
    let mut notes = Vec::new();
    for &i in starts {
        let Some((number, first)) = marked_definition(lines[i].text) else {
            continue;
        };
        let mut parts = vec![first];
        taken[i] = true;
        // Continuation lines follow without a blank line.
        let mut j = i + 1;
        while j < lines.len()
            && !lines[j].is_blank()
            && !lines[j].is_rule()
            && marked_definition(lines[j].text).is_none()
        {
            parts.push(lines[j].text);
            taken[j] = true;
            j += 1;
        }
        notes.push(footnote(number, &parts, lines[i].no));
    }
    Definitions {
        notes,
        taken,
        style: MarkerStyle::Marked,
    }
}

fn plain_definitions(lines: &[Line<'_>], start: usize, stated: &[LineInfo]) -> Definitions {
    // A new page (a form feed) or a page number in words ends a block of notes.
    let new_page = |i: usize| {
        (i > 0 && stated.get(i).map(|s| s.page) != stated.get(i - 1).map(|s| s.page))
            || (patterns::is_page_number(lines[i].text)
                && lines[i].text.contains(char::is_alphabetic))
    };
    let mut taken = vec![false; lines.len()];
    let mut notes = Vec::new();
    let mut seen = BTreeSet::new(); // marker numbers seen in the text so far
    let mut last_marker = 0;
    let mut expected = 1;
    // The markers are read only as far as they are needed: up to a line that reads like the
    // next definition.
    let mut unread = start; // the first line passed and not yet read for markers
    let mut i = start;
    while i < lines.len() {
        let line = &lines[i];
        let opens_block = plain_definition(line.text).is_some_and(|(n, _)| {
            if n != expected {
                return false;
            }
            for line in &lines[unread..i] {
                seen.extend(trailing_markers(line.text, &mut last_marker));
            }
            unread = i;
            seen.contains(&n)
        }) && !double_spaced_body(lines, i, expected);
        if !opens_block {
            i += 1;
            continue;
        }
        // A block of definitions: each `n text` with the next number, and its continuations.
        let mut current: Option<(u32, usize, Vec<&str>)> = None;
        while i < lines.len() {
            let line = &lines[i];
            if let Some((n, text)) = plain_definition(line.text).filter(|&(n, _)| n == expected) {
                if let Some((number, no, parts)) = current.take() {
                    notes.push(footnote(number, &parts, no));
                }
                current = Some((n, line.no, vec![text]));
                expected += 1;
                taken[i] = true;
                i += 1;
                continue;
            }
            if line.is_blank() {
                // The block goes on past a blank line only to a next definition or to the rest
                // of a URL cut at the line end.
                let next = (i..lines.len()).find(|&j| !lines[j].is_blank());
                let goes_on = next.is_some_and(|j| {
                    let after = &lines[j];
                    let cut = current
                        .as_ref()
                        .and_then(|(_, _, parts)| parts.last())
                        .is_some_and(|p| p.ends_with(['-', '/']) && p.contains("://"));
                    plain_definition(after.text).is_some_and(|(n, _)| n == expected)
                        || (cut && !after.indented && !after.text.contains(' '))
                });
                match next {
                    // Only blank lines lie between: go straight to the next text line.
                    Some(j) if goes_on => i = j,
                    _ => break,
                }
                continue;
            }
            if line.indented || line.is_rule() || new_page(i) {
                break; // the page resumes
            }
            // Notes are single-spaced, the body double-spaced: a line followed by a blank line
            // and then more text (not a definition, not the rest of a cut URL) is the body.
            let followed_by_blank = lines.get(i + 1).is_some_and(Line::is_blank);
            let fragment = !line.text.contains(' ');
            if followed_by_blank && !fragment {
                let next = (i + 1..lines.len().min(i + 8)).find(|&j| !lines[j].is_blank());
                if next.is_some_and(|j| {
                    plain_definition(lines[j].text).is_none_or(|(n, _)| n != expected)
                }) {
                    break;
                }
            }
            if let Some((_, _, parts)) = current.as_mut() {
                parts.push(line.text);
                taken[i] = true;
            }
            i += 1;
        }
        if let Some((number, no, parts)) = current.take() {
            notes.push(footnote(number, &parts, no));
        }
        unread = i;
    }
    Definitions {
        notes,
        taken,
        style: MarkerStyle::Trailing,
    }
}

/// Whether line `i`, which reads like definition `n` (`20 maanden. Een detectiebevel ...`), is
/// running text instead: notes are single-spaced, the body double-spaced, so a line followed by
/// a blank line and then more text at the margin (not definition `n + 1`, not a page resuming
/// indented) is the body going on.
fn double_spaced_body(lines: &[Line<'_>], i: usize, n: u32) -> bool {
    if !lines.get(i + 1).is_some_and(Line::is_blank) {
        return false;
    }
    let next = (i + 1..lines.len().min(i + 8)).find(|&j| !lines[j].is_blank());
    next.is_some_and(|j| {
        let after = &lines[j];
        !after.indented
            && after.text.contains(' ')
            && plain_definition(after.text).is_none_or(|(m, _)| m != n + 1)
    })
}

/// Builds a footnote from its lines: URLs cut at a line end are joined back, Markdown links
/// become their text, and every URL is collected.
fn footnote(number: u32, parts: &[&str], line: usize) -> Footnote {
    let mut joined = String::new();
    let mut last_part = 0; // where the last part starts in `joined`
    for part in parts {
        let part = scan::trim(part);
        let last_word = joined.split_whitespace().next_back().unwrap_or("");
        // A URL that filled its line alone and goes on, without a hyphen, on the next one
        // (`...did=2022D222` + `49; hieruit`).
        let url_full_line = last_word == &joined[last_part..]
            && last_word.contains("://")
            && last_word.chars().count() >= 60
            && part.starts_with(|c: char| c.is_ascii_lowercase() || c.is_ascii_digit())
            && part
                .split_whitespace()
                .next()
                .is_some_and(|w| !w.contains(char::is_uppercase));
        let url_cut = last_word.contains("://")
            && (last_word.ends_with(['-', '/', '_', '.', '=']) || url_full_line)
            && !part.starts_with("http")
            && !part.starts_with("www.");
        if !joined.is_empty() && !url_cut {
            joined.push(' ');
        }
        if !url_cut {
            last_part = joined.len();
        }
        joined.push_str(part);
    }
    let (text, urls) = inline::clean_with_urls(&joined);
    Footnote {
        number,
        text,
        urls,
        line,
        page: None,
    }
}

/// The note numbers that plain trailing digits in `text` cite, in numbering order after
/// `last` (which is updated).
fn trailing_markers(text: &str, last: &mut u32) -> Vec<u32> {
    numbers(text, MarkerStyle::Trailing, last)
}

/// The number a line holds alone, in one or two digits, not 0: a marker or definition number
/// [`lift_lone_markers`] may lift.
fn lone_number(line: &str) -> Option<u32> {
    if scan::trimmed_longer_than(line, 2) {
        return None;
    }
    let t = scan::trim(line);
    (!t.is_empty() && t.len() <= 2 && t.bytes().all(|b| b.is_ascii_digit()))
        .then(|| t.parse().ok())
        .flatten()
        .filter(|&n| n > 0)
}

/// Whether a line after the first holds a [`lone_number`]: a necessary condition of
/// [`lift_lone_markers`], found without splitting the text into lines (such a line starts with
/// a digit, white space or a byte of a non-ASCII space).
fn has_lone_number_line(text: &str) -> bool {
    let bytes = text.as_bytes();
    let may_start = |a: scan::Lanes, b: scan::Lanes| {
        a.is(b'\n') & (b.within(0, b' ') | b.within(b'0', b'9') | b.within(0x80, 0xFF))
    };
    let mut from = 0;
    while let Some(i) = scan::find_pair(bytes, from, may_start) {
        let start = i + 1;
        let end = memchr::memchr(b'\n', &bytes[start..]).map_or(bytes.len(), |e| start + e);
        if lone_number(&text[start..end]).is_some() {
            return true;
        }
        from = start;
    }
    false
}

/// Markers a converter set on lines of their own: a raised note number sits a little above its
/// line, so some converters write it alone between two lines of running text (`mijn` / `1` /
/// `Kamerbrief van 21 december 2017 .`) and define the note the same way at the page's foot
/// (`1` / ` Kamerstuk 29 323, nr. 120`). Such a number, cited in numbering order (one number
/// may be missed) and defined further on, is raised again where it stood: at the gap it left in
/// the line under it (two spaces, or a space before a stop or comma), else at the end of the
/// line above; its own line is taken out. Returns the document so mended, or `None` when no
/// marker stands alone.
pub fn lift_lone_markers(doc: &Document) -> Option<Document> {
    if !has_lone_number_line(&doc.text) {
        return None;
    }
    let raw: Vec<&str> = doc.text.split('\n').collect();
    let prose = |t: &str| {
        let t = t.trim();
        t.chars().count() >= 30
            && t.starts_with(|c: char| c.is_alphabetic() || c == '(')
            && t.chars().filter(|c| c.is_alphabetic()).count() >= 20
            && patterns::label(t).is_none()
    };
    // Whether `n` is defined after line `after`: alone on its line, its text indented under it.
    let defined = |n: u32, after: usize| {
        (after + 1..raw.len().saturating_sub(1)).any(|j| {
            lone_number(raw[j]) == Some(n)
                && raw[j + 1].starts_with(char::is_whitespace)
                && raw[j + 1].trim().chars().count() >= 3
        })
    };
    let mut last = 0;
    let mut lifted: Vec<(usize, u32)> = Vec::new();
    for i in 1..raw.len().saturating_sub(1) {
        let Some(n) = lone_number(raw[i]) else {
            continue;
        };
        // A short line under it will do when it shows the gap the number left (`de VNG .`).
        let gap = |t: &str| {
            let t = t.trim();
            [" .", " ,", " ;", " :", "  "].iter().any(|g| t.contains(g))
        };
        if n <= last || !prose(raw[i - 1]) || !(prose(raw[i + 1]) || gap(raw[i + 1])) {
            continue;
        }
        if defined(n, i + 1) {
            lifted.push((i, n));
            last = n;
        }
    }
    if lifted.is_empty() {
        return None;
    }
    let raised = |n: u32| -> String {
        n.to_string()
            .chars()
            .map(|d| ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'][d as usize - '0' as usize])
            .collect()
    };
    let mut lines: Vec<String> = raw.iter().map(|l| (*l).to_string()).collect();
    for &(i, n) in &lifted {
        let below = lines[i + 1].trim_end().to_string();
        let lead = below.len() - below.trim_start().len();
        let body = &below[lead..];
        let gap = body.find("  ").map(|g| (lead + g, 2)).or_else(|| {
            [" .", " ,", " ;", " :"]
                .iter()
                .filter_map(|p| body.find(p))
                .min()
                .map(|g| (lead + g, 1))
        });
        match gap {
            // `verplichtingen  op` -> `verplichtingen⁵ op`; `2017 .` -> `2017¹.`
            Some((at, width)) => {
                let after = if width == 2 { " " } else { "" };
                lines[i + 1] = format!(
                    "{}{}{after}{}",
                    &below[..at],
                    raised(n),
                    &below[at + width..]
                );
            }
            None => {
                let above = lines[i - 1].trim_end().to_string();
                lines[i - 1] = format!("{above}{}", raised(n));
            }
        }
    }
    let gone: BTreeSet<usize> = lifted.iter().map(|&(i, _)| i).collect();
    let text = lines
        .iter()
        .enumerate()
        .filter(|(i, _)| !gone.contains(i))
        .map(|(_, l)| l.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    let infos = if doc.lines.is_empty() {
        Vec::new()
    } else {
        (0..raw.len())
            .filter(|i| !gone.contains(i))
            .map(|i| doc.info(i))
            .collect()
    };
    Some(Document {
        text,
        lines: infos,
        ..doc.clone()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lone_number_line_is_found_after_the_first_line() {
        for text in [
            "mijn\n1\nKamerbrief",
            "mijn\n  12  \nKamerbrief",
            "a\n\u{c}3\nb",
            "a\n\u{a0}4\nb",
            "a\nb\n7",
        ] {
            assert!(has_lone_number_line(text), "{text:?}");
        }
        for text in [
            "1\nmijn",
            "mijn\n123\nb",
            "mijn\n1 januari\nb",
            "a\n 1a\nb",
            "a\nb 1\nc",
            "",
        ] {
            assert!(!has_lone_number_line(text), "{text:?}");
        }
    }

    #[test]
    fn plain_definition_lines() {
        assert_eq!(
            plain_definition("1 In 2023 werden"),
            Some((1, "In 2023 werden"))
        );
        assert_eq!(plain_definition("98% van deze"), None);
        assert_eq!(plain_definition("2023 was"), None);
        assert_eq!(
            plain_definition("14 maanden. Volgens Defence for Children"),
            None
        );
        assert_eq!(plain_definition("3 augustus maakte duidelijk dat"), None);
        assert_eq!(marked_definition("¹² [Recht](#)"), Some((12, "[Recht](#)")));
        assert_eq!(
            marked_definition("<sup>1</sup>Een vals"),
            Some((1, "Een vals"))
        );
        assert_eq!(marked_definition("[^3]: Zie bron."), Some((3, "Zie bron.")));
    }
}
