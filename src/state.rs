//! What brieven remembers between runs: named cue-card stacks (one per debate), the reading
//! position in each letter, the jump list, and the stance, summary and tags the reader gave a
//! letter ([`Annotation`]: kept here, never beside the letter). [`State`] is the plain, versioned data (its
//! serde form is `state.json`); [`StateStore`] (in `state/store.rs`) reads and writes it safely
//! in the XDG state directory.

mod store;
#[cfg(test)]
mod tests;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

pub use store::{StateError, StateStore, default_state_path, state_path_from};

use crate::citation::Anchor;
use crate::model::{Letter, Stance};

/// The version of the state file this build writes.
pub const STATE_VERSION: u32 = 1;

/// The stack cards go to when no other is chosen.
pub const DEFAULT_STACK: &str = "default";

/// How many jumps the jump list keeps.
pub const JUMP_LIMIT: usize = 100;

/// Everything that persists.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct State {
    pub version: u32,
    /// Stacks in the order they were made.
    #[serde(default)]
    pub stacks: Vec<Stack>,
    /// The stack `m` pins to and `'` opens.
    #[serde(default)]
    pub current_stack: Option<String>,
    /// Reading position per letter id.
    #[serde(default)]
    pub positions: BTreeMap<String, ReadingPosition>,
    #[serde(default)]
    pub jumps: JumpList,
    /// The stance, summary and tags given in the reader, per letter id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub annotations: BTreeMap<String, Annotation>,
}

/// A letter's stance, summary and tags as given in the reader (`a`). They win over what the
/// letter's text and its sidecar say: they are the reader's own, later judgement, and a
/// sidecar may be someone else's. A value left empty takes the letter's own again.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Annotation {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stance: Option<Stance>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
}

impl Annotation {
    /// Whether it gives nothing.
    pub fn is_empty(&self) -> bool {
        self.stance.is_none() && self.summary.is_none() && self.tags.is_empty()
    }

    /// The annotation as it may be shown and kept: summary and tags trimmed, each on one line
    /// with every control and bidi character a visible placeholder (the state file is the
    /// user's to edit, so what it holds is untrusted), blank ones dropped.
    pub fn cleaned(&self) -> Annotation {
        let clean = |s: &str| crate::text::sanitize_line(s.trim()).into_owned();
        Annotation {
            stance: self.stance,
            summary: (self.summary.as_deref().map(clean)).filter(|s| !s.is_empty()),
            tags: (self.tags.iter().map(|t| clean(t)))
                .filter(|t| !t.is_empty())
                .collect(),
        }
    }

    /// Puts its values, cleaned, in place of `letter`'s own.
    pub fn apply(&self, letter: &mut Letter) {
        let clean = self.cleaned();
        if clean.stance.is_some() {
            letter.stance = clean.stance;
        }
        if clean.summary.is_some() {
            letter.summary = clean.summary;
        }
        if !clean.tags.is_empty() {
            letter.tags = clean.tags;
        }
    }
}

impl Default for State {
    fn default() -> State {
        State {
            version: STATE_VERSION,
            stacks: Vec::new(),
            current_stack: None,
            positions: BTreeMap::new(),
            jumps: JumpList::default(),
            annotations: BTreeMap::new(),
        }
    }
}

/// A named stack of cue cards, for one debate.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Stack {
    pub name: String,
    #[serde(default)]
    pub cards: Vec<CueCard>,
}

/// A pinned paragraph or note: where it is, an optional label, and the text as it was quoted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CueCard {
    /// The card's own number, unique in the state and never reused while the card exists:
    /// removing, moving and labelling go by it, so a change made while another instance
    /// changed the stack still finds the card meant. Cards of older files get one when read.
    #[serde(default)]
    pub id: u64,
    /// The letter's id.
    pub letter: String,
    /// The paragraph (section and paragraph, from 0) or note (by number).
    pub anchor: Anchor,
    #[serde(default)]
    pub label: Option<String>,
    /// The quoted text.
    pub quote: String,
    /// The citation as rendered when the card was pinned, used when the letter is not loaded.
    #[serde(default)]
    pub citation: Option<String>,
    /// Seconds since the Unix epoch.
    #[serde(default)]
    pub pinned_at: u64,
}

/// Where the reader was in a letter.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReadingPosition {
    /// Section, from 0.
    pub section: usize,
    /// Paragraph within the section, from 0.
    pub paragraph: usize,
    /// The first line on screen (wrapped lines; the reader's scroll offset).
    #[serde(default)]
    pub scroll: usize,
}

/// One place the reader jumped from or to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Jump {
    pub letter: String,
    #[serde(default)]
    pub position: ReadingPosition,
}

/// Places in jump order, oldest first, with the cursor of `JumpBack`/`JumpForward`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct JumpList {
    #[serde(default)]
    pub entries: Vec<Jump>,
    /// Index into `entries` of where `JumpBack` goes next; `entries.len()` when at the end.
    #[serde(default)]
    pub cursor: usize,
}

impl JumpList {
    /// Records a jump: anything after the cursor is dropped, the list keeps its last
    /// [`JUMP_LIMIT`] entries, and the cursor goes to the end.
    pub fn push(&mut self, jump: Jump) {
        self.entries.truncate(self.cursor.min(self.entries.len()));
        if self.entries.last() != Some(&jump) {
            self.entries.push(jump);
        }
        let excess = self.entries.len().saturating_sub(JUMP_LIMIT);
        self.entries.drain(..excess);
        self.cursor = self.entries.len();
    }
}

