//! The drafts on this device and the choices of a conflict: listing,
//! resuming and discarding drafts, and what to keep when another tab
//! changed or sent this one.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::autosave::writes_settled;
use super::{Panel, Session, ThisDraft};
use crate::domain::draft::is_expired;
use crate::domain::{Draft, FieldPath, Note};
use crate::platform::{new_uuid, now_ms, now_rfc3339};
use casenote_text::Catalog;

impl Session {
    /// Reads the drafts of this scope again for the panel.
    fn refresh_listing(&self) {
        self.listing.set(None);
        let s = *self;
        spawn_local(async move {
            // What was just typed (flushed as the panel opened) is listed.
            writes_settled(2_000).await;
            let Some(a) = s.saver() else { return };
            let mut l = a.store().list(a.scope()).await.unwrap_or_default();
            if !s.alive() {
                return;
            }
            // Past retention: about to be purged, never offered.
            let (now, days) = (now_ms(), s.cfg.with_value(|c| c.retention_days));
            l.drafts.retain(|d| !is_expired(d.updated_at, now, days));
            s.listing.set(Some(l));
            s.refresh_sent();
        });
    }

    /// Reads the notes sent from this device again for the panel.
    pub(super) fn refresh_sent(&self) {
        let s = *self;
        spawn_local(async move {
            let Some(a) = s.saver() else { return };
            let mut sent = a.store().list_sent(a.scope()).await.unwrap_or_default();
            // Past retention: about to be purged, never listed.
            let days = s.cfg.with_value(|c| c.sent_retention_days);
            let now = now_ms();
            sent.retain(|n| !is_expired(n.sent_at, now, days));
            if s.alive() {
                s.sent_notes.set(Some(sent));
            }
        });
    }

    pub fn toggle_drafts(&self) {
        if self.panels.is_open_untracked(Panel::Drafts) {
            self.panels.set(Panel::Drafts, false);
        } else {
            self.flush();
            self.refresh_listing();
            self.panels.set(Panel::Drafts, true);
            self.focus_later("#cn-drafts-title");
        }
    }

    pub fn close_drafts(&self) {
        self.panels.set(Panel::Drafts, false);
        self.focus_later(".drafts-toggle");
    }

    /// A stored draft by id: `None` when the editor went away meanwhile,
    /// `Some(None)` when there is no such readable draft.
    async fn stored_draft(self, id: String) -> Option<Option<Draft>> {
        let a = self.saver()?;
        let found = a.store().get(&id).await;
        self.alive().then(|| found.ok().flatten())
    }

    /// Opens a draft from the panel.
    pub fn resume(&self, id: String) {
        self.flush();
        let s = *self;
        spawn_local(async move {
            match s.stored_draft(id).await {
                None => {}
                Some(Some(d)) => {
                    // Words still waiting to be written (after a failed
                    // write) are newer than storage: open those.
                    let waiting = s.saver().and_then(|a| a.waiting(&d.id));
                    let note = waiting.clone().unwrap_or(d.note);
                    s.mark_restored(&note, Some(d.updated_at));
                    s.open_note(note, d.revision);
                    if let Some(newer) = waiting {
                        s.with_saver(|a| a.flush_changed(newer));
                    }
                    s.panels.set(Panel::Drafts, false);
                    s.focus_field_later(&FieldPath::Client);
                }
                Some(None) => s.notice.set(Some(s.lang.t("session-draft-not-opened"))),
            }
        });
    }

    /// Deletes a draft from the panel (the worker confirmed it), and says
    /// so: `who` is how the panel names it ("Ana Diaz", "(no client yet)").
    pub fn discard(&self, id: String, who: String) {
        let s = *self;
        spawn_local(async move {
            let Some(a) = s.saver() else { return };
            let _ = a.close(&id).await;
            if !s.alive() {
                return;
            }
            if s.form.id.get_untracked() == id {
                let note = s.new_note();
                s.mark_restored(&note, None);
                s.open_note(note, 0);
            }
            s.notice.set(Some(if who.starts_with('(') {
                s.lang.t("session-draft-discarded")
            } else {
                casenote_text::tr!(s.lang, "session-draft-discarded-for", who = who)
            }));
            s.refresh_listing();
            s.focus_later("#cn-drafts-title");
        });
    }

    /// This tab's text under a new id, saved; returns the new note.
    fn fork_note(&self) -> Note {
        let mut note = self.form.snapshot_untracked();
        note.id = new_uuid();
        note.created_at = now_rfc3339();
        // A signature covers the note's id: the copy is signed anew.
        note.signature = None;
        self.with_saver(|a| a.fork(note.clone()));
        note
    }

    /// "Keep mine as a separate draft": this tab's conflict copy becomes
    /// the draft the form edits (or, with no copy, its text is saved under
    /// a new id). The form follows its text to the new id.
    fn fork_current(&self) {
        self.this_draft.set(ThisDraft::Kept);
        self.send_error.set(None);
        let (id, created_at) = match self.saver().and_then(|a| a.keep_copy()) {
            Some(id) => (id, now_rfc3339()),
            None => {
                let note = self.fork_note();
                (note.id, note.created_at)
            }
        };
        self.form.id.set(id);
        self.form.created_at.set(created_at);
        // A signature covers the note's id: the copy is signed anew.
        self.form.signature.set(None);
    }

    /// "Load the other version".
    pub fn keep_theirs(&self) {
        let s = *self;
        let id = self.form.id.get_untracked();
        spawn_local(async move {
            match s.stored_draft(id).await {
                None => {}
                Some(Some(d)) => {
                    s.mark_restored(&d.note, None);
                    s.open_note(d.note, d.revision);
                    s.notice.set(Some(s.lang.t("session-loaded-theirs")));
                }
                Some(None) => {
                    // The other tab submitted or discarded it: keep this
                    // tab's text as a draft of its own.
                    s.notice.set(Some(s.lang.t("session-theirs-gone")));
                    s.fork_current();
                }
            }
            // The choice (and the box that held focus) is gone: say what
            // happened where focus lands.
            s.focus_later(".notice");
        });
    }

    /// "Keep mine as a separate draft".
    pub fn keep_mine(&self) {
        self.fork_current();
        self.notice.set(Some(self.lang.t("session-kept-mine")));
        self.focus_later(".notice");
    }

    /// The note went from another tab: this tab's copy is let go and a new
    /// note started.
    pub fn new_after_gone(&self) {
        self.send_error.set(None);
        let s = *self;
        spawn_local(async move {
            if let Some(a) = s.saver() {
                // The worker saw this copy and let it go.
                let _ = a.discard_copy().await;
            }
            if s.alive() {
                s.start_new();
            }
        });
    }
}
