//! The terms the acts in the library define (`Article 2 — Definitions`; see
//! [`crate::act::definitions`]) as register terms, each linked to its definition. A defined
//! term is named as the act names it (in English for the proposal); a term the register
//! already knows by one of its names (`detection order`, `interpersonal communications
//! services`: aliases of the curated Dutch entries) is that entity, whose Dutch names become
//! its aliases and whose gloss stays.

use serde::Serialize;

use super::{Draft, Drafts, EntityKind, Occurrence, Place, key};
use crate::act::definitions::{definitions, english_plural};
use crate::model::Letter;

/// Where an act defines a term.
#[derive(Debug, Clone, PartialEq, Serialize, bitcode::Encode, bitcode::Decode)]
pub struct Defined {
    /// The term in its definition: an occurrence in the act's definitions article.
    pub occurrence: Occurrence,
    /// The definition's citation: `COM(2022) 209, Article 2(a)`.
    pub citation: String,
}

/// Characters of a definition kept as a new term's gloss.
const GLOSS: usize = 300;

/// Adds every term every act in `letters` defines to `drafts`.
pub(super) fn add_definitions(letters: &[Letter], drafts: &mut Drafts) {
    for (li, act) in letters.iter().enumerate().filter(|(_, l)| l.is_act()) {
        for d in definitions(act) {
            let Some(occurrence) = Place::paragraph(d.section, d.paragraph)
                .and_then(|place| Occurrence::new(li, place, d.at, d.term.chars().count()))
            else {
                continue;
            };
            let defined = Defined {
                occurrence,
                citation: d.citation(act),
            };
            let plural = d.english.then(|| english_plural(&d.term)).flatten();
            let gloss = if d.text.chars().count() > GLOSS {
                let cut: String = d.text.chars().take(GLOSS).collect();
                format!("{}…", cut.trim_end())
            } else {
                d.text.clone()
            };
            let draft = Draft {
                label: d.term.clone(),
                aliases: plural.into_iter().collect(),
                gloss: Some(gloss),
                ..Draft::default()
            };
            // A known entity keeps its own gloss; it is named as the act names it.
            let known = std::iter::once(&d.term)
                .chain(&draft.aliases)
                .find_map(|n| drafts.keys.get(&key(n)).copied());
            let kept_gloss = known.and_then(|i| drafts.entities[i].gloss.clone());
            let i = drafts.add(draft, EntityKind::Term);
            let Some(e) = drafts.entities.get_mut(i) else {
                continue;
            };
            if kept_gloss.is_some() {
                e.gloss = kept_gloss;
            }
            if e.definition.is_some() {
                continue; // two acts define it: the first act's definition links
            }
            if key(&e.label) != key(&d.term) {
                let old = std::mem::replace(&mut e.label, d.term.clone());
                e.aliases.retain(|a| key(a) != key(&d.term));
                e.aliases.insert(0, old);
            }
            e.definition = Some(defined);
        }
    }
}
