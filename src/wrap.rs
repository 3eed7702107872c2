//! Greedy word wrapping by display width (unicode-width), returning byte ranges into the text
//! so callers can style and highlight the original characters. Shared by `brieven show` and the
//! reader's wrap cache.

use std::ops::Range;

use unicode_width::UnicodeWidthChar;

/// Splits `text` into lines of at most `width` columns, breaking at spaces; a word longer than
/// the width is cut. Each range excludes the spaces at the break. `width` 0 is treated as 1.
pub fn wrap(text: &str, width: usize) -> Vec<Range<usize>> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut start = 0; // start of the current line
    let mut line_width = 0; // columns used by the current line up to `last_end`
    let mut last_end = 0; // end of the last word placed on the line
    let mut pending_space = 0; // columns of spaces between `last_end` and the next word
    let mut iter = text.char_indices().peekable();
    while let Some(&(i, c)) = iter.peek() {
        if c == ' ' {
            if line_width > 0 || last_end > start {
                pending_space += 1;
            } else {
                start = i + 1;
                last_end = start;
            }
            iter.next();
            continue;
        }
        // Measure the word starting at i.
        let word_start = i;
        let mut word_end = i;
        let mut word_width = 0;
        while let Some(&(j, c)) = iter.peek() {
            if c == ' ' {
                break;
            }
            word_end = j + c.len_utf8();
            word_width += c.width().unwrap_or(0);
            iter.next();
        }
        if line_width + pending_space + word_width <= width {
            line_width += pending_space + word_width;
            last_end = word_end;
            pending_space = 0;
            continue;
        }
        if line_width > 0 {
            lines.push(start..last_end);
        }
        // Place the word on a fresh line, cutting it when it is wider than a line.
        let mut s = word_start;
        let mut w = 0;
        for (j, c) in text[word_start..word_end].char_indices() {
            let cw = c.width().unwrap_or(0);
            if w + cw > width && w > 0 {
                lines.push(s..word_start + j);
                s = word_start + j;
                w = 0;
            }
            w += cw;
        }
        start = s;
        last_end = word_end;
        line_width = w;
        pending_space = 0;
    }
    if last_end > start || lines.is_empty() {
        lines.push(start..last_end.max(start));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str, width: usize) -> Vec<&str> {
        wrap(text, width).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn wraps_at_spaces_within_the_width() {
        assert_eq!(lines("aa bb cc dd", 5), vec!["aa bb", "cc dd"]);
        assert_eq!(lines("aa  bb", 10), vec!["aa  bb"]);
        assert_eq!(lines("", 10), vec![""]);
    }

    #[test]
    fn cuts_words_wider_than_the_line() {
        assert_eq!(lines("abcdefgh ij", 3), vec!["abc", "def", "gh", "ij"]);
    }

    #[test]
    fn counts_columns_not_bytes() {
        // Each CJK character takes two columns; é takes one.
        assert_eq!(lines("日本語 é", 6), vec!["日本語", "é"]);
        assert_eq!(
            lines("één twee", 3),
            vec!["één", "twee".get(0..3).unwrap(), "e"]
        );
    }
}
