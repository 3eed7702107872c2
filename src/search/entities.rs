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
    if q.is_empty() {
        return Vec::new();
    }
    best_of(names, &Folded::new(q), matcher)
}

/// [`best_names`] for a query already folded.
fn best_of<'a>(
    names: impl Iterator<Item = (usize, usize, &'a str)>,
    q: &Folded,
    matcher: &SkimMatcherV2,
) -> Vec<NameMatch> {
    let mut best: Vec<NameMatch> = Vec::new();
    for (entity, name, key) in names {
        let Some(score) = score(key, q, matcher) else {
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
    /// Its characters as [`char_mask`] has them.
    mask: u64,
    finder: memchr::memmem::Finder<'q>,
}

impl<'q> Folded<'q> {
    fn new(text: &'q str) -> Folded<'q> {
        Folded {
            text,
            chars: text.chars().collect(),
            mask: char_mask(text),
            finder: memchr::memmem::Finder::new(text),
        }
    }
}

/// The bit of each byte for [`char_mask`]: one bit per character, taken from its first byte
/// (the bytes that continue a character have none). ASCII letters of either case share a bit,
/// as SkimMatcherV2 compares them (`eq_ignore_ascii_case`), and have one each, as do digits
/// and the space; other ASCII and the first bytes of longer characters share the rest.
const CHAR_BITS: [u64; 256] = {
    let mut bits = [0u64; 256];
    let mut b = 0;
    while b < 256 {
        let l = (b as u8).to_ascii_lowercase();
        let bit = match l {
            b'a'..=b'z' => Some((l - b'a') as u32),
            b'0'..=b'9' => Some(26 + (l - b'0') as u32),
            b' ' => Some(36),
            0x80..=0xbf => None,
            0..=0x7f => Some(37 + (l % 8) as u32),
            _ => Some(45 + (l % 19) as u32),
        };
        if let Some(bit) = bit {
            bits[b] = 1 << bit;
        }
        b += 1;
    }
    bits
};

/// The characters of `text` as a set of 64 bits, one per character ([`CHAR_BITS`]): a cheap
/// test that rules a name out before it is scored. A character two texts share (ASCII
/// letters in either case) sets the same bit in both, so a query bit the name lacks is a
/// query character the name does not hold (in either case), and different lacking bits are
/// different characters.
fn char_mask(text: &str) -> u64 {
    text.bytes().fold(0, |mask, b| mask | CHAR_BITS[b as usize])
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
    // One character is a prefix, never a substring: `n` is in nearly every name.
    if q_chars.len() < 2 {
        return None;
    }
    // The query's characters the name lacks (see `char_mask`): with any, the query is neither
    // in the name nor a scattered subsequence of it (the case SkimMatcherV2 ignores is folded
    // into the bits), and each is an edit the typo tier must spend. Most names are ruled out
    // here, before the substring search, fuzzy-matcher and the edit distance.
    let lacking = (folded.mask & !char_mask(k)).count_ones() as usize;
    // The first match's byte offset is `k.find(q)`'s (a match of whole UTF-8 characters
    // starts on a character's first byte).
    if lacking == 0
        && let Some(at) = folded.finder.find(k.as_bytes())
    {
        let word_start = k[..at].ends_with(|c: char| !c.is_alphanumeric());
        return Some(shorter(if word_start { WORD } else { SUBSTRING }));
    }
    if q_chars.len() > k.len() + 2 {
        return None;
    }
    if lacking == 0
        && let Some(s) = matcher.fuzzy_match(k, q)
        && s >= 16 * q_chars.len() as i64
    {
        return Some(FUZZY + s.min(100_000));
    }
    // No typos in numbers: `artikel 16` is not `artikel 19`. An edit takes away at most one
    // of the query's characters, so a name (or a word of it) lacking more than the budget's
    // is not within it.
    if q_chars.len() >= 4 && !q_chars.iter().any(char::is_ascii_digit) {
        let budget = if q_chars.len() >= 8 { 2 } else { 1 };
        if lacking > budget {
            return None;
        }
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

    /// `q` with no characters in its mask: every name then lacks none of them and is scored
    /// by each tier in turn, as before the prefilter. The reference the prefiltered score must
    /// equal.
    fn unfiltered(q: &str) -> Folded<'_> {
        Folded {
            mask: 0,
            ..Folded::new(q)
        }
    }

    const ALPHABET: [char; 20] = [
        'a', 'b', 'c', 'd', 'e', 'n', 'A', 'B', 'E', 'N', '1', '9', ' ', '-', 'é', 'ë', 'ş', 'ß',
        '€', 'Ω',
    ];

    /// Names and queries of a small alphabet, so that subsequences, near misses and one
    /// missing letter are common: letters of both cases (SkimMatcherV2 ignores ASCII case for a
    /// query in lower case, and not for one with a capital), digits, spaces, a hyphen and
    /// letters of two and three bytes (whose bytes are not characters of their own).
    fn text(max: usize) -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::strategy::Strategy;
        proptest::collection::vec(proptest::sample::select(ALPHABET.to_vec()), 0..max)
            .prop_map(|cs| cs.into_iter().collect())
    }

    /// The prefilter changes no score: every name scored with it and without it, and the best
    /// name of each entity as `best_names` picks them, for random names and queries (folded
    /// keys and not) and for a query cut from a name with a letter changed, dropped or added.
    #[test]
    fn prefiltered_scores_equal_unfiltered() {
        use proptest::prelude::*;
        let m = SkimMatcherV2::default();
        let cases = (
            proptest::collection::vec(text(24), 1..12),
            text(12),
            any::<bool>(),
            (any::<usize>(), any::<usize>(), 0usize..4),
        );
        proptest!(ProptestConfig::with_cases(4000), |((names, q, fold, (pick, at, how)) in cases)| {
            let names: Vec<String> = if fold {
                names.iter().map(|n| key(n)).collect()
            } else {
                names
            };
            // Half the queries come from a name, so that most tiers are reached.
            let q = if pick % 2 == 0 {
                let name: Vec<char> = names[pick / 2 % names.len()].chars().collect();
                let start = at % (name.len() + 1);
                let mut cut: Vec<char> = name[start..].iter().copied().take(2 + at % 9).collect();
                let i = at / 7 % (cut.len() + 1);
                // Any letter, so that one the name lacks (of one byte or more) comes in.
                let c = ALPHABET[at / 3 % ALPHABET.len()];
                match how {
                    0 if i < cut.len() => cut[i] = c,
                    1 if i < cut.len() => {
                        cut.remove(i);
                    }
                    2 => cut.insert(i, c),
                    _ => {}
                }
                cut.into_iter().collect()
            } else {
                q
            };
            let q = if fold { key(&q) } else { q };
            let (folded, reference) = (Folded::new(&q), unfiltered(&q));
            for k in &names {
                prop_assert_eq!(
                    score(k, &folded, &m),
                    score(k, &reference, &m),
                    "name {:?} query {:?}", k, q
                );
            }
            // Entities of one to three names each, as `NameIndex::iter` lists them.
            let listed: Vec<(usize, usize, &str)> = names
                .iter()
                .enumerate()
                .map(|(i, k)| (i / 3, i % 3, k.as_str()))
                .collect();
            let unfiltered = best_of(listed.iter().copied(), &reference, &m);
            prop_assert_eq!(best_names(listed.iter().copied(), &q, &m), unfiltered);
        });
    }

    #[test]
    fn char_mask_folds_ascii_case_and_counts_characters_once() {
        assert_eq!(char_mask("abc"), char_mask("CBA"));
        assert_eq!(char_mask("é").count_ones(), 1);
        assert_eq!(char_mask("€").count_ones(), 1);
        assert_eq!(char_mask("").count_ones(), 0);
        assert_ne!(char_mask("a") & char_mask("b"), char_mask("a"));
        assert_eq!(
            (char_mask("encryptie") & !char_mask("Europol")).count_ones(),
            5
        );
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
