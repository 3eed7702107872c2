//! The JSON forms the CLI prints, built with serde from the model (the CLI streams them to
//! stdout).

use serde::Serialize;

use crate::model::Letter;

/// `brieven export`: `{"letters": [...]}`.
#[derive(Debug, Serialize)]
pub struct LettersExport<'a> {
    pub letters: &'a [Letter],
}
