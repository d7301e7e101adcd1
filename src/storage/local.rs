//! Drafts in localStorage, one key per draft: `casenote.draft.<id>`.

use gloo_storage::{LocalStorage, Storage};

use crate::domain::Draft;

const PREFIX: &str = "casenote.draft.";

fn err(e: impl std::fmt::Display) -> String {
    format!("localStorage: {e}")
}

pub fn put(draft: &Draft) -> Result<(), String> {
    LocalStorage::set(format!("{PREFIX}{}", draft.id), draft).map_err(err)
}

pub fn list(scope: &str) -> Result<Vec<Draft>, String> {
    let raw = LocalStorage::raw();
    let len = raw.length().map_err(|_| err("cannot read"))?;
    let mut out = Vec::new();
    for i in 0..len {
        let Ok(Some(key)) = raw.key(i) else { continue };
        if !key.starts_with(PREFIX) {
            continue;
        }
        if let Ok(d) = LocalStorage::get::<Draft>(&key) {
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
