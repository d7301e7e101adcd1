//! The session and the page around it: every edit saved at once, saving
//! announced once it settles, the draft written when the page hides or
//! closes, other tabs' writes heard over a BroadcastChannel, the outbox
//! told when the network goes and comes back, and the controls the embedding
//! calls (`flush`, `retry`, `submit`, `purge`).

use std::rc::Rc;

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use super::autosave::SaveState;
use super::{OutboxFlow, Panel, SentState, Session};
use crate::domain::Note;
use crate::platform::{local_hh_mm, now_ms, object, set_timeout, window, Listener};
use casenote_text::Catalog;

/// The BroadcastChannel every casenote tab of this origin shares.
pub const CHANNEL: &str = "casenote-drafts";

impl Session {
    /// Every edit starts a save at once (coalesced by Autosave), and the
    /// live region speaks once saving settles, not on every keystroke.
    pub(super) fn watch_edits(self) {
        let s = self;
        Effect::new(move |_| {
            let note = s.form.snapshot();
            s.after_edit(&note);
            if !s.may_save() {
                return;
            }
            // A note nobody has written in (a format picked, say) is not
            // kept as a draft until something is written.
            let untouched = s.cfg.with_value(|c| c.note.is_untouched(&note));
            s.with_saver(|a| {
                if !untouched || a.was_stored(&note.id) {
                    a.save(note);
                }
            });
        });
        let generation = StoredValue::new(0u64);
        Effect::new(move |_| {
            let state = s.save_state.get();
            generation.update_value(|g| *g += 1);
            let mine = generation.get_value();
            let text = match state {
                SaveState::Saved(ms) => {
                    casenote_text::tr!(s.lang, "session-saved-at", time = local_hh_mm(ms, s.lang))
                }
                SaveState::Failed(_) | SaveState::CopyFailed(_) => s.lang.t("session-not-saved"),
                SaveState::SavedAsCopy(ms) => {
                    casenote_text::tr!(
                        s.lang,
                        "session-saved-as-copy",
                        time = local_hh_mm(ms, s.lang)
                    )
                }
                SaveState::Idle | SaveState::Saving | SaveState::Conflict => return,
            };
            set_timeout(1_200, move || {
                if generation.try_get_value() == Some(mine) {
                    s.announce.set(text);
                }
            });
        });
    }

    /// What an edit makes stale: the "restored" notice once the restored
    /// note changes, and the errors of the last check once they are fixed.
    fn after_edit(&self, note: &Note) {
        let restored = self
            .restored_note
            .with_value(|r| r.as_ref().map(|r| r != note));
        if restored == Some(true) {
            self.mark_restored(note, None);
        }
        if self.recheck.get_untracked() {
            let problems = self.check_note(note);
            self.errors.set(problems);
        }
    }

    /// Tells other tabs that this tab wrote `id` at `revision`.
    pub(super) fn tell_other_tabs(&self, id: &str, revision: u32) {
        self.tell_tabs(&[("id", id.into()), ("revision", revision.into())]);
    }

    /// Tells other tabs that this tab's outbox delivered note `id` (the
    /// tab that submitted it may be showing it as still sending).
    pub(super) fn tell_tabs_delivered(&self, id: &str, status: u16, body: &str) {
        self.tell_tabs(&[
            ("delivered", id.into()),
            ("status", status.into()),
            ("body", body.into()),
        ]);
    }

    /// Posts a message with this tab's id to the other tabs.
    fn tell_tabs(&self, pairs: &[(&str, wasm_bindgen::JsValue)]) {
        // A write may finish after the editor was removed.
        let Some(tab) = self.tab_id.try_get_value() else {
            return;
        };
        let mut pairs = pairs.to_vec();
        pairs.push(("tab", tab.as_str().into()));
        let msg = object(&pairs);
        self.channel.try_with_value(|ch| {
            if let Some(ch) = ch {
                let _ = ch.post_message(&msg);
            }
        });
    }

    /// Listens to the page and to other tabs for as long as the editor is
    /// mounted.
    pub(super) fn listen(self) {
        let s = self;
        let w = window();
        // Leaving (the page closed, the editor removed or re-mounted): even
        // mid-conflict, this tab's text is already stored, in its copy.
        let mut listeners = vec![
            Listener::new(w.as_ref(), "pagehide", move |_| s.flush()),
            Listener::new(
                w.document().expect("document").as_ref(),
                "visibilitychange",
                move |_| {
                    if window().document().is_some_and(|d| d.hidden()) {
                        s.flush();
                    }
                },
            ),
            Listener::new(w.as_ref(), "beforeunload", move |ev| {
                let unsaved = s.saver().is_some_and(|a| a.has_unsaved());
                if unsaved {
                    ev.prevent_default();
                    if let Some(ev) = ev.dyn_ref::<web_sys::BeforeUnloadEvent>() {
                        ev.set_return_value("");
                    }
                }
            }),
            Listener::new(w.as_ref(), "online", move |_| s.back_online()),
            Listener::new(w.as_ref(), "offline", move |_| {
                s.online.set(false);
                if let Some(ob) = s.outbox() {
                    ob.offline();
                }
            }),
        ];
        let channel_listener = s.channel.with_value(|ch| {
            ch.as_ref()
                .map(|ch| Listener::new(ch.as_ref(), "message", move |ev| s.heard_from_tab(&ev)))
        });
        listeners.extend(channel_listener);
        let _listeners = StoredValue::new_local(listeners);
        on_cleanup(move || {
            if let Some(ob) = s.outbox() {
                ob.stop();
            }
            s.channel.try_with_value(|ch| {
                if let Some(ch) = ch {
                    ch.close();
                }
            });
        });
    }

