//! A second letter beside the first (`|`), for "what did the minister answer to this": its own
//! wrapped document and scroll. `Ctrl-w` moves the focus between the two texts, `Enter` in it
//! swaps the two letters, `|` closes it. A reading tool used in it (`s`, `n`, `f`, `J`, `y`,
//! `m`, `v`, ...) makes it the open letter where it stands (`update::beside::take_tools`), so
//! the tools and the Footnotes pane work on whichever text has the focus.

use super::document::Document;

/// The letter shown in the second Reading pane.
#[derive(Debug, Clone)]
pub struct Beside {
    /// Corpus index of the letter.
    pub letter: usize,
    /// It wrapped for the pane's width.
    pub doc: Document,
    /// The first line of `doc` in view.
    pub scroll: usize,
}

impl Beside {
    /// The lines of the document in view when `page` lines fit.
    pub fn visible(&self, page: usize) -> std::ops::Range<usize> {
        let end = (self.scroll + page).min(self.doc.lines.len());
        self.scroll.min(end)..end
    }

    /// The largest scroll that still fills `page` lines.
    pub fn max_scroll(&self, page: usize) -> usize {
        self.doc.lines.len().saturating_sub(page)
    }

    /// Scrolls by `delta` lines (`isize::MIN`/`MAX`: to either end), within the letter.
    pub fn scroll_by(&mut self, delta: isize, page: usize) {
        // A row of the cursor is a first line shown, the last the one that shows the end.
        let rows = self.max_scroll(page) + 1;
        self.scroll = super::list_cursor::ListCursor::stepped(self.scroll, delta, rows);
    }
}
