//! A draft as it is kept on the device: the note plus bookkeeping.

use serde::{Deserialize, Serialize};

use super::note::Note;

/// One stored draft. `id` equals `note.id`.
#[derive(Clone, Debug, PartialEq)]
pub struct Draft {
    pub id: String,
    /// Partition: the host's signed-in user (`draft-scope` attribute).
    pub scope: String,
    /// Increases with every save of this draft.
    pub revision: u32,
    /// Epoch milliseconds of the last save.
    pub updated_at: f64,
    pub note: Note,
    /// Set on a conflict copy: the id of the draft whose text another tab
    /// changed while this one kept typing. The copy is this tab's text,
    /// saved on every edit until the worker chooses.
    pub copy_of: Option<String>,
}

impl Draft {
    pub fn new(scope: &str, revision: u32, updated_at: f64, note: Note) -> Self {
        Draft {
            id: note.id.clone(),
            scope: scope.to_string(),
            revision,
            updated_at,
            note,
            copy_of: None,
        }
    }

    /// This draft as a conflict copy of draft `original`.
    pub fn copy_of(self, original: Option<String>) -> Self {
        Draft {
            copy_of: original,
            ..self
        }
    }
}

/// A draft's note, encrypted with the host's key (AES-GCM): base64 of the
/// 12-byte IV and of the ciphertext of the note's JSON.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Sealed {
    pub iv: String,
    pub data: String,
}

/// A draft as written to storage: either the note in clear, or sealed.
/// Only bookkeeping (ids, scope, revision, time) is ever stored in clear
/// next to a sealed note.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StoredDraft {
    pub id: String,
    pub scope: String,
    pub revision: u32,
    pub updated_at: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Note>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sealed: Option<Sealed>,
    /// See [`Draft::copy_of`]: bookkeeping, so it is kept in clear.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub copy_of: Option<String>,
}

impl StoredDraft {
    /// The stored form of `draft` in clear.
    pub fn clear(draft: &Draft) -> Self {
        StoredDraft {
            id: draft.id.clone(),
            scope: draft.scope.clone(),
            revision: draft.revision,
            updated_at: draft.updated_at,
            note: Some(draft.note.clone()),
            sealed: None,
            copy_of: draft.copy_of.clone(),
        }
    }

    /// The stored form of `draft` with its note sealed.
    pub fn sealed(draft: &Draft, sealed: Sealed) -> Self {
        StoredDraft {
            note: None,
            sealed: Some(sealed),
            ..StoredDraft::clear(&Draft {
                note: Note::default(),
                ..draft.clone()
            })
        }
    }

    /// The draft, when its note is in clear.
    pub fn open(self) -> Option<Draft> {
        let note = self.note?;
        Some(Draft {
            id: self.id,
            scope: self.scope,
            revision: self.revision,
            updated_at: self.updated_at,
            note,
            copy_of: self.copy_of,
        })
    }
}

/// Whether a draft saved at `updated_at` has outlived `retention_days` at
/// `now` (both epoch milliseconds).
pub fn is_expired(updated_at: f64, now: f64, retention_days: f64) -> bool {
    now - updated_at > retention_days * 24.0 * 60.0 * 60.0 * 1000.0
}

/// The most recently saved of `drafts`.
pub fn latest(drafts: impl IntoIterator<Item = Draft>) -> Option<Draft> {
    drafts
        .into_iter()
        .max_by(|a, b| a.updated_at.total_cmp(&b.updated_at))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latest_picks_the_newest_save() {
        let d =
            |id: &str, t: f64| Draft::new("s", 1, t, Note::new(id.into(), "soap", String::new()));
        assert_eq!(
            latest(vec![d("a", 5.0), d("b", 9.0), d("c", 1.0)])
                .unwrap()
                .id,
            "b"
        );
        assert!(latest(Vec::new()).is_none());
    }

    #[test]
    fn sealed_drafts_keep_only_bookkeeping_in_clear() {
        let mut note = Note::new("n-2".into(), "soap", String::new());
        note.client.name = "Secret Client".into();
        let d = Draft::new("me", 4, 7.0, note);
        let s = StoredDraft::sealed(
            &d,
            Sealed {
                iv: "aXY=".into(),
                data: "ZGF0YQ==".into(),
            },
        );
        let json = serde_json::to_string(&s).unwrap();
        assert!(!json.contains("Secret"));
        assert!(json.contains(r#""revision":4"#));
        assert!(s.clone().open().is_none());
        assert_eq!(StoredDraft::clear(&d).open().unwrap(), d);
    }

    #[test]
    fn a_conflict_copy_keeps_its_link_through_storage() {
        let d = Draft::new(
            "me",
            1,
            7.0,
            Note::new("copy".into(), "soap", String::new()),
        )
        .copy_of(Some("original".into()));
        let stored = StoredDraft::clear(&d);
        let json = serde_json::to_string(&stored).unwrap();
        assert!(json.ends_with(r#","copyOf":"original"}"#), "{json}");
        let back: StoredDraft = serde_json::from_str(&json).unwrap();
        assert_eq!(back.open(), Some(d.clone()));
        let sealed = StoredDraft::sealed(
            &d,
            Sealed {
                iv: "aXY=".into(),
                data: "ZGF0YQ==".into(),
            },
        );
        assert_eq!(sealed.copy_of.as_deref(), Some("original"));
        // A draft that is not a copy writes no link at all.
        let plain = StoredDraft::clear(&Draft::new("me", 1, 7.0, Note::default()));
        assert!(!serde_json::to_string(&plain).unwrap().contains("copyOf"));
    }

    #[test]
    fn expiry_is_measured_in_days() {
        let day = 24.0 * 60.0 * 60.0 * 1000.0;
        assert!(!is_expired(0.0, 14.0 * day, 14.0));
        assert!(is_expired(0.0, 14.0 * day + 1.0, 14.0));
        assert!(!is_expired(10.0 * day, 11.0 * day, 14.0));
    }

    #[test]
    fn id_follows_the_note() {
        let d = Draft::new(
            "scope",
            3,
            1.0,
            Note::new("n-1".into(), "dap", String::new()),
        );
        assert_eq!(
            (d.id.as_str(), d.scope.as_str(), d.revision),
            ("n-1", "scope", 3)
        );
    }
}
