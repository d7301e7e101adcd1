//! The editor: a note form with autosave, validation and submit.

use std::cell::RefCell;
use std::rc::Rc;

use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use super::autosave::{Autosave, Busy, SaveState};
use super::context::{focus_selector, Announce, Root, TemplateOf};
use super::drafts::DraftsPanel;
use super::extras::{ChallengesField, GoalsField, HostGoal, InterventionsField, LateEntryField};
use super::form::Form;
use super::host::{before_submit, resolve_endpoint, send_options, HookResult};
use super::outbox_panel::{waiting_label, OutboxPanel};
use super::section::{field_dom_id, SectionField};
use crate::delivery::editor_field;
use crate::delivery::outbox::{Outbox, OutboxEvent};
use crate::domain::draft::{is_expired, latest};
use crate::domain::outbox::{OutboxContent, OutboxEntry};
use crate::domain::record::{
    is_sha256_hex, AddendumKind, AddendumLink, Signature, DEFAULT_ATTESTATION,
};
use crate::domain::render::plain_text;
use crate::domain::time::{duration_minutes, parse_date, parse_rfc3339};
use crate::domain::timeliness::{hours_after_service, DEFAULT_LATE_ENTRY_HOURS};
use crate::domain::validate::title_case;
use crate::domain::writing::abbreviations::defined_in;
use crate::domain::{
    validate, BuildContext, Checks, DocumentType, FieldError, Note, PayloadV1, Person, Template,
};
use crate::platform::{
    emit, local_hh_mm, new_uuid, now_ms, now_rfc3339, object, set_timeout, today_local, window,
    Listener,
};
use crate::storage::{DraftStore, Listing, StorageError};

/// What the host configures, read from the element's attributes.
#[derive(Clone, Debug)]
pub struct EditorConfig {
    pub endpoint: String,
    pub format: String,
    pub client_id: String,
    pub client_name: String,
    pub author_id: String,
    pub author_name: String,
    pub draft_scope: String,
    /// Days a draft is kept after its last edit (`draft-retention-days`).
    pub retention_days: f64,
    /// The host's AES-GCM key (`encryptionKey` property); never stored.
    pub key: Option<web_sys::CryptoKey>,
    /// Set when the host gave something that is not a usable key: nothing
    /// is saved rather than saving in clear.
    pub key_error: Option<String>,
    /// The client's goals (`goals` property).
    pub goals: Vec<HostGoal>,
    /// A valid host template (`template` property).
    pub host_template: Option<Template>,
    /// Why the host's template was refused, field by field.
    pub template_errors: Vec<FieldError>,
    /// Formats offered (`formats` attribute); empty: all.
    pub formats: Vec<String>,
    pub document_type: DocumentType,
    /// Hours after the service past which a note is a late entry.
    pub late_entry_hours: f64,
    /// Abbreviations the host approves (`abbreviations` attribute).
    pub abbreviations: Vec<String>,
    /// The statement a worker agrees to when signing (`attestation`).
    pub attestation: String,
    /// Addendum mode (`addendum-to`, `addendum-to-hash`).
    pub addendum_to: Option<String>,
    pub addendum_to_hash: Option<String>,
    /// Send a FHIR DocumentReference (`payload-format="fhir"`).
    pub fhir: bool,
    /// FHIR references for subject and author (`fhir-subject`, `fhir-author`).
    pub fhir_subject: String,
    pub fhir_author: String,
}

impl EditorConfig {
    /// The templates this editor offers: the host's first, then the
    /// built-ins allowed by `formats`.
    pub fn templates(&self) -> Vec<Template> {
        if self.addendum_to.is_some() {
            return vec![Template::addendum()];
        }
        let mut out: Vec<Template> = self.host_template.iter().cloned().collect();
        for t in Template::builtins() {
            let allowed = self.formats.is_empty()
                || self.formats.iter().any(|f| f.eq_ignore_ascii_case(&t.id));
            if allowed && !out.iter().any(|o| o.id == t.id) {
                out.push(t);
            }
        }
        if out.is_empty() {
            out.push(Template::soap());
        }
        out
    }
}

pub const DEFAULT_RETENTION_DAYS: f64 = 14.0;

impl Default for EditorConfig {
    fn default() -> Self {
        EditorConfig {
            endpoint: String::new(),
            format: "soap".into(),
            client_id: String::new(),
            client_name: String::new(),
            author_id: String::new(),
            author_name: String::new(),
            draft_scope: "default".into(),
            retention_days: DEFAULT_RETENTION_DAYS,
            key: None,
            key_error: None,
            goals: Vec::new(),
            host_template: None,
            template_errors: Vec::new(),
            formats: Vec::new(),
            document_type: DocumentType::ProgressNote,
            late_entry_hours: DEFAULT_LATE_ENTRY_HOURS,
            abbreviations: Vec::new(),
            attestation: DEFAULT_ATTESTATION.into(),
            addendum_to: None,
            addendum_to_hash: None,
            fhir: false,
            fhir_subject: String::new(),
            fhir_author: String::new(),
        }
    }
}

type Action = Rc<dyn Fn()>;
type AsyncAction = Rc<dyn Fn() -> js_sys::Promise>;

/// How the embedding talks to a mounted editor, and where its events go.
#[derive(Clone, Default)]
pub struct EditorControls {
    flush: Rc<RefCell<Option<Action>>>,
    retry: Rc<RefCell<Option<Action>>>,
    submit: Rc<RefCell<Option<Action>>>,
    purge: Rc<RefCell<Option<AsyncAction>>>,
    ready: Rc<std::cell::Cell<bool>>,
    /// The element events are dispatched on.
    pub host: Option<web_sys::HtmlElement>,
}

impl EditorControls {
    pub fn new(host: web_sys::HtmlElement) -> Self {
        EditorControls {
            host: Some(host),
            ..Default::default()
        }
    }

    /// Writes the current draft now.
    pub fn flush(&self) {
        let f = self.flush.borrow().clone();
        if let Some(f) = f {
            f();
        }
    }

    /// Resumes a paused outbox and tries every waiting note now.
    pub fn retry(&self) {
        let f = self.retry.borrow().clone();
        if let Some(f) = f {
            f();
        }
    }

    /// Submits the note, as the Submit button does.
    pub fn submit(&self) {
        let f = self.submit.borrow().clone();
        if let Some(f) = f {
            f();
        }
    }

    /// Whether the editor has finished loading (its purge can run).
    pub fn is_ready(&self) -> bool {
        self.purge.borrow().is_some() && self.ready.get()
    }

    /// Deletes every draft of this editor's scope; resolves when done.
    pub fn purge(&self) -> js_sys::Promise {
        let f = self.purge.borrow().clone();
        match f {
            Some(f) => f(),
            None => js_sys::Promise::resolve(&wasm_bindgen::JsValue::UNDEFINED),
        }
    }

    fn emit(&self, name: &str, detail: &wasm_bindgen::JsValue) {
        if let Some(host) = &self.host {
            emit(host, name, detail);
        }
    }
}

const CHANNEL: &str = "casenote-drafts";

#[derive(Clone, Copy, PartialEq)]
enum Phase {
    Loading,
    Ready,
}

#[derive(Clone, Debug, PartialEq)]
struct Sent {
    id: String,
    format_name: String,
    client: String,
    state: SentState,
}

/// Where a submitted note is, as the worker sees it.
#[derive(Clone, Debug, PartialEq)]
enum SentState {
    Sending,
    Delivered,
    /// Saved in the outbox; casenote keeps trying.
    Waiting {
        message: String,
        next_attempt_at: Option<f64>,
    },
    Offline,
    AuthRequired {
        message: String,
    },
}

type EventSink = Rc<dyn Fn(OutboxEvent)>;

fn new_note(cfg: &EditorConfig) -> Note {
    let templates = cfg.templates();
    let format = templates
        .iter()
        .find(|t| t.id.eq_ignore_ascii_case(cfg.format.trim()))
        .or_else(|| templates.first())
        .map(|t| t.id.clone())
        .unwrap_or_else(|| "soap".into());
    let mut note = Note::new(new_uuid(), &format, now_rfc3339());
    note.client.id = cfg.client_id.clone();
    note.client.name = cfg.client_name.clone();
    note.author = Person {
        id: cfg.author_id.clone(),
        name: cfg.author_name.clone(),
    };
    note.addendum = cfg.addendum_to.as_ref().map(|to| AddendumLink {
        to: to.clone(),
        to_hash: cfg.addendum_to_hash.clone(),
        kind: AddendumKind::Amendment,
        reason: String::new(),
    });
    note
}

