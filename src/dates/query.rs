//! Dates typed as search queries: [`parse_date_query`] reads `28 september`, `11 dec`, `sep
//! 2023`, `2023-09`, `28-09-2023`, `2024` as a pattern over dates, and `2023-09..2023-12` as a
//! range.

use super::{month_number, number, plausible_year};
use crate::model::Date;

fn day_number(s: &str) -> Option<u8> {
    number(s).filter(|d| (1..=31).contains(d)).map(|d| d as u8)
}

/// A date typed as a query: a pattern of the parts given, or a range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateQuery {
    /// Every part that is given must be equal (`28 september` matches that day in any year).
    Pattern {
        year: Option<i32>,
        month: Option<u8>,
        day: Option<u8>,
    },
    /// From the start of `from` to the end of `to`, both inclusive, either open.
    Range {
        from: Option<Date>,
        to: Option<Date>,
    },
}

impl DateQuery {
    /// Whether the date `d` (at its own precision) is one the query asks for.
    pub fn matches(&self, d: Date) -> bool {
        match *self {
            DateQuery::Pattern { year, month, day } => {
                year.is_none_or(|y| y == d.year)
                    && month.is_none_or(|m| d.month == Some(m))
                    && day.is_none_or(|x| d.day == Some(x))
            }
            DateQuery::Range { from, to } => {
                let start = (d.year, d.month.unwrap_or(1), d.day.unwrap_or(1));
                from.is_none_or(|f| start >= (f.year, f.month.unwrap_or(1), f.day.unwrap_or(1)))
                    && to.is_none_or(|t| {
                        start <= (t.year, t.month.unwrap_or(12), t.day.unwrap_or(31))
                    })
            }
        }
    }
}

/// Reads `q` as a date, a month, a year or a range (`a..b`, either side optional); `None`
/// when it does not read as one.
pub fn parse_date_query(q: &str) -> Option<DateQuery> {
    let q = q.trim();
    if let Some((a, b)) = q.split_once("..") {
        let side = |s: &str| -> Option<Option<Date>> {
            let s = s.trim();
            if s.is_empty() {
                return Some(None);
            }
            match parse_date_query(s)? {
                DateQuery::Pattern {
                    year: Some(y),
                    month,
                    day,
                } => Some(Some(Date {
                    year: y,
                    month,
                    day: day.filter(|_| month.is_some()),
                })),
                _ => None,
            }
        };
        let (from, to) = (side(a)?, side(b)?);
        return (from.is_some() || to.is_some()).then_some(DateQuery::Range { from, to });
    }
    let q = q.trim_end_matches(['.', ',']);
    let pattern = |year, month, day| Some(DateQuery::Pattern { year, month, day });
    if let Some(d) = super::parse_full_date(q).or_else(|| Date::parse_iso(q)) {
        return pattern(Some(d.year), d.month, d.day);
    }
    let words: Vec<&str> = q
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    match words.as_slice() {
        [one] => {
            if let Some(m) = month_number(one) {
                return pattern(None, Some(m), None);
            }
            let y = plausible_year(one)?;
            pattern(Some(y), None, None)
        }
        [a, b] => {
            if let (Some(d), Some(m)) = (day_number(a), month_number(b)) {
                return pattern(None, Some(m), Some(d));
            }
            if let (Some(m), Some(d)) = (month_number(a), day_number(b)) {
                return pattern(None, Some(m), Some(d));
            }
            let (m, y) = (month_number(a)?, plausible_year(b)?);
            pattern(Some(y), Some(m), None)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_read_as_dates_months_years_and_ranges() {
        let q = |s: &str| parse_date_query(s);
        let d = |s: &str| Date::parse_iso(s).unwrap();
        assert!(q("28 september").unwrap().matches(d("2023-09-28")));
        assert!(!q("28 september").unwrap().matches(d("2023-09")));
        assert!(q("11 dec").unwrap().matches(d("2024-12-11")));
        assert!(q("sep 2023").unwrap().matches(d("2023-09-18")));
        assert!(q("2023-09").unwrap().matches(d("2023-09-28")));
        assert!(q("28-09-2023").unwrap().matches(d("2023-09-28")));
        assert!(q("2024").unwrap().matches(d("2024-07-01")));
        assert!(!q("2024").unwrap().matches(d("2023-07-01")));
        let range = q("2023-09..2023-12").unwrap();
        assert!(range.matches(d("2023-09-01")) && range.matches(d("2023-12-31")));
        assert!(!range.matches(d("2024-01-01")) && !range.matches(d("2023-08-31")));
        assert!(q("2024..").unwrap().matches(d("2025")));
        for not in [
            "",
            "ncmec",
            "..",
            "12",
            "a..b",
            "32 mei",
            "28 september 2023 extra",
        ] {
            assert_eq!(q(not), None, "{not}");
        }
    }
}
