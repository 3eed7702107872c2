//! Note markers in running text: `<sup>n</sup>`, superscript digits, pandoc's `[^n]`, and
//! plain digits stuck to the end of a sentence (`internet.1`) in PDF text. Markers are taken out
//! of the text and kept as the `char` offset where each stood; plain digits count only in
//! numbering order, which keeps `57.000`, `artikel 16` and `2023.` what they are.

use std::borrow::Cow;

use super::document;
use super::lines::superscript_value;
use super::scan::{Bytes, find_byte};
use crate::model::NoteRef;
pub(super) use loose::counts_something;
use loose::{Loose, after_year, loose_marker};

mod loose;

/// How a letter writes its note markers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkerStyle {
    /// `<sup>n</sup>` or superscript digits: unambiguous.
    Marked,
    /// Digits stuck to the end of a sentence, as PDF text has them.
    Trailing,
    /// Stated by the format (PDF, DOCX, ODT, HTML): [`document::MARKER_OPEN`] digits
    /// [`document::MARKER_CLOSE`], and nothing else.
    Given,
    /// Plain digits as PDF converters write superscripts: stuck to a word (`ESPR2`,
    /// `HUF-toets6`), after a closing bracket or a stop (`(BdDI)5`, `jl.1`), or after a space
    /// (`grondstoffen 1.`, `jl. 1,`); only the next number in sequence, and only among the
    /// notes the letter defines, from `lowest` (a letter whose first pages are missing starts
    /// at its first note found) to `highest`. When `skip` is true, one number may be skipped:
    /// its marker stood where no rule finds it, but its note exists.
    Loose {
        lowest: u32,
        highest: u32,
        skip: bool,
    },
}

/// Removes the note markers from `text` and returns the clean text with where each stood.
/// `last` is the number of the last marker seen in the letter, updated as markers are found.
///
/// Text without markers comes back borrowed. The scan works on the bytes: between the few
/// bytes a marker can start with (`<`, `[`, the lead bytes of superscript digits and, for
/// trailing markers, ASCII digits) the text is copied a run at a time.
pub fn extract<'a>(
    text: &'a str,
    style: MarkerStyle,
    last: &mut u32,
) -> (Cow<'a, str>, Vec<NoteRef>) {
    match scan(text, style, last, true) {
        (Some(rest), refs) => (Cow::Owned(rest), refs),
        (None, refs) => (Cow::Borrowed(text), refs),
    }
}

/// The numbers of the note markers in `text`, as [`extract`] finds them (and updates `last`),
/// without writing out the text around them.
pub fn numbers(text: &str, style: MarkerStyle, last: &mut u32) -> Vec<u32> {
    let (_, refs) = scan(text, style, last, false);
    refs.into_iter().map(|r| r.number).collect()
}

/// What is left of the text as markers are taken out: the text itself when `kept`, else only
/// what the scan needs to know of it (its length in chars, whether it ends with a space).
struct Rest {
    text: Option<String>,
    len: usize,
    space_at_end: bool,
}

impl Rest {
    fn new(kept: bool, capacity: usize) -> Rest {
        Rest {
            text: kept.then(|| String::with_capacity(capacity)),
            len: 0,
            space_at_end: false,
        }
    }

    fn push_str(&mut self, s: &str) {
        if s.is_empty() {
            return;
        }
        if let Some(text) = &mut self.text {
            text.push_str(s);
        }
        self.len += s.chars().count();
        self.space_at_end = s.ends_with(' ');
    }

    /// Where a marker stands: after the text, not after a space before it.
    fn marker_at(&self) -> usize {
        self.len - usize::from(self.space_at_end)
    }

    /// The byte offset after a marker ending at `end`, dropping a space that would double
    /// one before it.
    fn skip_space_after(&self, text: &str, end: usize) -> usize {
        end + usize::from(self.space_at_end && text.as_bytes().get(end) == Some(&b' '))
    }
}

