//! The reader's state: the letters, the open letter and its wrap cache, focus, overlays, the
//! jump list and the search trail. Read-only queries live here; changes happen in `update`.
//! Where things are on screen and in the open letter ([`view`]): areas, the lines in view,
//! the current paragraph, and where a target lies.

mod view;

use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

use brieven::i18n::Lang;
use brieven::listing::LetterSort;
use brieven::model::Letter;
use brieven::register::Register;
use brieven::state::State;

use super::action::Action;
use super::document::{Document, MetaField};
use super::find::Find;
use super::index::LetterIndex;
use super::keymap::Key;
use super::lookup::{RegisterState, RegisterTabs};
use super::search_overlay::SearchOverlay;
use super::theme::Theme;
pub use view::{char_range, position_label};

/// The panes of the main screen, in focus order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pane {
    Letters,
    Outline,
    Reading,
    Footnotes,
    /// The second Reading pane (`|`), when open; not one of the numbered tabs.
    Beside,
}

impl Pane {
    pub const ALL: [Pane; 4] = [Pane::Letters, Pane::Outline, Pane::Reading, Pane::Footnotes];

    pub fn title(self, lang: Lang) -> &'static str {
        let s = lang.strings();
        match self {
            Pane::Letters => s.title_letters,
            Pane::Outline => s.title_outline,
            Pane::Reading => s.title_text,
            Pane::Footnotes => s.title_notes,
            Pane::Beside => brieven::i18n::reader_text(lang, "Beside"),
        }
    }
}

/// A view drawn over the panes; the top one takes the keys.
#[derive(Debug, Clone, PartialEq)]
pub enum Overlay {
    /// The help, the warnings, or the articles a link in the letter names (`A`).
    Pager(super::pager::Pager),
    Search,
    Register,
    /// The cue-card stack, with the selected card.
    Cards(super::cards_view::CardsView),
    /// One row per letter; sorted by date or by sender.
    Positions(super::rows_view::PositionsView),
    /// Letters and events on one axis.
    Timeline(super::rows_view::TimelineView),
    /// The prompt of the search in the open letter (`s`), with the view to go back to on Esc.
    Find(Box<FindOrigin>),
    /// The prompt of the Letters pane's filter (`&`), with where the reader was when it
    /// opened: Esc clears the filter and goes back there.
    LetterFilter {
        origin: Anchor,
    },
    /// The stance, summary and tags of a letter, as the reader gives them (`a`).
    Annotate(Box<super::annotate::AnnotateForm>),
    /// Sentences of the current paragraph selected to be copied (`v`).
    Sentences(super::selection::Selection),
    /// A one-line prompt over the stack: a label for the selected card, or a new stack's name.
    Label {
        text: String,
        purpose: Prompt,
    },
}

/// What typing a pattern after `s` may change, as it was before: Esc puts it back.
#[derive(Debug, Clone, PartialEq)]
pub struct FindOrigin {
    /// The pattern typed so far.
    pub query: String,
    pub scroll: usize,
    pub chosen: Option<usize>,
    pub focus: Pane,
    pub highlight: Option<Highlight>,
    /// The pattern in force before (an empty Enter searches for it again, as in less).
    pub find: Option<Find>,
}

/// What the one-line prompt over the stack asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Prompt {
    /// A label for the card selected in the stack.
    CardLabel,
    /// The name of a new stack (one per debate), which becomes the current one.
    StackName,
}

/// A place in a letter that survives re-wrapping: a block and a line within it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Anchor {
    pub letter: usize,
    pub block: usize,
    pub line: usize,
}

/// Where a search hit or register occurrence lies. `Meta` is the letter's header, with the
/// field when it is known which (a target's `at` and `len` are then offsets into that field).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Spot {
    Paragraph { section: usize, paragraph: usize },
    Heading { section: usize },
    Footnote { number: u32 },
    Meta { field: Option<MetaField> },
}

/// One occurrence to jump to and highlight: chars `at..at + len` of the text at `spot`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Target {
    pub letter: usize,
    pub spot: Spot,
    pub at: usize,
    pub len: usize,
}

/// An occurrence highlighted: a byte range of the text it stands in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Highlight {
    pub letter: usize,
    pub at: Shown,
    pub range: Range<usize>,
}

/// The text a highlighted occurrence stands in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown {
    /// Block `b` of the letter's document, in the Reading pane.
    Block(usize),
    /// A note's text as the Footnotes pane shows it ([`note_text`]).
    ///
    /// [`note_text`]: super::document::note_text
    Note(u32),
}

