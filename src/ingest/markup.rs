//! Markdown line markup and white space: what a line's text is without them
//! ([`strip_markup`]), told cheaply where a line has none ([`has_markup`]) or where only its
//! length matters ([`stripped_longer_than`]).

use std::borrow::Cow;

use super::scan::{self, Bytes};

/// Removes Markdown line markup: heading and quote marks, emphasis at the edges, escapes; folds
/// runs of white space. Most lines have no markup: they come back borrowed, only trimmed.
pub fn strip_markup(text: &str) -> Cow<'_, str> {
    let trimmed = scan::trim(text);
    if !has_markup_byte(text) && !has_double_space(trimmed) {
        return Cow::Borrowed(trimmed);
    }
    let mut t = trimmed;
    t = t.trim_start_matches('>').trim_start();
    if t.starts_with('#') {
        let rest = t.trim_start_matches('#');
        if rest.starts_with(' ') || rest.is_empty() {
            t = rest.trim_start();
        }
    }
    let t = t.trim_matches(|c| c == '*' || c == '_').trim();
    let t = remove_double_stars(t);
    Cow::Owned(fold(&t))
}

/// `t` with escapes out and white space folded to single spaces, trimmed; runs of other text
/// are copied whole.
fn fold(t: &str) -> String {
    let bytes = t.as_bytes();
    let mut out = String::with_capacity(t.len());
    let mut run = 0;
    let mut after_space = false; // whether `out` with the run ends with a space
    let mut i = 0;
    while i < bytes.len() {
        // What is copied as it is (ASCII other than white space and `\\`, single spaces) is
        // passed over a chunk at a time; a space is, only where no space stands before it.
        if !after_space {
            let stop = scan::find_pair(bytes, i, needs_look).unwrap_or(bytes.len() - 1);
            if stop > i {
                after_space = bytes[stop - 1] == b' ';
                i = stop;
            }
        }
        let b = bytes[i];
        if b.is_ascii() && b != b'\\' && !(b.is_ascii_whitespace() || b == 0x0B) {
            after_space = false;
            i += 1;
            continue;
        }
        let Some(c) = t[i..].chars().next() else {
            break;
        };
        if c == ' ' && !after_space {
            after_space = true;
            i += 1;
            continue;
        }
        if !c.is_whitespace() && c != '\\' {
            after_space = false;
            i += c.len_utf8();
            continue;
        }
        out.push_str(&t[run..i]);
        if c == '\\' {
            if bytes.get(i + 1).is_some_and(u8::is_ascii_punctuation) {
                run = i + 1; // the escaped char starts the next run
            } else {
                after_space = false;
                run = i;
            }
            i += 1;
            continue;
        }
        // White space other than a single space.
        if !after_space {
            out.push(' ');
            after_space = true;
        }
        i += c.len_utf8();
        run = i;
    }
    out.push_str(&t[run..]);
    let clean = out.trim();
    if clean.len() == out.len() {
        out
    } else {
        clean.to_string()
    }
}

/// Whether [`strip_markup`]'s fold must look at the byte `a` (followed by `b`) rather than copy
/// it: an escape, a byte of a non-ASCII char (which may be white space), white space other than
/// a space, or a space before more white space. Comparisons, so that [`scan::find_pair`] is
/// vectorised.
fn needs_look<B: Bytes>(a: B, b: B) -> B::Mask {
    let other_space = |x: B| x.within(0x09, 0x0D); // tab, line feed, 0x0B, 0x0C, CR
    a.is(b'\\')
        | a.within(0x80, 0xFF)
        | other_space(a)
        | (a.is(b' ') & (b.is(b' ') | other_space(b)))
}

/// `text` without `**` (as `str::replace` removes them: left to right, never overlapping).
fn remove_double_stars(text: &str) -> Cow<'_, str> {
    let bytes = text.as_bytes();
    if !bytes.windows(2).any(|w| w == b"**") {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let (mut run, mut i) = (0, 0);
    while i + 1 < bytes.len() {
        if bytes[i] == b'*' && bytes[i + 1] == b'*' {
            out.push_str(&text[run..i]);
            i += 2;
            run = i;
        } else {
            i += 1;
        }
    }
    out.push_str(&text[run..]);
    Cow::Owned(out)
}

