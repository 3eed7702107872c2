//! Plain digits as PDF converters leave superscript note numbers ([`super::MarkerStyle::Loose`]):
//! where such digits may stand (stuck to a word or a bracket, after a space, after a year), and
//! where they are a day, a count or a year instead.

/// The bounds of [`MarkerStyle::Loose`].
#[derive(Debug, Clone, Copy)]
pub(super) struct Loose {
    pub(super) lowest: u32,
    pub(super) highest: u32,
    pub(super) skip: bool,
}

impl Loose {
    /// Whether `n` is the next marker after `last`: a note the letter defines, next in
    /// sequence (or the one after, when `skip`), the first one counting from `lowest`.
    pub(super) fn next(self, n: u32, last: u32) -> bool {
        let base = last.max(self.lowest.saturating_sub(1));
        (self.lowest..=self.highest).contains(&n)
            && n > base
            && n - base <= 1 + u32::from(self.skip)
    }
}

/// Whether the digits at `text[i..end]` stand where a converter leaves a superscript note
/// number: `Some(false)` stuck to what precedes them (a word of three letters or more, or of
/// any length when not all capitals: `CO2` is a formula; a closing bracket, stop, comma or
/// quote after a word), `Some(true)` after a space that follows a word or a stop; and in
/// both cases followed by white space, the end, or punctuation that ends a phrase.
pub(super) fn loose_marker(text: &str, i: usize, end: usize) -> Option<bool> {
    let mut after = text[end..].chars();
    let after_ok = match after.next() {
        None => true,
        Some(a) if a.is_whitespace() => true,
        Some('.' | ',' | ';' | ':' | ')' | '”' | '’' | '"') => after
            .next()
            .is_none_or(|b| b.is_whitespace() || matches!(b, ',' | ')' | ';' | '.')),
        _ => false,
    };
    if !after_ok {
        return None;
    }
    let mut earlier = text[..i].chars().rev();
    let before = earlier.next()?;
    if before.is_alphabetic() {
        let word: Vec<char> = text[..i]
            .chars()
            .rev()
            .take_while(|c| c.is_alphabetic())
            .collect();
        // `CO2` is a formula; `2014/94/EU1` an act's number with its marker.
        let act = text[..i - word.iter().map(|c| c.len_utf8()).sum::<usize>()].ends_with('/');
        let formula = word.len() <= 2 && word.iter().all(|c| c.is_uppercase()) && !act;
        return (!formula).then_some(false);
    }
    let before2 = earlier.next()?;
    if matches!(before, ')' | '.' | ',' | '”' | '"' | '’') {
        // After a year's stop or comma: `of 14 September 2022,7 there`. Other digits before
        // the stop make a number (`2,7 miljoen`, `57.000`).
        let after_year = matches!(before, '.' | ',') && {
            let word = text[..i - 1]
                .rsplit(char::is_whitespace)
                .next()
                .unwrap_or("");
            crate::dates::plausible_year(word).is_some()
        };
        return (after_year || !before2.is_ascii_digit() && !before2.is_whitespace())
            .then_some(false);
    }
    if before == ' ' && (before2.is_alphabetic() || matches!(before2, '.' | ')' | '”' | '’')) {
        return Some(true);
    }
    // After a year or a span of years: `Stroomgebiedbeheerplannen 2022-2027 8,`.
    if before == ' ' && before2.is_ascii_digit() && ends_in_year(&text[..i - 1]) {
        return Some(true);
    }
    // After a comma that follows a word: `With NextGenerationEU, 2 the ...`.
    if before == ' ' && before2 == ',' && earlier.next().is_some_and(char::is_alphabetic) {
        return Some(true);
    }
    None
}

/// Whether the text after a spaced number makes it a day or a count: a month's name
/// (`Sinds 5 september`) or a unit counted (`ten hoogste 6 maanden`, `3 procent`).
pub(in crate::ingest) fn counts_something(after: &str) -> bool {
    const UNITS: [&str; 40] = [
        "dag",
        "dagen",
        "week",
        "weken",
        "maand",
        "maanden",
        "jaar",
        "jaren",
        "uur",
        "uren",
        "minuten",
        "seconden",
        "procent",
        "keer",
        "maal",
        "miljoen",
        "miljard",
        "euro",
        "cent",
        "personen",
        "mensen",
        "kinderen",
        "landen",
        "lidstaten",
        "leden",
        "days",
        "weeks",
        "months",
        "years",
        "hours",
        "minutes",
        "percent",
        "per",
        "times",
        "million",
        "billion",
        "people",
        "children",
        "countries",
        "states",
    ];
    let Some(word) = after.split_whitespace().next() else {
        return false;
    };
    // Its letters: what follows them may be punctuation or the next marker (`maanden.15`).
    if word.starts_with('%') {
        return true;
    }
    let word = word
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    crate::dates::month_number(word).is_some() || UNITS.iter().any(|u| u.eq_ignore_ascii_case(word))
}

/// Whether the word `text` ends with is a year (1900-2099) or ends in one (`2022-2027`).
fn ends_in_year(text: &str) -> bool {
    let word = text.rsplit(char::is_whitespace).next().unwrap_or("");
    let tail = word.rsplit(['-', '–', '/']).next().unwrap_or("");
    crate::dates::plausible_year(tail).is_some()
}

/// The note number a converter stuck to the year of a date (`29 November 20191,`, `4 juni
/// 20202`, `tegen 20503`): digits `text[i..end]` of a year (1900-2099) and one or two more,
/// after a day and a month's name or after a preposition a year follows, and followed by
/// white space, the end or a phrase's punctuation.
pub(super) fn after_year(text: &str, i: usize, end: usize) -> Option<u32> {
    if !(5..=6).contains(&(end - i)) {
        return None;
    }
    crate::dates::plausible_year(&text[i..i + 4])?;
    let after_ok = text[end..]
        .chars()
        .next()
        .is_none_or(|c| c.is_whitespace() || matches!(c, ',' | ';' | '.' | ':' | ')'));
    let word = text[..i]
        .strip_suffix(' ')?
        .split_whitespace()
        .next_back()?;
    let dated = || {
        let day = text[..i]
            .trim_end()
            .strip_suffix(word)
            .and_then(|t| t.split_whitespace().next_back());
        crate::dates::month_number(word).is_some()
            && day.is_some_and(|d| d.len() <= 2 && d.bytes().all(|b| b.is_ascii_digit()))
    };
    (after_ok && (year_after_preposition(word) || dated()))
        .then(|| text[i + 4..end].parse().ok())?
}

/// Whether `word` is a preposition a year follows in Dutch and English policy text (`tegen
/// 2050`, `by 2030`): the year then stands for itself, without day or month.
fn year_after_preposition(word: &str) -> bool {
    const WORDS: [&str; 16] = [
        "tegen", "in", "vóór", "voor", "sinds", "tot", "vanaf", "per", "medio", "eind", "by",
        "until", "since", "from", "before", "after",
    ];
    WORDS.iter().any(|w| w.eq_ignore_ascii_case(word))
}