impl State {
    /// The stack called `name`, if there is one.
    pub fn stack(&self, name: &str) -> Option<&Stack> {
        self.stacks.iter().find(|s| s.name == name)
    }

    /// The stack called `name`, made (empty) when there is none.
    pub fn stack_mut(&mut self, name: &str) -> &mut Stack {
        let index = match self.stacks.iter().position(|s| s.name == name) {
            Some(i) => i,
            None => {
                self.stacks.push(Stack {
                    name: name.to_string(),
                    cards: Vec::new(),
                });
                self.stacks.len() - 1
            }
        };
        &mut self.stacks[index]
    }

    /// The name of the current stack: the chosen one, or [`DEFAULT_STACK`].
    pub fn current_stack_name(&self) -> &str {
        self.current_stack.as_deref().unwrap_or(DEFAULT_STACK)
    }

    /// Adds `card` to the end of stack `stack` (made when needed) under a new id; returns its
    /// index there.
    pub fn pin(&mut self, stack: &str, mut card: CueCard) -> usize {
        card.id = self.next_card_id();
        let stack = self.stack_mut(stack);
        stack.cards.push(card);
        stack.cards.len() - 1
    }

    /// The id the next card gets: one above the highest in use.
    fn next_card_id(&self) -> u64 {
        let highest = self.stacks.iter().flat_map(|s| &s.cards).map(|c| c.id);
        highest.max().unwrap_or(0).saturating_add(1)
    }

    /// Gives every card without an id (0, from an older file) or with one another card has
    /// a new one, in stack and card order: two instances reading the same file give the same
    /// ids.
    pub fn number_cards(&mut self) {
        let mut seen = std::collections::HashSet::new();
        let mut next = self.next_card_id();
        for card in self.stacks.iter_mut().flat_map(|s| &mut s.cards) {
            if card.id == 0 || !seen.insert(card.id) {
                card.id = next;
                seen.insert(next);
                next = next.saturating_add(1);
            }
        }
    }

    /// The card with id `id` in `stack`, and its index there.
    fn card_by_id(&mut self, stack: &str, id: u64) -> Option<(usize, &mut Vec<CueCard>)> {
        let cards = &mut self.stacks.iter_mut().find(|s| s.name == stack)?.cards;
        Some((cards.iter().position(|c| c.id == id)?, cards))
    }

    /// Removes the card with id `id` from `stack`; `None` when it is not there (any more).
    pub fn remove_card_id(&mut self, stack: &str, id: u64) -> Option<CueCard> {
        let (index, cards) = self.card_by_id(stack, id)?;
        Some(cards.remove(index))
    }

    /// Moves the card with id `id` of `stack` to position `to` (clamped); `false` when it is
    /// not there (any more).
    pub fn move_card_id(&mut self, stack: &str, id: u64, to: usize) -> bool {
        let Some((from, cards)) = self.card_by_id(stack, id) else {
            return false;
        };
        let card = cards.remove(from);
        let to = to.min(cards.len());
        cards.insert(to, card);
        true
    }

    /// Sets (or with `None` clears) the label of the card with id `id` of `stack`; `false`
    /// when it is not there (any more).
    pub fn label_card_id(&mut self, stack: &str, id: u64, label: Option<String>) -> bool {
        let Some((index, cards)) = self.card_by_id(stack, id) else {
            return false;
        };
        cards[index].label = label;
        true
    }

    /// Removes card `index` of `stack`; `None` when there is no such card.
    pub fn remove_card(&mut self, stack: &str, index: usize) -> Option<CueCard> {
        let stack = self.stacks.iter_mut().find(|s| s.name == stack)?;
        (index < stack.cards.len()).then(|| stack.cards.remove(index))
    }

    /// Removes a whole stack; whether there was one.
    pub fn delete_stack(&mut self, name: &str) -> bool {
        let before = self.stacks.len();
        self.stacks.retain(|s| s.name != name);
        if self.current_stack.as_deref() == Some(name) {
            self.current_stack = None;
        }
        self.stacks.len() != before
    }

    /// Remembers where the reader is in `letter`.
    pub fn set_position(&mut self, letter: &str, position: ReadingPosition) {
        self.positions.insert(letter.to_string(), position);
    }

    /// Gives `letter` (an id) the reader's stance, summary and tags, cleaned; an empty one
    /// removes what it had.
    pub fn annotate(&mut self, letter: &str, annotation: &Annotation) {
        let clean = annotation.cleaned();
        if clean.is_empty() {
            self.annotations.remove(letter);
        } else {
            self.annotations.insert(letter.to_string(), clean);
        }
    }

    /// The stance, summary and tags given `letter` (an id) in the reader, cleaned.
    pub fn annotation(&self, letter: &str) -> Option<Annotation> {
        self.annotations.get(letter).map(Annotation::cleaned)
    }

    /// Where the reader was in `letter` (the start when never opened).
    pub fn position(&self, letter: &str) -> ReadingPosition {
        self.positions.get(letter).copied().unwrap_or_default()
    }
}
