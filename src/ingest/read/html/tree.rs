//! The tree a page is read into: elements and runs of text in one vector, linked parent,
//! first and last child and next sibling by index ([`NONE`] for none), the text in one
//! string and the attributes the reader uses in one vector, each node holding its range.

use html5ever::LocalName;

pub(super) const NONE: u32 = u32::MAX;

/// An element or a run of text.
#[derive(Debug, Clone)]
pub(super) struct Node {
    /// `None` for text.
    pub(super) name: Option<LocalName>,
    pub(super) parent: u32,
    pub(super) first: u32,
    pub(super) last: u32,
    pub(super) next: u32,
    /// Text: its bytes in [`Tree::text`]; an element: its attributes in [`Tree::attrs`].
    pub(super) start: u32,
    pub(super) len: u32,
}

/// The attributes the reader uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Key {
    Id,
    Name,
    Class,
    Href,
    Role,
    Content,
    Property,
    Hidden,
    AriaHidden,
    Style,
}

#[derive(Debug)]
pub(super) struct Tree {
    pub(super) nodes: Vec<Node>,
    pub(super) text: String,
    pub(super) attrs: Vec<(Key, String)>,
}

impl Tree {
    pub(super) fn name(&self, n: u32) -> Option<&str> {
        self.nodes[n as usize].name.as_deref()
    }

    pub(super) fn is(&self, n: u32, name: &str) -> bool {
        self.name(n) == Some(name)
    }

    pub(super) fn attr(&self, n: u32, key: Key) -> Option<&str> {
        let node = &self.nodes[n as usize];
        node.name.as_ref()?;
        let range = node.start as usize..(node.start + node.len) as usize;
        self.attrs[range]
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v.as_str())
    }

    pub(super) fn text_of(&self, n: u32) -> &str {
        let node = &self.nodes[n as usize];
        &self.text[node.start as usize..(node.start + node.len) as usize]
    }

    pub(super) fn parent(&self, n: u32) -> u32 {
        self.nodes[n as usize].parent
    }

    pub(super) fn children(&self, n: u32) -> Children<'_> {
        Children {
            tree: self,
            next: self.nodes[n as usize].first,
        }
    }
}

pub(super) struct Children<'t> {
    tree: &'t Tree,
    next: u32,
}

impl Iterator for Children<'_> {
    type Item = u32;
    fn next(&mut self) -> Option<u32> {
        if self.next == NONE {
            return None;
        }
        let n = self.next;
        self.next = self.tree.nodes[n as usize].next;
        Some(n)
    }
}
