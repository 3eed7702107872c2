//! The HTML reader: a web page's main content as paragraphs, headings, list items and table
//! rows, its footnotes with their markers in place, and its title and date as hints.
//!
//! Parsing: html5ever's tokenizer (entities, attributes, raw text of `script` and `style`)
//! feeds a tree builder of our own, linear in the input: the HTML5 tree builder scans its stack
//! of open elements for every block start tag, which takes a minute on 100,000 nested `div`s.
//! Ours keeps the rules that shape text (a block start closes an open `p`, `li` closes `li`,
//! `dd`/`dt` close each other, `tr`/`td`/`th` close their kind, an end tag closes up to its open
//! element and is ignored when none is open), each looking at most [`SCAN`] elements down the
//! stack. Elements nest at most [`MAX_DEPTH`] deep (deeper ones are read as part of the element
//! at that depth) and at most [`MAX_NODES`] nodes are made.
//!
//! The main content: `<main>` (or `role="main"`), else an `<article>` holding at least half the
//! page's text, else the whole page; never navigation, page headers and footers (`header` and
//! `footer` outside an `article`, `section` or `main`), asides, forms, scripts, styles, hidden
//! elements (`hidden`, `aria-hidden`, `display: none`), landmark roles other than main, nor
//! blocks named by their `id` or `class` as navigation, menu, breadcrumbs, skip links, cookie
//! or consent banners, sharing buttons, sidebars or search (only while they hold less than half
//! the content's text, so that a page named oddly keeps its text).
//!
//! Blocks: `h1`-`h6` (and publisher classes: EUR-Lex's `ManualHeading1`-style and `ti-`
//! title classes) are headings, `li` list items, every other block of text (`p`, `div`, `dd`,
//! `blockquote`) a paragraph; `br` breaks the line inside its block; a table row with two or
//! more cells is one paragraph, its cells separated by ` | ` (a short label cell such as
//! `(1)` or `a)` before the text is joined with a space), a row of one cell passes its blocks
//! through. `p` blocks have space around them, `div` and `li` do not.
//!
//! Notes: a link to an element of the page (`href="#x"`) whose text is a number (`1`, `(1)`,
//! `[1]`) and which is superscript, or named a note by its class or role (`footnote-ref`,
//! `footnoteRef`, `nootnum`, `doc-noteref`), or whose target links back to it, is a note marker,
//! put in place as a sentinel. Its note is the block holding the target (the target itself when
//! it is a `li`, `dd`, `p` or `div`): its text without the link back and the note's own number,
//! its link targets and the URLs written in it. Notes are kept out of the body. The number is
//! the one the page shows; a number shown again for another note (an annex that counts from 1)
//! takes the next free number.
//!
//! Hints: the subject from `og:title`, the `<title>` (up to a ` | Site name`), `DC.title` or
//! `dcterms.title`; the date from `DC.date`, `dcterms.date`/`created`/`issued`,
//! `article:published_time`. Where the letter states its own, the letter wins.

use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};

use html5ever::LocalName;
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};

use super::ReadError;
use super::office::{self, Kind, Para, Piece};
use crate::ingest::decode;
use crate::ingest::document::{Document, Format};
use crate::model::Date;
use crate::text::sanitize;

/// Deepest nesting of elements kept.
pub const MAX_DEPTH: usize = 512;
/// Most nodes (elements and runs of text) made of one page.
pub const MAX_NODES: usize = 4_000_000;
/// How many open elements the implied-end rules look at, from the current one down.
pub const SCAN: usize = 64;
/// Longest attribute value kept (longer ones, such as `data:` URLs, are dropped).
const MAX_ATTR: usize = 4096;

const NONE: u32 = u32::MAX;

/// Reads an HTML page.
pub fn read(bytes: &[u8]) -> Result<Document, ReadError> {
    let (text, mut warnings) = decode_page(bytes);
    let (tree, limits) = parse(&text);
    drop(text);
    warnings.extend(limits);
    let (body, read_notes, hints) = {
        let page = Page::new(&tree);
        let notes = page.notes();
        let body = page.body(&notes);
        let read_notes: Vec<office::Note> = notes
            .order
            .iter()
            .map(|&container| page.note(&notes, container))
            .collect();
        (body, read_notes, page.hints())
    };
    // The tree is done with before the document is written.
    drop(tree);
    if body.iter().all(Para::is_empty) && read_notes.is_empty() {
        return Err(ReadError::new("an HTML page with no text in its content"));
    }
    let mut b = office::build(Format::Html, &body, &[], &[]);
    for note in &read_notes {
        let urls: Vec<String> = office::note_urls(note)
            .into_iter()
            .map(|u| sanitize(&u).into_owned())
            .collect();
        b.note(note.number, &sanitize(&note.text), urls, 0);
    }
    *b.hints() = hints;
    labelled_head(&body, b.hints());
    for w in warnings {
        b.warn(w);
    }
    Ok(b.finish())
}

