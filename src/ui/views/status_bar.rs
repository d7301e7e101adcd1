//! The bar at the top of the editor: the title, whether the draft is
//! saved, the Drafts button and, while notes wait, the outbox indicator.

use leptos::prelude::*;

use super::outbox_panel::waiting_label;
use crate::platform::local_hh_mm;
use crate::storage::StorageError;
use crate::text::Lang;
use crate::ui::context::use_lang;
use crate::ui::session::autosave::SaveState;
use crate::ui::session::{Panel, Phase, Session};
use casenote_text::tr;
use casenote_text::Catalog;

/// What the save status says for `state`.
fn save_text(state: &SaveState, lang: Lang) -> String {
    match state {
        SaveState::Idle => String::new(),
        SaveState::Saving => lang.t("status-bar-saving"),
        SaveState::Saved(ms) => tr!(lang, "status-bar-saved-at", time = local_hh_mm(*ms, lang)),
        SaveState::Failed(StorageError::Full) | SaveState::CopyFailed(StorageError::Full) => {
            lang.t("status-bar-storage-full")
        }
        SaveState::Failed(_) | SaveState::CopyFailed(_) => lang.t("status-bar-not-saved"),
        SaveState::Conflict => lang.t("status-bar-conflict"),
        SaveState::SavedAsCopy(ms) => {
            tr!(
                lang,
                "status-bar-saved-as-copy",
                time = local_hh_mm(*ms, lang)
            )
        }
    }
}

#[component]
pub fn StatusBar() -> impl IntoView {
    let s = expect_context::<Session>();
    let lang = use_lang();
    let expanded = |open: Memo<bool>| move || if open.get() { "true" } else { "false" };
    let (drafts_open, outbox_open) = (s.panels.open(Panel::Drafts), s.panels.open(Panel::Outbox));
    let toggle_outbox = move |_| {
        if s.panels.toggle(Panel::Outbox) {
            s.focus_later("#cn-outbox-title");
        }
    };
    view! {
        <div class="status-bar">
            <h2 class="title">{lang.t("status-bar-title")}</h2>
            // Once the note is sent, its draft is gone: only the
            // confirmation says where the note stands.
            <p class="save-status">{move || if s.sent.with(Option::is_some) { String::new() } else { s.save_state.with(|x| save_text(x, lang)) }}</p>
            <button
                type="button"
                class="secondary drafts-toggle"
                aria-expanded=expanded(drafts_open)
                aria-controls="cn-drafts"
                disabled=move || s.phase.get() == Phase::Loading
                on:click=move |_| s.toggle_drafts()
            >{lang.t("status-bar-drafts")}</button>
            <button
                type="button"
                class="secondary new-note"
                disabled=move || s.phase.get() == Phase::Loading
                on:click=move |_| s.start_new()
            >{lang.t("status-bar-new-note")}</button>
            // Present from the start, so that going offline is announced.
            <p class="offline-indicator" role="status" part="offline">
                {move || (!s.online.get()).then(|| lang.t("status-bar-offline"))}
            </p>
            {move || {
                let n = s.waiting.with(Vec::len);
                (n > 0).then(|| view! {
                    <button
                        type="button"
                        class="secondary outbox-toggle"
                        aria-expanded=expanded(outbox_open)
                        aria-controls="cn-outbox"
                        on:click=toggle_outbox
                    >{waiting_label(n, lang)}</button>
                })
            }}
        </div>
    }
}