/// Takes the markers out of `text`: the text left (`None` when nothing was taken out or it
/// was not `kept`) and the markers.
fn scan(
    text: &str,
    style: MarkerStyle,
    last: &mut u32,
    kept: bool,
) -> (Option<String>, Vec<NoteRef>) {
    if style == MarkerStyle::Given {
        return scan_given(text, last, kept);
    }
    let loose = match style {
        MarkerStyle::Loose {
            lowest,
            highest,
            skip,
        } => Some(Loose {
            lowest,
            highest,
            skip,
        }),
        _ => None,
    };
    let trailing = style == MarkerStyle::Trailing || loose.is_some();
    let bytes = text.as_bytes();
    // The bytes a marker may start with: `<`, `[` and the lead bytes of superscript digits
    // (`C2`, `E2`); for trailing markers ASCII digits too.
    let next_start = |from: usize| {
        let found = if trailing {
            find_byte(bytes, from, |b| may_start(b) | b.within(b'0', b'9'))
        } else {
            find_byte(bytes, from, may_start)
        };
        found.unwrap_or(bytes.len())
    };
    let next = next_start(0);
    if next == bytes.len() {
        return (None, Vec::new());
    }
    let mut rest = Rest::new(kept, text.len());
    let mut refs = Vec::new();
    let mut changed = false; // whether anything was taken out
    let mut run = 0; // byte offset of the text not yet written to `rest`
    let mut i = next; // byte offset of the next char to read
    // Text that stays as it is (no marker after all) is written out a run at a time, just
    // before the next change.
    while let Some(c) = text[i..].chars().next() {
        i = match marker_at_byte(text, i, c, trailing, loose, *last) {
            Some(Marker::Notes(numbers, end)) => {
                rest.push_str(&text[run..i]);
                let at = rest.marker_at();
                for n in numbers {
                    refs.push(NoteRef { number: n, at });
                    *last = n;
                }
                let after = rest.skip_space_after(text, end);
                run = after;
                changed = true;
                after
            }
            Some(Marker::Spaced(n, end)) => {
                // The space before the number goes with it: `grondstoffen 1.` ->
                // `grondstoffen.`, the marker after `grondstoffen`.
                rest.push_str(&text[run..(i - 1).max(run)]);
                refs.push(NoteRef {
                    number: n,
                    at: rest.len,
                });
                *last = n;
                run = end;
                changed = true;
                end
            }
            Some(Marker::Trailing(n, text_end, end)) => {
                rest.push_str(&text[run..text_end]);
                refs.push(NoteRef {
                    number: n,
                    at: rest.len,
                });
                *last = n;
                run = end;
                changed = true;
                end
            }
            Some(Marker::Keep(kept, end)) => {
                rest.push_str(&text[run..i]);
                rest.push_str(kept);
                run = end;
                changed = true;
                end
            }
            Some(Marker::Plain(end)) => end,
            None => i + c.len_utf8(),
        };
        i = next_start(i);
    }
    if !changed {
        return (None, refs);
    }
    rest.push_str(&text[run..]);
    (rest.text, refs)
}

/// Takes out the markers a format stated; a sentinel without its number and closing is
/// left as it is.
fn scan_given(text: &str, last: &mut u32, kept: bool) -> (Option<String>, Vec<NoteRef>) {
    let open = document::MARKER_OPEN;
    let close = document::MARKER_CLOSE;
    if !text.contains(open) {
        return (None, Vec::new());
    }
    let mut rest = Rest::new(kept, text.len());
    let mut refs = Vec::new();
    let mut from = 0;
    while let Some(start) = text[from..].find(open).map(|i| from + i) {
        let digits = start + open.len_utf8();
        let number = text[digits..].find(close).and_then(|len| {
            let n: u32 = text[digits..digits + len].parse().ok()?;
            Some((n, digits + len + close.len_utf8()))
        });
        let Some((number, end)) = number else {
            rest.push_str(&text[from..digits]);
            from = digits;
            continue;
        };
        rest.push_str(&text[from..start]);
        refs.push(NoteRef {
            number,
            at: rest.marker_at(),
        });
        *last = number;
        from = rest.skip_space_after(text, end);
    }
    rest.push_str(&text[from..]);
    (rest.text, refs)
}

/// Whether a marker may start with byte `b`: `<`, `[`, or a lead byte of superscript digits
/// (`C2`, `E2`).
fn may_start<B: Bytes>(b: B) -> B::Mask {
    b.is(b'<') | b.is(b'[') | b.is(0xC2) | b.is(0xE2)
}

