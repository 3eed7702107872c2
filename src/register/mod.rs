//! The register: every organisation, person, date and regulatory term the letters mention,
//! with its aliases and every place it occurs.
//!
//! It is built from three sources, in this order: the curated `seeds/register.toml` that ships
//! with the letters (and any register files the user adds), what `detect` finds in the
//! letters themselves (`Long Name (ACR)` pairs, people by title and signature, senders), and
//! every date [`crate::dates::find_dates`] finds. Then `scan` finds every alias in every
//! paragraph, heading, footnote and metadata field, case- and diacritic-insensitively, on word
//! boundaries. Entities that occur nowhere are left out.

mod defined;
mod detect;
mod extend;
mod load;
mod people;
mod scan;

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

pub use defined::Defined;
pub use extend::{Extension, extended, extension};
pub use load::RegisterError;
pub use scan::{MatchText, match_text, texts};
pub(crate) use scan::{in_spans, link_spans};

use crate::corpus::Corpus;
use crate::model::{Date, Letter};
use crate::text::fold_str;

/// What an entity is.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    bitcode::Encode,
    bitcode::Decode,
)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Organisation,
    Person,
    Date,
    Term,
}

impl EntityKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Organisation => "organisation",
            EntityKind::Person => "person",
            EntityKind::Date => "date",
            EntityKind::Term => "term",
        }
    }

    /// Reads a kind as users type it: `org`, `organisation`, `organization`, `person`,
    /// `people`, `date`, `term` (any case).
    pub fn parse(s: &str) -> Option<EntityKind> {
        match s.trim().to_lowercase().as_str() {
            "org" | "orgs" | "organisation" | "organisations" | "organization"
            | "organizations" => Some(EntityKind::Organisation),
            "person" | "persons" | "people" => Some(EntityKind::Person),
            "date" | "dates" => Some(EntityKind::Date),
            "term" | "terms" => Some(EntityKind::Term),
            _ => None,
        }
    }

    /// The order kinds are listed in.
    fn rank(self) -> u8 {
        match self {
            EntityKind::Organisation => 0,
            EntityKind::Person => 1,
            EntityKind::Term => 2,
            EntityKind::Date => 3,
        }
    }
}

/// One organisation, person, date or term.
#[derive(Debug, Clone, PartialEq, Serialize, bitcode::Encode, bitcode::Decode)]
pub struct Entity {
    /// Its index in [`Register::entities`].
    pub id: usize,
    pub kind: EntityKind,
    pub label: String,
    /// Other names it goes by (for dates: the surface forms, as written).
    pub aliases: Vec<String>,
    pub gloss: Option<String>,
    /// For people: their function, where known.
    pub role: Option<String>,
    /// For dates: the date, at its precision.
    pub date: Option<Date>,
    pub occurrences: Vec<Occurrence>,
    /// For a term an act in the library defines: its definition (listed first among the
    /// occurrences) and citation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub definition: Option<Defined>,
    /// Names are matched only when capitalised as written (`Meta`, `Signal`).
    #[serde(skip)]
    pub case_sensitive: bool,
}

impl Entity {
    /// A copy of the entity without its occurrences (what the cache and the index store
    /// apart from them), made without copying them.
    pub fn without_occurrences(&self) -> Entity {
        Entity {
            id: self.id,
            kind: self.kind,
            label: self.label.clone(),
            aliases: self.aliases.clone(),
            gloss: self.gloss.clone(),
            role: self.role.clone(),
            date: self.date,
            occurrences: Vec::new(),
            definition: self.definition.clone(),
            case_sensitive: self.case_sensitive,
        }
    }

