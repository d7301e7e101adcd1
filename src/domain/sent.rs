//! The notes this device sent: when, about whom, where to, and their
//! reference (the note id, which the receiver files it under), kept on the
//! device for a retention the host sets (`sent-retention-days`), so that a
//! sent note does not simply disappear from the worker's view. Never the
//! note's text.

use serde::{Deserialize, Serialize};

use super::draft::Sealed;
use super::outbox::OutboxEntry;

/// Days a sent note is listed unless the host says otherwise.
pub const DEFAULT_SENT_RETENTION_DAYS: f64 = 30.0;

/// What the worker sees of a note sent from this device.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SentNote {
    /// The note id: its reference at the receiver.
    pub id: String,
    /// The client's name, else their id.
    pub client: String,
    pub format: String,
    pub service_date: String,
    /// Where it went: the endpoint it was delivered to.
    pub to: String,
    /// Epoch ms of delivery.
    pub sent_at: f64,
}

impl SentNote {
    /// The note of a delivered outbox `entry`, delivered at `now`; `None`
    /// when its content cannot be read here (sealed with another key).
    pub fn delivered(entry: &OutboxEntry, now: f64) -> Option<Self> {
        let note = &entry.content.as_ref()?.note;
        let client = if note.client.name.trim().is_empty() {
            note.client.id.trim()
        } else {
            note.client.name.trim()
        };
        Some(SentNote {
            id: entry.id.clone(),
            client: client.to_string(),
            format: note.format.clone(),
            service_date: note.service.date.clone(),
            to: entry.endpoint.clone(),
            sent_at: now,
        })
    }
}

/// A sent note as stored: bookkeeping in clear, the rest in clear or
/// sealed with the host's key, like a draft.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StoredSent {
    pub id: String,
    pub scope: String,
    /// The delivery time again, under the name every store's purge reads.
    pub updated_at: f64,
    /// The [`SentNote`] as JSON text, when not sealed: one JSON reader
    /// for it whether sealed or not.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sealed: Option<Sealed>,
}

/// The sent notes newest first.
pub fn newest_first(mut sent: Vec<SentNote>) -> Vec<SentNote> {
    sent.sort_by(|a, b| b.sent_at.total_cmp(&a.sent_at));
    sent
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::outbox::OutboxContent;
    use crate::Note;

    fn entry(name: &str, id: &str) -> OutboxEntry {
        let mut note = Note::new("n-1".into(), "soap", "2026-12-01T10:00:00Z".into());
        note.client.name = name.into();
        note.client.id = id.into();
        note.service.date = "2026-12-01".into();
        note.section_mut("subjective").text = "Words nobody else should keep".into();
        OutboxEntry::new(
            "default",
            "https://agency.example/api/notes",
            1.0,
            OutboxContent {
                note,
                body: "{}".into(),
                content_type: "application/json".into(),
            },
        )
    }

    #[test]
    fn a_delivered_note_is_listed_by_when_whom_where_and_reference_never_its_text() {
        let s = SentNote::delivered(&entry(" Ana ", "C-1"), 5.0).unwrap();
        assert_eq!(
            s,
            SentNote {
                id: "n-1".into(),
                client: "Ana".into(),
                format: "soap".into(),
                service_date: "2026-12-01".into(),
                to: "https://agency.example/api/notes".into(),
                sent_at: 5.0,
            }
        );
        assert!(!serde_json::to_string(&s).unwrap().contains("Words"));
        assert_eq!(
            SentNote::delivered(&entry("", "C-1"), 5.0).unwrap().client,
            "C-1"
        );
        let mut sealed = entry("Ana", "");
        sealed.content = None;
        assert_eq!(SentNote::delivered(&sealed, 5.0), None);
    }

    #[test]
    fn newest_first_orders_by_delivery() {
        let at = |t: f64| SentNote {
            sent_at: t,
            ..SentNote::delivered(&entry("Ana", ""), t).unwrap()
        };
        let got: Vec<f64> = newest_first(vec![at(1.0), at(3.0), at(2.0)])
            .into_iter()
            .map(|s| s.sent_at)
            .collect();
        assert_eq!(got, [3.0, 2.0, 1.0]);
    }
}
