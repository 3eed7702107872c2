//! Reading dates written the Dutch or English way: `25 september 2023`, `2 July 2024`,
//! `5 dec. 2024`, `28-09-2023`, `28/9/2023`, `2023-09-28`. Ingestion reads the letter's own
//! date with [`parse_full_date`]; the register finds every date mentioned in running text
//! with [`find_dates`] (in `dates/mention.rs`), at its precision and with relative forms
//! (`20 april jl.`, `28 september a.s.`) resolved against the letter's date.

mod mention;
mod query;

pub use mention::{DateMention, SplitWords, find_dates, is_link, split_words};
pub use query::{DateQuery, parse_date_query};

use crate::model::Date;

/// Month names and abbreviations, Dutch and English, folded to lower case.
const MONTHS: &[(&str, u8)] = &[
    ("januari", 1),
    ("january", 1),
    ("jan", 1),
    ("februari", 2),
    ("february", 2),
    ("feb", 2),
    ("maart", 3),
    ("march", 3),
    ("mrt", 3),
    ("april", 4),
    ("apr", 4),
    ("mei", 5),
    ("may", 5),
    ("juni", 6),
    ("june", 6),
    ("jun", 6),
    ("juli", 7),
    ("july", 7),
    ("jul", 7),
    ("augustus", 8),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("oktober", 10),
    ("october", 10),
    ("okt", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
    ("mar", 3),
    ("febr", 2),
];

/// The number of a month written as a Dutch or English name or abbreviation (`sept.`).
pub fn month_number(word: &str) -> Option<u8> {
    let word = word.strip_suffix('.').unwrap_or(word);
    // Month names are ASCII, 3 to 9 letters: most words are rejected here, without allocating.
    let initial = word.bytes().next().map(|b| b.to_ascii_lowercase());
    if !(3..=9).contains(&word.len())
        || !matches!(
            initial,
            Some(b'j' | b'f' | b'm' | b'a' | b's' | b'o' | b'n' | b'd')
        )
        || !word.bytes().all(|b| b.is_ascii_alphabetic())
    {
        return None;
    }
    MONTHS
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(word))
        .map(|&(_, n)| n)
}

/// A full date written as `D month YYYY`, `month D, YYYY`, `DD-MM-YYYY`, `D/M/YYYY` or
/// `YYYY-MM-DD`, alone in `s` (surrounding spaces and a final full stop allowed).
pub fn parse_full_date(s: &str) -> Option<Date> {
    let s = s.trim().trim_end_matches(['.', ',']);
    if let Some(date) = Date::parse_iso(s).filter(|d| d.day.is_some()) {
        return Some(date);
    }
    let words: Vec<&str> = s.split_whitespace().collect();
    match words.as_slice() {
        [day, month, year] => {
            if let (Some(d), Some(m), Some(y)) = (number(day), month_number(month), year4(year)) {
                return Date::ymd(y, m, d as u8);
            }
            // A French date line, as the EU's and the Council's documents write it: `18 mai
            // 2022`, `1er juin 2022`.
            let first = day.strip_suffix("er").unwrap_or(day);
            if let (Some(d), Some(m), Some(y)) = (number(first), french_month(month), year4(year)) {
                return Date::ymd(y, m, d as u8);
            }
            let day = day.trim_end_matches(',');
            let year = year.trim_start_matches(',');
            // `September 2, 2024`
            let (m, d, y) = (
                month_number(day),
                number(month.trim_end_matches(',')),
                year4(year),
            );
            Date::ymd(y?, m?, d? as u8)
        }
        [one] => numeric_date(one),
        _ => None,
    }
}

/// French month names, January first: read in a letter's own full date only (a French date
/// line on an EU document), never in running text or queries.
const MONTHS_FR: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

fn french_month(word: &str) -> Option<u8> {
    let word = word.to_lowercase();
    let k = MONTHS_FR.iter().position(|m| *m == word)?;
    u8::try_from(k + 1).ok()
}

/// The first full date in `line` (see [`parse_full_date`]), with the text before and after it.
pub fn find_full_date(line: &str) -> Option<(Date, &str, &str)> {
    let has_digit = |s: &str| s.bytes().any(|b| b.is_ascii_digit());
    // Every form ends with a number: the year, or the numeric date itself.
    if !has_digit(line) {
        return None;
    }
    let words: Vec<(usize, &str)> = word_spans(line);
    for i in 0..words.len() {
        for len in [3, 1] {
            if i + len > words.len() || !has_digit(words[i + len - 1].1) {
                continue;
            }
            let start = words[i].0;
            let end = words[i + len - 1].0 + words[i + len - 1].1.len();
            let candidate = line[start..end].trim_end_matches([',', '.', ';', ':']);
            if let Some(date) = parse_full_date(candidate) {
                return Some((date, &line[..start], &line[start + candidate.len()..]));
            }
        }
    }
    None
}

fn word_spans(line: &str) -> Vec<(usize, &str)> {
    let mut spans = Vec::new();
    let mut start = None;
    for (i, c) in line.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                spans.push((s, &line[s..i]));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        spans.push((s, &line[s..]));
    }
    spans
}

