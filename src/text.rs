//! Text helpers shared by ingestion, search and the shells: folding for case- and
//! diacritic-insensitive matching (with a map back to the original characters), and making
//! untrusted text safe to print.

use crate::ingest::scan::{Bytes, Lanes};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Folds one character for matching: lower case, diacritics removed (`Ş` -> `s`, `ö` -> `o`),
/// a few letters spelled out (`ß` -> `ss`, `æ` -> `ae`). Returns the folded characters.
pub fn fold_char(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    match c {
        'ß' => out.push_str("ss"),
        'æ' | 'Æ' => out.push_str("ae"),
        'œ' | 'Œ' => out.push_str("oe"),
        'ø' | 'Ø' => out.push('o'),
        'ł' | 'Ł' => out.push('l'),
        'ı' => out.push('i'),
        '’' | '‘' | '`' | '´' => out.push('\''),
        '“' | '”' | '„' => out.push('"'),
        '–' | '—' | '‐' | '‑' => out.push('-'),
        _ => {
            for d in c.nfd().filter(|d| !is_combining_mark(*d)) {
                out.extend(d.to_lowercase());
            }
        }
    }
}

/// Text folded for matching, with the index (in `char`s of the original) of each folded char.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Folded {
    pub text: String,
    /// For each `char` of `text`, the index of the original `char` it came from.
    pub origin: Vec<usize>,
}

/// Folds `s` (see [`fold_char`]) and keeps the map back to the original characters.
pub fn fold(s: &str) -> Folded {
    let mut folded = Folded {
        text: String::with_capacity(s.len()),
        origin: Vec::with_capacity(s.len()),
    };
    let mut buf = String::new();
    for (i, c) in s.chars().enumerate() {
        buf.clear();
        fold_char(c, &mut buf);
        for f in buf.chars() {
            folded.text.push(f);
            folded.origin.push(i);
        }
    }
    folded
}

/// Folds `s` without keeping the map.
pub fn fold_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        fold_char(c, &mut out);
    }
    out
}

/// Whether a character must never reach a terminal raw: C0 and C1 controls (but newline and
/// tab), DEL, and the bidirectional embedding, override and isolate controls.
pub fn is_unsafe_char(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// A visible stand-in for an unsafe character: the Unicode control pictures for C0 and DEL
/// (`␛` for ESC), `�` for the rest.
pub fn placeholder(c: char) -> char {
    match c as u32 {
        n @ 0..=0x1F => char::from_u32(0x2400 + n).unwrap_or('\u{FFFD}'),
        0x7F => '\u{2421}',
        _ => '\u{FFFD}',
    }
}

/// A quick byte scan: `false` means no unsafe character is in `s`. Besides ASCII controls
/// and DEL, only these encodings can carry one: C1 controls `C2 80..9F`, U+061C `D8 9C`, and
/// the bidi controls `E2 80 8E..8F`, `E2 80 AA..AE`, `E2 81 A6..A9`.
fn may_hold_unsafe(s: &str) -> bool {
    let b = s.as_bytes();
    // The bytes of SUSPECT as comparisons, so that the search is vectorised; each one found is
    // looked at closer.
    let suspect = |b: Lanes| {
        (b.within(0, 0x1F) & !b.is(b'\n') & !b.is(b'\t'))
            | b.is(0x7F)
            | b.is(0xC2)
            | b.is(0xD8)
            | b.is(0xE2)
    };
    let mut from = 0;
    while let Some(i) = crate::ingest::scan::find_byte(b, from, suspect) {
        if has_unsafe_at(b, i, i + 1) {
            return true;
        }
        from = i + 1;
    }
    false
}

/// Whether an unsafe character starts at a byte in `from..to` of `b`.
fn has_unsafe_at(b: &[u8], from: usize, to: usize) -> bool {
    (from..to).any(|i| {
        SUSPECT[usize::from(b[i])]
            && match b[i] {
                0xC2 => b.get(i + 1).is_some_and(|n| (0x80..=0x9F).contains(n)),
                0xD8 => b.get(i + 1) == Some(&0x9C),
                0xE2 => match (b.get(i + 1), b.get(i + 2)) {
                    (Some(0x80), Some(n)) => matches!(n, 0x8E | 0x8F | 0xAA..=0xAE),
                    (Some(0x81), Some(n)) => (0xA6..=0xA9).contains(n),
                    _ => false,
                },
                _ => true, // a control or DEL
            }
    })
}

/// The bytes [`may_hold_unsafe`] looks at: ASCII controls but newline and tab, DEL, and the
/// lead bytes `C2`, `D8`, `E2`.
const SUSPECT: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = b != 0x0A && b != 0x09;
        b += 1;
    }
    table[0x7F] = true;
    table[0xC2] = true;
    table[0xD8] = true;
    table[0xE2] = true;
    table
};

