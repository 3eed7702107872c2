//! The user's settings: `$XDG_CONFIG_HOME/brieven/config.toml` (else
//! `~/.config/brieven/config.toml`) with the theme, the interface language and key binding
//! overrides. A file with errors never stops brieven: each problem is a [`ConfigWarning`] with
//! its line and column, and the defaults are used (for one bad key binding, only that binding
//! is dropped).
//!
//! ```toml
//! theme = "light"          # dark | light | plain
//! lang = "nl"              # en | nl
//! [keys]
//! quit = "ctrl+q"          # an action name and a key, or a list of keys
//! pin = ["m", "alt+p"]
//! ```

mod keys;
#[cfg(test)]
mod tests;

use std::collections::BTreeMap;
use std::ffi::{OsStr, OsString};
use std::fmt;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use toml::Spanned;

pub use keys::{BadKey, KeyChord, KeyName};

use crate::i18n::Lang;

/// The colours of the reader.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    #[default]
    Dark,
    Light,
    /// No colours, for monochrome terminals and `NO_COLOR`.
    Plain,
}

impl Theme {
    /// The theme to use: `plain` whenever `NO_COLOR` is set to a non-empty value
    /// (<https://no-color.org>), else the configured one.
    pub fn choose(configured: Theme, no_color: Option<&OsStr>) -> Theme {
        if no_color.is_some_and(|v| !v.is_empty()) {
            Theme::Plain
        } else {
            configured
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Dark => "dark",
            Theme::Light => "light",
            Theme::Plain => "plain",
        }
    }
}

/// One key binding override: the action's name, its keys, and where it was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyBinding {
    pub action: String,
    pub keys: Vec<KeyChord>,
    /// 1-based line and column of the value in the file.
    pub line: usize,
    pub column: usize,
}

/// The settings, with defaults for anything not given.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Config {
    pub theme: Theme,
    /// `None`: the locale decides (see [`Lang::choose`]).
    pub lang: Option<Lang>,
    /// Overrides, in action-name order.
    pub keys: Vec<KeyBinding>,
}

/// A problem with the config file, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigWarning {
    /// The file, as shown to the user.
    pub origin: String,
    /// 1-based; `None` for problems with the file as a whole.
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: String,
}

impl fmt::Display for ConfigWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.origin)?;
        if let (Some(line), Some(column)) = (self.line, self.column) {
            write!(f, ":{line}:{column}")?;
        }
        write!(f, ": {}", self.message)
    }
}

/// The file's shape, as serde reads it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ConfigFile {
    #[serde(default)]
    theme: Option<Theme>,
    #[serde(default)]
    lang: Option<Lang>,
    #[serde(default)]
    keys: BTreeMap<String, Spanned<KeyValue>>,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum KeyValue {
    One(String),
    Many(Vec<String>),
}

/// `$XDG_CONFIG_HOME/brieven/config.toml`, else `~/.config/brieven/config.toml`, from the
/// process environment.
pub fn default_config_path() -> Option<PathBuf> {
    config_path_from(
        std::env::var_os("XDG_CONFIG_HOME"),
        std::env::var_os("HOME"),
    )
}

/// The config file's path from the values of `XDG_CONFIG_HOME` and `HOME` (relative values
/// are ignored).
pub fn config_path_from(
    xdg_config_home: Option<OsString>,
    home: Option<OsString>,
) -> Option<PathBuf> {
    let absolute = |v: Option<OsString>| v.map(PathBuf::from).filter(|p| p.is_absolute());
    absolute(xdg_config_home)
        .or_else(|| absolute(home).map(|h| h.join(".config")))
        .map(|dir| dir.join("brieven").join("config.toml"))
}