/// What a page's head states as labelled terms before its text (a definition list of a
/// Kamerstuk's page: `Nummer: 33308-13`, `Publicatiedatum: 10 februari 2015`, `Indiener:
/// Lilian Helder, Kamerlid PVV`), where nothing else gave it: date, reference and sender.
fn labelled_head(body: &[Para], hints: &mut crate::ingest::document::Hints) {
    use crate::ingest::patterns::{self, Label};
    // The head ends where the running text begins: a paragraph of two sentences or more.
    for para in body.iter().take(200) {
        let text = para.plain();
        let text = text.trim();
        if text.matches(". ").count() >= 2 {
            break;
        }
        let Some((label, value)) = patterns::label(text) else {
            continue;
        };
        if value.is_empty() || value.chars().count() > 120 {
            continue;
        }
        match label {
            Label::Date if hints.date.is_none() => {
                hints.date = crate::dates::parse_full_date(value)
            }
            Label::Reference if hints.reference.is_none() => {
                hints.reference = Some(value.to_string())
            }
            Label::From if hints.sender.is_none() => hints.sender = Some(value.to_string()),
            _ => {}
        }
    }
}

/// The page's text: a byte-order mark or valid UTF-8 decide, else the `charset` the page
/// declares in its first kilobytes, else Windows-1252 (as for text letters).
fn decode_page(bytes: &[u8]) -> (Cow<'_, str>, Vec<String>) {
    let bom = bytes.starts_with(b"\xEF\xBB\xBF") || decode::has_utf16_bom(bytes);
    let utf8 = std::str::from_utf8(bytes);
    // The common case is read where it lies (the tokenizer sees a carriage return as HTML does).
    if !bom && let Ok(text) = utf8 {
        return (Cow::Borrowed(text), Vec::new());
    }
    if !bom
        && utf8.is_err()
        && let Some(encoding) = declared_charset(bytes)
        && encoding != encoding_rs::UTF_8
    {
        let (text, _, had_errors) = encoding.decode(bytes);
        let mut warnings = Vec::new();
        if had_errors {
            warnings.push(format!(
                "not valid {}: undecodable bytes replaced with U+FFFD",
                encoding.name()
            ));
        }
        return (Cow::Owned(text.into_owned()), warnings);
    }
    let decoded = decode::decode(bytes);
    (Cow::Owned(decoded.text), decoded.warnings)
}

/// The encoding named by `charset=` in the first 4 kB.
fn declared_charset(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let at = memchr::memmem::find(&lower, b"charset=")? + 8;
    let rest = &head[at..];
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let end = rest
        .iter()
        .position(|b| !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.')))
        .unwrap_or(rest.len());
    encoding_rs::Encoding::for_label(&rest[..end])
}

// ---------------------------------------------------------------------------------------
// The tree.

/// An element or a run of text.
#[derive(Debug, Clone)]
struct Node {
    /// `None` for text.
    name: Option<LocalName>,
    parent: u32,
    first: u32,
    last: u32,
    next: u32,
    /// Text: its bytes in [`Tree::text`]; an element: its attributes in [`Tree::attrs`].
    start: u32,
    len: u32,
}

/// The attributes the reader uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Key {
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
struct Tree {
    nodes: Vec<Node>,
    text: String,
    attrs: Vec<(Key, String)>,
}

impl Tree {
    fn name(&self, n: u32) -> Option<&str> {
        self.nodes[n as usize].name.as_deref()
    }

    fn is(&self, n: u32, name: &str) -> bool {
        self.name(n) == Some(name)
    }

    fn attr(&self, n: u32, key: Key) -> Option<&str> {
        let node = &self.nodes[n as usize];
        node.name.as_ref()?;
        let range = node.start as usize..(node.start + node.len) as usize;
        self.attrs[range]
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v.as_str())
    }

    fn text_of(&self, n: u32) -> &str {
        let node = &self.nodes[n as usize];
        &self.text[node.start as usize..(node.start + node.len) as usize]
    }

    fn parent(&self, n: u32) -> u32 {
        self.nodes[n as usize].parent
    }

    fn children(&self, n: u32) -> Children<'_> {
        Children {
            tree: self,
            next: self.nodes[n as usize].first,
        }
    }
}

