//! Fuzz target: the DOCX reader on any bytes (see `office_common.rs`). Seed it with
//! `tests/fixtures/formats/office_letter.docx`.
#![no_main]

#[path = "office_common.rs"]
mod office_common;

libfuzzer_sys::fuzz_target!(|data: &[u8]| office_common::run("docx", "word/document.xml", data));
