//! Register files: the curated `seeds/register.toml` and the user's own, read with serde.
//!
//! ```toml
//! [[entity]]
//! kind = "organisation"          # organisation | person | term
//! label = "NCMEC"
//! aliases = ["National Center for Missing & Exploited Children"]
//! gloss = "One line."
//! role = "For people."
//! case_sensitive = false         # match only when capitalised as written
//! ```

use std::fmt;

use serde::Deserialize;

use super::{Draft, Drafts, EntityKind};

/// Why a register file could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RegisterError {
    /// Not valid TOML, or not the shape above.
    Parse { source: String, message: String },
    /// An entry without a label.
    Empty { source: String, entry: usize },
}

impl fmt::Display for RegisterError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RegisterError::Parse { source, message } => {
                write!(f, "{source}: not a register file: {}", message.trim_end())
            }
            RegisterError::Empty { source, entry } => {
                write!(f, "{source}: entity {entry} has an empty label")
            }
        }
    }
}

impl std::error::Error for RegisterError {}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RegisterFile {
    #[serde(default)]
    entity: Vec<EntityEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct EntityEntry {
    kind: EntityKind,
    label: String,
    #[serde(default)]
    aliases: Vec<String>,
    gloss: Option<String>,
    role: Option<String>,
    #[serde(default)]
    case_sensitive: bool,
}

/// Reads one register file into `drafts`; `source` names it in errors.
pub(super) fn load(
    toml_text: &str,
    source: &str,
    drafts: &mut Drafts,
) -> Result<(), RegisterError> {
    let file: RegisterFile = toml::from_str(toml_text).map_err(|e| RegisterError::Parse {
        source: source.to_string(),
        message: e.to_string(),
    })?;
    for (i, entry) in file.entity.into_iter().enumerate() {
        if super::key(&entry.label).is_empty() {
            return Err(RegisterError::Empty {
                source: source.to_string(),
                entry: i + 1,
            });
        }
        // A register file is untrusted: its strings are sanitized, on one line, as read.
        let line = |s: &str| crate::text::sanitize_line(s).into_owned();
        drafts.add(
            Draft {
                kind: Some(entry.kind),
                label: line(entry.label.trim()),
                aliases: entry.aliases.iter().map(|a| line(a.trim())).collect(),
                gloss: entry
                    .gloss
                    .filter(|g| !g.trim().is_empty())
                    .map(|g| line(&g)),
                role: entry
                    .role
                    .filter(|r| !r.trim().is_empty())
                    .map(|r| line(&r)),
                case_sensitive: entry.case_sensitive,
            },
            entry.kind,
        );
    }
    Ok(())
}
