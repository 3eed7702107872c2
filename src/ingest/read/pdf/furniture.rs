//! Furniture: text repeated at one height on several pages (digits counted as one, so
//! `Pagina 2 van 7` repeats, then on half the pages or more), and bare page numbers at the
//! top or bottom of the text.

use std::collections::{HashMap, HashSet};

use super::rows::{Kind, Row};

/// Marks text repeated at one height on several pages, and bare page numbers, as furniture;
/// a repeated side-column text stays an aside where it first stands.
pub(super) fn mark_furniture(rows: &[Row], texts: &[String], kinds: &mut [Kind]) {
    let pages = rows.iter().map(|r| r.page).collect::<HashSet<_>>().len();
    // The same text at one height on two pages or more; with its digits counted as one
    // (`Pagina 2 van 7`), on half the pages or more, so that notes alike (`3 COM(2020) 563
    // final.`) are not taken for a running footer.
    let mut exact: HashMap<(String, i32), Vec<usize>> = HashMap::new();
    let mut numbered: HashMap<(String, i32), Vec<usize>> = HashMap::new();
    for (k, (row, text)) in rows.iter().zip(texts).enumerate() {
        if text.chars().count() > 100 {
            continue;
        }
        let y = (row.y / 4.0).round() as i32;
        let folded = |digits: bool| -> String {
            let mut out = String::new();
            for c in text.chars().filter(|c| !c.is_whitespace()) {
                if digits && c.is_ascii_digit() {
                    if !out.ends_with('#') {
                        out.push('#');
                    }
                } else {
                    out.extend(c.to_lowercase());
                }
            }
            out
        };
        exact.entry((folded(false), y)).or_default().push(k);
        numbered.entry((folded(true), y)).or_default().push(k);
    }
    let needed = |numbers: bool| if numbers { 2.max(pages.div_ceil(2)) } else { 2 };
    for (numbers, groups) in [(false, exact), (true, numbered)] {
        for (_, ks) in groups {
            let on: HashSet<u32> = ks.iter().map(|&k| rows[k].page).collect();
            if pages >= 2 && on.len() >= needed(numbers) {
                for (n, &k) in ks.iter().enumerate() {
                    if !(n == 0 && kinds[k] == Kind::Aside) {
                        kinds[k] = Kind::Furniture;
                    }
                }
            }
        }
    }
    // Page numbers: rows that are only a page's number, at the top or bottom of the text.
    let (lo, hi) = rows
        .iter()
        .fold((f32::INFINITY, f32::NEG_INFINITY), |(lo, hi), r| {
            (lo.min(r.y), hi.max(r.y))
        });
    let margin = 0.08 * (hi - lo);
    for (k, (row, text)) in rows.iter().zip(texts).enumerate() {
        if (row.y <= lo + margin || row.y >= hi - margin) && is_page_number(text) {
            kinds[k] = Kind::Furniture;
        }
    }
}

/// `3`, `- 3 -`, `3/7`, `Pagina 3 van 7`, `Page 3 of 7`.
fn is_page_number(text: &str) -> bool {
    let t = text.trim().to_lowercase();
    let t = t
        .strip_prefix("pagina")
        .or_else(|| t.strip_prefix("page"))
        .or_else(|| t.strip_prefix("blad"))
        .unwrap_or(&t);
    let words: Vec<&str> = t
        .split(|c: char| c.is_whitespace() || c == '/' || c == '-' || c == '–')
        .filter(|w| !w.is_empty())
        .collect();
    !words.is_empty()
        && words.len() <= 3
        && words
            .iter()
            .all(|w| w.chars().all(|c| c.is_ascii_digit()) || *w == "van" || *w == "of")
        && words.iter().any(|w| w.chars().all(|c| c.is_ascii_digit()))
}
