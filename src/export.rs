//! The JSON forms the CLI prints, built with serde from the model.

use serde::Serialize;

use crate::model::Letter;

/// `brieven export`: `{"letters": [...]}`.
#[derive(Debug, Serialize)]
pub struct LettersExport<'a> {
    pub letters: &'a [Letter],
}

/// The export of `letters` as pretty-printed JSON.
pub fn letters_json(letters: &[Letter]) -> String {
    serde_json::to_string_pretty(&LettersExport { letters }).expect("letters serialize")
}
