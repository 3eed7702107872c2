//! Dates mentioned in running text.
//!
//! [`find_dates`] walks the words of a text and recognises `28 september 2023`, `September 2,
//! 2024`, `mei 2023`, `28-09-2023`, `28/9/2023`, `2023-09-28`, `2023-09`, a bare year, and a
//! day and month without a year, which takes the letter's year; `jl.` (last) and `a.s.`
//! (coming) move it to the year before or after when needed.

use super::{month_number, number, numeric_date, plausible_year};
use crate::model::Date;

/// One date found in a text: the date at the precision written, and where it stood.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMention {
    pub date: Date,
    /// The text as written (`20 april jl.`).
    pub surface: String,
    /// Offset in `char`s of the first character.
    pub at: usize,
    /// Length in `char`s.
    pub len: usize,
    /// Whether the year came from the letter's own date rather than the text.
    pub relative: bool,
}

/// A word of the text: its core (punctuation around it stripped) and where the core stands.
struct Word<'a> {
    core: &'a str,
    /// Char offset of the core.
    at: usize,
    /// Char length of the core.
    len: usize,
    /// Byte offset of the core in the text.
    byte: usize,
    /// Whether a full stop follows the core directly (`dec.`, `jl.`).
    dot: bool,
    /// Part of a URL or e-mail address: never a date.
    link: bool,
}

const LEADING: &[char] = &['(', '[', '{', '"', '\'', '“', '‘', '«', '*', '_'];
const TRAILING: &[char] = &[
    '.', ',', ';', ':', ')', ']', '}', '"', '\'', '”', '’', '»', '!', '?', '*', '_',
];

fn word(c: usize, b: usize, raw: &str) -> Word<'_> {
    let core_start = raw.len() - raw.trim_start_matches(LEADING).len();
    let lead_chars = raw[..core_start].chars().count();
    let core = raw[core_start..].trim_end_matches(TRAILING);
    let after = &raw[core_start + core.len()..];
    Word {
        core,
        at: c + lead_chars,
        len: core.chars().count(),
        byte: b + core_start,
        dot: after.starts_with('.'),
        link: is_link(raw),
    }
}

/// Whether a word is (part of) a URL or an e-mail address.
pub fn is_link(word: &str) -> bool {
    let core = word.trim_start_matches(|c: char| !c.is_alphanumeric());
    let candidate = word.bytes().any(|b| matches!(b, b':' | b'@' | b'/'))
        || core.starts_with("www.")
        || core.starts_with("WWW.");
    candidate
        && word.len() > 4
        && (word.contains("://")
            || word.contains('@')
            || word.contains("www.")
            || word.contains("WWW.")
            || [".nl/", ".org/", ".com/", ".eu/", ".uk/"]
                .iter()
                .any(|d| word.contains(d)))
}

/// The words of a text as [`str::split_whitespace`] finds them, each as its byte range and
/// the `char` offset of its first character; a byte scan that decodes only non-ASCII chars.
pub struct SplitWords<'a> {
    text: &'a str,
    /// Byte offset of the next char.
    pos: usize,
    /// `char` offset of the next char.
    chars: usize,
}

/// The words of `text` (see [`SplitWords`]).
pub fn split_words(text: &str) -> SplitWords<'_> {
    SplitWords {
        text,
        pos: 0,
        chars: 0,
    }
}

impl SplitWords<'_> {
    /// Moves past the chars at `pos` while they are whitespace (`space`) or are not; `None`
    /// at the end of the text.
    #[inline]
    fn pass(&mut self, space: bool) -> Option<()> {
        let bytes = self.text.as_bytes();
        loop {
            if !space {
                // Printable ASCII is the common case in a word: no whitespace, one byte, one
                // char.
                let run = bytes[self.pos..]
                    .iter()
                    .position(|&b| !(b'!'..=b'~').contains(&b))
                    .unwrap_or(bytes.len() - self.pos);
                self.pos += run;
                self.chars += run;
            }
            let b = *bytes.get(self.pos)?;
            let (len, is_space) = if b.is_ascii() {
                // ASCII whitespace as `char::is_whitespace` has it: `\t \n \x0B \x0C \r`, space.
                (1, b == b' ' || (b'\t'..=b'\r').contains(&b))
            } else {
                let c = self.text[self.pos..].chars().next()?;
                (c.len_utf8(), c.is_whitespace())
            };
            if is_space != space {
                return Some(());
            }
            self.pos += len;
            self.chars += 1;
        }
    }
}