    /// The label, then the aliases.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.label.as_str()).chain(self.aliases.iter().map(String::as_str))
    }

    /// The letters (indices into the corpus) it occurs in, in order.
    pub fn letters(&self) -> Vec<usize> {
        let mut out: Vec<usize> = self.occurrences.iter().map(|o| o.letter_index()).collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The letters it occurs in with how often, in letter order, in one pass.
    pub fn per_letter(&self) -> Vec<(usize, usize)> {
        let mut counts: std::collections::BTreeMap<usize, usize> = Default::default();
        for o in &self.occurrences {
            *counts.entry(o.letter_index()).or_default() += 1;
        }
        counts.into_iter().collect()
    }

    /// How often it occurs in one letter.
    pub fn count_in(&self, letter: usize) -> usize {
        self.occurrences
            .iter()
            .filter(|o| o.letter_index() == letter)
            .count()
    }
}

/// One place an entity occurs: 24 bytes. A register of 10,000 letters holds over a million,
/// so its numbers are `u32`; an occurrence whose numbers do not fit is not recorded (see
/// [`Occurrence::new`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, bitcode::Encode, bitcode::Decode)]
pub struct Occurrence {
    /// Index into the corpus's letters (see [`Occurrence::letter_index`]).
    pub letter: u32,
    pub place: Place,
    /// Offset in `char`s into the text of the place (see [`place_text`]).
    pub at: u32,
    /// Length in `char`s.
    pub len: u32,
}

const _: () = assert!(std::mem::size_of::<Occurrence>() <= 24);

impl Occurrence {
    /// The occurrence in letter `letter` at `char` offset `at`, `len` chars long; `None` when
    /// one of them does not fit in a `u32` (a letter beyond the 4,294,967,295th, or a text of
    /// more than 4 GB), so that nothing is recorded at a wrong place.
    pub fn new(letter: usize, place: Place, at: usize, len: usize) -> Option<Occurrence> {
        Some(Occurrence {
            letter: u32::try_from(letter).ok()?,
            place,
            at: u32::try_from(at).ok()?,
            len: u32::try_from(len).ok()?,
        })
    }

    /// Index into the corpus's letters.
    pub fn letter_index(&self) -> usize {
        self.letter as usize
    }

    /// The `char` range in the text of the place.
    pub fn chars(&self) -> std::ops::Range<usize> {
        let at = self.at as usize;
        // Saturating: two `u32`s can overflow a 32-bit `usize`.
        at..at.saturating_add(self.len as usize)
    }
}

/// Which text of a letter an occurrence is in.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    bitcode::Encode,
    bitcode::Decode,
)]
#[serde(tag = "in", rename_all = "lowercase")]
pub enum Place {
    /// Paragraph `paragraph` (from 0) of section `section` (from 0).
    Paragraph {
        section: u32,
        paragraph: u32,
    },
    Footnote {
        number: u32,
    },
    Heading {
        section: u32,
    },
    /// The letter's metadata (its date, sender, recipients, subject or signatories); `at` and
    /// `len` are then offsets into that field.
    Meta,
}

impl Place {
    /// Paragraph `paragraph` of section `section`; `None` when a number does not fit in a
    /// `u32` (a letter of more than 4 GB), so that no place is ever numbered wrongly.
    pub fn paragraph(section: usize, paragraph: usize) -> Option<Place> {
        Some(Place::Paragraph {
            section: u32::try_from(section).ok()?,
            paragraph: u32::try_from(paragraph).ok()?,
        })
    }

    /// The heading of section `section`; `None` when the number does not fit in a `u32`.
    pub fn heading(section: usize) -> Option<Place> {
        Some(Place::Heading {
            section: u32::try_from(section).ok()?,
        })
    }
}

/// The text of a paragraph, footnote or heading (`None` for metadata or a place that does not
/// exist).
pub fn place_text(letter: &Letter, place: Place) -> Option<&str> {
    match place {
        Place::Paragraph { section, paragraph } => letter
            .sections
            .get(section as usize)?
            .paragraphs
            .get(paragraph as usize)
            .map(|p| p.text.as_str()),
        Place::Footnote { number } => letter.footnote(number).map(|n| n.text.as_str()),
        Place::Heading { section } => letter.sections.get(section as usize)?.heading.as_deref(),
        Place::Meta => None,
    }
}

