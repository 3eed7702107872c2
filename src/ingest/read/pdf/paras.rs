//! Paragraphs: the body's rows split where the spacing widens, the weight, slant or size
//! changes, a list item starts, a value stands under its label, or a line ends a sentence
//! short of the right edge where the next line's first word would have fitted; a paragraph a
//! page break cuts mid-sentence goes on. Short blocks wholly in bold are headings. A line-end
//! hyphen is dropped where the document writes the word whole.

use std::collections::HashSet;

use super::extract::Glyph;
use super::layout::Layout;
use super::rows::{Kind, Piece, Row, label_value_x, plain, row_pieces};

impl Layout {
    /// The body's rows as paragraphs, in reading order.
    pub(super) fn paragraphs(&self, is_note: &dyn Fn(u32) -> bool) -> Vec<Para> {
        let mut paras: Vec<Para> = Vec::new();
        let mut prev: Option<usize> = None;
        let mut page_end_open = false;
        for k in 0..self.rows.len() {
            if self.kinds[k] != Kind::Body {
                continue;
            }
            let row = &self.rows[k];
            let pieces = row_pieces(row, is_note);
            let text = plain(&pieces);
            let mut item = list_item(row);
            let bold = row.bold();
            let italic = row.italic() && !bold;
            let new_page = prev.is_none_or(|p| self.rows[p].page != row.page);
            let value_x = label_value_x(row, &pieces);
            let mut start = true;
            let mut gap_before = false;
            if let (Some(p), Some(para)) = (prev, paras.last()) {
                let prow = &self.rows[p];
                let pitch = prow.y - row.y;
                if value_x.is_some() {
                    // A label and its value (`Objet:`, `From:` in a table): a row of its own.
                    gap_before = pitch > 2.5 * row.size;
                } else if para.value_x.is_some_and(|x| {
                    !new_page && (row.x0() - x).abs() < 0.5 * row.size && pitch < 2.5 * row.size
                }) {
                    // A value's next lines stand under it, whatever their style.
                    start = false;
                    item = None;
                } else if new_page {
                    // A paragraph the page break cuts mid-sentence goes on.
                    start = !(page_end_open
                        && item.is_none()
                        && !para.bold
                        && !para.italic
                        && !bold
                        && !italic
                        && (row.size - prow.size).abs() <= 0.12 * prow.size);
                    gap_before = start;
                } else {
                    // Wider than the usual leading: a blank line, or more (a letter set with
                    // a leading of 1.7 has its paragraphs further apart still).
                    let wide = pitch > row.size.max(prow.size) * 1.7f32.max(1.3 * self.leading);
                    gap_before = wide;
                    let size_change = (row.size - prow.size).abs() > 0.12 * prow.size;
                    let short = self.ends_short(p, row);
                    let back_left =
                        para.kind == ParaKind::ListItem && row.x0() < para.indent - 0.5 * row.size;
                    start = wide
                        || size_change
                        || bold != para.bold
                        || italic != para.italic
                        || item.is_some()
                        || short
                        || back_left;
                }
            }
            if start {
                let (kind, indent, pieces) = match item {
                    Some((indent, skip)) => (ParaKind::ListItem, indent, drop_chars(pieces, skip)),
                    None => (ParaKind::Plain, row.x0(), pieces),
                };
                paras.push(Para {
                    value_x,
                    italic,
                    cells: pieces.contains(&Piece::Cell),
                    rows: vec![(pieces, row.page)],
                    kind,
                    bold,
                    gap_before,
                    indent,
                    size: row.size,
                });
            } else if let Some(para) = paras.last_mut() {
                para.cells |= pieces.contains(&Piece::Cell);
                para.rows.push((pieces, row.page));
            }
            page_end_open = !ends_sentence(&text);
            prev = Some(k);
        }
        // Short blocks wholly in bold are headings.
        for i in 0..paras.len() {
            let after_heading = i > 0 && matches!(paras[i - 1].kind, ParaKind::Heading(_));
            let before_text = paras.get(i + 1).is_some_and(|n| !n.bold && !n.italic);
            let para = &mut paras[i];
            let chars = para
                .rows
                .iter()
                .map(|(l, _)| plain(l).chars().count())
                .sum::<usize>();
            let last = para.rows.last().map(|(l, _)| plain(l)).unwrap_or_default();
            let mut stops = last.trim_end().ends_with(['.', ';', ',']);
            // One bold sentence between a heading and the running text is a heading under it
            // (`The EU's long-term commitment ... in the EU.`), not a paragraph in bold.
            let one_sentence = {
                let text = plain(&para.joined(&HashSet::new()));
                let t = text.trim_end();
                t.ends_with('.') && !t[..t.len() - 1].contains(". ")
            };
            if para.bold && after_heading && before_text && one_sentence {
                stops = false;
            }
            let styled = para.bold || (para.italic && para.rows.len() == 1);
            // A numbered line in bold is a numbered heading, not a list item.
            let numbered = para.kind == ParaKind::ListItem && para.bold && para.rows.len() == 1;
            if styled
                && (para.kind == ParaKind::Plain || numbered)
                && para.rows.len() <= 3
                && chars <= 160
                && !stops
                && !para.cells
            {
                let text = plain(&para.rows[0].0);
                let level = if para.size > 1.15 * self.body {
                    1
                } else {
                    heading_level(&text)
                };
                para.kind = ParaKind::Heading(level);
            }
        }
        paras
    }

