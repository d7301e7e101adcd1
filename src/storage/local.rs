//! Drafts in localStorage, one key per draft: `casenote.draft.<id>`.

use gloo_storage::{LocalStorage, Storage};

use super::PutOutcome;
use crate::domain::draft::StoredDraft;

const PREFIX: &str = "casenote.draft.";

fn err(e: impl std::fmt::Display) -> String {
    format!("localStorage: {e}")
}

pub fn put_checked(draft: &StoredDraft, base: u32) -> Result<PutOutcome, String> {
    if let Some(existing) = get(&draft.id) {
        if existing.revision != base {
            return Ok(PutOutcome::Conflict {
                stored_revision: existing.revision,
            });
        }
    }
    LocalStorage::set(format!("{PREFIX}{}", draft.id), draft).map_err(err)?;
    Ok(PutOutcome::Written)
}

pub fn get(id: &str) -> Option<StoredDraft> {
    LocalStorage::get(format!("{PREFIX}{id}")).ok()
}

pub fn list(scope: &str) -> Result<Vec<StoredDraft>, String> {
    let raw = LocalStorage::raw();
    let len = raw.length().map_err(|_| err("cannot read"))?;
    let mut out = Vec::new();
    for i in 0..len {
        let Ok(Some(key)) = raw.key(i) else { continue };
        if !key.starts_with(PREFIX) {
            continue;
        }
        if let Ok(d) = LocalStorage::get::<StoredDraft>(&key) {
            if d.scope == scope {
                out.push(d);
            }
        }
    }
    Ok(out)
}

pub fn delete(id: &str) -> Result<(), String> {
    LocalStorage::delete(format!("{PREFIX}{id}"));
    Ok(())
}
