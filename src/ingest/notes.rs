//! Footnotes: their definitions (`<sup>1</sup>text`, `¹ text`, `¹² text`, or a plain `1 text`
//! in a block at a page bottom of PDF text) and the markers in the running text that cite them
//! (`<sup>1</sup>`, superscript digits, or digits stuck to the end of a sentence, `internet.1`).
//!
//! Plain digits are ambiguous (`57.000`, `artikel 16`, `2023.`), so they count as markers and
//! definitions only in numbering order: a definition block starts with the next note number
//! after a marker with that number was seen, and a marker is the next number in sequence.

use std::collections::BTreeSet;

use super::inline;
use super::layout::Regions;
use super::lines::{Line, superscript_value};
use crate::model::{Footnote, NoteRef};

/// How a letter writes its note markers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkerStyle {
    /// `<sup>n</sup>` or superscript digits: unambiguous.
    Marked,
    /// Digits stuck to the end of a sentence, as PDF text has them.
    Trailing,
}

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
    if !rest.starts_with(char::is_whitespace) || rest.trim().is_empty() {
        return None;
    }
    Some((text[..digits_end].parse().ok()?, rest.trim()))
}

/// Finds the footnote definitions after the header.
pub fn definitions(lines: &[Line<'_>], regions: &Regions) -> Definitions {
    let start = regions.body.start;
    let marked: Vec<usize> = (start..lines.len())
        .filter(|&i| marked_definition(lines[i].text).is_some())
        .collect();
    if !marked.is_empty() {
        return marked_definitions(lines, &marked);
    }
    plain_definitions(lines, start)
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

fn plain_definitions(lines: &[Line<'_>], start: usize) -> Definitions {
    let mut taken = vec![false; lines.len()];
    let mut notes = Vec::new();
    let mut seen = BTreeSet::new(); // marker numbers seen in the text so far
    let mut last_marker = 0;
    let mut expected = 1;
    let mut i = start;
    while i < lines.len() {
        let line = &lines[i];
        let opens_block =
            plain_definition(line.text).is_some_and(|(n, _)| n == expected && seen.contains(&n));
        if !opens_block {
            for n in trailing_markers(line.text, &mut last_marker) {
                seen.insert(n);
            }
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
            if line.indented || line.is_rule() {
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
    }
    Definitions {
        notes,
        taken,
        style: MarkerStyle::Trailing,
    }
}

/// Builds a footnote from its lines: URLs cut at a line end are joined back, Markdown links
/// become their text, and every URL is collected.
fn footnote(number: u32, parts: &[&str], line: usize) -> Footnote {
    let mut joined = String::new();
    for part in parts {
        let part = part.trim();
        let last_word = joined.split_whitespace().last().unwrap_or("");
        let url_cut = last_word.contains("://")
            && last_word.ends_with(['-', '/', '_', '.', '='])
            && !part.starts_with("http")
            && !part.starts_with("www.");
        if !joined.is_empty() && !url_cut {
            joined.push(' ');
        }
        joined.push_str(part);
    }
    let (text, urls) = inline::clean_with_urls(&joined);
    Footnote {
        number,
        text,
        urls,
        line,
    }
}

/// The note numbers that plain trailing digits in `text` cite, in numbering order after
/// `last` (which is updated).
fn trailing_markers(text: &str, last: &mut u32) -> Vec<u32> {
    let mut found = Vec::new();
    let (_, refs) = extract(text, MarkerStyle::Trailing, last);
    found.extend(refs.iter().map(|r| r.number));
    found
}

/// Removes the note markers from `text` and returns the clean text with where each stood.
/// `last` is the number of the last marker seen in the letter, updated as markers are found.
pub fn extract(text: &str, style: MarkerStyle, last: &mut u32) -> (String, Vec<NoteRef>) {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut out_len = 0usize; // chars in `out`
    let mut refs = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        // <sup>n</sup>
        if c == '<'
            && starts_with(&chars, i, "<sup>")
            && let Some(close) = find(&chars, i + 5, "</sup>", 40)
        {
            {
                let inner: String = chars[i + 5..close].iter().collect();
                let numbers: Vec<u32> = inner
                    .split([',', ' '])
                    .filter(|s| !s.is_empty())
                    .map_while(|s| s.parse().ok())
                    .collect();
                let all_numbers = !numbers.is_empty()
                    && inner.split([',', ' ']).filter(|s| !s.is_empty()).count() == numbers.len();
                if all_numbers {
                    let at = marker_at(&out, out_len);
                    for n in numbers {
                        refs.push(NoteRef { number: n, at });
                        *last = n;
                    }
                    i = skip_space_after(&chars, &out, close + 6);
                    continue;
                }
                // Not a note: keep the inner text.
                out.push_str(&inner);
                out_len += inner.chars().count();
                i = close + 6;
                continue;
            }
        }
        // `[^n]`, as pandoc writes notes.
        if c == '['
            && chars.get(i + 1) == Some(&'^')
            && let Some(close) = find(&chars, i + 2, "]", 6)
            && let Ok(n) = chars[i + 2..close]
                .iter()
                .collect::<String>()
                .parse::<u32>()
        {
            refs.push(NoteRef {
                number: n,
                at: marker_at(&out, out_len),
            });
            *last = n;
            i = skip_space_after(&chars, &out, close + 1);
            continue;
        }
        // Superscript digits.
        if superscript_value(c).is_some() {
            let end = (i..chars.len())
                .find(|&j| superscript_value(chars[j]).is_none())
                .unwrap_or(chars.len());
            let digits: Vec<u32> = chars[i..end]
                .iter()
                .filter_map(|&c| superscript_value(c))
                .collect();
            let at = marker_at(&out, out_len);
            for n in superscript_numbers(&digits, *last) {
                refs.push(NoteRef { number: n, at });
                *last = n;
            }
            i = skip_space_after(&chars, &out, end);
            continue;
        }
        // Trailing plain digits: `internet.1 `, `(Category A).8`.
        if style == MarkerStyle::Trailing && c.is_ascii_digit() && i > 0 {
            let end = (i..chars.len())
                .find(|&j| !chars[j].is_ascii_digit())
                .unwrap_or(chars.len());
            let before = chars[i - 1];
            let before2 = if i >= 2 { Some(chars[i - 2]) } else { None };
            let after_ok = end == chars.len() || chars[end].is_whitespace();
            let punct_ok = matches!(
                before,
                '.' | ',' | ';' | ':' | '!' | '?' | ')' | '”' | '"' | '’'
            ) && before2.is_some_and(|b| !b.is_ascii_digit() && !b.is_whitespace());
            let word_ok = before.is_lowercase();
            let number: Option<u32> = (end - i <= 3)
                .then(|| chars[i..end].iter().collect::<String>().parse().ok())
                .flatten();
            if let Some(n) = number
                && after_ok
                && (punct_ok || word_ok)
                && n == *last + 1
            {
                refs.push(NoteRef {
                    number: n,
                    at: out_len,
                });
                *last = n;
                i = end;
                continue;
            }
            // Not a marker: copy the whole digit run so its tail is not taken for one.
            for &d in &chars[i..end] {
                out.push(d);
                out_len += 1;
            }
            i = end;
            continue;
        }
        out.push(c);
        out_len += 1;
        i += 1;
    }
    (out, refs)
}

/// Reads a run of superscript digits in numbering order: `¹²` after note 11 is 12; after
/// note 0 it is 1 and 2 when 12 would skip numbers.
fn superscript_numbers(digits: &[u32], last: u32) -> Vec<u32> {
    let whole = digits
        .iter()
        .fold(0u32, |acc, d| acc.saturating_mul(10).saturating_add(*d));
    if digits.len() == 1 || whole == last + 1 {
        return vec![whole];
    }
    let consecutive = digits
        .iter()
        .enumerate()
        .all(|(k, &d)| d == last + 1 + k as u32);
    if consecutive {
        digits.to_vec()
    } else {
        vec![whole]
    }
}

/// Where a marker stands: after the text, not after a space before it.
fn marker_at(out: &str, out_len: usize) -> usize {
    if out.ends_with(' ') {
        out_len - 1
    } else {
        out_len
    }
}

/// The index after a marker ending at `end`, dropping a space that would double one before it.
fn skip_space_after(chars: &[char], out: &str, end: usize) -> usize {
    if out.ends_with(' ') && chars.get(end) == Some(&' ') {
        end + 1
    } else {
        end
    }
}

fn starts_with(chars: &[char], i: usize, pat: &str) -> bool {
    (i..)
        .zip(pat.chars())
        .all(|(k, p)| chars.get(k) == Some(&p))
}

/// Where `pat` starts in `chars` within `window` chars after `from`: bounded, so a text full
/// of unclosed tags stays linear.
fn find(chars: &[char], from: usize, pat: &str, window: usize) -> Option<usize> {
    (from..chars.len().min(from + window)).find(|&i| starts_with(chars, i, pat))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str, style: MarkerStyle) -> (String, Vec<(u32, usize)>) {
        let mut last = 0;
        let (t, refs) = extract(text, style, &mut last);
        (t, refs.into_iter().map(|r| (r.number, r.at)).collect())
    }

    #[test]
    fn sup_markers_are_removed_with_their_offsets() {
        let (t, r) = run(
            "aanpak<sup>1</sup>. Zie artikel 16<sup>2</sup> dat",
            MarkerStyle::Marked,
        );
        assert_eq!(t, "aanpak. Zie artikel 16 dat");
        assert_eq!(r, vec![(1, 6), (2, 22)]);
    }

    #[test]
    fn pandoc_markers() {
        let (t, r) = run("zie hier[^1] en daar[^12].", MarkerStyle::Marked);
        assert_eq!(t, "zie hier en daar.");
        assert_eq!(r, vec![(1, 8), (12, 16)]);
    }

    #[test]
    fn superscripts_follow_the_numbering_order() {
        let mut last = 11;
        let (t, r) = extract("artikel 16¹² dat", MarkerStyle::Marked, &mut last);
        assert_eq!(t, "artikel 16 dat");
        assert_eq!(r, vec![NoteRef { number: 12, at: 10 }]);
        let (_, r) = run("twee noten¹² hier", MarkerStyle::Marked);
        assert_eq!(r.iter().map(|r| r.0).collect::<Vec<_>>(), vec![1, 2]);
    }

    #[test]
    fn trailing_digits_are_markers_only_in_sequence() {
        let (t, r) = run(
            "het openbare internet.1 Ieder jaar 57.000 meldingen in 2023. Zie artikel 16 en (Category A).2 Klaar.",
            MarkerStyle::Trailing,
        );
        assert_eq!(
            t,
            "het openbare internet. Ieder jaar 57.000 meldingen in 2023. Zie artikel 16 en (Category A). Klaar."
        );
        assert_eq!(r, vec![(1, 22), (2, 91)]);
        // Out of sequence: not a marker.
        let (t, r) = run("zie pagina.7 hier", MarkerStyle::Trailing);
        assert_eq!((t.as_str(), r.len()), ("zie pagina.7 hier", 0));
    }

    #[test]
    fn plain_definition_lines() {
        assert_eq!(
            plain_definition("1 In 2023 werden"),
            Some((1, "In 2023 werden"))
        );
        assert_eq!(plain_definition("98% van deze"), None);
        assert_eq!(plain_definition("2023 was"), None);
        assert_eq!(marked_definition("¹² [Recht](#)"), Some((12, "[Recht](#)")));
        assert_eq!(
            marked_definition("<sup>1</sup>Een vals"),
            Some((1, "Een vals"))
        );
    }
}
