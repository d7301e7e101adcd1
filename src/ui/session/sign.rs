//! Signing, and the note as text: review and sign, print, copy, preview.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::Session;
use crate::domain::record::Signature;
use crate::domain::render::plain_text;
use crate::platform::{now_rfc3339, window};

impl Session {
    /// Opens the review-and-sign panel, once the note passes its checks
    /// and the page has said who the worker is.
    pub fn review_and_sign(&self) {
        if self.blocked_by_conflict() {
            return;
        }
        let note = self.form.snapshot_untracked();
        if !self.passes_checks(&note) {
            return;
        }
        if note.author.id.trim().is_empty() && note.author.name.trim().is_empty() {
            self.show_send_error(
                "This page has not told casenote who you are (its author-id and author-name attributes are empty), so the note cannot be signed. You can still submit it unsigned.".into(),
            );
            return;
        }
        self.attested.set(false);
        self.sign_open.set(true);
        self.focus_later("#cn-sign-title");
    }

    /// Signs the note over its content hash: it is locked from now on.
    pub fn sign(&self) {
        let note = self.form.snapshot_untracked();
        if !self.check_note(&note).is_empty() || !self.attested.get_untracked() {
            return;
        }
        let mut payload = self.payload(&note);
        payload.signature = None;
        let attestation = self.cfg.with_value(|c| c.attestation.clone());
        self.form.signature.set(Some(
            Signature {
                signer_id: note.author.id.clone(),
                signer_name: note.author.name.clone(),
                signed_at: now_rfc3339(),
                attestation,
                content_hash: payload.computed_hash(),
                signature_hash: None,
            }
            .sealed(),
        ));
        self.sign_open.set(false);
        self.focus_later(".signed");
    }

    pub fn close_sign_panel(&self) {
        self.sign_open.set(false);
        self.focus_later("button[part=sign]");
    }

    /// The note on screen as it will be recorded, in plain text (tracked:
    /// the preview follows the form).
    pub fn preview_text(&self) -> String {
        let note = self.form.snapshot();
        plain_text(&self.payload(&note))
    }

    pub fn print(&self) {
        let _ = window().print();
    }

    /// Copies the note as plain text, and says whether that worked.
    pub fn copy_text(&self) {
        let note = self.form.snapshot_untracked();
        let text = plain_text(&self.payload(&note));
        let clipboard = window().navigator().clipboard();
        let copied = self.copied;
        spawn_local(async move {
            let done = wasm_bindgen_futures::JsFuture::from(clipboard.write_text(&text)).await;
            copied.set(Some(if done.is_ok() {
                "Copied the note as text.".into()
            } else {
                "This browser did not allow copying. Use the preview and copy from there.".into()
            }));
        });
    }
}
