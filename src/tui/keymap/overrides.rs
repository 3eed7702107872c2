//! Key overrides from the config file's `[keys]` table: action names as the file writes them,
//! and config key chords turned into the reader's keys.

use brieven::config::{Config, KeyChord, KeyName};
use crossterm::event::{KeyCode, KeyModifiers};

use super::Key;
use crate::tui::action::Action;

/// The actions a config file may bind, in the order the README lists them; their names are
/// their serde names ([`Action::name`]).
const BINDABLE: &[Action] = &[
    Action::Quit,
    Action::Help,
    Action::Warnings,
    Action::Search,
    Action::FindInLetter,
    Action::Register,
    Action::Down,
    Action::Up,
    Action::PageDown,
    Action::PageUp,
    Action::Top,
    Action::Bottom,
    Action::NextParagraph,
    Action::PrevParagraph,
    Action::NextSection,
    Action::PrevSection,
    Action::NextLetter,
    Action::PrevLetter,
    Action::NextMarker,
    Action::PrevMarker,
    Action::OpenArticle,
    Action::JumpBack,
    Action::JumpForward,
    Action::NextOccurrence,
    Action::PrevOccurrence,
    Action::Positions,
    Action::Annotate,
    Action::Timeline,
    Action::Pin,
    Action::Cards,
    Action::CopyCitation,
    Action::CopyUrl,
    Action::OpenUrl,
    Action::SortLetters,
    Action::FilterLetters,
    Action::SelectSentences,
    Action::ToggleBeside,
    Action::SwitchText,
];

/// The actions a config file may bind, by name.
pub static ACTION_NAMES: std::sync::LazyLock<Vec<(String, Action)>> =
    std::sync::LazyLock::new(|| {
        (BINDABLE.iter())
            .filter_map(|a| Some((a.name()?, a.clone())))
            .collect()
    });

/// The (key, action) pairs the config asks for; unknown action names must have been dropped
/// already (`Config::retain_known_actions`).
pub fn overrides(config: &Config) -> Vec<(Key, Action)> {
    let mut out = Vec::new();
    for binding in &config.keys {
        let Some(action) = Action::named(&binding.action).filter(|a| BINDABLE.contains(a)) else {
            continue;
        };
        for chord in &binding.keys {
            out.push((key_of(chord), action.clone()));
        }
    }
    out
}

/// The reader's key for a config chord (shift is part of a character, as in `normalize`).
fn key_of(chord: &KeyChord) -> Key {
    let code = match chord.key {
        KeyName::Char(c) => KeyCode::Char(c),
        KeyName::Enter => KeyCode::Enter,
        KeyName::Esc => KeyCode::Esc,
        KeyName::Tab if chord.shift => KeyCode::BackTab,
        KeyName::Tab => KeyCode::Tab,
        KeyName::BackTab => KeyCode::BackTab,
        KeyName::Backspace => KeyCode::Backspace,
        KeyName::Delete => KeyCode::Delete,
        KeyName::Insert => KeyCode::Insert,
        KeyName::Home => KeyCode::Home,
        KeyName::End => KeyCode::End,
        KeyName::PageUp => KeyCode::PageUp,
        KeyName::PageDown => KeyCode::PageDown,
        KeyName::Up => KeyCode::Up,
        KeyName::Down => KeyCode::Down,
        KeyName::Left => KeyCode::Left,
        KeyName::Right => KeyCode::Right,
        KeyName::F(n) => KeyCode::F(n),
    };
    let mut mods = KeyModifiers::NONE;
    if chord.ctrl {
        mods |= KeyModifiers::CONTROL;
    }
    if chord.alt {
        mods |= KeyModifiers::ALT;
    }
    if chord.shift && !matches!(code, KeyCode::Char(_) | KeyCode::BackTab) {
        mods |= KeyModifiers::SHIFT;
    }
    Key { code, mods }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_readme_names_every_action_a_config_may_bind() {
        let readme = include_str!("../../../README.md");
        let list = readme
            .split("Action names: ")
            .nth(1)
            .and_then(|rest| rest.split('.').next())
            .expect("the README lists the action names");
        let named: Vec<String> = list
            .split(',')
            .map(|n| n.trim().trim_matches('`').to_string())
            .collect();
        let known: Vec<String> = ACTION_NAMES.iter().map(|(n, _)| n.to_string()).collect();
        assert_eq!(named, known);
        assert_eq!(
            known.len(),
            BINDABLE.len(),
            "every bindable action has a name"
        );
    }

    #[test]
    fn config_keys_become_reader_keys() {
        let (config, warnings) = Config::parse("[keys]\npin = \"P\"\nquit = \"ctrl+x\"\n", "c");
        assert!(warnings.is_empty(), "{warnings:?}");
        let keys = overrides(&config);
        assert!(keys.contains(&(super::super::ch('P'), Action::Pin)));
        assert!(keys.contains(&(super::super::ctrl('x'), Action::Quit)));
    }
}