impl Iterator for SplitWords<'_> {
    /// (first byte, end byte, `char` offset of the first char)
    type Item = (usize, usize, usize);

    #[inline]
    fn next(&mut self) -> Option<(usize, usize, usize)> {
        self.pass(true)?;
        let (start, at) = (self.pos, self.chars);
        // The word ends at whitespace or at the end of the text.
        let _ = self.pass(false);
        Some((start, self.pos, at))
    }
}

/// Whether the core of the word `raw` (see [`word`]) starts with a digit.
fn starts_with_digit(raw: &str) -> bool {
    raw.trim_start_matches(LEADING)
        .starts_with(|c: char| c.is_ascii_digit())
}

/// The byte range of the word (whitespace-delimited) holding byte `at` of `text`.
fn word_around(text: &str, at: usize) -> (usize, usize) {
    let mut after = SplitWords {
        text,
        pos: at,
        chars: 0,
    };
    let _ = after.pass(false);
    (back_over(text, at, false), after.pos)
}

/// The byte range of the word before the one starting at byte `start`, if any.
fn word_before(text: &str, start: usize) -> Option<(usize, usize)> {
    let end = back_over(text, start, true);
    (end > 0).then(|| (back_over(text, end, false), end))
}

/// The byte range of the word after the one ending at byte `end`, if any.
fn word_after(text: &str, end: usize) -> Option<(usize, usize)> {
    let mut words = SplitWords {
        text,
        pos: end,
        chars: 0,
    };
    words.next().map(|(start, end, _)| (start, end))
}

/// Where the run of whitespace (`space`) or of other chars ending at byte `at` starts.
fn back_over(text: &str, mut at: usize, space: bool) -> usize {
    while let Some(c) = text[..at].chars().next_back() {
        if c.is_whitespace() != space {
            break;
        }
        at -= c.len_utf8();
    }
    at
}

/// `char` offsets of byte offsets, counted from the last one asked for: cheap when they are
/// asked for in order, or nearly.
struct CharOffsets<'a> {
    text: &'a str,
    byte: usize,
    chars: usize,
}

impl CharOffsets<'_> {
    fn at(&mut self, byte: usize) -> usize {
        if byte >= self.byte {
            self.chars += self.text[self.byte..byte].chars().count();
        } else {
            self.chars -= self.text[byte..self.byte].chars().count();
        }
        self.byte = byte;
        self.chars
    }
}

/// Which way a relative marker points.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Relative {
    Past,
    Coming,
}

fn relative_marker(word: &str) -> Option<Relative> {
    if word.len() > 10 {
        return None;
    }
    match word.to_ascii_lowercase().as_str() {
        "jl" | "j.l" | "jongstleden" => Some(Relative::Past),
        "a.s" | "aanstaande" | "aanst" => Some(Relative::Coming),
        _ => None,
    }
}

fn day_number(s: &str) -> Option<u8> {
    number(s).filter(|d| (1..=31).contains(d)).map(|d| d as u8)
}

/// Every date mentioned in `text`, in order. Day and month without a year take the year of
/// `letter_date` (none: such mentions are skipped), moved back by `jl.` or forward by `a.s.`
/// when the day would otherwise fall after or before the letter's own date.
pub fn find_dates(text: &str, letter_date: Option<Date>) -> Vec<DateMention> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut offsets = CharOffsets {
        text,
        byte: 0,
        chars: 0,
    };
    // Words starting before this byte are done: looked at, or part of a date.
    let mut done = 0;
    // Up to three words from where a date may start, and the byte where each ends.
    let mut words: Vec<Word> = Vec::with_capacity(3);
    let mut ends = [0; 3];
    let mut search = 0;
    while let Some(digit) = bytes[search..].iter().position(u8::is_ascii_digit) {
        let (start, end) = word_around(text, search + digit);
        search = end;
        // A date starts with a number (`28 september`, `2023-09`) or with a month followed by
        // one (`mei 2023`, `September 2, 2024`): at a word whose core starts with a digit or
        // at the word before it. Anywhere else `date_at` finds none.
        if !starts_with_digit(&text[start..end]) {
            continue;
        }
        // The word before starts a date only as a month (its core has no leading digit, or
        // it would have been looked at as one of these): most words are no month.
        let before = word_before(text, start).filter(|&(s, e)| {
            let core = text[s..e]
                .trim_start_matches(LEADING)
                .trim_end_matches(TRAILING);
            month_number(core).is_some()
        });
        for (first, first_end) in before.into_iter().chain([(start, end)]) {
            if first < done {
                continue;
            }
            words.clear();
            let mut next = Some((first, first_end));
            while let Some((s, e)) = next.filter(|_| words.len() < 3) {
                ends[words.len()] = e;
                words.push(word(offsets.at(s), s, &text[s..e]));
                next = word_after(text, e);
            }
            done = first_end;
            match date_at(&words, 0, letter_date) {
                Some((None, used, _)) => done = ends[used - 1],
                Some((Some(date), used, relative)) => {
                    let first = &words[0];
                    let last = &words[used - 1];
                    let with_dot = last.dot && (relative || !last.core.ends_with(char::is_numeric));
                    let end = last.at + last.len + usize::from(with_dot);
                    // `.` is one byte: the end in bytes follows from the core's.
                    let end_byte = last.byte + last.core.len() + usize::from(with_dot);
                    let surface = text[first.byte..end_byte].to_string();
                    found.push(DateMention {
                        date,
                        surface,
                        at: first.at,
                        len: end - first.at,
                        relative,
                    });
                    done = ends[used - 1];
                }
                None => {}
            }
        }
    }
    found
}

