//! What a typed query asks for: free text plus filters.
//!
//! `org:` `person:` `term:` `date:` restrict the kinds of entity (their value, if any, is
//! searched as text; a `date:` value that reads as a date or range, `date:2023-09..2023-12`,
//! selects dates); `in:<letter id or sender>` restricts to letters; `notes:` searches footnotes
//! only. Anything else is text. Queries are cut to [`MAX_QUERY_CHARS`] so no query can make the
//! search slow.

use crate::dates::{DateQuery, parse_date_query};
use crate::register::EntityKind;

/// The longest query text looked at; the rest is ignored.
pub const MAX_QUERY_CHARS: usize = 200;

/// A parsed query.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Query {
    /// The free text, filters removed, cut to [`MAX_QUERY_CHARS`].
    pub text: String,
    /// Only entities of these kinds (none: every kind, and passages).
    pub kinds: Vec<EntityKind>,
    /// Only letters whose id or sender contains one of these.
    pub letters: Vec<String>,
    /// Only footnotes (passages, no entities).
    pub notes: bool,
    /// Dates asked for by a `date:` filter, or by the text itself when it reads as a date.
    pub dates: Option<DateQuery>,
    /// What is wrong with the query as typed (a `date:` value that is no date, a range that
    /// ends before it begins), for the user to be told rather than given nothing.
    pub problems: Vec<String>,
    /// The text was longer than [`MAX_QUERY_CHARS`] and was cut.
    pub cut: bool,
}

impl Query {
    /// Parses `input`; never fails: what is not a filter is text.
    pub fn parse(input: &str) -> Query {
        let mut query = Query::default();
        let mut text: Vec<&str> = Vec::new();
        let all_input = input.len();
        let input: String = input.chars().take(MAX_QUERY_CHARS * 4).collect();
        for word in input.split_whitespace() {
            let Some((name, value)) = word.split_once(':') else {
                text.push(word);
                continue;
            };
            match name.to_lowercase().as_str() {
                "in" if !value.is_empty() => query.letters.push(value.to_string()),
                "in" => {}
                "notes" | "note" | "footnotes" => {
                    query.notes = true;
                    text.push(value);
                }
                kind => match EntityKind::parse(kind) {
                    Some(kind) => {
                        if !query.kinds.contains(&kind) {
                            query.kinds.push(kind);
                        }
                        match (kind, parse_date_query(value)) {
                            (EntityKind::Date, Some(dates)) if !value.is_empty() => {
                                if is_inverted(&dates) {
                                    query
                                        .problems
                                        .push(format!("{word}: the range ends before it begins"));
                                }
                                query.dates = Some(dates);
                            }
                            // `date:-1`, `date:9999-99..0000`: meant as a date, but none.
                            (EntityKind::Date, None)
                                if value.contains(|c: char| c.is_ascii_digit()) =>
                            {
                                query.problems.push(format!(
                                    "{word}: not a date, month, year or range (write 2024-05-02, 2 mei 2024, sep 2023, 2024 or 2023-09..2023-12)"
                                ));
                            }
                            _ => text.push(value),
                        }
                    }
                    None => text.push(word),
                },
            }
        }
        let joined = text
            .iter()
            .filter(|w| !w.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join(" ");
        query.cut = joined.chars().nth(MAX_QUERY_CHARS).is_some() || input.len() < all_input;
        query.text = joined.chars().take(MAX_QUERY_CHARS).collect();
        if query.dates.is_none() && (query.kinds.is_empty() || query.wants(EntityKind::Date)) {
            query.dates = parse_date_query(&query.text);
        }
        query
    }

    /// What to tell the user about the query: its problems, and that it was cut.
    pub fn notices(&self) -> Vec<String> {
        let mut notices = self.problems.clone();
        if self.cut {
            notices.push(format!(
                "the query is cut to its first {MAX_QUERY_CHARS} characters"
            ));
        }
        notices
    }

    /// Whether entities of `kind` may be returned.
    pub fn wants(&self, kind: EntityKind) -> bool {
        !self.notes && (self.kinds.is_empty() || self.kinds.contains(&kind))
    }

    /// Whether passages may be returned.
    pub fn wants_passages(&self) -> bool {
        self.notes || self.kinds.is_empty()
    }
}

/// Whether a range ends before it begins (`2024..2023`).
fn is_inverted(dates: &DateQuery) -> bool {
    match dates {
        DateQuery::Range {
            from: Some(f),
            to: Some(t),
        } => {
            (f.year, f.month.unwrap_or(1), f.day.unwrap_or(1))
                > (t.year, t.month.unwrap_or(12), t.day.unwrap_or(31))
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Date;

    #[test]
    fn filters_and_text_are_told_apart() {
        let q = Query::parse("org:ncmec in:003 meldingen");
        assert_eq!(q.text, "ncmec meldingen");
        assert_eq!(q.kinds, [EntityKind::Organisation]);
        assert_eq!(q.letters, ["003"]);
        assert!(!q.notes && !q.wants_passages() && !q.wants(EntityKind::Term));
        let q = Query::parse("notes: IWF annual report");
        assert!(q.notes && q.wants_passages() && !q.wants(EntityKind::Organisation));
        assert_eq!(q.text, "IWF annual report");
        let q = Query::parse("date:2023-09..2023-12");
        assert_eq!(
            (q.text.as_str(), q.kinds.as_slice()),
            ("", &[EntityKind::Date][..])
        );
        assert!(q.dates.unwrap().matches(Date::ymd(2023, 10, 1).unwrap()));
        let q = Query::parse("28 september");
        assert!(q.dates.is_some() && q.kinds.is_empty());
        // Unknown prefixes and URLs stay text.
        assert_eq!(
            Query::parse("https://x.nl foo:bar").text,
            "https://x.nl foo:bar"
        );
    }

    #[test]
    fn long_queries_are_cut() {
        let q = Query::parse(&"ab ".repeat(10_000));
        assert_eq!(q.text.chars().count(), MAX_QUERY_CHARS);
    }
}