/// What stands at a byte offset where a marker may start.
enum Marker<'a> {
    /// Note numbers (`<sup>1, 2</sup>`, `[^3]`, `⁴`); the byte offset after them.
    Notes(Vec<u32>, usize),
    /// A trailing plain-digit marker (`internet.1`, or stuck to a date's year: `29 November
    /// 20191,`); where the text before it ends, and the byte offset after it.
    Trailing(u32, usize, usize),
    /// A plain-digit marker after a space (`grondstoffen 1.`); the byte offset after it.
    Spaced(u32, usize),
    /// Text to keep in place of what was read (`<sup>x</sup>` keeps `x`, a digit run that is
    /// no marker keeps itself); the byte offset after it.
    Keep(&'a str, usize),
    /// Text that stays as it is (a digit run that is no marker); the byte offset after it.
    Plain(usize),
}

/// The marker starting at byte `i` of `text` (its char `c`), if any.
fn marker_at_byte<'a>(
    text: &'a str,
    i: usize,
    c: char,
    trailing: bool,
    loose: Option<Loose>,
    last: u32,
) -> Option<Marker<'a>> {
    // <sup>n</sup>
    if c == '<'
        && text[i..].starts_with("<sup>")
        && let Some(close) = find(text, i + 5, "</sup>", 40)
    {
        let inner = &text[i + 5..close];
        let numbers: Vec<u32> = inner
            .split([',', ' '])
            .filter(|s| !s.is_empty())
            .map_while(|s| s.parse().ok())
            .collect();
        let all_numbers = !numbers.is_empty()
            && inner.split([',', ' ']).filter(|s| !s.is_empty()).count() == numbers.len();
        // Not a note: keep the inner text.
        return Some(if all_numbers {
            Marker::Notes(numbers, close + 6)
        } else {
            Marker::Keep(inner, close + 6)
        });
    }
    // `[^n]`, as pandoc writes notes.
    if c == '['
        && text[i + 1..].starts_with('^')
        && let Some(close) = find(text, i + 2, "]", 6)
        && let Ok(n) = text[i + 2..close].parse::<u32>()
    {
        return Some(Marker::Notes(vec![n], close + 1));
    }
    // Superscript digits.
    if superscript_value(c).is_some() {
        let mut digits = Vec::new();
        let mut end = text.len();
        for (k, d) in text[i..].char_indices() {
            match superscript_value(d) {
                Some(v) => digits.push(v),
                None => {
                    end = i + k;
                    break;
                }
            }
        }
        return Some(Marker::Notes(superscript_numbers(&digits, last), end));
    }
    // Trailing plain digits: `internet.1 `, `(Category A).8`.
    if trailing && c.is_ascii_digit() && i > 0 {
        let end = text.as_bytes()[i..]
            .iter()
            .position(|b| !b.is_ascii_digit())
            .map_or(text.len(), |p| i + p);
        let mut earlier = text[..i].chars().rev();
        let before = earlier.next()?;
        let before2 = earlier.next();
        let after_ok = text[end..].chars().next().is_none_or(char::is_whitespace);
        let punct_ok = matches!(
            before,
            '.' | ',' | ';' | ':' | '!' | '?' | ')' | '”' | '"' | '’'
        ) && before2.is_some_and(|b| !b.is_ascii_digit() && !b.is_whitespace());
        let word_ok = before.is_lowercase();
        let number: Option<u32> = (end - i <= 3).then(|| text[i..end].parse().ok()).flatten();
        // A date's year with the marker stuck to it: `of 29 November 20191,`.
        if let Some(loose) = loose
            && let Some(n) = after_year(text, i, end)
            && loose.next(n, last)
        {
            return Some(Marker::Trailing(n, i + 4, end));
        }
        // One marker the sequence missed may lie between (`in 2022 2 is`).
        if let (Some(loose), Some(n)) = (loose, number)
            && loose.next(n, last)
        {
            match loose_marker(text, i, end) {
                Some(true) if !counts_something(&text[end..]) => {
                    return Some(Marker::Spaced(n, end));
                }
                Some(false) => return Some(Marker::Trailing(n, i, end)),
                Some(true) | None => {}
            }
        }
        if loose.is_some() {
            return Some(Marker::Plain(end));
        }
        if let Some(n) = number
            && after_ok
            && (punct_ok || word_ok)
            && Some(n) == last.checked_add(1)
        {
            return Some(Marker::Trailing(n, i, end));
        }
        // Not a marker: keep the whole digit run so its tail is not taken for one.
        return Some(Marker::Plain(end));
    }
    None
}

