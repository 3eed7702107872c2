//! The register of a corpus with letters added after its last one, from the register of the
//! corpus before and the new letters alone (issue 17: adding a letter to a large archive costs
//! that letter, not the archive). The answer is the register [`Register::build_with`] gives
//! for all the letters, or `None` when that cannot be known without reading the others: a new
//! letter that introduces a name (detection: a new sender, `Long Name (ACR)`, a titled person)
//! or adds a name or role to a known one, an act (its definitions), a name two entities share,
//! or a new entity whose place in the register's order ties with another's. The caller then
//! builds the register from all the letters.

use std::collections::{HashMap, HashSet};

use super::scan::{Names, scan_letters};
use super::{Drafts, Entity, EntityKind, Register, RegisterError, key};
use crate::model::Letter;

/// The register of letters `..first` followed by `new` (letters `first..`), as the register
/// of those letters (`base`, its entities' occurrences left out) and what the new letters
/// add to it.
#[derive(Debug, Clone, PartialEq)]
pub struct Extension {
    /// Every entity in the register's order (`id` its place), with only the occurrences the
    /// new letters add (after those it had).
    pub entities: Vec<Entity>,
    /// Which entity of `base` each was (`None`: new).
    pub was: Vec<Option<usize>>,
}

/// The register of the letters of `base` followed by `new` (letters `first..`), with the
/// user's register files `extra_toml` (as `base` was built); see the module.
pub fn extended(
    base: &Register,
    first: usize,
    new: &[Letter],
    extra_toml: &[&str],
) -> Result<Option<Register>, RegisterError> {
    let Some(extension) = extension(&base.entities, first, new, extra_toml)? else {
        return Ok(None);
    };
    let mut entities = extension.entities;
    for (e, was) in entities.iter_mut().zip(extension.was) {
        if let Some(old) = was.and_then(|i| base.entities.get(i)) {
            e.occurrences.splice(0..0, old.occurrences.iter().copied());
        }
    }
    Ok(Some(Register { entities }))
}

/// What `new` (letters `first..`) adds to the register whose entities are `base` (their
/// occurrences are not looked at), with the user's register files `extra_toml` (as `base`
/// was built); see the module.
pub fn extension(
    base: &[Entity],
    first: usize,
    new: &[Letter],
    extra_toml: &[&str],
) -> Result<Option<Extension>, RegisterError> {
    if new.iter().any(Letter::is_act) {
        return Ok(None);
    }
    // The names the whole corpus's automaton holds: every entity of the register but the
    // dates (found by their own rule), then the register files' entities that occur in no
    // letter so far (the register leaves those out).
    let mut drafts = Drafts::default();
    for e in base.iter().filter(|e| e.kind != EntityKind::Date) {
        let i = drafts.entities.len();
        for name in e.names() {
            let k = key(name);
            if !k.is_empty() && drafts.keys.insert(k, i).is_some_and(|j| j != i) {
                return Ok(None);
            }
        }
        drafts.entities.push(e.without_occurrences());
    }
    let known = drafts.entities.len();
    let mut files = Drafts::default();
    let embedded = crate::corpus::Corpus::embedded_file("register.toml").unwrap_or_default();
    super::load::load(embedded, "seeds/register.toml", &mut files)?;
    super::load_user_files(extra_toml, &mut files)?;
    for e in files.entities {
        let keys: Vec<String> = e.names().map(key).filter(|k| !k.is_empty()).collect();
        if keys.iter().any(|k| drafts.keys.contains_key(k)) {
            continue;
        }
        let i = drafts.entities.len();
        for k in keys {
            drafts.keys.entry(k).or_insert(i);
        }
        drafts.entities.push(e);
    }
    let before = drafts.entities.clone();
    super::detect::detect(new, &mut drafts);
    if drafts.entities != before {
        return Ok(None);
    }
    let found = scan_letters(&Names::new(&drafts), new, first);
    let mut entities: Vec<Entity> = base.iter().map(Entity::without_occurrences).collect();
    // Draft `i` is entity `of_draft[i]` of `entities`, once it has one.
    let mut of_draft: Vec<Option<usize>> = (0..drafts.entities.len()).map(|_| None).collect();
    let mut d = 0;
    for (i, e) in entities.iter().enumerate() {
        if e.kind != EntityKind::Date {
            of_draft[d] = Some(i);
            d += 1;
        }
    }
    let added_from = entities.len();
    for (draft, occurrence) in found.names {
        let at = match of_draft.get(draft).copied() {
            Some(Some(at)) => at,
            Some(None) if draft >= known => {
                let mut e = drafts.entities[draft].clone();
                e.occurrences.clear();
                entities.push(e);
                of_draft[draft] = Some(entities.len() - 1);
                entities.len() - 1
            }
            _ => return Ok(None),
        };
        entities[at].occurrences.push(occurrence);
    }
    // Dates: a known date gains the occurrences and the surfaces it had not been written in
    // (after those it had: they came from earlier letters); a new date is a new entity.
    let mut dates: HashMap<crate::model::Date, usize> = entities
        .iter()
        .enumerate()
        .filter(|(_, e)| e.kind == EntityKind::Date)
        .filter_map(|(i, e)| Some((e.date?, i)))
        .collect();
    let mut surfaces: HashMap<usize, HashSet<String>> = HashMap::new();
    for (date, surface, occurrence) in found.dates {
        let at = match dates.get(&date) {
            Some(&at) => at,
            None => {
                let label = date.to_string();
                entities.push(Entity {
                    id: 0,
                    kind: EntityKind::Date,
                    aliases: Vec::new(),
                    label,
                    gloss: Some(crate::dates::dutch(date)),
                    role: None,
                    date: Some(date),
                    occurrences: Vec::new(),
                    definition: None,
                    case_sensitive: false,
                });
                dates.insert(date, entities.len() - 1);
                entities.len() - 1
            }
        };
        let e = &mut entities[at];
        e.occurrences.push(occurrence);
        let Some(surface) = surface else {
            continue;
        };
        let seen = surfaces
            .entry(at)
            .or_insert_with(|| e.aliases.iter().map(|a| key(a)).collect());
        let k = key(&surface);
        if at < added_from && k == key(&e.label) && surface != e.label {
            // Whether the old letters wrote the label's own key differently is not kept.
            return Ok(None);
        }
        if seen.insert(k) && surface != e.label {
            e.aliases.push(surface);
        }
    }
    let order = |e: &Entity| (e.kind.rank(), e.date, key(&e.label));
    let mut keys: Vec<_> = entities.iter().map(order).collect();
    let added = keys.split_off(added_from);
    let ties = added.iter().enumerate().any(|(i, k)| {
        keys.binary_search(k).is_ok() || added[..i].contains(k) || added[i + 1..].contains(k)
    });
    if ties {
        return Ok(None);
    }
    // Stable, as the rebuild's sort: old entities that tie keep their order.
    let mut places: Vec<usize> = (0..entities.len()).collect();
    places.sort_by_cached_key(|&i| order(&entities[i]));
    let mut slots: Vec<Option<Entity>> = entities.into_iter().map(Some).collect();
    let mut extension = Extension {
        entities: Vec::with_capacity(places.len()),
        was: Vec::with_capacity(places.len()),
    };
    for (id, i) in places.into_iter().enumerate() {
        let Some(mut e) = slots.get_mut(i).and_then(Option::take) else {
            return Ok(None);
        };
        e.id = id;
        extension.entities.push(e);
        extension.was.push((i < added_from).then_some(i));
    }
    Ok(Some(extension))
}
