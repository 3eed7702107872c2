//! The reader's view of the open letter, read-only: the screen's areas for the size and focus,
//! the lines and blocks in view, the current paragraph and page, the notes cited in view, and
//! where a search or register target lies (its block and byte range, or its note).

use std::ops::Range;

use ratatui::layout::Rect;

use super::{Anchor, App, Spot, Target};
use crate::tui::document::{BlockKind, note_text};
use crate::tui::layout;

impl App {
    /// The terminal area.
    pub fn area(&self) -> Rect {
        Rect::new(0, 0, self.size.0, self.size.1)
    }

    /// The screen areas for the current size and focus.
    pub fn areas(&self) -> layout::Areas {
        layout::layout(
            self.area(),
            self.focus,
            self.letters.len(),
            self.beside.is_some().then_some(self.sides_swapped),
        )
    }

    /// Where the letter's text goes, whether or not the Reading pane is shown.
    pub fn text_area(&self) -> Rect {
        layout::text_area(self.areas().reading_or_body())
    }

    /// Where the second letter's text goes, whether or not its pane is shown.
    pub fn beside_text_area(&self) -> Rect {
        let areas = self.areas();
        layout::text_area(areas.beside.or(areas.reading).unwrap_or(areas.body))
    }

    /// Lines of the second letter in view.
    pub fn beside_page(&self) -> usize {
        usize::from(self.beside_text_area().height).max(1)
    }

    /// Lines of text in view.
    pub fn page(&self) -> usize {
        usize::from(self.text_area().height).max(1)
    }

    /// The largest scroll that still fills the pane.
    pub fn max_scroll(&self) -> usize {
        self.doc.lines.len().saturating_sub(self.page())
    }

    /// The lines of the document in view.
    pub fn visible(&self) -> Range<usize> {
        self.scroll..(self.scroll + self.page()).min(self.doc.lines.len())
    }

    /// Whether some line of block `b` is in view.
    pub fn block_in_view(&self, b: usize) -> bool {
        let visible = self.visible();
        self.doc.blocks.get(b).is_some_and(|block| {
            block.first_line < visible.end.max(visible.start + 1)
                && block.first_line + block.line_count > visible.start
        })
    }

    /// The current paragraph, which `y` and `m` take, the gutter marks and the status line
    /// numbers: the one a jump or `J`/`K` chose while it is in view, else the first paragraph
    /// that starts in view, else the one the view starts in.
    pub fn current_paragraph(&self) -> Option<usize> {
        let is_paragraph = |b: usize| {
            self.doc
                .blocks
                .get(b)
                .is_some_and(|block| matches!(block.kind, BlockKind::Paragraph { .. }))
        };
        if let Some(b) = self
            .chosen
            .filter(|&b| is_paragraph(b) && self.block_in_view(b))
        {
            return Some(b);
        }
        let visible = self.visible();
        let top = self.doc.block_at(visible.start);
        let in_view: Vec<usize> = (top..self.doc.blocks.len())
            .take_while(|&b| self.doc.blocks[b].first_line < visible.end.max(visible.start + 1))
            .filter(|&b| is_paragraph(b))
            .collect();
        in_view
            .iter()
            .copied()
            .find(|&b| self.doc.blocks[b].first_line >= visible.start)
            .or_else(|| in_view.first().copied())
    }

    /// The current paragraph as (section, paragraph) of the letter.
    pub fn current_place(&self) -> Option<(usize, usize)> {
        match self.doc.blocks.get(self.current_paragraph()?)?.kind {
            BlockKind::Paragraph {
                section, paragraph, ..
            } => Some((section, paragraph)),
            _ => None,
        }
    }

    /// The section of the line at the top of the view.
    pub fn section_in_view(&self) -> Option<usize> {
        self.doc.section_at(self.scroll)
    }

    /// The notes cited in the visible text, in order of first mention.
    pub fn notes_in_view(&self) -> Vec<u32> {
        let mut notes = Vec::new();
        for (b, m) in self.doc.markers_in(self.visible()) {
            let n = self.doc.blocks[b].markers[m].number;
            if !notes.contains(&n) {
                notes.push(n);
            }
        }
        notes
    }