/// Reads a run of superscript digits in numbering order: `¹²` after note 11 is 12; after
/// note 0 it is 1 and 2 when 12 would skip numbers.
fn superscript_numbers(digits: &[u32], last: u32) -> Vec<u32> {
    let whole = digits
        .iter()
        .fold(0u32, |acc, d| acc.saturating_mul(10).saturating_add(*d));
    if digits.len() == 1 || Some(whole) == last.checked_add(1) {
        return vec![whole];
    }
    let consecutive = digits
        .iter()
        .enumerate()
        .all(|(k, &d)| Some(d) == last.checked_add(1 + k as u32));
    if consecutive {
        digits.to_vec()
    } else {
        vec![whole]
    }
}

/// The byte offset where `pat` starts in `text`, looking at most `window` chars after `from`:
/// bounded, so a text full of unclosed tags stays linear.
fn find(text: &str, from: usize, pat: &str, window: usize) -> Option<usize> {
    text[from..]
        .char_indices()
        .take(window)
        .find(|&(k, _)| text[from + k..].starts_with(pat))
        .map(|(k, _)| from + k)
}

#[cfg(test)]
mod tests {
    use super::*;

    const LOOSE: MarkerStyle = MarkerStyle::Loose {
        lowest: 1,
        highest: 9,
        skip: false,
    };

    fn run(text: &str, style: MarkerStyle) -> (String, Vec<(u32, usize)>) {
        let mut last = 0;
        let (t, refs) = extract(text, style, &mut last);
        (
            t.into_owned(),
            refs.into_iter().map(|r| (r.number, r.at)).collect(),
        )
    }

    #[test]
    fn sup_markers_are_removed_with_their_offsets() {
        let (t, r) = run(
            "aanpak<sup>1</sup>. Zie artikel 16<sup>2</sup> dat",
            MarkerStyle::Marked,
        );
        assert_eq!(t, "aanpak. Zie artikel 16 dat");
        assert_eq!(r, vec![(1, 6), (2, 22)]);
    }

    #[test]
    fn pandoc_markers() {
        let (t, r) = run("zie hier[^1] en daar[^12].", MarkerStyle::Marked);
        assert_eq!(t, "zie hier en daar.");
        assert_eq!(r, vec![(1, 8), (12, 16)]);
    }

    #[test]
    fn superscripts_follow_the_numbering_order() {
        let mut last = 11;
        let (t, r) = extract("artikel 16¹² dat", MarkerStyle::Marked, &mut last);
        assert_eq!(t, "artikel 16 dat");
        assert_eq!(r, vec![NoteRef { number: 12, at: 10 }]);
        let (_, r) = run("twee noten¹² hier", MarkerStyle::Marked);
        assert_eq!(r.iter().map(|r| r.0).collect::<Vec<_>>(), vec![1, 2]);
    }

    #[test]
    fn trailing_digits_are_markers_only_in_sequence() {
        let (t, r) = run(
            "het openbare internet.1 Ieder jaar 57.000 meldingen in 2023. Zie artikel 16 en (Category A).2 Klaar.",
            MarkerStyle::Trailing,
        );
        assert_eq!(
            t,
            "het openbare internet. Ieder jaar 57.000 meldingen in 2023. Zie artikel 16 en (Category A). Klaar."
        );
        assert_eq!(r, vec![(1, 22), (2, 91)]);
        // Out of sequence: not a marker.
        let (t, r) = run("zie pagina.7 hier", MarkerStyle::Trailing);
        assert_eq!((t.as_str(), r.len()), ("zie pagina.7 hier", 0));
    }

    /// A converter sticks a note's number to the year a date ends with: the year stays, the
    /// number is the marker, in numbering order only, and only after a day and a month.
    #[test]
    fn a_marker_stuck_to_the_year_of_a_date() {
        let (t, r) = run(
            "of 29 November 20191, recognising; of 4 June 20202 underlining",
            LOOSE,
        );
        assert_eq!(
            t,
            "of 29 November 2019, recognising; of 4 June 2020 underlining"
        );
        assert_eq!(r, vec![(1, 19), (2, 48)]);
        for text in ["in het jaar 20191 gebouwd", "op 29 November 20197, te laat"] {
            let (t, r) = run(text, LOOSE);
            assert_eq!((t.as_str(), r.len()), (text, 0), "{text}");
        }
    }

