//! brieven: a reader for the letters of the Dutch debate on the EU regulation to prevent and
//! combat child sexual abuse online (the CSAM-verordening).
//!
//! This library turns letter files into structured [`model::Letter`]s ([`ingest`]), keeps them
//! together in a [`corpus::Corpus`] (the embedded seed letters or the user's files), and prints
//! them as JSON ([`export`]). It never touches a terminal: the `brieven` binary is a thin CLI and
//! TUI shell over it.

pub mod act;
pub mod alloc;
pub mod briefing;
pub mod cache;
pub mod citation;
pub mod clipboard;
pub mod config;
pub mod corpus;
pub mod dates;
pub mod export;
pub mod i18n;
pub mod ingest;
pub mod links;
pub mod listing;
pub mod model;
pub mod positions;
pub mod private;
pub mod register;
pub mod search;
pub mod sentences;
pub mod state;
pub mod text;
pub mod timeline;
pub mod wrap;
