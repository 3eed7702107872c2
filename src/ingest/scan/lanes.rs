//! Bytes compared with constants sixteen at a time. A byte test is written once, generic over
//! [`Bytes`]: over one `u8` it answers a `bool`; over [`Lanes`] (sixteen bytes in an SSE2
//! register on x86-64, an array elsewhere) a [`LaneMask`] whose bits are the sixteen answers,
//! so that a search looks at sixteen bytes with a few instructions and finds the first hit by
//! its bit.

use std::ops::{BitAnd, BitOr, Not};

/// One byte or sixteen, compared with constants.
pub trait Bytes: Copy {
    /// The answer of a comparison: `bool` for one byte, a [`LaneMask`] for sixteen.
    type Mask: Copy
        + BitAnd<Output = Self::Mask>
        + BitOr<Output = Self::Mask>
        + Not<Output = Self::Mask>;
    /// Equal to `b`.
    fn is(self, b: u8) -> Self::Mask;
    /// In `lo..=hi`, as unsigned bytes (`lo <= hi`).
    fn within(self, lo: u8, hi: u8) -> Self::Mask;
    /// With bit `0x20` set: ASCII letters in lower case (other bytes changed too; compare the
    /// result with lower-case letters only).
    fn lower(self) -> Self;
}

impl Bytes for u8 {
    type Mask = bool;
    #[inline]
    fn is(self, b: u8) -> bool {
        self == b
    }
    #[inline]
    fn within(self, lo: u8, hi: u8) -> bool {
        (lo..=hi).contains(&self)
    }
    #[inline]
    fn lower(self) -> u8 {
        self | 0x20
    }
}

// SAFETY (every `unsafe` below): the intrinsics need SSE2, which this module is compiled only
// with; they read and write registers alone, but for the load, which says what it reads.
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
mod imp {
    use std::arch::x86_64::{
        __m128i, _mm_and_si128, _mm_andnot_si128, _mm_cmpeq_epi8, _mm_loadu_si128, _mm_min_epu8,
        _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8, _mm_sub_epi8,
    };
    use std::ops::{BitAnd, BitOr, Not};

    use super::Bytes;

    /// Sixteen bytes in an SSE2 register (SSE2 is part of every x86-64).
    #[derive(Clone, Copy)]
    pub struct Lanes(__m128i);
    /// Sixteen answers, a lane of all ones for yes.
    #[derive(Clone, Copy)]
    pub struct LaneMask(__m128i);

    #[inline]
    fn splat(b: u8) -> __m128i {
        unsafe { _mm_set1_epi8(i8::from_ne_bytes([b])) }
    }

    impl Lanes {
        #[inline]
        pub fn load(bytes: &[u8; 16]) -> Lanes {
            // SAFETY: `bytes` is sixteen readable bytes; the load has no alignment requirement.
            Lanes(unsafe { _mm_loadu_si128(bytes.as_ptr().cast()) })
        }
    }

    impl Bytes for Lanes {
        type Mask = LaneMask;
        #[inline]
        fn is(self, b: u8) -> LaneMask {
            LaneMask(unsafe { _mm_cmpeq_epi8(self.0, splat(b)) })
        }
        #[inline]
        fn within(self, lo: u8, hi: u8) -> LaneMask {
            // `x - lo <= hi - lo` unsigned: the smaller of the two is the first.
            let d = unsafe { _mm_sub_epi8(self.0, splat(lo)) };
            LaneMask(unsafe { _mm_cmpeq_epi8(_mm_min_epu8(d, splat(hi.wrapping_sub(lo))), d) })
        }
        #[inline]
        fn lower(self) -> Lanes {
            Lanes(unsafe { _mm_or_si128(self.0, splat(0x20)) })
        }
    }

    impl LaneMask {
        /// Bit `i` set where lane `i` says yes.
        #[inline]
        pub fn bits(self) -> u32 {
            unsafe { _mm_movemask_epi8(self.0) }.cast_unsigned()
        }
    }

    impl BitAnd for LaneMask {
        type Output = LaneMask;
        #[inline]
        fn bitand(self, o: LaneMask) -> LaneMask {
            LaneMask(unsafe { _mm_and_si128(self.0, o.0) })
        }
    }

    impl BitOr for LaneMask {
        type Output = LaneMask;
        #[inline]
        fn bitor(self, o: LaneMask) -> LaneMask {
            LaneMask(unsafe { _mm_or_si128(self.0, o.0) })
        }
    }

    impl Not for LaneMask {
        type Output = LaneMask;
        #[inline]
        fn not(self) -> LaneMask {
            LaneMask(unsafe { _mm_andnot_si128(self.0, splat(0xFF)) })
        }
    }
}

#[cfg(not(all(target_arch = "x86_64", target_feature = "sse2")))]
mod imp {
    use std::ops::{BitAnd, BitOr, Not};

    use super::Bytes;

    /// Sixteen bytes, compared one by one (the compiler vectorises what it can).
    #[derive(Clone, Copy)]
    pub struct Lanes([u8; 16]);
    /// Sixteen answers as the low bits.
    #[derive(Clone, Copy)]
    pub struct LaneMask(u32);

    impl Lanes {
        #[inline]
        pub fn load(bytes: &[u8; 16]) -> Lanes {
            Lanes(*bytes)
        }
        #[inline]
        fn mask(self, f: impl Fn(u8) -> bool) -> LaneMask {
            LaneMask((0..16).fold(0, |m, i| m | (u32::from(f(self.0[i])) << i)))
        }
    }

    impl Bytes for Lanes {
        type Mask = LaneMask;
        #[inline]
        fn is(self, b: u8) -> LaneMask {
            self.mask(|x| x == b)
        }
        #[inline]
        fn within(self, lo: u8, hi: u8) -> LaneMask {
            self.mask(|x| (lo..=hi).contains(&x))
        }
        #[inline]
        fn lower(self) -> Lanes {
            Lanes(self.0.map(|x| x | 0x20))
        }
    }

    impl LaneMask {
        #[inline]
        pub fn bits(self) -> u32 {
            self.0
        }
    }

    impl BitAnd for LaneMask {
        type Output = LaneMask;
        #[inline]
        fn bitand(self, o: LaneMask) -> LaneMask {
            LaneMask(self.0 & o.0)
        }
    }

    impl BitOr for LaneMask {
        type Output = LaneMask;
        #[inline]
        fn bitor(self, o: LaneMask) -> LaneMask {
            LaneMask(self.0 | o.0)
        }
    }

    impl Not for LaneMask {
        type Output = LaneMask;
        #[inline]
        fn not(self) -> LaneMask {
            LaneMask(!self.0 & 0xFFFF)
        }
    }
}

pub use imp::{LaneMask, Lanes};
