//! The tree builder: html5ever's tokenizer feeds [`Build`], which keeps the HTML5 rules that
//! shape text (implied ends of `p`, `li`, `dd`/`dt`, table parts and headings; an end tag
//! closes up to its open element) without the HTML5 builder's scans of the whole stack:
//! each rule looks at most [`SCAN`] elements down, so building is linear in the input.
//! Elements deeper than [`MAX_DEPTH`] or beyond [`MAX_NODES`] are not made, and a warning
//! says so.

use std::cell::RefCell;
use std::collections::HashMap;

use html5ever::LocalName;
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};

use super::tree::{Key, NONE, Node, Tree};
use super::{MAX_DEPTH, MAX_NODES, SCAN};

/// Longest attribute value kept (longer ones, such as `data:` URLs, are dropped).
const MAX_ATTR: usize = 4096;

fn is_void(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "keygen"
            | "link"
            | "meta"
            | "param"
            | "source"
            | "track"
            | "wbr"
    )
}

/// The tokenizer state an element's content is read in, when it is not markup.
fn raw_kind(name: &str) -> Option<RawKind> {
    match name {
        "script" => Some(RawKind::ScriptData),
        "style" | "xmp" | "iframe" | "noembed" | "noframes" | "noscript" => Some(RawKind::Rawtext),
        "title" | "textarea" => Some(RawKind::Rcdata),
        _ => None,
    }
}

/// Start tags that close an open `p`.
pub(super) fn closes_p(name: &str) -> bool {
    matches!(
        name,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "center"
            | "details"
            | "dialog"
            | "dir"
            | "div"
            | "dl"
            | "dd"
            | "dt"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "form"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "header"
            | "hgroup"
            | "hr"
            | "li"
            | "main"
            | "menu"
            | "nav"
            | "ol"
            | "p"
            | "pre"
            | "section"
            | "summary"
            | "table"
            | "ul"
    )
}

pub(super) fn is_heading_tag(name: &str) -> Option<u8> {
    match name {
        "h1" => Some(1),
        "h2" => Some(2),
        "h3" => Some(3),
        "h4" => Some(4),
        "h5" => Some(5),
        "h6" => Some(6),
        _ => None,
    }
}

/// The tree being built from the tokens.
struct Build {
    tree: Tree,
    /// Open elements, the root first.
    stack: Vec<u32>,
    /// How many elements of each name are open.
    open: HashMap<LocalName, u32>,
    /// Start tags not made into elements (too deep, too many), by name, whose end tags are
    /// to be passed over.
    overflow: HashMap<LocalName, u32>,
    /// Inside a raw-text element that was not made: its text is dropped.
    raw_dropped: bool,
    too_deep: bool,
    too_many: bool,
}

struct Sink(RefCell<Build>);

