//! Notes: the block of rows smaller than the body at a page's bottom, each note opened by the
//! next number in order (set small or raised, or the expected one followed by a gap), and a
//! note's lines joined (a URL the line end broke goes on without a space).

use super::extract::Glyph;
use super::layout::Layout;
use super::rows::{Kind, Row};

impl Layout {
    /// The notes at the bottom of each page, in numbering order across the document.
    pub(super) fn find_notes(&mut self) {
        let mut expected = 1u32;
        let mut i = 0;
        while i < self.rows.len() {
            let page = self.rows[i].page;
            let end = (i..self.rows.len())
                .find(|&k| self.rows[k].page != page)
                .unwrap_or(self.rows.len());
            let body_rows: Vec<usize> = (i..end).filter(|&k| self.kinds[k] == Kind::Body).collect();
            // The block at the bottom: rows smaller than the body.
            let mut start = body_rows.len();
            while start > 0 && {
                let row = &self.rows[body_rows[start - 1]];
                row.size < 0.93 * self.body || opens_with_raised_number(row, self.body)
            } {
                start -= 1;
            }
            let block = &body_rows[start..];
            let mut current: Option<usize> = None;
            for &k in block {
                match self.note_number(k, expected) {
                    Some(n) => {
                        self.notes.push((n, vec![k]));
                        current = Some(self.notes.len() - 1);
                        expected = n + 1;
                        self.kinds[k] = Kind::Note;
                    }
                    None => {
                        if let Some(c) = current {
                            self.notes[c].1.push(k);
                            self.kinds[k] = Kind::Note;
                        }
                    }
                }
            }
            i = end;
        }
    }

    /// The number a row opens a note with: leading digits set smaller or raised, or plainly the
    /// expected number followed by a gap.
    fn note_number(&self, k: usize, expected: u32) -> Option<u32> {
        let row = &self.rows[k];
        let ink: Vec<&Glyph> = row.ink().collect();
        // The number is the leading digits set as the first is (a raised `1` before the
        // note's text `14603/19.` is note 1, not 114603).
        let raised = |g: &Glyph| g.y > row.y + 0.1 * g.size;
        let digits = match ink.first() {
            Some(first) if first.c.is_ascii_digit() => ink
                .iter()
                .take_while(|g| {
                    g.c.is_ascii_digit() && raised(g) == raised(first) && g.size == first.size
                })
                .count(),
            _ => 0,
        };
        if digits == 0 || digits > 3 || digits == ink.len() && ink.len() > 3 {
            return None;
        }
        let n: u32 = ink[..digits]
            .iter()
            .map(|g| g.c)
            .collect::<String>()
            .parse()
            .ok()?;
        let text_size = ink[digits..]
            .iter()
            .map(|g| g.size)
            .fold(0.0, f32::max)
            .max(row.size);
        let small = ink[..digits]
            .iter()
            .all(|g| g.size <= 0.9 * text_size || g.y > row.y + 0.1 * text_size);
        let gap = ink
            .get(digits)
            .is_none_or(|next| next.x - ink[digits - 1].end() > 0.15 * text_size);
        let in_order = n >= expected && n <= expected + 2;
        ((small && in_order) || (n == expected && gap)).then_some(n)
    }
}

/// Whether a row starts with a number set small and raised, as a note's number is.
fn opens_with_raised_number(row: &Row, body: f32) -> bool {
    let mut ink = row.ink();
    let Some(first) = ink.next() else {
        return false;
    };
    first.c.is_ascii_digit() && first.size <= 0.8 * body && first.y > row.y + 0.1 * first.size
}

/// Appends a note's next line: a URL the line end broke goes on without a space.
pub(super) fn join_note_line(text: &mut String, line: &str, prev_full: bool) {
    let last = text.split_whitespace().last().unwrap_or("");
    let url = last.contains("://") || last.starts_with("www.");
    let next = line.trim_start();
    let continues_url = url
        && prev_full
        && next
            .chars()
            .next()
            .is_some_and(|c| c.is_alphanumeric() || "/?&=#%_-.~".contains(c));
    if continues_url || (text.ends_with('-') && url) {
        text.push_str(next);
    } else if let Some(stem) = text.strip_suffix('-')
        && stem.chars().last().is_some_and(char::is_lowercase)
        && next.chars().next().is_some_and(char::is_lowercase)
    {
        text.push_str(next);
    } else {
        text.push(' ');
        text.push_str(next);
    }
}