/// Applies what the host configures now to a restored draft, unless it is
/// signed: the signed-in author and the addendum's original.
fn apply_host(note: &mut Note, cfg: &EditorConfig) {
    if note.signature.is_none() && (!cfg.author_id.is_empty() || !cfg.author_name.is_empty()) {
        note.author = Person {
            id: cfg.author_id.clone(),
            name: cfg.author_name.clone(),
        };
    }
    // A signed addendum keeps the link it was signed with: the hash covers it.
    if let (Some(to), None) = (&cfg.addendum_to, &note.signature) {
        let (kind, reason) = note
            .addendum
            .as_ref()
            .map(|a| (a.kind, a.reason.clone()))
            .unwrap_or((AddendumKind::Amendment, String::new()));
        note.addendum = Some(AddendumLink {
            to: to.clone(),
            to_hash: cfg.addendum_to_hash.clone(),
            kind,
            reason,
        });
    }
}

/// Hours from the end of service to when the note was documented: its
/// signing time once signed, else now.
fn documented_hours(note: &Note) -> Option<f64> {
    hours_documented(&note.service, note.signature.as_ref())
}

fn hours_documented(
    service: &crate::domain::ServiceTime,
    signature: Option<&Signature>,
) -> Option<f64> {
    match signature {
        Some(sig) => {
            let at = parse_rfc3339(&sig.signed_at)?;
            hours_after_service(service, at, utc_offset_minutes())
        }
        None => hours_since_service(service),
    }
}

/// Problems with the addendum link and its reason.
fn addendum_problems(note: &Note) -> Vec<FieldError> {
    let Some(a) = &note.addendum else {
        return Vec::new();
    };
    let mut out = Vec::new();
    if !crate::domain::id::is_uuid(&a.to) {
        out.push(FieldError::new(
            "addendum.to",
            format!("This page gave “{}” as the original note's id, which is not a note id. Tell your administrator.", a.to),
        ));
    }
    if a.to_hash.as_deref().is_some_and(|h| !is_sha256_hex(h)) {
        out.push(FieldError::new(
            "addendum.toHash",
            "This page gave a hash for the original note that is not a SHA-256 (64 hex characters): it may have been altered. Tell your administrator.",
        ));
    }
    if a.reason.trim().is_empty() {
        out.push(FieldError::new(
            "addendum.reason",
            "Say why you are writing this addendum",
        ));
    }
    out
}

/// Minutes east of UTC in the worker's time zone, now.
fn utc_offset_minutes() -> i32 {
    -(js_sys::Date::new_0().get_timezone_offset() as i32)
}

/// The service is still under way: its signing time, else now, is before
/// its end.
fn service_not_ended(note: &Note) -> bool {
    let at = match &note.signature {
        Some(sig) => parse_rfc3339(&sig.signed_at),
        None => chrono::DateTime::from_timestamp_millis(now_ms() as i64),
    };
    at.is_some_and(|at| {
        !crate::domain::timeliness::service_has_ended(&note.service, at, utc_offset_minutes())
    })
}

/// Hours from the end of the service to now, if the service time is known.
fn hours_since_service(service: &crate::domain::ServiceTime) -> Option<f64> {
    let now = chrono::DateTime::from_timestamp_millis(now_ms() as i64)?;
    hours_after_service(service, now, utc_offset_minutes())
}