/// The metadata field a [`Place::Meta`] occurrence of `entity` stands in: the sender, a
/// recipient, the subject, the salutation or a signatory. `None` for the letter's own date
/// (which has no text of its own) and for occurrences of other places.
pub fn meta_text<'a>(letter: &'a Letter, entity: &Entity, o: &Occurrence) -> Option<&'a str> {
    if o.place != Place::Meta || o.len == 0 {
        return None;
    }
    let names: Vec<String> = entity.names().map(key).collect();
    texts(letter)
        .into_iter()
        .filter(|(place, _)| *place == Place::Meta)
        .map(|(_, text)| text)
        .find(|text| {
            let range = o.chars();
            let slice: String = text.chars().skip(range.start).take(range.len()).collect();
            slice.chars().count() == range.len()
                && (names.contains(&key(&slice))
                    || crate::dates::find_dates(text, letter.date)
                        .iter()
                        .any(|m| m.at == range.start && Some(m.date) == entity.date))
        })
}

/// Every entity of the loaded letters.
#[derive(Debug, Clone, Default, PartialEq, Serialize, bitcode::Encode, bitcode::Decode)]
pub struct Register {
    pub entities: Vec<Entity>,
}

impl Register {
    /// The register of `letters` from the embedded `seeds/register.toml` and detection.
    pub fn build(letters: &[Letter]) -> Register {
        Register::build_with(letters, &[]).unwrap_or_else(|_| {
            // The embedded file is tested to parse; should it ever not, detection still works.
            let mut drafts = Drafts::default();
            defined::add_definitions(letters, &mut drafts);
            detect::detect(letters, &mut drafts);
            scan::finish(letters, drafts)
        })
    }

    /// Like [`Register::build`], with the user's register files (TOML text) added after the
    /// embedded one.
    pub fn build_with(letters: &[Letter], extra_toml: &[&str]) -> Result<Register, RegisterError> {
        let mut drafts = Drafts::default();
        let embedded = Corpus::embedded_file("register.toml").unwrap_or_default();
        load::load(embedded, "seeds/register.toml", &mut drafts)?;
        load_user_files(extra_toml, &mut drafts)?;
        defined::add_definitions(letters, &mut drafts);
        detect::detect(letters, &mut drafts);
        let mut register = scan::finish(letters, drafts);
        // Occurrence lists grew by doubling: on a large corpus the slack would be tens of
        // megabytes held while the search index is built next to the register.
        for entity in &mut register.entities {
            entity.occurrences.shrink_to_fit();
        }
        Ok(register)
    }

    /// Checks the user's register files (TOML text) as [`Register::build_with`] reads them,
    /// with the same errors, without building a register.
    pub fn check_files(extra_toml: &[&str]) -> Result<(), RegisterError> {
        load_user_files(extra_toml, &mut Drafts::default())
    }

    /// The entity one of whose names is `name` (case, diacritics, hyphens and spacing
    /// ignored).
    pub fn find(&self, name: &str) -> Option<&Entity> {
        let wanted = key(name);
        self.entities
            .iter()
            .find(|e| e.names().any(|n| key(n) == wanted))
    }

    /// The entities of one kind.
    pub fn of_kind(&self, kind: EntityKind) -> impl Iterator<Item = &Entity> {
        self.entities.iter().filter(move |e| e.kind == kind)
    }
}

/// Reads the user's register files into `drafts`, numbered in the order given.
fn load_user_files(extra_toml: &[&str], drafts: &mut Drafts) -> Result<(), RegisterError> {
    for (i, toml) in extra_toml.iter().enumerate() {
        load::load(toml, &format!("register file {}", i + 1), drafts)?;
    }
    Ok(())
}

/// `work(block, first)` for consecutive blocks of `block` letters (`first` is the index of
/// the block's first letter) on every core, the results in the order of the letters.
pub(crate) fn map_blocks<R: Send>(
    letters: &[Letter],
    block: usize,
    work: impl Fn(&[Letter], usize) -> R + Sync,
) -> Vec<R> {
    let block = block.max(1);
    let firsts: Vec<usize> = (0..letters.len()).step_by(block).collect();
    crate::corpus::map_in_parallel(&firsts, |&first| {
        work(&letters[first..(first + block).min(letters.len())], first)
    })
}