    /// After a word's comma and a space (`NextGenerationEU, 2 the`) and after a year's stop or
    /// comma (`2022,3 there`), loose digits in numbering order are markers; a decimal comma
    /// (`2,2 miljoen`) and a number after a list's comma (`4, 2 and`) are not.
    #[test]
    fn markers_after_a_words_comma_and_a_years_comma() {
        let (t, r) = run(
            "the Market.1 With NextGenerationEU, 2 the plan of 14 September 2022,3 there",
            LOOSE,
        );
        assert_eq!(
            t,
            "the Market. With NextGenerationEU, the plan of 14 September 2022, there"
        );
        assert_eq!(r, vec![(1, 11), (2, 34), (3, 65)]);
        for text in ["een bedrag van 2,2 miljoen", "artikelen 4, 2 en 7"] {
            let mut last = 1;
            let (t, r) = extract(text, LOOSE, &mut last);
            assert_eq!((t.as_ref(), r.len()), (text, 0), "{text}");
        }
    }

    /// A marker stuck to an act's number (`2014/94/EU1`, where `CO2` stays a formula) and to a
    /// year after a preposition (`tegen 20503`), in numbering order only.
    #[test]
    fn markers_after_an_acts_number_and_a_year_after_a_preposition() {
        let (t, r) = run(
            "Richtlijn 2014/94/EU1 van de Raad met CO2 en de koers om tegen 20502 klimaatneutraal",
            LOOSE,
        );
        assert_eq!(
            t,
            "Richtlijn 2014/94/EU van de Raad met CO2 en de koers om tegen 2050 klimaatneutraal"
        );
        assert_eq!(r, vec![(1, 20), (2, 66)]);
        for text in [
            "het getal 20503 in een tabel",
            "tegen 20509 klimaatneutraal",
        ] {
            let mut last = 2;
            let (t, r) = extract(text, LOOSE, &mut last);
            assert_eq!((t.as_ref(), r.len()), (text, 0), "{text}");
        }
    }

    /// A spaced marker after a year or a span of years (`2022-2027 8,`), in numbering order;
    /// a number after another number that is no year stays (`artikel 12 3 keer`).
    #[test]
    fn a_spaced_marker_after_a_span_of_years() {
        let mut last = 7;
        let text = "de Stroomgebiedbeheerplannen 2022-2027 8, het addendum";
        let (t, r) = extract(text, LOOSE, &mut last);
        assert_eq!(t, "de Stroomgebiedbeheerplannen 2022-2027, het addendum");
        assert_eq!(
            r.iter().map(|r| (r.number, r.at)).collect::<Vec<_>>(),
            [(8, 38)]
        );
        let mut last = 2;
        let text = "over vrijwillige detectie en in 2019 3 over slachtoffers.";
        let (t, r) = extract(text, LOOSE, &mut last);
        assert_eq!(t, "over vrijwillige detectie en in 2019 over slachtoffers.");
        assert_eq!(r.len(), 1);
        let mut last = 2;
        let text = "zie artikel 12 3 keer";
        let (t, r) = extract(text, LOOSE, &mut last);
        assert_eq!((t.as_ref(), r.len()), (text, 0));
    }

    /// A spaced number before a month's name or a unit counted is a day or a count, never
    /// a marker, even when it is the next note's number (`Sinds 5 september`, `6 maanden`);
    /// before other words it may be (`mededeling 5 over`).
    #[test]
    fn a_day_or_a_count_is_no_spaced_marker() {
        for text in [
            "Sinds 5 september 2019 werkt de ATKM",
            "voor ten hoogste 5 maanden verlengd",
            "een stijging van 5 procent per jaar",
            "een daling van 5 % per jaar",
        ] {
            let mut last = 4;
            let (t, r) = extract(text, LOOSE, &mut last);
            assert_eq!((t.as_ref(), r.len()), (text, 0), "{text}");
        }
        // The count and, stuck to its unit's stop, the marker with the same number.
        let mut last = 4;
        let (t, r) = extract("ten hoogste 5 maanden.5 De Commissie", LOOSE, &mut last);
        assert_eq!(t, "ten hoogste 5 maanden. De Commissie");
        assert_eq!(
            r.iter().map(|r| (r.number, r.at)).collect::<Vec<_>>(),
            [(5, 22)]
        );
        let mut last = 4;
        let (t, r) = extract("de mededeling 5 over de Green Deal", LOOSE, &mut last);
        assert_eq!(t, "de mededeling over de Green Deal");
        assert_eq!(r.len(), 1);
    }
}
