//! Sentences of a paragraph, for quoting one sentence rather than a whole paragraph (the
//! reader's sentence selection, `v`). A sentence ends at `.`, `!`, `?` or `…` (with closing
//! quotes and brackets, and a note number glued on) followed by white space and a capital, an
//! opening quote or bracket, or `'s`; never after an abbreviation (`o.a.`, `bijv.`, `art.`,
//! `nr.`, `e.g.`, `i.e.`), an initial (`D. Yeşilgöz`) or a list number (`1. Inleiding`), and
//! never inside a number (`36,2`, `1.1`, `26.000`). `etc.` and `enz.` may end one.
//!
//! Rules of the language, never of one letter; no I/O.

use std::ops::Range;

/// Abbreviations after which a sentence goes on, whatever follows (lower case, without their
/// last stop). Words of single letters with stops (`o.a.`, `t.a.v.`, `e.g.`) need no entry.
const NEVER_END: &[&str] = &[
    "art", "artt", "bijv", "blz", "ca", "cf", "dhr", "dr", "drs", "evt", "excl", "fig", "ing",
    "incl", "ir", "jl", "jr", "mevr", "mln", "mld", "mr", "mrd", "nr", "nrs", "p", "pp", "prof",
    "sr", "st", "stb", "stcrt", "vgl", "vs", "zgn", "jan", "feb", "mrt", "apr", "jun", "jul",
    "aug", "sep", "sept", "okt", "oct", "nov", "dec", "vol",
];

/// Abbreviations that often close a sentence too: one ends there when a capital follows.
const MAY_END: &[&str] = &["etc", "enz", "e.a", "e.d", "c.s", "a.o"];

/// Whether `c` ends a sentence.
fn terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

/// Closing quotes and brackets that stay with the sentence they close.
fn closing(c: char) -> bool {
    matches!(c, ')' | ']' | '”' | '’' | '"' | '\'' | '»')
}

/// Opening quotes and brackets a sentence may start with.
fn opening(c: char) -> bool {
    matches!(c, '(' | '[' | '“' | '‘' | '"' | '\'' | '«' | '„')
}

/// Superscript digits, as a letter writes a note marker.
fn superscript(c: char) -> bool {
    matches!(c, '⁰' | '¹' | '²' | '³' | '⁴'..='⁹')
}

/// The sentences of `text` as byte ranges, in order, without the white space around them.
/// Every character that is not white space lies in exactly one.
pub fn split(text: &str) -> Vec<Range<usize>> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let byte = |i: usize| chars.get(i).map_or(text.len(), |&(b, _)| b);
    let mut out = Vec::new();
    let Some(mut start) = chars.iter().position(|(_, c)| !c.is_whitespace()) else {
        return out;
    };
    let mut i = start;
    while i < chars.len() {
        if !terminal(chars[i].1) {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while end < chars.len() && terminal(chars[end].1) {
            end += 1;
        }
        while end < chars.len() && closing(chars[end].1) {
            end += 1;
        }
        // A note marker written as superscript digits, or plain digits glued to the stop
        // after a word (`misbruik.5 Dit`): a marker the parser did not take.
        let after_word = i > 0 && (chars[i - 1].1.is_alphabetic() || closing(chars[i - 1].1));
        let digits = chars[end..]
            .iter()
            .take_while(|(_, c)| superscript(*c) || (after_word && c.is_ascii_digit()))
            .count();
        if digits <= 3 {
            end += digits;
        }
        while end < chars.len() && closing(chars[end].1) {
            end += 1;
        }
        let next = chars[end..]
            .iter()
            .position(|(_, c)| !c.is_whitespace())
            .map(|n| end + n);
        let spaced = next.is_none_or(|n| n > end);
        if spaced && next.is_some_and(|n| starts_sentence(&chars, n)) && ends_here(&chars, start, i)
        {
            let next = next.unwrap_or(chars.len());
            out.push(byte(start)..byte(end));
            start = next;
            i = next;
            continue;
        }
        i = end.max(i + 1);
    }
    let last = chars
        .iter()
        .rposition(|(_, c)| !c.is_whitespace())
        .map_or(start, |n| n + 1);
    if last > start {
        out.push(byte(start)..byte(last));
    }
    out
}

/// Whether a sentence may start at char `n`: a capital, or an opening quote or bracket before
/// a capital or a digit, or `'s` (`’s-Gravenhage`).
fn starts_sentence(chars: &[(usize, char)], n: usize) -> bool {
    let at = |k: usize| chars.get(k).map(|&(_, c)| c);
    match at(n) {
        Some(c) if c.is_uppercase() => true,
        Some(c) if opening(c) => {
            if matches!(c, '\'' | '’') && at(n + 1) == Some('s') {
                return at(n + 2).is_none_or(|c| c == ' ' || c == '-');
            }
            at(n + 1).is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || opening(c))
        }
        Some('’') => at(n + 1) == Some('s') && at(n + 2).is_none_or(|c| c == ' ' || c == '-'),
        _ => false,
    }
}

/// Whether the stop at char `i` ends the sentence that started at char `start`: not after an
/// abbreviation, an initial or a list number.
fn ends_here(chars: &[(usize, char)], start: usize, i: usize) -> bool {
    if chars[i].1 != '.' || chars.get(i + 1).is_some_and(|&(_, c)| c == '.') {
        return true;
    }
    // The word before the stop: back to white space or an opening bracket.
    let from = chars[start..i]
        .iter()
        .rposition(|&(_, c)| c.is_whitespace() || opening(c))
        .map_or(start, |p| start + p + 1);
    let word: String = chars[from..i].iter().map(|&(_, c)| c).collect();
    if word.is_empty() {
        return true;
    }
    let lower = word.to_lowercase();
    if MAY_END.contains(&lower.as_str()) {
        return true;
    }
    if NEVER_END.contains(&lower.as_str()) {
        return false;
    }
    // Single letters with stops: `o.a`, `e.g`, `t.a.v`, initials `M.C.G`, and one initial.
    let letters_with_stops = lower
        .split('.')
        .all(|part| part.chars().count() == 1 && part.chars().all(char::is_alphabetic));
    if letters_with_stops {
        return false;
    }
    // A list's number or letter opening the paragraph: `1.`, `2.3.`, `a.`, `IV.`.
    let opening_number = from == start
        && (word.chars().all(|c| c.is_ascii_digit() || c == '.')
            || word.chars().all(|c| "IVXLC".contains(c)));
    !opening_number
}

#[cfg(test)]
mod tests;
