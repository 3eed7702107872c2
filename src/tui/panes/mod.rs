//! One plain draw function per pane and overlay: each reads `&App` and draws into its area.

pub mod footnotes;
pub mod help;
pub mod letters;
pub mod outline;
pub mod reading;
pub mod register;
pub mod search;
pub mod status;
pub mod warnings;
