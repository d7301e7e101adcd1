//! Dismissing one suggestion with a reason: a Dismiss button that opens
//! the reasons in place (`domain::writing::dismissal::DismissReason`), and
//! a way back. What a dismissal keeps, and for how long, is the domain's.

use leptos::prelude::*;

use crate::ui::context::{focus_selector_later, use_lang, Root};
use crate::writing::dismissal::DismissReason;
use casenote_text::labels::Label;
use casenote_text::tr;
use casenote_text::Catalog;

#[component]
pub fn DismissChoice(
    /// The passage as written, to name what is dismissed.
    found: String,
    /// A unique id for the list of reasons.
    id: String,
    /// Called with the reason chosen.
    on_dismiss: Callback<DismissReason>,
) -> impl IntoView {
    let lang = use_lang();
    let open = RwSignal::new(false);
    let why = tr!(lang, "aids-dismiss-why", found = found.as_str());
    let first = format!("{id}-first");
    let toggle_id = format!("{id}-toggle");
    let root = expect_context::<Root>().0;
    let focus = move |target: String| focus_selector_later(root, format!("#{target}"));
    let (first_id, back_id) = (StoredValue::new(first), StoredValue::new(toggle_id.clone()));
    view! {
        " "<button type="button" class="link" id=toggle_id aria-expanded=move || open.get().to_string()
            aria-controls=id.clone()
            on:click=move |_| {
                open.update(|o| *o = !*o);
                if open.get_untracked() {
                    focus(first_id.get_value());
                }
            }>{lang.t("aids-dismiss")}</button>
        <span id=id.clone() role="group" aria-label=why class="dismiss-reasons" hidden=move || !open.get()>
            {DismissReason::ALL.into_iter().enumerate().map(|(i, reason)| view! {
                " "<button type="button" class="link" id=(i == 0).then(|| first_id.get_value())
                    on:click=move |_| {
                        open.set(false);
                        on_dismiss.run(reason);
                    }>{reason.label(lang)}</button>
            }).collect_view()}
            " "<button type="button" class="link" on:click=move |_| {
                open.set(false);
                focus(back_id.get_value());
            }>{lang.t("aids-dismiss-cancel")}</button>
        </span>
    }
}
