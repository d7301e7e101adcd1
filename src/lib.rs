//! casenote: a note editor for case managers, social workers and clinicians.
//!
//! This crate is the element. The layers under it are crates of their own,
//! re-exported here: `domain` (`casenote-format`, the note's format: pure,
//! no words), `text` (`casenote-text`, the catalog and everything said in
//! it) and `writing` (`casenote-writing`, the writing aids). The browser
//! shell (`platform`, `storage`, `ui`, `embed`, and the fetch half of
//! `delivery`) builds only for wasm32. See ARCHITECTURE.md for the map.

pub use casenote_format as domain;
pub use casenote_text as text;
pub use casenote_writing as writing;

pub mod delivery;

#[cfg(target_arch = "wasm32")]
pub mod embed;
#[cfg(target_arch = "wasm32")]
pub mod platform;
#[cfg(target_arch = "wasm32")]
pub mod storage;
#[cfg(target_arch = "wasm32")]
pub mod ui;
