//! The order and narrowing of a list of letters, shared by `brieven list --sort` and the
//! reader's Letters pane: sort by date, sender or stance (ties keep the corpus order), and
//! filter by words as fzf narrows a list.

use std::cmp::Ordering;
use std::str::FromStr;

use crate::model::{Date, Letter, Stance};
use crate::text::fold_str;

/// How a list of letters is ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LetterSort {
    /// As the letters were loaded (the corpus order: files by name).
    #[default]
    Corpus,
    /// Oldest first; undated letters last.
    Date,
    /// By sender, case and diacritics ignored; letters without a sender last.
    Sender,
    /// Supports, mixed, neutral, opposes; letters without a stance last.
    Stance,
}

impl LetterSort {
    /// The next order in the reader's cycle: date, sender, stance, as loaded.
    pub fn next(self) -> LetterSort {
        match self {
            LetterSort::Date => LetterSort::Sender,
            LetterSort::Sender => LetterSort::Stance,
            LetterSort::Stance => LetterSort::Corpus,
            LetterSort::Corpus => LetterSort::Date,
        }
    }
}

impl FromStr for LetterSort {
    type Err = String;

    fn from_str(s: &str) -> Result<LetterSort, String> {
        match s.trim().to_ascii_lowercase().as_str() {
            "date" | "datum" => Ok(LetterSort::Date),
            "sender" | "afzender" => Ok(LetterSort::Sender),
            "stance" | "standpunt" => Ok(LetterSort::Stance),
            "corpus" | "loaded" => Ok(LetterSort::Corpus),
            _ => Err(format!(
                "unknown order '{s}' (expected date, sender or stance)"
            )),
        }
    }
}

/// The indices of `letters` in `sort` order, legislative acts after the letters; ties keep the
/// corpus order.
pub fn sorted(letters: &[Letter], sort: LetterSort) -> Vec<usize> {
    sorted_with(letters, sort, &|i| letters[i].stance)
}

/// [`sorted`], with each letter's stance as `stance` gives it (the reader's own, where it
/// gave one).
pub fn sorted_with(
    letters: &[Letter],
    sort: LetterSort,
    stance: &dyn Fn(usize) -> Option<Stance>,
) -> Vec<usize> {
    let keys: Vec<SortKeys> = letters
        .iter()
        .enumerate()
        .map(|(i, l)| SortKeys {
            date: l.date,
            sender: l.sender.as_deref(),
            stance: stance(i),
        })
        .collect();
    let mut order = sorted_keys(&keys, sort);
    // The acts the letters discuss come after the letters, whatever the order.
    order.sort_by_key(|&i| letters[i].is_act());
    order
}

/// What ordering a letter needs of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SortKeys<'a> {
    pub date: Option<Date>,
    pub sender: Option<&'a str>,
    pub stance: Option<Stance>,
}

/// [`sorted`] for letters known by their keys alone (an on-disk index's rows).
pub fn sorted_keys(letters: &[SortKeys], sort: LetterSort) -> Vec<usize> {
    let mut order: Vec<usize> = (0..letters.len()).collect();
    match sort {
        LetterSort::Corpus => {}
        LetterSort::Date => order.sort_by_key(|&i| (letters[i].date.is_none(), letters[i].date)),
        LetterSort::Sender => {
            let keys: Vec<Option<String>> =
                letters.iter().map(|l| l.sender.map(fold_str)).collect();
            order.sort_by(|&a, &b| match (&keys[a], &keys[b]) {
                (Some(x), Some(y)) => x.cmp(y),
                (Some(_), None) => Ordering::Less,
                (None, Some(_)) => Ordering::Greater,
                (None, None) => Ordering::Equal,
            });
        }
        LetterSort::Stance => order.sort_by_key(|&i| stance_rank(letters[i].stance)),
    }
    order
}

