//! Signing, and the note as text: review and sign, print, copy, preview.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::{Panel, Session};
use crate::domain::field_path::SignerPart;
use crate::domain::record::Signature;
use crate::domain::{FieldPath, FieldProblem, Person, Problem};
use crate::platform::{now_rfc3339, window};
use crate::storage::settings;
use crate::text::render::plain_text;
use crate::ui::config::SignerEntry;
use crate::ui::views::print::plain_text_part;
use casenote_text::tr;
use casenote_text::Catalog;

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
        if !self.asks_signer() && is_nobody(&note.author) {
            self.show_send_error(self.lang.t("session-signer-unknown"));
            return;
        }
        self.attested.set(false);
        self.ask_unsigned.set(false);
        self.panels.set(Panel::Signing, true);
        self.focus_later("#cn-sign-title");
    }

    /// Whether the worker enters who signs: the page does not say, and
    /// lets them (`signer-entry="worker"`).
    pub fn asks_signer(&self) -> bool {
        let worker = self.cfg.with_value(|c| c.signer == SignerEntry::Worker);
        worker && self.form.author.with(is_nobody)
    }

    /// Signs the note over its content hash: it is locked from now on.
    pub fn sign(&self) {
        let mut note = self.form.snapshot_untracked();
        if !self.check_note(&note).is_empty() || !self.attested.get_untracked() {
            return;
        }
        if self.asks_signer() {
            let who = self.signer.get_untracked();
            let who = Person {
                id: who.id.trim().to_string(),
                name: who.name.trim().to_string(),
            };
            if who.name.is_empty() {
                let name = FieldPath::Signer(SignerPart::Name);
                self.errors
                    .set(vec![FieldProblem::new(name.clone(), Problem::Missing)]);
                self.focus_field_later(&name);
                return;
            }
            self.errors.set(Vec::new());
            settings::remember_signer(&who);
            // The one who signs is the note's author.
            self.form.author.set(who.clone());
            note.author = who;
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
        self.panels.set(Panel::Signing, false);
        self.focus_later(".signed");
    }

    pub fn close_sign_panel(&self) {
        self.panels.set(Panel::Signing, false);
        self.focus_later("button[part=sign]");
    }

    /// The note on screen as it will be recorded, in plain text (tracked:
    /// the preview follows the form).
    pub fn preview_text(&self) -> String {
        let note = self.form.snapshot();
        plain_text(&self.payload(&note), self.lang)
    }

    pub fn print(&self) {
        let _ = window().print();
    }

    /// Copies the note as plain text, and says whether that worked.
    pub fn copy_text(&self) {
        let note = self.form.snapshot_untracked();
        let payload = self.payload(&note);
        let clipboard = window().navigator().clipboard();
        let (copied, lang) = (self.copied, self.lang);
        spawn_local(async move {
            let Ok(text) = plain_text_part(payload, lang).await else {
                copied.set(Some(tr!(lang, "part-failed", part = lang.t("part-record"))));
                return;
            };
            let done = wasm_bindgen_futures::JsFuture::from(clipboard.write_text(&text)).await;
            copied.set(Some(if done.is_ok() {
                lang.t("session-copied")
            } else {
                lang.t("session-copy-refused")
            }));
        });
    }
}

/// A person the page gave no name or id for.
fn is_nobody(p: &Person) -> bool {
    p.id.trim().is_empty() && p.name.trim().is_empty()
}
