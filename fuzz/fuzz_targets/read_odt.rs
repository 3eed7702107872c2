//! Fuzz target: the ODT reader on any bytes (see `office_common.rs`). Seed it with
//! `tests/fixtures/formats/office_letter.odt`.
#![no_main]

#[path = "office_common.rs"]
mod office_common;

libfuzzer_sys::fuzz_target!(|data: &[u8]| office_common::run("odt", "content.xml", data));
