//! Parts of the editor that load on first use. The first screen (the form,
//! the draft's restore, autosave) is in the wasm every page loads; a panel,
//! the writing aids or the printed record is a *part*: a function declared
//! with [`part!`], whose code the release build (`.ci/wasm`) moves into a
//! file of its own beside the element's, fetched the first time the
//! function is called and kept for the page's life.
//!
//! [`Part`] shows such a function's view where it is called. As soon as
//! the editor is ready, [`preload_parts`] fetches the parts a worker may
//! need next, all at once, so that they are at
//! hand offline (the confirmation of a note queued while offline, the
//! outbox) even on a portal without the service worker. A part that
//! cannot be loaded (a 404, offline on a portal without the service
//! worker) is never a crash: the place says so in the worker's language,
//! with a button to try again; the next use tries again as well. Nothing
//! the worker typed is in a part, so nothing is lost.

use std::future::Future;

use leptos::prelude::*;
use send_wrapper::SendWrapper;

use crate::ui::context::use_lang;
use casenote_text::tr;
use casenote_text::Catalog;

/// A part's code could not be loaded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unloaded;

impl From<leptos::wasm_split::SplitLoaderError> for Unloaded {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        Unloaded
    }
}

/// Declares a part: `part!(chunk, fn name(args) -> T { body })` makes
/// `async fn name(args) -> Result<T, Unloaded>`. In the release build
/// (`casenote_split`, set by `.ci/wasm`) the body is a split point whose
/// code goes into the chunk `chunk` with every other function only it
/// reaches; in any other build it is called directly.
macro_rules! part {
    ($chunk:ident, $(#[$m:meta])* $vis:vis fn $name:ident($($arg:ident: $ty:ty),* $(,)?) -> $ret:ty $body:block) => {
        #[cfg(casenote_split)]
        #[::leptos::wasm_split::wasm_split($chunk, wasm_split_path = ::leptos::wasm_split, fallible)]
        $(#[$m])*
        $vis fn $name($($arg: $ty),*) -> ::core::result::Result<$ret, $crate::ui::part::Unloaded> {
            ::core::result::Result::Ok($body)
        }
        #[cfg(not(casenote_split))]
        $(#[$m])*
        $vis async fn $name($($arg: $ty),*) -> ::core::result::Result<$ret, $crate::ui::part::Unloaded> {
            ::core::result::Result::Ok($body)
        }
    };
}
pub(crate) use part;

// For each part, by the name its file has (split_<part>.wasm), a function
// in it that does nothing: calling it loads the part (and the code it
// shares with others).
part!(sent, fn load_sent() -> () {});
part!(outbox, fn load_outbox() -> () {});
part!(signing, fn load_signing() -> () {});
part!(record, fn load_record() -> () {});
part!(aids, fn load_aids() -> () {});
part!(drafts, fn load_drafts() -> () {});
part!(paste, fn load_paste() -> () {});
part!(fhir, fn load_fhir() -> () {});

/// Loads the parts a worker may need next, all at once, as soon as the
/// editor is ready (the form is on screen; its own parts, the aids and the
/// record, are already on their way): a worker who loses the signal a
/// moment later can still sign and send (the note then waits in the
/// outbox). FHIR only where the host sends it. A part that fails here is
/// tried again when it is used.
pub fn preload_parts(fhir: bool) {
    macro_rules! start {
        ($($load:ident),*) => {$(
            leptos::task::spawn_local(async move {
                let _ = $load().await;
            });
        )*};
    }
    start!(
        load_signing,
        load_sent,
        load_outbox,
        load_record,
        load_aids,
        load_drafts,
        load_paste
    );
    if fhir {
        start!(load_fhir);
    }
}

/// Shows the view a part's function makes, once its code is here; nothing
/// while it loads; and where it cannot load, a message naming it (`what`,
/// the catalog's id of its name) with a button that tries again. `id` is
/// the part's own element's id, which the message then carries, so that a
/// control that points at the part (`aria-controls`) points at it.
#[component]
pub fn Part<F, Fut>(
    what: &'static str,
    load: F,
    #[prop(optional)] id: Option<&'static str>,
) -> impl IntoView
where
    F: Fn() -> Fut + Copy + 'static,
    Fut: Future<Output = Result<AnyView, Unloaded>> + 'static,
{
    let lang = use_lang();
    let attempt = Trigger::new();
    let load = SendWrapper::new(load);
    move || {
        attempt.track();
        let load: F = *load;
        Suspend::new(SendWrapper::new(async move {
            match load().await {
                Ok(view) => view,
                Err(Unloaded) => view! {
                    <div class="notice part-failed" id=id role="alert" part="notice">
                        <p>{tr!(lang, "part-failed", part = lang.t(what))}</p>
                        <button type="button" on:click=move |_| attempt.notify()>{lang.t("part-retry")}</button>
                    </div>
                }
                .into_any(),
            }
        }))
    }
}