fn stance_rank(stance: Option<Stance>) -> u8 {
    match stance {
        Some(Stance::Supports) => 0,
        Some(Stance::Mixed) => 1,
        Some(Stance::Neutral) => 2,
        Some(Stance::Opposes) => 3,
        None => 4,
    }
}

/// A filter typed over a list of letters: every word of it must occur in the letter's
/// sender, date (`2024-09-18`), subject or id, case and diacritics ignored.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LetterFilter {
    words: Vec<String>,
}

impl LetterFilter {
    pub fn new(query: &str) -> LetterFilter {
        LetterFilter {
            words: fold_str(query)
                .split_whitespace()
                .map(String::from)
                .collect(),
        }
    }

    /// Whether the filter lets every letter through (nothing typed but spaces).
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    pub fn matches(&self, letter: &Letter) -> bool {
        if self.words.is_empty() {
            return true;
        }
        let date = letter.date.map(|d| d.to_string()).unwrap_or_default();
        let fields = [
            letter.sender.as_deref().unwrap_or(""),
            &date,
            letter.subject.as_deref().unwrap_or(""),
            &letter.id,
        ];
        let haystack = fold_str(&fields.join("\n"));
        self.words.iter().all(|w| haystack.contains(w.as_str()))
    }
}

/// The indices of `letters` in `sort` order that `filter` lets through.
pub fn shown(
    letters: &[Letter],
    sort: LetterSort,
    filter: &LetterFilter,
    stance: &dyn Fn(usize) -> Option<Stance>,
) -> Vec<usize> {
    sorted_with(letters, sort, stance)
        .into_iter()
        .filter(|&i| filter.matches(&letters[i]))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Date;

    fn letter(
        id: &str,
        date: Option<Date>,
        sender: Option<&str>,
        stance: Option<Stance>,
    ) -> Letter {
        Letter {
            id: id.into(),
            date,
            sender: sender.map(String::from),
            stance,
            ..Letter::default()
        }
    }

    fn corpus() -> Vec<Letter> {
        vec![
            letter("x01", None, Some("Zorg"), Some(Stance::Opposes)),
            letter("x02", Date::ymd(2024, 1, 5), Some("Ápen"), None),
            letter("x03", Date::ymd(2023, 3, 1), None, Some(Stance::Supports)),
            letter(
                "x04",
                Date::ymd(2024, 1, 5),
                Some("apen"),
                Some(Stance::Supports),
            ),
        ]
    }

    #[test]
    fn each_order_keeps_the_corpus_order_for_ties() {
        let letters = corpus();
        assert_eq!(sorted(&letters, LetterSort::Corpus), [0, 1, 2, 3]);
        assert_eq!(sorted(&letters, LetterSort::Date), [2, 1, 3, 0]);
        assert_eq!(sorted(&letters, LetterSort::Sender), [1, 3, 0, 2]);
        assert_eq!(sorted(&letters, LetterSort::Stance), [2, 3, 0, 1]);
    }

    #[test]
    fn every_word_of_a_filter_must_occur_in_sender_date_subject_or_id() {
        let mut letters = corpus();
        letters[2].subject = Some("Beeldmateriaal".into());
        let stance = |i: usize| letters[i].stance;
        let shown = |q: &str| shown(&letters, LetterSort::Corpus, &LetterFilter::new(q), &stance);
        assert_eq!(shown("APEN"), [1, 3]);
        assert_eq!(shown("apen 2024-01"), [1, 3]);
        assert_eq!(shown("materiaal 2023"), [2]);
        assert_eq!(shown("X04"), [3]);
        assert_eq!(shown("  "), [0, 1, 2, 3]);
        assert!(shown("apen zorg").is_empty());
    }

    #[test]
    fn orders_are_read_in_english_and_dutch() {
        assert_eq!("Datum".parse(), Ok(LetterSort::Date));
        assert_eq!("standpunt".parse(), Ok(LetterSort::Stance));
        assert!("size".parse::<LetterSort>().is_err());
    }
}
