//! An editor session: the state of one mounted editor and what it does,
//! with no view. The views read its signals and call its actions; it
//! never renders anything.
//!
//! `Session` is `Copy` (every field is a signal or a stored value), so an
//! event handler captures it whole: `on:click=move |_| s.start_new()`.
//! The parts of what it does live in files of their own: restoring and
//! starting notes (`restore.rs`), the page lifecycle and other tabs
//! (`lifecycle.rs`), checks (`checks.rs`), signing (`sign.rs`), submitting
//! (`submit.rs`), what the outbox reports (`outbox_events.rs`), the
//! drafts panel and conflicts (`drafts.rs`), and the note-level facts the
//! writing aids weigh (`note_facts.rs`).

pub mod autosave;
mod checks;
mod drafts;
pub mod form;
mod host;
mod lifecycle;
mod note_facts;
mod outbox_events;
mod restore;
mod returned;
mod sent;
mod sign;
mod state;
mod submit;

use std::rc::Rc;

use leptos::html;
use leptos::prelude::*;

use super::config::{EditorConfig, SignerEntry};
use super::context::{focus_selector_later, Announce, Root, TemplateOf};
use super::controls::EditorControls;
use crate::delivery::outbox::Outbox;
use crate::domain::outbox::OutboxEntry;
use crate::domain::sent::SentNote;
use crate::domain::setup::template_for;
use crate::domain::{FieldPath, FieldProblem, Note, Person, Template};
use crate::platform::new_uuid;
use crate::storage::{settings, Listing};
use crate::text::Lang;
use autosave::{Autosave, SaveState};
use casenote_text::words::Words;
use form::Form;
pub use sent::{Sent, SentState};
pub use state::{OutboxFlow, Panel, Panels, Sending, ThisDraft};

/// Whether the editor has finished opening storage.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    Loading,
    Ready,
}

/// One mounted editor's state. See the module documentation.
#[derive(Clone, Copy)]
pub struct Session {
    /// The interface's language (also given to the views as context).
    pub lang: Lang,
    pub root: NodeRef<html::Div>,
    pub cfg: StoredValue<EditorConfig, LocalStorage>,
    controls: StoredValue<EditorControls, LocalStorage>,
    templates: StoredValue<Vec<Template>>,
    pub form: Form,
    pub phase: RwSignal<Phase>,
    pub save_state: RwSignal<SaveState>,
    /// The polite live region, for what must be heard where focus is not.
    pub announce: RwSignal<String>,
    /// Said at the top of the editor (role="status").
    pub notice: RwSignal<Option<String>>,
    /// When the draft on screen was restored from storage.
    pub restored_at: RwSignal<Option<f64>>,
    /// The note as it was restored: the notice goes once it is edited.
    restored_note: StoredValue<Option<Note>>,
    /// After a check found problems, every edit checks again, so an error
    /// goes as soon as its field is fixed (the GOV.UK pattern).
    recheck: RwSignal<bool>,
    /// What the last check found, for the error summary and each field.
    pub errors: RwSignal<Vec<FieldProblem>>,
    /// A problem with signing or sending (role="alert").
    pub send_error: RwSignal<Option<String>>,
    pub sending: RwSignal<Sending>,
    /// Notified whenever the note is checked, so that whether it is a late
    /// entry (which depends on the time now) is worked out again then.
    pub checked: Trigger,
    /// Whether this tab's draft is still there, or was submitted or
    /// discarded in another tab (the conflict box then has its own choices).
    pub this_draft: RwSignal<ThisDraft>,
    /// The note just submitted, until the worker starts another.
    pub sent: RwSignal<Option<Sent>>,
    /// The panels open now (drafts, outbox, signing, preview).
    pub panels: Panels,
    pub listing: RwSignal<Option<Listing>>,
    /// The notes sent from this device, newest first, read with the
    /// drafts for the panel.
    pub sent_notes: RwSignal<Option<Vec<SentNote>>>,
    /// Everything in this scope's outbox, as it last reported.
    pub waiting: RwSignal<Vec<OutboxEntry>>,
    pub outbox_flow: RwSignal<OutboxFlow>,
    pub attested: RwSignal<bool>,
    /// Where signing is optional: the worker asked to send the note
    /// unsigned, and is asked once whether they mean it.
    pub ask_unsigned: RwSignal<bool>,
    /// Whether the browser says it is online (`navigator.onLine`, then its
    /// online and offline events).
    pub online: RwSignal<bool>,
    /// What "Copy as text" did (role="status").
    pub copied: RwSignal<Option<String>>,
    /// Where the page does not say who signs, the name and id the worker
    /// enters (`signer-entry="worker"`), remembered on this device.
    pub signer: RwSignal<Person>,
    saver: StoredValue<Option<Rc<Autosave>>, LocalStorage>,
    outbox: StoredValue<Option<Rc<Outbox>>, LocalStorage>,
    tab_id: StoredValue<String>,
    /// Tells other tabs of this page's draft writes.
    channel: StoredValue<Option<web_sys::BroadcastChannel>, LocalStorage>,
    key_usable: bool,
    pub late_threshold: f64,
}

