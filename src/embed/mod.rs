//! Embedding: the `<casenote-editor>` custom element. Reads the host's
//! attributes into an [`EditorConfig`], mounts the editor into the element's
//! shadow root and unmounts it when the element leaves the page.

use std::cell::RefCell;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, ShadowRootInit, ShadowRootMode};

use crate::domain::contact::offered_modes;
use crate::domain::record::AddendumKind;
use crate::domain::review::ReviewPolicy;
use crate::domain::setup::{AddendumTarget, NoteSetup};
use crate::domain::signing::SigningPolicy;
use crate::domain::{Client, DocumentType, Person};
use crate::text::body::{FhirReferences, PayloadFormat};
use crate::text::labels::{default_attestation, signature_statement};
use crate::text::Lang;
use crate::ui::{Editor, EditorConfig, EditorControls, SignerEntry};
use crate::writing::abbreviations::parse_approved;
use attributes::Attribute;
use attributes::Attribute as A;

mod attributes;
mod page_text;
mod properties;
use properties::{
    goals_from, key_from, participants_from, previous_from, returned_from, template_from,
    texts_from,
};

pub const TAG: &str = "casenote-editor";

#[wasm_bindgen(module = "/src/embed/element.js")]
extern "C" {
    #[wasm_bindgen(js_name = defineCasenoteEditor)]
    fn define_casenote_editor(tag: &str, hooks: &js_sys::Object, attributes: &js_sys::Array);
}

struct Instance {
    controls: EditorControls,
    /// Dropping this unmounts the editor and disposes its reactive owner.
    _mounted: Box<dyn std::any::Any>,
    element: HtmlElement,
}

thread_local! {
    /// Mounted editors by element id (a few per page: a list is smaller in
    /// wasm than a map).
    static INSTANCES: RefCell<Vec<(u32, Instance)>> = const { RefCell::new(Vec::new()) };
    static NEXT: RefCell<u32> = const { RefCell::new(1) };
    static STYLE_URL: RefCell<String> = const { RefCell::new(String::new()) };
}

fn attr(el: &HtmlElement, name: Attribute) -> Option<String> {
    el.get_attribute(name.name()).map(|v| v.trim().to_string())
}

/// The editor's configuration from the element's attributes.
pub fn config_from(el: &HtmlElement) -> EditorConfig {
    let d = EditorConfig::default();
    let lang = lang_of(el);
    let text = |name: A| attr(el, name).unwrap_or_default();
    let non_empty = |name: A| attr(el, name).filter(|v| !v.is_empty());
    let list = |name: A| {
        attr(el, name)
            .map(|v| parse_approved(&v))
            .unwrap_or_default()
    };
    let payload = if attr(el, A::PayloadFormat).is_some_and(|v| v.eq_ignore_ascii_case("fhir")) {
        PayloadFormat::Fhir(FhirReferences {
            subject: non_empty(A::FhirSubject),
            author: non_empty(A::FhirAuthor),
        })
    } else {
        PayloadFormat::Json
    };
    let client = Client {
        id: text(A::ClientId),
        name: text(A::ClientName),
    };
    let (contact_modes, unknown_modes) = offered_modes(&list(A::ContactModes));
    let (signing, unknown_signing) = SigningPolicy::from_attribute(attr(el, A::Signing).as_deref());
    EditorConfig {
        endpoint: text(A::Endpoint),
        previous: previous_from(el, &client, lang),
        contact_modes,
        unknown_modes,
        locations: texts_from(el, "locations"),
        returned_text: returned_from(el),
        note: NoteSetup {
            returned: None,
            review: ReviewPolicy::from_attribute(non_empty(A::Review).as_deref()),
            participants: participants_from(el),
            language: lang,
            signature_statement: signature_statement(lang),
            format: non_empty(A::Format).unwrap_or(d.note.format),
            client,
            author: Person {
                id: text(A::AuthorId),
                name: text(A::AuthorName),
            },
            addendum: non_empty(A::AddendumTo).map(|to| AddendumTarget {
                to,
                to_hash: non_empty(A::AddendumToHash),
                service_date: non_empty(A::AddendumToDate),
                author: non_empty(A::AddendumToAuthor),
                kind: non_empty(A::AddendumKind).and_then(|k| AddendumKind::from_value(&k)),
            }),
        },
        draft_scope: non_empty(A::DraftScope).unwrap_or(d.draft_scope),
        retention_days: attr(el, A::DraftRetentionDays)
            .and_then(|v| crate::platform::positive_number(&v))
            .unwrap_or(d.retention_days),
        sent_retention_days: attr(el, A::SentRetentionDays)
            .and_then(|v| crate::platform::non_negative_number(&v))
            .unwrap_or(d.sent_retention_days),
        key: key_from(el, lang),
        goals: goals_from(el),
        template: template_from(el),
        formats: list(A::Formats),
        document_type: DocumentType::from_attribute(&text(A::NoteType)),
        late_entry_hours: attr(el, A::LateEntryHours)
            .and_then(|v| crate::platform::positive_number(&v))
            .unwrap_or(d.late_entry_hours),
        abbreviations: list(A::Abbreviations),
        signing,
        unknown_signing,
        attestation: non_empty(A::Attestation).unwrap_or_else(|| default_attestation(lang)),
        signer: if attr(el, A::SignerEntry).is_some_and(|v| v.eq_ignore_ascii_case("worker")) {
            SignerEntry::Worker
        } else {
            SignerEntry::Host
        },
        payload,
        lang,
    }
}