impl TokenSink for Sink {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let mut b = self.0.borrow_mut();
        match token {
            Token::TagToken(tag) => return b.tag(tag),
            Token::CharacterTokens(t) => b.chars(&t),
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

/// Parses the page into a tree; the warnings say which limits were reached.
pub(super) fn parse(text: &str) -> (Tree, Vec<String>) {
    let root = Node {
        name: Some(LocalName::from("#root")),
        parent: NONE,
        first: NONE,
        last: NONE,
        next: NONE,
        start: 0,
        len: 0,
    };
    let build = Build {
        tree: Tree {
            nodes: vec![root],
            text: String::new(),
            attrs: Vec::new(),
        },
        stack: vec![0],
        open: HashMap::new(),
        overflow: HashMap::new(),
        raw_dropped: false,
        too_deep: false,
        too_many: false,
    };
    let tokenizer = Tokenizer::new(Sink(RefCell::new(build)), TokenizerOpts::default());
    // Fed in pieces, so that the tokenizer's buffer never holds a second copy of the page.
    const PIECE: usize = 64 << 10;
    let queue = BufferQueue::default();
    let mut rest = text;
    while !rest.is_empty() {
        let mut cut = rest.len().min(PIECE);
        while !rest.is_char_boundary(cut) {
            cut += 1;
        }
        let (piece, tail) = rest.split_at(cut);
        queue.push_back(StrTendril::from_slice(piece));
        let _ = tokenizer.feed(&queue);
        rest = tail;
    }
    tokenizer.end();
    let build = tokenizer.sink.0.into_inner();
    let mut warnings = Vec::new();
    if build.too_deep {
        warnings.push(format!(
            "HTML nested deeper than {MAX_DEPTH} levels: the deeper elements are read as part of the one at that depth"
        ));
    }
    if build.too_many {
        warnings.push(format!(
            "more than {MAX_NODES} HTML elements and runs of text: the rest is not read"
        ));
    }
    (build.tree, warnings)
}

impl Build {
    fn top(&self) -> u32 {
        *self.stack.last().unwrap_or(&0)
    }

    fn is_open(&self, name: &str) -> bool {
        self.open
            .get(&LocalName::from(name))
            .is_some_and(|&n| n > 0)
    }

    fn append(&mut self, node: Node) -> Option<u32> {
        if self.tree.nodes.len() >= MAX_NODES {
            self.too_many = true;
            return None;
        }
        let id = self.tree.nodes.len() as u32;
        let parent = node.parent as usize;
        let last = self.tree.nodes[parent].last;
        if last == NONE {
            self.tree.nodes[parent].first = id;
        } else {
            self.tree.nodes[last as usize].next = id;
        }
        self.tree.nodes[parent].last = id;
        self.tree.nodes.push(node);
        Some(id)
    }

    fn element(&mut self, name: LocalName, attrs: &[html5ever::Attribute]) -> Option<u32> {
        let start = self.tree.attrs.len() as u32;
        for a in attrs {
            let key = match &*a.name.local {
                "id" => Key::Id,
                "name" => Key::Name,
                "class" => Key::Class,
                "href" => Key::Href,
                "role" => Key::Role,
                "content" => Key::Content,
                "property" => Key::Property,
                "hidden" => Key::Hidden,
                "aria-hidden" => Key::AriaHidden,
                "style" => Key::Style,
                _ => continue,
            };
            if a.value.len() <= MAX_ATTR {
                self.tree.attrs.push((key, a.value.to_string()));
            }
        }
        let len = self.tree.attrs.len() as u32 - start;
        let node = Node {
            name: Some(name),
            parent: self.top(),
            first: NONE,
            last: NONE,
            next: NONE,
            start,
            len,
        };
        let id = self.append(node);
        if id.is_none() {
            self.tree.attrs.truncate(start as usize);
        }
        id
    }

    fn chars(&mut self, s: &str) {
        if self.raw_dropped || s.is_empty() {
            return;
        }
        let parent = self.top();
        let last = self.tree.nodes[parent as usize].last;
        let end = self.tree.text.len() as u32;
        if last != NONE {
            let node = &mut self.tree.nodes[last as usize];
            if node.name.is_none() && node.start + node.len == end {
                node.len += s.len() as u32;
                self.tree.text.push_str(s);
                return;
            }
        }
        let node = Node {
            name: None,
            parent,
            first: NONE,
            last: NONE,
            next: NONE,
            start: end,
            len: s.len() as u32,
        };
        if self.append(node).is_some() {
            self.tree.text.push_str(s);
        }
    }

    fn tag(&mut self, tag: Tag) -> TokenSinkResult<()> {
        let name = tag.name;
        let raw = raw_kind(&name);
        match tag.kind {
            TagKind::StartTag => {
                if matches!(&*name, "html" | "head" | "body") {
                    return TokenSinkResult::Continue;
                }
                self.close_implied(&name);
                let void = is_void(&name) || (tag.self_closing && raw.is_none());
                if !void && self.stack.len() > MAX_DEPTH {
                    self.too_deep = true;
                    self.drop_start(name, raw.is_some());
                } else {
                    match self.element(name.clone(), &tag.attrs) {
                        Some(id) if !void => {
                            self.stack.push(id);
                            *self.open.entry(name).or_default() += 1;
                        }
                        Some(_) => {}
                        None if !void => self.drop_start(name, raw.is_some()),
                        None => {}
                    }
                }
                match raw {
                    Some(kind) if !void => TokenSinkResult::RawData(kind),
                    _ => TokenSinkResult::Continue,
                }
            }
            TagKind::EndTag => {
                if let Some(n) = self.overflow.get_mut(&name)
                    && *n > 0
                {
                    *n -= 1;
                    if raw.is_some() {
                        self.raw_dropped = false;
                    }
                    return TokenSinkResult::Continue;
                }
                if &*name == "br" {
                    let _ = self.element(name, &[]);
                } else if self.open.get(&name).is_some_and(|&n| n > 0) {
                    self.pop_to(&name);
                }
                TokenSinkResult::Continue
            }
        }
    }

    fn drop_start(&mut self, name: LocalName, raw: bool) {
        *self.overflow.entry(name).or_default() += 1;
        if raw {
            self.raw_dropped = true;
        }
    }

    /// Pops open elements down to and including the nearest `name`.
    fn pop_to(&mut self, name: &LocalName) {
        while self.stack.len() > 1 {
            let Some(top) = self.stack.pop() else { break };
            let Some(n) = self.tree.nodes[top as usize].name.clone() else {
                continue;
            };
            if let Some(count) = self.open.get_mut(&n) {
                *count = count.saturating_sub(1);
            }
            if n == *name {
                break;
            }
        }
    }

    /// Closes the nearest open element named in `targets`, looking down the stack at most
    /// [`SCAN`] elements and stopping at one named in `stops`.
    fn close_in_scope(&mut self, targets: &[&str], stops: &[&str]) {
        let mut found = None;
        for &n in self.stack.iter().rev().take(SCAN) {
            let Some(name) = self.tree.name(n) else { break };
            if targets.contains(&name) {
                found = self.tree.nodes[n as usize].name.clone();
                break;
            }
            if stops.contains(&name) || name == "#root" {
                break;
            }
        }
        if let Some(name) = found {
            self.pop_to(&name);
        }
    }

    fn close_implied(&mut self, name: &str) {
        const P_SCOPE: &[&str] = &[
            "table", "td", "th", "caption", "button", "object", "template", "marquee", "applet",
        ];
        const LIST_SCOPE: &[&str] = &[
            "ul",
            "ol",
            "menu",
            "dir",
            "table",
            "td",
            "th",
            "blockquote",
            "section",
            "article",
            "aside",
            "nav",
            "main",
            "dl",
            "form",
        ];
        if closes_p(name) && self.is_open("p") {
            self.close_in_scope(&["p"], P_SCOPE);
        }
        match name {
            "li" if self.is_open("li") => self.close_in_scope(&["li"], LIST_SCOPE),
            "dd" | "dt" => self.close_in_scope(&["dd", "dt"], LIST_SCOPE),
            "tr" => self.close_in_scope(&["tr"], &["table"]),
            "td" | "th" => self.close_in_scope(&["td", "th"], &["tr", "table"]),
            "thead" | "tbody" | "tfoot" => {
                self.close_in_scope(&["thead", "tbody", "tfoot"], &["table"])
            }
            "a" if self.is_open("a") => self.close_in_scope(&["a"], &["table", "td", "th"]),
            "option" if self.tree.is(self.top(), "option") => self.close_in_scope(&["option"], &[]),
            _ if is_heading_tag(name).is_some() => {
                if self
                    .tree
                    .name(self.top())
                    .and_then(is_heading_tag)
                    .is_some()
                    && let Some(n) = self.tree.nodes[self.top() as usize].name.clone()
                {
                    self.pop_to(&n);
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::ingest::document::Document;
    use crate::ingest::read::html::read;

    fn read_str(html: &str) -> Document {
        read(html.as_bytes()).expect("reads")
    }

    #[test]
    fn implied_ends_close_paragraphs_items_and_cells() {
        let doc = read_str(
            "<body><p>Een<p>Twee<ul><li>a<li>b</ul><table><tr><td>x<td>y<tr><td>z<td>w</table>",
        );
        let lines: Vec<&str> = doc.text.lines().filter(|l| !l.is_empty()).collect();
        assert_eq!(lines, ["Een", "Twee", "a", "b", "x | y", "z | w"]);
    }
}
