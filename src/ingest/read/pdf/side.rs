//! The side column: a gutter that no row (or almost none) crosses from the page's top to its
//! bottom, found from how many rows' runs of text cover each point across, with a narrow
//! column of words on one side (a letterhead's: ministry, address, `Kenmerk`, `Datum`).

use super::extract::Glyph;
use super::rows::Row;

/// A side column: the glyphs left of `end` (a column at the left edge) or right of `start`.
#[derive(Debug, Clone, Copy)]
pub(super) struct Side {
    pub(super) right: bool,
    at: f32,
}

impl Side {
    pub(super) fn holds(&self, g: &Glyph) -> bool {
        if g.c.is_whitespace() && !self.right {
            return g.x < self.at;
        }
        if self.right {
            g.x >= self.at
        } else {
            g.end() <= self.at
        }
    }
}

/// The page's side column, where one stands: a gutter no row crosses, from the page's top to
/// its bottom, with a narrow column of at least three rows on one side and the body on the
/// other.
pub(super) fn side_column(rows: &[Row], body: f32) -> Option<Side> {
    let (lo, hi) = rows
        .iter()
        .fold((f32::INFINITY, f32::NEG_INFINITY), |(lo, hi), r| {
            (lo.min(r.x0()), hi.max(r.x1()))
        });
    if !(hi - lo).is_finite() || hi - lo < 10.0 * body {
        return None;
    }
    let bins = ((hi - lo).ceil() as usize + 1).min(4000);
    let scale = bins as f32 / (hi - lo + 1.0);
    let mut cover = vec![0u32; bins];
    for row in rows {
        // Runs of text: glyphs with gaps narrower than a wide word space.
        let mut run: Option<(f32, f32)> = None;
        let mut runs = Vec::new();
        for g in row.ink() {
            match &mut run {
                Some((_, end)) if g.x - *end < 1.0 * row.size => *end = end.max(g.end()),
                _ => {
                    if let Some(r) = run.take() {
                        runs.push(r);
                    }
                    run = Some((g.x, g.end()));
                }
            }
        }
        runs.extend(run);
        for (a, b) in runs {
            let a = (((a - lo) * scale) as usize).min(bins - 1);
            let b = (((b - lo) * scale) as usize).min(bins - 1);
            for c in &mut cover[a..=b] {
                *c += 1;
            }
        }
    }
    // The widest gutter between 10% and 90% of the width that (almost) no row crosses: a
    // line of the body may run a letter or two into it.
    let crossing = (rows.len() / 25) as u32;
    let mut best: Option<(usize, usize)> = None;
    let mut i = bins / 10;
    while i < bins * 9 / 10 {
        if cover[i] <= crossing {
            let start = i;
            while i < bins && cover[i] <= crossing {
                i += 1;
            }
            if best.is_none_or(|(a, b)| i - start > b - a) {
                best = Some((start, i));
            }
        }
        i += 1;
    }
    let (a, b) = best?;
    let (a, b) = (lo + a as f32 / scale, lo + b as f32 / scale);
    if b - a < 0.5 * body {
        return None;
    }
    let count = |left: bool| -> (usize, usize) {
        let mut glyphs = 0;
        let mut with = 0;
        for row in rows {
            // The rows whose part on that side holds a word: a column of bullets or numbers
            // is no side column.
            let (n, letters) = row
                .ink()
                .filter(|g| {
                    if left {
                        g.end() <= a + 0.5
                    } else {
                        g.x >= b - 0.5
                    }
                })
                .fold((0, 0), |(n, l), g| {
                    (n + 1, l + usize::from(g.c.is_alphabetic()))
                });
            glyphs += n;
            with += usize::from(letters >= 2);
        }
        (glyphs, with)
    };
    let (left, left_rows) = count(true);
    let (right, right_rows) = count(false);
    let right_side = right < left;
    let (side, side_rows, width) = if right_side {
        (right, right_rows, hi - b)
    } else {
        (left, left_rows, a - lo)
    };
    if side_rows < 3 || side * 2 > left + right || width > 0.4 * (hi - lo) {
        return None;
    }
    Some(Side {
        right: right_side,
        at: if right_side { b - 0.5 } else { a + 0.5 },
    })
}