    /// Whether row `prow` ends its paragraph although no spacing says so: it ends a sentence
    /// short of the right edge, where the next row's first word would have fitted.
    fn ends_short(&self, p: usize, row: &Row) -> bool {
        let prow = &self.rows[p];
        // Or a short line that ends no sentence, as names under a motion do (`Inge van Dijk`
        // over `Grinwis`): set short on purpose where the next word would have fitted.
        let text = self.texts[p].trim_end();
        let short = prow.x1() - prow.x0() < 0.6 * (self.right - prow.x0())
            && !text.ends_with([',', '-', '–', ';', ':'])
            && !is_function_word(text.split_whitespace().last().unwrap_or(""))
            && text.chars().any(char::is_alphabetic);
        if !(ends_sentence(text) || short) || (prow.x0() - row.x0()).abs() > 0.5 * row.size {
            return false;
        }
        let first_word_end = row
            .ink()
            .scan(None::<&Glyph>, |prev, g| {
                let stop = prev.is_some_and(|p| g.x - p.end() > 0.18 * g.size);
                *prev = Some(g);
                Some((stop, g.end()))
            })
            .take_while(|(stop, _)| !stop)
            .last()
            .map_or(0.0, |(_, end)| end);
        let word = first_word_end - row.x0();
        prow.x1() + word + 0.5 * row.size < self.right
    }
}

/// Whether a line ends a sentence (markers, quotes and brackets after the stop ignored).
pub(super) fn ends_sentence(text: &str) -> bool {
    let t = text
        .trim_end()
        .trim_end_matches(['"', '\'', '’', '”', ')', '»']);
    t.ends_with(['.', '!', '?', ':', ';'])
}

/// A list item's marker at the start of a row: the indent of its text and how many characters
/// to drop (a bullet is dropped, a number kept).
fn list_item(row: &Row) -> Option<(f32, usize)> {
    let ink: Vec<&Glyph> = row.ink().collect();
    let first = ink.first()?;
    let gap_after = |n: usize| {
        ink.get(n)
            .is_some_and(|g| g.x - ink[n - 1].end() > 0.25 * row.size)
    };
    if is_bullet(first.c) && gap_after(1) {
        return Some((ink[1].x, 1));
    }
    // `1.`, `12)`, `a)`, `b.` followed by a tab-like gap.
    let n = ink.iter().take_while(|g| g.c.is_ascii_digit()).count();
    let n = if n == 0 && ink.len() > 1 && first.c.is_ascii_lowercase() {
        1
    } else {
        n
    };
    if (1..=2).contains(&n)
        && ink.get(n).is_some_and(|g| matches!(g.c, '.' | ')'))
        && ink
            .get(n + 1)
            .is_some_and(|g| g.x - ink[n].end() > 0.6 * row.size)
    {
        return Some((ink[n + 1].x, 0));
    }
    None
}

