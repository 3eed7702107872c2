//! Rows and words: glyphs grouped by baseline (a small raised group joins the row below it:
//! note markers), a row's words split where the gap between glyphs is a fifth of the size or
//! more, a gap of two sizes a table's cell, and raised small digits made markers when their
//! note exists.

use super::extract::Glyph;
use super::paras::is_bullet_text;

/// A row of glyphs on one baseline, left to right.
#[derive(Debug, Clone)]
pub(super) struct Row {
    pub(super) page: u32,
    pub(super) y: f32,
    /// The median size of its glyphs that are not white space.
    pub(super) size: f32,
    pub(super) glyphs: Vec<Glyph>,
}

impl Row {
    pub(super) fn new(page: u32, mut glyphs: Vec<Glyph>) -> Row {
        glyphs.sort_by(|a, b| a.x.total_cmp(&b.x));
        // A glyph printed twice at (almost) one place (fake bold) is one glyph.
        glyphs.dedup_by(|b, a| a.c == b.c && (b.x - a.x).abs() < 0.3 * a.w.max(0.5));
        let y = baseline(&glyphs);
        let size = median_size(&glyphs);
        Row {
            page,
            y,
            size,
            glyphs,
        }
    }

    pub(super) fn ink(&self) -> impl Iterator<Item = &Glyph> {
        self.glyphs.iter().filter(|g| !g.c.is_whitespace())
    }

    pub(super) fn x0(&self) -> f32 {
        self.ink().map(|g| g.x).fold(f32::INFINITY, f32::min)
    }

    pub(super) fn x1(&self) -> f32 {
        self.ink().map(Glyph::end).fold(f32::NEG_INFINITY, f32::max)
    }

    pub(super) fn bold(&self) -> bool {
        let mut ink = self
            .ink()
            .filter(|g| !g.c.is_ascii_punctuation())
            .peekable();
        ink.peek().is_some() && ink.all(|g| g.bold)
    }

    pub(super) fn italic(&self) -> bool {
        let mut ink = self
            .ink()
            .filter(|g| !g.c.is_ascii_punctuation())
            .peekable();
        ink.peek().is_some() && ink.all(|g| g.italic)
    }

    pub(super) fn is_blank(&self) -> bool {
        self.ink().next().is_none()
    }
}

/// The baseline most of a row's glyphs stand on.
fn baseline(glyphs: &[Glyph]) -> f32 {
    let big = glyphs
        .iter()
        .filter(|g| !g.c.is_whitespace())
        .map(|g| g.size)
        .fold(0.0, f32::max);
    let mut ys: Vec<f32> = glyphs
        .iter()
        .filter(|g| !g.c.is_whitespace() && g.size >= 0.85 * big)
        .map(|g| g.y)
        .collect();
    if ys.is_empty() {
        ys = glyphs.iter().map(|g| g.y).collect();
    }
    ys.sort_by(f32::total_cmp);
    ys.get(ys.len() / 2).copied().unwrap_or(0.0)
}

fn median_size(glyphs: &[Glyph]) -> f32 {
    let mut sizes: Vec<f32> = glyphs
        .iter()
        .filter(|g| !g.c.is_whitespace())
        .map(|g| g.size)
        .collect();
    if sizes.is_empty() {
        sizes = glyphs.iter().map(|g| g.size).collect();
    }
    sizes.sort_by(f32::total_cmp);
    sizes.get(sizes.len() / 2).copied().unwrap_or(0.0)
}

/// The rows of one page, top to bottom.
pub(super) fn rows_of(page: u32, mut glyphs: Vec<Glyph>) -> Vec<Row> {
    glyphs.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.x.total_cmp(&b.x)));
    let mut groups: Vec<Vec<Glyph>> = Vec::new();
    let mut top = f32::NAN;
    for g in glyphs {
        match groups.last_mut() {
            Some(group) if (top - g.y).abs() <= 0.2 * g.size.max(1.0) => group.push(g),
            _ => {
                top = g.y;
                groups.push(vec![g]);
            }
        }
    }
    // A group of small glyphs just above a row, within its height, is raised text of that row
    // (note markers); glyphs of a group are moved where they sit between the row's glyphs.
    let mut rows: Vec<Row> = Vec::new();
    let mut pending: Vec<Vec<Glyph>> = Vec::new();
    for group in groups {
        let row = Row::new(page, group);
        if row.is_blank() {
            continue;
        }
        let raised = |small: &Vec<Glyph>| {
            let y = small[0].y;
            let size = small.iter().map(|g| g.size).fold(0.0, f32::max);
            size <= 0.85 * row.size && y > row.y && y - row.y <= 0.6 * row.size
        };
        let (merge, keep): (Vec<_>, Vec<_>) = pending.drain(..).partition(|p| raised(p));
        for p in keep {
            rows.push(Row::new(page, p));
        }
        let mut row = row;
        if !merge.is_empty() {
            let y = row.y;
            let mut glyphs = row.glyphs;
            glyphs.extend(merge.into_iter().flatten());
            row = Row::new(page, glyphs);
            row.y = y;
        }
        // A row of small glyphs may itself be the raised part of the row below.
        let small = row.ink().all(|g| g.c.is_ascii_digit() || g.c == ',');
        if small && row.glyphs.len() <= 8 {
            pending.push(row.glyphs);
        } else {
            rows.push(row);
        }
    }
    for p in pending {
        rows.push(Row::new(page, p));
    }
    rows.sort_by(|a, b| b.y.total_cmp(&a.y));
    rows
}