#[component]
pub fn Editor(config: EditorConfig, controls: EditorControls) -> impl IntoView {
    let root = NodeRef::<html::Div>::new();
    provide_context(Root(root));
    let host_templates: Vec<Template> = config.host_template.iter().cloned().collect();
    let key_error = config.key_error.clone();
    let key_usable = key_error.is_none();
    let key = StoredValue::new_local(config.key.clone());
    let controls = StoredValue::new_local(controls);
    let templates = StoredValue::new(config.templates());
    let template_of = move |format: &str| {
        templates
            .try_with_value(|ts| ts.iter().find(|t| t.id == format).cloned())
            .flatten()
            // A draft resumed from the panel may be of a format not offered here.
            .or_else(|| Template::builtin(format))
            .or_else(|| (format == "addendum").then(Template::addendum))
            .unwrap_or_else(Template::soap)
    };
    provide_context(TemplateOf(Callback::new(move |format: String| {
        template_of(&format)
    })));
    let host_goals = config.goals.clone();
    let late_threshold = config.late_entry_hours;
    let document_type = config.document_type;
    let approved = StoredValue::new(config.abbreviations.clone());
    let template_notice = (!config.template_errors.is_empty()).then(|| {
        let list: Vec<String> = config.template_errors.iter().map(|e| format!("{}: {}", e.field, e.message)).collect();
        format!("This page's note template could not be used, so the built-in formats are offered instead. Problems: {}.", list.join("; "))
    });
    let form = Form::new(&host_templates);
    let cfg = StoredValue::new_local(config);
    let phase = RwSignal::new(Phase::Loading);
    let save_state = RwSignal::new(SaveState::Idle);
    let announce = RwSignal::new(String::new());
    provide_context(Announce(announce));
    let notice = RwSignal::new(key_error.clone().or(template_notice));
    let restored_at = RwSignal::new(None::<f64>);
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let send_error = RwSignal::new(None::<String>);
    let sending = RwSignal::new(false);
    // Bumped whenever the note is checked, so that whether it is a late
    // entry (which depends on the time now) is worked out again then.
    let clock = RwSignal::new(0u32);
    // This tab's note was submitted or discarded in another tab (its draft
    // is gone): shown in the conflict box, with its own choices.
    let gone = RwSignal::new(false);
    let sent = RwSignal::new(None::<Sent>);
    let panel_open = RwSignal::new(false);
    let (listing, set_listing) = signal(None::<Listing>);
    let saver = StoredValue::new_local(None::<Rc<Autosave>>);
    let outbox = StoredValue::new_local(None::<Rc<Outbox>>);
    let event_sink = StoredValue::new_local(None::<EventSink>);
    let outbox_open = RwSignal::new(false);
    let waiting = RwSignal::new(Vec::<OutboxEntry>::new());
    let auth_paused = RwSignal::new(false);
    let template = Memo::new(move |_| template_of(&form.format.get()));
    let tab_id = new_uuid();
    let channel = StoredValue::new_local(web_sys::BroadcastChannel::new(CHANNEL).ok());

    // Async work checks this after each await: the editor may have been
    // removed (and its signals disposed) in the meantime.
    let alive = move || cfg.try_with_value(|_| ()).is_some();

    // Open storage, purge expired drafts, restore the latest one or start
    // a new note.
    let tab = tab_id.clone();
    spawn_local(async move {
        let (Some(c), Some(key)) = (cfg.try_get_value(), key.try_get_value()) else {
            return;
        };
        let (store, fallback) = DraftStore::open(key).await;
        // Expired drafts are skipped now and deleted once the form is up.
        let housekeeping = store.clone();
        let started = now_ms();
        let (drafts, in_clear) = match store.list(&c.draft_scope).await {
            Ok(l) => (l.drafts, l.in_clear),
            Err(_) => {
                notice.set(Some(
                    "Saved drafts could not be read. New typing is still saved.".into(),
                ));
                (Vec::new(), 0)
            }
        };
        if !alive() {
            // Removed while storage was opening: nothing to show.
            return;
        }
        notice.update(|n| {
            if n.is_none() {
                *n = fallback;
            }
        });
        // Restore a draft of this client, and of the same kind: an addendum
        // to the same original in addendum mode, a plain note otherwise.
        let for_client = drafts
            .into_iter()
            .filter(|d| !is_expired(d.updated_at, started, c.retention_days))
            .filter(|d| c.client_id.is_empty() || d.note.client.id == c.client_id)
            .filter(|d| match (&c.addendum_to, &d.note.addendum) {
                (Some(to), Some(a)) => &a.to == to,
                (None, None) => true,
                _ => false,
            });
        let autosave = Autosave::new(store, c.draft_scope.clone(), save_state);
        autosave.on_saved(move |draft| {
            let detail = object(&[
                ("draftId", draft.id.as_str().into()),
                ("revision", draft.revision.into()),
                ("savedAt", now_rfc3339().into()),
            ]);
            controls.try_with_value(|c| c.emit("casenote-draft-saved", &detail));
            let msg = object(&[
                ("id", draft.id.as_str().into()),
                ("revision", draft.revision.into()),
                ("tab", tab.as_str().into()),
            ]);
            channel.try_with_value(|ch| {
                if let Some(ch) = ch {
                    let _ = ch.post_message(&msg);
                }
            });
        });
        // The worker's own draft before a conflict copy left behind (which
        // the Drafts panel lists); a copy only when it is all there is.
        let (copies, own): (Vec<_>, Vec<_>) = for_client.partition(|d| d.copy_of.is_some());
        match latest(own).or_else(|| latest(copies)) {
            Some(d) => {
                // What the host says now (who is signed in, which original an
                // addendum is for) wins over what the draft remembered.
                let mut note = d.note.clone();
                apply_host(&mut note, &c);
                form.load(&note);
                restored_at.set(Some(d.updated_at));
                let sealing = autosave.store().is_sealing();
                autosave.adopt(d.note, d.revision);
                if sealing && key_usable {
                    // It may have been written in clear before the key came:
                    // write it again, sealed.
                    autosave.flush_changed(note);
                }
            }
            None => {
                let n = new_note(&c);
                form.load(&n);
                autosave.adopt(n, 0);
            }
        }
        let ob = Outbox::new(
            autosave.store().clone(),
            c.draft_scope.clone(),
            move || {
                controls
                    .try_with_value(|c| send_options(c.host.as_ref()))
                    .unwrap_or_else(|| send_options(None))
            },
            move |ev| {
                if let Some(sink) = event_sink.try_get_value().flatten() {
                    sink(ev);
                }
            },
        );
        saver.set_value(Some(autosave));
        controls.try_with_value(|c| c.ready.set(true));
        // Mirror the outbox into this editor's own signal for the indicator.
        let list = ob.waiting;
        Effect::new(move |_| waiting.set(list.get()));
        let kick = ob.clone();
        outbox.set_value(Some(ob));
        phase.set(Phase::Ready);
        if key_usable {
            // Records written in clear before the host gave its key are
            // sealed now, before the outbox starts sending. The drafts are
            // read again only when the listing above found some in clear.
            if in_clear > 0 {
                let _ = housekeeping.seal_clear_drafts(&c.draft_scope).await;
            }
            let _ = housekeeping.seal_clear_outbox(&c.draft_scope).await;
        }
        kick.start();
        let _ = housekeeping
            .purge(&c.draft_scope, started, Some(c.retention_days))
            .await;
    });

    let with_saver = move |f: &dyn Fn(&Rc<Autosave>)| {
        if let Some(s) = saver.try_get_value().flatten() {
            f(&s);
        }
    };
    // With a key that is not usable, nothing is written rather than
    // writing in clear.
    let may_save = move || {
        phase.get_untracked() == Phase::Ready && sent.with_untracked(Option::is_none) && key_usable
    };

    // Every edit starts a save at once (coalesced by Autosave).
    Effect::new(move |_| {
        let note = form.snapshot();
        if may_save() {
            with_saver(&|s| s.save(note.clone()));
        }
    });

    // The live region speaks once saving settles, not on every keystroke.
    let generation = StoredValue::new(0u64);
    Effect::new(move |_| {
        let state = save_state.get();
        generation.update_value(|g| *g += 1);
        let mine = generation.get_value();
        let text = match state {
            SaveState::Saved(ms) => format!("Draft saved at {}", local_hh_mm(ms)),
            SaveState::Failed(_) | SaveState::CopyFailed(_) => {
                "Draft not saved. Your text is still here; casenote keeps trying.".into()
            }
            SaveState::SavedAsCopy(ms) => format!(
                "This draft was changed in another tab or window. Your text here is saved as a separate copy, at {}.",
                local_hh_mm(ms)
            ),
            SaveState::Idle | SaveState::Saving | SaveState::Conflict => return,
        };
        set_timeout(1_200, move || {
            if generation.try_get_value() == Some(mine) {
                announce.set(text);
            }
        });
    });

    let flush = move || {
        if may_save() {
            with_saver(&|s| s.flush(form.snapshot_untracked()));
        }
    };
    // This tab's text under a new id, saved; returns the new note.
    let fork_note = move || {
        let mut note = form.snapshot_untracked();
        note.id = new_uuid();
        note.created_at = now_rfc3339();
        // A signature covers the note's id: the copy is signed anew.
        note.signature = None;
        with_saver(&|s| s.fork(note.clone()));
        note
    };
    // The form follows its text to the new id (the page may come back
    // from the back-forward cache after `pagehide`).
    let fork_and_switch = move || {
        let note = fork_note();
        form.id.set(note.id);
        form.created_at.set(note.created_at);
        form.signature.set(None);
    };
    // "Keep mine": this tab's conflict copy becomes the draft the form
    // edits (or, with no copy, its text is saved under a new id).
    let keep_copy_and_switch = move || {
        let copy = saver.try_get_value().flatten().and_then(|s| s.keep_copy());
        match copy {
            Some(id) => {
                form.id.set(id);
                form.created_at.set(now_rfc3339());
                // A signature covers the note's id: the copy is signed anew.
                form.signature.set(None);
            }
            None => fork_and_switch(),
        }
    };
    // Leaving (the page closed, the editor removed or re-mounted): even
    // mid-conflict, this tab's text is already stored, in its copy.
    let save_on_leave = flush;
    controls.with_value(|c| *c.flush.borrow_mut() = Some(Rc::new(save_on_leave)));
    controls.with_value(|c| {
        *c.purge.borrow_mut() = Some(Rc::new(move || {
            wasm_bindgen_futures::future_to_promise(async move {
                if let Some(s) = saver.try_get_value().flatten() {
                    let current = form.id.get_untracked();
                    // Nothing waiting or running may land after the purge.
                    s.reset();
                    let _ = s.close(&current).await;
                    let purged = s.store().purge(s.scope(), now_ms(), None).await;
                    if let Err(e) = purged {
                        return Err(js_sys::Error::new(&format!(
                            "casenote could not purge drafts: {e}"
                        ))
                        .into());
                    }
                    if !alive() {
                        return Ok(wasm_bindgen::JsValue::UNDEFINED);
                    }
                    let n = new_note(&cfg.try_get_value().unwrap_or_default());
                    form.load(&n);
                    s.adopt(n, 0);
                    restored_at.set(None);
                    set_listing.set(None);
                    panel_open.set(false);
                }
                Ok(wasm_bindgen::JsValue::UNDEFINED)
            })
        }))
    });

    let w = window();
    let listeners = vec![
        Listener::new(w.as_ref(), "pagehide", move |_| save_on_leave()),
        Listener::new(
            w.document().expect("document").as_ref(),
            "visibilitychange",
            move |_| {
                if window().document().is_some_and(|d| d.hidden()) {
                    flush();
                }
            },
        ),
        Listener::new(w.as_ref(), "beforeunload", move |ev| {
            let unsaved = saver
                .try_get_value()
                .flatten()
                .is_some_and(|s| s.has_unsaved());
            if unsaved {
                ev.prevent_default();
                if let Some(ev) = ev.dyn_ref::<web_sys::BeforeUnloadEvent>() {
                    ev.set_return_value("");
                }
            }
        }),
    ];
    let channel_listener = channel.with_value(|ch| {
        ch.as_ref().map(|ch| {
            let tab = tab_id.clone();
            Listener::new(ch.as_ref(), "message", move |ev| {
                let Some(ev) = ev.dyn_ref::<web_sys::MessageEvent>() else {
                    return;
                };
                let data = ev.data();
                let get = |k: &str| js_sys::Reflect::get(&data, &k.into()).ok();
                let from = get("tab").and_then(|v| v.as_string()).unwrap_or_default();
                let id = get("id").and_then(|v| v.as_string()).unwrap_or_default();
                let revision = get("revision").and_then(|v| v.as_f64()).unwrap_or(0.0) as u32;
                if from != tab {
                    with_saver(&|s| s.remote_saved(&id, revision));
                }
            })
        })
    });
    let _listeners = StoredValue::new_local((listeners, channel_listener));
    on_cleanup(move || {
        if let Some(ob) = outbox.try_get_value().flatten() {
            ob.stop();
        }
        channel.try_with_value(|ch| {
            if let Some(ch) = ch {
                ch.close();
            }
        });
    });

    let retry_all = move || {
        auth_paused.set(false);
        sent.update(|s| {
            if let Some(s) = s {
                if matches!(
                    s.state,
                    SentState::AuthRequired { .. } | SentState::Waiting { .. }
                ) {
                    s.state = SentState::Sending;
                }
            }
        });
        if let Some(ob) = outbox.try_get_value().flatten() {
            ob.retry_now();
        }
    };
    controls.with_value(|c| *c.retry.borrow_mut() = Some(Rc::new(retry_all)));
    let online_listener = Listener::new(window().as_ref(), "online", move |_| {
        sent.update(|s| {
            if let Some(s) = s {
                if s.state == SentState::Offline {
                    s.state = SentState::Sending;
                }
            }
        });
        if let Some(ob) = outbox.try_get_value().flatten() {
            ob.kick();
        }
    });
    let _online_listener = StoredValue::new_local(online_listener);

    // Errors name list items by their place (`interventions.1.description`,
    // `section.plan.quotes.2`): when an item is removed, the ones after it
    // move up and those errors would point at the wrong item, so they are
    // dropped until the next check.
    Effect::new(move |prev: Option<(usize, usize)>| {
        let quotes: usize = form
            .sections
            .with(|v| v.iter().map(|s| s.quotes.with(Vec::len)).sum());
        let now = (form.interventions.with(Vec::len), quotes);
        if let Some((interventions, quotes)) = prev {
            if now.0 < interventions || now.1 < quotes {
                errors.update(|e| {
                    e.retain(|x| {
                        !x.field.starts_with("interventions.") && !x.field.contains(".quotes.")
                    })
                });
            }
        }
        now
    });

    let error_for = move |field: String| {
        Signal::derive(move || {
            errors.with(|e| {
                e.iter()
                    .find(|x| x.field == field)
                    .map(|x| x.message.clone())
            })
        })
    };
    let locked = Signal::derive(move || sending.get() || form.signature.with(Option::is_some));

    let focus_field = move |field: &str| {
        focus_selector(root, &format!("#{}", field_dom_id(field)));
    };

    let sign_open = RwSignal::new(false);
    let attested = RwSignal::new(false);
    let copied = RwSignal::new(None::<String>);
    // A signed note was documented when it was signed; its lateness is
    // measured to then too.
    let build_ctx = move |note: &Note| BuildContext {
        documented_at: note
            .signature
            .as_ref()
            .map_or_else(now_rfc3339, |s| s.signed_at.clone()),
        document_type,
        hours_after_service: documented_hours(note),
        late_entry_threshold_hours: late_threshold,
        utc_offset_minutes: Some(utc_offset_minutes()),
    };

    // Everything that must hold before a note is signed or sent.
    let check_note = move |note: &Note| -> Vec<FieldError> {
        let template = template_of(&note.format);
        // Measured to the signing time once signed, so a signed note only
        // becomes late if this page's threshold differs from the one it
        // was signed under.
        clock.update(|t| *t += 1);
        let late_entry = documented_hours(note).is_some_and(|h| h > late_threshold);
        let checks = Checks {
            today: parse_date(&today_local()),
            late_entry,
            service_not_ended: service_not_ended(note),
        };
        let mut problems = addendum_problems(note);
        problems.extend(validate(note, &template, &checks));
        problems
    };
    // Checks `note` before signing or sending. Problems go to the error
    // summary, which takes focus and links to each field (the GOV.UK
    // pattern): a screen reader hears every problem at once.
    let passes_checks = move |note: &Note| -> bool {
        let problems = check_note(note);
        send_error.set(None);
        if !problems.is_empty() {
            errors.set(problems);
            request_animation_frame(move || focus_selector(root, ".error-summary"));
            return false;
        }
        errors.set(Vec::new());
        true
    };

    // A problem with sending: said at once (role="alert") and focused, so
    // that keyboard users are not left on a control that went away.
    let show_send_error = move |message: String| {
        send_error.set(Some(message));
        request_animation_frame(move || focus_selector(root, ".send-error"));
    };

    // While another tab's newer version of this draft is unresolved, the
    // note may not be signed or sent: sending would close the draft and
    // delete the other tab's words.
    let blocked_by_conflict = move || {
        if !save_state.get_untracked().is_conflict() {
            return false;
        }
        send_error.set(Some(
            "This draft was changed in another tab or window. Choose which version to keep (at the top of the editor) before you sign or submit.".into(),
        ));
        request_animation_frame(move || focus_selector(root, ".conflict"));
        true
    };

    let review_and_sign = move |_| {
        if blocked_by_conflict() {
            return;
        }
        let note = form.snapshot_untracked();
        if !passes_checks(&note) {
            return;
        }
        if note.author.id.trim().is_empty() && note.author.name.trim().is_empty() {
            show_send_error(
                "This page has not told casenote who you are (its author-id and author-name attributes are empty), so the note cannot be signed. You can still submit it unsigned.".into(),
            );
            return;
        }
        attested.set(false);
        sign_open.set(true);
        request_animation_frame(move || focus_selector(root, "#cn-sign-title"));
    };
    let sign = move |_| {
        let note = form.snapshot_untracked();
        if !check_note(&note).is_empty() || !attested.get_untracked() {
            return;
        }
        let template = template_of(&note.format);
        let mut payload = PayloadV1::build(&note, &template, &build_ctx(&note));
        payload.signature = None;
        let hash = payload.computed_hash();
        let attestation = cfg.with_value(|c| c.attestation.clone());
        form.signature.set(Some(
            Signature {
                signer_id: note.author.id.clone(),
                signer_name: note.author.name.clone(),
                signed_at: now_rfc3339(),
                attestation,
                content_hash: hash,
                signature_hash: None,
            }
            .sealed(),
        ));
        sign_open.set(false);
        request_animation_frame(move || focus_selector(root, ".signed"));
    };
    let print = move |_| {
        let _ = window().print();
    };
    let copy_text = move |_| {
        let note = form.snapshot_untracked();
        let text = plain_text(&PayloadV1::build(
            &note,
            &template_of(&note.format),
            &build_ctx(&note),
        ));
        let clipboard = window().navigator().clipboard();
        spawn_local(async move {
            let done = wasm_bindgen_futures::JsFuture::from(clipboard.write_text(&text)).await;
            copied.set(Some(if done.is_ok() {
                "Copied the note as text.".into()
            } else {
                "This browser did not allow copying. Use the preview and copy from there.".into()
            }));
        });
    };

    let on_submit = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        if sending.get_untracked() || blocked_by_conflict() {
            return;
        }
        let note = form.snapshot_untracked();
        let template = template_of(&note.format);
        if !passes_checks(&note) {
            // A signed note that no longer passes (it became a late entry
            // under this page's threshold) is unlocked to be fixed and
            // signed again.
            form.signature.set(None);
            return;
        }
        if !key_usable {
            show_send_error(
                "The encryption key this page gave casenote is not usable, so the note cannot be kept safely while it is sent. Tell your administrator.".into(),
            );
            return;
        }
        let endpoint = cfg.with_value(|c| c.endpoint.trim().to_string());
        if endpoint.is_empty() {
            show_send_error(
                "This editor has no address to send notes to (its endpoint attribute is empty). Your note is kept on this device; tell your administrator.".into(),
            );
            return;
        }
        let payload = PayloadV1::build(&note, &template, &build_ctx(&note));
        if let Some(sig) = &note.signature {
            // The payload's own hash leaves the signature out.
            if payload.content_hash != sig.content_hash {
                // Sent as it is, the note would carry a signature that does
                // not match it (the page's settings for it changed).
                form.signature.set(None);
                show_send_error(
                    "This note has changed since it was signed (this page's settings for it are different), so the signature no longer matches it. It is unlocked: read it again, then review and sign it.".into(),
                );
                return;
            }
        }
        flush();
        let (json, content_type) = cfg.with_value(|c| {
            if c.fhir {
                // No subject rather than one that points at the wrong thing.
                let subject = if c.fhir_subject.is_empty() {
                    (!note.client.id.is_empty()).then(|| format!("Patient/{}", note.client.id))
                } else {
                    Some(c.fhir_subject.clone())
                };
                let author = if c.fhir_author.is_empty() {
                    (!note.author.id.is_empty()).then(|| format!("Practitioner/{}", note.author.id))
                } else {
                    Some(c.fhir_author.clone())
                };
                let doc = crate::domain::fhir::document_reference(
                    &payload,
                    subject.as_deref(),
                    author.as_deref(),
                );
                (doc.to_string(), crate::domain::fhir::FHIR_JSON.to_string())
            } else {
                (
                    serde_json::to_string(&payload).unwrap_or_default(),
                    "application/json".to_string(),
                )
            }
        });
        sending.set(true);
        let busy = Busy::new();
        spawn_local(async move {
            let _busy = busy;
            // Held from here on, so that a note the worker submitted is
            // queued even if the page removes the editor while its
            // beforeSubmit hook runs.
            let (Some(s), Some(ob)) = (
                saver.try_get_value().flatten(),
                outbox.try_get_value().flatten(),
            ) else {
                sending.set(false);
                return;
            };
            // A draft this editor stored and that is gone was submitted or
            // discarded in another tab or window: sent again from here it
            // could be recorded twice, or refused as a different note under
            // the same id. The worker chooses, as in a conflict.
            if s.was_stored(&note.id) && matches!(s.store().get(&note.id).await, Ok(None)) {
                if !alive() {
                    return;
                }
                gone.set(true);
                s.divert_to_copy();
                sending.set(false);
                send_error.set(Some(
                    "This note was already submitted or discarded in another tab or window, so it was not sent again from here. Choose what to do with the copy in this tab (at the top of the editor).".into(),
                ));
                request_animation_frame(move || focus_selector(root, ".conflict"));
                return;
            }
            let host = controls.try_with_value(|c| c.host.clone()).flatten();
            let hooked = before_submit(host.as_ref(), &json).await;
            let body = match hooked {
                HookResult::Send(body) => body,
                // Not sent: the note stays a draft (it was flushed above).
                HookResult::Cancelled if alive() => {
                    show_send_error(
                        "This page stopped the note from being sent. It is kept as a draft.".into(),
                    );
                    sending.set(false);
                    return;
                }
                HookResult::Failed(message) if alive() => {
                    show_send_error(message);
                    sending.set(false);
                    return;
                }
                HookResult::Cancelled | HookResult::Failed(_) => return,
            };
            let entry = OutboxEntry::new(
                s.scope(),
                &resolve_endpoint(&endpoint),
                now_ms(),
                OutboxContent {
                    note: note.clone(),
                    body,
                    content_type,
                },
            );
            // The note is in the outbox (committed) before its draft goes.
            if let Err(_e) = s.store().put_outbox(&entry).await {
                if !alive() {
                    return;
                }
                show_send_error(
                    "The note could not be saved for sending on this device. It is still here as a draft; try again.".into(),
                );
                sending.set(false);
                return;
            }
            let _ = s.close(&note.id).await;
            if !alive() {
                ob.kick();
                return;
            }
            let online = window().navigator().on_line();
            sent.set(Some(Sent {
                id: note.id.clone(),
                format_name: template.name.clone(),
                client: note.client.name.clone(),
                state: if online {
                    SentState::Sending
                } else {
                    SentState::Offline
                },
            }));
            sending.set(false);
            ob.kick();
            request_animation_frame(move || focus_selector(root, ".confirmation"));
        });
    };

    controls.with_value(|c| {
        *c.submit.borrow_mut() = Some(Rc::new(move || {
            if let Some(el) = root.get_untracked() {
                if let Ok(Some(f)) = el.query_selector("form.note-form") {
                    if let Ok(f) = f.dyn_into::<web_sys::HtmlFormElement>() {
                        let _ = f.request_submit();
                    }
                }
            }
        }))
    });

    // Switches the form to `note` (stored at `revision`).
    let open_note = move |note: Note, revision: u32| {
        gone.set(false);
        form.load(&note);
        with_saver(&|s| s.adopt(note.clone(), revision));
        errors.set(Vec::new());
        send_error.set(None);
        sent.set(None);
    };

    // What the outbox reports: update this editor, and tell the host.
    event_sink.set_value(Some(Rc::new(move |ev: OutboxEvent| {
        let is_current = |id: &str| sent.with_untracked(|s| s.as_ref().is_some_and(|s| s.id == id));
        let set_state = |state: SentState| {
            sent.update(|s| {
                if let Some(s) = s {
                    s.state = state;
                }
            })
        };
        match ev {
            OutboxEvent::Delivered { id, status, body } => {
                let body = js_sys::JSON::parse(&body).unwrap_or_else(|_| body.as_str().into());
                let detail = object(&[("noteId", id.as_str().into()), ("status", status.into()), ("body", body)]);
                controls.try_with_value(|c| c.emit("casenote-submitted", &detail));
                if is_current(&id) {
                    set_state(SentState::Delivered);
                }
            }
            OutboxEvent::Retrying {
                id,
                status,
                message,
                next_attempt_at,
            } => {
                let detail = object(&[
                    ("noteId", id.as_str().into()),
                    ("status", status.map(wasm_bindgen::JsValue::from).unwrap_or(wasm_bindgen::JsValue::NULL)),
                    ("retryable", true.into()),
                    ("queued", true.into()),
                ]);
                controls.try_with_value(|c| c.emit("casenote-submit-failed", &detail));
                if is_current(&id) {
                    let offline = !window().navigator().on_line();
                    set_state(if offline {
                        SentState::Offline
                    } else {
                        SentState::Waiting {
                            message,
                            next_attempt_at: Some(next_attempt_at),
                        }
                    });
                }
            }
            OutboxEvent::AuthRequired { id, status, message } => {
                auth_paused.set(true);
                let detail = object(&[("noteId", id.as_str().into()), ("status", status.into())]);
                controls.try_with_value(|c| c.emit("casenote-auth-required", &detail));
                let failed = object(&[
                    ("noteId", id.as_str().into()),
                    ("status", status.into()),
                    ("retryable", true.into()),
                    ("queued", true.into()),
                ]);
                controls.try_with_value(|c| c.emit("casenote-submit-failed", &failed));
                if is_current(&id) {
                    set_state(SentState::AuthRequired { message });
                }
            }
            OutboxEvent::Rejected {
                id,
                status,
                message,
                errors: server_errors,
                content,
            } => {
                let detail = object(&[
                    ("noteId", id.as_str().into()),
                    ("status", status.into()),
                    ("retryable", false.into()),
                    ("queued", false.into()),
                ]);
                controls.try_with_value(|c| c.emit("casenote-submit-failed", &detail));
                let Some(content) = content else { return };
                let mut note = content.note;
                // A refused signed note must be editable again: it is signed
                // anew after the fix.
                note.signature = None;
                let keys: Vec<String> = template_of(&note.format).sections.into_iter().map(|s| s.key).collect();
                let mapped: Vec<FieldError> = server_errors
                    .iter()
                    .filter_map(|e| editor_field(&e.field, &keys).map(|f| FieldError::new(f, e.message.clone())))
                    .collect();
                // Problems with no field on screen are said in words.
                let unmapped: Vec<String> = server_errors
                    .iter()
                    .filter(|e| editor_field(&e.field, &keys).is_none())
                    .map(|e| format!("{} {}", e.field, e.message))
                    .collect();
                // For a note not on screen: what the server said, when it
                // named no field the worker could be shown.
                let background_why = if !unmapped.is_empty() {
                    format!(" It said: {}.", unmapped.join("; "))
                } else if mapped.is_empty() {
                    format!(" {message}")
                } else {
                    String::new()
                };
                let message = if unmapped.is_empty() {
                    message
                } else {
                    format!(
                        "The server refused the note (error {status}): {}. Your note is kept here as a draft.",
                        unmapped.join("; ")
                    )
                };
                // The refused note comes back as a draft, never lost.
                let Some(s) = saver.try_get_value().flatten() else { return };
                if is_current(&id) {
                    form.load(&note);
                    // The outbox already wrote it back as a draft, unsigned
                    // (revision 1, or one past another tab's draft of it).
                    s.adopt(note.clone(), 1);
                    let (s2, id2) = (s.clone(), id.clone());
                    spawn_local(async move {
                        // Adopt the revision the outbox actually wrote.
                        if let Ok(Some(d)) = s2.store().get(&id2).await {
                            s2.adopt(d.note, d.revision);
                            s2.saved_at(d.updated_at);
                        }
                    });
                    sent.set(None);
                    // Focus the list of problems, or the message when the
                    // server named no field.
                    let target = if mapped.is_empty() { ".send-error" } else { ".error-summary" };
                    errors.set(mapped);
                    send_error.set(Some(message));
                    request_animation_frame(move || focus_selector(root, target));
                } else {
                    // Not the note on screen: the form's error list would
                    // belong to another note, so the worker is told where
                    // it is and how to see what to change.
                    let who = match note.client.name.trim() {
                        "" => "your note".to_string(),
                        name => format!("your note for {name}"),
                    };
                    let text = format!(
                        "The server refused {who} (error {status}).{background_why} It is back in your drafts: open it from Drafts and submit it again to see what to change."
                    );
                    // Said, too: focus is on the worker's other note.
                    announce.set(text.clone());
                    notice.set(Some(text));
                }
            }
        }
    })));

    let start_new = move || {
        flush();
        notice.set(None);
        copied.set(None);
        let n = new_note(&cfg.try_get_value().unwrap_or_default());
        open_note(n, 0);
        restored_at.set(None);
        panel_open.set(false);
        request_animation_frame(move || focus_field("client"));
    };

    let refresh_listing = move || {
        set_listing.set(None);
        spawn_local(async move {
            if let Some(s) = saver.try_get_value().flatten() {
                let mut l = s.store().list(s.scope()).await.unwrap_or_default();
                if !alive() {
                    return;
                }
                // Past retention: about to be purged, never offered.
                let (now, days) = (now_ms(), cfg.with_value(|c| c.retention_days));
                l.drafts.retain(|d| !is_expired(d.updated_at, now, days));
                set_listing.set(Some(l));
            }
        });
    };

    let toggle_panel = move |_| {
        if panel_open.get_untracked() {
            panel_open.set(false);
        } else {
            flush();
            refresh_listing();
            panel_open.set(true);
            request_animation_frame(move || focus_selector(root, "#cn-drafts-title"));
        }
    };

    // A stored draft by id: `None` when the editor went away meanwhile,
    // `Some(None)` when there is no such readable draft.
    let stored_draft = move |id: String| async move {
        let s = saver.try_get_value().flatten()?;
        let found = s.store().get(&id).await;
        alive().then(|| found.ok().flatten())
    };

    let on_resume = Callback::new(move |id: String| {
        flush();
        spawn_local(async move {
            match stored_draft(id).await {
                None => {}
                Some(Some(d)) => {
                    restored_at.set(Some(d.updated_at));
                    // Words still waiting to be written (after a failed
                    // write) are newer than storage: open those.
                    let waiting = saver
                        .try_get_value()
                        .flatten()
                        .and_then(|s| s.waiting(&d.id));
                    match waiting {
                        Some(newer) => {
                            open_note(newer.clone(), d.revision);
                            with_saver(&|s| s.flush_changed(newer.clone()));
                        }
                        None => open_note(d.note, d.revision),
                    }
                    panel_open.set(false);
                    request_animation_frame(move || focus_field("client"));
                }
                Some(None) => notice.set(Some("That draft could not be opened.".into())),
            }
        });
    });
    let on_discard = Callback::new(move |id: String| {
        spawn_local(async move {
            let Some(s) = saver.try_get_value().flatten() else {
                return;
            };
            let _ = s.close(&id).await;
            if !alive() {
                return;
            }
            if form.id.get_untracked() == id {
                let n = new_note(&cfg.try_get_value().unwrap_or_default());
                open_note(n, 0);
                restored_at.set(None);
            }
            refresh_listing();
            request_animation_frame(move || focus_selector(root, "#cn-drafts-title"));
        });
    });
    let on_new = Callback::new(move |_: ()| start_new());
    let on_close = Callback::new(move |_: ()| {
        panel_open.set(false);
        request_animation_frame(move || focus_selector(root, ".drafts-toggle"));
    });

    // "Keep mine as a separate draft": this tab's text under a new id.
    let fork_current = move || {
        gone.set(false);
        send_error.set(None);
        keep_copy_and_switch();
    };

    let keep_theirs = move |_| {
        let id = form.id.get_untracked();
        spawn_local(async move {
            match stored_draft(id).await {
                None => {}
                Some(Some(d)) => {
                    restored_at.set(None);
                    open_note(d.note, d.revision);
                    notice.set(Some(
                        "Loaded the version saved in the other tab. Your text from this tab is kept under Drafts as \u{201c}your unsaved copy\u{201d}.".into(),
                    ));
                }
                Some(None) => {
                    // The other tab submitted or discarded it: keep this
                    // tab's text as a draft of its own.
                    notice.set(Some(
                        "The other tab submitted or discarded this draft, so your text here is kept as a separate draft.".into(),
                    ));
                    fork_current();
                }
            }
            // The choice (and the box that held focus) is gone: say what
            // happened where focus lands.
            request_animation_frame(move || focus_selector(root, ".notice"));
        });
    };
    // The note went from another tab: this tab's copy is let go.
    let new_after_gone = move |_| {
        send_error.set(None);
        spawn_local(async move {
            if let Some(s) = saver.try_get_value().flatten() {
                // The worker saw this copy and let it go.
                let _ = s.discard_copy().await;
            }
            if alive() {
                start_new();
            }
        });
    };
    let keep_mine = move |_| {
        fork_current();
        notice.set(Some(
            "Your text here is now a separate draft. The other tab's version is unchanged, under Drafts.".into(),
        ));
        request_animation_frame(move || focus_selector(root, ".notice"));
    };

    let save_text = move || {
        match save_state.get() {
        SaveState::Idle => String::new(),
        SaveState::Saving => "Saving…".into(),
        SaveState::Saved(ms) => format!("Draft saved at {}", local_hh_mm(ms)),
        SaveState::Failed(StorageError::Full) | SaveState::CopyFailed(StorageError::Full) => {
            "Not saved: this device's storage is full. Your text is still here; casenote keeps trying.".into()
        }
        SaveState::Failed(_) | SaveState::CopyFailed(_) => "Not saved yet: your text is still here, and casenote keeps trying.".into(),
        SaveState::Conflict => "Edits here are saved as a separate copy".into(),
        SaveState::SavedAsCopy(ms) => format!("Saved as a separate copy at {}", local_hh_mm(ms)),
    }
    };

    let sent_id = Memo::new(move |_| sent.with(|s| s.as_ref().map(|s| s.id.clone())));
    // The panel stays mounted while anything waits; only its list updates.
    let has_waiting = Memo::new(move |_| waiting.with(|w| !w.is_empty()));
    let formats = templates.get_value();
    let late_hours = Signal::derive(move || {
        clock.track();
        let service = crate::domain::ServiceTime {
            date: form.date.get(),
            start: form.start.get(),
            end: form.end.get(),
        };
        form.signature
            .with(|s| hours_documented(&service, s.as_ref()))
    });
    let is_late = Memo::new(move |_| late_hours.get().is_some_and(|h| h > late_threshold));
    // Abbreviations spelled out anywhere; recomputed when typing pauses.
    let all_text = Signal::derive(move || {
        form.sections.with(|v| {
            v.iter()
                .map(|s| s.text.get())
                .collect::<Vec<_>>()
                .join("\n")
        })
    });
    let settled_all = super::section::settle(all_text, 250);
    let defined = Memo::new(move |_| settled_all.with(|t| defined_in(t)));
    let has_client_quote = Memo::new(move |_| {
        let t = template.get();
        form.sections.with(|v| {
            v.iter().filter(|s| t.section(&s.key).is_some()).any(|s| {
                s.quotes.with(|q| {
                    q.iter().any(|q| {
                        q.speaker.get() == crate::domain::Speaker::Client
                            && !q.text.with(|t| t.trim().is_empty())
                    })
                })
            })
        })
    });
    let preview_open = RwSignal::new(false);
    let preview_text = move || {
        let note = form.snapshot();
        plain_text(&PayloadV1::build(
            &note,
            &template_of(&note.format),
            &build_ctx(&note),
        ))
    };
    let error_cb = Callback::new(move |field: String| {
        errors.with(|e| {
            e.iter()
                .find(|x| x.field == field)
                .map(|x| x.message.clone())
        })
    });
    let duration = move || {
        duration_minutes(&form.start.get(), &form.end.get())
            .map(|m| format!("Duration: {m} minutes"))
    };

    let date_field = move |field: &'static str,
                           label: &'static str,
                           kind: &'static str,
                           value: RwSignal<String>| {
        let id = field_dom_id(field);
        let error = error_for(field.to_string());
        let error_id = format!("{id}-error");
        view! {
            <div class="field" class:has-error=move || error.get().is_some()>
                <label for=id.clone()>{label}</label>
                {move || error.get().map(|e| view! {
                    <p class="error-message" id=error_id.clone()><span class="visually-hidden">"Error: "</span>{e}</p>
                })}
                <input
                    id=id.clone()
                    type=kind
                    aria-describedby=move || error.get().map(|_| format!("{id}-error"))
                    aria-invalid=move || if error.get().is_some() { "true" } else { "false" }
                    prop:value=move || value.get()
                    prop:readOnly=move || locked.get()
                    on:input=move |ev| value.set(event_target_value(&ev))
                />
            </div>
        }
    };

    let client_error = error_for("client".into());

    let form_view = move || {
        let formats = formats.clone();
        view! {
            <form class="note-form" novalidate on:submit=on_submit on:focusout=move |_| flush()>
                {move || {
                    let list = errors.get();
                    (!list.is_empty()).then(|| view! {
                        <div class="error-summary" role="alert" tabindex="-1" part="error-summary">
                            <h3>"There is a problem"</h3>
                            <ul>
                                {list.into_iter().map(|e| {
                                    let field = e.field.clone();
                                    view! {
                                        <li><a href=format!("#{}", field_dom_id(&e.field)) on:click=move |ev| {
                                            ev.prevent_default();
                                            focus_field(&field);
                                        }>{e.message}</a></li>
                                    }
                                }).collect_view()}
                            </ul>
                        </div>
                    })
                }}
                {move || form.addendum.get().map(|a| {
                    let kind_error = error_for("addendum.reason".into());
                    // Either link problem, with the id its summary link points at.
                    let link_error = Signal::derive(move || errors.with(|e| e.iter().find(|x| x.field == "addendum.toHash" || x.field == "addendum.to").map(|x| (field_dom_id(&x.field), x.message.clone()))));
                    view! {
                        <fieldset class="addendum-block" part="addendum">
                            <legend>"Addendum"</legend>
                            <p>{format!("This is an addendum to note {}. The original note is not changed: this addendum is sent as a separate note that points to it.", a.to)}</p>
                            {move || link_error.get().map(|(id, e)| view! { <p class="error-message" id=id tabindex="-1"><span class="visually-hidden">"Error: "</span>{e}</p> })}
                            <div class="field">
                                <label for="cn-addendum-kind">"Kind of addendum"</label>
                                <select id="cn-addendum-kind" disabled=move || locked.get() on:change=move |ev| {
                                    if let Some(k) = AddendumKind::from_value(&event_target_value(&ev)) {
                                        form.addendum.update(|a| if let Some(a) = a { a.kind = k });
                                    }
                                }>
                                    {AddendumKind::ALL.into_iter().map(|k| view! {
                                        <option value=k.value() selected=move || form.addendum.with(|a| a.as_ref().map(|a| a.kind)) == Some(k)>{k.label()}</option>
                                    }).collect_view()}
                                </select>
                            </div>
                            <div class="field" class:has-error=move || kind_error.get().is_some()>
                                <label for="cn-addendum-reason">"Why you are writing this addendum"</label>
                                {move || kind_error.get().map(|e| view! { <p class="error-message" id="cn-addendum-reason-error"><span class="visually-hidden">"Error: "</span>{e}</p> })}
                                <textarea id="cn-addendum-reason" rows="2"
                                    aria-describedby=move || kind_error.get().map(|_| "cn-addendum-reason-error")
                                    aria-invalid=move || if kind_error.get().is_some() { "true" } else { "false" }
                                    prop:value=move || form.addendum.with(|a| a.as_ref().map(|a| a.reason.clone()).unwrap_or_default())
                                    prop:readOnly=move || locked.get()
                                    on:input=move |ev| { let v = event_target_value(&ev); form.addendum.update(|a| if let Some(a) = a { a.reason = v }); }
                                ></textarea>
                            </div>
                        </fieldset>
                    }
                })}
                {move || form.signature.get().map(|sig| view! {
                    <div class="signed" role="status" tabindex="-1" part="signed">
                        <p><strong>{format!("Signed by {} at {}.", if sig.signer_name.is_empty() { sig.signer_id.clone() } else { sig.signer_name.clone() }, signed_at_local(&sig.signed_at))}</strong>
                            " The note is locked and can no longer be changed here; corrections go in an addendum."</p>
                        <p class="hash">"Content SHA-256: "<code>{sig.content_hash.clone()}</code></p>
                    </div>
                })}
                <fieldset class="meta">
                    <legend>"About this contact"</legend>
                    <div class="field" class:has-error=move || client_error.get().is_some()>
                        <label for="cn-client">"Client"</label>
                        {move || client_error.get().map(|e| view! {
                            <p class="error-message" id="cn-client-error"><span class="visually-hidden">"Error: "</span>{e}</p>
                        })}
                        <input
                            id="cn-client"
                            type="text"
                            autocomplete="off"
                            aria-describedby=move || client_error.get().map(|_| "cn-client-error")
                            aria-invalid=move || if client_error.get().is_some() { "true" } else { "false" }
                            prop:value=move || form.client_name.get()
                            prop:readOnly=move || locked.get()
                            on:input=move |ev| form.client_name.set(event_target_value(&ev))
                        />
                    </div>
                    <div class="field">
                        <label for="cn-format">"Note format"</label>
                        <select id="cn-format" disabled=move || locked.get() on:change=move |ev| form.format.set(event_target_value(&ev))>
                            {formats.into_iter().map(|t| {
                                let id = t.id.clone();
                                view! { <option value=t.id.clone() selected=move || form.format.get() == id>{t.name.clone()}</option> }
                            }).collect_view()}
                        </select>
                    </div>
                    <div class="row">
                        {date_field("service.date", "Date of service", "date", form.date)}
                        {date_field("service.start", "Start time", "time", form.start)}
                        {date_field("service.end", "End time", "time", form.end)}
                    </div>
                    <p class="duration">{duration}</p>
                </fieldset>
                {move || {
                    template.get().sections.into_iter().map(|spec| {
                        let section = form.section(&spec.key);
                        let error = error_for(format!("section.{}", spec.key));
                        view! { <SectionField spec=spec section=section error=error error_of=error_cb locked=locked form=form template=template defined=defined approved=approved/> }
                    }).collect_view()
                }}
                {move || {
                    let t = template.get();
                    form.sections.get().into_iter().filter(|s| {
                        t.section(&s.key).is_none()
                            && (!s.text.with(|x| x.trim().is_empty()) || s.quotes.with(|q| !q.is_empty()))
                    }).map(|s| {
                        let id = field_dom_id(&format!("section.{}", s.key));
                        let name = title_case(&s.key);
                        let text = s.text;
                        let quotes = s.quotes;
                        let clear = move |_| {
                            let ok = window()
                                .confirm_with_message("Clear this text? It cannot be brought back.")
                                .unwrap_or(false);
                            if ok {
                                text.set(String::new());
                                quotes.set(Vec::new());
                            }
                        };
                        view! {
                            <div class="section stray" part="section">
                                <label for=id.clone() class="section-label">{format!("{name} (from another format)")}</label>
                                <p class="hint">{format!("This text is not part of a {} note. Copy what you need into a section above, then clear it.", t.name)}</p>
                                <textarea id=id readonly rows="4" prop:value=move || text.get()></textarea>
                                <button type="button" class="secondary" on:click=clear>{format!("Clear the {name} text")}</button>
                            </div>
                        }
                    }).collect_view()
                }}
                {(!host_goals.is_empty()).then(|| view! { <GoalsField goals=host_goals.clone() form=form locked=locked/> })}
                <ChallengesField form=form locked=locked/>
                <InterventionsField form=form error_for=error_cb locked=locked/>
                {move || is_late.get().then(|| view! {
                    <LateEntryField form=form hours=late_hours threshold=late_threshold error=error_for("lateEntryReason".into()) locked=locked/>
                })}
                {move || (!has_client_quote.get()).then(|| view! {
                    <p class="tip" part="tip">"Tip: this note has no quote of the client's own words yet. A sentence in the client's words, under “Client's own words”, carries their voice to the next reader. It is not required."</p>
                })}
                <div class="preview-block">
                    <button type="button" class="secondary" aria-expanded=move || if preview_open.get() { "true" } else { "false" } aria-controls="cn-preview"
                        on:click=move |_| preview_open.update(|o| *o = !*o)>
                        {move || if preview_open.get() { "Hide the preview" } else { "Preview the note" }}
                    </button>
                    {move || preview_open.get().then(|| view! {
                        <section id="cn-preview" class="preview" aria-label="Preview of the note" part="preview">
                            <pre class="rendered">{preview_text}</pre>
                        </section>
                    })}
                </div>
                {move || sign_open.get().then(|| {
                    let attestation = cfg.with_value(|c| c.attestation.clone());
                    let who = form.author.with(|a| match (a.name.is_empty(), a.id.is_empty()) {
                        (true, _) => a.id.clone(),
                        (false, true) => a.name.clone(),
                        (false, false) => format!("{} ({})", a.name, a.id),
                    });
                    view! {
                        <section class="sign-panel" aria-labelledby="cn-sign-title" part="sign-panel">
                            <h3 id="cn-sign-title" tabindex="-1">"Review and sign"</h3>
                            <p>"Read the note as it will be recorded. Once signed it cannot be changed; corrections go in an addendum."</p>
                            <pre class="rendered">{preview_text}</pre>
                            <p class="attestation">{attestation}</p>
                            <p>{format!("Signing as {who}.")}</p>
                            <div class="check">
                                <input type="checkbox" id="cn-attest" prop:checked=move || attested.get() on:change=move |ev| attested.set(event_target_checked(&ev))/>
                                <label class="inline" for="cn-attest">"I agree with this statement"</label>
                            </div>
                            <div class="panel-actions">
                                <button type="button" class="primary" disabled=move || !attested.get() on:click=sign>"Sign the note"</button>
                                <button type="button" class="secondary" on:click=move |_| {
                                    sign_open.set(false);
                                    request_animation_frame(move || focus_selector(root, "button[part=sign]"));
                                }>"Back to editing"</button>
                            </div>
                        </section>
                    }
                })}
                <div class="actions">
                    {move || form.signature.with(Option::is_none).then(|| view! {
                        <button type="button" class="secondary" part="sign" on:click=review_and_sign disabled=move || sending.get()>"Review and sign"</button>
                    })}
                    <button type="submit" class="primary" part="submit" disabled=move || sending.get()>
                        {move || if sending.get() { "Sending…" } else if form.signature.with(Option::is_some) { "Submit signed note" } else { "Submit note" }}
                    </button>
                    <button type="button" class="secondary" on:click=print>"Print"</button>
                    <button type="button" class="secondary" on:click=copy_text>"Copy as text"</button>
                </div>
                // Present from the start, so that screen readers announce each message.
                <p class="copied" role="status">{move || copied.get().unwrap_or_default()}</p>
                <section class="print-view" aria-hidden="true">
                    <pre class="rendered">{preview_text}</pre>
                </section>
                {move || send_error.get().map(|m| view! {
                    <div class="send-error" role="alert" tabindex="-1" part="send-error"><p>{m}</p></div>
                })}
            </form>
        }
    };

    view! {
        <div class="casenote" node_ref=root part="editor">
            <div class="status-bar">
                <h2 class="title">"Case note"</h2>
                <p class="save-status">{save_text}</p>
                <button
                    type="button"
                    class="secondary drafts-toggle"
                    aria-expanded=move || if panel_open.get() { "true" } else { "false" }
                    aria-controls="cn-drafts"
                    disabled=move || phase.get() == Phase::Loading
                    on:click=toggle_panel
                >"Drafts"</button>
                {move || {
                    let n = waiting.with(|w| w.len());
                    (n > 0).then(|| view! {
                        <button
                            type="button"
                            class="secondary outbox-toggle"
                            aria-expanded=move || if outbox_open.get() { "true" } else { "false" }
                            aria-controls="cn-outbox"
                            on:click=move |_| {
                                let open = !outbox_open.get_untracked();
                                outbox_open.set(open);
                                if open {
                                    request_animation_frame(move || focus_selector(root, "#cn-outbox-title"));
                                }
                            }
                        >{waiting_label(n)}</button>
                    })
                }}
            </div>
            // Open until closed, even once nothing is waiting any more: the
            // panel says so, and focus stays where it was.
            {move || outbox_open.get().then(|| view! {
                <OutboxPanel
                    waiting=Signal::derive(move || waiting.get())
                    paused=Signal::derive(move || auth_paused.get())
                    on_retry=Callback::new(move |_: ()| retry_all())
                    on_close=Callback::new(move |_: ()| {
                        outbox_open.set(false);
                        let to = if has_waiting.get_untracked() { ".outbox-toggle" } else { ".drafts-toggle" };
                        request_animation_frame(move || focus_selector(root, to));
                    })
                />
            })}
            <p class="visually-hidden save-announcer" role="status">{move || announce.get()}</p>
            {move || notice.get().map(|n| view! { <p class="notice" role="status" tabindex="-1" part="notice">{n}</p> })}
            {move || save_state.with(SaveState::is_conflict).then(|| {
                // Submitted or discarded in another tab, or changed there.
                let g = gone.get();
                let (title, text, first, second) = if g {
                    (
                        "This note was already submitted or discarded in another tab or window.",
                        " Sending it again from here could record it twice. If it was submitted, start a new note; keep this copy only if it still needs to be recorded:",
                        "Start a new note",
                        "Keep this copy as a new draft",
                    )
                } else {
                    (
                        "This draft was changed in another tab or window.",
                        " Your text here is saved as a separate copy on every edit, so neither version is lost. Choose which to keep working on:",
                        "Load the other version",
                        "Keep mine as a separate draft",
                    )
                };
                view! {
                    <div class="conflict" role="alert" tabindex="-1" part="conflict">
                        <p><strong>{title}</strong>{text}</p>
                        <button type="button" class="secondary" on:click=move |ev| if g { new_after_gone(ev) } else { keep_theirs(ev) }>{first}</button>
                        <button type="button" class="primary" on:click=keep_mine>{second}</button>
                    </div>
                }
            })}
            {move || panel_open.get().then(|| view! {
                <DraftsPanel
                    listing=listing
                    current_id=Signal::derive(move || form.id.get())
                    on_resume=on_resume
                    on_discard=on_discard
                    on_new=on_new
                    on_close=on_close
                />
            })}
            {move || restored_at.get().map(|ms| view! {
                <p class="notice restored">{format!("Restored your unsent draft, last saved at {}.", local_hh_mm(ms))}</p>
            })}
            {move || match (phase.get(), sent_id.get()) {
                (Phase::Loading, _) => view! { <p class="loading">"Loading your draft…"</p> }.into_any(),
                (Phase::Ready, Some(id)) => {
                    let texts = move || sent.with(|s| s.as_ref().map(sent_texts)).unwrap_or_default();
                    view! {
                        <div class=move || texts().2 role="status" tabindex="-1" part="confirmation">
                            <h3>{move || texts().0}</h3>
                            <p>{move || texts().1}</p>
                            <p class="reference">"Reference: "<code>{id}</code></p>
                            <button type="button" class="primary" on:click=move |_| start_new()>"Write another note"</button>
                        </div>
                    }.into_any()
                }
                (Phase::Ready, None) => form_view().into_any(),
            }}
        </div>
    }
}

