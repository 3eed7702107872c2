//! One plain draw function per pane and overlay: each reads `&App` and draws into its area.

pub mod article;
pub mod beside;
pub mod cards;
pub mod footnotes;
pub mod help;
pub mod letters;
pub mod list_overlay;
pub mod outline;
pub mod positions;
pub mod reading;
pub mod register;
pub mod status;
pub mod timeline;
pub mod warnings;
