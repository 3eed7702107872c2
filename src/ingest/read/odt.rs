//! The ODT reader (not written yet): says so, naming the format.

use super::ReadError;
use crate::ingest::document::Document;

/// Reads a ODT file.
pub fn read(_bytes: &[u8]) -> Result<Document, ReadError> {
    Err(ReadError::new("ODT files are not read yet"))
}