/// A list's bullet glyph (symbol fonts' private-use glyphs included).
fn is_bullet(c: char) -> bool {
    matches!(
        c,
        '•' | '·' | '▪' | '■' | '●' | '○' | '◦' | '–' | '-' | '*' | '►' | '➢' | '✓'
    ) || ('\u{F000}'..='\u{F0FF}').contains(&c)
}

/// A bullet alone: `•`.
pub(super) fn is_bullet_text(text: &str) -> bool {
    let mut chars = text.trim().chars();
    chars.next().is_some_and(is_bullet) && chars.next().is_none()
}

fn drop_chars(mut pieces: Vec<Piece>, skip: usize) -> Vec<Piece> {
    if skip == 0 {
        return pieces;
    }
    if let Some(Piece::Text(t)) = pieces.first_mut() {
        let rest: String = t.chars().skip(skip).collect();
        *t = rest.trim_start().to_string();
    }
    pieces
}

/// `1.` -> 2, `1.1` -> 3, `1.1.1` -> 4; otherwise 2.
fn heading_level(text: &str) -> u8 {
    let number = text.split_whitespace().next().unwrap_or("");
    let parts = number
        .trim_end_matches('.')
        .split('.')
        .filter(|p| !p.is_empty())
        .count();
    if !number.is_empty()
        && number
            .trim_end_matches('.')
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.')
    {
        (parts as u8 + 1).min(6)
    } else {
        2
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum ParaKind {
    Plain,
    Heading(u8),
    ListItem,
}

/// A paragraph: its rows (pieces and page).
#[derive(Debug, Clone)]
pub(super) struct Para {
    pub(super) rows: Vec<(Vec<Piece>, u32)>,
    pub(super) kind: ParaKind,
    pub(super) bold: bool,
    /// Whether it is set wholly in italic (and not bold).
    pub(super) italic: bool,
    pub(super) gap_before: bool,
    /// Where a list item's text starts.
    indent: f32,
    size: f32,
    /// Whether a row has a table's cells.
    pub(super) cells: bool,
    /// Where the value starts when it opens with a label in a cell of its own (`Objet:`).
    pub(super) value_x: Option<f32>,
}

impl Para {
    pub(super) fn page(&self) -> u32 {
        self.rows.first().map_or(0, |(_, p)| *p)
    }

    /// The rows as one line: joined by a space, or without one after a line-end hyphen, which
    /// is dropped where the document writes the word whole.
    pub(super) fn joined(&self, words: &HashSet<String>) -> Vec<Piece> {
        let mut out: Vec<Piece> = Vec::new();
        for (line, _) in &self.rows {
            let mut line = line.clone();
            if let (Some(Piece::Text(prev)), Some(Piece::Text(next))) =
                (out.last_mut(), line.first_mut())
            {
                if let Some(stem) = prev.strip_suffix('-')
                    && stem.chars().last().is_some_and(char::is_alphabetic)
                    && next.chars().next().is_some_and(char::is_lowercase)
                {
                    let head = stem
                        .rsplit(|c: char| !c.is_alphanumeric())
                        .next()
                        .unwrap_or("");
                    let tail: String = next.chars().take_while(|c| c.is_alphanumeric()).collect();
                    let whole = format!("{head}{tail}").to_lowercase();
                    if words.contains(&whole) {
                        prev.pop();
                    }
                } else {
                    prev.push(' ');
                }
                let first = std::mem::take(next);
                prev.push_str(&first);
                out.extend(line.drain(1..));
                continue;
            }
            if !out.is_empty() {
                out.push(Piece::Text(" ".into()));
            }
            out.append(&mut line);
        }
        out
    }
}

/// A word a name or a phrase goes on after: `van`, `de`, `of`, `the`, `du`, `la`.
pub(super) fn is_function_word(word: &str) -> bool {
    matches!(
        word.to_lowercase().as_str(),
        "van"
            | "en"
            | "voor"
            | "der"
            | "de"
            | "het"
            | "op"
            | "in"
            | "of"
            | "and"
            | "for"
            | "the"
            | "du"
            | "des"
            | "la"
            | "le"
            | "et"
    )
}