/// When a note was signed, in the worker's local time (the stored time is
/// UTC, RFC 3339).
fn signed_at_local(rfc3339: &str) -> String {
    match crate::domain::time::parse_rfc3339(rfc3339) {
        Some(t) => crate::platform::local_date_time(t.timestamp_millis() as f64),
        None => rfc3339.to_string(),
    }
}

/// Title, text and CSS class of the panel shown after submit.
fn sent_texts(s: &Sent) -> (String, String, &'static str) {
    let what = format!(
        "{} note{}",
        s.format_name,
        if s.client.trim().is_empty() {
            String::new()
        } else {
            format!(" for {}", s.client.trim())
        }
    );
    match &s.state {
        SentState::Sending => (
            "Sending…".into(),
            format!("Your {what} is saved on this device and is being sent."),
            "confirmation sending",
        ),
        SentState::Delivered => ("Note sent".into(), format!("Your {what} was received."), "confirmation delivered"),
        SentState::Waiting {
            message,
            next_attempt_at,
        } => (
            "Waiting to send".into(),
            format!(
                "{message}{} You can close this page: your {what} is sent automatically.",
                next_attempt_at
                    .map(|t| format!(" Next try at {}.", local_hh_mm(t)))
                    .unwrap_or_default()
            ),
            "confirmation waiting",
        ),
        SentState::Offline => (
            "Waiting to send".into(),
            format!(
                "You are offline. Your {what} is saved on this device and will be sent automatically when the connection is back, even if you close this page."
            ),
            "confirmation waiting",
        ),
        SentState::AuthRequired { message } => ("Sign in to send".into(), message.clone(), "confirmation waiting"),
    }
}
