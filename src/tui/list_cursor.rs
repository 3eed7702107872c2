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
        let page = page.max(1) as isize;
        let half = (page / 2).max(1);
        let delta = match action {
            Action::Down => 1,
            Action::Up => -1,
            Action::PageDown => page,
            Action::PageUp => -page,
            Action::HalfPageDown => half,
            Action::HalfPageUp => -half,
            Action::Top => isize::MIN,
            Action::Bottom => isize::MAX,
            _ => return false,
        };
        self.step(delta, len);
        true
    }

    /// Moves `delta` rows among `len` (`isize::MIN` and `isize::MAX`: to either end), within
    /// the list: what every list and scroll of the reader moves by.
    pub fn step(&mut self, delta: isize, len: usize) {
        let last = len.saturating_sub(1);
        let at = self.selected.min(last);
        self.selected = match delta {
            isize::MIN => 0,
            isize::MAX => last,
            d if d < 0 => at.saturating_sub(d.unsigned_abs()),
            d => at.saturating_add(d.unsigned_abs()).min(last),
        };
    }

    /// Row `from` moved `delta` rows among `len` (see [`ListCursor::step`]).
    pub fn stepped(from: usize, delta: isize, len: usize) -> usize {
        let mut cursor = ListCursor { selected: from };
        cursor.step(delta, len);
        cursor.selected
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
