//! The reader's overlays as components, as gitui's are: each owns its state, has one
//! [`Component::handle`] for the actions it understands and one [`Component::draw`]. The
//! topmost overlay is asked first and consumes what it handles; what it ignores goes on to
//! the main screen (quit, suspend, a resize, a worker's results).

use brieven::i18n::Lang;
use brieven::model::Letter;
use brieven::register::Register;
use ratatui::Frame;
use ratatui::layout::Rect;

use super::action::Action;
use super::app::{Target, Trail};
use super::index::LetterIndex;
use super::keymap::Key;
use super::lookup::RegisterTabs;
use super::memory::StateChange;
use super::theme::Theme;
use super::update::Effect;

/// What a component may read of the reader: the letters, the register once built, the
/// lookups by letter, the language, the theme, the configured keys and the screen.
pub struct Ctx<'a> {
    pub letters: &'a [Letter],
    pub register: Option<&'a Register>,
    pub index: &'a LetterIndex,
    /// The register's tabs, sorted and counted when it arrived.
    pub tabs: &'a RegisterTabs,
    pub lang: Lang,
    pub theme: &'a Theme,
    /// Warnings about files as a whole (the letters carry their own).
    pub corpus_warnings: &'a [String],
    /// The keys the config file gives actions (they replace the defaults).
    pub keys: &'a [(Key, Action)],
    /// The whole terminal.
    pub screen: Rect,
    /// What persists (cue cards, positions, annotations), as last saved.
    pub state: &'a brieven::state::State,
    /// The open letter's document (its article links).
    pub doc: &'a super::document::Document,
}

/// The context of an `App`, borrowing only the fields it names (so that a component held in
/// the same `App` can be borrowed mutably beside it).
macro_rules! ctx {
    ($app:expr) => {
        $crate::tui::component::Ctx {
            letters: &$app.letters,
            register: $app.register.as_deref(),
            index: &$app.index,
            tabs: &$app.register_tabs,
            lang: $app.lang,
            theme: &$app.theme,
            corpus_warnings: &$app.corpus_warnings,
            keys: &$app.key_overrides,
            screen: ratatui::layout::Rect::new(0, 0, $app.size.0, $app.size.1),
            state: &$app.state,
            doc: &$app.doc,
        }
    };
}
pub(crate) use ctx;

/// What handling an action came to.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// Not this component's: the main screen handles it.
    Ignored,
    /// Handled; the event loop carries out the effect.
    Handled(Effect),
    /// Handled, with a message for the status line.
    Message(String),
    /// Close the component.
    Close,
    /// Close the component and save this change to the state (the reader's copy and the
    /// file).
    Save(StateChange),
    /// Close the component and show `targets[index]` of the trail, keeping the others for
    /// `n`/`N`.
    Jump(Trail),
    /// Handled; save this change to the state (the reader's copy and the file), with a
    /// message for the status line. The component stays.
    Persist {
        change: StateChange,
        message: Option<String>,
    },
    /// Handled; open this overlay over the component (a prompt of its own).
    Push(Box<super::app::Overlay>),
    /// Close the component and open letter `n` where it was left (a jump).
    Open(usize),
    /// Close the component and show this occurrence (a jump), leaving the trail as it is.
    Show(Target),
}

/// An overlay of the reader.
pub trait Component {
    /// Applies `action`; [`Outcome::Ignored`] when it is not this component's.
    fn handle(&mut self, action: &Action, ctx: &Ctx) -> Outcome;
    /// Draws the component into `area` (the whole screen but the status line).
    fn draw(&self, frame: &mut Frame, area: Rect, ctx: &Ctx);
}
