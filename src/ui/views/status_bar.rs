//! The bar at the top of the editor: the title, whether the draft is
//! saved, the Drafts button and, while notes wait, the outbox indicator.

use leptos::prelude::*;

use super::outbox_panel::waiting_label;
use crate::platform::local_hh_mm;
use crate::storage::StorageError;
use crate::ui::session::autosave::SaveState;
use crate::ui::session::{Phase, Session};

/// What the save status says for `state`.
fn save_text(state: &SaveState) -> String {
    match state {
        SaveState::Idle => String::new(),
        SaveState::Saving => "Saving…".into(),
        SaveState::Saved(ms) => format!("Draft saved at {}", local_hh_mm(*ms)),
        SaveState::Failed(StorageError::Full) | SaveState::CopyFailed(StorageError::Full) => {
            "Not saved: this device's storage is full. Your text is still here; casenote keeps trying.".into()
        }
        SaveState::Failed(_) | SaveState::CopyFailed(_) => {
            "Not saved yet: your text is still here, and casenote keeps trying.".into()
        }
        SaveState::Conflict => "Edits here are saved as a separate copy".into(),
        SaveState::SavedAsCopy(ms) => format!("Saved as a separate copy at {}", local_hh_mm(*ms)),
    }
}

#[component]
pub fn StatusBar() -> impl IntoView {
    let s = expect_context::<Session>();
    let expanded = |open: RwSignal<bool>| move || if open.get() { "true" } else { "false" };
    let toggle_outbox = move |_| {
        let open = !s.outbox_open.get_untracked();
        s.outbox_open.set(open);
        if open {
            s.focus_later("#cn-outbox-title");
        }
    };
    view! {
        <div class="status-bar">
            <h2 class="title">"Case note"</h2>
            <p class="save-status">{move || s.save_state.with(save_text)}</p>
            <button
                type="button"
                class="secondary drafts-toggle"
                aria-expanded=expanded(s.panel_open)
                aria-controls="cn-drafts"
                disabled=move || s.phase.get() == Phase::Loading
                on:click=move |_| s.toggle_drafts()
            >"Drafts"</button>
            <button
                type="button"
                class="secondary new-note"
                disabled=move || s.phase.get() == Phase::Loading
                on:click=move |_| s.start_new()
            >"New note"</button>
            {move || {
                let n = s.waiting.with(Vec::len);
                (n > 0).then(|| view! {
                    <button
                        type="button"
                        class="secondary outbox-toggle"
                        aria-expanded=expanded(s.outbox_open)
                        aria-controls="cn-outbox"
                        on:click=toggle_outbox
                    >{waiting_label(n)}</button>
                })
            }}
        </div>
    }
}
