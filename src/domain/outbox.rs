//! A finished note waiting to be delivered.

use serde::{Deserialize, Serialize};

use super::draft::Sealed;
use super::note::Note;

/// What is sent, and what comes back as a draft if the host refuses it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OutboxContent {
    pub note: Note,
    /// The exact JSON body to POST (after the host's `beforeSubmit`).
    pub body: String,
    /// `application/json`, or `application/fhir+json` for FHIR. Entries
    /// queued before FHIR existed have none: they are casenote JSON.
    #[serde(default = "default_content_type")]
    pub content_type: String,
}

fn default_content_type() -> String {
    "application/json".into()
}

/// One entry of the outbox. It stays until the host answers 2xx (or 409).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OutboxEntry {
    /// The note id: the `Idempotency-Key` on every attempt.
    pub id: String,
    pub scope: String,
    pub endpoint: String,
    /// Epoch ms.
    pub queued_at: f64,
    pub attempts: u32,
    /// Epoch ms before which no attempt is made.
    pub next_attempt_at: f64,
    /// Paused by a 401 or 403 until the host has new credentials.
    #[serde(default)]
    pub paused: bool,
    #[serde(default)]
    pub last_status: Option<u16>,
    /// casenote's own words about the last failure (never note text).
    #[serde(default)]
    pub last_message: Option<String>,
    /// The content in clear, or `None` when sealed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content: Option<OutboxContent>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sealed: Option<Sealed>,
}

impl OutboxEntry {
    pub fn new(scope: &str, endpoint: &str, now: f64, content: OutboxContent) -> Self {
        OutboxEntry {
            id: content.note.id.clone(),
            scope: scope.to_string(),
            endpoint: endpoint.to_string(),
            queued_at: now,
            attempts: 0,
            next_attempt_at: now,
            paused: false,
            last_status: None,
            last_message: None,
            content: Some(content),
            sealed: None,
        }
    }

    /// Whether an attempt may be made at `now`.
    pub fn is_due(&self, now: f64) -> bool {
        !self.paused && self.next_attempt_at <= now
    }
}

/// Whether `e` is an addendum whose original is still among `entries`: it
/// waits, so that it never reaches the host before its original (whose
/// hash the host checks it against). (The outbox is listed unsealed; an
/// entry sealed with another key cannot be sent anyway.)
fn waits_for_original(e: &OutboxEntry, entries: &[OutboxEntry]) -> bool {
    e.content
        .as_ref()
        .and_then(|c| c.note.addendum.as_ref())
        .is_some_and(|a| entries.iter().any(|o| o.id == a.to))
}

/// The entries to try at `now`, oldest first, leaving out addenda whose
/// original is still waiting. An entry being retried does not hold back
/// the ones after it, so a later note may arrive before an earlier one.
pub fn due(entries: &[OutboxEntry], now: f64) -> Vec<&OutboxEntry> {
    let mut due: Vec<&OutboxEntry> = entries
        .iter()
        .filter(|e| e.is_due(now) && !waits_for_original(e, entries))
        .collect();
    due.sort_by(|a, b| a.queued_at.total_cmp(&b.queued_at));
    due
}

/// When the next entry becomes due, if any is waiting and not paused (an
/// addendum waiting for its original becomes due only once it is sent).
pub fn next_due_at(entries: &[OutboxEntry]) -> Option<f64> {
    entries
        .iter()
        .filter(|e| !e.paused && !waits_for_original(e, entries))
        .map(|e| e.next_attempt_at)
        .min_by(f64::total_cmp)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(id: &str, queued: f64, next: f64, paused: bool) -> OutboxEntry {
        let mut note = Note::new(id.into(), "soap", String::new());
        note.client.name = "x".into();
        let mut e = OutboxEntry::new(
            "s",
            "/api/notes",
            queued,
            OutboxContent {
                note,
                body: "{}".into(),
                content_type: default_content_type(),
            },
        );
        e.next_attempt_at = next;
        e.paused = paused;
        e
    }

    #[test]
    fn due_skips_paused_and_future_entries_oldest_first() {
        let entries = vec![
            entry("b", 20.0, 0.0, false),
            entry("a", 10.0, 5.0, false),
            entry("c", 5.0, 100.0, false),
            entry("d", 1.0, 0.0, true),
        ];
        let ids: Vec<_> = due(&entries, 50.0)
            .into_iter()
            .map(|e| e.id.as_str())
            .collect();
        assert_eq!(ids, ["a", "b"]);
        assert_eq!(next_due_at(&entries), Some(0.0));
        assert_eq!(next_due_at(&entries[2..]), Some(100.0));
        assert_eq!(next_due_at(&entries[3..]), None);
    }

    /// An addendum queued with its original waits until the original has
    /// left the outbox, even when the original is being retried (it
    /// reached the receiver first, skipping the toHash check).
    #[test]
    fn an_addendum_waits_for_its_original() {
        let original = entry("orig", 10.0, 60.0, false);
        let mut addendum = entry("add", 20.0, 0.0, false);
        addendum.content.as_mut().unwrap().note.addendum = Some(crate::record::AddendumLink {
            to: "orig".into(),
            to_hash: None,
            kind: crate::record::AddendumKind::Correction,
            reason: "r".into(),
        });
        let both = vec![original, addendum];
        assert!(due(&both, 50.0).is_empty());
        assert_eq!(next_due_at(&both), Some(60.0));
        let ids: Vec<_> = due(&both, 60.0)
            .into_iter()
            .map(|e| e.id.as_str())
            .collect();
        assert_eq!(ids, ["orig"]);
        // Once the original is delivered, the addendum goes.
        let ids: Vec<_> = due(&both[1..], 50.0)
            .into_iter()
            .map(|e| e.id.as_str())
            .collect();
        assert_eq!(ids, ["add"]);
    }

    #[test]
    fn new_entry_is_due_now_and_keyed_by_the_note() {
        let e = entry("n-1", 7.0, 7.0, false);
        assert_eq!((e.id.as_str(), e.attempts), ("n-1", 0));
        assert!(e.is_due(7.0));
        assert!(!e.is_due(6.0));
    }
}
