//! The state behind `r` and what `/` receives: the worker's results with their senders, the
//! register view (tabs, entries, concordance), and how register occurrences become jump
//! targets in date order (the search overlay itself is `search_overlay`).

use std::sync::Arc;

use brieven::model::Letter;
use brieven::register::{Entity, EntityKind, Occurrence, Place, Register};
use brieven::search::Hit;

use super::app::{Spot, Target};
use super::document::MetaField;
use super::index::LetterIndex;

/// How many results a query asks for.
pub const RESULT_LIMIT: usize = 200;

/// The tabs of the register view.
pub const REGISTER_TABS: [(EntityKind, &str); 4] = [
    (EntityKind::Organisation, "Organisations"),
    (EntityKind::Person, "People"),
    (EntityKind::Date, "Dates"),
    (EntityKind::Term, "Terms"),
];

/// The worker's answer to one query: the hits, and what the overlay shows of them that needs
/// the letters, worked out once there rather than in every frame.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Results {
    pub hits: Arc<Vec<Hit>>,
    /// Per hit, the senders of its letters.
    pub senders: Arc<Vec<Senders>>,
}

impl Results {
    /// `hits` with their senders. A hit names its first letters
    /// ([`Hit::first_letters`]); `every` gives all of them, asked only when those do not
    /// settle the senders (three names or fewer among them, and more letters).
    pub fn new(hits: Vec<Hit>, index: &LetterIndex, every: impl Fn(&Hit) -> Vec<usize>) -> Results {
        let senders = (hits.iter())
            .map(|h| match senders(index, &h.first_letters) {
                Senders::Names(_) if h.letter_count > h.first_letters.len() => {
                    senders(index, &every(h))
                }
                found => found,
            })
            .collect();
        Results {
            hits: Arc::new(hits),
            senders: Arc::new(senders),
        }
    }
}

/// The senders of a hit's letters, as the overlay names them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Senders {
    /// At most three distinct names, in the order of the hit's letters.
    Names(Vec<String>),
    /// More than three: the overlay says how many letters instead.
    Many,
}

/// The distinct senders of these letters (by number; letters not loaded left out), looking
/// at no more letters than it takes to find a fourth.
pub fn senders(index: &LetterIndex, letters: &[usize]) -> Senders {
    let mut names: Vec<(usize, &str)> = Vec::new();
    for &l in letters {
        let Some((n, name)) = index.sender(l) else {
            continue;
        };
        if names.iter().all(|&(m, _)| m != n) {
            if names.len() == 3 {
                return Senders::Many;
            }
            names.push((n, name));
        }
    }
    Senders::Names(
        names
            .into_iter()
            .map(|(_, name)| name.to_string())
            .collect(),
    )
}

/// The register view.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RegisterState {
    /// Index into [`REGISTER_TABS`].
    pub tab: usize,
    /// The selected entry of the tab.
    pub selected: usize,
    /// The entity whose occurrences are listed, with the selected one.
    pub concordance: Option<(usize, usize)>,
    /// An entity with its occurrences in the order the concordance lists them (see
    /// [`occurrence_order`]), worked out once when it was opened.
    pub listed: Option<(usize, Arc<Vec<usize>>)>,
}

impl RegisterState {
    /// Opens the concordance of `entity`, on its first occurrence.
    pub fn open_concordance(&mut self, entity: &Entity, index: &LetterIndex) {
        self.concordance = Some((entity.id, 0));
        self.listed = Some((entity.id, Arc::new(occurrence_order(entity, index))));
    }

    /// The order `entity`'s occurrences are listed in: the one worked out when its
    /// concordance was opened, or else worked out now.
    pub fn listed(&self, entity: &Entity, index: &LetterIndex) -> Arc<Vec<usize>> {
        match &self.listed {
            Some((id, order)) if *id == entity.id && order.len() == entity.occurrences.len() => {
                Arc::clone(order)
            }
            _ => Arc::new(occurrence_order(entity, index)),
        }
    }
}

/// One entry of a register tab: the entity, and how many letters it occurs in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    /// Index into `register.entities`.
    pub entity: usize,
    pub letters: usize,
}

/// The entries of every register tab in the order shown, counted and sorted once when the
/// register arrives: no frame or key sorts the register.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RegisterTabs {
    /// One list per [`REGISTER_TABS`] entry.
    tabs: Vec<Vec<Entry>>,
}

impl RegisterTabs {
    /// The tabs of `register`, over `letters` letters.
    pub fn new(register: &Register, letters: usize) -> RegisterTabs {
        // Distinct letters per entity in one pass over its occurrences: `seen[l]` is the
        // number of the last entity counted that occurs in letter `l`.
        let mut seen = vec![0usize; letters];
        let mut counted = 0;
        let mut count = |e: &Entity| {
            counted += 1;
            let mut n = 0;
            for o in &e.occurrences {
                if let Some(last) = seen.get_mut(o.letter_index())
                    && *last != counted
                {
                    *last = counted;
                    n += 1;
                }
            }
            n
        };
        let tabs = REGISTER_TABS
            .iter()
            .map(|&(kind, _)| {
                (entries(register, kind).into_iter())
                    .map(|e| Entry {
                        entity: e.id,
                        letters: count(e),
                    })
                    .collect()
            })
            .collect();
        RegisterTabs { tabs }
    }