/// The language of the element: its own `lang`, else its nearest
/// ancestor's (the page's `<html lang>` included). `element.js` remounts
/// the editor when that changes.
pub fn lang_of(el: &HtmlElement) -> Lang {
    el.closest("[lang]")
        .ok()
        .flatten()
        .and_then(|e| e.get_attribute(Attribute::Lang.name()))
        .map(|tag| Lang::negotiate(&tag))
        .unwrap_or_default()
}

fn mount(el: HtmlElement) -> u32 {
    let id = NEXT.with(|n| {
        let mut n = n.borrow_mut();
        let id = *n;
        *n += 1;
        id
    });
    mount_as(el, id);
    id
}

fn mount_as(el: HtmlElement, id: u32) {
    let shadow = match el.shadow_root() {
        Some(s) => s,
        None => match el.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open)) {
            Ok(s) => s,
            Err(_) => return,
        },
    };
    shadow.set_inner_html("");
    let doc = crate::platform::window().document().expect("document");
    let Ok(container) = doc.create_element("div") else {
        return;
    };
    let _ = container.set_attribute("class", "casenote-host");
    // What the editor's text is in, for screen readers and hyphenation.
    let _ = container.set_attribute(Attribute::Lang.name(), lang_of(&el).tag());
    let Ok(container) = container.dyn_into::<HtmlElement>() else {
        return;
    };
    let style_url = STYLE_URL.with(|s| s.borrow().clone());
    if !style_url.is_empty() {
        if let Ok(link) = doc.create_element("link") {
            let _ = link.set_attribute("rel", "stylesheet");
            let _ = link.set_attribute("href", &style_url);
            if let Ok(link) = link.dyn_into::<HtmlElement>() {
                // The editor shows once its styles apply (or failed to
                // load): never unstyled, with the page's CSS showing through.
                container.set_hidden(true);
                let shown = container.clone();
                let show = Closure::once_into_js(move || shown.set_hidden(false));
                link.set_onload(Some(show.unchecked_ref()));
                link.set_onerror(Some(show.unchecked_ref()));
                let _ = shadow.append_child(&link);
            }
        }
    }
    let _ = shadow.append_child(&container);

    let config = config_from(&el);
    let controls = EditorControls::new(el.clone());
    let c = controls.clone();
    let handle = leptos::mount::mount_to(
        container,
        move || view! { <Editor config=config controls=c/> },
    );
    INSTANCES.with(|m| {
        let mut m = m.borrow_mut();
        m.retain(|(i, _)| *i != id);
        m.push((
            id,
            Instance {
                controls,
                _mounted: Box::new(handle),
                element: el,
            },
        ));
    });
}

fn unmount(id: u32) {
    let instance = INSTANCES.with(|m| {
        let mut m = m.borrow_mut();
        let at = m.iter().position(|(i, _)| *i == id)?;
        Some(m.remove(at).1)
    });
    if let Some(instance) = instance {
        instance.controls.flush();
        drop(instance._mounted);
        if let Some(shadow) = instance.element.shadow_root() {
            shadow.set_inner_html("");
        }
    }
}

