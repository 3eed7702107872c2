//! Note markers in running text: `<sup>n</sup>`, superscript digits, pandoc's `[^n]`, and
//! plain digits stuck to the end of a sentence (`internet.1`) in PDF text. Markers are taken out
//! of the text and kept as the `char` offset where each stood; plain digits count only in
//! numbering order, which keeps `57.000`, `artikel 16` and `2023.` what they are.

use super::lines::superscript_value;
use crate::model::NoteRef;

/// How a letter writes its note markers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkerStyle {
    /// `<sup>n</sup>` or superscript digits: unambiguous.
    Marked,
    /// Digits stuck to the end of a sentence, as PDF text has them.
    Trailing,
}

/// Removes the note markers from `text` and returns the clean text with where each stood.
/// `last` is the number of the last marker seen in the letter, updated as markers are found.
pub fn extract(text: &str, style: MarkerStyle, last: &mut u32) -> (String, Vec<NoteRef>) {
    // Text that cannot hold a marker is returned as it is.
    let may_hold = text.contains(['<', '['])
        || text.chars().any(|c| superscript_value(c).is_some())
        || (style == MarkerStyle::Trailing && has_trailing_candidate(text));
    if !may_hold {
        return (text.to_string(), Vec::new());
    }
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
                && Some(n) == last.checked_add(1)
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

/// Whether some digit follows punctuation, a closing quote or bracket, or a lower-case letter:
/// the only places a plain-digit marker can stand.
fn has_trailing_candidate(text: &str) -> bool {
    text.as_bytes().windows(2).any(|w| {
        w[1].is_ascii_digit()
            && (matches!(w[0], b'.' | b',' | b';' | b':' | b'!' | b'?' | b')' | b'"')
                || w[0].is_ascii_lowercase()
                || w[0] >= 0x80)
    })
}

/// Reads a run of superscript digits in numbering order: `¹²` after note 11 is 12; after
/// note 0 it is 1 and 2 when 12 would skip numbers.
fn superscript_numbers(digits: &[u32], last: u32) -> Vec<u32> {
    let whole = digits
        .iter()
        .fold(0u32, |acc, d| acc.saturating_mul(10).saturating_add(*d));
    if digits.len() == 1 || Some(whole) == last.checked_add(1) {
        return vec![whole];
    }
    let consecutive = digits
        .iter()
        .enumerate()
        .all(|(k, &d)| Some(d) == last.checked_add(1 + k as u32));
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
}