/// Replaces every unsafe character (see [`is_unsafe_char`]) by its placeholder.
pub fn sanitize(s: &str) -> std::borrow::Cow<'_, str> {
    replace_unsafe(s, false, |c, out| out.push(placeholder(c)))
}

/// [`sanitize`] for what must stay on one line (a letter's id, a file's path, a register
/// label): line breaks and tabs become placeholders (`␊`, `␉`) too, so a file name cannot
/// break a table or start a line of its own.
pub fn sanitize_line(s: &str) -> std::borrow::Cow<'_, str> {
    replace_unsafe(s, true, |c, out| out.push(placeholder(c)))
}

/// The text of a JSON string with every unsafe character escaped as `\uXXXX` (serde_json
/// escapes C0 controls only; C1 controls, DEL and bidi controls would pass raw). Only for
/// text inside a JSON string, where such an escape means the character itself.
pub fn escape_unsafe_in_json(s: &str) -> std::borrow::Cow<'_, str> {
    replace_unsafe(s, false, |c, out| {
        use std::fmt::Write as _;
        let _ = write!(out, "\\u{:04x}", c as u32);
    })
}

/// `s` with each unsafe character (and, when `lines`, each line break and tab) given to
/// `replace`; borrowed when there is none.
fn replace_unsafe(
    s: &str,
    lines: bool,
    replace: impl Fn(char, &mut String),
) -> std::borrow::Cow<'_, str> {
    let breaks = |c: char| lines && matches!(c, '\n' | '\t');
    if !(may_hold_unsafe(s) || lines && s.contains(['\n', '\t'])) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if is_unsafe_char(c) || breaks(c) {
            replace(c, &mut out);
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// The byte offset of the `n`th char of `s` (or `s.len()` past the end).
pub fn byte_of_char(s: &str, n: usize) -> usize {
    s.char_indices().nth(n).map_or(s.len(), |(b, _)| b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_removes_case_and_diacritics_and_maps_back() {
        let f = fold("Yeşilgöz-Zegerius");
        assert_eq!(f.text, "yesilgoz-zegerius");
        assert_eq!(f.origin.len(), f.text.chars().count());
        assert_eq!(fold_str("Szabó Straße ÉÉN"), "szabo strasse een");
        let f = fold("aßb");
        assert_eq!(f.text, "assb");
        assert_eq!(f.origin, vec![0, 1, 1, 2]);
    }

    #[test]
    fn escape_sequences_and_bidi_controls_become_visible() {
        let s = sanitize("a\x1b]52;c;SGVsbG8=\x07b\u{202E}c\u{9b}d\ne");
        assert_eq!(s, "a␛]52;c;SGVsbG8=␇b�c�d\ne");
        assert!(!s.chars().any(is_unsafe_char));
        assert!(matches!(sanitize("plain"), std::borrow::Cow::Borrowed(_)));
        assert!(matches!(
            sanitize("baby’s “é” – ■ ¹²"),
            std::borrow::Cow::Borrowed(_)
        ));
        // Every unsafe character is caught by the byte scan, wherever it stands in a word.
        for c in (0..0x110000u32)
            .filter_map(char::from_u32)
            .filter(|&c| is_unsafe_char(c))
        {
            assert!(may_hold_unsafe(&format!("a{c}b")), "{c:?}");
            // First, last, and across the scan's chunks of 64 bytes.
            assert!(may_hold_unsafe(&format!("{c}")), "{c:?} alone");
            for pad in [62, 63, 64, 65, 127] {
                let s = format!("{}{c}", "a".repeat(pad));
                assert!(may_hold_unsafe(&s), "{c:?} last after {pad}");
            }
            for pad in 0..8 {
                let s = format!("{}{c}{}", "a".repeat(pad), "b".repeat(16));
                assert!(may_hold_unsafe(&s), "{c:?} after {pad}");
            }
        }
        let safe = "Geachte heer, “baby’s” – ■ ¹² é\tend\n".repeat(3);
        assert!(!may_hold_unsafe(&safe));
    }
}
