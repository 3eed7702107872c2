//! Inline Markdown out of running text: links become their text (their URLs are collected),
//! `<...>` autolinks become the URL, emphasis marks and `\(` escapes are undone, stray HTML
//! tags other than `<sup>` are dropped, and white space is folded to single spaces.

use super::scan::{Bytes, find_pair};

/// The clean text of `text`.
pub fn clean(text: &str) -> String {
    clean_with_urls(text).0
}

/// The clean text of `text` and the URLs in it: link targets (not `#`), autolinks and bare
/// `http(s)://` addresses, in order, without duplicates.
pub fn clean_with_urls(text: &str) -> (String, Vec<String>) {
    // Most running text has no markup at all.
    if is_plain(text) {
        return (text.trim().to_string(), Vec::new());
    }
    clean_markup::<true>(text)
}

/// [`clean_with_urls`] of text with markup. Plain runs are passed over a chunk at a time
/// (`SKIP`), or byte by byte (what the tests compare the chunks with).
fn clean_markup<const SKIP: bool>(text: &str) -> (String, Vec<String>) {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut urls = Vec::new();
    // The text is copied a run at a time: `run` is where the run not yet copied starts, and
    // `after_space` whether `out` with that run ends with a space (or is empty: no space may
    // lead).
    let mut run = 0;
    let mut after_space = true;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        // Plain characters, and a single space after one, go into the run: looked at a chunk
        // at a time up to the next byte that is markup, white space other than a single
        // space, or not ASCII (a pair of bytes from `i`, so that a space after a space is
        // found).
        if PLAIN_ASCII[usize::from(b)] || (b == b' ' && !after_space) {
            if !SKIP {
                after_space = b == b' ';
                i += 1;
                continue;
            }
            i = find_pair(bytes, i, |a, b| {
                b.within(0x80, 0xFF)
                    | is_markup_byte(b)
                    | is_space_other_than_blank(b)
                    | (a.is(b' ') & b.is(b' '))
            })
            .map_or(bytes.len(), |p| p + 1);
            after_space = bytes[i - 1] == b' ';
            continue;
        }
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        if !c.is_ascii() && !c.is_whitespace() {
            after_space = false;
            i += c.len_utf8();
            continue;
        }
        out.push_str(&text[run..i]);
        let (end, pushed) = match c {
            '\\' if bytes.get(i + 1).is_some_and(u8::is_ascii_punctuation) => {
                (i + 2, Some(&text[i + 1..i + 2]))
            }
            '[' => match link_at(text, i) {
                Some((label_end, url_end)) => {
                    let url = text[label_end + 2..url_end].trim();
                    if is_url(url) {
                        urls.push(url.to_string());
                    }
                    let (label, _) = clean_with_urls(&text[i + 1..label_end]);
                    out.push_str(&label);
                    after_space = out.is_empty() || out.ends_with(' ');
                    (url_end + 1, None)
                }
                None => (i + 1, Some("[")),
            },
            '<' => {
                let inner = autolink_at(text, i);
                if let Some(inner) = inner.filter(|inner| is_url(inner)) {
                    urls.push(inner.to_string());
                    (i + inner.len() + 2, Some(inner))
                } else if let Some(inner) = inner.filter(|inner| is_dropped_tag(inner)) {
                    if inner.starts_with("br") && !out.ends_with(' ') {
                        out.push(' ');
                        after_space = true;
                    }
                    (i + inner.len() + 2, None)
                } else {
                    (i + 1, Some("<"))
                }
            }
            '*' => {
                let prev = text[..i].chars().next_back();
                let next = text[i + 1..].chars().next();
                let opens = prev.is_none_or(|p| p.is_whitespace() || p.is_ascii_punctuation())
                    && next.is_some_and(|n| !n.is_whitespace());
                let closes = prev.is_some_and(|p| !p.is_whitespace())
                    && next.is_none_or(|n| n.is_whitespace() || n.is_ascii_punctuation());
                (i + 1, (!(opens || closes)).then_some("*"))
            }
            c if c.is_whitespace() => {
                if !out.is_empty() && !out.ends_with(' ') {
                    out.push(' ');
                }
                after_space = true;
                (i + c.len_utf8(), None)
            }
            _ => (i + c.len_utf8(), Some(&text[i..i + c.len_utf8()])),
        };
        if let Some(pushed) = pushed {
            out.push_str(pushed);
            after_space = pushed == " ";
        }
        i = end;
        run = end;
    }
    out.push_str(&text[run..]);
    bare_urls(&out, &mut urls);
    if urls.len() > 1 {
        let mut seen = std::collections::HashSet::new();
        urls.retain(|u| seen.insert(u.clone()));
    }
    (out.trim().to_string(), urls)
}

