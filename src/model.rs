//! The letter model: plain data that ingestion produces and everything else reads.
//!
//! A [`Letter`] is what one file becomes: metadata, sections of paragraphs, footnotes and the
//! warnings ingestion raised. Every paragraph and footnote keeps the (1-based) source line it
//! started on, and every note marker the character offset where it stood, so readers can
//! highlight and jump. The serde form of these types is the JSON that `brieven export` prints.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A calendar date at the precision the text gives: a year, a month or a day.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, bitcode::Encode, bitcode::Decode,
)]
pub struct Date {
    pub year: i32,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

impl Date {
    /// A full date; `None` when the day does not exist in that month.
    pub fn ymd(year: i32, month: u8, day: u8) -> Option<Date> {
        (1..=12).contains(&month).then_some(())?;
        (day >= 1 && day <= days_in_month(year, month)).then_some(Date {
            year,
            month: Some(month),
            day: Some(day),
        })
    }

    /// A month of a year.
    pub fn ym(year: i32, month: u8) -> Option<Date> {
        (1..=12).contains(&month).then_some(Date {
            year,
            month: Some(month),
            day: None,
        })
    }

    /// A whole year.
    pub fn y(year: i32) -> Date {
        Date {
            year,
            month: None,
            day: None,
        }
    }

    /// Parses the ISO forms `YYYY`, `YYYY-MM` and `YYYY-MM-DD`.
    pub fn parse_iso(s: &str) -> Option<Date> {
        let mut parts = s.split('-');
        let year = parse_digits(parts.next()?, 4)?;
        let Some(month) = parts.next() else {
            return Some(Date::y(year as i32));
        };
        let month = parse_digits(month, 2)? as u8;
        let Some(day) = parts.next() else {
            return Date::ym(year as i32, month);
        };
        let day = parse_digits(day, 2)? as u8;
        if parts.next().is_some() {
            return None;
        }
        Date::ymd(year as i32, month, day)
    }
}

fn parse_digits(s: &str, len: usize) -> Option<u32> {
    (s.len() == len && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok())?
}

/// Days in a month of the proleptic Gregorian calendar.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
            if let Some(d) = self.day {
                write!(f, "-{d:02}")?;
            }
        }
        Ok(())
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let s = String::deserialize(d)?;
        Date::parse_iso(&s).ok_or_else(|| serde::de::Error::custom(format!("not an ISO date: {s}")))
    }
}

/// Where a letter stands on the regulation, as its sidecar states it.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    bitcode::Encode,
    bitcode::Decode,
)]
#[serde(rename_all = "lowercase")]
pub enum Stance {
    Supports,
    Opposes,
    Mixed,
    Neutral,
}

impl Stance {
    pub fn as_str(self) -> &'static str {
        match self {
            Stance::Supports => "supports",
            Stance::Opposes => "opposes",
            Stance::Mixed => "mixed",
            Stance::Neutral => "neutral",
        }
    }
}

/// One letter, parsed.
#[derive(
    Debug, Clone, Default, PartialEq, Serialize, Deserialize, bitcode::Encode, bitcode::Decode,
)]
pub struct Letter {
    /// The file name without extension.
    pub id: String,
    /// The path it was read from, or `embedded:<file name>`.
    pub source: String,
    /// The date of the letter itself.
    pub date: Option<Date>,
    /// Where it was written, when stated (or the city of the sender's address).
    pub place: Option<String>,
    /// The organisation or office that sends it.
    pub sender: Option<String>,
    /// People and organisations in the closing.
    pub signed_by: Vec<String>,
    /// The addressees.
    pub recipients: Vec<String>,
    pub subject: Option<String>,
    /// `Ons kenmerk`: the sender's reference.
    pub reference: Option<String>,
    /// From the sidecar only.
    pub stance: Option<Stance>,
    /// A one-line summary, from the sidecar only.
    pub summary: Option<String>,
    /// Free tags, from the sidecar only.
    #[serde(default)]
    pub tags: Vec<String>,
    /// The opening line (`Geachte ...,`), when there is one.
    #[serde(default)]
    pub salutation: Option<String>,
    pub sections: Vec<Section>,
    pub footnotes: Vec<Footnote>,
    /// Anything odd, as `id:line: message`.
    pub warnings: Vec<String>,
    /// For a legislative act (a regulation, directive or decision, proposed or adopted), what
    /// it is and the division each section is; `None` for a letter.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub act: Option<Act>,
}

impl Letter {
    /// The footnote with this number.
    pub fn footnote(&self, number: u32) -> Option<&Footnote> {
        // Ingestion sorts the notes by number; fall back to a scan for hand-made letters.
        match self.footnotes.binary_search_by_key(&number, |n| n.number) {
            Ok(i) => Some(&self.footnotes[i]),
            Err(_) => self.footnotes.iter().find(|n| n.number == number),
        }
    }

    /// Every paragraph with its section and paragraph index, in reading order.
    pub fn paragraphs(&self) -> impl Iterator<Item = (usize, usize, &Paragraph)> {
        self.sections.iter().enumerate().flat_map(|(s, section)| {
            section
                .paragraphs
                .iter()
                .enumerate()
                .map(move |(p, para)| (s, p, para))
        })
    }

    /// How many note markers the body carries.
    pub fn marker_count(&self) -> usize {
        self.paragraphs().map(|(_, _, p)| p.notes.len()).sum()
    }

