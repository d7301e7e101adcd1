//! What the outbox reports: this editor's indicator and confirmation
//! updated, the host told by events, and a refused note brought back as a
//! draft with the server's reasons on its fields.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsValue;

use super::{OutboxFlow, Panel, SentState, Session};
use crate::delivery::outbox::OutboxEvent;
use crate::delivery::HostError;
use crate::domain::outbox::OutboxContent;
use crate::domain::FieldProblem;
use crate::platform::{object, window};
use casenote_text::words::Words;
use casenote_text::Catalog;

/// A note the server refused, as the outbox reported it.
struct Refusal {
    id: String,
    status: u16,
    message: String,
    errors: Vec<HostError>,
    content: OutboxContent,
}

impl Session {
    fn is_current(&self, id: &str) -> bool {
        self.sent
            .with_untracked(|s| s.as_ref().is_some_and(|s| s.id == id))
    }

    fn set_sent_state(&self, state: SentState) {
        self.sent.update(|s| {
            if let Some(s) = s {
                s.state = state;
            }
        })
    }

    fn emit_failed(&self, id: &str, status: JsValue, retryable: bool) {
        let detail = object(&[
            ("noteId", id.into()),
            ("status", status),
            ("retryable", retryable.into()),
            ("queued", retryable.into()),
        ]);
        self.emit("casenote-submit-failed", &detail);
    }

    pub(super) fn on_outbox_event(&self, ev: OutboxEvent) {
        match ev {
            OutboxEvent::Waiting(entries) => self.waiting.set(entries),
            OutboxEvent::Delivered { id, status, body } => {
                // Any tab may deliver a note the outbox holds: the tab
                // that shows it as sending hears it from this one.
                self.tell_tabs_delivered(&id, status, &body);
                self.delivered(&id, status, &body);
            }
            OutboxEvent::Retrying {
                id,
                status,
                message,
                next_attempt_at,
            } => {
                let status = status.map(JsValue::from).unwrap_or(JsValue::NULL);
                self.emit_failed(&id, status, true);
                if self.is_current(&id) {
                    let offline = !window().navigator().on_line();
                    self.set_sent_state(if offline {
                        SentState::Offline
                    } else {
                        SentState::Waiting {
                            message,
                            next_attempt_at: Some(next_attempt_at),
                        }
                    });
                }
            }
            OutboxEvent::AuthRequired {
                id,
                status,
                message,
            } => {
                self.outbox_flow.set(OutboxFlow::AwaitingSignIn);
                let detail = object(&[("noteId", id.as_str().into()), ("status", status.into())]);
                self.emit("casenote-auth-required", &detail);
                self.emit_failed(&id, status.into(), true);
                if self.is_current(&id) {
                    self.set_sent_state(SentState::AuthRequired { message });
                }
            }
            OutboxEvent::Rejected {
                id,
                status,
                message,
                errors,
                content,
            } => {
                self.emit_failed(&id, status.into(), false);
                if let Some(content) = content {
                    self.refused(Refusal {
                        id,
                        status,
                        message,
                        errors,
                        content: *content,
                    });
                }
            }
        }
    }

    /// Note `id` was delivered (by this tab's outbox or another's): the
    /// host hears it, and the note's confirmation, if this tab shows it,
    /// says so.
    fn delivered(&self, id: &str, status: u16, body: &str) {
        let body = js_sys::JSON::parse(body).unwrap_or_else(|_| body.into());
        let detail = object(&[
            ("noteId", id.into()),
            ("status", status.into()),
            ("body", body),
        ]);
        self.emit("casenote-submitted", &detail);
        if self.panels.is_open_untracked(Panel::Drafts) {
            self.refresh_sent();
        }
        if self.is_current(id) {
            self.set_sent_state(SentState::Delivered);
        } else {
            self.tell_sent_later(id);
        }
    }

