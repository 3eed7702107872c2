//! Everything the reader can be asked to do: keys, mouse and resize events and worker results
//! all become an [`Action`], and only `update` turns actions into state changes.

/// One thing to do. Key bindings map to the variants without data (see `keymap`). The names a
/// config file binds keys to are the variants' serde names (`next_paragraph`, `copy`), as
/// television derives its actions' names: [`Action::name`], [`Action::named`].
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Leave the reader.
    Quit,
    /// Suspend to the shell (Ctrl-z); `fg` resumes.
    Suspend,
    /// Clear the screen and draw everything again (Ctrl-l).
    Redraw,
    /// Close the topmost overlay (help, warnings, search, register), or clear a selection.
    Close,
    /// Focus the next pane.
    FocusNext,
    /// Focus the previous pane.
    FocusPrev,
    /// Focus pane n (0: Letters, 1: Outline, 2: Reading, 3: Footnotes), the tab of that
    /// number where one pane shows at a time.
    FocusPane(u8),
    /// One line (text) or one row (lists) down.
    Down,
    /// One line (text) or one row (lists) up.
    Up,
    /// A screen down.
    PageDown,
    /// A screen up.
    PageUp,
    /// Half a screen down.
    HalfPageDown,
    /// Half a screen up.
    HalfPageUp,
    /// To the start.
    Top,
    /// To the end.
    Bottom,
    /// Make the next paragraph current (`y` and `m` take it), bringing it into view.
    NextParagraph,
    /// Make the previous paragraph current.
    PrevParagraph,
    /// To the next section of the letter.
    NextSection,
    /// To the previous section (or the start of this one).
    PrevSection,
    /// Open the next letter of the Letters pane (in its order, among those its filter shows).
    NextLetter,
    /// Open the previous letter of the Letters pane.
    PrevLetter,
    /// Order the Letters pane by the next of: date, sender, stance, as loaded.
    SortLetters,
    /// Narrow the Letters pane by typing, as fzf does (Esc clears the filter).
    FilterLetters,
    /// Select the next note marker in view, cycling.
    NextMarker,
    /// Select the previous note marker in view, cycling.
    PrevMarker,
    /// Open the article of the regulation a link in view names (the current paragraph's
    /// first).
    OpenArticle,
    /// Enter: open, show or jump to what is selected in the focused pane or overlay.
    Activate,
    /// Back to where you were before the last jump (jump list).
    JumpBack,
    /// Forward again in the jump list.
    JumpForward,
    /// Show the key bindings.
    Help,
    /// Show the ingestion warnings.
    Warnings,
    /// Open the search overlay.
    Search,
    /// Search the open letter, as less's `/` (incremental; `n`/`N` then step through it).
    FindInLetter,
    /// Open the register of organisations, people, dates and terms.
    Register,
    /// Next tab of the register.
    NextTab,
    /// Previous tab of the register.
    PrevTab,
    /// Step to the next occurrence of the last search or register jump.
    NextOccurrence,
    /// Step to the previous occurrence.
    PrevOccurrence,
    /// Type a character into the search query.
    Input(char),
    /// Delete the last character of the search query.
    DeleteChar,
    /// Delete the whole search query.
    ClearInput,
    /// Keep the query a reopened search shows selected, to edit it (an arrow key or `End`).
    KeepQuery,
    /// The terminal now has this many columns and rows.
    Resize(u16, u16),
    /// A mouse click at (column, row).
    Click(u16, u16),
    /// The mouse wheel at (column, row): positive down, negative up.
    Scroll(u16, u16, i16),
    /// Results for the search query with this number arrived from the worker.
    #[serde(skip)]
    SearchResults(u64, super::lookup::Results),
    /// The worker has built the register.
    #[serde(skip)]
    RegisterReady(std::sync::Arc<brieven::register::Register>),
    /// The timeline asked for ([`super::update::Effect::BuildTimeline`]) is built.
    #[serde(skip)]
    TimelineReady(std::sync::Arc<brieven::timeline::Timeline>),
    /// Select sentences of the current paragraph, to copy only them (`y`) with its citation.
    SelectSentences,
    /// In the sentence selection: move its moving end a sentence down (+1) or up (-1).
    ExtendSelection(i8),
    /// Open a second Reading pane with the open letter (the Letters pane then picks the other
    /// one), or close it.
    #[serde(rename = "beside")]
    ToggleBeside,
    /// Move the focus between the two Reading panes.
    SwitchText,
    /// Copy the paragraph in view (or the selected note) with its citation (OSC 52).
    #[serde(rename = "copy")]
    CopyCitation,
    /// Copy the URL of the selected note.
    CopyUrl,
    /// Open the URL of the selected note in the browser (http and https only).
    OpenUrl,
    /// Pin the paragraph in view (or the selected note) to the current cue-card stack.
    Pin,
    /// Open the cue-card stack.
    Cards,
    /// Open the positions overview.
    Positions,
    /// Give the open letter a stance, summary and tags of your own (kept in the state).
    Annotate,
    /// Open the timeline.
    Timeline,
    /// In the stack: delete the selected card.
    DeleteCard,
    /// In the stack: move the selected card down (+1) or up (-1).
    MoveCard(i8),
    /// In the stack: the next (+1) or previous (-1) named stack.
    SwitchStack(i8),
    /// In the stack: jump to card n (1 is the first).
    JumpToCard(u8),
    /// In the stack: type a label for the selected card.
    EditLabel,
    /// In the stack: name a new stack and make it the current one.
    NewStack,
    /// In positions: sort by date or sender; in the timeline: newest or oldest first.
    ToggleOrder,
}

impl Action {
    /// The action's name in a config file (its serde name); `None` for an action with data.
    pub fn name(&self) -> Option<String> {
        match serde_json::to_value(self).ok()? {
            serde_json::Value::String(name) => Some(name),
            _ => None,
        }
    }

    /// The action a config file names; `None` for a name no action without data has.
    pub fn named(name: &str) -> Option<Action> {
        serde_json::from_value(serde_json::Value::String(name.to_string())).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::Action;

    #[test]
    fn names_are_the_serde_names_and_read_back() {
        assert_eq!(
            Action::NextParagraph.name().as_deref(),
            Some("next_paragraph")
        );
        assert_eq!(Action::CopyCitation.name().as_deref(), Some("copy"));
        assert_eq!(Action::named("beside"), Some(Action::ToggleBeside));
        assert_eq!(Action::named("find_in_letter"), Some(Action::FindInLetter));
        assert_eq!(Action::Input('x').name(), None);
        assert_eq!(Action::named("input"), None);
        assert_eq!(Action::named("no_such_action"), None);
    }
}