struct Children<'t> {
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
fn closes_p(name: &str) -> bool {
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

fn is_heading_tag(name: &str) -> Option<u8> {
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
fn parse(text: &str) -> (Tree, Vec<String>) {
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

// ---------------------------------------------------------------------------------------
// Reading the tree.

/// Elements whose content is never text of the letter.
fn never_content(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "head"
            | "title"
            | "meta"
            | "link"
            | "base"
            | "svg"
            | "math"
            | "iframe"
            | "object"
            | "embed"
            | "canvas"
            | "video"
            | "audio"
            | "map"
            | "select"
            | "option"
            | "button"
            | "input"
            | "textarea"
            | "form"
            | "nav"
            | "aside"
            | "dialog"
            | "noembed"
            | "noframes"
            | "xmp"
    )
}

/// Elements that make a block of their own.
fn is_block(name: &str) -> bool {
    closes_p(name)
        || matches!(
            name,
            "tr" | "td" | "th" | "thead" | "tbody" | "tfoot" | "caption" | "legend" | "#root"
        )
}

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

/// Words of `id` and `class` values that name a block that is not the letter.
fn furniture_word(word: &str) -> bool {
    matches!(
        word,
        "nav"
            | "navbar"
            | "navigation"
            | "menu"
            | "menubar"
            | "breadcrumb"
            | "breadcrumbs"
            | "skiplink"
            | "skiplinks"
            | "gdpr"
            | "sidebar"
            | "toolbar"
            | "footer"
            | "pagination"
    ) || word.starts_with("cookie")
        || word.starts_with("consent")
}

/// Words of `id` and `class` values that name sharing buttons, but also the letter's own
/// topics (`social-policy`): furniture only when the block is mostly links.
fn sharing_word(word: &str) -> bool {
    matches!(word, "social" | "share" | "sharing")
}

/// Class names that hide their element.
fn hiding_class(class: &str) -> bool {
    matches!(
        class.to_ascii_lowercase().as_str(),
        "hidden"
            | "hide"
            | "d-none"
            | "sr-only"
            | "visually-hidden"
            | "visuallyhidden"
            | "screen-reader-text"
            | "element-hidden"
            | "element-invisible"
            | "invisible"
            | "skip-link"
            | "skip-links"
            | "skiplink"
            | "skip-to-content"
    )
}

/// Landmark roles that are not the letter.
fn furniture_role(role: &str) -> bool {
    matches!(
        role.trim().to_ascii_lowercase().as_str(),
        "navigation"
            | "banner"
            | "contentinfo"
            | "complementary"
            | "search"
            | "dialog"
            | "alertdialog"
            | "menu"
            | "menubar"
            | "toolbar"
    )
}

/// The words of an `id` or `class` value, lower case.
fn words(value: &str) -> impl Iterator<Item = String> + '_ {
    value
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
}

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

/// The page read: the tree, text lengths and the content's root.
struct Page<'t> {
    tree: &'t Tree,
    /// Non-space bytes of text under each node (never-content elements count none).
    weight: Vec<u32>,
    /// The part of it inside links.
    linked: Vec<u32>,
    root: u32,
    /// Whether the root is a `main` or `article` (its headers and footers are its own).
    sectioned: bool,
}

/// The notes of a page: marker numbers by reference, containers in number order.
#[derive(Debug, Default)]
struct Notes {
    /// Reference (`a` element) -> note number.
    refs: HashMap<u32, u32>,
    /// Note container -> (number, the number as the page shows it).
    containers: HashMap<u32, (u32, u32)>,
    /// Containers in the order of their numbers.
    order: Vec<u32>,
    /// The `id`s of the references, which the notes link back to.
    ref_ids: HashSet<String>,
}