impl Config {
    /// Reads the config at `path`; no path or no file gives the defaults without a warning.
    pub fn load(path: Option<&Path>) -> (Config, Vec<ConfigWarning>) {
        let Some(path) = path else {
            return (Config::default(), Vec::new());
        };
        let origin = path.display().to_string();
        match std::fs::read(path) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => Config::parse(&text, &origin),
                Err(e) => (
                    Config::default(),
                    vec![whole_file(
                        &origin,
                        format!("not UTF-8 ({e}); defaults used"),
                    )],
                ),
            },
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => (Config::default(), Vec::new()),
            Err(e) => (
                Config::default(),
                vec![whole_file(
                    &origin,
                    format!("cannot read: {e}; defaults used"),
                )],
            ),
        }
    }

    /// Reads config text; `origin` names it in warnings.
    pub fn parse(text: &str, origin: &str) -> (Config, Vec<ConfigWarning>) {
        let file: ConfigFile = match toml::from_str(text) {
            Ok(file) => file,
            Err(e) => {
                let (line, column) = e
                    .span()
                    .map(|span| line_column(text, span.start))
                    .map_or((None, None), |(l, c)| (Some(l), Some(c)));
                let message = format!("{}; defaults used", e.message().trim_end());
                return (
                    Config::default(),
                    vec![ConfigWarning {
                        origin: origin.to_string(),
                        line,
                        column,
                        message,
                    }],
                );
            }
        };
        let mut warnings = Vec::new();
        let mut config = Config {
            theme: file.theme.unwrap_or_default(),
            lang: file.lang,
            keys: Vec::new(),
        };
        // In the file's order, so the second binding of a key is the one reported.
        let mut entries: Vec<(String, Spanned<KeyValue>)> = file.keys.into_iter().collect();
        entries.sort_by_key(|(_, value)| value.span().start);
        let mut bound: Vec<(KeyChord, String, usize)> = Vec::new();
        for (action, value) in entries {
            let (line, column) = line_column(text, value.span().start);
            let strings = match value.into_inner() {
                KeyValue::One(s) => vec![s],
                KeyValue::Many(v) => v,
            };
            let mut keys = Vec::new();
            for s in strings {
                match s.parse::<KeyChord>() {
                    Ok(chord) => match bound.iter().find(|(k, _, _)| *k == chord) {
                        Some((_, other, first)) => warnings.push(ConfigWarning {
                            origin: origin.to_string(),
                            line: Some(line),
                            column: Some(column),
                            message: format!(
                                "keys.{action}: {chord} is bound twice: to {other} on line \
                                 {first} already; ignored here"
                            ),
                        }),
                        None => {
                            bound.push((chord, action.clone(), line));
                            keys.push(chord);
                        }
                    },
                    Err(e) => warnings.push(ConfigWarning {
                        origin: origin.to_string(),
                        line: Some(line),
                        column: Some(column),
                        message: format!("keys.{action}: {e}; binding ignored"),
                    }),
                }
            }
            if !keys.is_empty() {
                config.keys.push(KeyBinding {
                    action,
                    keys,
                    line,
                    column,
                });
            }
        }
        (config, warnings)
    }

    /// Drops overrides of actions not in `known` (the reader's action names), with a warning
    /// for each.
    pub fn retain_known_actions(&mut self, known: &[&str], origin: &str) -> Vec<ConfigWarning> {
        let mut warnings = Vec::new();
        self.keys.retain(|b| {
            let ok = known.contains(&b.action.as_str());
            if !ok {
                warnings.push(ConfigWarning {
                    origin: origin.to_string(),
                    line: Some(b.line),
                    column: Some(b.column),
                    message: format!(
                        "keys.{}: no such action (known: {}); binding ignored",
                        b.action,
                        known.join(", ")
                    ),
                });
            }
            ok
        });
        warnings
    }

    /// The keys configured for `action`, if it is overridden.
    pub fn keys_for(&self, action: &str) -> Option<&[KeyChord]> {
        self.keys
            .iter()
            .find(|b| b.action == action)
            .map(|b| b.keys.as_slice())
    }

    /// The theme to draw with, `NO_COLOR` taken into account from the environment.
    pub fn effective_theme(&self) -> Theme {
        Theme::choose(self.theme, std::env::var_os("NO_COLOR").as_deref())
    }
}

fn whole_file(origin: &str, message: String) -> ConfigWarning {
    ConfigWarning {
        origin: origin.to_string(),
        line: None,
        column: None,
        message,
    }
}

/// The 1-based line and column (in characters) of byte offset `at` in `text`.
pub fn line_column(text: &str, at: usize) -> (usize, usize) {
    let at = at.min(text.len());
    let at = (0..=at)
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0);
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}
