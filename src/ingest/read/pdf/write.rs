//! The document written from the layout: the letterhead's side column (first page) as asides,
//! the paragraphs with their roles (the head and closing left for the passes to infer, a
//! heading opening a letter without salutation its title), and the notes.

use std::collections::HashSet;

use super::super::office::{self, Note};
use super::layout::Layout;
use super::notes::join_note_line;
use super::paras::{Para, ParaKind, ends_sentence, is_function_word};
use super::rows::{Kind, Piece, Row, plain};
use crate::ingest::document::{Builder, Document, Format, Role};
use crate::ingest::patterns;

impl Layout {
    pub(super) fn document(self) -> Document {
        let numbers: HashSet<u32> = self.notes.iter().map(|(n, _)| *n).collect();
        let is_note = |n: u32| numbers.contains(&n);
        let words = self.words();
        let mut b = Builder::new(Format::Pdf);
        for w in &self.warnings {
            b.warn(w.clone());
        }
        // The side column of the first page it is on: the letterhead's, read for metadata.
        let aside: Vec<usize> = (0..self.rows.len())
            .filter(|&k| self.kinds[k] == Kind::Aside)
            .collect();
        let first_page = aside.first().map(|&k| self.rows[k].page);
        let mut last: Option<&Row> = None;
        for &k in aside
            .iter()
            .filter(|&&k| Some(self.rows[k].page) == first_page)
        {
            let row = &self.rows[k];
            let text = &self.texts[k];
            if let Some(prev) = last {
                // Labels and their values stand a little apart; blocks of the column further.
                let gap = prev.y - row.y > 2.5 * row.size.max(prev.size);
                if gap {
                    b.end_line(Role::Aside, prev.page, false);
                    b.gap();
                } else if !ends_in_function_word(&b) {
                    b.end_line(Role::Aside, prev.page, false);
                }
            }
            b.text(text);
            b.text(" ");
            last = Some(row);
        }
        if let Some(prev) = last {
            b.end_line(Role::Aside, prev.page, false);
        }
        b.gap();
        let paras = self.paragraphs(&is_note);
        let (start, end) = body_range(&paras);
        // A document without a salutation that opens with a heading: that is its title.
        if let Some(title) = paras.first().filter(|p| {
            matches!(p.kind, ParaKind::Heading(_))
                && start > 0
                && !paras[..start]
                    .iter()
                    .any(|p| patterns::is_salutation(&plain(&p.joined(&words))))
        }) {
            b.hints().subject = Some(plain(&title.joined(&words)));
        }
        for (i, para) in paras.iter().enumerate() {
            if para.gap_before {
                b.gap();
            }
            let role = match para.kind {
                ParaKind::Heading(_) if i == 0 && start > 0 => Role::Inferred,
                ParaKind::Heading(level) => Role::Heading(level),
                ParaKind::ListItem if i < end => Role::ListItem,
                ParaKind::ListItem => Role::Inferred,
                ParaKind::Plain if (start..end).contains(&i) => Role::Paragraph,
                ParaKind::Plain => Role::Inferred,
            };
            if role == Role::Inferred {
                for (line, page) in &para.rows {
                    write(&mut b, line, " ");
                    b.end_line(Role::Inferred, *page, false);
                }
            } else {
                write(&mut b, &para.joined(&words), " | ");
                b.end_line(role, para.page(), para.bold && !para.cells);
            }
            if matches!(para.kind, ParaKind::Heading(_)) {
                b.gap();
            }
        }
        for (n, rows) in &self.notes {
            let mut text = String::new();
            let mut prev_full = false;
            for &k in rows {
                let mut line = self.texts[k].clone();
                if text.is_empty() {
                    // The note's own number.
                    line = line
                        .trim_start_matches(|c: char| c.is_ascii_digit())
                        .trim_start()
                        .to_string();
                    text = line;
                } else {
                    join_note_line(&mut text, &line, prev_full);
                }
                prev_full = self.rows[k].x1() >= self.right - 4.0 * self.body;
            }
            let note = Note {
                number: *n,
                text,
                links: Vec::new(),
            };
            let page = rows.first().map_or(0, |&k| self.rows[k].page);
            b.note(note.number, &note.text, office::note_urls(&note), page);
        }
        b.finish()
    }
}

/// The body runs from after the salutation (else the first long paragraph) to before the
/// valediction; the head and closing are left for the passes.
fn body_range(paras: &[Para]) -> (usize, usize) {
    let text = |p: &Para| {
        p.rows
            .iter()
            .map(|(l, _)| plain(l))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let plain_para = |p: &Para| p.kind == ParaKind::Plain;
    let heading = |p: &Para| matches!(p.kind, ParaKind::Heading(_));
    // Without a salutation (a fiche, a position paper) the body starts at the first long
    // paragraph, or at the last heading before it (the first block, a heading, is the title;
    // the head's own short bold lines come before).
    let start = paras
        .iter()
        .position(|p| plain_para(p) && patterns::is_salutation(&text(p)))
        .map(|i| i + 1)
        .or_else(|| {
            // A head table's label and value (`Objet:` ...) is the head's, however long.
            let long = paras
                .iter()
                .position(|p| p.value_x.is_none() && text(p).chars().count() >= 100)?;
            let from = usize::from(paras.first().is_some_and(heading));
            Some((from..long).rfind(|&i| heading(&paras[i])).unwrap_or(long))
        })
        .unwrap_or(0);
    let end = (start..paras.len())
        .find(|&i| plain_para(&paras[i]) && patterns::is_valediction(&text(&paras[i])))
        .or_else(|| {
            // A closing without valediction: a last block of a few short lines that end no
            // sentence (a name and an office under the signature).
            let last = paras.iter().rposition(plain_para)?;
            let rows = &paras[last].rows;
            let signature = last > start
                && rows.len() <= 4
                && rows.iter().all(|(l, _)| {
                    let t = plain(l);
                    t.chars().count() <= 60 && !ends_sentence(&t)
                });
            signature.then_some(last)
        })
        .unwrap_or(paras.len());
    (start, end)
}

/// Writes a line; `cell` stands between a table's cells.
fn write(b: &mut Builder, line: &[Piece], cell: &str) {
    for piece in line {
        match piece {
            Piece::Text(t) => b.text(t),
            Piece::Marker(n) => b.marker(*n),
            Piece::Cell => b.text(cell),
        }
    }
}

/// Whether the line being built ends in a word a name goes on after (`Ministerie van`).
fn ends_in_function_word(b: &Builder) -> bool {
    is_function_word(b.current_line().split_whitespace().last().unwrap_or(""))
}
