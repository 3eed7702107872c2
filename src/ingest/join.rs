//! Hard-wrapped lines joined again into a paragraph's text: with spaces, and a hyphen at a
//! line's end kept or removed by whether the letter writes the word whole elsewhere
//! ([`Words`]).

use std::borrow::Cow;
use std::cell::OnceCell;

use super::scan::{self, FastSet};

/// Joins hard-wrapped lines with spaces. A hyphen at a line end is kept when it is part of the
/// word (`VN-` + `Kinderrechtenverdrag`, `en -` + `uitbuiting`) and removed when it only split
/// a word the letter also writes whole (`ver-` + `ordening`).
pub fn join_lines(parts: &[&str], words: &Words<'_>) -> String {
    let mut out = String::with_capacity(parts.iter().map(|p| p.len() + 1).sum());
    for part in parts {
        append_line(&mut out, part, words);
    }
    out
}

/// Appends one more line to re-flowed text (see [`join_lines`]).
pub(super) fn append_line(out: &mut String, part: &str, words: &Words<'_>) {
    let part = scan::trim(part);
    if part.is_empty() {
        return;
    }
    if out.is_empty() {
        out.push_str(part);
        return;
    }
    if !out.ends_with('-') || out.ends_with("--") {
        out.push(' ');
        out.push_str(part);
        return;
    }
    // The last word, looked at from its last 64 bytes: a text without spaces stays linear.
    let tail = &out[out.floor_char_boundary(out.len().saturating_sub(64))..];
    let stem: String = tail
        .rsplit(' ')
        .next()
        .unwrap_or("")
        .trim_end_matches('-')
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == '-')
        .collect();
    let head: String = part.chars().take_while(|c| c.is_alphanumeric()).collect();
    let keeps_case = part.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        || stem.ends_with(|c: char| c.is_uppercase() || c.is_ascii_digit());
    let whole = format!("{stem}{head}").to_lowercase();
    let split_word = !stem.is_empty()
        && !keeps_case
        && words.contains(&whole)
        && !words.contains(&format!("{stem}-{head}").to_lowercase());
    if split_word {
        out.pop();
    }
    out.push_str(part);
}

/// Every word of the letter, lower-cased, for telling split words from hyphenated ones. The set
/// is gathered on the first question: most letters never ask.
#[derive(Debug, Default)]
pub struct Words<'a> {
    text: &'a str,
    set: OnceCell<FastSet<Cow<'a, str>>>,
}

impl<'a> Words<'a> {
    /// The words of `text`: runs of letters, digits and `-` longer than two bytes, without `-`
    /// at their ends.
    pub fn new(text: &'a str) -> Words<'a> {
        Words {
            text,
            set: OnceCell::new(),
        }
    }

    /// Whether `word` (lower case) is a word of the text.
    pub fn contains(&self, word: &str) -> bool {
        self.set.get_or_init(|| word_set(self.text)).contains(word)
    }
}

fn word_set(text: &str) -> FastSet<Cow<'_, str>> {
    let mut set = FastSet::default();
    let mut start = None; // byte offset where the current word started
    for (i, c) in text.char_indices() {
        let in_word = if c.is_ascii() {
            c.is_ascii_alphanumeric() || c == '-'
        } else {
            c.is_alphanumeric()
        };
        match (in_word, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                add_word(&mut set, &text[s..i]);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        add_word(&mut set, &text[s..]);
    }
    set
}

fn add_word<'a>(set: &mut FastSet<Cow<'a, str>>, word: &'a str) {
    if word.len() <= 2 {
        return;
    }
    let word = word.trim_matches('-');
    // Borrowed when lower-casing changes nothing (one char at a time; `Σ` changes anyway).
    let lower = word.chars().all(|c| {
        if c.is_ascii() {
            !c.is_ascii_uppercase()
        } else {
            let mut l = c.to_lowercase();
            l.next() == Some(c) && l.next().is_none()
        }
    });
    set.insert(if lower {
        Cow::Borrowed(word)
    } else {
        Cow::Owned(word.to_lowercase())
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hyphens_at_line_ends() {
        let w = Words::new("De verordening, en de Online-wereld.");
        assert_eq!(
            join_lines(&["het VN-", "Kinderrechtenverdrag"], &w),
            "het VN-Kinderrechtenverdrag"
        );
        assert_eq!(
            join_lines(&["misbruik en -", "uitbuiting"], &w),
            "misbruik en -uitbuiting"
        );
        assert_eq!(join_lines(&["de ver-", "ordening"], &w), "de verordening");
        assert_eq!(
            join_lines(&["de online-", "wereld"], &w),
            "de online-wereld"
        );
        assert_eq!(join_lines(&["een", "twee"], &w), "een twee");
    }
}
