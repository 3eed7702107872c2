//! Text to lines: each line with its 1-based number, its trimmed text, whether it was indented,
//! and a first classification (blank, horizontal rule, note definition, text) that the later
//! passes refine. Also the measures of a letter's layout the passes share: whether the text is
//! hard-wrapped and double-spaced (PDF conversions), and its line width.

use std::borrow::Cow;
use std::cell::OnceCell;

use super::markup;
use super::scan::{self, Bytes, char_count, find_byte};

/// One line of the source.
#[derive(Debug, Clone)]
pub struct Line<'a> {
    /// 1-based line number.
    pub no: usize,
    /// The text without leading and trailing white space.
    pub text: &'a str,
    /// Whether the raw line started with white space (in PDF text: a page resuming).
    pub indented: bool,
    /// Length of `text` in chars.
    chars: usize,
    /// The text without Markdown markup or runs of white space, where it has any (`None`
    /// inside: the text is plain); found out when first asked (most long lines never are), and
    /// kept, since the passes ask again.
    plain: OnceCell<Option<Box<str>>>,
}

impl<'a> Line<'a> {
    pub fn is_blank(&self) -> bool {
        self.text.is_empty()
    }

    /// Length in chars of the trimmed text.
    #[allow(clippy::len_without_is_empty)] // `is_blank` is the emptiness test
    pub fn len(&self) -> usize {
        self.chars
    }

    /// The text without Markdown markup ([`markup::strip_markup`]), computed only for the
    /// lines that have any.
    pub fn plain(&self) -> &str {
        let stripped = self.plain.get_or_init(|| {
            if !markup::has_markup(self.text) {
                return None;
            }
            match markup::strip_markup(self.text) {
                Cow::Owned(s) => Some(s.into_boxed_str()),
                Cow::Borrowed(s) => (s != self.text).then(|| s.into()),
            }
        });
        stripped.as_deref().unwrap_or(self.text)
    }

    /// Keeps the text's first `len` bytes (a char boundary), without white space at the end:
    /// what a converter appended to the line is cut off.
    pub fn truncate(&mut self, len: usize) {
        if let Some(kept) = self.text.get(..len) {
            self.text = kept.trim_end();
            self.chars = self.text.chars().count();
            self.plain = OnceCell::new();
        }
    }

    /// Whether the line is a horizontal rule (`---`, `***`, `___`, `* * *`).
    pub fn is_rule(&self) -> bool {
        if !self.text.starts_with(['-', '*', '_']) {
            return false;
        }
        let compact: String = self.text.chars().filter(|c| !c.is_whitespace()).collect();
        compact.len() >= 3
            && (compact.chars().all(|c| c == '-')
                || compact.chars().all(|c| c == '*')
                || compact.chars().all(|c| c == '_'))
    }
}

/// Splits `text` (LF line ends) into lines.
pub fn split(text: &str) -> Vec<Line<'_>> {
    // Room for lines of 32 bytes on average, so that the vector seldom grows.
    let mut lines = Vec::with_capacity(1 + text.len() / 32);
    let ends = memchr::memchr_iter(b'\n', text.as_bytes()).chain([text.len()]);
    let mut start = 0;
    lines.extend(ends.enumerate().map(|(i, end)| {
        let raw = &text[start..end];
        start = end + 1;
        let text = scan::trim(raw);
        Line {
            no: i + 1,
            text,
            indented: raw.starts_with(char::is_whitespace) && !text.is_empty(),
            chars: char_count(text),
            plain: OnceCell::new(),
        }
    }));
    lines
}

/// The shape of the text: hard-wrapped and double-spaced like PDF text, or one line per
/// paragraph like Markdown.
#[derive(Debug, Clone, Copy)]
pub struct Shape {
    /// Lines are hard-wrapped at a fixed width and separated by blank lines.
    pub double_spaced: bool,
    /// Lines are hard-wrapped at a fixed width (double-spaced or not).
    pub hard_wrapped: bool,
    /// The width (chars) that full lines reach.
    pub width: usize,
}

