//! The writing aids' data (`domain::writing::data`: the word lists and
//! the model), loaded after the first screen: `casenote-aids-LANG.json`,
//! beside the element's other files, fetched the first time a section has
//! text to check, once per page and language. Until it arrives, and if it
//! cannot, the aids that need no list run alone; a failed load is said in
//! place and tried again at the next check. The file is part of the
//! release the service worker precaches, so it loads offline too.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::Response;

use crate::platform::window;
use crate::text::Lang;
use crate::writing::data::AidsData;

/// Where the data of a language stands on this page.
#[derive(Clone, Default)]
pub enum ModelState {
    #[default]
    NotAsked,
    Loading,
    Ready(Arc<AidsData>),
    Failed,
}

thread_local! {
    /// The folder the element's files are served from (its stylesheet's
    /// URL, given at registration).
    static BASE: RefCell<String> = const { RefCell::new(String::new()) };
    /// One state per language, shared by every editor on the page.
    /// (Reference-counted signals: no one editor's owner disposes them.)
    static STATES: RefCell<BTreeMap<&'static str, ArcRwSignal<ModelState>>> =
        const { RefCell::new(BTreeMap::new()) };
}

/// Records where the element's files are: any URL in their folder.
pub fn set_base(url_in_folder: &str) {
    BASE.with(|b| *b.borrow_mut() = url_in_folder.to_string());
}

fn url(lang: Lang) -> Option<String> {
    let base = BASE.with(|b| b.borrow().clone());
    let name = format!("casenote-aids-{}.json", lang.tag());
    web_sys::Url::new_with_base(&name, &base)
        .ok()
        .map(|u| u.href())
}

async fn fetch(url: &str) -> Option<AidsData> {
    let response: Response = JsFuture::from(window().fetch_with_str(url))
        .await
        .ok()?
        .dyn_into()
        .ok()?;
    if !response.ok() {
        return None;
    }
    let text = JsFuture::from(response.text().ok()?)
        .await
        .ok()?
        .as_string()?;
    AidsData::from_json(&text)
}

/// The data of one language, for the views.
#[derive(Clone)]
pub struct AidsLoader {
    lang: Lang,
    state: ArcRwSignal<ModelState>,
}

impl AidsLoader {
    pub fn new(lang: Lang) -> Self {
        let state = STATES.with(|m| {
            m.borrow_mut()
                .entry(lang.tag())
                .or_insert_with(|| ArcRwSignal::new(ModelState::NotAsked))
                .clone()
        });
        AidsLoader { lang, state }
    }

    /// The data, once loaded (tracked).
    pub fn get(&self) -> Option<Arc<AidsData>> {
        self.state.with(|s| match s {
            ModelState::Ready(m) => Some(m.clone()),
            _ => None,
        })
    }

    /// Whether the last load failed (tracked).
    pub fn failed(&self) -> bool {
        self.state.with(|s| matches!(s, ModelState::Failed))
    }

    /// Starts loading, unless it is loaded or loading: after a failure,
    /// this is the next try.
    pub fn want(&self) {
        let idle = self
            .state
            .with_untracked(|s| matches!(s, ModelState::NotAsked | ModelState::Failed));
        let Some(url) = url(self.lang).filter(|_| idle) else {
            return;
        };
        let state = self.state.clone();
        state.set(ModelState::Loading);
        wasm_bindgen_futures::spawn_local(async move {
            let loaded = fetch(&url).await;
            state.set(match loaded {
                Some(m) => ModelState::Ready(Arc::new(m)),
                None => ModelState::Failed,
            });
        });
    }
}
