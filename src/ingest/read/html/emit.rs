//! Writing the content's blocks: a walk of the tree from the content's root that opens a
//! paragraph, heading or list item per block (headings also by a publisher's class), keeps
//! markers against the word before them, joins a definition's term and description on one
//! line, and makes a table row of two or more cells one paragraph.

use std::collections::HashSet;

use super::super::office::{Kind, Para, Piece};
use super::content::{Page, is_block};
use super::notes::Notes;
use super::parse::is_heading_tag;
use super::tree::Key;

/// A heading level a publisher's class states: `ManualHeading2`, `Heading 1` (EUR-Lex's
/// Commission documents), or EUR-Lex's title classes (`doc-ti`, `ti-section-1`, `ti-art`,
/// `sti-art`, `oj-ti-art`).
fn class_heading(class: &str) -> Option<u8> {
    for token in class.split_whitespace() {
        let lower = token.to_ascii_lowercase();
        // The Commission's title styles are named in French: `Exposdesmotifstitre`,
        // `Fichefinanciretitre`, `Annexetitre`.
        if lower.ends_with("titre") {
            return Some(1);
        }
        if let Some(at) = lower.find("heading") {
            let digits: String = lower[at + 7..]
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            if let Ok(n) = digits.parse::<u8>()
                && (1..=6).contains(&n)
            {
                return Some(n);
            }
        }
        let parts: Vec<&str> = lower.split('-').collect();
        let digit = parts.iter().find_map(|p| p.parse::<u8>().ok());
        if parts.contains(&"doc") && parts.contains(&"ti") {
            return Some(1);
        }
        if parts.contains(&"ti") {
            return Some(match (parts.contains(&"art"), digit) {
                (true, _) => 3,
                (false, Some(d)) => (1 + d).min(6),
                (false, None) => 2,
            });
        }
        if parts.contains(&"sti") {
            return Some(4);
        }
    }
    None
}

impl<'t> Page<'t> {
    /// The content's blocks, notes and furniture left out.
    pub(super) fn body(&self, notes: &Notes) -> Vec<Para> {
        let mut e = Emit::new(self, notes);
        e.run();
        e.body
    }
}

/// What an open block says about the text in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ctx {
    Heading(u8),
    ListItem,
    /// A block with space around it (`p`, `blockquote`).
    Spaced,
    Plain,
    Pre,
}

/// A table row being read: its cells' paragraphs.
struct RowBuf {
    node: u32,
    cells: Vec<Vec<Para>>,
}

struct Emit<'p, 't> {
    page: &'p Page<'t>,
    notes: &'p Notes,
    body: Vec<Para>,
    cur: Option<Para>,
    ctx: Vec<Ctx>,
    row: Option<RowBuf>,
    bold: u32,
    sections: usize,
    /// White space after a note marker, written only if no punctuation follows.
    pending_space: bool,
    /// A definition list's term was just written: its description goes on its line.
    after_term: bool,
}

impl<'p, 't> Emit<'p, 't> {
    fn new(page: &'p Page<'t>, notes: &'p Notes) -> Emit<'p, 't> {
        Emit {
            page,
            notes,
            body: Vec::new(),
            cur: None,
            ctx: Vec::new(),
            row: None,
            bold: 0,
            sections: 0,
            pending_space: false,
            after_term: false,
        }
    }

    fn run(&mut self) {
        let t = self.page.tree;
        let excluded: HashSet<u32> = self.notes.containers.keys().copied().collect();
        // (node, leaving)
        let mut stack: Vec<(u32, bool)> = vec![(self.page.root, false)];
        while let Some((n, leaving)) = stack.pop() {
            let Some(name) = t.name(n) else {
                self.text(t.text_of(n));
                continue;
            };
            if leaving {
                self.leave(n, name);
                continue;
            }
            if n != self.page.root && (excluded.contains(&n) || self.page.skipped(n, self.sections))
            {
                continue;
            }
            if let Some(&number) = self.notes.refs.get(&n) {
                self.marker(number);
                continue;
            }
            self.enter(n, name);
            stack.push((n, true));
            let kids: Vec<u32> = t.children(n).collect();
            stack.extend(kids.into_iter().rev().map(|k| (k, false)));
        }
        self.flush();
        self.end_row();
    }