    /// Another tab's outbox delivered note `id`: said here only where this
    /// tab shows that note as not yet sent (it was submitted here).
    pub(super) fn delivered_elsewhere(&self, id: &str, status: u16, body: &str) {
        let delivered = self
            .sent
            .with_untracked(|s| s.as_ref().is_some_and(|s| s.state == SentState::Delivered));
        if self.is_current(id) && !delivered {
            self.delivered(id, status, body);
        }
    }

    /// A note queued earlier (on this page or a past one) was delivered
    /// while another is on screen: the worker is told, not left to guess.
    fn tell_sent_later(&self, id: &str) {
        let client = self.waiting.with_untracked(|w| {
            w.iter()
                .find(|e| e.id == id)
                .and_then(|e| e.content.as_ref())
                .map(|c| c.note.client.name.trim().to_string())
        });
        let text = match client.as_deref() {
            Some("") | None => self.lang.t("session-sent-later"),
            Some(name) => casenote_text::tr!(self.lang, "session-sent-later-for", name = name),
        };
        self.announce.set(text.clone());
        self.notice.set(Some(text));
    }

    /// The refused note comes back as a draft, never lost: on screen with
    /// the server's reasons when it is the note shown, else in the drafts
    /// with a notice that says so.
    fn refused(&self, r: Refusal) {
        let mut note = r.content.note;
        // A refused signed note must be editable again: it is signed anew
        // after the fix.
        note.signature = None;
        let keys: Vec<String> = self
            .template_of(&note.format)
            .sections
            .into_iter()
            .map(|s| s.key)
            .collect();
        let (mapped, elsewhere): (Vec<FieldProblem>, Vec<FieldProblem>) = r
            .errors
            .iter()
            .map(|e| e.about(&keys))
            .partition(|e| e.field.on_screen());
        // Problems with no field on screen are said in words.
        let unmapped: Vec<String> = elsewhere
            .iter()
            .map(|e| format!("{} {}", e.field, e.words(self.lang)))
            .collect();
        let Some(a) = self.saver() else { return };
        if self.is_current(&r.id) {
            self.form.load(&note);
            // The outbox already wrote it back as a draft, unsigned
            // (revision 1, or one past another tab's draft of it).
            a.adopt(note, 1);
            let id = r.id.clone();
            spawn_local(async move {
                // Adopt the revision the outbox actually wrote.
                if let Ok(Some(d)) = a.store().get(&id).await {
                    a.adopt(d.note, d.revision);
                    a.saved_at(d.updated_at);
                }
            });
            self.sent.set(None);
            let message = if unmapped.is_empty() {
                r.message
            } else {
                casenote_text::tr!(
                    self.lang,
                    "session-refused-here",
                    status = r.status.to_string(),
                    problems = unmapped.join("; ")
                )
            };
            // Focus the list of problems, or the message when the server
            // named no field.
            let target = if mapped.is_empty() {
                ".send-error"
            } else {
                ".error-summary"
            };
            self.errors.set(mapped);
            // The server's reasons stay until the worker submits again.
            self.recheck.set(false);
            self.send_error.set(Some(message));
            self.focus_later(target);
        } else {
            // Not the note on screen: the form's error list would belong
            // to another note, so the worker is told where it is and how
            // to see what to change.
            let lang = self.lang;
            let status = r.status.to_string();
            let refused = match note.client.name.trim() {
                "" => casenote_text::tr!(lang, "session-refused-elsewhere", status = status),
                name => casenote_text::tr!(
                    lang,
                    "session-refused-elsewhere-for",
                    name = name,
                    status = status
                ),
            };
            let why = if !unmapped.is_empty() {
                Some(casenote_text::tr!(
                    lang,
                    "session-refused-said",
                    problems = unmapped.join("; ")
                ))
            } else if mapped.is_empty() {
                Some(r.message)
            } else {
                None
            };
            let back = lang.t("session-refused-back");
            let text = [Some(refused), why, Some(back)]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" ");
            // Said, too: focus is on the worker's other note.
            self.announce.set(text.clone());
            self.notice.set(Some(text));
        }
    }
}
