//! Inline Markdown out of running text: links become their text (their URLs are collected),
//! `<...>` autolinks become the URL, emphasis marks and `\(` escapes are undone, stray HTML
//! tags other than `<sup>` are dropped, and white space is folded to single spaces.

/// The clean text of `text`.
pub fn clean(text: &str) -> String {
    clean_with_urls(text).0
}

/// The clean text of `text` and the URLs in it: link targets (not `#`), autolinks and bare
/// `http(s)://` addresses, in order, without duplicates.
pub fn clean_with_urls(text: &str) -> (String, Vec<String>) {
    // Most running text has no markup at all.
    let plain = !text.contains(['\\', '[', '<', '*', '\t', '\n'])
        && !text.contains("http")
        && !text.as_bytes().windows(2).any(|w| w == b"  ");
    if plain {
        return (text.trim().to_string(), Vec::new());
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut urls = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '\\' if chars.get(i + 1).is_some_and(|n| n.is_ascii_punctuation()) => {
                out.push(chars[i + 1]);
                i += 2;
            }
            '[' => {
                if let Some((label_end, url_end)) = link_at(&chars, i) {
                    let label: String = chars[i + 1..label_end].iter().collect();
                    let url: String = chars[label_end + 2..url_end].iter().collect();
                    let url = url.trim();
                    if is_url(url) {
                        urls.push(url.to_string());
                    }
                    let (label, _) = clean_with_urls(&label);
                    out.push_str(&label);
                    i = url_end + 1;
                } else {
                    out.push(c);
                    i += 1;
                }
            }
            '<' => {
                let close = (i + 1..chars.len().min(i + MAX_URL))
                    .find(|&j| chars[j] == '>' || chars[j] == '<');
                let inner: String = close
                    .filter(|&j| chars[j] == '>')
                    .map(|j| chars[i + 1..j].iter().collect())
                    .unwrap_or_default();
                let j = close.unwrap_or(i);
                if is_url(&inner) {
                    urls.push(inner.clone());
                    out.push_str(&inner);
                    i = j + 1;
                } else if is_dropped_tag(&inner) {
                    if inner.starts_with("br") && !out.ends_with(' ') {
                        out.push(' ');
                    }
                    i = j + 1;
                } else {
                    out.push(c);
                    i += 1;
                }
            }
            '*' => {
                let prev = i.checked_sub(1).map(|p| chars[p]);
                let next = chars.get(i + 1).copied();
                let opens = prev.is_none_or(|p| p.is_whitespace() || p.is_ascii_punctuation())
                    && next.is_some_and(|n| !n.is_whitespace());
                let closes = prev.is_some_and(|p| !p.is_whitespace())
                    && next.is_none_or(|n| n.is_whitespace() || n.is_ascii_punctuation());
                if !(opens || closes) {
                    out.push(c);
                }
                i += 1;
            }
            c if c.is_whitespace() => {
                if !out.is_empty() && !out.ends_with(' ') {
                    out.push(' ');
                }
                i += 1;
            }
            _ => {
                out.push(c);
                i += 1;
            }
        }
    }
    // Bare URLs in the clean text.
    for word in out.split_whitespace() {
        let start = word.find("http://").or_else(|| word.find("https://"));
        if let Some(start) = start {
            let url = trim_url(&word[start..]);
            if is_url(url) {
                urls.push(url.to_string());
            }
        }
    }
    let mut seen = std::collections::HashSet::new();
    urls.retain(|u| seen.insert(u.clone()));
    (out.trim().to_string(), urls)
}

/// The longest link label and URL looked for: bounds the scans so that a text full of
/// unclosed brackets stays linear.
const MAX_LABEL: usize = 1_000;
const MAX_URL: usize = 2_000;

/// `[label](url)` starting at `i`: the index of `]` and of the closing `)`.
fn link_at(chars: &[char], i: usize) -> Option<(usize, usize)> {
    let mut depth = 0;
    let mut j = i;
    let label_end = loop {
        j += 1;
        if j > i + MAX_LABEL {
            return None;
        }
        match chars.get(j)? {
            '\\' => j += 1,
            '[' => depth += 1,
            ']' if depth == 0 => break j,
            ']' => depth -= 1,
            _ => {}
        }
    };
    if chars.get(label_end + 1) != Some(&'(') {
        return None;
    }
    let mut depth = 0;
    let mut k = label_end + 1;
    loop {
        k += 1;
        if k > label_end + MAX_URL {
            return None;
        }
        match chars.get(k)? {
            '(' => depth += 1,
            ')' if depth == 0 => return Some((label_end, k)),
            ')' => depth -= 1,
            ' ' | '\n' if depth == 0 && chars.get(k + 1) != Some(&'"') => {}
            _ => {}
        }
    }
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
}