/// Whether a line ends a sentence: `.`, `?`, `!` (optionally followed by a closing quote or
/// bracket and a trailing note number or superscript).
pub fn ends_sentence(text: &str) -> bool {
    // Most lines settle by their last byte: a stop ends a sentence, a letter or a comma does
    // not; only digits, closing marks and what is not ASCII need the full look.
    match text.as_bytes().last() {
        None => false,
        Some(b'.' | b'?' | b'!') => true,
        Some(b) if b.is_ascii_alphabetic() || matches!(b, b',' | b';' | b':' | b'-') => false,
        Some(_) => ends_sentence_marked(text),
    }
}

/// [`ends_sentence`] for a line whose last byte does not settle it.
fn ends_sentence_marked(text: &str) -> bool {
    let t = trim_note_marker(text);
    // Plain digits after a full stop are a note marker (`doen.4`), unless a digit stands before
    // the stop too: then they are a number (`ruim 41.604`).
    let before_digits = t.trim_end_matches(|c: char| c.is_ascii_digit());
    if before_digits.len() < t.len()
        && let Some(stop) = before_digits.strip_suffix(['.', ','])
        && stop.ends_with(|c: char| c.is_ascii_digit())
    {
        return false;
    }
    let t = before_digits.trim_end_matches(['"', '\'', '’', '”', ')', '*']);
    t.ends_with(['.', '?', '!'])
}

/// `text` without the note marker it ends in: `<sup>n</sup>`, `[^n]` or superscript digits.
pub fn trim_note_marker(text: &str) -> &str {
    let mut t = text.trim_end();
    if t.ends_with("</sup>")
        && let Some(open) = t.rfind("<sup>")
    {
        t = &t[..open];
    } else if t.ends_with(']')
        && let Some(open) = t.rfind("[^")
        && t[open + 2..t.len() - 1].bytes().all(|b| b.is_ascii_digit())
    {
        t = &t[..open];
    }
    t.trim_end_matches(is_superscript_digit)
}

/// Superscript digits as Word and Markdown converters write them.
pub fn is_superscript_digit(c: char) -> bool {
    superscript_value(c).is_some()
}

/// The value of a superscript digit.
pub fn superscript_value(c: char) -> Option<u32> {
    match c {
        '⁰' => Some(0),
        '¹' => Some(1),
        '²' => Some(2),
        '³' => Some(3),
        '⁴'..='⁹' => Some(c as u32 - '⁴' as u32 + 4),
        _ => None,
    }
}