/// What a row (or the part of one) is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Body,
    Aside,
    Furniture,
    Note,
}

/// A piece of a row's text: text, or a note marker.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Piece {
    Text(String),
    Marker(u32),
    /// A gap as wide as two spaces or more inside a row: between a table's cells.
    Cell,
}

/// A row's text, words split by their gaps; raised small digits are markers when
/// `is_note(n)`.
pub(super) fn row_pieces(row: &Row, is_note: &dyn Fn(u32) -> bool) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::new();
    let mut text = String::new();
    let ink: Vec<(usize, &Glyph)> = row
        .glyphs
        .iter()
        .enumerate()
        .filter(|(_, g)| !g.c.is_whitespace())
        .collect();
    let raised = |g: &Glyph| {
        g.c.is_ascii_digit() && g.size <= 0.8 * row.size && g.y - row.y >= 0.15 * row.size
    };
    let mut k = 0;
    let mut prev: Option<(usize, &Glyph)> = None;
    while k < ink.len() {
        let (i, g) = ink[k];
        // A run of raised digits: a marker.
        if raised(g) {
            let mut j = k;
            let mut digits = String::new();
            while j < ink.len() && raised(ink[j].1) && digits.len() < 3 {
                digits.push(ink[j].1.c);
                j += 1;
            }
            if let Ok(n) = digits.parse::<u32>()
                && is_note(n)
            {
                if !text.is_empty() {
                    out.push(Piece::Text(std::mem::take(&mut text)));
                }
                out.push(Piece::Marker(n));
                prev = Some(ink[j - 1]);
                k = j;
                continue;
            }
        }
        if let Some((pi, p)) = prev
            && is_space(row, pi, p, i, g)
        {
            if g.x - p.end() >= 2.0 * row.size {
                out.push(Piece::Text(std::mem::take(&mut text)));
                out.push(Piece::Cell);
            } else {
                text.push(' ');
            }
        }
        text.push(g.c);
        prev = Some((i, g));
        k += 1;
    }
    if !text.is_empty() {
        out.push(Piece::Text(text));
    }
    // A section number or a bullet in a column of its own (`1.1.` or `•` then a tab) is no
    // table cell.
    if let [Piece::Text(number), Piece::Cell, Piece::Text(_), ..] = out.as_slice()
        && (is_section_number(number) || is_bullet_text(number))
    {
        out.remove(1);
        if let [Piece::Text(number), Piece::Text(rest), ..] = out.as_mut_slice() {
            let rest = std::mem::take(rest);
            number.push(' ');
            number.push_str(&rest);
        }
        out.remove(1);
    }
    out
}

/// Where the value starts in a row that opens with a short label ending in a colon in a cell
/// of its own (`Origine:`, `Subject:`, `Betreft:` then a tab), as a document's head table has.
pub(super) fn label_value_x(row: &Row, pieces: &[Piece]) -> Option<f32> {
    let [Piece::Text(label), Piece::Cell, ..] = pieces else {
        return None;
    };
    let label = label.trim();
    if !label.ends_with(':') || label.chars().count() > 30 {
        return None;
    }
    let ink: Vec<&Glyph> = row.ink().collect();
    ink.windows(2)
        .find(|w| w[1].x - w[0].end() >= 2.0 * row.size)
        .map(|w| w[1].x)
}

/// `1`, `1.`, `1.1`, `2.3.` , `a)`, `IV.`: the number of a section or list item.
fn is_section_number(text: &str) -> bool {
    let t = text.trim();
    let t = t.strip_suffix(['.', ')']).unwrap_or(t);
    !t.is_empty()
        && t.len() <= 8
        && (t
            .split('.')
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
            || (t.chars().count() == 1 && t.chars().all(|c| c.is_ascii_lowercase()))
            || t.chars().all(|c| matches!(c, 'I' | 'V' | 'X')))
}

/// Whether a word space stands between glyph `p` (index `pi`) and the next glyph `g`: a gap
/// of a fifth of the size or more (the narrowest word space of common fonts; kerning that
/// letter-spaces `P agina` leaves less), or a space character that wide (for its own size)
/// the next glyph does not stand over.
fn is_space(row: &Row, pi: usize, p: &Glyph, i: usize, g: &Glyph) -> bool {
    let size = p.size.min(g.size).max(1.0);
    let gap = g.x - p.end();
    if gap >= 0.2 * size {
        return true;
    }
    // A space set in a smaller size than the words (as some PDF makers set them) is measured
    // against its own size.
    row.glyphs[pi + 1..i].iter().any(|s| {
        s.c.is_whitespace() && s.w >= 0.2 * size.min(s.size.max(1.0)) && g.x >= s.x + 0.6 * s.w
    })
}

pub(super) fn plain(pieces: &[Piece]) -> String {
    let mut s = String::new();
    for p in pieces {
        match p {
            Piece::Text(t) => s.push_str(t),
            Piece::Cell => s.push(' '),
            Piece::Marker(_) => {}
        }
    }
    s
}
