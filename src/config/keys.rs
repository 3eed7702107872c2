//! Key strings as the config file writes them (`q`, `ctrl+c`, `C-d`, `alt+enter`, `shift+tab`,
//! `pagedown`, `f5`, `'`), read into a [`KeyChord`] the reader maps to its terminal events.

use std::fmt;
use std::str::FromStr;

/// A key without modifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KeyName {
    /// A printable character, as typed (`Q` is shift+q).
    Char(char),
    Enter,
    Esc,
    Tab,
    BackTab,
    Backspace,
    Delete,
    Insert,
    Home,
    End,
    PageUp,
    PageDown,
    Up,
    Down,
    Left,
    Right,
    /// F1 to F24.
    F(u8),
}

/// A key with its modifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct KeyChord {
    pub key: KeyName,
    pub ctrl: bool,
    pub alt: bool,
    pub shift: bool,
}

/// A key string that names no key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadKey(pub String);

impl fmt::Display for BadKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "'{}' is not a key (write a character such as q or ', a name such as enter, esc, \
             tab, backtab, backspace, delete, insert, home, end, pageup, pagedown, up, down, \
             left, right, space or f1-f24, optionally after ctrl+, alt+ or shift+)",
            self.0
        )
    }
}

impl std::error::Error for BadKey {}

const NAMES: &[(&str, KeyName)] = &[
    ("enter", KeyName::Enter),
    ("return", KeyName::Enter),
    ("esc", KeyName::Esc),
    ("escape", KeyName::Esc),
    ("tab", KeyName::Tab),
    ("backtab", KeyName::BackTab),
    ("backspace", KeyName::Backspace),
    ("bs", KeyName::Backspace),
    ("delete", KeyName::Delete),
    ("del", KeyName::Delete),
    ("insert", KeyName::Insert),
    ("ins", KeyName::Insert),
    ("home", KeyName::Home),
    ("end", KeyName::End),
    ("pageup", KeyName::PageUp),
    ("pgup", KeyName::PageUp),
    ("pagedown", KeyName::PageDown),
    ("pgdn", KeyName::PageDown),
    ("up", KeyName::Up),
    ("down", KeyName::Down),
    ("left", KeyName::Left),
    ("right", KeyName::Right),
    ("space", KeyName::Char(' ')),
];

const MODIFIERS: &[(&str, Modifier)] = &[
    ("ctrl", Modifier::Ctrl),
    ("control", Modifier::Ctrl),
    ("c", Modifier::Ctrl),
    ("alt", Modifier::Alt),
    ("meta", Modifier::Alt),
    ("m", Modifier::Alt),
    ("a", Modifier::Alt),
    ("shift", Modifier::Shift),
    ("s", Modifier::Shift),
];

#[derive(Clone, Copy)]
enum Modifier {
    Ctrl,
    Alt,
    Shift,
}

impl FromStr for KeyChord {
    type Err = BadKey;

    fn from_str(s: &str) -> Result<KeyChord, BadKey> {
        let bad = || BadKey(s.to_string());
        let mut chord = KeyChord {
            key: KeyName::Esc,
            ctrl: false,
            alt: false,
            shift: false,
        };
        let mut rest = s.trim();
        // Modifiers: `ctrl+`, `ctrl-`, `C-` ... before a key of at least one character.
        while let Some(sep) = rest
            .find(['+', '-'])
            .filter(|&i| i > 0 && i + 1 < rest.len())
        {
            let Some(&(_, modifier)) = MODIFIERS
                .iter()
                .find(|(name, _)| name.eq_ignore_ascii_case(&rest[..sep]))
            else {
                break;
            };
            match modifier {
                Modifier::Ctrl => chord.ctrl = true,
                Modifier::Alt => chord.alt = true,
                Modifier::Shift => chord.shift = true,
            }
            rest = &rest[sep + 1..];
        }
        let mut chars = rest.chars();
        chord.key = match (chars.next(), chars.next()) {
            (Some(c), None) if !c.is_control() && !c.is_whitespace() => KeyName::Char(c),
            (Some(_), Some(_)) => {
                let lower = rest.to_ascii_lowercase();
                if let Some(&(_, key)) = NAMES.iter().find(|(name, _)| *name == lower) {
                    key
                } else if let Some(n) = lower
                    .strip_prefix('f')
                    .and_then(|n| n.parse::<u8>().ok())
                    .filter(|n| (1..=24).contains(n))
                {
                    KeyName::F(n)
                } else {
                    return Err(bad());
                }
            }
            _ => return Err(bad()),
        };
        // `shift+tab` is the back-tab key; `shift+a` is `A`.
        if chord.shift {
            match chord.key {
                KeyName::Tab => {
                    chord.key = KeyName::BackTab;
                    chord.shift = false;
                }
                KeyName::Char(c) if c.is_alphabetic() => {
                    chord.key = KeyName::Char(c.to_uppercase().next().unwrap_or(c));
                    chord.shift = false;
                }
                _ => {}
            }
        }
        Ok(chord)
    }
}

impl fmt::Display for KeyChord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (on, name) in [
            (self.ctrl, "ctrl+"),
            (self.alt, "alt+"),
            (self.shift, "shift+"),
        ] {
            if on {
                f.write_str(name)?;
            }
        }
        match self.key {
            KeyName::Char(' ') => f.write_str("space"),
            KeyName::Char(c) => write!(f, "{c}"),
            KeyName::F(n) => write!(f, "f{n}"),
            key => {
                let name = NAMES
                    .iter()
                    .find(|(_, k)| *k == key)
                    .map_or("?", |(name, _)| name);
                f.write_str(name)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_strings_read_and_print_canonically() {
        for (input, canonical) in [
            ("q", "q"),
            ("'", "'"),
            ("-", "-"),
            ("+", "+"),
            ("Q", "Q"),
            ("shift+q", "Q"),
            ("ctrl+c", "ctrl+c"),
            ("C-d", "ctrl+d"),
            ("Ctrl-Alt-x", "ctrl+alt+x"),
            ("ctrl++", "ctrl++"),
            ("alt+Enter", "alt+enter"),
            ("shift+tab", "backtab"),
            ("PgDn", "pagedown"),
            ("space", "space"),
            ("F5", "f5"),
            ("ö", "ö"),
        ] {
            let chord: KeyChord = input.parse().unwrap_or_else(|e| panic!("{input}: {e}"));
            assert_eq!(chord.to_string(), canonical, "{input}");
        }
    }

    #[test]
    fn bad_key_strings_are_refused() {
        for input in [
            "", "ctrl+", "hyper+x", "f25", "f0", "enterr", "ctrl+foo", "\u{1b}", "a b",
        ] {
            assert!(
                input.parse::<KeyChord>().is_err(),
                "{input:?} should be refused"
            );
        }
    }
}
