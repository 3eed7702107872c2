//! The key bindings of the debate views (issue 5): quoting, pinning, the cue-card stack, the
//! positions and the timeline. Appended to the default bindings in the help's order.

use brieven::i18n::Lang;
use crossterm::event::KeyCode;

use super::{Binding, Context, bind, ch, key};
use crate::tui::action::Action;

use Context::{Cards, Panes, Views};
use KeyCode::{
    BackTab, Down as DownKey, End, Enter, Esc, Home, PageDown as PgDn, PageUp as PgUp, Tab,
    Up as UpKey,
};

const DEBATE: &str = "Debate: quote, pin, overviews";
const IN_CARDS: &str = "In the cue-card stack";
const IN_VIEWS: &str = "In positions and timeline";

/// A debate binding's group title and help text in `lang` (`None` for the other bindings).
pub fn translated(binding: &Binding, lang: Lang) -> Option<(&'static str, &'static str)> {
    let s = lang.strings();
    let group = match binding.group {
        DEBATE => s.group_debate,
        IN_CARDS => s.group_in_cards,
        IN_VIEWS => s.group_in_views,
        _ => return None,
    };
    let help = match binding.action {
        Action::CopyCitation => s.help_copy_citation,
        Action::CopyUrl => s.help_copy_url,
        Action::OpenUrl => s.help_open_url,
        Action::Pin => s.help_pin,
        Action::Cards => s.help_open_stack,
        Action::Positions => s.help_positions,
        Action::Timeline => s.help_timeline,
        Action::JumpToCard(_) => s.help_card_jump,
        // J and K each say which way.
        Action::MoveCard(_) => binding.help,
        Action::DeleteCard => s.help_card_delete,
        Action::EditLabel => s.help_card_label,
        Action::NewStack => s.help_new_stack,
        Action::ToggleOrder => s.help_sort,
        _ => brieven::i18n::reader_text(lang, binding.help),
    };
    Some((group, help))
}

/// The bindings of the main screen for the debate views.
pub static DEBATE_KEYS: &[Binding] = &[
    bind(
        Panes,
        DEBATE,
        &[ch('y')],
        Action::CopyCitation,
        "copy paragraph (or note) with citation",
    ),
    bind(
        Panes,
        DEBATE,
        &[ch('Y')],
        Action::CopyUrl,
        "copy the selected note's URL",
    ),
    bind(
        Panes,
        DEBATE,
        &[ch('o')],
        Action::OpenUrl,
        "open the selected note's URL",
    ),
    bind(
        Panes,
        DEBATE,
        &[ch('m')],
        Action::Pin,
        "pin paragraph (or note) as a cue card",
    ),
    bind(
        Panes,
        DEBATE,
        &[ch('\'')],
        Action::Cards,
        "the cue-card stack",
    ),
    bind(
        Panes,
        DEBATE,
        &[ch('p')],
        Action::Positions,
        "positions: who stands where",
    ),
    bind(
        Panes,
        DEBATE,
        &[ch('a')],
        Action::Annotate,
        "your stance, summary and tags for this letter",
    ),
    bind(
        Panes,
        DEBATE,
        &[ch('t')],
        Action::Timeline,
        "timeline of letters and events",
    ),
];

/// The bindings inside the cue-card stack, the positions and the timeline.
pub static DEBATE_OVERLAY_KEYS: &[Binding] = &[
    bind(
        Cards,
        IN_CARDS,
        &[key(Esc), ch('\'')],
        Action::Close,
        "close",
    ),
    bind(
        Cards,
        IN_CARDS,
        &[key(Enter)],
        Action::Activate,
        "jump to the card's source",
    ),
    bind(
        Cards,
        IN_CARDS,
        &[ch('j'), key(DownKey)],
        Action::Down,
        "next card",
    ),
    bind(
        Cards,
        IN_CARDS,
        &[ch('k'), key(UpKey)],
        Action::Up,
        "previous card",
    ),
    bind(
        Cards,
        IN_CARDS,
        &[ch('J')],
        Action::MoveCard(1),
        "move the card down",
    ),
    bind(
        Cards,
        IN_CARDS,
        &[ch('K')],
        Action::MoveCard(-1),
        "move the card up",
    ),
    bind(
        Cards,
        IN_CARDS,
        &[ch('d')],
        Action::DeleteCard,
        "delete the card",
    ),
    bind(
        Cards,
        IN_CARDS,
        &[ch('e')],
        Action::EditLabel,
        "label the card",
    ),
    bind(Cards, IN_CARDS, &[ch('n')], Action::NewStack, "new stack"),
    bind(
        Cards,
        IN_CARDS,
        &[key(Tab), ch(']')],
        Action::SwitchStack(1),
        "next stack",
    ),
    bind(
        Cards,
        IN_CARDS,
        &[key(BackTab), ch('[')],
        Action::SwitchStack(-1),
        "previous stack",
    ),
    bind(
        Cards,
        IN_CARDS,
        &[
            ch('1'),
            ch('2'),
            ch('3'),
            ch('4'),
            ch('5'),
            ch('6'),
            ch('7'),
            ch('8'),
            ch('9'),
        ],
        Action::JumpToCard(0),
        "jump to card n",
    ),
    bind(
        Views,
        IN_VIEWS,
        &[key(Esc), ch('p'), ch('t')],
        Action::Close,
        "close",
    ),
    bind(
        Views,
        IN_VIEWS,
        &[key(Enter)],
        Action::Activate,
        "open the letter / jump to the mention",
    ),
    bind(
        Views,
        IN_VIEWS,
        &[ch('j'), key(DownKey)],
        Action::Down,
        "next row",
    ),
    bind(
        Views,
        IN_VIEWS,
        &[ch('k'), key(UpKey)],
        Action::Up,
        "previous row",
    ),
    bind(
        Views,
        IN_VIEWS,
        &[key(PgDn), ch(' ')],
        Action::PageDown,
        "a page down",
    ),
    bind(
        Views,
        IN_VIEWS,
        &[key(PgUp), ch('b')],
        Action::PageUp,
        "a page up",
    ),
    bind(
        Views,
        IN_VIEWS,
        &[ch('g'), key(Home)],
        Action::Top,
        "first row",
    ),
    bind(
        Views,
        IN_VIEWS,
        &[ch('G'), key(End)],
        Action::Bottom,
        "last row",
    ),
    bind(
        Views,
        IN_VIEWS,
        &[ch('s')],
        Action::ToggleOrder,
        "sort by date / sender; newest / oldest first",
    ),
    bind(
        Views,
        IN_VIEWS,
        &[ch('/')],
        Action::Search,
        "find a date (2024-10, 11 dec) or words in the rows",
    ),
    bind(
        Views,
        IN_VIEWS,
        &[ch('n')],
        Action::NextOccurrence,
        "next row found",
    ),
    bind(
        Views,
        IN_VIEWS,
        &[ch('N')],
        Action::PrevOccurrence,
        "previous row found",
    ),
];