impl Session {
    /// A session for `config`, under the current reactive owner (the
    /// editor's). It also provides the context the views share (`Root`,
    /// `Announce`, `TemplateOf`). Call `start` once the view is built.
    pub fn new(config: EditorConfig, controls: EditorControls) -> Self {
        let root = NodeRef::<html::Div>::new();
        let lang = config.lang;
        let templates = config.templates();
        let host: Vec<Template> = config.template.valid().into_iter().cloned().collect();
        let form = Form::new(&host);
        let notice = config.notice(lang);
        let signer = if config.signer == SignerEntry::Worker {
            settings::signer().unwrap_or_default()
        } else {
            Person::default()
        };
        let s = Session {
            root,
            lang,
            key_usable: config.key.is_usable(),
            late_threshold: config.late_entry_hours,
            cfg: StoredValue::new_local(config),
            controls: StoredValue::new_local(controls),
            templates: StoredValue::new(templates),
            form,
            phase: RwSignal::new(Phase::Loading),
            save_state: RwSignal::new(SaveState::Idle),
            announce: RwSignal::new(String::new()),
            notice: RwSignal::new(notice),
            restored_at: RwSignal::new(None),
            restored_note: StoredValue::new(None),
            recheck: RwSignal::new(false),
            errors: RwSignal::new(Vec::new()),
            send_error: RwSignal::new(None),
            sending: RwSignal::new(Sending::Idle),
            checked: Trigger::new(),
            this_draft: RwSignal::new(ThisDraft::Kept),
            sent: RwSignal::new(None),
            panels: Panels::new(),
            listing: RwSignal::new(None),
            sent_notes: RwSignal::new(None),
            waiting: RwSignal::new(Vec::new()),
            outbox_flow: RwSignal::new(OutboxFlow::Sending),
            attested: RwSignal::new(false),
            ask_unsigned: RwSignal::new(false),
            online: RwSignal::new(crate::platform::window().navigator().on_line()),
            copied: RwSignal::new(None),
            signer: RwSignal::new(signer),
            saver: StoredValue::new_local(None),
            outbox: StoredValue::new_local(None),
            tab_id: StoredValue::new(new_uuid()),
            channel: StoredValue::new_local(
                web_sys::BroadcastChannel::new(lifecycle::CHANNEL).ok(),
            ),
        };
        provide_context(lang);
        provide_context(Root(root));
        provide_context(Announce(s.announce));
        provide_context(TemplateOf(Callback::new(move |format: String| {
            s.template_of(&format)
        })));
        s
    }

    /// Starts the session's work: restoring, autosave, the page's events
    /// and the controls the embedding calls.
    pub fn start(self) {
        self.watch_edits();
        self.listen();
        self.wire_controls();
        self.drop_stale_errors();
        self.restore();
    }

    /// The templates this editor offers.
    pub fn offered(&self) -> Vec<Template> {
        self.templates.try_get_value().unwrap_or_default()
    }

    /// The template of a note of `format`.
    pub fn template_of(&self, format: &str) -> Template {
        self.templates
            .try_with_value(|ts| template_for(ts, format))
            .unwrap_or_else(Template::soap)
    }

    /// Whether the editor is still mounted. Async work checks this after
    /// each await: the editor may have been removed (and its signals
    /// disposed) in the meantime.
    pub fn alive(&self) -> bool {
        self.cfg.try_with_value(|_| ()).is_some()
    }

    fn saver(&self) -> Option<Rc<Autosave>> {
        self.saver.try_get_value().flatten()
    }

    fn outbox(&self) -> Option<Rc<Outbox>> {
        self.outbox.try_get_value().flatten()
    }

    fn with_saver(&self, f: impl FnOnce(&Rc<Autosave>)) {
        if let Some(s) = self.saver() {
            f(&s);
        }
    }

    /// Whether edits are written now: once loaded, while no note is shown
    /// as sent, and never in clear with a key that is not usable.
    fn may_save(&self) -> bool {
        // `try_`: the host may call `flush()` as the editor goes away.
        self.phase.try_get_untracked() == Some(Phase::Ready)
            && self.sent.try_with_untracked(Option::is_none) == Some(true)
            && self.key_usable
    }

    /// Writes the current draft now.
    pub fn flush(&self) {
        if self.may_save() {
            let note = self.form.snapshot_untracked();
            self.with_saver(|s| s.flush(note));
        }
    }

    /// Says that `note` was restored from storage (last saved at `at`),
    /// until it is edited.
    fn mark_restored(&self, note: &Note, at: Option<f64>) {
        self.restored_at.set(at);
        self.restored_note.set_value(at.map(|_| note.clone()));
    }

    /// Whether the note may no longer be edited: being sent, or signed.
    pub fn locked(&self) -> Signal<bool> {
        let (sending, signature) = (self.sending, self.form.signature);
        Signal::derive(move || {
            sending.get() == Sending::InFlight || signature.with(Option::is_some)
        })
    }

    /// The problem with `field` from the last check, in the worker's words.
    pub fn error_for(&self, field: FieldPath) -> Signal<Option<String>> {
        let error_of = self.error_of();
        Signal::derive(move || error_of.run(field.clone()))
    }

    /// The same, for components that look problems up by field.
    pub fn error_of(&self) -> Callback<FieldPath, Option<String>> {
        let (errors, lang) = (self.errors, self.lang);
        Callback::new(move |field: FieldPath| {
            errors.with(|e| e.iter().find(|x| x.field == field).map(|x| x.words(lang)))
        })
    }

    /// Focuses `selector` inside the editor once the view has updated.
    pub fn focus_later(&self, selector: &'static str) {
        let root = self.root;
        focus_selector_later(root, selector.to_string());
    }

    /// Focuses `field`'s control, once the view has updated.
    pub fn focus_field_later(&self, field: &FieldPath) {
        let (root, selector) = (self.root, format!("#{}", field.dom_id()));
        focus_selector_later(root, selector);
    }

    /// A problem with sending: said at once (role="alert") and focused, so
    /// that keyboard users are not left on a control that went away.
    pub fn show_send_error(&self, message: String) {
        self.send_error.set(Some(message));
        self.focus_later(".send-error");
    }

    fn emit(&self, name: &str, detail: &wasm_bindgen::JsValue) {
        self.controls.try_with_value(|c| c.emit(name, detail));
    }
}