impl<'t> Page<'t> {
    fn new(tree: &'t Tree) -> Page<'t> {
        let n = tree.nodes.len();
        let mut weight = vec![0u32; n];
        let mut linked = vec![0u32; n];
        // Children come after their parent: from the end, every node is whole when reached.
        for i in (1..n).rev() {
            let node = &tree.nodes[i];
            let own = match &node.name {
                None => tree
                    .text_of(i as u32)
                    .bytes()
                    .filter(|b| !b.is_ascii_whitespace())
                    .count() as u32,
                Some(name) if never_content(name) => {
                    linked[i] = 0;
                    0
                }
                Some(name) => {
                    if &**name == "a" {
                        linked[i] = weight[i];
                    }
                    weight[i]
                }
            };
            weight[i] = own;
            if node.parent != NONE {
                let p = node.parent as usize;
                weight[p] = weight[p].saturating_add(own);
                linked[p] = linked[p].saturating_add(linked[i]);
            }
        }
        let mut page = Page {
            tree,
            weight,
            linked,
            root: 0,
            sectioned: false,
        };
        page.choose_root();
        page
    }

    fn choose_root(&mut self) {
        let t = self.tree;
        let total = self.weight[0];
        let mut best_main: Option<u32> = None;
        let mut best_article: Option<u32> = None;
        for i in 1..t.nodes.len() as u32 {
            let Some(name) = t.name(i) else { continue };
            let w = self.weight[i as usize];
            if w == 0 {
                continue;
            }
            let main = name == "main"
                || t.attr(i, Key::Role)
                    .is_some_and(|r| r.trim().eq_ignore_ascii_case("main"));
            if main && best_main.is_none_or(|b| self.weight[b as usize] < w) {
                best_main = Some(i);
            }
            if name == "article" && best_article.is_none_or(|b| self.weight[b as usize] < w) {
                best_article = Some(i);
            }
        }
        if let Some(m) = best_main {
            self.root = m;
            self.sectioned = true;
        } else if let Some(a) = best_article
            && self.weight[a as usize] as u64 * 2 >= total as u64
        {
            self.root = a;
            self.sectioned = true;
        }
    }

    /// Whether the element is hidden or is furniture by its own attributes.
    fn hidden(&self, n: u32) -> bool {
        let t = self.tree;
        if t.attr(n, Key::Hidden).is_some()
            || t.attr(n, Key::AriaHidden)
                .is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
        {
            return true;
        }
        if let Some(style) = t.attr(n, Key::Style) {
            let compact: String = style
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect::<String>()
                .to_ascii_lowercase();
            if compact.contains("display:none") || compact.contains("visibility:hidden") {
                return true;
            }
        }
        if let Some(class) = t.attr(n, Key::Class)
            && class.split_whitespace().any(hiding_class)
        {
            return true;
        }
        t.attr(n, Key::Role).is_some_and(furniture_role)
    }

    /// Whether an element inside the content is left out of it.
    fn skipped(&self, n: u32, sections: usize) -> bool {
        let t = self.tree;
        let Some(name) = t.name(n) else { return false };
        if never_content(name) || self.hidden(n) {
            return true;
        }
        if matches!(name, "header" | "footer") && sections == 0 && !self.sectioned {
            return true;
        }
        // Named as furniture: only while it holds less than half of the content, or its text
        // is mostly links (a site's menu can outweigh the page it is on).
        let w = self.weight[n as usize] as u64;
        let small = w * 2 < self.weight[self.root as usize] as u64;
        let links = (self.linked[n as usize] as u64) * 2 > w;
        [Key::Id, Key::Class]
            .iter()
            .filter_map(|&k| t.attr(n, k))
            .flat_map(words)
            .any(|w| ((small || links) && furniture_word(&w)) || (links && sharing_word(&w)))
    }

    /// The text of a small element, or `None` when it has more than `max` bytes.
    fn short_text(&self, n: u32, max: usize) -> Option<String> {
        let t = self.tree;
        let mut out = String::new();
        let mut stack = vec![n];
        let mut seen = 0;
        while let Some(m) = stack.pop() {
            seen += 1;
            if seen > 1024 {
                return None;
            }
            if t.name(m).is_none() {
                out.push_str(t.text_of(m));
                if out.len() > max {
                    return None;
                }
                continue;
            }
            let kids: Vec<u32> = t.children(m).collect();
            stack.extend(kids.into_iter().rev());
        }
        Some(out)
    }

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
    fn notes(&self) -> Notes {
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
    fn note(&self, notes: &Notes, container: u32) -> office::Note {
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

    /// The content's blocks, notes and furniture left out.
    fn body(&self, notes: &Notes) -> Vec<Para> {
        let mut e = Emit::new(self, notes);
        e.run();
        e.body
    }

    /// Whether the page holds `text` (white space aside) in an element it hides: a title the
    /// page keeps out of view (a dossier's title over a motion's own) is not what it shows.
    fn hides(&self, text: &str) -> bool {
        let normal = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        (1..self.tree.nodes.len() as u32).any(|n| {
            self.tree.name(n).is_some_and(|name| name != "title")
                && self.hidden(n)
                && self
                    .short_text(n, text.len() * 2 + 64)
                    .is_some_and(|hidden| normal(&hidden) == text)
        })
    }

    /// The first element the page shows whose class names it a title (`use-as-title`,
    /// `document-title`), with its text: a page's own title where its head names another.
    fn shown_title(&self) -> Option<String> {
        let t = self.tree;
        (1..t.nodes.len() as u32)
            .filter(|&n| {
                t.attr(n, Key::Class).is_some_and(|class| {
                    class
                        .split_whitespace()
                        .any(|c| c == "title" || c.ends_with("-title") || c.ends_with("_title"))
                }) && !self.hidden(n)
            })
            .find_map(|n| {
                let text = self.short_text(n, 400)?;
                let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
                (!text.is_empty()).then_some(text)
            })
    }

    /// Subject and date from the page's head.
    fn hints(&self) -> crate::ingest::document::Hints {
        let t = self.tree;
        let mut subject: [Option<String>; 3] = [None, None, None];
        let mut head_hidden = false;
        let mut date: Option<Date> = None;
        let mut date_rank = usize::MAX;
        const DATE_KEYS: [&str; 8] = [
            "dc.date",
            "dcterms.date",
            "dc.date.issued",
            "dcterms.issued",
            "dcterms.created",
            "dc.date.created",
            "article:published_time",
            "date",
        ];
        for i in 1..t.nodes.len() as u32 {
            match t.name(i) {
                Some("meta") => {
                    let Some(key) = t.attr(i, Key::Name).or_else(|| t.attr(i, Key::Property))
                    else {
                        continue;
                    };
                    let key = key.trim().to_ascii_lowercase();
                    let Some(value) = t.attr(i, Key::Content).map(str::trim) else {
                        continue;
                    };
                    if value.is_empty() {
                        continue;
                    }
                    match key.as_str() {
                        "og:title" if subject[0].is_none() => subject[0] = Some(value.to_string()),
                        "dc.title" | "dcterms.title" if subject[2].is_none() => {
                            subject[2] = Some(value.to_string())
                        }
                        _ => {}
                    }
                    if let Some(rank) = DATE_KEYS.iter().position(|k| *k == key)
                        && rank < date_rank
                        && let Some(d) = iso_date(value)
                    {
                        date = Some(d);
                        date_rank = rank;
                    }
                }
                Some("title") if subject[1].is_none() => {
                    // The title of the page, not of an SVG drawing in it.
                    let mut up = t.parent(i);
                    let mut in_svg = false;
                    while up != NONE {
                        in_svg |= t.is(up, "svg");
                        up = t.parent(up);
                    }
                    if !in_svg && let Some(s) = self.short_text(i, 2000) {
                        let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
                        let s = s.split(" | ").next().unwrap_or("").trim().to_string();
                        // A file's name (`L_2013176EN.01000101.xml`) names no subject.
                        let file_name = super::names_a_file(&s);
                        if self.hides(&s) {
                            // The head describes what the page keeps out of view (the
                            // dossier a motion belongs to), not the page: its titles are no
                            // subject, and the page's own text tells it.
                            head_hidden = true;
                        } else if !s.is_empty() && !file_name {
                            subject[1] = Some(s);
                        }
                    }
                }
                _ => {}
            }
        }
        let subject = if head_hidden {
            self.shown_title()
        } else {
            subject.into_iter().flatten().next()
        };
        crate::ingest::document::Hints {
            subject,
            date,
            ..Default::default()
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

/// A date at the start of a value: `2024-10-14`, `2024-10-14T09:00:00+02:00`.
fn iso_date(value: &str) -> Option<Date> {
    let head = value.split(['T', ' ']).next()?;
    Date::parse_iso(head)
}

// ---------------------------------------------------------------------------------------
// Making blocks.

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

    fn read_str(html: &str) -> Document {
        read(html.as_bytes()).expect("reads")
    }

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

    #[test]
    fn publisher_heading_classes() {
        assert_eq!(class_heading("li ManualHeading2"), Some(2));
        assert_eq!(class_heading("oj-ti-art"), Some(3));
        assert_eq!(class_heading("ti-section-1"), Some(2));
        assert_eq!(class_heading("doc-ti"), Some(1));
        assert_eq!(class_heading("Normal"), None);
        assert_eq!(class_heading("title"), None);
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
