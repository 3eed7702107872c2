//! The page's main content and what is left out of it: the text weight of every node (and
//! the part of it in links), the root chosen from `main` and `article`, and the elements
//! skipped as never content, hidden, or furniture by their name, role, `id` or `class`.

use super::parse::closes_p;
use super::tree::{Key, NONE, Tree};

/// Elements whose content is never text of the letter.
pub(super) fn never_content(name: &str) -> bool {
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
pub(super) fn is_block(name: &str) -> bool {
    closes_p(name)
        || matches!(
            name,
            "tr" | "td" | "th" | "thead" | "tbody" | "tfoot" | "caption" | "legend" | "#root"
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
pub(super) fn words(value: &str) -> impl Iterator<Item = String> + '_ {
    value
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
}

/// The page read: the tree, text lengths and the content's root.
pub(super) struct Page<'t> {
    pub(super) tree: &'t Tree,
    /// Non-space bytes of text under each node (never-content elements count none).
    pub(super) weight: Vec<u32>,
    /// The part of it inside links.
    linked: Vec<u32>,
    pub(super) root: u32,
    /// Whether the root is a `main` or `article` (its headers and footers are its own).
    sectioned: bool,
}

impl<'t> Page<'t> {
    pub(super) fn new(tree: &'t Tree) -> Page<'t> {
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
    pub(super) fn hidden(&self, n: u32) -> bool {
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
    pub(super) fn skipped(&self, n: u32, sections: usize) -> bool {
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
    pub(super) fn short_text(&self, n: u32, max: usize) -> Option<String> {
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
}
