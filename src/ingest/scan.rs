//! Small helpers for the passes' hot loops: fast hash maps for the sets and counts built per
//! letter, lower-casing into a buffer the caller reuses, and a byte search a chunk at a time.

use std::collections::{HashMap, HashSet};

mod lanes;

pub use lanes::{Bytes, LaneMask, Lanes};

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

/// Whether a byte is ASCII from `!` to DEL: no white space, no control that `str::trim` takes
/// off, and no part of a char that may be white space.
#[inline]
fn is_solid(b: u8) -> bool {
    (0x21..0x80).contains(&b)
}

/// Whether `text` without white space at its ends is certainly longer than `max` bytes: it
/// is longer, and starts and ends with printable ASCII (no control, no space), which
/// `str::trim` keeps.
/// A cheap exact "no" for the tests of short lines (a lone number or bullet), which most
/// lines are far too long to be; `false` says nothing.
#[inline]
pub fn trimmed_longer_than(text: &str, max: usize) -> bool {
    let bytes = text.as_bytes();
    bytes.len() > max && is_solid(bytes[0]) && is_solid(bytes[bytes.len() - 1])
}

/// `text.trim()`, settled by two bytes where the text starts and ends in visible ASCII (most
/// lines do): only then is nothing looked at but those two.
#[inline]
pub fn trim(text: &str) -> &str {
    match (text.as_bytes().first(), text.as_bytes().last()) {
        (Some(&first), Some(&last)) if is_solid(first) && is_solid(last) => text,
        _ => text.trim(),
    }
}

/// The number of chars in `text`: its length where it is ASCII (most lines), else counted.
#[inline]
pub fn char_count(text: &str) -> usize {
    if text.is_ascii() {
        text.len()
    } else {
        text.chars().count()
    }
}

/// Whether `text` has at most `max` chars, counted only where its length in bytes does not
/// tell (a char is one to four bytes).
#[inline]
pub fn chars_at_most(text: &str, max: usize) -> bool {
    text.len() <= max || (text.len() <= max.saturating_mul(4) && text.chars().count() <= max)
}

/// The offset of the first byte at or after `from` for which `test` holds.
///
/// The bytes are looked at sixteen at a time ([`Lanes`]): `test` is written with comparisons
/// ([`Bytes`]), which over sixteen bytes are a few instructions, and the first hit is the
/// lowest bit of the answer. The last bytes short of sixteen are looked at in the last sixteen
/// of `bytes` (the bits before them dropped), or, in a text shorter than that, padded with
/// zeros.
#[inline]
pub fn find_byte(
    bytes: &[u8],
    from: usize,
    test: impl Fn(Lanes) -> LaneMask + Copy,
) -> Option<usize> {
    let rest = bytes.get(from..)?;
    let (blocks, tail) = rest.as_chunks::<16>();
    for (k, block) in blocks.iter().enumerate() {
        let bits = test(Lanes::load(block)).bits();
        if bits != 0 {
            return Some(from + k * 16 + bits.trailing_zeros() as usize);
        }
    }
    if tail.is_empty() {
        return None;
    }
    let bits = match bytes.last_chunk::<16>() {
        Some(last) => test(Lanes::load(last)).bits() >> (16 - tail.len()),
        None => test(Lanes::load(&padded(tail))).bits() & ((1 << tail.len()) - 1),
    };
    (bits != 0).then(|| bytes.len() - tail.len() + bits.trailing_zeros() as usize)
}

/// The offset `i` of the first pair of bytes at or after `from` for which `test(bytes[i],
/// bytes[i + 1])` holds; sixteen pairs at a time, as [`find_byte`].
#[inline]
pub fn find_pair(
    bytes: &[u8],
    from: usize,
    test: impl Fn(Lanes, Lanes) -> LaneMask + Copy,
) -> Option<usize> {
    let last = bytes.len().checked_sub(1)?; // pairs start before the last byte
    if from >= last {
        return None;
    }
    let mut p = from;
    while p + 17 <= bytes.len() {
        let (a, b) = (&bytes[p..p + 16], &bytes[p + 1..p + 17]);
        let (Some(a), Some(b)) = (a.first_chunk::<16>(), b.first_chunk::<16>()) else {
            break;
        };
        let bits = test(Lanes::load(a), Lanes::load(b)).bits();
        if bits != 0 {
            return Some(p + bits.trailing_zeros() as usize);
        }
        p += 16;
    }
    let left = last - p; // pairs not yet looked at, fewer than sixteen
    if left == 0 {
        return None;
    }
    let bits = match (bytes[..last].last_chunk::<16>(), bytes.last_chunk::<16>()) {
        (Some(a), Some(b)) => test(Lanes::load(a), Lanes::load(b)).bits() >> (16 - left),
        _ => {
            let (a, b) = (padded(&bytes[p..last]), padded(&bytes[p + 1..]));
            test(Lanes::load(&a), Lanes::load(&b)).bits() & ((1 << left) - 1)
        }
    };
    (bits != 0).then(|| p + bits.trailing_zeros() as usize)
}

