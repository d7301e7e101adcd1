//! casenote: a note editor for case managers, social workers and clinicians.
//!
//! `domain` is the pure core and builds everywhere. The browser shell around
//! it (`platform`, `storage`, `ui`, `embed`, and the fetch half of
//! `delivery`) builds only for wasm32. See ARCHITECTURE.md for the map.

pub mod delivery;
pub mod domain;
pub mod i18n;

#[cfg(target_arch = "wasm32")]
pub mod embed;
#[cfg(target_arch = "wasm32")]
pub mod platform;
#[cfg(target_arch = "wasm32")]
pub mod storage;
#[cfg(target_arch = "wasm32")]
pub mod ui;