/// Dutch month names, January first, as a Dutch date writes them.
pub const MONTHS_NL: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];

/// Dutch weekday names, Sunday first.
const WEEKDAYS_NL: [&str; 7] = [
    "zondag",
    "maandag",
    "dinsdag",
    "woensdag",
    "donderdag",
    "vrijdag",
    "zaterdag",
];

/// English weekday names, Sunday first.
const WEEKDAYS_EN: [&str; 7] = [
    "sunday",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
];

/// Whether `word` is a weekday's name in Dutch or English, in any case.
pub fn is_weekday(word: &str) -> bool {
    WEEKDAYS_NL
        .iter()
        .chain(&WEEKDAYS_EN)
        .any(|day| day.eq_ignore_ascii_case(word))
}

/// A date written out the Dutch way at its precision: `donderdag 28 september 2023`,
/// `september 2023`, `2023`.
pub fn dutch(date: Date) -> String {
    let Some(m) = date.month.filter(|m| (1..=12).contains(m)) else {
        return date.year.to_string();
    };
    let month = MONTHS_NL[m as usize - 1];
    let Some(d) = date.day else {
        return format!("{month} {}", date.year);
    };
    // Sakamoto's method: 0 is Sunday.
    const T: [i32; 12] = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
    let y = if m < 3 { date.year - 1 } else { date.year };
    let w = (y + y.div_euclid(4) - y.div_euclid(100)
        + y.div_euclid(400)
        + T[m as usize - 1]
        + d as i32)
        .rem_euclid(7);
    format!("{} {d} {month} {}", WEEKDAYS_NL[w as usize], date.year)
}

fn numeric_date(s: &str) -> Option<Date> {
    // `14-7-2021`, `14/7/2021`, and the EU's `14.7.2021`.
    let sep = if s.contains('-') {
        '-'
    } else if s.contains('/') {
        '/'
    } else {
        '.'
    };
    let parts: Vec<&str> = s.split(sep).collect();
    let [d, m, y] = parts.as_slice() else {
        return None;
    };
    if d.len() > 2 || m.len() > 2 {
        return None;
    }
    Date::ymd(year4(y)?, number(m)? as u8, number(d)? as u8)
}

fn number(s: &str) -> Option<u32> {
    (!s.is_empty() && s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())?
}

fn year4(s: &str) -> Option<i32> {
    (s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok())?
}

/// Four digits that read as a year of these letters (1900-2099): `2024`.
pub(crate) fn plausible_year(s: &str) -> Option<i32> {
    year4(s).filter(|y| (1900..=2099).contains(y))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(s: &str) -> Option<String> {
        parse_full_date(s).map(|d| d.to_string())
    }

    #[test]
    fn full_dates_in_dutch_english_and_numeric_forms() {
        assert_eq!(iso("25 september 2023").as_deref(), Some("2023-09-25"));
        assert_eq!(iso(" 5 december 2024 ").as_deref(), Some("2024-12-05"));
        assert_eq!(iso("2 July 2024").as_deref(), Some("2024-07-02"));
        assert_eq!(iso("11 dec. 2024").as_deref(), Some("2024-12-11"));
        assert_eq!(iso("September 2, 2024").as_deref(), Some("2024-09-02"));
        assert_eq!(iso("28-09-2023").as_deref(), Some("2023-09-28"));
        assert_eq!(iso("28/9/2023").as_deref(), Some("2023-09-28"));
        assert_eq!(iso("14.7.2021").as_deref(), Some("2021-07-14"));
        assert_eq!(iso("1.2.3").as_deref(), None);
        assert_eq!(iso("2023-09-28").as_deref(), Some("2023-09-28"));
        assert_eq!(iso("31 juni 2023"), None);
        assert_eq!(iso("25 september"), None);
        assert_eq!(iso("artikel 16 2023"), None);
        assert_eq!(iso("18 mai 2022").as_deref(), Some("2022-05-18"));
        assert_eq!(iso("1er décembre 2021").as_deref(), Some("2021-12-01"));
        assert_eq!(iso("3 Février 2020").as_deref(), Some("2020-02-03"));
    }

    #[test]
    fn dates_are_written_out_in_dutch() {
        let d = |s: &str| dutch(Date::parse_iso(s).unwrap());
        assert_eq!(d("2023-09-28"), "donderdag 28 september 2023");
        assert_eq!(d("2024-12-11"), "woensdag 11 december 2024");
        assert_eq!(d("2024-02-29"), "donderdag 29 februari 2024");
        assert_eq!(d("2023-05"), "mei 2023");
        assert_eq!(d("1995"), "1995");
    }

    #[test]
    fn a_date_is_found_inside_a_line_with_what_surrounds_it() {
        let (d, before, after) = find_full_date("Leiden, 25 september 2023").unwrap();
        assert_eq!(
            (d.to_string().as_str(), before, after),
            ("2023-09-25", "Leiden, ", "")
        );
        let (d, before, after) = find_full_date(" 5 december 2024, Leiden ").unwrap();
        assert_eq!(
            (d.to_string().as_str(), before, after),
            ("2024-12-05", " ", ", Leiden ")
        );
    }
}