    /// The page of the source (a PDF's) that the current paragraph (else the text at the top
    /// of the view) stands on: the page its citation names.
    pub fn page_in_view(&self) -> Option<u32> {
        let letter = self.letter()?;
        let at = self
            .current_paragraph()
            .unwrap_or_else(|| self.doc.block_at(self.scroll));
        let block = self.doc.blocks.get(at)?;
        match block.kind {
            BlockKind::Heading { section } => letter.sections.get(section)?.page,
            BlockKind::Paragraph {
                section, paragraph, ..
            } => {
                letter
                    .sections
                    .get(section)?
                    .paragraphs
                    .get(paragraph)?
                    .page
            }
            _ => None,
        }
    }

    /// The position in the letter as vim shows it: Top, Bot, All or a percentage.
    pub fn position_label(&self) -> String {
        position_label(self.scroll, self.max_scroll())
    }

    /// Where the reader is now, as a jump list entry.
    pub fn anchor(&self) -> Anchor {
        let block = self.doc.block_at(self.scroll);
        let first = self.doc.blocks.get(block).map_or(0, |b| b.first_line);
        Anchor {
            letter: self.current,
            block,
            line: self.scroll.saturating_sub(first),
        }
    }

    /// The block of the open letter's document a target is in (none for notes, the header
    /// and other letters).
    pub fn target_block(&self, target: &Target) -> Option<usize> {
        if target.letter != self.current {
            return None;
        }
        match target.spot {
            Spot::Paragraph { section, paragraph } => self.doc.paragraph_block(section, paragraph),
            Spot::Heading { section } => self.doc.heading_block(section),
            Spot::Footnote { .. } | Spot::Meta { .. } => None,
        }
    }

    /// The byte range of a target in block `b` of the document.
    pub fn target_range(&self, b: usize, target: &Target) -> Option<Range<usize>> {
        let block = self.doc.blocks.get(b)?;
        let ends = block.display_bytes(&[target.at, target.at + target.len]);
        let range = ends[0]..ends[1];
        (!range.is_empty()).then_some(range)
    }

    /// The note and the byte range in its [`note_text`] of a target in a note of the open
    /// letter.
    pub fn note_range(&self, target: &Target) -> Option<(u32, Range<usize>)> {
        let Spot::Footnote { number } = target.spot else {
            return None;
        };
        if target.letter != self.current {
            return None;
        }
        let text = note_text(self.letter()?.footnote(number)?);
        let range = char_range(&text, target.at, target.len)?;
        Some((number, range))
    }

    /// Target `i` of the trail.
    pub fn trail_target(&self, i: usize) -> Option<Target> {
        let trail = self.trail.as_ref()?;
        (trail.targets).get(i, &self.letters, self.register.as_deref())
    }

    /// The trail's targets in the open letter.
    pub fn trail_in_view(&self) -> Vec<Target> {
        let Some(trail) = &self.trail else {
            return Vec::new();
        };
        let lookups = (&self.letters[..], self.register.as_deref(), &*self.index);
        trail.targets.in_letter(self.current, lookups)
    }
}

/// A position as vim shows it: Top, Bot, All or a percentage, for `scroll` of `max`.
pub fn position_label(scroll: usize, max: usize) -> String {
    match (scroll, max) {
        (_, 0) => "All".into(),
        (0, _) => "Top".into(),
        (s, m) if s >= m => "Bot".into(),
        (s, m) => format!("{}%", s * 100 / m),
    }
}

/// The byte range of chars `at..at + len` of `text`; `None` when empty or past its end.
pub fn char_range(text: &str, at: usize, len: usize) -> Option<Range<usize>> {
    let mut bounds = (text.char_indices().map(|(b, _)| b))
        .chain([text.len()])
        .skip(at);
    let start = bounds.next()?;
    let end = bounds.nth(len.checked_sub(1)?)?;
    Some(start..end)
}