/// The form names are compared and matched in: folded, a hyphen as a space, single spaces.
pub fn key(name: &str) -> String {
    if name.is_ascii() {
        return ascii_key(name);
    }
    let folded = fold_str(name);
    let mut out = String::with_capacity(folded.len());
    for c in folded.chars() {
        let c = if c == '-' || c.is_whitespace() {
            ' '
        } else {
            c
        };
        if c == ' ' && (out.is_empty() || out.ends_with(' ')) {
            continue;
        }
        out.push(c);
    }
    while out.ends_with(' ') {
        out.pop();
    }
    out
}

/// [`key`] of ASCII text, in one pass: folding ASCII is only lower-casing.
fn ascii_key(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut space = false;
    for b in name.bytes() {
        // Hyphens and whitespace (ASCII's is `\t \n \x0B \x0C \r` and space) become one
        // space, and only between words.
        if b == b'-' || b == b' ' || (b'\t'..=b'\r').contains(&b) {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.push(char::from(b.to_ascii_lowercase()));
    }
    out
}

/// The order `entity`'s occurrences are best listed in: its definition first, then the
/// others in the order `rank` gives their letters (stable: as found within a letter).
pub fn definition_first(entity: &Entity, rank: impl Fn(usize) -> usize) -> Vec<usize> {
    let defined = entity.definition.as_ref().map(|d| d.occurrence);
    let mut list: Vec<usize> = (0..entity.occurrences.len()).collect();
    list.sort_by_key(|&o| {
        let occurrence = &entity.occurrences[o];
        (
            Some(*occurrence) != defined,
            rank(occurrence.letter_index()),
        )
    });
    list
}

/// Entities being collected, before their occurrences are found.
#[derive(Debug, Default)]
struct Drafts {
    entities: Vec<Entity>,
    /// Every name's [`key`] to the entity that has it.
    keys: HashMap<String, usize>,
}

/// What a source says about one entity.
#[derive(Debug, Default)]
struct Draft {
    kind: Option<EntityKind>,
    label: String,
    aliases: Vec<String>,
    gloss: Option<String>,
    role: Option<String>,
    case_sensitive: bool,
}

impl Drafts {
    /// Adds an entity, or merges it into the one that already has one of its names: missing
    /// aliases, gloss and role are added; `kind` (when given) replaces the known kind.
    fn add(&mut self, draft: Draft, default_kind: EntityKind) -> usize {
        let names: Vec<String> = std::iter::once(draft.label.clone())
            .chain(draft.aliases)
            .filter(|n| !key(n).is_empty())
            .collect();
        let known = names.iter().find_map(|n| self.keys.get(&key(n)).copied());
        let index = match known {
            Some(i) => {
                let e = &mut self.entities[i];
                if let Some(kind) = draft.kind {
                    e.kind = kind;
                }
                e.gloss = draft.gloss.or(e.gloss.take());
                if e.role.is_none() {
                    e.role = draft.role;
                }
                e.case_sensitive |= draft.case_sensitive;
                i
            }
            None => {
                let Some(label) = names.first() else {
                    return usize::MAX;
                };
                self.entities.push(Entity {
                    id: self.entities.len(),
                    kind: draft.kind.unwrap_or(default_kind),
                    label: label.clone(),
                    aliases: Vec::new(),
                    gloss: draft.gloss,
                    role: draft.role,
                    date: None,
                    occurrences: Vec::new(),
                    definition: None,
                    case_sensitive: draft.case_sensitive,
                });
                self.entities.len() - 1
            }
        };
        for name in names {
            let k = key(&name);
            if self.keys.contains_key(&k) && self.keys[&k] != index {
                continue; // another entity already goes by this name: first come, first served
            }
            let e = &mut self.entities[index];
            if !e.names().any(|n| key(n) == k) {
                e.aliases.push(name);
            }
            self.keys.insert(k, index);
        }
        index
    }
}

#[cfg(test)]
mod tests;