/// Measures the shape of the lines in `range`.
pub fn shape(lines: &[&Line<'_>], markdown_possible: bool) -> Shape {
    let mut text_lines: Vec<&Line> = Vec::with_capacity(lines.len());
    text_lines.extend(lines.iter().copied().filter(|l| !l.is_blank()));
    let mut lengths: Vec<usize> = text_lines.iter().map(|l| l.len()).collect();
    lengths.sort_unstable();
    let width = lengths
        .get(lengths.len().saturating_sub(1) * 9 / 10)
        .copied()
        .unwrap_or(80);
    // Long lines that stop mid-sentence are hard-wrapped: at least half of them (counted
    // only as far as that is settled).
    let mut long: Vec<&&Line> = Vec::with_capacity(text_lines.len());
    long.extend(text_lines.iter().filter(|l| l.len() >= 40));
    let mostly_open = || {
        let needed = long.len().div_ceil(2);
        needed == 0
            || long
                .iter()
                .filter(|l| !ends_sentence(l.text) && !l.text.ends_with(':'))
                .nth(needed - 1)
                .is_some()
    };
    // Or, in text without Markdown, no line at all is longer than a printed line can be.
    let longest = lengths.last().copied().unwrap_or(0);
    let markdown = || markdown_possible && text_lines.iter().any(|l| has_markdown(l.text));
    let short_lines = || longest <= 130 && !markdown();
    let hard_wrapped = long.len() >= 4 && width <= 160 && (short_lines() || mostly_open());
    // In double-spaced text nearly every text line is followed by a blank line.
    let mut followed_by_blank = 0;
    for pair in lines.windows(2) {
        if !pair[0].is_blank() && pair[1].is_blank() {
            followed_by_blank += 1;
        }
    }
    let double_spaced = hard_wrapped && followed_by_blank * 3 >= text_lines.len() * 2;
    Shape {
        double_spaced,
        hard_wrapped,
        width,
    }
}

/// Whether a text may have a line with Markdown ([`has_markdown`]): it holds a byte that
/// starts one. One pass over the whole text, so that text without any (most PDF text) is not
/// looked at line by line.
pub fn may_have_markdown(text: &str) -> bool {
    find_byte(text.as_bytes(), 0, |b| b.is(b'*') | b.is(b'<') | b.is(b'#')).is_some()
}

/// Whether a line has Markdown that PDF text never has: a `#` heading, `**` bold or a `<sup>`
/// note.
fn has_markdown(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(i) = find_byte(bytes, from, |b| b.is(b'*') | b.is(b'<')) {
        if bytes[i..].starts_with(b"**") || bytes[i..].starts_with(b"<sup>") {
            return true;
        }
        from = i + 1;
    }
    text.starts_with('#')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_numbered_trimmed_and_marked_indented() {
        let lines = split("a\n  b  \n\n ");
        assert_eq!(lines.len(), 4);
        assert_eq!(
            (lines[1].no, lines[1].text, lines[1].indented),
            (2, "b", true)
        );
        assert!(lines[3].is_blank() && !lines[3].indented);
    }

    #[test]
    fn rules_and_sentence_ends() {
        assert!(split("---")[0].is_rule());
        assert!(split("* * *")[0].is_rule());
        assert_eq!(split("").len(), 1);
        assert_eq!(
            split("a\n").iter().map(|l| l.text).collect::<Vec<_>>(),
            ["a", ""]
        );
        assert!(has_markdown("# Kop") && has_markdown("a **b**") && has_markdown("x<sup>1</sup>"));
        assert!(!has_markdown("a * b < c") && !has_markdown("a <su"));
        assert!(!split("--")[0].is_rule());
        assert!(ends_sentence("wilden doen.4"));
        assert!(ends_sentence("categorie (Category A).8"));
        assert!(ends_sentence("gewaarborgd.¹²"));
        assert!(ends_sentence("nodig?"));
        assert!(ends_sentence("rechten.<sup>1</sup>"));
        assert!(!ends_sentence("alarmerend:"));
        assert!(!ends_sentence("baby’s en"));
        assert!(
            !ends_sentence("ruim 41.604"),
            "a number, not a sentence end"
        );
        assert!(ends_sentence("in 2023.¹"));
    }

    proptest::proptest! {
        /// A line's last byte settles `ends_sentence` only where the full look agrees.
        #[test]
        fn ends_sentence_shortcut_agrees_with_the_full_look(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "a", "Z", "1", "4", ".", ",", ";", ":", "-", "?", "!", " ", "\u{a0}", ")", "\"",
                "’", "”", "*", "¹", "²", "<sup>1</sup>", "[^2]", "]", "é", "\u{1F600}",
            ]), 0..12),
        ) {
            let text = parts.concat();
            proptest::prop_assert_eq!(ends_sentence(&text), ends_sentence_marked(&text));
        }
    }

    proptest::proptest! {
        /// Counting open lines only as far as half of them is the same as counting them all.
        #[test]
        fn shape_is_as_counted_in_full(
            kinds in proptest::collection::vec(0u8..5, 0..40),
        ) {
            let text: Vec<String> = kinds
                .iter()
                .map(|k| match k {
                    0 => String::new(),
                    1 => "woorden ".repeat(6) + "open",
                    2 => "woorden ".repeat(6) + "dicht.",
                    3 => "kort".into(),
                    _ => "woorden ".repeat(20) + "lang.",
                })
                .collect();
            let text = text.join("\n");
            let lines = split(&text);
            let refs: Vec<&Line> = lines.iter().collect();
            let got = shape(&refs, false);
            // The definition, counted in full.
            let text_lines: Vec<&Line> = lines.iter().filter(|l| !l.is_blank()).collect();
            let long: Vec<&&Line> = text_lines.iter().filter(|l| l.len() >= 40).collect();
            let open = long
                .iter()
                .filter(|l| !ends_sentence(l.text) && !l.text.ends_with(':'))
                .count();
            let longest = text_lines.iter().map(|l| l.len()).max().unwrap_or(0);
            let hard = long.len() >= 4 && (open * 2 >= long.len() || longest <= 130) && got.width <= 160;
            proptest::prop_assert_eq!(got.hard_wrapped, hard);
        }
    }
}
