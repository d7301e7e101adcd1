//! The lists the writing aids carry in the bundle (`identifiers.json`),
//! each read once, on first use. The larger lists load after the first
//! screen instead (`data.rs`).

use std::sync::OnceLock;

use serde::de::DeserializeOwned;

/// `json` read into `cell` once. The lists are part of the build and read
/// by their tests; should one ever not read, its aid finds nothing
/// (`empty`) rather than stopping the editor, and no error's Debug
/// formatting is carried in the bundle.
pub fn shipped<T: DeserializeOwned + Send + Sync>(
    cell: &'static OnceLock<T>,
    json: &str,
    empty: fn() -> T,
) -> &'static T {
    cell.get_or_init(|| serde_json::from_str(json).unwrap_or_else(|_| empty()))
}
