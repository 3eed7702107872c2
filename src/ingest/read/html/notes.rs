//! The page's notes: in-page links that show a number and are marked as references (a `sup`,
//! a note class or role, or a link back from the note), the block each one's target stands
//! in, numbered as the page shows them; without links, superscript numbers in order and the
//! ordered list after them. A note's text leaves out its link back and its own number.

use std::collections::{HashMap, HashSet};

use super::super::office;
use super::content::{Page, is_block, never_content, words};
use super::parse::is_heading_tag;
use super::tree::{Key, NONE};

/// Blocks that may hold a note (where a note's target is, or is inside of).
fn holds_note(name: &str) -> bool {
    matches!(
        name,
        "li" | "dd"
            | "dt"
            | "p"
            | "div"
            | "aside"
            | "section"
            | "footer"
            | "blockquote"
            | "td"
            | "tr"
            | "article"
    )
}

/// The notes of a page: marker numbers by reference, containers in number order.
#[derive(Debug, Default)]
pub(super) struct Notes {
    /// Reference (`a` element) -> note number.
    pub(super) refs: HashMap<u32, u32>,
    /// Note container -> (number, the number as the page shows it).
    pub(super) containers: HashMap<u32, (u32, u32)>,
    /// Containers in the order of their numbers.
    pub(super) order: Vec<u32>,
    /// The `id`s of the references, which the notes link back to.
    pub(super) ref_ids: HashSet<String>,
}

impl<'t> Page<'t> {
    /// Whether the element is in or holds a `sup`, or its class names it a note reference.
    fn looks_like_marker(&self, a: u32) -> bool {
        let t = self.tree;
        let noted = |n: u32| {
            [Key::Class, Key::Role, Key::Id]
                .iter()
                .filter_map(|&k| t.attr(n, k))
                .any(|v| {
                    let v = v.to_ascii_lowercase();
                    v.contains("note")
                        || v.contains("noot")
                        || words(&v).any(|w| w == "fn" || w.starts_with("fnref"))
                })
        };
        if noted(a) {
            return true;
        }
        let mut up = t.parent(a);
        for _ in 0..3 {
            if up == NONE {
                break;
            }
            if t.is(up, "sup") || noted(up) {
                return true;
            }
            up = t.parent(up);
        }
        let mut stack: Vec<u32> = t.children(a).collect();
        let mut seen = 0;
        while let Some(m) = stack.pop() {
            seen += 1;
            if seen > 16 {
                break;
            }
            if t.is(m, "sup") || (t.name(m).is_some() && noted(m)) {
                return true;
            }
            stack.extend(t.children(m));
        }
        false
    }

