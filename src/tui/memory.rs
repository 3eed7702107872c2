//! Changes to what the reader remembers between runs (cue cards, reading positions, the jump
//! list), as data: `update` applies one to its copy of the state and hands it to the event
//! loop as an effect, which applies it again to the file through `StateStore::update`, so
//! the change lands on the file as it is on disk (another instance's cards are kept).

use brieven::state::{Annotation, CueCard, Jump, ReadingPosition, State};

/// One change to the persistent state.
#[derive(Debug, Clone, PartialEq)]
pub enum StateChange {
    /// Add a card to the end of a stack (made when new).
    Pin { stack: String, card: CueCard },
    /// Remove the card with id `id` from a stack.
    Remove { stack: String, id: u64 },
    /// Move the card with id `id` of a stack to position `to`.
    Move { stack: String, id: u64, to: usize },
    /// The stack `m` pins to and `'` opens.
    SetCurrentStack(String),
    /// Set (or with `None` clear) the label of the card with id `id` of a stack.
    Label {
        stack: String,
        id: u64,
        label: Option<String>,
    },
    /// The stance, summary and tags given a letter (by id) in the reader; empty removes them.
    Annotate {
        letter: String,
        annotation: Annotation,
    },
    /// Where the reader was in the letters it opened, and the jumps made so far.
    Positions {
        positions: Vec<(String, ReadingPosition)>,
        jumps: Vec<Jump>,
    },
}

impl StateChange {
    /// Applies the change to `state`; `false` when the card it is about is no longer there
    /// (another instance removed it), and nothing changed.
    pub fn apply(&self, state: &mut State) -> bool {
        match self {
            StateChange::Pin { stack, card } => {
                state.pin(stack, card.clone());
            }
            StateChange::Remove { stack, id } => return state.remove_card_id(stack, *id).is_some(),
            StateChange::Move { stack, id, to } => return state.move_card_id(stack, *id, *to),
            StateChange::Label { stack, id, label } => {
                return state.label_card_id(stack, *id, label.clone());
            }
            StateChange::SetCurrentStack(name) => {
                state.stack_mut(name);
                state.current_stack = Some(name.clone());
            }
            StateChange::Annotate { letter, annotation } => state.annotate(letter, annotation),
            StateChange::Positions { positions, jumps } => {
                for (letter, position) in positions {
                    state.set_position(letter, *position);
                }
                state.jumps.entries.clear();
                for jump in jumps {
                    state.jumps.push(jump.clone());
                }
            }
        }
        true
    }

    /// Whether the change is to a card or an annotation (what the user is told about when it
    /// is not saved).
    pub fn is_card(&self) -> bool {
        matches!(
            self,
            StateChange::Annotate { .. }
                | StateChange::Pin { .. }
                | StateChange::Remove { .. }
                | StateChange::Move { .. }
                | StateChange::Label { .. }
        )
    }
}
