//! Matching a query word against the vocabulary: whole, as a prefix, as a part of a
//! compound, or loosely (letters missing, an edit or two).

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use super::{EXACT, NEAR, PART, PREFIX};

/// The shortest query word looked for inside longer words: shorter ones (`de`, `kind`) are
/// inside too many words to mean the compound.
const PART_MIN: usize = 5;

/// The words of a vocabulary a query word `q` matches, with how well: `exact` is the word
/// equal to `q`, `from_q` the words from `q` on in sorted order, `all` every word (read for
/// parts of compounds, and for loose matches when nothing else matched).
pub(crate) fn match_vocabulary<'a, I: Iterator<Item = (u32, &'a str)>>(
    q: &str,
    matcher: &SkimMatcherV2,
    exact: Option<u32>,
    from_q: impl Iterator<Item = (u32, &'a str)>,
    all: impl Fn() -> I,
) -> Vec<(u32, u32)> {
    let qlen = q.chars().count();
    let mut out = Vec::new();
    if let Some(id) = exact {
        out.push((id, EXACT));
    }
    if qlen >= 3 {
        for (id, w) in from_q {
            if !w.starts_with(q) {
                break;
            }
            if w.len() > q.len() {
                out.push((id, PREFIX));
            }
        }
    }
    if qlen >= PART_MIN {
        // The query inside a longer word, not at its start (prefixes are above): one pass
        // over the vocabulary with a substring finder.
        let finder = memchr::memmem::Finder::new(q.as_bytes());
        for (id, w) in all() {
            if w.len() > q.len() && finder.find(&w.as_bytes()[1..]).is_some() {
                out.push((id, PART));
            }
        }
    }
    if !out.is_empty() || qlen < 4 {
        return out;
    }
    let budget = if qlen >= 8 { 2 } else { 1 };
    let q_chars: Vec<char> = q.chars().collect();
    for (id, w) in all() {
        // A word's length in bytes bounds its length in characters (one to four bytes each).
        if w.len() + budget < qlen || w.len() > 4 * (qlen + budget) {
            continue;
        }
        let wlen = w.chars().count();
        if wlen + budget < qlen || wlen > qlen + budget {
            continue;
        }
        // fuzzy-matcher finds nothing where the query's letters are not in the word in order
        // (its first check); that check alone is cheap.
        let subsequence =
            wlen > qlen && in_order(&q_chars, w) && matcher.fuzzy_match(w, q).is_some();
        if subsequence || within_edits(&q_chars, w, budget) {
            out.push((id, NEAR));
        }
    }
    out
}

/// Whether the characters `q` occur in `w` in that order, ASCII letters in either case (as
/// fuzzy-matcher's first check has them, for a query in lower case).
fn in_order(q: &[char], w: &str) -> bool {
    let mut want = q.iter().peekable();
    for c in w.chars() {
        match want.peek() {
            Some(&&p) if c.eq_ignore_ascii_case(&p) => {
                want.next();
            }
            Some(_) => {}
            None => break,
        }
    }
    want.peek().is_none()
}

/// Whether `b` is within `budget` single-character edits (insert, delete, substitute, swap of
/// neighbours) of `a`.
pub(crate) fn within_edits(a: &[char], b: &str, budget: usize) -> bool {
    // Lengths further apart than the budget (most of the words and names this is asked
    // about): no edits to count, no rows to clear. `b` has at most as many characters as
    // bytes, and at least a quarter as many.
    if b.len() + budget < a.len() || b.len() / 4 > a.len() + budget {
        return false;
    }
    if b.chars().count().abs_diff(a.len()) > budget {
        return false;
    }
    // Most words are short: their characters and the three rows fit on the stack (this runs
    // for every word of the vocabulary of about the query's length, on a typo).
    const SHORT: usize = 48;
    if b.len() < SHORT {
        let mut chars = ['\0'; SHORT];
        let mut m = 0;
        for c in b.chars() {
            chars[m] = c;
            m += 1;
        }
        let mut rows = [[0usize; SHORT + 1]; 3];
        let [prev2, prev, cur] = &mut rows;
        return edits_within(a, &chars[..m], budget, prev2, prev, cur);
    }
    let b: Vec<char> = b.chars().collect();
    let m = b.len();
    let (mut prev2, mut prev, mut cur) = (vec![0; m + 1], vec![0; m + 1], vec![0; m + 1]);
    edits_within(a, &b, budget, &mut prev2, &mut prev, &mut cur)
}

/// [`within_edits`] with the rows given (each at least `b.len() + 1` long).
fn edits_within<'r>(
    a: &[char],
    b: &[char],
    budget: usize,
    mut prev2: &'r mut [usize],
    mut prev: &'r mut [usize],
    mut cur: &'r mut [usize],
) -> bool {
    if a.len().abs_diff(b.len()) > budget {
        return false;
    }
    let (n, m) = (a.len(), b.len());
    for (j, p) in prev.iter_mut().enumerate().take(m + 1) {
        *p = j;
    }
    for i in 1..=n {
        cur[0] = i;
        let mut best = cur[0];
        for j in 1..=m {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                cur[j] = cur[j].min(prev2[j - 2] + 1);
            }
            best = best.min(cur[j]);
        }
        if best > budget {
            return false;
        }
        std::mem::swap(&mut prev2, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[m] <= budget
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The restricted edit distance (insert, delete, substitute, swap of neighbours) in one
    /// whole matrix, with no early stop: the reference for `within_edits`.
    fn within_edits_reference(a: &[char], b: &str, budget: usize) -> bool {
        let b: Vec<char> = b.chars().collect();
        let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
        for (i, row) in d.iter_mut().enumerate() {
            row[0] = i;
        }
        for (j, cell) in d[0].iter_mut().enumerate() {
            *cell = j;
        }
        for i in 1..=a.len() {
            for j in 1..=b.len() {
                let mut best = (d[i - 1][j] + 1)
                    .min(d[i][j - 1] + 1)
                    .min(d[i - 1][j - 1] + usize::from(a[i - 1] != b[j - 1]));
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    best = best.min(d[i - 2][j - 2] + 1);
                }
                d[i][j] = best;
            }
        }
        d[a.len()][b.len()] <= budget
    }

    /// Words of a small alphabet (so that near misses are common), short and long (past the
    /// stack's 48 bytes), with a letter of two bytes now and then.
    fn words_for_edits() -> Vec<String> {
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        (0..3000)
            .map(|_| {
                let len = (next() % 56) as usize;
                (0..len)
                    .map(|_| ['a', 'b', 'c', 'é', 'd'][(next() % 5) as usize])
                    .collect()
            })
            .collect()
    }

    #[test]
    fn edits_and_order_checks_agree_with_their_references() {
        let words = words_for_edits();
        let matcher = SkimMatcherV2::default();
        for pair in words.windows(2) {
            let (q, w) = (&pair[0], &pair[1]);
            let q_chars: Vec<char> = q.chars().collect();
            // A near copy of `q` as well as an unrelated word.
            let mut near: Vec<char> = q_chars.clone();
            if near.len() > 2 {
                near.swap(0, 1);
                near.remove(near.len() / 2);
            }
            let near: String = near.into_iter().collect();
            for w in [w.as_str(), near.as_str(), q.as_str()] {
                for budget in 0..3 {
                    assert_eq!(
                        within_edits(&q_chars, w, budget),
                        within_edits_reference(&q_chars, w, budget),
                        "{q:?} {w:?} {budget}"
                    );
                }
                assert_eq!(
                    in_order(&q_chars, w),
                    matcher.fuzzy_match(w, q).is_some(),
                    "{q:?} in {w:?}"
                );
            }
        }
    }
}