    /// Finds the note references and their notes.
    pub(super) fn notes(&self) -> Notes {
        let t = self.tree;
        let mut ids: HashMap<&str, u32> = HashMap::new();
        for i in 1..t.nodes.len() as u32 {
            for key in [Key::Id, Key::Name] {
                if key == Key::Name && !t.is(i, "a") {
                    continue;
                }
                if let Some(v) = t.attr(i, key)
                    && !v.is_empty()
                {
                    ids.entry(v).or_insert(i);
                }
            }
        }
        // Candidate references: (a, its number as shown, its target, its note's container).
        let mut candidates: Vec<(u32, u32, u32, u32)> = Vec::new();
        // The targets of every link that shows a number: a block holding two is a list.
        let mut numbered_targets: Vec<u32> = Vec::new();
        for a in 1..t.nodes.len() as u32 {
            if !t.is(a, "a") {
                continue;
            }
            let Some(target) = t
                .attr(a, Key::Href)
                .and_then(|h| h.trim().strip_prefix('#'))
                .and_then(|id| ids.get(id).copied())
            else {
                continue;
            };
            let Some(number) = self.short_text(a, 64).and_then(|s| shown_number(&s)) else {
                continue;
            };
            numbered_targets.push(target);
            let Some(container) = self.container(target, a) else {
                continue;
            };
            let back = t
                .attr(a, Key::Id)
                .is_some_and(|id| self.links_to(container, id));
            if !back && !self.looks_like_marker(a) {
                continue;
            }
            candidates.push((a, number, target, container));
        }
        // A link from a note back to its reference looks like a reference too: it is the one
        // that comes later and whose target is (in) a reference kept before it.
        let mut kept: HashSet<u32> = HashSet::new();
        candidates.retain(|&(a, _, target, _)| {
            if kept.contains(&target) {
                return false;
            }
            // The reference and the inline elements around it (`<sup id="fnref1">`).
            let mut up = a;
            for _ in 0..3 {
                kept.insert(up);
                up = t.parent(up);
                if up == NONE || t.name(up).is_none_or(is_block) {
                    break;
                }
            }
            true
        });
        // Each target marks the blocks above it, to tell a note from a list of notes.
        let mut targets_under: HashMap<u32, HashSet<u32>> = HashMap::new();
        for &target in &numbered_targets {
            let mut up = target;
            for _ in 0..24 {
                if up == NONE {
                    break;
                }
                targets_under.entry(up).or_default().insert(target);
                up = t.parent(up);
            }
        }
        let mut notes = Notes::default();
        let mut used: HashSet<u32> = HashSet::new();
        for (a, shown, _, container) in candidates {
            if targets_under.get(&container).is_some_and(|s| s.len() > 1) {
                continue;
            }
            let number = match notes.containers.get(&container) {
                Some(&(number, _)) => number,
                None => {
                    let number = if used.contains(&shown) {
                        used.iter().max().copied().unwrap_or(0) + 1
                    } else {
                        shown
                    };
                    used.insert(number);
                    notes.containers.insert(container, (number, shown));
                    notes.order.push(container);
                    number
                }
            };
            notes.refs.insert(a, number);
            // The reference's id, or that of the inline element around it (`<sup id>`).
            let mut up = a;
            for _ in 0..3 {
                if let Some(id) = t.attr(up, Key::Id) {
                    notes.ref_ids.insert(id.to_string());
                }
                up = t.parent(up);
                if up == NONE || t.name(up).is_none_or(is_block) {
                    break;
                }
            }
        }
        if notes.refs.is_empty() {
            self.unlinked_notes(&mut notes);
        }
        notes
            .order
            .sort_by_key(|c| notes.containers.get(c).map_or(0, |&(n, _)| n));
        notes
    }

    /// Notes without links (a letter pasted into a site): superscript numbers in numbering
    /// order (1, 2, 3, a number cited again), and after the last of them an ordered list with
    /// exactly as many items as the highest number, item n note n.
    fn unlinked_notes(&self, notes: &mut Notes) {
        let t = self.tree;
        let mut marks: Vec<(u32, u32)> = Vec::new();
        let mut highest = 0;
        for i in 1..t.nodes.len() as u32 {
            if !t.is(i, "sup") {
                continue;
            }
            let Some(n) = self.short_text(i, 16).and_then(|s| {
                let s = s.trim();
                (s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse::<u32>().ok())?
            }) else {
                continue;
            };
            if n == 0 || n > highest + 1 {
                continue;
            }
            let mut up = t.parent(i);
            let mut linked = false;
            while up != NONE {
                linked |= t.is(up, "a");
                up = t.parent(up);
            }
            if !linked {
                highest = highest.max(n);
                marks.push((i, n));
            }
        }
        let Some(&(last, _)) = marks.last() else {
            return;
        };
        let list = (last + 1..t.nodes.len() as u32).rev().find(|&i| {
            t.is(i, "ol") && t.children(i).filter(|&c| t.is(c, "li")).count() == highest as usize
        });
        let Some(list) = list else { return };
        for (k, li) in t.children(list).filter(|&c| t.is(c, "li")).enumerate() {
            let number = k as u32 + 1;
            notes.containers.insert(li, (number, number));
            notes.order.push(li);
        }
        for (sup, n) in marks {
            notes.refs.insert(sup, n);
        }
    }

