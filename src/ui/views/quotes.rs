//! The client's own words in a section: each quote verbatim, who said it
//! and in what context; added empty, or marked from selected text.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::debounce::{after_pause, Settled};
use super::field::{Field, FieldAria};
use crate::domain::note::{mark_quote, requote};
use crate::domain::FieldPath;
use crate::domain::{Quote, SectionSpec, Speaker};
use crate::ui::context::{focus_selector_later, focus_within_later, use_lang, Root};
use crate::ui::session::form::{Form, QuoteState, SectionState};
use casenote_text::labels::Label;
use casenote_text::tr;
use casenote_text::Catalog;

/// Byte offset of the UTF-16 offset `u16_pos` in `text` (textarea
/// selections count UTF-16 units).
fn byte_offset(text: &str, u16_pos: u32) -> usize {
    let mut units = 0u32;
    for (i, c) in text.char_indices() {
        if units >= u16_pos {
            return i;
        }
        units += c.len_utf16() as u32;
    }
    text.len()
}

#[component]
pub fn QuoteList(
    /// The DOM id of the section's text box, to mark quotes from.
    area_id: String,
    /// The section's field: each quote's is made from it.
    field: FieldPath,
    spec: SectionSpec,
    section: SectionState,
    form: Form,
    locked: Signal<bool>,
    error_of: Callback<FieldPath, Option<String>>,
) -> impl IntoView {
    let lang = use_lang();
    let (text, quotes) = (section.text, section.quotes);
    let root = expect_context::<Root>().0;
    let focus_quote = move |q: &QuoteState| {
        focus_selector_later(root, format!("[data-quote-uid=\"{}\"]", q.uid));
    };
    let add_quote = move |_| {
        let q = form.new_quote(&Quote::default());
        quotes.update(|v| v.push(q));
        // Move focus into the new quote's words.
        focus_quote(&q);
    };
    // "Mark as quote": the selected words leave the text and become a quote.
    let mark_hint = RwSignal::new(None::<String>);
    let mark = move |_| {
        let area = root
            .get_untracked()
            .and_then(|r| r.query_selector(&format!("#{area_id}")).ok().flatten())
            .and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok());
        let Some(area) = area else { return };
        let (Ok(Some(start)), Ok(Some(end))) = (area.selection_start(), area.selection_end())
        else {
            return;
        };
        let current = text.get_untracked();
        let (bs, be) = (byte_offset(&current, start), byte_offset(&current, end));
        // The words stay in the text, now in quotation marks, and the
        // quote records them.
        let Some(marked) = mark_quote(&current, bs, be) else {
            mark_hint.set(Some(lang.t("quote-mark-hint")));
            return;
        };
        mark_hint.set(None);
        text.set(marked.text);
        let q = form.new_quote(&marked.quote);
        quotes.update(|v| v.push(q));
        focus_quote(&q);
    };
    let label = spec.label.clone();
    // Whether each marked quote still stands in the text is checked once
    // typing pauses, never on the keystroke (a section with 50 quotes
    // would search its text 50 times a character).
    let settled = after_pause(text.into(), 250);
    view! {
        <div class="quotes" role="group" aria-label=tr!(lang, "quote-group", section = spec.label.as_str())>
            <p class="quotes-title">{lang.t("quote-title")}</p>
            <ul class="quote-list">
                // Rebuilt whole when a quote is added or removed (typing
                // changes a quote's own signals, not the list), so each
                // quote's place is a plain value.
                {move || quotes.get().into_iter().enumerate().map(|(i, q)| view! {
                    <QuoteItem q=q index=i quotes=quotes section_text=text settled=settled locked=locked field=field.quote(i) section_label=label.clone() error_of=error_of/>
                }).collect_view()}
            </ul>
            {move || mark_hint.get().map(|h| view! { <p class="hint" role="status">{h}</p> })}
            <div class="quote-actions">
                <button type="button" class="secondary" on:click=add_quote disabled=move || locked.get()>
                    {lang.t("quote-add")}<span class="visually-hidden">" "{tr!(lang, "quote-add-to", section = spec.label.as_str())}</span>
                </button>
                <button type="button" class="secondary" on:click=mark disabled=move || locked.get()>
                    {lang.t("quote-mark")}<span class="visually-hidden">" "{tr!(lang, "quote-mark-in", section = spec.label.as_str())}</span>
                </button>
            </div>
        </div>
    }
}

