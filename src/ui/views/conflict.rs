//! The conflict box: this draft was changed in another tab, or already
//! submitted or discarded there. Neither version is lost; the worker
//! chooses which to keep working on.

use leptos::prelude::*;

use crate::ui::session::Session;

/// What the box says, and its two choices.
struct Choice {
    title: &'static str,
    text: &'static str,
    first: &'static str,
    second: &'static str,
}

const GONE: Choice = Choice {
    title: "This note was already submitted or discarded in another tab or window.",
    text: " Sending it again from here could record it twice. If it was submitted, start a new note; keep this copy only if it still needs to be recorded:",
    first: "Start a new note",
    second: "Keep this copy as a new draft",
};

const CHANGED: Choice = Choice {
    title: "This draft was changed in another tab or window.",
    text: " Your text here is saved as a separate copy on every edit, so neither version is lost. Choose which to keep working on:",
    first: "Load the other version",
    second: "Keep mine as a separate draft",
};

#[component]
pub fn ConflictBox() -> impl IntoView {
    let s = expect_context::<Session>();
    move || {
        let gone = s.gone.get();
        let c = if gone { &GONE } else { &CHANGED };
        view! {
            <div class="conflict" role="alert" tabindex="-1" part="conflict">
                <p><strong>{c.title}</strong>{c.text}</p>
                <button type="button" class="secondary" on:click=move |_| if gone { s.new_after_gone() } else { s.keep_theirs() }>{c.first}</button>
                <button type="button" class="primary" on:click=move |_| s.keep_mine()>{c.second}</button>
            </div>
        }
    }
}
