//! Quoting with a citation: a paragraph, a section or a note of a letter as
//! `“…quote…” — Offlimits, letter to the Minister van Justitie en Veiligheid et al.,
//! 18 September 2024, ¶ 4 (note 1: Bits of Freedom, https://...)`, in English or Dutch.
//!
//! A [`Citation`] is plain data taken from a [`Letter`]; [`Citation::name_sources`] lets the
//! register name the source of each note it cites (the first organisation or person the note
//! mentions), and [`Citation::render`] writes it out in a [`Lang`].

mod excerpt;
mod publisher;
#[cfg(test)]
mod tests;

use publisher::names_site;
pub use publisher::{Publisher, publisher};

use serde::{Deserialize, Serialize};

use crate::i18n::Lang;
use crate::model::{Date, Footnote, Letter};
use crate::register::{EntityKind, Place, Register};
use crate::text::sanitize;

/// What of a letter is cited. Sections and paragraphs count from 0, as in
/// [`Letter::sections`]; notes by their number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Anchor {
    /// The letter as a whole: no quote.
    Letter,
    Section {
        section: usize,
    },
    Paragraph {
        section: usize,
        paragraph: usize,
    },
    Note {
        number: u32,
    },
}

/// Where in a letter, as every JSON output writes it and citations number it: a section as
/// `§ n` and a paragraph as `¶ n`, both from 1, the paragraph counted through the whole letter
/// (`brieven quote --paragraph n`); a note by its number. `{"in": "paragraph", "section": 2,
/// "paragraph": 7}`, `{"in": "note", "note": 3}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "in", rename_all = "lowercase")]
pub enum Location {
    /// The letter as a whole.
    Letter,
    /// Its header (sender, addressees, subject, date).
    Meta,
    Heading {
        section: usize,
    },
    Section {
        section: usize,
    },
    Paragraph {
        section: usize,
        paragraph: usize,
    },
    Note {
        note: u32,
    },
}

impl Location {
    /// The location of a register or search place of `letter`.
    pub fn of_place(letter: &Letter, place: Place) -> Location {
        match place {
            Place::Paragraph { section, paragraph } => {
                Location::paragraph(letter, section as usize, paragraph as usize)
            }
            Place::Heading { section } => Location::Heading {
                section: section as usize + 1,
            },
            Place::Footnote { number } => Location::Note { note: number },
            Place::Meta => Location::Meta,
        }
    }

    /// The location of an anchor of `letter`.
    pub fn of_anchor(letter: &Letter, anchor: Anchor) -> Location {
        match anchor {
            Anchor::Letter => Location::Letter,
            Anchor::Section { section } => Location::Section {
                section: section + 1,
            },
            Anchor::Paragraph { section, paragraph } => {
                Location::paragraph(letter, section, paragraph)
            }
            Anchor::Note { number } => Location::Note { note: number },
        }
    }

    /// Paragraph `paragraph` of section `section` (both from 0).
    pub fn paragraph(letter: &Letter, section: usize, paragraph: usize) -> Location {
        Location::Paragraph {
            section: section + 1,
            paragraph: paragraph_number(letter, section, paragraph),
        }
    }

    /// The `§ n` of the location, if it has one.
    pub fn section(self) -> Option<usize> {
        match self {
            Location::Heading { section }
            | Location::Section { section }
            | Location::Paragraph { section, .. } => Some(section),
            _ => None,
        }
    }

    /// The `¶ n` of the location, if it is a paragraph.
    pub fn paragraph_number(self) -> Option<usize> {
        match self {
            Location::Paragraph { paragraph, .. } => Some(paragraph),
            _ => None,
        }
    }

    /// The note's number, if it is a note.
    pub fn note(self) -> Option<u32> {
        match self {
            Location::Note { note } => Some(note),
            _ => None,
        }
    }
}

/// A note the quote cites, with what it points to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CitedNote {
    pub number: u32,
    /// A short name for the source: its publisher as the note states it (see [`publisher`]),
    /// else the organisation or person the register finds in it, else its text shortened.
    pub source: String,
    pub urls: Vec<String>,
    /// The publisher the note's own structure names, which the register does not override.
    #[serde(skip)]
    pub stated: Option<Publisher>,
}

