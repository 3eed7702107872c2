//! What a Markdown site's page carries besides its text: raw HTML (comments such as the
//! excerpt mark `<!-- more -->`, wrappers such as `<div class="admonition">`, links written as
//! `<a href>`), images with their credits set in small print, and the page's title as its first
//! `#` heading. Markdown allows all of it, and none of it is the letter's text. Lines are
//! blanked or shortened, never removed, so line numbers stay those of the file; fenced code is
//! left as it is.

/// HTML elements whose tags are taken out of a Markdown line, their content kept. `sup` and
/// `sub` are not among them: the notes pass reads `<sup>n</sup>` as a note marker.
const TAGS: &[&str] = &[
    "a",
    "abbr",
    "article",
    "aside",
    "b",
    "big",
    "blockquote",
    "br",
    "center",
    "cite",
    "code",
    "dd",
    "del",
    "details",
    "div",
    "dl",
    "dt",
    "em",
    "figcaption",
    "figure",
    "font",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "ins",
    "kbd",
    "li",
    "mark",
    "ol",
    "p",
    "q",
    "s",
    "section",
    "span",
    "strong",
    "summary",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "tr",
    "u",
    "ul",
];

/// Elements that are no text of the letter, content and all: small print standing as a block
/// of its own (a site's image credits and captions), pictures, and embedded media.
const DROPPED: &[&str] = &[
    "small",
    "img",
    "picture",
    "video",
    "audio",
    "iframe",
    "figcaption",
    "script",
    "style",
    "noscript",
    "svg",
];

/// Cleans a Markdown page in place (see the module's comment).
pub fn clean(text: &mut String) {
    if !text.contains(['<', '!']) {
        return;
    }
    let mut out = String::with_capacity(text.len());
    let mut fence: Option<&str> = None;
    // The element (or comment, as `--`) whose end a blanked block waits for.
    let mut open: Option<String> = None;
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let trimmed = line.trim_start();
        if let Some(f) = fence {
            if trimmed.starts_with(f) {
                fence = None;
            }
            out.push_str(line);
            continue;
        }
        if open.is_none() {
            for f in ["```", "~~~"] {
                if trimmed.starts_with(f) {
                    fence = Some(f);
                }
            }
            if fence.is_some() {
                out.push_str(line);
                continue;
            }
        }
        let mut rest = line;
        if let Some(name) = &open {
            let end = if name == "--" {
                "-->".to_string()
            } else {
                format!("</{name}>")
            };
            match find_ignore_case(rest, &end) {
                Some(at) => {
                    rest = &rest[at + end.len()..];
                    open = None;
                }
                None => continue,
            }
        }
        let cleaned = clean_line(rest, &mut open);
        if is_picture_line(&cleaned) {
            continue;
        }
        out.push_str(&cleaned);
    }
    *text = out;
}

/// One line without comments, dropped elements, images and the tags of [`TAGS`]; `open` is
/// set when a comment or dropped element goes on past the line's end.
fn clean_line(line: &str, open: &mut Option<String>) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(at) = rest.find(['<', '!']) {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        if let Some(after) = tail.strip_prefix("<!--") {
            match after.find("-->") {
                Some(end) => rest = &after[end + 3..],
                None => {
                    *open = Some("--".into());
                    return out;
                }
            }
            continue;
        }
        if tail.starts_with("![") {
            match image_end(tail) {
                Some(end) => rest = &tail[end..],
                None => {
                    out.push('!');
                    rest = &tail[1..];
                }
            }
            continue;
        }
        if let Some(after) = tail.strip_prefix('!') {
            out.push('!');
            rest = after;
            continue;
        }
        let Some((name, closing, end)) = tag(tail) else {
            out.push('<');
            rest = &tail[1..];
            continue;
        };
        let attributes = &tail[..end];
        let hidden = attributes.contains("aria-hidden=\"true\"");
        if !closing && (DROPPED.contains(&name.as_str()) || hidden) {
            let self_closing = attributes.ends_with("/>") || matches!(name.as_str(), "img");
            if self_closing {
                rest = &tail[end..];
                continue;
            }
            let close = format!("</{name}>");
            match find_ignore_case(&tail[end..], &close) {
                Some(c) => rest = &tail[end + c + close.len()..],
                None => {
                    *open = Some(name);
                    return out;
                }
            }
            continue;
        }
        if TAGS.contains(&name.as_str()) || DROPPED.contains(&name.as_str()) {
            rest = &tail[end..];
            continue;
        }
        // Not a tag of ours (`<https://...>`, `a < b`): kept as written.
        out.push('<');
        rest = &tail[1..];
    }
    out.push_str(rest);
    if out.trim().is_empty() && !line.trim().is_empty() {
        // A line of tags only (`<div class="admonition" markdown>`) ends a block.
        return String::new();
    }
    out
}

/// The tag at the start of `s` (`<div class="x">`, `</p>`): its lower-case name, whether it
/// closes, and where it ends. `None` when `s` starts no tag.
fn tag(s: &str) -> Option<(String, bool, usize)> {
    let inner = s.strip_prefix('<')?;
    let (closing, inner) = match inner.strip_prefix('/') {
        Some(rest) => (true, rest),
        None => (false, inner),
    };
    let name_len = inner
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(inner.len());
    if name_len == 0 || !inner.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    let after = &inner[name_len..];
    if !after.starts_with(['>', ' ', '/', '\t']) {
        return None;
    }
    // A quoted attribute may hold `>`.
    let mut quote = None;
    for (i, c) in after.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '>') => {
                let end = s.len() - after.len() + i + 1;
                return Some((inner[..name_len].to_ascii_lowercase(), closing, end));
            }
            _ => {}
        }
    }
    None
}

