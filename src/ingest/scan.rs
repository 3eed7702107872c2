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
        // Runs of ASCII are copied and lowered whole; only the other chars one by one.
        let mut rest = s;
        while !rest.is_empty() {
            let ascii = rest
                .bytes()
                .position(|b| !b.is_ascii())
                .unwrap_or(rest.len());
            let start = out.len();
            out.push_str(&rest[..ascii]);
            out[start..].make_ascii_lowercase();
            rest = &rest[ascii..];
            if let Some(c) = rest.chars().next() {
                out.extend(c.to_lowercase());
                rest = &rest[c.len_utf8()..];
            }
        }
    }
}

/// Bytes looked at per step by [`find_byte`].
const CHUNK: usize = 64;

/// The offset of the first byte at or after `from` for which `test` holds.
///
/// The bytes are looked at 64 at a time: `test` over a whole chunk, written out as one flag
/// per byte without a branch ([`first_in_chunk`]), is vectorised when `test` is arithmetic
/// (comparisons, not table look-ups), so a chunk costs a few instructions per sixteen bytes,
/// and the first flag set is found eight at a time. The tail (most lines are shorter than a
/// chunk) is padded to a chunk.
#[inline]
pub fn find_byte(bytes: &[u8], from: usize, test: impl Fn(u8) -> bool + Copy) -> Option<usize> {
    let rest = bytes.get(from..)?;
    let (chunks, tail) = rest.as_chunks::<CHUNK>();
    for (k, chunk) in chunks.iter().enumerate() {
        if let Some(p) = first_in_chunk(chunk, test) {
            return Some(from + k * CHUNK + p);
        }
    }
    let tail_start = bytes.len() - tail.len();
    first_in_chunk(&padded(tail), test)
        .filter(|&p| p < tail.len())
        .map(|p| tail_start + p)
}

/// The offset `i` of the first pair of bytes at or after `from` for which `test(bytes[i],
/// bytes[i + 1])` holds; a chunk at a time, as [`find_byte`].
pub fn find_pair(bytes: &[u8], from: usize, test: impl Fn(u8, u8) -> bool + Copy) -> Option<usize> {
    let last = bytes.len().checked_sub(1)?;
    // The first bytes of the pairs and the second, as slices of the same length.
    let (first, second) = (bytes.get(from..last)?, &bytes[from + 1..]);
    let (first_chunks, first_tail) = first.as_chunks::<CHUNK>();
    let (second_chunks, second_tail) = second.as_chunks::<CHUNK>();
    for (k, (a, b)) in first_chunks.iter().zip(second_chunks).enumerate() {
        if let Some(p) = first_pair_in_chunk(a, b, test) {
            return Some(from + k * CHUNK + p);
        }
    }
    let tail_start = from + first_chunks.len() * CHUNK;
    first_pair_in_chunk(&padded(first_tail), &padded(second_tail), test)
        .filter(|&p| p < first_tail.len())
        .map(|p| tail_start + p)
}

/// The bytes of a tail shorter than a chunk, as a chunk padded with zeros.
fn padded(tail: &[u8]) -> [u8; CHUNK] {
    let mut chunk = [0; CHUNK];
    chunk[..tail.len()].copy_from_slice(tail);
    chunk
}

/// The first byte of `chunk` for which `test` holds. Kept out of line, so that the loop is
/// compiled (and vectorised) once for each test rather than merged into its callers'.
#[inline(never)]
fn first_in_chunk(chunk: &[u8; CHUNK], test: impl Fn(u8) -> bool) -> Option<usize> {
    let mut flags = [0u8; CHUNK];
    for i in 0..CHUNK {
        flags[i] = u8::from(test(chunk[i]));
    }
    first_flag(&flags)
}

/// The first `i` for which `test(a[i], b[i])` holds, as [`first_in_chunk`].
#[inline(never)]
fn first_pair_in_chunk(
    a: &[u8; CHUNK],
    b: &[u8; CHUNK],
    test: impl Fn(u8, u8) -> bool,
) -> Option<usize> {
    let mut flags = [0u8; CHUNK];
    for i in 0..CHUNK {
        flags[i] = u8::from(test(a[i], b[i]));
    }
    first_flag(&flags)
}

/// The first flag set (a byte 1) in `flags`, looked for eight at a time.
fn first_flag(flags: &[u8; CHUNK]) -> Option<usize> {
    let (words, _) = flags.as_chunks::<8>();
    words.iter().enumerate().find_map(|(w, bytes)| {
        let word = u64::from_le_bytes(*bytes);
        (word != 0).then(|| w * 8 + word.trailing_zeros() as usize / 8)
    })
}

/// Whether `byte` stands twice in a row in `bytes` (two spaces). Like [`find_byte`], a chunk
/// at a time without a branch, so that it is vectorised.
pub fn has_pair(bytes: &[u8], byte: u8) -> bool {
    find_pair(bytes, 0, |x, y| (x == byte) & (y == byte)).is_some()
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
    fn find_pair_finds_the_first_pair_from_where_it_is_asked() {
        let bytes: Vec<u8> = (0..300)
            .map(|i| match i % 89 {
                7 => b'x',
                8 => b'y',
                _ => b'a',
            })
            .collect();
        let hits: Vec<usize> = (0..bytes.len() - 1)
            .filter(|&i| bytes[i] == b'x' && bytes[i + 1] == b'y')
            .collect();
        assert_eq!(hits, [7, 96, 185, 274]);
        let xy = |a: u8, b: u8| (a == b'x') & (b == b'y');
        for from in 0..=bytes.len() + 1 {
            let expected = hits.iter().copied().find(|&h| h >= from);
            assert_eq!(find_pair(&bytes, from, xy), expected, "from {from}");
        }
        assert_eq!(find_pair(b"x", 0, xy), None);
        assert_eq!(find_pair(b"", 0, xy), None);
        assert_eq!(find_pair(b"xy", 0, xy), Some(0));
    }

    #[test]
    fn pairs_are_found_anywhere_and_only_in_a_row() {
        assert!(!has_pair(b"", b' '));
        assert!(!has_pair(b" ", b' '));
        assert!(has_pair(b"  ", b' '));
        assert!(!has_pair(b"a b c d", b' '));
        for at in 0..200 {
            let mut bytes = vec![b'a'; 200];
            bytes[at] = b' ';
            assert!(!has_pair(&bytes, b' '), "one at {at}");
            if at + 1 < bytes.len() {
                bytes[at + 1] = b' ';
                assert!(has_pair(&bytes, b' '), "two at {at}");
            }
        }
    }

    #[test]
    fn lowercase_matches_the_standard_library() {
        for s in [
            "Den HAAG",
            "ÉÉN Straße",
            "ΟΔΟΣ Σ",
            "İstanbul",
            "KELVIN K",
            "Één VERORDENING – Artikel 7, LID 2 (ÖSTERREICH)",
            "É",
            "xÉ",
            "Éx",
            "",
        ] {
            let mut out = String::from("x");
            push_lowercase(&mut out, s);
            assert_eq!(out, format!("x{}", s.to_lowercase()), "{s}");
        }
    }
}
