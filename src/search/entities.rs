//! Scoring entity names against a query, in tiers: exact, prefix, word prefix, substring,
//! scattered subsequence (SkimMatcherV2), then a small edit distance. Names and query are both
//! folded (case, diacritics, hyphens), so `yesilgoz` finds `Yeşilgöz-Zegerius`.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use super::passages::within_edits;
use crate::register::{Register, key, match_text};

/// Score tiers; a hit's score is its tier plus a bonus below the next tier.
pub(crate) const DATE: i64 = 10_000_000;
pub(crate) const EXACT: i64 = 9_000_000;
pub(crate) const PREFIX: i64 = 8_000_000;
pub(crate) const WORD: i64 = 7_000_000;
pub(crate) const SUBSTRING: i64 = 6_500_000;
/// A passage holding the whole query as a phrase ranks here, between the two.
pub(crate) const PHRASE: i64 = 5_500_000;
/// A passage holding every query word as a whole word, not in a row.
pub(crate) const WHOLE_WORDS: i64 = 5_300_000;
/// A passage holding every query word at least as a part of a word (`materiaal` in
/// `beeldmateriaal`, `detectieb` starting `detectiebevel`): below whole words, above the
/// scattered subsequences of `FUZZY`.
pub(crate) const WORD_PARTS: i64 = 5_100_000;
pub(crate) const FUZZY: i64 = 5_000_000;
pub(crate) const TYPO: i64 = 3_000_000;

/// One name of one entity, folded.
#[derive(Debug, bitcode::Encode, bitcode::Decode)]
struct Name {
    entity: usize,
    /// 0 for the label, `n` for alias `n - 1`.
    name: usize,
    key: String,
}

/// Every name of every entity.
#[derive(Debug, Default, bitcode::Encode, bitcode::Decode)]
pub(crate) struct NameIndex {
    names: Vec<Name>,
}

/// The best name of an entity for a query.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NameMatch {
    pub entity: usize,
    pub name: usize,
    pub score: i64,
}

impl NameIndex {
    pub fn new(register: &Register) -> NameIndex {
        let mut names = Vec::new();
        for (i, e) in register.entities.iter().enumerate() {
            for (n, name) in e.names().enumerate() {
                names.push(Name {
                    entity: i,
                    name: n,
                    key: key(name),
                });
            }
        }
        NameIndex { names }
    }

    /// The best-matching name of each entity that matches `q` (a [`key`]), unordered.
    pub fn matches(&self, q: &str, matcher: &SkimMatcherV2) -> Vec<NameMatch> {
        best_names(self.iter(), q, matcher)
    }

    /// Every name: its entity, which name of it (0 the label), its key; entity by entity.
    pub fn iter(&self) -> impl Iterator<Item = (usize, usize, &str)> {
        self.names
            .iter()
            .map(|n| (n.entity, n.name, n.key.as_str()))
    }
}

/// The best-matching name of each entity among `names` ([`NameIndex::iter`]: an entity's
/// names one after another) that matches `q` (a [`key`]), unordered.
pub(crate) fn best_names<'a>(
    names: impl Iterator<Item = (usize, usize, &'a str)>,
    q: &str,
    matcher: &SkimMatcherV2,
) -> Vec<NameMatch> {
    let mut best: Vec<NameMatch> = Vec::new();
    if q.is_empty() {
        return best;
    }
    let q = Folded::new(q);
    for (entity, name, key) in names {
        let Some(score) = score(key, &q, matcher) else {
            continue;
        };
        // A label beats an alias that scores the same.
        let score = score * 2 + i64::from(name == 0);
        match best.last_mut() {
            Some(last) if last.entity == entity => {
                if score > last.score {
                    *last = NameMatch {
                        entity,
                        name,
                        score,
                    };
                }
            }
            _ => best.push(NameMatch {
                entity,
                name,
                score,
            }),
        }
    }
    for m in &mut best {
        m.score /= 2;
    }
    best
}

/// A folded query as [`score`] compares it with every name: its characters, and a searcher
/// for it made once (not once a name, as `str::find` makes one).
struct Folded<'q> {
    text: &'q str,
    chars: Vec<char>,
    finder: memchr::memmem::Finder<'q>,
}