    fn enter(&mut self, n: u32, name: &str) {
        let t = self.page.tree;
        match name {
            "br" => {
                if let Some(p) = &mut self.cur {
                    p.line_break();
                }
                return;
            }
            "hr" => {
                self.flush();
                if self.row.is_none() {
                    self.body.push(Para::new(Kind::Plain));
                }
                return;
            }
            "b" | "strong" => self.bold += 1,
            "article" | "section" | "main" => self.sections += 1,
            _ => {}
        }
        if !is_block(name) {
            return;
        }
        // A term and its description are one line, `Publicatiedatum: 10 februari 2015`, as
        // a letter's head writes its labels.
        if std::mem::take(&mut self.after_term) && name == "dd" && self.cur.is_some() {
            self.ctx.push(Ctx::Plain);
            return;
        }
        self.flush();
        match name {
            "tr" if self.row.is_none() => {
                self.row = Some(RowBuf {
                    node: n,
                    cells: Vec::new(),
                })
            }
            "td" | "th" => {
                if let Some(row) = &mut self.row
                    && t.parent(n) == row.node
                {
                    row.cells.push(Vec::new());
                }
            }
            _ => {}
        }
        let class_level = t.attr(n, Key::Class).and_then(class_heading);
        let ctx = match (is_heading_tag(name), name) {
            (Some(level), _) => Ctx::Heading(level),
            _ if class_level.is_some() => Ctx::Heading(class_level.unwrap_or(2)),
            (_, "li") => Ctx::ListItem,
            (_, "p" | "blockquote" | "address" | "figcaption" | "caption") => Ctx::Spaced,
            (_, "pre") => Ctx::Pre,
            _ => Ctx::Plain,
        };
        self.ctx.push(ctx);
    }

    fn leave(&mut self, n: u32, name: &str) {
        // A number label set apart by the style sheet (`<span class="num">1.</span>Title`); a
        // label that is only a bullet is decoration.
        if let Some(p) = &mut self.cur
            && self
                .page
                .tree
                .attr(n, Key::Class)
                .is_some_and(|c| c.split_whitespace().any(label_class))
        {
            if let Some(line) = p.lines.last_mut()
                && let Some(Piece::Text(t)) = line.last_mut()
                && t.trim_end().ends_with(['•', '·', '▪', '◦', '–', '—'])
                && t.trim().chars().count() == 1
            {
                t.clear();
            } else {
                p.push_text(" ", self.bold > 0);
            }
        }
        match name {
            "b" | "strong" => self.bold = self.bold.saturating_sub(1),
            "article" | "section" | "main" => self.sections = self.sections.saturating_sub(1),
            _ => {}
        }
        if !is_block(name) {
            return;
        }
        if name == "dt"
            && let Some(p) = &mut self.cur
            && !p.lines.is_empty()
        {
            p.push_text(": ", false);
            self.after_term = true;
            self.ctx.pop();
            return;
        }
        self.flush();
        self.ctx.pop();
        if self.row.as_ref().is_some_and(|r| r.node == n) {
            self.end_row();
        }
    }

    /// The paragraph being written, begun if there is none.
    fn para(&mut self) -> &mut Para {
        let kind = self
            .ctx
            .iter()
            .rev()
            .find_map(|c| match c {
                Ctx::Heading(level) => Some(Kind::Heading(*level)),
                _ => None,
            })
            .or_else(|| self.ctx.contains(&Ctx::ListItem).then_some(Kind::ListItem))
            .unwrap_or(Kind::Plain);
        let spaced = matches!(
            self.ctx.last(),
            Some(Ctx::Spaced | Ctx::Heading(_) | Ctx::Pre)
        );
        self.cur.get_or_insert_with(|| {
            let mut p = Para::new(kind);
            p.space_before = spaced;
            p.space_after = spaced;
            p
        })
    }

    /// A note marker, right after the word before it (the markup's white space between the
    /// two is not the text's).
    fn marker(&mut self, number: u32) {
        let p = self.para();
        if let Some(line) = p.lines.last_mut()
            && let Some(Piece::Text(t)) = line.last_mut()
        {
            let kept = t.trim_end().len();
            t.truncate(kept);
        }
        p.push_marker(number);
    }