/// Where an image `![alt](src)` (or `![alt][ref]`) that starts `s` ends.
fn image_end(s: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut alt_end = None;
    for (i, c) in s.char_indices().skip(1) {
        match c {
            '[' => depth += 1,
            ']' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    alt_end = Some(i + 1);
                    break;
                }
            }
            _ => {}
        }
    }
    let alt_end = alt_end?;
    let (open, close) = match s[alt_end..].chars().next()? {
        '(' => ('(', ')'),
        '[' => ('[', ']'),
        _ => return None,
    };
    let mut depth = 0usize;
    for (i, c) in s[alt_end..].char_indices() {
        if c == open {
            depth += 1;
        } else if c == close {
            depth -= 1;
            if depth == 0 {
                return Some(alt_end + i + 1);
            }
        }
    }
    None
}

/// Whether a line is nothing but a linked picture left empty by [`clean_line`]: `[](url)`.
fn is_picture_line(line: &str) -> bool {
    let t = line.trim();
    t.starts_with("[](") && t.ends_with(')') && !t[3..].contains(' ')
}

fn find_ignore_case(haystack: &str, needle: &str) -> Option<usize> {
    haystack
        .as_bytes()
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

/// The page's title when its first line of text is a `#` heading: the letter's subject, so
/// that it is no heading of the body and never the sender. The line is blanked when it gives
/// the subject or repeats the front matter's `title`; another first heading stays a heading.
pub fn take_title(text: &mut String, subject: &mut Option<String>) {
    let start = text.len() - text.trim_start_matches(['\n', ' ', '\t', '\r']).len();
    let start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    let line = text[start..line_end].trim();
    let Some(title) = line.strip_prefix("# ") else {
        return;
    };
    let title = title.trim().trim_end_matches('#').trim();
    if title.is_empty() {
        return;
    }
    match subject {
        Some(given) if !given.eq_ignore_ascii_case(title) => return,
        Some(_) => {}
        None => *subject = Some(title.to_string()),
    }
    text.replace_range(start..line_end, "");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cleaned(text: &str) -> String {
        let mut t = text.to_string();
        clean(&mut t);
        t
    }

    #[test]
    fn comments_credits_and_pictures_go_and_the_line_count_stays() {
        let page = "![A protest](../img/a.webp)\n\n<small aria-hidden=\"true\">Illustration: Em / Site</small>\n\nIt is back.<!-- more -->\n\nText [![logo](l.png)](https://x.org) after.";
        let out = cleaned(page);
        assert_eq!(out.split('\n').count(), page.split('\n').count());
        assert!(
            !out.contains("protest") && !out.contains("Illustration"),
            "{out}"
        );
        assert!(
            out.contains("It is back.\n") && !out.contains("more"),
            "{out}"
        );
        assert!(!out.contains("logo"), "{out}");
    }

    #[test]
    fn small_print_over_several_lines_and_html_wrappers_leave_only_the_text() {
        let page = "<small style=\"display: block; text-align: right\">\nImage credit from <a href=\"https://x.org\">X</a>.\n</small>\n<div class=\"admonition question\" markdown>\n<p class=\"admonition-title\">How to stop this?</p>\n\nContact your <a href=\"https://m.eu\">MEPs</a> now.\n</div>";
        let out = cleaned(page);
        assert_eq!(out.split('\n').count(), page.split('\n').count());
        assert!(!out.contains("credit") && !out.contains("display"), "{out}");
        assert!(out.contains("How to stop this?"), "{out}");
        assert!(out.contains("Contact your MEPs now."), "{out}");
        assert!(!out.contains('<'), "{out}");
    }

    #[test]
    fn note_markers_autolinks_comparisons_and_code_stay() {
        let page = "Een zin.<sup>3</sup> Zie <https://example.org/a>.\n\nAls a < b en b > c.\n\n```\n<div>code</div>\n```";
        assert_eq!(cleaned(page), page);
    }

    #[test]
    fn a_first_heading_is_the_title() {
        let mut text = "\n\n# Chat Control Must Be Stopped\n\nText.".to_string();
        let mut subject = None;
        take_title(&mut text, &mut subject);
        assert_eq!(subject.as_deref(), Some("Chat Control Must Be Stopped"));
        assert_eq!(text, "\n\n\n\nText.");
        // The front matter's title repeated, and another title, which stays a heading.
        let mut subject = Some("Chat control must be stopped".to_string());
        let mut text = "# Chat Control Must Be Stopped\nText.".to_string();
        take_title(&mut text, &mut subject);
        assert_eq!(text, "\nText.");
        let mut text = "# Inleiding\nText.".to_string();
        take_title(&mut text, &mut subject);
        assert_eq!(text, "# Inleiding\nText.");
        assert_eq!(subject.as_deref(), Some("Chat control must be stopped"));
        for page in ["Geachte heer,\n\n# Kop\n", "## Section\n"] {
            let mut text = page.to_string();
            let mut subject = None;
            take_title(&mut text, &mut subject);
            assert_eq!((text.as_str(), subject), (page, None));
        }
    }
}
