//! One section of the note: its text and the quotes in it.

use leptos::prelude::*;

use super::editor::{focus_selector, Root};
use super::form::{QuoteState, SectionState};
use crate::domain::{Quote, SectionSpec, Speaker};

const SPEAKERS: [Speaker; 4] = [
    Speaker::Client,
    Speaker::FamilyMember,
    Speaker::CollateralContact,
    Speaker::Other,
];

fn speaker_value(s: Speaker) -> &'static str {
    match s {
        Speaker::Client => "client",
        Speaker::FamilyMember => "familyMember",
        Speaker::CollateralContact => "collateralContact",
        Speaker::Other => "other",
    }
}

fn speaker_from(v: &str) -> Speaker {
    SPEAKERS
        .into_iter()
        .find(|s| speaker_value(*s) == v)
        .unwrap_or_default()
}

/// The DOM id of the field an error key names (`section.plan` → `cn-section-plan`).
pub fn field_dom_id(field: &str) -> String {
    format!("cn-{}", field.replace('.', "-"))
}

#[component]
pub fn SectionField(
    spec: SectionSpec,
    section: SectionState,
    /// The error for this section, if any.
    error: Signal<Option<String>>,
    locked: Signal<bool>,
) -> impl IntoView {
    let field = format!("section.{}", spec.key);
    let id = field_dom_id(&field);
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let describedby = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            if error.get().is_some() {
                format!("{hint_id} {error_id}")
            } else {
                hint_id.clone()
            }
        }
    };
    let text = section.text;
    let quotes = section.quotes;
    let label = spec.label.clone();
    let root = expect_context::<Root>().0;
    let add_quote = move |_| {
        let q = QuoteState::new(&Quote::default());
        quotes.update(|v| v.push(q));
        // Move focus into the new quote's words.
        let selector = format!("[data-quote-uid=\"{}\"]", q.uid);
        request_animation_frame(move || focus_selector(root, &selector));
    };
    view! {
        <div class="section" class:has-error=move || error.get().is_some() part="section">
            <label for=id.clone() class="section-label">
                {spec.label.clone()}
                {(!spec.required).then(|| view! { <span class="optional">" (optional)"</span> })}
            </label>
            <p class="hint" id=hint_id>{spec.prompt.clone()}</p>
            {move || error.get().map(|e| view! {
                <p class="error-message" id=error_id.clone()><span class="visually-hidden">"Error: "</span>{e}</p>
            })}
            <textarea
                id=id
                name=field
                rows="5"
                aria-describedby=describedby
                aria-invalid=move || if error.get().is_some() { "true" } else { "false" }
                prop:value=move || text.get()
                prop:readOnly=move || locked.get()
                on:input=move |ev| text.set(event_target_value(&ev))
            ></textarea>
            <div class="quotes" role="group" aria-label=format!("{label}: client's own words")>
                <p class="quotes-title">"Client's own words"</p>
                <ul class="quote-list">
                    <For each=move || quotes.get() key=|q| q.uid let:q>
                        <QuoteItem q=q quotes=quotes locked=locked/>
                    </For>
                </ul>
                <button type="button" class="secondary" on:click=add_quote disabled=move || locked.get()>
                    "Add a quote"<span class="visually-hidden">{format!(" to {}", spec.label)}</span>
                </button>
            </div>
        </div>
    }
}

#[component]
fn QuoteItem(
    q: QuoteState,
    quotes: RwSignal<Vec<QuoteState>>,
    locked: Signal<bool>,
) -> impl IntoView {
    let base = format!("cn-quote-{}", q.uid);
    let words_id = format!("{base}-words");
    let speaker_id = format!("{base}-speaker");
    let context_id = format!("{base}-context");
    let remove = move |_| quotes.update(|v| v.retain(|x| x.uid != q.uid));
    view! {
        <li class="quote" part="quote">
            <label for=words_id.clone()>"Words, exactly as said"</label>
            <div class="quote-words">
                <span class="mark" aria-hidden="true">"“"</span>
                <textarea
                    id=words_id
                    rows="2"
                    data-quote-uid=q.uid.to_string()
                    prop:value=move || q.text.get()
                    prop:readOnly=move || locked.get()
                    on:input=move |ev| q.text.set(event_target_value(&ev))
                ></textarea>
                <span class="mark" aria-hidden="true">"”"</span>
            </div>
            <div class="quote-meta">
                <div>
                    <label for=speaker_id.clone()>"Said by"</label>
                    <select
                        id=speaker_id
                        disabled=move || locked.get()
                        on:change=move |ev| q.speaker.set(speaker_from(&event_target_value(&ev)))
                    >
                        {SPEAKERS.into_iter().map(|s| view! {
                            <option value=speaker_value(s) selected=move || q.speaker.get() == s>{s.label()}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div>
                    <label for=context_id.clone()>"Context (optional)"</label>
                    <input
                        id=context_id
                        type="text"
                        prop:value=move || q.context.get()
                        prop:readOnly=move || locked.get()
                        on:input=move |ev| q.context.set(event_target_value(&ev))
                    />
                </div>
                <button type="button" class="link" on:click=remove disabled=move || locked.get()>
                    "Remove quote"
                </button>
            </div>
        </li>
    }
}