fn controls(id: u32) -> Option<EditorControls> {
    INSTANCES.with(|m| {
        m.borrow()
            .iter()
            .find(|(i, _)| *i == id)
            .map(|(_, i)| i.controls.clone())
    })
}

fn flush(id: u32) {
    if let Some(c) = controls(id) {
        c.flush();
    }
}

fn retry(id: u32) {
    if let Some(c) = controls(id) {
        c.retry();
    }
}

fn submit(id: u32) {
    if let Some(c) = controls(id) {
        c.submit();
    }
}

/// `purgeDrafts()`: through the mounted editor when there is one (it also
/// clears its form), otherwise straight on storage, so a logout purge works
/// while the editor loads, re-mounts or after it was removed.
fn purge(id: u32, el: HtmlElement) -> js_sys::Promise {
    let scope = attr(&el, Attribute::DraftScope)
        .filter(|v| !v.is_empty())
        .unwrap_or_else(|| EditorConfig::default().draft_scope);
    if let Some(c) = controls(id) {
        if c.is_ready() {
            return c.purge();
        }
    }
    wasm_bindgen_futures::future_to_promise(async move {
        let store = crate::storage::DraftStore::open(None).await.store;
        let now = crate::platform::now_ms();
        // The list of sent notes names clients: it goes too.
        let purged = match store.purge(&scope, now, None).await {
            Ok(_) => store.purge_sent(&scope, now, None).await,
            Err(e) => Err(e),
        };
        purged.map(|_| JsValue::UNDEFINED).map_err(|e| {
            js_sys::Error::new(&format!("casenote could not purge drafts: {e}")).into()
        })
    })
}

/// Remounts with the new attributes or key. The draft is flushed first and
/// restored by the new mount, so nothing typed is lost.
fn remount(id: u32) {
    let element = INSTANCES.with(|m| {
        m.borrow()
            .iter()
            .find(|(i, _)| *i == id)
            .map(|(_, i)| i.element.clone())
    });
    if let Some(el) = element {
        unmount(id);
        // Mount again once the old editor's last draft write, and a submit
        // whose beforeSubmit hook is still deciding, have committed: the
        // new one restores every keystroke, and finds a submitted note in
        // the outbox rather than among the drafts.
        leptos::task::spawn_local(async move {
            crate::ui::writes_settled(30_000).await;
            let replaced = INSTANCES.with(|m| m.borrow().iter().any(|(i, _)| *i == id));
            if !replaced && el.is_connected() {
                mount_as(el, id);
            }
        });
    }
}

/// Defines `<casenote-editor>`. `style_url` is the stylesheet each editor
/// loads into its shadow root. Elements already in the page are upgraded.
#[wasm_bindgen]
pub fn register(style_url: String) {
    crate::ui::set_aids_base(&style_url);
    STYLE_URL.with(|s| *s.borrow_mut() = style_url);
    let hooks = js_sys::Object::new();
    let set = |name: &str, f: &JsValue| {
        let _ = js_sys::Reflect::set(&hooks, &JsValue::from_str(name), f);
    };
    let mount_cb = Closure::<dyn Fn(HtmlElement) -> u32>::new(mount);
    let unmount_cb = Closure::<dyn Fn(u32)>::new(unmount);
    let flush_cb = Closure::<dyn Fn(u32)>::new(flush);
    let purge_cb = Closure::<dyn Fn(u32, HtmlElement) -> js_sys::Promise>::new(purge);
    let remount_cb = Closure::<dyn Fn(u32)>::new(remount);
    let retry_cb = Closure::<dyn Fn(u32)>::new(retry);
    let submit_cb = Closure::<dyn Fn(u32)>::new(submit);
    set("mount", mount_cb.as_ref());
    set("unmount", unmount_cb.as_ref());
    set("flush", flush_cb.as_ref());
    set("purge", purge_cb.as_ref());
    set("remount", remount_cb.as_ref());
    set("retry", retry_cb.as_ref());
    set("submit", submit_cb.as_ref());
    // The element definition lives as long as the page.
    mount_cb.forget();
    unmount_cb.forget();
    flush_cb.forget();
    purge_cb.forget();
    remount_cb.forget();
    retry_cb.forget();
    submit_cb.forget();
    let attributes: js_sys::Array = Attribute::ALL
        .iter()
        .map(|a| JsValue::from_str(a.name()))
        .collect();
    define_casenote_editor(TAG, &hooks, &attributes);
}
