//! A draft as it is kept on the device: the note plus bookkeeping.

use serde::{Deserialize, Serialize};

use super::note::Note;

/// One stored draft. `id` equals `note.id`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Draft {
    pub id: String,
    /// Partition: the host's signed-in user (`draft-scope` attribute).
    pub scope: String,
    /// Increases with every save of this draft.
    pub revision: u32,
    /// Epoch milliseconds of the last save.
    pub updated_at: f64,
    pub note: Note,
}

impl Draft {
    pub fn new(scope: &str, revision: u32, updated_at: f64, note: Note) -> Self {
        Draft {
            id: note.id.clone(),
            scope: scope.to_string(),
            revision,
            updated_at,
            note,
        }
    }
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