/// Whether [`strip_markup`] has more to do than trim `text` (which is trimmed already).
pub fn has_markup(text: &str) -> bool {
    // One pass over the pairs: a markup byte first, or two spaces; and the last byte.
    let bytes = text.as_bytes();
    scan::find_pair(bytes, 0, |a, b| {
        is_markup_byte(a) | (a.is(b' ') & b.is(b' '))
    })
    .is_some()
        || bytes.last().is_some_and(|&b| is_markup_byte(b))
}

/// The bytes [`strip_markup`] removes or changes besides spaces: `#`, `>`, `*`, `_`, `\`, tab.
/// Comparisons, not a table, so that [`scan::find_byte`] is vectorised.
fn is_markup_byte<B: Bytes>(b: B) -> B::Mask {
    b.is(b'#') | b.is(b'>') | b.is(b'*') | b.is(b'_') | b.is(b'\\') | b.is(b'\t')
}

fn has_markup_byte(text: &str) -> bool {
    scan::find_byte(text.as_bytes(), 0, is_markup_byte).is_some()
}

/// Whether two spaces stand side by side in `text`.
pub fn has_double_space(text: &str) -> bool {
    scan::has_pair(text.as_bytes(), b' ')
}

/// Whether [`strip_markup`] would leave more than `n` chars of `text`, told without stripping:
/// it never removes a char other than white space and `#`, `>`, `*`, `_`, `\\`, so those it
/// keeps are counted (and the count stops past `n`).
pub fn stripped_longer_than(text: &str, n: usize) -> bool {
    if text.len() <= n {
        return false; // not even the bytes are enough
    }
    let mut kept = 0;
    for (i, &b) in text.as_bytes().iter().enumerate() {
        // Chars are counted at their first byte; only these lead bytes can start white space.
        let keeps = match b {
            0..0x80 => KEPT_ASCII[usize::from(b)],
            0xC2 | 0xE1 | 0xE2 | 0xE3 => !text[i..].starts_with(char::is_whitespace),
            0x80..0xC0 => false,
            _ => true,
        };
        kept += usize::from(keeps);
        if kept > n {
            return true;
        }
    }
    false
}

/// The ASCII bytes [`strip_markup`] always keeps: all but white space and `#>*_\\`.
const KEPT_ASCII: [bool; 128] = {
    let mut table = [false; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        table[b] = !(c.is_ascii_whitespace() || c == 0x0B)
            && !matches!(c, b'#' | b'>' | b'*' | b'_' | b'\\');
        b += 1;
    }
    table
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_stripped_from_lines() {
        assert_eq!(strip_markup("### **Met detectie**"), "Met detectie");
        assert_eq!(
            strip_markup("> Retouradres  Postbus 1"),
            "Retouradres Postbus 1"
        );
        assert_eq!(
            strip_markup("*KinderrechtenCollectief*"),
            "KinderrechtenCollectief"
        );
        assert_eq!(strip_markup("analyse \\(pdf\\)"), "analyse (pdf)");
    }

    /// The fold of white space and escapes, a char at a time: an escape (`\\` before ASCII
    /// punctuation) is dropped, and the char after it looked at in turn; a run of white space
    /// becomes one space. What [`fold`] must give.
    fn fold_char_by_char(t: &str) -> String {
        let chars: Vec<char> = t.chars().collect();
        let mut out = String::new();
        let mut after_space = false;
        for (k, &c) in chars.iter().enumerate() {
            if c == '\\' {
                if !chars.get(k + 1).is_some_and(char::is_ascii_punctuation) {
                    out.push(c);
                    after_space = false;
                }
            } else if c.is_whitespace() {
                if !after_space {
                    out.push(' ');
                    after_space = true;
                }
            } else {
                out.push(c);
                after_space = false;
            }
        }
        out.trim().to_string()
    }

    proptest::proptest! {
        /// Lines of words, spaces of every kind, escapes and non-ASCII chars, at every length
        /// around a chunk's: folded as a char at a time.
        #[test]
        fn the_fold_passes_over_plain_text_as_char_by_char(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "a", "woord", " ", "  ", "\t", "\u{a0}", "\u{3000}", "\u{b}", "\u{c}", "\r",
                    "é", "ë", "–", "\\", "\\(", "\\a", ".", "x1", "\u{85}",
                ]),
                0..120,
            )
        ) {
            let text = format!("x{}x", parts.concat());
            proptest::prop_assert_eq!(fold(&text), fold_char_by_char(&text));
        }
    }
}
