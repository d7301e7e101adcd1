//! The conflict box: this draft was changed in another tab, or already
//! submitted or discarded there. Neither version is lost; the worker
//! chooses which to keep working on.

use leptos::prelude::*;

use crate::text::Lang;
use crate::ui::context::use_lang;
use crate::ui::session::{Session, ThisDraft};
use casenote_text::Catalog;

/// What the box says, and its two choices.
struct Choice {
    title: String,
    text: String,
    first: String,
    second: String,
}

/// The note is gone (submitted or discarded elsewhere), or was changed.
fn choice(gone: bool, lang: Lang) -> Choice {
    if gone {
        Choice {
            title: lang.t("conflict-gone-title"),
            text: lang.t("conflict-gone-text"),
            first: lang.t("conflict-gone-new"),
            second: lang.t("conflict-gone-keep"),
        }
    } else {
        Choice {
            title: lang.t("conflict-changed-title"),
            text: lang.t("conflict-changed-text"),
            first: lang.t("conflict-changed-load"),
            second: lang.t("conflict-changed-keep"),
        }
    }
}

#[component]
pub fn ConflictBox() -> impl IntoView {
    let s = expect_context::<Session>();
    let lang = use_lang();
    move || {
        let gone = s.this_draft.get() == ThisDraft::GoneElsewhere;
        let c = choice(gone, lang);
        view! {
            <div class="conflict" role="alert" tabindex="-1" part="conflict">
                <p><strong>{c.title}</strong>" "{c.text}</p>
                <button type="button" class="secondary" on:click=move |_| if gone { s.new_after_gone() } else { s.keep_theirs() }>{c.first}</button>
                <button type="button" class="primary" on:click=move |_| s.keep_mine()>{c.second}</button>
            </div>
        }
    }
}
