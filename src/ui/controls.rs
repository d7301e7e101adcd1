//! How the embedding talks to a mounted editor (the element's `flush()`,
//! `retry()`, `submit()` and `purge()`), and where its events go.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::JsValue;

use crate::platform::emit;

type Action = Rc<dyn Fn()>;
type AsyncAction = Rc<dyn Fn() -> js_sys::Promise>;

/// Shared by the element and its editor: the element calls, the editor's
/// session answers.
#[derive(Clone, Default)]
pub struct EditorControls {
    flush: Rc<RefCell<Option<Action>>>,
    retry: Rc<RefCell<Option<Action>>>,
    submit: Rc<RefCell<Option<Action>>>,
    purge: Rc<RefCell<Option<AsyncAction>>>,
    ready: Rc<Cell<bool>>,
    /// The element events are dispatched on.
    pub host: Option<web_sys::HtmlElement>,
}

fn call(slot: &RefCell<Option<Action>>) {
    let f = slot.borrow().clone();
    if let Some(f) = f {
        f();
    }
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
        call(&self.flush);
    }

    /// Resumes a paused outbox and tries every waiting note now.
    pub fn retry(&self) {
        call(&self.retry);
    }

    /// Submits the note, as the Submit button does.
    pub fn submit(&self) {
        call(&self.submit);
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
            None => js_sys::Promise::resolve(&JsValue::UNDEFINED),
        }
    }

    pub(crate) fn on_flush(&self, f: Action) {
        *self.flush.borrow_mut() = Some(f);
    }

    pub(crate) fn on_retry(&self, f: Action) {
        *self.retry.borrow_mut() = Some(f);
    }

    pub(crate) fn on_submit(&self, f: Action) {
        *self.submit.borrow_mut() = Some(f);
    }

    pub(crate) fn on_purge(&self, f: AsyncAction) {
        *self.purge.borrow_mut() = Some(f);
    }

    pub(crate) fn set_ready(&self) {
        self.ready.set(true);
    }

    /// Dispatches `name` with `detail` on the element.
    pub(crate) fn emit(&self, name: &str, detail: &JsValue) {
        if let Some(host) = &self.host {
            emit(host, name, detail);
        }
    }
}
