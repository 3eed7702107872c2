//! One list cursor for every list of the reader: the selected row of `len` rows, moved by the
//! actions every list understands (a row, a page, half a page, either end), so no overlay
//! writes its own copy of up, down, page and ends.

use super::action::Action;

/// The selected row of a list.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ListCursor {
    pub selected: usize,
}

impl ListCursor {
    /// Moves by `action` among `len` rows, `page` rows a page; `false` when `action` is no
    /// movement (the cursor then stays). The row stays within the list (0 when it is empty).
    pub fn apply(&mut self, action: &Action, len: usize, page: usize) -> bool {
        let last = len.saturating_sub(1);
        let page = page.max(1);
        let at = self.selected.min(last);
        self.selected = match action {
            Action::Down => (at + 1).min(last),
            Action::Up => at.saturating_sub(1),
            Action::PageDown => (at + page).min(last),
            Action::PageUp => at.saturating_sub(page),
            Action::HalfPageDown => (at + (page / 2).max(1)).min(last),
            Action::HalfPageUp => at.saturating_sub((page / 2).max(1)),
            Action::Top => 0,
            Action::Bottom => last,
            _ => return false,
        };
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cursor_moves_within_the_list() {
        let mut c = ListCursor::default();
        let steps = [
            (Action::Down, 1),
            (Action::PageDown, 5),
            (Action::PageDown, 6),
            (Action::Up, 5),
            (Action::HalfPageUp, 3),
            (Action::Bottom, 6),
            (Action::Top, 0),
            (Action::PageUp, 0),
        ];
        for (action, want) in steps {
            assert!(c.apply(&action, 7, 4));
            assert_eq!(c.selected, want, "{action:?}");
        }
        assert!(!c.apply(&Action::Activate, 7, 4));
        assert!(c.apply(&Action::Down, 0, 4));
        assert_eq!(c.selected, 0);
    }
}