/// Everything a citation says, before it is written out in a language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Citation {
    pub letter: String,
    pub anchor: Anchor,
    /// The quoted text (paragraphs of a section joined by a blank line); none for a letter.
    pub quote: Option<String>,
    pub sender: Option<String>,
    /// Who signed for the sender (the first signatory), when the letter says.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub signatory: Option<String>,
    /// The first recipient.
    pub addressee: Option<String>,
    /// How many recipients there are besides the first.
    pub other_addressees: usize,
    pub date: Option<Date>,
    /// The letter's own reference (`kenmerk`), when it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub letter_reference: Option<String>,
    /// For a paragraph: its number counted through the whole letter, from 1.
    pub paragraph_number: Option<usize>,
    /// For a section: its heading.
    pub heading: Option<String>,
    /// The page the cited part starts on, where the letter came with pages (PDF).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    /// The notes the quote cites (for a note: the note itself, with its URLs).
    pub notes: Vec<CitedNote>,
    /// For a legislative act: its name in citations (`COM(2022) 209`), which stands for
    /// sender, addressee and date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub act: Option<String>,
    /// For a place in an act's article, recitals or annex: the provision (`Article 7(1)`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provision: Option<crate::act::Provision>,
}

/// The longest a shortened note source gets, in characters.
const SOURCE_CHARS: usize = 60;

/// Openings of a note that say where to look rather than what the source is.
const POINTERS: &[&str] = &[
    "zie hiervoor ook",
    "zie hiervoor",
    "zie ook",
    "zie o.a.",
    "zie bijv.",
    "zie",
    "verkregen via",
    "bron",
    "see also",
    "see e.g.",
    "see",
    "source",
    "cf.",
];

/// First words of an addressee that name an office: they take an article (`the Minister`,
/// `de Voorzitter`) unless a name follows directly (`Minister D. Yeşilgöz`).
const OFFICES: &[&str] = &[
    "minister",
    "minister-president",
    "staatssecretaris",
    "voorzitter",
    "commissievoorzitter",
    "commissie",
    "vaste",
    "leden",
    "tweede",
    "eerste",
    "ministerie",
    "kabinet",
    "europese",
    "president",
    "woordvoerder",
    "woordvoerders",
];

impl Citation {
    /// The citation of `anchor` in `letter`; `None` when the letter has no such section,
    /// paragraph or note.
    pub fn of(letter: &Letter, anchor: Anchor) -> Option<Citation> {
        let mut citation = Citation {
            letter: letter.id.clone(),
            anchor,
            quote: None,
            sender: letter.sender.clone(),
            signatory: letter
                .signed_by
                .first()
                .filter(|s| letter.sender.as_ref() != Some(*s))
                .cloned(),
            addressee: letter.recipients.first().map(|r| tidy_addressee(r)),
            other_addressees: letter.recipients.len().saturating_sub(1),
            date: letter.date,
            letter_reference: letter.reference.clone(),
            paragraph_number: None,
            heading: None,
            page: None,
            notes: Vec::new(),
            act: letter
                .is_act()
                .then(|| crate::act::short_name(letter))
                .flatten(),
            provision: match anchor {
                Anchor::Section { section } => crate::act::provision(letter, section, None),
                Anchor::Paragraph { section, paragraph } => {
                    crate::act::provision(letter, section, Some(paragraph))
                }
                _ => None,
            },
        };
        let cited: Vec<u32> = match anchor {
            Anchor::Letter => Vec::new(),
            Anchor::Section { section } => {
                let s = letter.sections.get(section)?;
                let texts: Vec<&str> = s.paragraphs.iter().map(|p| p.text.as_str()).collect();
                citation.quote = Some(texts.join("\n\n"));
                citation.heading = s.heading.clone();
                citation.page = s.page.or_else(|| s.paragraphs.first().and_then(|p| p.page));
                s.paragraphs
                    .iter()
                    .flat_map(|p| p.notes.iter().map(|n| n.number))
                    .collect()
            }
            Anchor::Paragraph { section, paragraph } => {
                let p = letter.sections.get(section)?.paragraphs.get(paragraph)?;
                citation.quote = Some(p.text.clone());
                citation.page = p.page;
                citation.paragraph_number = Some(paragraph_number(letter, section, paragraph));
                p.notes.iter().map(|n| n.number).collect()
            }
            Anchor::Note { number } => {
                let note = letter.footnote(number)?;
                citation.quote = Some(note.text.clone());
                citation.page = note.page;
                citation.notes.push(CitedNote {
                    number,
                    source: String::new(),
                    urls: note.urls.clone(),
                    stated: None,
                });
                Vec::new()
            }
        };
        let mut seen = Vec::new();
        for number in cited {
            if seen.contains(&number) {
                continue;
            }
            seen.push(number);
            if let Some(note) = letter.footnote(number) {
                let stated = publisher(note);
                citation.notes.push(CitedNote {
                    number,
                    source: stated
                        .as_ref()
                        .map_or_else(|| shorten_source(note), |p| p.name().to_string()),
                    urls: note.urls.clone(),
                    stated,
                });
            }
        }
        Some(citation)
    }