    /// Whether this is a legislative act rather than a letter.
    pub fn is_act(&self) -> bool {
        self.act.is_some()
    }

    /// The division section `i` is, for an act.
    pub fn division(&self, i: usize) -> Option<&Division> {
        self.act.as_ref()?.divisions.get(i)
    }

    /// The section that is article `number` (`7`, `7a`; case ignored), for an act.
    pub fn article(&self, number: &str) -> Option<usize> {
        self.act.as_ref()?.divisions.iter().position(|d| {
            d.kind == DivisionKind::Article
                && d.number
                    .as_deref()
                    .is_some_and(|n| n.eq_ignore_ascii_case(number))
        })
    }

    /// The sender, or a stand-in for display.
    pub fn sender_or_unknown(&self) -> &str {
        self.sender.as_deref().unwrap_or(UNKNOWN_SENDER)
    }
}

/// What stands for a letter's sender when it has none.
pub const UNKNOWN_SENDER: &str = "(unknown sender)";

/// What kind of legislative act a document is.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    bitcode::Encode,
    bitcode::Decode,
)]
#[serde(rename_all = "lowercase")]
pub enum ActKind {
    Regulation,
    Directive,
    Decision,
}

impl ActKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ActKind::Regulation => "regulation",
            ActKind::Directive => "directive",
            ActKind::Decision => "decision",
        }
    }
}

/// A legislative act's structure: its kind, and one [`Division`] per section of the letter
/// (`divisions[i]` is `sections[i]`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, bitcode::Encode, bitcode::Decode)]
pub struct Act {
    pub kind: ActKind,
    pub divisions: Vec<Division>,
}

/// What a section of an act is: an article with its number and title, a chapter, the recitals,
/// or a plain heading (of the explanatory memorandum, of an annex), with its depth in the
/// outline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, bitcode::Encode, bitcode::Decode)]
pub struct Division {
    pub kind: DivisionKind,
    /// As written: `7`, `7a`, `IV`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Depth in the outline: 0 for the memorandum, the recitals, a chapter, an annex; an article
    /// one deeper than the chapter, section and subsection it stands in.
    pub level: u8,
}

/// The divisions of an act the EU's drafting conventions name.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    bitcode::Encode,
    bitcode::Decode,
)]
#[serde(rename_all = "lowercase")]
pub enum DivisionKind {
    /// A heading of no named division (the memorandum's parts, an annex's, the opening).
    Heading,
    Memorandum,
    /// The act's title, citations (`Having regard to ...`) up to `Whereas:`.
    Preamble,
    Recitals,
    Part,
    Title,
    Chapter,
    Section,
    Subsection,
    Article,
    Annex,
}

/// A heading (none for the opening part) and the paragraphs under it.
#[derive(
    Debug, Clone, Default, PartialEq, Serialize, Deserialize, bitcode::Encode, bitcode::Decode,
)]
pub struct Section {
    pub heading: Option<String>,
    pub paragraphs: Vec<Paragraph>,
    /// Source line of the heading (or of the first paragraph of an opening part).
    #[serde(default)]
    pub line: usize,
    /// The page the heading stands on, where the source has pages (PDF).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
}

/// Whether a paragraph is running text or an item of a list.
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    Serialize,
    Deserialize,
    bitcode::Encode,
    bitcode::Decode,
)]
#[serde(rename_all = "snake_case")]
pub enum ParagraphKind {
    #[default]
    Text,
    ListItem,
}

/// Clean running text with the notes it cites.
#[derive(
    Debug, Clone, Default, PartialEq, Serialize, Deserialize, bitcode::Encode, bitcode::Decode,
)]
pub struct Paragraph {
    pub text: String,
    pub notes: Vec<NoteRef>,
    #[serde(default)]
    pub kind: ParagraphKind,
    /// Source line the paragraph starts on.
    #[serde(default)]
    pub line: usize,
    /// The page the paragraph starts on, where the source has pages (PDF).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
}

/// A note marker: the footnote number and the position (in `char`s into the paragraph text)
/// just after the text the marker followed.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, bitcode::Encode, bitcode::Decode,
)]
pub struct NoteRef {
    pub number: u32,
    pub at: usize,
}

/// A footnote definition.
#[derive(
    Debug, Clone, Default, PartialEq, Serialize, Deserialize, bitcode::Encode, bitcode::Decode,
)]
pub struct Footnote {
    pub number: u32,
    pub text: String,
    pub urls: Vec<String>,
    /// Source line the definition starts on.
    #[serde(default)]
    pub line: usize,
    /// The page the definition stands on, where the source has pages (PDF).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_print_and_parse_iso_at_their_precision() {
        for s in ["2023", "2023-09", "2023-09-28", "2024-02-29"] {
            assert_eq!(Date::parse_iso(s).unwrap().to_string(), s);
        }
        for s in [
            "2023-13",
            "2023-02-29",
            "23-09-28",
            "2023-9-1",
            "2023-09-28-1",
            "",
        ] {
            assert_eq!(Date::parse_iso(s), None, "{s}");
        }
    }

    #[test]
    fn dates_order_by_time_then_precision() {
        let y = Date::y(2023);
        let m = Date::ym(2023, 9).unwrap();
        let d = Date::ymd(2023, 9, 28).unwrap();
        assert!(y < m && m < d && d < Date::y(2024));
    }
}
