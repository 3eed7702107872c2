//! Small helpers for the passes' hot loops: fast hash maps for the sets and counts built per
//! letter, and lower-casing into a buffer the caller reuses.

use std::collections::{HashMap, HashSet};

/// A `HashMap` with foldhash: several times faster than the default SipHash for the short
/// keys here (words, lines), and seeded at random per process, so that a letter cannot be
/// written to make its keys collide. The maps are only looked up, never iterated, so the seed
/// cannot reach the output.
pub type FastMap<K, V> = HashMap<K, V, foldhash::fast::RandomState>;
/// A `HashSet` with foldhash (see [`FastMap`]).
pub type FastSet<T> = HashSet<T, foldhash::fast::RandomState>;

/// Appends `s` lower-cased to `out`: the same text as `s.to_lowercase()`, without a new
/// string for each call.
pub fn push_lowercase(out: &mut String, s: &str) {
    if s.is_ascii() {
        let start = out.len();
        out.push_str(s);
        out[start..].make_ascii_lowercase();
    } else if s.contains('Σ') {
        // A capital sigma lowers by its place in the word; `to_lowercase` knows the rule.
        out.push_str(&s.to_lowercase());
    } else {
        out.extend(s.chars().flat_map(char::to_lowercase));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lowercase_matches_the_standard_library() {
        for s in ["Den HAAG", "ÉÉN Straße", "ΟΔΟΣ Σ", "İstanbul", "KELVIN K"] {
            let mut out = String::from("x");
            push_lowercase(&mut out, s);
            assert_eq!(out, format!("x{}", s.to_lowercase()), "{s}");
        }
    }
}
