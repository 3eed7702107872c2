//! The occurrences a trail steps through (`n`/`N`). An entity's are many on a large archive (a
//! frequent term of 100,000 letters occurs a million times): they stay indices into the
//! register, in the order the concordance lists them, and become targets one at a time, when
//! one is shown or the open letter's panes mark those in it (issue 17: making every target
//! on Enter, and looking through all of them in every frame, grew with the archive).

use std::sync::Arc;

use brieven::model::Letter;
use brieven::register::{Entity, Register};

use super::app::Target;
use super::index::LetterIndex;
use super::lookup::{occurrence_key, occurrence_target};

/// What a trail steps through.
#[derive(Debug, Clone, PartialEq)]
pub enum Targets {
    /// Targets made when the trail was: the passages among the results (a few hundred at most).
    Listed(Vec<Target>),
    /// Entity `entity`'s occurrences, in the order `order` (from
    /// [`super::lookup::occurrence_order`]: by letter in date order).
    Occurrences {
        entity: usize,
        order: Arc<Vec<usize>>,
    },
}

impl Targets {
    /// How many there are.
    pub fn len(&self) -> usize {
        match self {
            Targets::Listed(targets) => targets.len(),
            Targets::Occurrences { order, .. } => order.len(),
        }
    }

    /// Whether there is none.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Target `i`, as it is in `letters` with `register` (the one the trail was made with).
    pub fn get(&self, i: usize, letters: &[Letter], register: Option<&Register>) -> Option<Target> {
        match self {
            Targets::Listed(targets) => targets.get(i).copied(),
            Targets::Occurrences { entity, order } => {
                let entity = register?.entities.get(*entity)?;
                let o = entity.occurrences.get(*order.get(i)?)?;
                Some(occurrence_target(letters, entity, o))
            }
        }
    }

    /// The targets in letter `letter`, found without looking at the others'.
    pub fn in_letter(
        &self,
        letter: usize,
        (letters, register, index): (&[Letter], Option<&Register>, &LetterIndex),
    ) -> Vec<Target> {
        match self {
            Targets::Listed(targets) => (targets.iter())
                .filter(|t| t.letter == letter)
                .copied()
                .collect(),
            Targets::Occurrences { entity, order } => {
                let Some(entity) = register.and_then(|r| r.entities.get(*entity)) else {
                    return Vec::new();
                };
                in_letter(entity, order, letter, index)
                    .map(|o| occurrence_target(letters, entity, o))
                    .collect()
            }
        }
    }
}

/// The occurrences of `entity` in letter `letter`, in `order` (which is sorted by
/// [`occurrence_key`]): the definition, if it is there, and the run of the letter's row.
fn in_letter<'a>(
    entity: &'a Entity,
    order: &'a [usize],
    letter: usize,
    index: &'a LetterIndex,
) -> impl Iterator<Item = &'a brieven::register::Occurrence> + 'a {
    let key = |o: &usize| {
        (entity.occurrences.get(*o)).map_or(usize::MAX, |o| occurrence_key(entity, index, o))
    };
    let wanted = 1 + index.rank(letter).min(index.rows());
    let defined = order.partition_point(|o| key(o) == 0);
    let start = order.partition_point(|o| key(o) < wanted);
    let end = order.partition_point(|o| key(o) <= wanted);
    (order[..defined].iter())
        .chain(order.get(start..end).unwrap_or_default())
        .filter_map(|&o| entity.occurrences.get(o))
        .filter(move |o| o.letter_index() == letter)
}