    /// The entries of tab `tab` (an index into [`REGISTER_TABS`]).
    pub fn tab(&self, tab: usize) -> &[Entry] {
        self.tabs.get(tab).map_or(&[], Vec::as_slice)
    }
}

/// The entries of a register tab, in the order shown: dates by date, the rest by how often
/// they occur, then by label.
pub fn entries(register: &Register, kind: EntityKind) -> Vec<&Entity> {
    let mut list: Vec<&Entity> = register
        .of_kind(kind)
        .filter(|e| !e.occurrences.is_empty())
        .collect();
    if kind == EntityKind::Date {
        list.sort_by(|a, b| a.date.cmp(&b.date).then_with(|| a.label.cmp(&b.label)));
    } else {
        list.sort_by(|a, b| {
            b.occurrences
                .len()
                .cmp(&a.occurrences.len())
                .then_with(|| a.label.cmp(&b.label))
        });
    }
    list
}

/// Where a register place is in the reader.
pub fn spot(place: Place) -> Spot {
    match place {
        Place::Paragraph { section, paragraph } => Spot::Paragraph {
            section: section as usize,
            paragraph: paragraph as usize,
        },
        Place::Footnote { number } => Spot::Footnote { number },
        Place::Heading { section } => Spot::Heading {
            section: section as usize,
        },
        Place::Meta => Spot::Meta { field: None },
    }
}

/// The header field an occurrence of `entity` in the letter's metadata stands in.
pub fn meta_field(letter: &Letter, entity: &Entity, o: &Occurrence) -> Option<MetaField> {
    if o.place != Place::Meta {
        return None;
    }
    if o.len == 0 {
        // Only the letter's own date is found without a text of its own.
        return letter.date.is_some().then_some(MetaField::Date);
    }
    let text = brieven::register::meta_text(letter, entity, o)?;
    // `meta_text` looks through the fields in this order, so the first one with its text is
    // the one it found.
    let sender = letter.sender.iter().map(|s| (MetaField::Sender, s));
    let recipients =
        (letter.recipients.iter().enumerate()).map(|(i, r)| (MetaField::Recipient(i), r));
    let subject = letter.subject.iter().map(|s| (MetaField::Subject, s));
    let salutation = letter.salutation.iter().map(|s| (MetaField::Salutation, s));
    let signed = (letter.signed_by.iter().enumerate()).map(|(i, s)| (MetaField::Signatory(i), s));
    sender
        .chain(recipients)
        .chain(subject)
        .chain(salutation)
        .chain(signed)
        .find(|(_, field)| field.as_str() == text)
        .map(|(f, _)| f)
}

/// The order an entity's occurrences are listed in: its definition in an act first, then by
/// letter in date order, then as found; indices into `entity.occurrences`. The same order as
/// [`brieven::register::definition_first`] over the date order, in time linear in the
/// occurrences (a frequent term of 100,000 letters has a million: a comparison sort took
/// 70–100 ms on each Enter, issue 17): occurrences are counted into one bucket per row of
/// the date order, then placed.
pub fn occurrence_order(entity: &Entity, index: &LetterIndex) -> Vec<usize> {
    let rows = index.rows();
    let keys: Vec<usize> = (entity.occurrences.iter())
        .map(|o| occurrence_key(entity, index, o))
        .collect();
    let mut order: Vec<usize> = (0..keys.len()).collect();
    if keys.is_sorted() {
        return order;
    }
    if keys.len() < rows / 8 {
        // Few occurrences among many letters: a sort costs less than the buckets.
        order.sort_by_key(|&o| keys[o]);
        return order;
    }
    // Keys run from 0 (the definition) to rows + 1 (a letter not in the date order).
    let mut starts = vec![0usize; rows + 3];
    for &k in &keys {
        starts[k + 1] += 1;
    }
    for k in 1..starts.len() {
        starts[k] += starts[k - 1];
    }
    for (o, &k) in keys.iter().enumerate() {
        order[starts[k]] = o;
        starts[k] += 1;
    }
    order
}

/// An occurrence's place in the order of [`occurrence_order`]: 0 for the definition, else 1 +
/// its letter's row in the date order (`index.rows() + 1` for a letter not in it).
pub fn occurrence_key(entity: &Entity, index: &LetterIndex, o: &Occurrence) -> usize {
    match &entity.definition {
        Some(d) if d.occurrence == *o => 0,
        _ => 1 + index.rank(o.letter_index()).min(index.rows()),
    }
}

/// A jump target for an occurrence of `entity` in `letters`.
pub fn occurrence_target(letters: &[Letter], entity: &Entity, o: &Occurrence) -> Target {
    let spot = match o.place {
        Place::Meta => Spot::Meta {
            field: letters
                .get(o.letter_index())
                .and_then(|l| meta_field(l, entity, o)),
        },
        place => spot(place),
    };
    let chars = o.chars();
    Target {
        letter: o.letter_index(),
        spot,
        at: chars.start,
        len: chars.len(),
    }
}