    /// A paragraph (0-based section and paragraph within it).
    pub fn paragraph(letter: &Letter, section: usize, paragraph: usize) -> Option<Citation> {
        Citation::of(letter, Anchor::Paragraph { section, paragraph })
    }

    /// A note by its number.
    pub fn note(letter: &Letter, number: u32) -> Option<Citation> {
        Citation::of(letter, Anchor::Note { number })
    }

    /// Names each cited note's source by the organisation (else person) the register finds
    /// first in that note; `letter_index` is the letter's index in the corpus the register was
    /// built from. Notes the register finds nothing in keep their shortened text.
    pub fn name_sources(mut self, register: &Register, letter_index: usize) -> Citation {
        if matches!(self.anchor, Anchor::Note { .. }) {
            return self;
        }
        for note in &mut self.notes {
            let place = Place::Footnote {
                number: note.number,
            };
            let named = [EntityKind::Organisation, EntityKind::Person]
                .iter()
                .find_map(|&kind| {
                    register
                        .of_kind(kind)
                        .filter_map(|e| {
                            e.occurrences
                                .iter()
                                .filter(|o| o.letter_index() == letter_index && o.place == place)
                                .map(|o| o.at)
                                .min()
                                .map(|at| (at, e.label.as_str()))
                        })
                        .min()
                });
            // What the note states wins: a title's `| Publisher` over a name in the title
            // (`WhatsApp ... | Statista`); a site gives way to the organisation it is, or to
            // the one the note opens with (its author, `NCMEC (2020). 2020 CyberTipline ...`).
            match (&note.stated, named) {
                (Some(Publisher::Named(_)), _) | (_, None) => {}
                (Some(Publisher::Site(site)), Some((at, label))) => {
                    if at == 0 || names_site(label, site) {
                        note.source = label.to_string();
                    }
                }
                (None, Some((_, label))) => note.source = label.to_string(),
            }
        }
        self
    }

    /// Where in the letter: `¶ 4`, `§ 2 “Europol”`, `note 1`, with the page where the letter
    /// has pages (`¶ 4, p. 3`); empty for the whole letter.
    pub fn location(&self, lang: Lang) -> String {
        let place = self.place(lang);
        match self.page {
            Some(page) if !place.is_empty() => format!("{place}, {} {page}", lang.strings().page),
            _ => place,
        }
    }

    fn place(&self, lang: Lang) -> String {
        match self.anchor {
            Anchor::Letter => String::new(),
            Anchor::Section { section } => match &self.heading {
                Some(h) => format!("§ {} “{h}”", section + 1),
                None => format!("§ {}", section + 1),
            },
            Anchor::Paragraph { .. } => format!("¶ {}", self.paragraph_number.unwrap_or(0)),
            Anchor::Note { number } => format!("{} {number}", lang.strings().note),
        }
    }

    /// Who wrote to whom when, and where: `Offlimits, letter to the Minister … et al.,
    /// 18 September 2024, ¶ 4`.
    pub fn reference(&self, lang: Lang) -> String {
        let s = lang.strings();
        if let Some(act) = &self.act {
            // An act is cited by its number and the provision: `COM(2022) 209, Article 7(1)`.
            let place = match &self.provision {
                Some(p) => p.render(lang),
                None => self.location(lang),
            };
            return [act.clone(), place]
                .into_iter()
                .filter(|p| !p.is_empty())
                .collect::<Vec<_>>()
                .join(", ");
        }
        let sender = self.sender.clone().unwrap_or(s.unknown_sender.to_string());
        let mut parts = vec![match &self.signatory {
            Some(who) => format!("{sender} ({who})"),
            None => sender,
        }];
        if let Some(to) = &self.addressee {
            let article = if takes_article(to) {
                format!("{} ", s.article)
            } else {
                String::new()
            };
            let more = if self.other_addressees > 0 {
                format!(" {}", s.and_others)
            } else {
                String::new()
            };
            parts.push(format!("{} {article}{to}{more}", s.letter_to));
        }
        parts.push(
            self.date
                .map_or(s.undated.to_string(), |d| lang.date_long(d)),
        );
        if let Some(kenmerk) = &self.letter_reference {
            parts.push(format!("{} {kenmerk}", s.reference_label));
        }
        let location = self.location(lang);
        if !location.is_empty() {
            parts.push(location);
        }
        parts.join(", ")
    }

