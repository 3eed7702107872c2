//! Who stands where: one [`Position`] per letter with its sender, addressees, date, stance and
//! summary (from the sidecar) and the regulatory terms it uses most (the register's `term`
//! entities, counted in the letter's headings, paragraphs and notes). The positions view of
//! the reader and `brieven positions` both show these rows.

use std::cmp::Ordering;
use std::str::FromStr;

use serde::Serialize;

use crate::model::{Date, Letter, Stance};
use crate::register::{EntityKind, Place, Register};
use crate::text::fold_str;

/// How many terms a row lists.
pub const TOP_TERMS: usize = 3;

/// A term and how often a letter uses it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TermCount {
    pub term: String,
    pub count: usize,
}

/// One letter's place in the debate.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Position {
    /// Index of the letter in the corpus.
    pub letter: usize,
    pub id: String,
    pub sender: Option<String>,
    pub recipients: Vec<String>,
    pub date: Option<Date>,
    pub stance: Option<Stance>,
    pub summary: Option<String>,
    /// The most used terms, most used first.
    pub terms: Vec<TermCount>,
}

/// The orders rows can be put in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum PositionSort {
    /// Oldest first; undated letters last.
    #[default]
    Date,
    /// By sender (case and diacritics ignored), then date.
    Sender,
}

impl FromStr for PositionSort {
    type Err = String;

    fn from_str(s: &str) -> Result<PositionSort, String> {
        match s.trim().to_ascii_lowercase().as_str() {
            "date" | "datum" => Ok(PositionSort::Date),
            "sender" | "afzender" => Ok(PositionSort::Sender),
            _ => Err(format!("unknown order '{s}' (expected date or sender)")),
        }
    }
}

/// One row per letter (acts left out), in corpus order, with up to `top` terms each.
pub fn positions(letters: &[Letter], register: &Register, top: usize) -> Vec<Position> {
    let mut counts: Vec<Vec<TermCount>> = vec![Vec::new(); letters.len()];
    // Counted per term over its occurrences only (a count per letter for every term would
    // cost terms × letters: the reader computes this when its register arrives).
    for term in register.of_kind(EntityKind::Term) {
        let mut per_letter: std::collections::BTreeMap<usize, usize> = Default::default();
        for o in &term.occurrences {
            if o.place != Place::Meta && o.letter_index() < letters.len() {
                *per_letter.entry(o.letter_index()).or_default() += 1;
            }
        }
        for (i, count) in per_letter {
            counts[i].push(TermCount {
                term: term.label.clone(),
                count,
            });
        }
    }
    letters
        .iter()
        .zip(counts)
        .enumerate()
        // An act the letters discuss takes no position in the debate.
        .filter(|(_, (letter, _))| !letter.is_act())
        .map(|(i, (letter, mut terms))| {
            terms.sort_by(|a, b| {
                b.count
                    .cmp(&a.count)
                    .then_with(|| fold_str(&a.term).cmp(&fold_str(&b.term)))
            });
            terms.truncate(top);
            Position {
                letter: i,
                id: letter.id.clone(),
                sender: letter.sender.clone(),
                recipients: letter.recipients.clone(),
                date: letter.date,
                stance: letter.stance,
                summary: letter.summary.clone(),
                terms,
            }
        })
        .collect()
}

/// Gives `rows` (of `letters`) the stance and summary given in the reader, kept in `state`,
/// in place of the letter's own (see [`crate::state::Annotation`]); a row whose letter has
/// none keeps, or takes back, the letter's own.
pub fn annotate(rows: &mut [Position], letters: &[Letter], state: &crate::state::State) {
    for row in rows.iter_mut() {
        let Some(letter) = letters.get(row.letter) else {
            continue;
        };
        let given = state.annotation(&row.id).unwrap_or_default();
        row.stance = given.stance.or(letter.stance);
        row.summary = given.summary.or_else(|| letter.summary.clone());
    }
}

/// Puts rows in `order`; `reverse` turns it around (newest first, Z to A).
pub fn sort_positions(rows: &mut [Position], order: PositionSort, reverse: bool) {
    let by_date = |a: &Position, b: &Position| match (a.date, b.date) {
        (Some(x), Some(y)) => x.cmp(&y),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    };
    let sender = |p: &Position| fold_str(p.sender.as_deref().unwrap_or("\u{10FFFF}"));
    rows.sort_by(|a, b| {
        let primary = match order {
            PositionSort::Date => by_date(a, b).then_with(|| sender(a).cmp(&sender(b))),
            PositionSort::Sender => sender(a).cmp(&sender(b)).then_with(|| by_date(a, b)),
        };
        let primary = primary.then_with(|| a.id.cmp(&b.id));
        if reverse { primary.reverse() } else { primary }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Corpus;

    #[test]
    fn each_embedded_letter_gets_a_row_with_its_stance_and_terms() {
        let corpus = Corpus::embedded();
        let register = Register::build(&corpus.letters);
        let mut rows = positions(&corpus.letters, &register, TOP_TERMS);
        assert_eq!(
            rows.len(),
            corpus.letters.iter().filter(|l| !l.is_act()).count()
        );
        let offlimits = rows
            .iter()
            .find(|r| r.date == Date::ymd(2024, 9, 18))
            .unwrap();
        assert_eq!(offlimits.sender.as_deref(), Some("Offlimits"));
        assert_eq!(offlimits.stance, Some(Stance::Opposes));
        assert!(offlimits.summary.is_some());
        assert!(!offlimits.terms.is_empty() && offlimits.terms.len() <= TOP_TERMS);
        assert!(offlimits.terms.windows(2).all(|w| w[0].count >= w[1].count));

        sort_positions(&mut rows, PositionSort::Date, false);
        let dates: Vec<_> = rows.iter().map(|r| r.date.unwrap()).collect();
        assert!(dates.windows(2).all(|w| w[0] <= w[1]), "{dates:?}");
        sort_positions(&mut rows, PositionSort::Sender, false);
        let senders: Vec<_> = rows
            .iter()
            .map(|r| fold_str(r.sender.as_deref().unwrap()))
            .collect();
        assert!(senders.windows(2).all(|w| w[0] <= w[1]), "{senders:?}");
        sort_positions(&mut rows, PositionSort::Date, true);
        assert_eq!(rows[0].date, Date::ymd(2024, 12, 5));
    }

    #[test]
    fn terms_are_counted_per_letter_and_undated_letters_sort_last() {
        use crate::model::{Paragraph, Section};
        let letter = |id: &str, text: &str, date| Letter {
            id: id.into(),
            date,
            sections: vec![Section {
                paragraphs: vec![Paragraph {
                    text: text.into(),
                    ..Paragraph::default()
                }],
                ..Section::default()
            }],
            ..Letter::default()
        };
        let letters = [
            letter(
                "a",
                "Encryptie, encryptie en nog eens encryptie. Ook grooming.",
                None,
            ),
            letter("b", "Over grooming.", Date::ymd(2023, 1, 1)),
        ];
        let register = Register::build(&letters);
        let mut rows = positions(&letters, &register, 1);
        assert_eq!(
            rows[0].terms,
            [TermCount {
                term: "encryptie".into(),
                count: 3
            }]
        );
        assert_eq!(
            rows[1].terms,
            [TermCount {
                term: "grooming".into(),
                count: 1
            }]
        );
        sort_positions(&mut rows, PositionSort::Date, false);
        assert_eq!(rows[0].id, "b");
    }
}