/// The bare URLs of the clean text `out`, in order: in each word that holds `http` (found
/// by its `ht`, sixteen byte pairs at a time), from its first `http://`, or else `https://`,
/// without the punctuation after it.
fn bare_urls(out: &str, urls: &mut Vec<String>) {
    let bytes = out.as_bytes();
    let mut from = 0;
    while let Some(i) = find_pair(bytes, from, |a, b| a.is(b'h') & b.is(b't')) {
        if !bytes[i..].starts_with(b"http") {
            from = i + 1;
            continue;
        }
        // The word around it, as `split_whitespace` has it.
        let start = out[..i]
            .char_indices()
            .rev()
            .find(|&(_, c)| c.is_whitespace())
            .map_or(0, |(w, c)| w + c.len_utf8());
        let end = out[i..]
            .find(char::is_whitespace)
            .map_or(out.len(), |e| i + e);
        url_in_word(&out[start..end], urls);
        from = end;
    }
}

/// The URL of one word, if it holds one.
fn url_in_word(word: &str, urls: &mut Vec<String>) {
    let start = find(word, "http://").or_else(|| find(word, "https://"));
    if let Some(start) = start {
        let url = trim_url(&word[start..]);
        if is_url(url) {
            urls.push(url.to_string());
        }
    }
}

/// Whether `text` has no markup, tabs, line ends, double spaces or URLs: then cleaning only
/// trims it.
fn is_plain(text: &str) -> bool {
    // One pass over the byte pairs: markup, tab, line end, two spaces, or `ht` (of `http`, in
    // running text rare enough to look at each).
    let bytes = text.as_bytes();
    if bytes.first().is_some_and(|&b| is_unplain(b)) {
        return false;
    }
    let mut from = 0;
    while let Some(i) = find_pair(bytes, from, |a, b| {
        is_unplain(b) | (a.is(b' ') & b.is(b' ')) | (a.is(b'h') & b.is(b't'))
    }) {
        let (a, b) = (bytes[i], bytes[i + 1]);
        if is_unplain(b) || (a == b' ' && b == b' ') || bytes[i..].starts_with(b"http") {
            return false;
        }
        from = i + 1;
    }
    true
}

/// Bytes that make text not plain: `\`, `[`, `<`, `*`, tab, line end.
fn is_unplain<B: Bytes>(b: B) -> B::Mask {
    b.is(b'\\') | b.is(b'[') | b.is(b'<') | b.is(b'*') | b.is(b'\t') | b.is(b'\n')
}

/// The bytes [`clean_with_urls`] looks at one by one: `\`, `[`, `<`, `*`.
fn is_markup_byte<B: Bytes>(b: B) -> B::Mask {
    b.is(b'\\') | b.is(b'[') | b.is(b'<') | b.is(b'*')
}

/// ASCII white space other than the space, as `char::is_whitespace` has it.
fn is_space_other_than_blank<B: Bytes>(b: B) -> B::Mask {
    b.within(b'\t', b'\r')
}

/// ASCII bytes that [`clean_with_urls`] copies as they are: all but markup and white space.
const PLAIN_ASCII: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 0x80 {
        table[b] = !matches!(b as u8, b'\\' | b'[' | b'<' | b'*') && !is_space(b as u8);
        b += 1;
    }
    table
};

/// ASCII white space as `char::is_whitespace` has it.
const fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r')
}

/// Whether `needle` occurs in `haystack`.
/// Where `needle` first occurs in `haystack`: a plain byte scan, cheaper than `str::find` for
/// the short words here (which builds a searcher on every call).
fn find(haystack: &str, needle: &str) -> Option<usize> {
    haystack
        .as_bytes()
        .windows(needle.len())
        .position(|w| w == needle.as_bytes())
}

/// The longest link label and URL looked for: bounds the scans so that a text full of
/// unclosed brackets stays linear.
const MAX_LABEL: usize = 1_000;
const MAX_URL: usize = 2_000;

/// `[label](url)` starting at byte `i`: the byte offsets of `]` and of the closing `)`.
fn link_at(text: &str, i: usize) -> Option<(usize, usize)> {
    let mut chars = text[i..].char_indices().skip(1); // after `[`
    let mut n = 0; // chars after `[`
    let mut depth = 0;
    let label_end = loop {
        n += 1;
        if n > MAX_LABEL {
            return None;
        }
        match chars.next()? {
            (_, '\\') => {
                chars.next();
                n += 1;
            }
            (_, '[') => depth += 1,
            (k, ']') if depth == 0 => break i + k,
            (_, ']') => depth -= 1,
            _ => {}
        }
    };
    if !text[label_end + 1..].starts_with('(') {
        return None;
    }
    let mut chars = text[label_end..].char_indices().skip(2); // after `](`
    let mut n = 1; // chars after `]`
    let mut depth = 0;
    loop {
        n += 1;
        if n > MAX_URL {
            return None;
        }
        match chars.next()? {
            (_, '(') => depth += 1,
            (k, ')') if depth == 0 => return Some((label_end, label_end + k)),
            (_, ')') => depth -= 1,
            _ => {}
        }
    }
}