/// Bytes shorter than sixteen, padded with zeros.
fn padded(tail: &[u8]) -> [u8; 16] {
    let mut block = [0; 16];
    block[..tail.len()].copy_from_slice(tail);
    block
}

/// Whether `byte` stands twice in a row in `bytes` (two spaces). Like [`find_byte`], a chunk
/// at a time without a branch, so that it is vectorised.
pub fn has_pair(bytes: &[u8], byte: u8) -> bool {
    find_pair(bytes, 0, |x, y| x.is(byte) & y.is(byte)).is_some()
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
                find_byte(&bytes, from, |b| b.is(b'x')),
                expected,
                "from {from}"
            );
        }
        assert_eq!(find_byte(b"", 0, |b| !b.is(0) | b.is(0)), None);
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
        let xy = |a: Lanes, b: Lanes| a.is(b'x') & b.is(b'y');
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

    /// A pair test with every comparison [`Bytes`] has, ranges across the ASCII/non-ASCII
    /// border and in the high bytes.
    fn sample<B: Bytes>(a: B, b: B) -> B::Mask {
        (a.within(b'0', b'9') & !b.is(b' '))
            | (a.lower().is(b'k') & b.within(0x80, 0xBF))
            | (a.within(0x7E, 0xC2) & b.lower().within(b'a', b'e'))
            | (a.is(0xFF) & b.within(0, 0x1F))
    }

    #[test]
    fn sixteen_lanes_answer_as_each_byte_does() {
        let pairs: Vec<(u8, u8)> = (0..=255u8)
            .flat_map(|a| (0..=255u8).map(move |b| (a, b)))
            .collect();
        for block in pairs.chunks(16) {
            let a: [u8; 16] = std::array::from_fn(|i| block[i].0);
            let b: [u8; 16] = std::array::from_fn(|i| block[i].1);
            let bits = sample(Lanes::load(&a), Lanes::load(&b)).bits();
            for (i, &(x, y)) in block.iter().enumerate() {
                assert_eq!(bits >> i & 1 == 1, sample(x, y), "{x:#x} {y:#x}");
            }
            assert_eq!(bits >> 16, 0);
        }
    }

    proptest::proptest! {
        /// Any bytes, any start: the first hit a block of sixteen at a time finds is the
        /// first a byte at a time finds, near the end and in text shorter than a block too.
        #[test]
        fn searches_find_what_a_byte_at_a_time_finds(
            bytes in proptest::collection::vec(proptest::sample::select(vec![
                b'a', b'K', b' ', b'0', b'9', 0x7E, 0xC2, 0xFF, 0x05, 0x90,
            ]), 0..80),
            from in 0usize..90,
        ) {
            let pair = (0..bytes.len().saturating_sub(1))
                .find(|&i| i >= from && sample(bytes[i], bytes[i + 1]));
            proptest::prop_assert_eq!(find_pair(&bytes, from, sample), pair);
            let byte = (from..bytes.len()).find(|&i| sample(bytes[i], b'x'));
            let x = Lanes::load(&[b'x'; 16]);
            proptest::prop_assert_eq!(find_byte(&bytes, from, |b| sample(b, x)), byte);
        }
    }

    proptest::proptest! {
        /// The shortcuts of the short-line tests agree with what they stand for.
        #[test]
        fn length_shortcuts_agree_with_counting(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "a", "1", " ", "\t", "\u{b}", "\u{a0}", "é", "–", "€", "\u{1F600}", "-",
            ]), 0..40),
            n in 0usize..30,
        ) {
            let text = parts.concat();
            proptest::prop_assert_eq!(chars_at_most(&text, n), text.chars().count() <= n);
            proptest::prop_assert_eq!(char_count(&text), text.chars().count());
            proptest::prop_assert_eq!(trim(&text), text.trim());
            if trimmed_longer_than(&text, n) {
                proptest::prop_assert!(text.trim().len() > n);
            }
        }
    }
}
