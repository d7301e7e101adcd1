//! Submitting: the note checked, its body built, the host's beforeSubmit
//! hook asked, the note committed to the outbox before its draft goes, and
//! the outbox woken. A submitted note is never only in memory.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::autosave::Busy;
use super::host::{before_submit, resolve_endpoint, HookResult};
use super::{Sending, Sent, SentState, Session, ThisDraft};
use crate::domain::outbox::{OutboxContent, OutboxEntry};
use crate::domain::signing::SendStep;
use crate::domain::Note;
use crate::domain::PayloadV1;
use crate::platform::{now_ms, window};
use crate::text::body::{Body, PayloadFormat};
use casenote_text::tr;
use casenote_text::Catalog;

impl Session {
    /// The form's submit: checks, then, as the signing policy says, opens
    /// review and sign, asks whether to send unsigned, or sends in the
    /// background.
    pub fn submit(&self) {
        self.submit_with(false);
    }

    /// Sends the note unsigned: the worker confirmed it once.
    pub fn send_unsigned(&self) {
        self.submit_with(true);
    }

    /// Closes the question whether to send unsigned, sending nothing.
    pub fn keep_editing(&self) {
        self.ask_unsigned.set(false);
        self.focus_later("button[part=send-unsigned]");
    }

    fn submit_with(&self, confirmed_unsigned: bool) {
        if (self.sending.get_untracked() == Sending::InFlight) || self.blocked_by_conflict() {
            return;
        }
        let note = self.form.snapshot_untracked();
        if !self.passes_checks(&note) {
            // A signed note that no longer passes (it became a late entry
            // under this page's threshold) is unlocked to be fixed and
            // signed again.
            self.form.signature.set(None);
            self.ask_unsigned.set(false);
            return;
        }
        let policy = self.cfg.with_value(|c| c.signing());
        match policy.on_send(note.signature.is_some(), confirmed_unsigned) {
            SendStep::Send => self.ask_unsigned.set(false),
            SendStep::Sign => return self.review_and_sign(),
            SendStep::AskUnsigned => {
                self.ask_unsigned.set(true);
                self.focus_later("#cn-unsigned-title");
                return;
            }
        }
        if !self.key_usable {
            self.show_send_error(self.lang.t("session-key-unusable"));
            return;
        }
        let endpoint = self.cfg.with_value(|c| c.endpoint.trim().to_string());
        if endpoint.is_empty() {
            self.show_send_error(self.lang.t("session-no-endpoint"));
            return;
        }
        let payload = self.payload(&note);
        if let Some(sig) = &note.signature {
            // The payload's own hash leaves the signature out.
            if payload.content_hash != sig.content_hash {
                // Sent as it is, the note would carry a signature that does
                // not match it (the page's settings for it changed).
                self.form.signature.set(None);
                self.show_send_error(self.lang.t("session-signature-stale"));
                return;
            }
        }
        self.flush();
        let format = self.cfg.with_value(|c| c.payload.clone());
        self.sending.set(Sending::InFlight);
        let busy = Busy::new();
        let s = *self;
        spawn_local(async move {
            let _busy = busy;
            // FHIR is a part (`part.rs`), loaded where a host sends it.
            let body = match format {
                PayloadFormat::Json => PayloadFormat::json(&payload),
                fhir => {
                    let (client, author) = (note.client.id.clone(), note.author.id.clone());
                    match fhir_body_part(fhir, payload, client, author).await {
                        Ok(body) => body,
                        Err(_) => {
                            let lang = s.lang;
                            s.show_send_error(tr!(lang, "part-failed", part = lang.t("part-fhir")));
                            s.sending.set(Sending::Idle);
                            return;
                        }
                    }
                }
            };
            s.send(note, body, endpoint).await;
        });
    }

    async fn send(self, note: Note, body: Body, endpoint: String) {
        // Held from here on, so that a note the worker submitted is queued
        // even if the page removes the editor while its beforeSubmit hook
        // runs.
        let (Some(a), Some(ob)) = (self.saver(), self.outbox()) else {
            self.sending.set(Sending::Idle);
            return;
        };
        // A draft this editor stored and that is gone was submitted or
        // discarded in another tab or window: sent again from here it could
        // be recorded twice, or refused as a different note under the same
        // id. The worker chooses, as in a conflict.
        if a.was_stored(&note.id) && matches!(a.store().get(&note.id).await, Ok(None)) {
            if !self.alive() {
                return;
            }
            self.this_draft.set(ThisDraft::GoneElsewhere);
            a.divert_to_copy();
            self.sending.set(Sending::Idle);
            self.send_error
                .set(Some(self.lang.t("session-already-sent-elsewhere")));
            self.focus_later(".conflict");
            return;
        }
        let host = self.controls.try_with_value(|c| c.host.clone()).flatten();
        let text = match before_submit(host.as_ref(), &body.text, self.lang).await {
            HookResult::Send(text) => text,
            // Not sent: the note stays a draft (it was flushed above).
            HookResult::Cancelled if self.alive() => {
                self.show_send_error(self.lang.t("session-send-stopped"));
                self.sending.set(Sending::Idle);
                return;
            }
            HookResult::Failed(message) if self.alive() => {
                self.show_send_error(message);
                self.sending.set(Sending::Idle);
                return;
            }
            HookResult::Cancelled | HookResult::Failed(_) => return,
        };
        let entry = OutboxEntry::new(
            a.scope(),
            &resolve_endpoint(&endpoint),
            now_ms(),
            OutboxContent {
                note: note.clone(),
                body: text,
                content_type: body.content_type.to_string(),
            },
        );
        // The note is in the outbox (committed) before its draft goes.
        if a.store().put_outbox(&entry).await.is_err() {
            if !self.alive() {
                return;
            }
            self.show_send_error(self.lang.t("session-outbox-write-failed"));
            self.sending.set(Sending::Idle);
            return;
        }
        let _ = a.close(&note.id).await;
        if !self.alive() {
            ob.kick();
            return;
        }
        let online = window().navigator().on_line();
        self.mark_restored(&note, None);
        self.sent.set(Some(Sent {
            id: note.id.clone(),
            format_name: self.template_of(&note.format).name,
            client: note.client.name.clone(),
            state: if online {
                SentState::Sending
            } else {
                SentState::Offline
            },
        }));
        self.sending.set(Sending::Idle);
        ob.kick();
        self.focus_later(".confirmation");
    }
}

crate::ui::part::part!(
    fhir,
    fn fhir_body_part(
        format: PayloadFormat,
        payload: PayloadV1,
        client_id: String,
        author_id: String,
    ) -> Body {
        format.body(&payload, &client_id, &author_id)
    }
);