/// The occurrences `n`/`N` step through, with the one shown.
#[derive(Debug, Clone, PartialEq)]
pub struct Trail {
    pub label: String,
    pub targets: super::trail::Targets,
    pub index: usize,
}

/// Positions to go back and forth between, as in vim's jump list.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct JumpList {
    pub entries: Vec<Anchor>,
    /// Where we are in `entries`; `entries.len()` when at the newest position.
    pub index: usize,
}

/// The whole state of the reader.
#[derive(Debug, Clone)]
pub struct App {
    pub letters: Arc<Vec<Letter>>,
    /// Warnings about files as a whole (skipped files, sidecars).
    pub corpus_warnings: Vec<String>,
    /// Each letter's row in the date order (undated last; the order of search hits and
    /// register occurrences), letters by id, senders: built with that order, shared
    /// with the search worker.
    pub index: Arc<LetterIndex>,
    /// How many warnings the letters carry (they never change while the reader runs).
    letter_warnings: usize,
    /// The rows of the Letters pane: corpus indices in `list_sort` order that `list_filter`
    /// lets through (see `update::listing`).
    pub list: Vec<usize>,
    /// How many rows of `list` are acts: the pane's title counts them apart from the letters.
    pub list_acts: usize,
    /// The order of the Letters pane (`S` cycles it).
    pub list_sort: LetterSort,
    /// The words that narrow the Letters pane (`&`); empty: every letter.
    pub list_filter: String,
    /// Corpus index of the open letter.
    pub current: usize,
    /// The open letter, wrapped for the Reading pane.
    pub doc: Document,
    /// The first line of `doc` in view.
    pub scroll: usize,
    /// The paragraph (a block of `doc`) a jump or `J`/`K` made current; it stays current while
    /// it is in view (see [`App::current_paragraph`]).
    pub chosen: Option<usize>,
    /// Terminal columns and rows.
    pub size: (u16, u16),
    pub focus: Pane,
    pub overlays: Vec<Overlay>,
    /// The note marker selected with `f`: (block, marker index).
    pub marker: Option<(usize, usize)>,
    /// The note shown in full in the Footnotes pane.
    pub note: Option<u32>,
    pub jumps: JumpList,
    /// The reading position of each letter opened before.
    pub positions: HashMap<usize, Anchor>,
    /// A second letter shown beside the open one (`|`).
    pub beside: Option<super::beside::Beside>,
    /// Whether the open letter is drawn in the right half and the second in the left: the
    /// reading tools went with the focus to the right text (`update::beside::take_tools`).
    pub sides_swapped: bool,
    /// The occurrence highlighted in the text.
    pub highlight: Option<Highlight>,
    pub trail: Option<Trail>,
    /// The pattern searched for in the open letter (`s`), which `n`/`N` then step through.
    pub find: Option<Find>,
    /// A one-off message for the status line.
    pub message: Option<String>,
    pub theme: Theme,
    pub quit: bool,
    /// The register, once the worker has built it.
    pub register: Option<Arc<Register>>,
    /// The register view's entries, sorted and counted when the register arrived.
    pub register_tabs: Arc<RegisterTabs>,
    /// The search overlay (`/`): a component that keeps its query and results while closed.
    pub search: SearchOverlay,
    pub register_view: RegisterState,
    /// The interface language.
    pub lang: Lang,
    /// What persists (cue cards, positions, jumps), as last saved; changes go out as effects.
    pub state: State,
    /// Keys from the config file: (key, action); they replace the defaults of their actions.
    pub key_overrides: Vec<(Key, Action)>,
    /// The positions rows, once the register is there.
    pub position_rows: Option<Arc<Vec<brieven::positions::Position>>>,
    /// The timeline (oldest first), built the first time it is opened.
    pub timeline: Option<Arc<brieven::timeline::Timeline>>,
    /// Whether the timeline was asked to be built.
    pub timeline_asked: bool,
}