#[component]
fn QuoteItem(
    q: QuoteState,
    /// Its place in the section's list of quotes.
    index: usize,
    quotes: RwSignal<Vec<QuoteState>>,
    /// The section's text, where a marked quote's words stand.
    section_text: RwSignal<String>,
    /// The section's text once typing pauses.
    settled: Settled,
    locked: Signal<bool>,
    /// This quote's field, by its place in the list.
    field: FieldPath,
    /// The section's label, so that each quote's controls have names of
    /// their own ("Remove quote (quote 2 in Plan)") in a screen reader's list.
    section_label: String,
    error_of: Callback<FieldPath, Option<String>>,
) -> impl IntoView {
    let lang = use_lang();
    let base = format!("cn-quote-{}", q.uid);
    // Each control's name says which quote it is ("Remove quote (quote 2
    // in Plan)") for a screen reader's list of controls. An aria-label, not
    // hidden text: 200 quotes' hidden spans made each keystroke in a long
    // note a third slower (bench).
    // This quote's field is named by its place in the list: its words
    // carry that field's DOM id, so the error summary's links reach it
    // like any other field.
    let which = format!(
        " {}",
        tr!(
            lang,
            "quote-which",
            n = index + 1,
            section = section_label.as_str()
        )
    );
    let words = FieldAria::new(
        field.dom_id(),
        None,
        Signal::derive(move || error_of.run(field.clone())),
    );
    let words_label = format!("{}{which}", lang.t("quote-words"));
    let speaker_id = format!("{base}-speaker");
    let context_id = format!("{base}-context");
    // A quote marked from the text keeps its words there in step; if the
    // text changed them, it says so.
    let edit_words = move |new: String| {
        if q.in_text {
            let old = q.text.get_untracked();
            if let Some(t) = section_text.with_untracked(|t| requote(t, &old, &new)) {
                section_text.set(t);
                // The check reads the text as the quote left it, at once.
                settled.now();
            }
        }
        q.text.set(new);
    };
    let differs = Memo::new(move |_| {
        q.in_text
            && settled.value.with(|t| {
                !q.text.with(|w| {
                    Quote {
                        text: w.clone(),
                        ..Quote::default()
                    }
                    .stands_in(t)
                })
            })
    });
    let label = section_label.clone();
    // Focus goes to "Add a quote" rather than being lost with this quote.
    let remove = move |ev: web_sys::MouseEvent| {
        // The container is found now, while this button is still in it.
        focus_within_later(&ev, ".quotes", ".quote-actions button");
        quotes.update(|v| v.retain(|x| x.uid != q.uid));
    };
    view! {
        <li class="quote" part="quote">
            <Field aria=words.clone() label=lang.t("quote-words") class="quote-field">
                <div class="quote-words">
                    <span class="mark" aria-hidden="true">"“"</span>
                    <textarea
                        id=words.id()
                        rows="2"
                        aria-label=words_label
                        data-quote-uid=q.uid.to_string()
                        aria-invalid=words.invalid()
                        aria-describedby=words.described_by()
                        prop:value=move || q.text.get()
                        prop:readOnly=move || locked.get()
                        on:input=move |ev| edit_words(event_target_value(&ev))
                    ></textarea>
                    <span class="mark" aria-hidden="true">"”"</span>
                </div>
            </Field>
            {move || differs.get().then(|| view! {
                <p class="hint quote-differs">{tr!(lang, "quote-differs", section = label.as_str())}</p>
            })}
            <div class="quote-meta">
                <div>
                    <label for=speaker_id.clone()>{lang.t("quote-said-by")}</label>
                    <select
                        id=speaker_id
                        aria-label=format!("{}{which}", lang.t("quote-said-by"))
                        disabled=move || locked.get()
                        on:change=move |ev| q.speaker.set(Speaker::from_value(&event_target_value(&ev)).unwrap_or_default())
                    >
                        {Speaker::ALL.into_iter().map(|s| view! {
                            <option value=s.value() selected=move || q.speaker.get() == s>{s.label(use_lang())}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div>
                    <label for=context_id.clone()>{lang.t("quote-context")}</label>
                    <input
                        id=context_id
                        aria-label=format!("{}{which}", lang.t("quote-context"))
                        type="text"
                        prop:value=move || q.context.get()
                        prop:readOnly=move || locked.get()
                        on:input=move |ev| q.context.set(event_target_value(&ev))
                    />
                </div>
                <button type="button" class="link" aria-label=format!("{}{which}", lang.t("quote-remove")) on:click=remove disabled=move || locked.get()>
                    {lang.t("quote-remove")}
                </button>
            </div>
        </li>
    }
}