    fn text(&mut self, s: &str) {
        if self.cur.is_none() && s.trim().is_empty() {
            return;
        }
        // Space between a note marker and the punctuation after it is the markup's, not the
        // text's (`beschikt<sup>1</sup>\n</span><span>.`).
        let after_marker = self
            .cur
            .as_ref()
            .and_then(|p| p.lines.last())
            .is_some_and(|l| matches!(l.last(), Some(Piece::Marker(_))));
        if after_marker || self.pending_space {
            if s.trim().is_empty() {
                self.pending_space = true;
                return;
            }
            let punctuation = s.starts_with(['.', ',', ';', ':', '!', '?', ')', '»', '”', '’']);
            if std::mem::take(&mut self.pending_space) && !punctuation {
                let bold = self.bold > 0;
                self.para().push_text(" ", bold);
            }
        }
        let bold = self.bold > 0;
        if self.ctx.contains(&Ctx::Pre) {
            let p = self.para();
            for (i, line) in s.split('\n').enumerate() {
                if i > 0 {
                    p.line_break();
                }
                p.push_text(line, bold);
            }
        } else {
            self.para().push_text(s, bold);
        }
    }

    fn flush(&mut self) {
        self.pending_space = false;
        let Some(p) = self.cur.take() else { return };
        if p.is_empty() {
            return;
        }
        match &mut self.row {
            Some(row) => match row.cells.last_mut() {
                Some(cell) => cell.push(p),
                None => row.cells.push(vec![p]),
            },
            None => self.body.push(p),
        }
    }

    /// Ends the table row: two or more cells with text make one paragraph, one cell passes
    /// its paragraphs through.
    fn end_row(&mut self) {
        let Some(row) = self.row.take() else { return };
        let cells: Vec<Vec<Para>> = row
            .cells
            .into_iter()
            .filter(|c| c.iter().any(|p| !p.is_empty()))
            .collect();
        if cells.len() <= 1 {
            self.body.extend(cells.into_iter().flatten());
            return;
        }
        let mut out = Para::new(Kind::Row);
        for (i, cell) in cells.iter().enumerate() {
            if i > 0 {
                let label = i == 1 && is_label(&cells[0]);
                out.push_text(if label { " " } else { " | " }, true);
            }
            for (k, para) in cell.iter().enumerate() {
                if k > 0 {
                    out.push_text(" ", true);
                }
                for (j, line) in para.lines.iter().enumerate() {
                    if j > 0 {
                        out.push_text(" ", true);
                    }
                    for piece in line {
                        match piece {
                            Piece::Text(s) => out.push_text(s, para.bold),
                            Piece::Marker(m) => out.push_marker(*m),
                        }
                    }
                }
            }
        }
        out.space_before = true;
        out.space_after = true;
        self.body.push(out);
    }
}

/// Classes of a number label before a heading or point (EUR-Lex's `num`, the Dutch
/// publications' `lidnr`).
fn label_class(class: &str) -> bool {
    matches!(
        class.to_ascii_lowercase().as_str(),
        "num" | "number" | "nr" | "lidnr" | "label"
    )
}

/// Whether a table cell is a label before the text: a number or letter with its delimiter
/// (`(1)`, `1.`, `a)`, `(iv)`) or a bullet (`—`, `•`).
fn is_label(cell: &[Para]) -> bool {
    let text: String = cell.iter().map(Para::plain).collect::<Vec<_>>().join(" ");
    if matches!(text.as_str(), "—" | "–" | "-" | "•" | "·" | "*") {
        return true;
    }
    let open = text.starts_with('(');
    let inner = text.trim_start_matches('(');
    let close = inner.ends_with([')', '.']);
    let inner = inner.trim_end_matches([')', '.']);
    let numbering =
        (!inner.is_empty() && inner.len() <= 3 && inner.bytes().all(|b| b.is_ascii_digit()))
            || (inner.chars().count() == 1 && inner.chars().all(|c| c.is_alphabetic()))
            || (!inner.is_empty()
                && inner.len() <= 4
                && inner.bytes().all(|b| b"ivxlIVXL".contains(&b)));
    numbering && (open || close)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn publisher_heading_classes() {
        assert_eq!(class_heading("li ManualHeading2"), Some(2));
        assert_eq!(class_heading("oj-ti-art"), Some(3));
        assert_eq!(class_heading("ti-section-1"), Some(2));
        assert_eq!(class_heading("doc-ti"), Some(1));
        assert_eq!(class_heading("Normal"), None);
        assert_eq!(class_heading("title"), None);
    }
}
