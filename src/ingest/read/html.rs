//! The HTML reader (not written yet): says so, naming the format.

use super::ReadError;
use crate::ingest::document::Document;

/// Reads a HTML file.
pub fn read(_bytes: &[u8]) -> Result<Document, ReadError> {
    Err(ReadError::new("HTML files are not read yet"))
}
