//! The whole document's layout: every page's rows (the side column split off where a
//! letterhead has one), what each row is (body, aside, furniture, note), the body's size,
//! right edge and leading, and the words the body writes whole.

use std::collections::{HashMap, HashSet};

use super::extract::{Glyph, Pages};
use super::furniture::mark_furniture;
use super::rows::{Kind, Row, plain, row_pieces, rows_of};
use super::side::side_column;

/// The whole document's layout.
pub(super) struct Layout {
    pub(super) rows: Vec<Row>,
    /// Each row's text with raised digits as digits, made once ([`row_pieces`] without
    /// notes): what furniture, words, notes and the side column read.
    pub(super) texts: Vec<String>,
    pub(super) kinds: Vec<Kind>,
    /// The size of the body text.
    pub(super) body: f32,
    /// Where the body's lines end.
    pub(super) right: f32,
    /// The usual distance from one line of a paragraph to the next, in body sizes.
    pub(super) leading: f32,
    pub(super) notes: Vec<(u32, Vec<usize>)>,
    pub(super) warnings: Vec<String>,
}

impl Layout {
    pub(super) fn new(pages: Pages) -> Layout {
        let body = body_size(&pages.pages);
        let mut rows = Vec::new();
        // A letterhead's side column starts on the first page; a column that first appears
        // further on is a table's or a list's (numbers in a column of their own), not one.
        let mut first_page = true;
        let mut letterhead = false;
        for (p, glyphs) in pages.pages.into_iter().enumerate() {
            let page = rows_of(p as u32 + 1, glyphs);
            let side = if first_page || letterhead {
                side_column(&page, body)
            } else {
                None
            };
            if first_page && !page.is_empty() {
                first_page = false;
                letterhead = side.is_some();
            }
            match side {
                Some(side) => {
                    for row in page {
                        let (inside, outside): (Vec<Glyph>, Vec<Glyph>) =
                            row.glyphs.iter().partition(|g| side.holds(g));
                        // A line that runs across the gutter without a gap stays whole: a
                        // body line into a right column, a title over a left one (`Tweede
                        // Kamer der Staten-Generaal` over `32 545`, `Nr. 143`).
                        let (before, after) = if side.right {
                            (&outside, &inside)
                        } else {
                            (&inside, &outside)
                        };
                        let ink_end = before
                            .iter()
                            .filter(|g| !g.c.is_whitespace())
                            .map(Glyph::end)
                            .fold(f32::NEG_INFINITY, f32::max);
                        let ink_start = after
                            .iter()
                            .filter(|g| !g.c.is_whitespace())
                            .map(|g| g.x)
                            .fold(f32::INFINITY, f32::min);
                        if ink_start - ink_end < 0.3 * row.size {
                            rows.push((row, Kind::Body));
                            continue;
                        }
                        let body_part = Row::new(row.page, outside);
                        if !body_part.is_blank() {
                            rows.push((body_part, Kind::Body));
                        }
                        let side_part = Row::new(row.page, inside);
                        if !side_part.is_blank() {
                            rows.push((side_part, Kind::Aside));
                        }
                    }
                }
                None => rows.extend(page.into_iter().map(|row| (row, Kind::Body))),
            }
        }
        let right = right_edge(
            rows.iter()
                .filter(|(_, k)| *k == Kind::Body)
                .map(|(r, _)| r),
            body,
        );
        let (rows, mut kinds): (Vec<Row>, Vec<Kind>) = rows.into_iter().unzip();
        let texts: Vec<String> = rows
            .iter()
            .map(|row| plain(&row_pieces(row, &|_| false)))
            .collect();
        mark_furniture(&rows, &texts, &mut kinds);
        let leading = leading(&rows, &kinds, body);
        let mut layout = Layout {
            rows,
            texts,
            kinds,
            body,
            right,
            leading,
            notes: Vec::new(),
            warnings: pages.warnings,
        };
        layout.find_notes();
        layout
    }

    /// Every word of the body, lowercased: a line-end hyphen is dropped only where the
    /// document writes the word whole.
    pub(super) fn words(&self) -> HashSet<String> {
        let mut words = HashSet::new();
        for (text, kind) in self.texts.iter().zip(&self.kinds) {
            if *kind != Kind::Body {
                continue;
            }
            for w in text.split_whitespace() {
                let w = w.trim_matches(|c: char| !c.is_alphanumeric());
                if w.len() > 3 && !w.contains('-') {
                    words.insert(w.to_lowercase());
                }
            }
        }
        words
    }
}

/// The most common distance between consecutive body rows of a page at the body size, in
/// body sizes (1.15-1.2 for single spacing, 1.7 for a letter set at 1.5): the leading the
/// paragraph gaps are measured against. 1.2 when the document has too few lines to tell.
fn leading(rows: &[Row], kinds: &[Kind], body: f32) -> f32 {
    let mut counts: HashMap<i32, usize> = HashMap::new();
    let mut prev: Option<&Row> = None;
    for (row, kind) in rows.iter().zip(kinds) {
        if *kind != Kind::Body || (row.size - body).abs() > 0.12 * body {
            continue;
        }
        if let Some(p) = prev.filter(|p| p.page == row.page) {
            let ratio = (p.y - row.y) / body;
            if (0.9..3.0).contains(&ratio) {
                *counts.entry((ratio * 20.0).round() as i32).or_default() += 1;
            }
        }
        prev = Some(row);
    }
    counts
        .into_iter()
        .filter(|&(_, n)| n >= 5)
        .max_by_key(|&(bucket, n)| (n, -bucket))
        .map_or(1.2, |(bucket, _)| bucket as f32 / 20.0)
}

/// The size most of the document's glyphs are set in.
fn body_size(pages: &[Vec<Glyph>]) -> f32 {
    let mut counts: HashMap<i32, usize> = HashMap::new();
    for g in pages.iter().flatten().filter(|g| !g.c.is_whitespace()) {
        *counts.entry((g.size * 2.0).round() as i32).or_default() += 1;
    }
    counts
        .into_iter()
        .max_by_key(|&(size, n)| (n, size))
        .map_or(10.0, |(size, _)| size as f32 / 2.0)
}

/// Where the body's lines end: the right edge that most rows of the body size reach.
fn right_edge<'a>(rows: impl Iterator<Item = &'a Row>, body: f32) -> f32 {
    let mut ends: Vec<f32> = rows
        .filter(|r| (r.size - body).abs() <= 0.1 * body)
        .map(Row::x1)
        .collect();
    ends.sort_by(f32::total_cmp);
    let at = (ends.len() as f32 * 0.9) as usize;
    ends.get(at.min(ends.len().saturating_sub(1)))
        .copied()
        .unwrap_or(f32::INFINITY)
}
