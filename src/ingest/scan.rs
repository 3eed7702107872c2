//! Small helpers for the passes' hot loops: fast hash maps for the sets and counts built per
//! letter, lower-casing into a buffer the caller reuses, and a byte search a chunk at a time.

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

/// Bytes looked at per step by [`find_byte`].
const CHUNK: usize = 64;

/// The offset of the first byte at or after `from` for which `test` holds.
///
/// The bytes are looked at 64 at a time: `test` over a whole chunk, or-ed together without a
/// branch ([`any_in_chunk`]), is vectorised when `test` is arithmetic (comparisons, not table
/// look-ups), so a chunk without a hit costs a few instructions per sixteen bytes; only a
/// chunk with a hit is looked at byte by byte.
#[inline]
pub fn find_byte(bytes: &[u8], from: usize, test: impl Fn(u8) -> bool + Copy) -> Option<usize> {
    let rest = bytes.get(from..)?;
    let (chunks, tail) = rest.as_chunks::<CHUNK>();
    for (k, chunk) in chunks.iter().enumerate() {
        if any_in_chunk(chunk, test) {
            return chunk
                .iter()
                .position(|&b| test(b))
                .map(|p| from + k * CHUNK + p);
        }
    }
    let tail_start = bytes.len() - tail.len();
    tail.iter().position(|&b| test(b)).map(|p| tail_start + p)
}

/// Whether `test` holds for a byte of `chunk`. Kept out of line: inlined into the search that
/// follows a hit, the compiler merges the two loops and vectorises neither.
#[inline(never)]
fn any_in_chunk(chunk: &[u8; CHUNK], test: impl Fn(u8) -> bool) -> bool {
    chunk.iter().fold(false, |any, &b| any | test(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn find_byte_finds_the_first_hit_from_where_it_is_asked() {
        let bytes: Vec<u8> = (0..300)
            .map(|i| if i % 97 == 5 { b'x' } else { b'a' })
            .collect();
        let hits: Vec<usize> = (0..bytes.len()).filter(|&i| bytes[i] == b'x').collect();
        assert_eq!(hits, [5, 102, 199, 296]);
        for from in 0..=bytes.len() + 1 {
            let expected = hits.iter().copied().find(|&h| h >= from);
            assert_eq!(
                find_byte(&bytes, from, |b| b == b'x'),
                expected,
                "from {from}"
            );
        }
        assert_eq!(find_byte(b"", 0, |_| true), None);
    }

    #[test]
    fn lowercase_matches_the_standard_library() {
        for s in ["Den HAAG", "ÉÉN Straße", "ΟΔΟΣ Σ", "İstanbul", "KELVIN K"] {
            let mut out = String::from("x");
            push_lowercase(&mut out, s);
            assert_eq!(out, format!("x{}", s.to_lowercase()), "{s}");
        }
    }
}
