//! The cue-card stack overlay (`'`) as a component: the current stack's cards with the one list
//! cursor; `J`/`K` move a card, `d` deletes it, `e` labels it, `]`/`[` switch stacks, `N`
//! names a new one, and `Enter` (or the card's number) shows its source. Changes go to the
//! state as [`Outcome::Persist`]; the label prompt is pushed over it ([`Outcome::Push`]).

use brieven::citation::Anchor;
use brieven::i18n::fill;
use brieven::state::CueCard;

use super::action::Action;
use super::app::{Overlay, Prompt, Spot, Target};
use super::component::{Component, Ctx, Outcome};
use super::list_cursor::ListCursor;
use super::memory::StateChange;
use super::update::Effect;

/// Rows a page key moves.
const PAGE: usize = 10;

/// The stack overlay: which card is selected.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CardsView {
    pub cursor: ListCursor,
}

/// The cards of the current stack.
pub fn cards<'a>(ctx: &Ctx<'a>) -> &'a [CueCard] {
    (ctx.state.stack(ctx.state.current_stack_name())).map_or(&[], |s| s.cards.as_slice())
}

impl Component for CardsView {
    fn handle(&mut self, action: &Action, ctx: &Ctx) -> Outcome {
        let cards = cards(ctx);
        let count = cards.len();
        let selected = self.cursor.selected;
        let stack = ctx.state.current_stack_name().to_string();
        let s = ctx.lang.strings();
        let persist = |change| Outcome::Persist {
            change,
            message: None,
        };
        match *action {
            Action::MoveCard(by) if count > 0 => {
                let to = selected.saturating_add_signed(by.into()).min(count - 1);
                self.cursor.selected = to;
                match cards.get(selected) {
                    Some(card) if to != selected => persist(StateChange::Move {
                        stack,
                        id: card.id,
                        to,
                    }),
                    _ => Outcome::Handled(Effect::None),
                }
            }
            Action::DeleteCard if count > 0 => {
                self.cursor.selected = selected.min(count.saturating_sub(2));
                match cards.get(selected) {
                    Some(card) => Outcome::Persist {
                        change: StateChange::Remove { stack, id: card.id },
                        message: Some(s.msg_card_deleted.into()),
                    },
                    None => Outcome::Handled(Effect::None),
                }
            }
            Action::SwitchStack(by) => {
                let names: Vec<&str> = (ctx.state.stacks.iter()).map(|s| s.name.as_str()).collect();
                let Some(at) = names.iter().position(|n| *n == stack) else {
                    return Outcome::Handled(Effect::None);
                };
                let to = (at as isize + isize::from(by)).rem_euclid(names.len() as isize) as usize;
                self.cursor.selected = 0;
                persist(StateChange::SetCurrentStack(names[to].to_string()))
            }
            Action::EditLabel if count > 0 => Outcome::Push(Box::new(Overlay::Label {
                text: cards[selected.min(count - 1)]
                    .label
                    .clone()
                    .unwrap_or_default(),
                purpose: Prompt::CardLabel,
            })),
            Action::NewStack => Outcome::Push(Box::new(Overlay::Label {
                text: String::new(),
                purpose: Prompt::StackName,
            })),
            Action::Activate => show_card(ctx, selected),
            Action::JumpToCard(n) if n > 0 => show_card(ctx, usize::from(n) - 1),
            Action::MoveCard(_)
            | Action::DeleteCard
            | Action::JumpToCard(_)
            | Action::EditLabel => Outcome::Handled(Effect::None),
            Action::Close => Outcome::Close,
            _ if self.cursor.apply(action, count, PAGE) => Outcome::Handled(Effect::None),
            _ => Outcome::Ignored,
        }
    }

    fn draw(&self, frame: &mut ratatui::Frame, area: ratatui::layout::Rect, ctx: &Ctx) {
        super::panes::cards::draw(self, frame, area, ctx);
    }
}

/// Card `index`'s source, shown (the overlay closes), or why it cannot be.
fn show_card(ctx: &Ctx, index: usize) -> Outcome {
    let s = ctx.lang.strings();
    let Some(card) = cards(ctx).get(index) else {
        return Outcome::Message(s.msg_stack_empty.into());
    };
    let Some(letter) = ctx.index.by_id(&card.letter) else {
        return Outcome::Message(fill(s.msg_not_loaded, &card.letter));
    };
    let spot = match card.anchor {
        Anchor::Paragraph { section, paragraph } => Spot::Paragraph { section, paragraph },
        Anchor::Section { section } => Spot::Heading { section },
        Anchor::Note { number } => Spot::Footnote { number },
        Anchor::Letter => Spot::Meta { field: None },
    };
    // A card of sentences (`v` then `m`) quotes part of its paragraph: that part is shown.
    let (at, len) = match card.anchor {
        Anchor::Paragraph { section, paragraph } => {
            let text = (ctx.letters.get(letter))
                .and_then(|l| l.sections.get(section)?.paragraphs.get(paragraph))
                .map_or("", |p| p.text.as_str());
            let at = (text.find(card.quote.as_str())).map_or(0, |b| text[..b].chars().count());
            (at, card.quote.chars().count())
        }
        _ => (0, 0),
    };
    Outcome::Show(Target {
        letter,
        spot,
        at,
        len,
    })
}