    /// The block holding the note `target`, when it is not the reference's own.
    fn container(&self, target: u32, reference: u32) -> Option<u32> {
        let t = self.tree;
        let mut c = target;
        for _ in 0..12 {
            if c == NONE || c == 0 {
                return None;
            }
            if t.name(c).is_some_and(holds_note) {
                break;
            }
            c = t.parent(c);
        }
        if c == NONE || c == 0 || !t.name(c).is_some_and(holds_note) {
            return None;
        }
        // Not an ancestor of the reference (an in-page link within its own text).
        let mut up = reference;
        while up != NONE {
            if up == c {
                return None;
            }
            up = t.parent(up);
        }
        (self.weight[c as usize] <= 20_000).then_some(c)
    }

    /// Whether `container` holds a link to `#id`.
    fn links_to(&self, container: u32, id: &str) -> bool {
        let t = self.tree;
        let mut stack = vec![container];
        let mut seen = 0;
        while let Some(m) = stack.pop() {
            seen += 1;
            if seen > 4096 {
                return false;
            }
            if t.is(m, "a")
                && t.attr(m, Key::Href)
                    .and_then(|h| h.trim().strip_prefix('#'))
                    .is_some_and(|h| h == id)
            {
                return true;
            }
            stack.extend(t.children(m));
        }
        false
    }

    /// The note in `container`: its number, text (without its link back and its own number)
    /// and link targets.
    pub(super) fn note(&self, notes: &Notes, container: u32) -> office::Note {
        let t = self.tree;
        let (number, shown) = notes.containers.get(&container).copied().unwrap_or((0, 0));
        let mut text = String::new();
        let mut links = Vec::new();
        let mut stack = vec![container];
        while let Some(m) = stack.pop() {
            let Some(name) = t.name(m) else {
                text.push_str(t.text_of(m));
                continue;
            };
            if m != container {
                if never_content(name) || is_heading_tag(name).is_some() || self.hidden(m) {
                    continue;
                }
                if t.attr(m, Key::Class)
                    .is_some_and(|c| words(c).any(|w| w == "close"))
                {
                    continue;
                }
                if is_block(name) || name == "br" {
                    text.push(' ');
                }
            }
            if name == "a"
                && let Some(href) = t.attr(m, Key::Href)
            {
                let href = href.trim();
                if let Some(id) = href.strip_prefix('#') {
                    if notes.ref_ids.contains(id) {
                        continue;
                    }
                } else {
                    links.push(href.to_string());
                }
            }
            let kids: Vec<u32> = t.children(m).collect();
            stack.extend(kids.into_iter().rev());
        }
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        office::Note {
            number,
            text: strip_number(&text, shown).to_string(),
            links,
        }
    }
}

/// The number a note reference shows: `1`, `(1)`, `[1]`, `1)`.
fn shown_number(text: &str) -> Option<u32> {
    let s: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let s = s
        .trim_start_matches(['(', '['])
        .trim_end_matches([')', ']']);
    if s.is_empty() || s.len() > 4 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok().filter(|&n| n > 0)
}

/// `text` without a leading `shown` (`1`, `(1)`, `[1]`, `1.`, `1)`).
fn strip_number(text: &str, shown: u32) -> &str {
    let number = shown.to_string();
    let rest = text.trim_start();
    let inner = rest.strip_prefix(['(', '[']).unwrap_or(rest);
    let Some(after) = inner.strip_prefix(number.as_str()) else {
        return rest;
    };
    let after = after.strip_prefix([')', ']', '.']).unwrap_or(after);
    if after.is_empty() || after.starts_with(char::is_whitespace) {
        after.trim_start()
    } else {
        rest
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_shown_by_references() {
        assert_eq!(shown_number(" 1 "), Some(1));
        assert_eq!(shown_number("( 12 )"), Some(12));
        assert_eq!(shown_number("[3]"), Some(3));
        assert_eq!(shown_number("0"), None);
        assert_eq!(shown_number("12345"), None);
        assert_eq!(shown_number("zie 1"), None);
        assert_eq!(strip_number("(1) Tekst", 1), "Tekst");
        assert_eq!(strip_number("1. Tekst", 1), "Tekst");
        assert_eq!(strip_number("12 Tekst", 1), "12 Tekst");
        assert_eq!(strip_number("1990 Tekst", 1), "1990 Tekst");
    }
}