impl<'q> Folded<'q> {
    fn new(text: &'q str) -> Folded<'q> {
        Folded {
            text,
            chars: text.chars().collect(),
            finder: memchr::memmem::Finder::new(text),
        }
    }
}

/// How well the folded name `k` matches the folded query `q`.
fn score(k: &str, folded: &Folded, matcher: &SkimMatcherV2) -> Option<i64> {
    let (q, q_chars) = (folded.text, &folded.chars);
    let shorter = |tier: i64| tier + 1000 - k.chars().count().min(1000) as i64;
    if q.is_empty() {
        return None;
    }
    if k == q {
        return Some(EXACT);
    }
    if k.starts_with(q) {
        return Some(shorter(PREFIX));
    }
    // One character is a prefix, never a substring: `n` is in nearly every name. The first
    // match's byte offset is `k.find(q)`'s (a match of whole UTF-8 characters starts on a
    // character's first byte).
    let substring = (q_chars.len() > 1).then(|| folded.finder.find(k.as_bytes()));
    if let Some(at) = substring.flatten() {
        let word_start = k[..at].ends_with(|c: char| !c.is_alphanumeric());
        return Some(shorter(if word_start { WORD } else { SUBSTRING }));
    }
    if q_chars.len() < 2 || q_chars.len() > k.len() + 2 {
        return None;
    }
    if let Some(s) = matcher.fuzzy_match(k, q)
        && s >= 16 * q_chars.len() as i64
    {
        return Some(FUZZY + s.min(100_000));
    }
    // No typos in numbers: `artikel 16` is not `artikel 19`.
    if q_chars.len() >= 4 && !q_chars.iter().any(char::is_ascii_digit) {
        let budget = if q_chars.len() >= 8 { 2 } else { 1 };
        let whole = within_edits(q_chars, k, budget);
        if whole || k.split(' ').any(|w| within_edits(q_chars, w, budget)) {
            return Some(shorter(TYPO));
        }
    }
    None
}

/// The characters of `name` a folded query `q` matched, as `char` indices into `name`.
pub(crate) fn positions(name: &str, q: &str, matcher: &SkimMatcherV2) -> Vec<usize> {
    if q.is_empty() {
        return Vec::new();
    }
    let m = match_text(name);
    let folded: Vec<usize> = if let Some(byte) = m.text.find(q) {
        let start = m.text[..byte].chars().count();
        (start..start + q.chars().count()).collect()
    } else {
        matcher
            .fuzzy_indices(&m.text, q)
            .map(|(_, idx)| idx)
            .unwrap_or_default()
    };
    let mut out: Vec<usize> = folded
        .into_iter()
        .filter_map(|i| m.origin.get(i).copied())
        .collect();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tiers_order_exact_prefix_word_substring_fuzzy_typo() {
        let m = SkimMatcherV2::default();
        let s = |k: &str, q: &str| score(&key(k), &Folded::new(q), &m);
        let exact = s("NCMEC", "ncmec").unwrap();
        let prefix = s("NCMEC-meldingen", "ncmec").unwrap();
        let word = s("Dilan Yeşilgöz-Zegerius", "yesilgoz").unwrap();
        let sub = s("Kinderrechtencollectief", "rechten").unwrap();
        let fuzzy = s("Kinderrechtencollectief", "kinderrechtencolectief").unwrap();
        let typo = s("Kinderrechtencollectief", "kinderrechtencollectiev").unwrap();
        assert!(exact > prefix && prefix > word && word > sub && sub > fuzzy && fuzzy > typo);
        assert!(s("NCMEC", "ncmc").is_some());
        assert_eq!(s("Europol", "xyz"), None);
        assert_eq!(s("Europol", ""), None);
    }

    #[test]
    fn positions_point_into_the_original_name() {
        let m = SkimMatcherV2::default();
        assert_eq!(
            positions("Dilan Yeşilgöz-Zegerius", "yesilgoz", &m),
            (6..14).collect::<Vec<_>>()
        );
        assert_eq!(positions("NCMEC", "ncmc", &m), [0, 1, 2, 4]);
        assert_eq!(positions("Straße", "strasse", &m), [0, 1, 2, 3, 4, 5]);
    }
}