/// The date starting at word `i`: the date (none: it looks like one but does not exist, as
/// `31 juni 2023`), how many words it takes, and whether its year came from the letter.
fn date_at(
    words: &[Word],
    i: usize,
    letter_date: Option<Date>,
) -> Option<(Option<Date>, usize, bool)> {
    let word = |k: usize| words.get(i + k).filter(|w| !w.link).map(|w| w.core);
    let first = word(0)?;
    // `28 september 2023`, `20 april jl.`, `18 september`
    if let (Some(day), Some(month)) = (day_number(first), word(1).and_then(month_number)) {
        if let Some(year) = word(2).and_then(plausible_year) {
            return Some((Date::ymd(year, month, day), 3, false));
        }
        let letter = letter_date?;
        let marker = word(2).and_then(relative_marker);
        let mut year = letter.year;
        let key = (month, day);
        let letter_key = (letter.month.unwrap_or(1), letter.day.unwrap_or(1));
        match marker {
            Some(Relative::Past) if letter.month.is_some() && key > letter_key => year -= 1,
            Some(Relative::Coming) if letter.month.is_some() && key < letter_key => year += 1,
            _ => {}
        }
        let used = 2 + usize::from(marker.is_some());
        return Some((Date::ymd(year, month, day), used, true));
    }
    if let Some(month) = month_number(first) {
        // `September 2, 2024`
        if let (Some(day), Some(year)) = (
            word(1).and_then(day_number),
            word(2).and_then(plausible_year),
        ) {
            return Some((Date::ymd(year, month, day), 3, false));
        }
        // `mei 2023`
        if let Some(year) = word(1).and_then(plausible_year) {
            return Some((Date::ym(year, month), 2, false));
        }
        return None;
    }
    // One word: `28-09-2023`, `28/9/2023`, `2023-09-28`, `2023-09`, `2023`.
    if !first.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    if let Some(d) = numeric_date(first) {
        return Some((Some(d), 1, false));
    }
    if let Some(d) = Date::parse_iso(first).filter(|d| d.year >= 1900 && d.year <= 2099) {
        if d.month.is_some() {
            return Some((Some(d), 1, false));
        }
        // A bare year, unless it is a Dutch postcode (`2011 AB`).
        let postcode =
            word(1).is_some_and(|w| w.len() == 2 && w.chars().all(|c| c.is_ascii_uppercase()));
        return (!postcode).then_some((Some(d), 1, false));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str, letter: &str) -> Vec<(String, String)> {
        find_dates(text, Date::parse_iso(letter))
            .into_iter()
            .map(|m| (m.date.to_string(), m.surface))
            .collect()
    }

    fn pairs(v: &[(&str, &str)]) -> Vec<(String, String)> {
        v.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    /// `find_dates` as first written: every word worked out, `date_at` tried at each.
    fn reference(text: &str, letter_date: Option<Date>) -> Vec<(Date, String, usize, usize)> {
        let words: Vec<Word> = split_words(text)
            .map(|(start, end, at)| word(at, start, &text[start..end]))
            .collect();
        let mut out = Vec::new();
        let mut i = 0;
        while i < words.len() {
            let Some((date, used, relative)) = date_at(&words, i, letter_date) else {
                i += 1;
                continue;
            };
            let last = &words[i + used - 1];
            let dot = usize::from(last.dot && (relative || !last.core.ends_with(char::is_numeric)));
            if let Some(date) = date {
                let surface = &text[words[i].byte..last.byte + last.core.len() + dot];
                out.push((
                    date,
                    surface.to_string(),
                    words[i].at,
                    last.at + last.len + dot,
                ));
            }
            i += used;
        }
        out
    }

    #[test]
    fn dates_are_found_where_every_word_is_tried() {
        const PIECES: &[&str] = &[
            "28",
            "september",
            "2023",
            "jl.",
            "a.s.",
            "(18",
            "mei",
            "2023-09",
            "20 april",
            "https://x.nl/2023",
            "5",
            "dec.",
            "June",
            "2,",
            "2024.",
            "31",
            "juni",
            "Één",
            "1e",
            "“12",
            "april”",
            "x2023",
            "2011",
            "AB",
            "’t",
            "(2019)",
            "28-09-2023",
            "nr.",
            "7",
        ];
        const SPACES: &[&str] = &[" ", "  ", "\n", "\u{a0}", "\t ", "\u{2003}"];
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = |n: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % n as u64) as usize
        };
        let mut dates = 0;
        for _ in 0..3000 {
            let mut text = String::new();
            for _ in 0..next(12) {
                text.push_str(SPACES[next(SPACES.len())]);
                text.push_str(PIECES[next(PIECES.len())]);
            }
            for letter in [Date::parse_iso("2023-09-18"), None] {
                let ours: Vec<_> = find_dates(&text, letter)
                    .into_iter()
                    .map(|m| (m.date, m.surface, m.at, m.at + m.len))
                    .collect();
                dates += ours.len();
                assert_eq!(ours, reference(&text, letter), "{text:?}");
            }
        }
        assert!(
            dates > 3000,
            "{dates} dates: the texts hold too few to compare"
        );
    }

    #[test]
    fn words_are_split_as_split_whitespace_splits_them() {
        for text in [
            "",
            "  a  b\tc\n",
            "Één\u{a0}brief\u{2003}van\u{3000}x",
            "x\u{85}y \u{1c} \x0b z  ",
            "¹²³ (28) “mei” 2023\r\n",
        ] {
            let ours: Vec<(&str, usize)> = split_words(text)
                .map(|(start, end, at)| (&text[start..end], at))
                .collect();
            let expected: Vec<(&str, usize)> = text
                .split_whitespace()
                .map(|w| {
                    let start = w.as_ptr() as usize - text.as_ptr() as usize;
                    (w, text[..start].chars().count())
                })
                .collect();
            assert_eq!(ours, expected, "{text:?}");
        }
    }

    #[test]
    fn relative_dates_resolve_against_the_letter() {
        let text = "In een debat op 20 april jl. diende het lid een motie in; de JBZ-Raad van \
                    28 september a.s. en het overleg (18 september) volgen.";
        assert_eq!(
            found(text, "2023-09-18"),
            pairs(&[
                ("2023-04-20", "20 april jl."),
                ("2023-09-28", "28 september a.s."),
                ("2023-09-18", "18 september"),
            ])
        );
        // Across the turn of the year.
        assert_eq!(
            found("op 11 december jl. en 13 jan. a.s.", "2024-01-05"),
            pairs(&[
                ("2023-12-11", "11 december jl."),
                ("2024-01-13", "13 jan. a.s.")
            ])
        );
        assert_eq!(
            found("op 3 jan. a.s.", "2023-12-20"),
            pairs(&[("2024-01-03", "3 jan. a.s.")])
        );
        // Without a letter date a day and month cannot be placed.
        assert!(found("op 20 april jl.", "").is_empty());
    }

    #[test]
    fn every_precision_and_form() {
        let text = "Sinds 1 juli 2024, in mei 2023, op September 2, 2024, (2019) en 28-09-2023, \
                    28/9/2023, 2023-09-28 en 2023-09; d.d. 2 oktober 2024.";
        assert_eq!(
            found(text, "2024-09-04"),
            pairs(&[
                ("2024-07-01", "1 juli 2024"),
                ("2023-05", "mei 2023"),
                ("2024-09-02", "September 2, 2024"),
                ("2019", "2019"),
                ("2023-09-28", "28-09-2023"),
                ("2023-09-28", "28/9/2023"),
                ("2023-09-28", "2023-09-28"),
                ("2023-09", "2023-09"),
                ("2024-10-02", "2 oktober 2024"),
            ])
        );
    }

    #[test]
    fn offsets_are_in_chars_and_numbers_that_are_not_dates_are_skipped() {
        let text = "Één brief van 5 dec. 2024";
        let m = &find_dates(text, None)[0];
        assert_eq!((m.at, m.len, m.surface.as_str()), (14, 11, "5 dec. 2024"));
        let noise = "Postbus 20301, 2500 EH Den Haag, 2011 AB, nr. 1043, 57.000 meldingen, \
                     https://www.iwf.org.uk/annual-report-2023/ 31 juni 2023 Kamerstukken 2022/23";
        assert_eq!(found(noise, "2023-09-18"), vec![]);
    }
}