impl App {
    /// A reader on `letters`, opened on the earliest, for a terminal of `size`.
    pub fn new(
        letters: Vec<Letter>,
        corpus_warnings: Vec<String>,
        theme: Theme,
        size: (u16, u16),
    ) -> App {
        let order = date_order(&letters);
        let current = order.first().copied().unwrap_or(0);
        let index = Arc::new(LetterIndex::new(&letters, &order));
        let letter_warnings = letters.iter().map(|l| l.warnings.len()).sum();
        let list_acts = index.acts;
        let mut app = App {
            letters: Arc::new(letters),
            corpus_warnings,
            list: order,
            list_acts,
            index,
            letter_warnings,
            list_sort: LetterSort::Date,
            list_filter: String::new(),
            current,
            doc: Document::default(),
            scroll: 0,
            chosen: None,
            size,
            focus: Pane::Letters,
            overlays: Vec::new(),
            marker: None,
            note: None,
            jumps: JumpList::default(),
            positions: HashMap::new(),
            beside: None,
            sides_swapped: false,
            highlight: None,
            trail: None,
            find: None,
            message: None,
            theme,
            quit: false,
            register: None,
            register_tabs: Arc::default(),
            search: SearchOverlay::default(),
            register_view: RegisterState::default(),
            lang: Lang::En,
            state: State::default(),
            key_overrides: Vec::new(),
            position_rows: None,
            timeline: None,
            timeline_asked: false,
        };
        app.doc = app.build_doc();
        app
    }

    /// The letters loaded, in place of the rows from the on-disk index the reader opened on
    /// (`tui::early`): the same letters in the same order, so every place the reader holds
    /// (the open letter, positions, jumps, results) stays. What `new` derives from the letters
    /// is derived again; the Letters pane is in the date order (its sort and filter wait for
    /// the letters).
    pub fn take_letters(&mut self, letters: Vec<Letter>) {
        let order = date_order(&letters);
        self.index = Arc::new(LetterIndex::new(&letters, &order));
        self.letter_warnings = letters.iter().map(|l| l.warnings.len()).sum();
        self.letters = Arc::new(letters);
        self.list = order;
        self.list_acts = self.index.acts;
        self.doc = self.build_doc();
        self.scroll = self.scroll.min(self.max_scroll());
    }

    /// The open letter, if there is any.
    pub fn letter(&self) -> Option<&Letter> {
        self.letters.get(self.current)
    }

    /// The open letter wrapped for the current text width, with the stance, summary and
    /// tags given in the reader in place of its own.
    pub fn build_doc(&self) -> Document {
        let Some(letter) = self.letter() else {
            return Document::default();
        };
        let width = self.text_area().width.into();
        let mut doc = match self.annotation(self.current) {
            Some(a) => {
                let mut shown = letter.clone();
                a.apply(&mut shown);
                Document::build_in(&shown, self.current, width, self.lang)
            }
            None => Document::build_in(letter, self.current, width, self.lang),
        };
        doc.links = crate::tui::article::links(&self.letters, self.current, &doc);
        doc
    }

    /// The stance, summary and tags given letter `i` in the reader (they win over the
    /// letter's own: see [`brieven::state::Annotation`]).
    pub fn annotation(&self, i: usize) -> Option<brieven::state::Annotation> {
        if self.state.annotations.is_empty() {
            return None;
        }
        self.state.annotation(&self.letters.get(i)?.id)
    }

    /// Letter `i`'s stance as the reader shows it: the one given in the reader, else its own.
    pub fn stance(&self, i: usize) -> Option<brieven::model::Stance> {
        (self.annotation(i).and_then(|a| a.stance)).or_else(|| self.letters.get(i)?.stance)
    }

    /// The row of the open letter in the Letters pane; none when its filter hides it. In the
    /// date order unfiltered (the list is `order`) the index answers without a scan.
    pub fn letter_row(&self) -> Option<usize> {
        if self.list_sort == LetterSort::Date && self.list_filter.is_empty() {
            let row = self.index.rank(self.current);
            return (row < self.list.len()).then_some(row);
        }
        self.list.iter().position(|&i| i == self.current)
    }

    /// How many warnings there are in all (what the warnings overlay lists).
    pub fn warning_count(&self) -> usize {
        self.corpus_warnings.len() + self.letter_warnings
    }

    /// What the overlays may read of the reader.
    pub fn ctx(&self) -> super::component::Ctx<'_> {
        super::component::ctx!(self)
    }

    /// The topmost overlay.
    pub fn overlay(&self) -> Option<&Overlay> {
        self.overlays.last()
    }
}

/// The date order of `letters` (corpus indices): undated letters after the dated, and acts
/// (the regulation the letters discuss) after the letters, so the first letter opens.
fn date_order(letters: &[Letter]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..letters.len()).collect();
    order.sort_by_key(|&i| {
        (
            letters[i].is_act(),
            letters[i].date.is_none(),
            letters[i].date,
        )
    });
    order
}
