//! What this device remembers for the worker between notes: the name and
//! staff id they sign with, where the page does not say who they are
//! (`signer-entry="worker"`). In localStorage under `casenote.signer`;
//! never in a URL, never sent except in a signed note's signature.

use gloo_storage::{LocalStorage, Storage};

use super::local::available;
use crate::domain::Person;

const SIGNER: &str = "casenote.signer";

/// The signer remembered on this device, if any.
pub fn signer() -> Option<Person> {
    available().ok()?;
    LocalStorage::get::<Person>(SIGNER)
        .ok()
        .filter(|p| !p.name.trim().is_empty())
}

/// Remembers `who` for the next note. A device that cannot keep it just
/// asks again next time.
pub fn remember_signer(who: &Person) {
    if available().is_ok() {
        let _ = LocalStorage::set(SIGNER, who);
    }
}
