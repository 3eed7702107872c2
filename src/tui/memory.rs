//! Changes to what the reader remembers between runs (cue cards, reading positions, the jump
//! list), as data: `update` applies one to its copy of the state and hands it to the event
//! loop as an effect, which applies it again to the file through `StateStore::update`, so
//! the change lands on the file as it is on disk (another instance's cards are kept).

use brieven::state::{CueCard, Jump, ReadingPosition, State};

/// One change to the persistent state.
#[derive(Debug, Clone, PartialEq)]
pub enum StateChange {
    /// Add a card to the end of a stack (made when new).
    Pin { stack: String, card: CueCard },
    /// Remove card `index` of a stack.
    Remove { stack: String, index: usize },
    /// Move card `from` of a stack to `to`.
    Move {
        stack: String,
        from: usize,
        to: usize,
    },
    /// The stack `m` pins to and `'` opens.
    SetCurrentStack(String),
    /// Set (or with `None` clear) the label of card `index` of a stack.
    Label {
        stack: String,
        index: usize,
        label: Option<String>,
    },
    /// Where the reader was in the letters it opened, and the jumps made so far.
    Positions {
        positions: Vec<(String, ReadingPosition)>,
        jumps: Vec<Jump>,
    },
}

impl StateChange {
    /// Applies the change to `state`.
    pub fn apply(&self, state: &mut State) {
        match self {
            StateChange::Pin { stack, card } => {
                state.pin(stack, card.clone());
            }
            StateChange::Remove { stack, index } => {
                state.remove_card(stack, *index);
            }
            StateChange::Move { stack, from, to } => {
                state.move_card(stack, *from, *to);
            }
            StateChange::Label {
                stack,
                index,
                label,
            } => {
                if let Some(card) = state.stack_mut(stack).cards.get_mut(*index) {
                    card.label = label.clone();
                }
            }
            StateChange::SetCurrentStack(name) => {
                state.stack_mut(name);
                state.current_stack = Some(name.clone());
            }
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
    }
}