/// The text between `<` at byte `i` and the next `>`, when no other `<` comes first and the
/// `>` stands within `MAX_URL` chars.
fn autolink_at(text: &str, i: usize) -> Option<&str> {
    let rest = &text[i + 1..];
    // `MAX_URL` chars take at most four times as many bytes.
    let window = &rest.as_bytes()[..rest.len().min(4 * MAX_URL)];
    let close = window.iter().position(|&b| b == b'>' || b == b'<')?;
    let inner = &rest[..close];
    (rest.as_bytes()[close] == b'>' && inner.chars().count() < MAX_URL - 1).then_some(inner)
}

fn is_url(s: &str) -> bool {
    (s.starts_with("http://") || s.starts_with("https://"))
        && s.len() > 8
        && !s.contains(char::is_whitespace)
}

fn is_dropped_tag(inner: &str) -> bool {
    let name = inner.trim_start_matches('/').trim_end_matches('/').trim();
    ["br", "u", "i", "b", "em", "strong", "span", "p", "div"].contains(&name)
}

/// A URL without the punctuation that ends the sentence around it.
fn trim_url(url: &str) -> &str {
    let mut u = url.trim_end_matches(['.', ',', ';', ':', '!', '?', '"', '\'', '>']);
    while u.ends_with(')') && u.matches('(').count() < u.matches(')').count() {
        u = &u[..u.len() - 1];
    }
    u
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_become_text_and_urls_are_collected() {
        let (t, u) = clean_with_urls(
            "Zie [20240912-analyse.pdf \\(bitsoffreedom.nl\\)](https://www.bitsoffreedom.nl/a.pdf)",
        );
        assert_eq!(t, "Zie 20240912-analyse.pdf (bitsoffreedom.nl)");
        assert_eq!(u, vec!["https://www.bitsoffreedom.nl/a.pdf"]);
        let (t, u) = clean_with_urls("[Recht op privacy - Artikel 16](#)");
        assert_eq!((t.as_str(), u.len()), ("Recht op privacy - Artikel 16", 0));
    }

    #[test]
    fn autolinks_and_bare_urls() {
        let (t, u) = clean_with_urls("Zie <https://a.example/x%20y.pdf>");
        assert_eq!(t, "Zie https://a.example/x%20y.pdf");
        assert_eq!(u, vec!["https://a.example/x%20y.pdf"]);
        let (_, u) = clean_with_urls("https://a.example/ | https://b.example/.");
        assert_eq!(u, vec!["https://a.example/", "https://b.example/"]);
    }

    #[test]
    fn emphasis_and_escapes_are_undone_but_sup_kept() {
        assert_eq!(
            clean("een *client-side scanning* van *social media*-platforms"),
            "een client-side scanning van social media-platforms"
        );
        assert_eq!(clean("**vet**  en\\* 5 * 3"), "vet en* 5 * 3");
        assert_eq!(clean("aanpak<sup>1</sup>.<br>x"), "aanpak<sup>1</sup>. x");
    }

    /// `is_plain` as its doc states it, one test at a time.
    fn is_plain_by_definition(text: &str) -> bool {
        !text.bytes().any(is_unplain) && !text.contains("  ") && !text.contains("http")
    }

    proptest::proptest! {
        /// Text of words, spaces of every kind, markup, links, URLs and non-ASCII chars, at
        /// every length around a chunk's: plain runs passed over a chunk at a time give what
        /// a byte at a time gives, and the plain test is its definition.
        #[test]
        fn plain_runs_pass_as_byte_by_byte(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "a", "woord", " ", "  ", "\t", "\n", "\u{a0}", "\u{3000}", "\u{b}", "\r",
                    "é", "–", "\\", "\\(", "*", "**", "[", "]", "(", ")", "[x](https://a.nl)",
                    "<", ">", "<br>", "<https://b.nl>", "h", "ht", "http", "https://c.nl/d", "xhttp://e.nl",
                    "\u{85}", ".",
                ]),
                0..120,
            )
        ) {
            let text = parts.concat();
            proptest::prop_assert_eq!(clean_markup::<true>(&text), clean_markup::<false>(&text));
            proptest::prop_assert_eq!(is_plain(&text), is_plain_by_definition(&text));
            let (mut found, mut by_words) = (Vec::new(), Vec::new());
            bare_urls(&text, &mut found);
            for word in text.split_whitespace() {
                url_in_word(word, &mut by_words);
            }
            proptest::prop_assert_eq!(found, by_words);
        }
    }
}