    /// The sources of the cited notes: `note 1: Bits of Freedom, https://...; note 2: ...`.
    pub fn sources(&self, lang: Lang) -> String {
        let s = lang.strings();
        let parts: Vec<String> = self
            .notes
            .iter()
            .filter_map(|n| {
                let mut what: Vec<&str> = Vec::new();
                if !n.source.is_empty() {
                    what.push(&n.source);
                }
                what.extend(n.urls.iter().map(String::as_str));
                if what.is_empty() {
                    return None;
                }
                Some(match self.anchor {
                    Anchor::Note { .. } => what.join(", "),
                    _ => format!("{} {}: {}", s.note, n.number, what.join(", ")),
                })
            })
            .collect();
        parts.join("; ")
    }

    /// The whole citation in `lang`, safe to print: `“quote” — reference (sources)`.
    pub fn render(&self, lang: Lang) -> String {
        let mut out = String::new();
        if let Some(quote) = &self.quote {
            out.push('“');
            out.push_str(quote.trim());
            out.push_str("” — ");
        }
        out.push_str(&self.reference(lang));
        let sources = self.sources(lang);
        if !sources.is_empty() {
            out.push_str(" (");
            out.push_str(&sources);
            out.push(')');
        }
        sanitize(&out).into_owned()
    }
}

/// The number of paragraph `paragraph` of section `section` (both from 0) counted through the
/// whole letter, from 1: the `¶ n` of citations and of `--paragraph n`.
pub fn paragraph_number(letter: &Letter, section: usize, paragraph: usize) -> usize {
    let before: usize = letter
        .sections
        .iter()
        .take(section)
        .map(|s| s.paragraphs.len())
        .sum();
    before + paragraph + 1
}

/// The section and paragraph (from 0) of paragraph `number` (from 1) of the letter.
pub fn paragraph_at(letter: &Letter, number: usize) -> Option<(usize, usize)> {
    let (s, p, _) = letter.paragraphs().nth(number.checked_sub(1)?)?;
    Some((s, p))
}

/// An addressee without the punctuation a letter header leaves around it.
fn tidy_addressee(r: &str) -> String {
    r.trim()
        .trim_end_matches([',', ';', ':'])
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether an addressee is an office (`Minister van …`) rather than a name or an article
/// phrase.
fn takes_article(addressee: &str) -> bool {
    let mut words = addressee.split_whitespace();
    let Some(first) = words.next() else {
        return false;
    };
    let is_initial = |w: &str| {
        let core = w.trim_end_matches('.');
        w.ends_with('.') && core.chars().count() <= 2 && core.chars().all(char::is_uppercase)
    };
    OFFICES.contains(&first.to_lowercase().as_str()) && !words.next().is_some_and(is_initial)
}

/// A note's text as a short source name: URLs and pointers (`Zie ook`) removed, cut at the
/// first sentence end or after [`SOURCE_CHARS`] characters on a word boundary.
pub fn shorten_source(note: &Footnote) -> String {
    let mut text = note.text.clone();
    for url in &note.urls {
        text = text.replace(url.as_str(), " ");
    }
    let mut words: Vec<&str> = text
        .split_whitespace()
        .filter(|w| !w.contains("://") && !w.starts_with("www."))
        .collect();
    // Pointer words at the start (`Zie hiervoor ook`, `Verkregen via:`).
    loop {
        let lower = words.join(" ").to_lowercase();
        let Some(pointer) = POINTERS.iter().find(|p| {
            lower.starts_with(*p)
                && lower[p.len()..]
                    .chars()
                    .next()
                    .is_none_or(|c| c == ' ' || c == ':' || c == ',')
        }) else {
            break;
        };
        let n = pointer.split_whitespace().count();
        words.drain(..n.min(words.len()));
        if let Some(first) = words.first_mut() {
            *first = first.trim_start_matches([':', ',']);
            if first.is_empty() {
                words.remove(0);
            }
        }
    }
    let mut out = String::new();
    for (i, word) in words.iter().enumerate() {
        let next_len = out.chars().count() + word.chars().count() + 1;
        if !out.is_empty() && next_len > SOURCE_CHARS {
            out = out.trim_end_matches([',', ';', ':', '-', '–']).to_string();
            out.push('…');
            return out;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
        let sentence_end = word.ends_with('.') && word.chars().count() > 3;
        if sentence_end && i + 1 < words.len() && out.chars().count() >= 20 {
            break;
        }
    }
    out.trim_end_matches([',', ';', ':', '(', '-', '–'])
        .trim_end_matches(" (")
        .trim_end()
        .to_string()
}
