//! Opening storage when the editor mounts: expired drafts skipped and
//! purged, the latest draft of this client restored (or a new note
//! started), autosave and the outbox set going. And switching the form to
//! another note later.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::autosave::Autosave;
use super::host::send_options;
use super::{Panel, Phase, Session, ThisDraft};
use crate::delivery::outbox::Outbox;
use crate::domain::draft::{is_expired, latest};
use crate::domain::setup::NoteSetup;
use crate::domain::{FieldPath, Note};
use crate::platform::{new_uuid, now_ms, now_rfc3339, object};
use crate::storage::DraftStore;
use crate::text::body::PayloadFormat;
use casenote_text::{tr, Catalog};

impl Session {
    /// A new, empty note as the host configures it.
    pub(super) fn new_note(&self) -> Note {
        let offered = self.offered();
        self.cfg
            .try_with_value(|c| c.note.new_note(&offered, new_uuid(), now_rfc3339()))
            .unwrap_or_else(|| NoteSetup::default().new_note(&offered, new_uuid(), now_rfc3339()))
    }

    /// Switches the form to `note` (stored at `revision`).
    pub(super) fn open_note(&self, note: Note, revision: u32) {
        self.this_draft.set(ThisDraft::Kept);
        self.form.load(&note);
        self.with_saver(|s| s.adopt(note, revision));
        self.errors.set(Vec::new());
        self.recheck.set(false);
        self.send_error.set(None);
        self.sent.set(None);
    }

    /// "Write another note", or a new note from the drafts panel.
    pub fn start_new(&self) {
        self.flush();
        self.notice.set(None);
        self.copied.set(None);
        let note = self.new_note();
        self.mark_restored(&note, None);
        self.open_note(note, 0);
        self.panels.set(Panel::Drafts, false);
        self.focus_field_later(&FieldPath::Client);
    }

    /// Opens storage, purges expired drafts, restores the latest one or
    /// starts a new note, and starts the outbox.
    pub(super) fn restore(self) {
        let s = self;
        spawn_local(async move {
            let Some(mut c) = s.cfg.try_get_value() else {
                return;
            };
            // Revision mode: the returned note, read before the drafts.
            if let Some(text) = c.returned_text.clone() {
                let refused = match super::returned::read_returned(text, s.lang).await {
                    Ok(Ok(returned)) => {
                        c.note.returned = Some(returned.clone());
                        s.cfg.update_value(|c| c.note.returned = Some(returned));
                        None
                    }
                    Ok(Err(why)) => Some(why),
                    Err(_) => Some(tr!(s.lang, "part-failed", part = s.lang.t("part-returned"))),
                };
                if let Some(why) = refused {
                    s.notice.update(|n| {
                        *n = Some(match n.take() {
                            Some(before) => format!("{before} {why}"),
                            None => why,
                        })
                    });
                }
            }
            let opened = DraftStore::open(c.key.key()).await;
            let storage_notice = opened.notice(s.lang);
            let store = opened.store;
            // Expired drafts are skipped now and deleted once the form is up.
            let housekeeping = store.clone();
            let started = now_ms();
            let listing = match store.list(&c.draft_scope).await {
                Ok(l) => l,
                Err(_) => {
                    s.notice.set(Some(s.lang.t("session-drafts-unreadable")));
                    Default::default()
                }
            };
            if !s.alive() {
                // Removed while storage was opening: nothing to show.
                return;
            }
            s.notice.update(|n| {
                if n.is_none() {
                    *n = storage_notice;
                }
            });
            // A draft of this client, and of the same kind: an addendum to
            // the same original in addendum mode, a revision of the same
            // returned note in revision mode, a plain note otherwise.
            let for_client = listing
                .drafts
                .into_iter()
                .filter(|d| !is_expired(d.updated_at, started, c.retention_days))
                .filter(|d| c.note.client.id.is_empty() || d.note.client.id == c.note.client.id)
                .filter(|d| match (&c.note.addendum, &d.note.addendum) {
                    (Some(target), Some(a)) => a.to == target.to,
                    (None, None) => true,
                    _ => false,
                })
                .filter(|d| match (&c.note.returned, &d.note.revises) {
                    (Some(r), Some(link)) => link.to == r.note.id,
                    (None, None) => true,
                    _ => false,
                });
            let autosave = Autosave::new(store, c.draft_scope.clone(), s.save_state);
            autosave.on_saved(move |id, revision| s.tell_saved(id, revision));
            // The worker's own draft before a conflict copy left behind
            // (which the Drafts panel lists); a copy only when it is all
            // there is.
            let (copies, own): (Vec<_>, Vec<_>) = for_client.partition(|d| d.copy_of.is_some());
            match latest(own).or_else(|| latest(copies)) {
                Some(d) => {
                    // What the host says now (who is signed in, which
                    // original an addendum is for) wins over what the draft
                    // remembered.
                    let mut note = d.note.clone();
                    c.note.apply_to(&mut note);
                    s.form.load(&note);
                    s.mark_restored(&note, Some(d.updated_at));
                    let sealing = autosave.store().is_sealing();
                    autosave.adopt(d.note, d.revision);
                    if sealing && s.key_usable {
                        // It may have been written in clear before the key
                        // came: write it again, sealed.
                        autosave.flush_changed(note);
                    }
                }
                None => {
                    let n = s.new_note();
                    s.form.load(&n);
                    autosave.adopt(n, 0);
                }
            }
            let ob = Outbox::new(
                autosave.store().clone(),
                c.draft_scope.clone(),
                s.lang,
                move || {
                    s.controls
                        .try_with_value(|c| send_options(c.host.as_ref()))
                        .unwrap_or_else(|| send_options(None))
                },
                move |ev| {
                    if s.alive() {
                        s.on_outbox_event(ev);
                    }
                },
            );
            s.saver.set_value(Some(autosave));
            s.controls.try_with_value(|c| c.set_ready());
            let kick = ob.clone();
            s.outbox.set_value(Some(ob));
            s.phase.set(Phase::Ready);
            let fhir = s.cfg.with_value(|c| c.payload != PayloadFormat::Json);
            crate::ui::part::preload_parts(fhir);
            if s.key_usable {
                // Records written in clear before the host gave its key are
                // sealed now, before the outbox starts sending. The drafts
                // are read again only when the listing found some in clear.
                if listing.in_clear > 0 {
                    let _ = housekeeping.seal_clear_drafts(&c.draft_scope).await;
                }
                let _ = housekeeping.seal_clear_outbox(&c.draft_scope).await;
                let _ = housekeeping.seal_clear_sent(&c.draft_scope).await;
            }
            kick.start();
            let _ = housekeeping
                .purge(&c.draft_scope, started, Some(c.retention_days))
                .await;
            let _ = housekeeping
                .purge_sent(&c.draft_scope, started, Some(c.sent_retention_days))
                .await;
        });
    }

    /// A draft was written: the host hears of it, and so do other tabs.
    fn tell_saved(&self, id: &str, revision: u32) {
        let detail = object(&[
            ("draftId", id.into()),
            ("revision", revision.into()),
            ("savedAt", now_rfc3339().into()),
        ]);
        self.emit("casenote-draft-saved", &detail);
        self.tell_other_tabs(id, revision);
    }
}