    /// Another tab wrote a draft: if it is this one, autosave knows it
    /// is no longer the newest. Or it delivered a note this tab submitted.
    fn heard_from_tab(&self, ev: &web_sys::Event) {
        let Some(ev) = ev.dyn_ref::<web_sys::MessageEvent>() else {
            return;
        };
        let data = ev.data();
        let get = |k: &str| js_sys::Reflect::get(&data, &k.into()).ok();
        if let Some(id) = get("delivered").and_then(|v| v.as_string()) {
            let status = get("status").and_then(|v| v.as_f64()).unwrap_or(200.0) as u16;
            let body = get("body").and_then(|v| v.as_string()).unwrap_or_default();
            self.delivered_elsewhere(&id, status, &body);
            return;
        }
        let from = get("tab").and_then(|v| v.as_string()).unwrap_or_default();
        let id = get("id").and_then(|v| v.as_string()).unwrap_or_default();
        let revision = get("revision").and_then(|v| v.as_f64()).unwrap_or(0.0) as u32;
        if self.tab_id.try_get_value().is_some_and(|tab| tab != from) {
            self.with_saver(|a| a.remote_saved(&id, revision));
        }
    }

    fn back_online(&self) {
        self.online.set(true);
        self.sent.update(|sent| {
            if let Some(sent) = sent {
                if sent.state == SentState::Offline {
                    sent.state = SentState::Sending;
                }
            }
        });
        if let Some(ob) = self.outbox() {
            ob.online();
        }
    }

    /// Resumes a paused outbox and tries every waiting note now.
    pub fn retry_all(&self) {
        self.outbox_flow.set(OutboxFlow::Sending);
        self.sent.update(|sent| {
            if let Some(sent) = sent {
                if matches!(
                    sent.state,
                    SentState::AuthRequired { .. } | SentState::Waiting { .. }
                ) {
                    sent.state = SentState::Sending;
                }
            }
        });
        if let Some(ob) = self.outbox() {
            ob.retry_now();
        }
    }

    /// Deletes every draft of this scope (the host's `purge()`, at
    /// logout), then starts a new note.
    async fn purge(self) -> Result<JsValue, JsValue> {
        let Some(a) = self.saver() else {
            return Ok(JsValue::UNDEFINED);
        };
        let current = self.form.id.get_untracked();
        // Nothing waiting or running may land after the purge.
        a.reset();
        let _ = a.close(&current).await;
        let purged = match a.store().purge(a.scope(), now_ms(), None).await {
            // The list of sent notes names clients: it goes too.
            Ok(_) => a
                .store()
                .purge_sent(a.scope(), now_ms(), None)
                .await
                .map(|_| ()),
            Err(e) => Err(e),
        };
        if let Err(e) = purged {
            return Err(
                js_sys::Error::new(&format!("casenote could not purge drafts: {e}")).into(),
            );
        }
        if !self.alive() {
            return Ok(JsValue::UNDEFINED);
        }
        let n = self.new_note();
        self.form.load(&n);
        self.mark_restored(&n, None);
        a.adopt(n, 0);
        self.listing.set(None);
        self.panels.set(Panel::Drafts, false);
        Ok(JsValue::UNDEFINED)
    }

    /// What the embedding's element methods call.
    pub(super) fn wire_controls(self) {
        let s = self;
        s.controls.with_value(|c| {
            c.on_flush(Rc::new(move || s.flush()));
            c.on_retry(Rc::new(move || s.retry_all()));
            c.on_submit(Rc::new(move || s.request_submit()));
            c.on_purge(Rc::new(move || {
                wasm_bindgen_futures::future_to_promise(s.purge())
            }));
        });
    }

    /// Submits the form as its Submit button does.
    fn request_submit(&self) {
        let form = self
            .root
            .get_untracked()
            .and_then(|el| el.query_selector("form.note-form").ok().flatten())
            .and_then(|f| f.dyn_into::<web_sys::HtmlFormElement>().ok());
        if let Some(f) = form {
            let _ = f.request_submit();
        }
    }
}
