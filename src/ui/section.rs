//! One section of the note: its text and the quotes in it.

use leptos::prelude::*;

use wasm_bindgen::JsCast;

use super::context::{focus_selector, focus_within_later, Announce, Root};
use super::form::{Form, QuoteState, SectionState};
use crate::domain::writing::abbreviations::unexplained_given;
use crate::domain::writing::language::check_text;
use crate::domain::writing::paste::{split, Split};
use crate::domain::{Quote, SectionSpec, Speaker, Template};

/// The DOM id of the field an error key names (`section.plan` → `cn-section-plan`).
pub fn field_dom_id(field: &str) -> String {
    let safe: String = field
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    format!("cn-{safe}")
}

/// A copy of `source` that follows it once it has not changed for `ms`
/// milliseconds: for work that should wait until typing pauses.
pub fn settle(source: Signal<String>, ms: i32) -> ReadSignal<String> {
    let (settled, set_settled) = signal(source.get_untracked());
    let generation = StoredValue::new(0u64);
    Effect::new(move |first: Option<()>| {
        let value = source.get();
        if first.is_none() {
            return;
        }
        generation.update_value(|g| *g += 1);
        let mine = generation.get_value();
        crate::platform::set_timeout(ms, move || {
            if generation.try_get_value() == Some(mine) {
                set_settled.try_set(value);
            }
        });
    });
    settled
}

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
pub fn SectionField(
    spec: SectionSpec,
    section: SectionState,
    /// The error for this section, if any.
    error: Signal<Option<String>>,
    /// The error for any field by name (a quote's: `section.<key>.quotes.<i>`).
    error_of: Callback<String, Option<String>>,
    locked: Signal<bool>,
    form: Form,
    template: Memo<Template>,
    /// Abbreviations spelled out anywhere in the note.
    defined: Memo<Vec<String>>,
    approved: StoredValue<Vec<String>>,
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
    let announce = expect_context::<Announce>().0;
    let add_quote = move |_| {
        let q = form.new_quote(&Quote::default());
        quotes.update(|v| v.push(q));
        // Move focus into the new quote's words.
        let selector = format!("[data-quote-uid=\"{}\"]", q.uid);
        request_animation_frame(move || focus_selector(root, &selector));
    };

    // "Mark as quote": the selected words leave the text and become a quote.
    let mark_hint = RwSignal::new(None::<String>);
    let mark = {
        let id = id.clone();
        move |_| {
            let area = root
                .get_untracked()
                .and_then(|r| r.query_selector(&format!("#{id}")).ok().flatten())
                .and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok());
            let Some(area) = area else { return };
            let (Ok(Some(s)), Ok(Some(e))) = (area.selection_start(), area.selection_end()) else {
                return;
            };
            let current = text.get_untracked();
            let (bs, be) = (byte_offset(&current, s), byte_offset(&current, e));
            let words = current[bs..be].trim().to_string();
            if words.is_empty() {
                mark_hint.set(Some(
                    "Select the client's words in the text first, then choose Mark selected text as a quote."
                        .into(),
                ));
                return;
            }
            mark_hint.set(None);
            text.set(format!("{}{}", &current[..bs], &current[be..]));
            let q = form.new_quote(&Quote {
                text: words,
                ..Quote::default()
            });
            quotes.update(|v| v.push(q));
            let selector = format!("[data-quote-uid=\"{}\"]", q.uid);
            request_animation_frame(move || focus_selector(root, &selector));
        }
    };

    // Writing aids for this section, recomputed once typing pauses, so
    // their cost never lands on a keystroke (even in a very long note).
    let key = spec.key.clone();
    let settled = settle(Signal::derive(move || text.get()), 250);
    let aids = Memo::new(move |_| {
        let t = settled.get();
        let flags = check_text(&key, &t);
        let abbrs = defined.with(|d| approved.with_value(|a| unexplained_given(&key, &t, d, a)));
        (flags, abbrs)
    });
    let words = move || text.with(|t| t.split_whitespace().count());

    // Pasting a whole note with headings offers to split it.
    let offer = RwSignal::new(None::<(String, Split)>);
    let on_paste = move |ev: web_sys::ClipboardEvent| {
        if locked.get_untracked() {
            return;
        }
        let pasted = ev
            .clipboard_data()
            .and_then(|d| d.get_data("text/plain").ok());
        if let Some(p) = pasted {
            let found = split(&p, &template.get_untracked()).map(|s| (text.get_untracked(), s));
            if found.is_some() {
                // The offer appears after the text box, where focus is not.
                announce.set(
                    "This paste looks like a whole note with headings. To split it into sections, use the buttons after this text box."
                        .into(),
                );
            }
            offer.set(found);
        }
    };
    let on_input = move |ev: web_sys::Event| {
        let from_paste = ev
            .dyn_ref::<web_sys::InputEvent>()
            .is_some_and(|e| e.input_type() == "insertFromPaste");
        if !from_paste {
            offer.set(None);
        }
        text.set(event_target_value(&ev));
    };
    let apply_split = move |_| {
        if locked.get_untracked() {
            offer.set(None);
            return;
        }
        let Some((before, split)) = offer.get_untracked() else {
            return;
        };
        let mut mine = before.trim_end().to_string();
        let preamble = split.preamble.trim();
        if !preamble.is_empty() {
            if !mine.is_empty() {
                mine.push_str("\n\n");
            }
            mine.push_str(preamble);
        }
        text.set(mine);
        for (k, body) in split.by_section() {
            let target = form.section(&k);
            target.text.update(|t| {
                if !t.trim().is_empty() && !body.is_empty() {
                    t.push_str("\n\n");
                }
                t.push_str(&body);
            });
        }
        offer.set(None);
    };
    let offer_labels = move || {
        offer.with(|o| {
            o.as_ref()
                .map(|(_, s)| {
                    let t = template.get_untracked();
                    s.by_section()
                        .into_iter()
                        .filter_map(|(k, _)| t.section(&k).map(|x| x.label.clone()))
                        .collect::<Vec<_>>()
                        .join(", ")
                })
                .unwrap_or_default()
        })
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
                on:input=on_input
                on:paste=on_paste
            ></textarea>
            {move || offer.with(|o| o.is_some()).then(|| view! {
                <div class="paste-offer" role="group" aria-label="Split the pasted note">
                    <p>{move || format!("This looks like a whole note with headings ({}). Split it into those sections?", offer_labels())}</p>
                    <button type="button" class="primary" on:click=apply_split>"Split into sections"</button>
                    <button type="button" class="secondary" on:click=move |_| offer.set(None)>"Keep it here"</button>
                </div>
            })}
            <div class="aids">
                <p class="word-count">{move || { let n = words(); format!("{n} word{}", if n == 1 { "" } else { "s" }) }}</p>
                {move || aids.with(|(flags, abbrs)| (!flags.is_empty() || !abbrs.is_empty()).then(|| view! {
                    <ul class="suggestions" aria-label=format!("Writing suggestions for {label}")>
                        {flags.iter().map(|f| view! {
                            <li class="flag">
                                <strong>{format!("“{}”", f.found)}</strong>{format!(": {} Try: {}.", f.explain, f.suggest)}
                            </li>
                        }).collect_view()}
                        {abbrs.iter().map(|a| view! {
                            <li class="abbreviation">
                                <strong>{a.abbreviation.clone()}</strong>
                                {" is not explained. Spell it out once, like “suicidal ideation (SI)”, so the next reader is sure what it means."}
                            </li>
                        }).collect_view()}
                    </ul>
                }))}
            </div>
            <div class="quotes" role="group" aria-label=format!("{}: client's own words", spec.label)>
                <p class="quotes-title">"Client's own words"</p>
                <ul class="quote-list">
                    // Rebuilt whole when a quote is added or removed (typing
                    // changes a quote's own signals, not the list), so each
                    // quote's place is a plain value.
                    {let (key, label3) = (spec.key.clone(), spec.label.clone()); move || quotes.get().into_iter().enumerate().map(|(i, q)| view! {
                        <QuoteItem q=q index=i quotes=quotes locked=locked section=key.clone() section_label=label3.clone() error_of=error_of/>
                    }).collect_view()}
                </ul>
                {move || mark_hint.get().map(|h| view! { <p class="hint" role="status">{h}</p> })}
                <div class="quote-actions">
                    <button type="button" class="secondary" on:click=add_quote disabled=move || locked.get()>
                        "Add a quote"<span class="visually-hidden">{format!(" to {}", spec.label)}</span>
                    </button>
                    <button type="button" class="secondary" on:click=mark disabled=move || locked.get()>
                        "Mark selected text as a quote"<span class="visually-hidden">{format!(" in {}", spec.label)}</span>
                    </button>
                </div>
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
    locked: Signal<bool>,
    /// The section's key, for this quote's error field.
    section: String,
    /// The section's label, so that each quote's controls have names of
    /// their own ("Remove quote (quote 2 in Plan)") in a screen reader's list.
    section_label: String,
    error_of: Callback<String, Option<String>>,
) -> impl IntoView {
    let base = format!("cn-quote-{}", q.uid);
    // Each control's name says which quote it is ("Remove quote (quote 2
    // in Plan)") for a screen reader's list of controls. An aria-label, not
    // hidden text: 200 quotes' hidden spans made each keystroke in a long
    // note a third slower (bench).
    // This quote's field by its place in the list, `section.<key>.quotes.<i>`:
    // its errors are named so, and its words carry that field's DOM id, so
    // the error summary's links reach it like any other field.
    let field = format!("section.{section}.quotes.{index}");
    let which = format!(" (quote {} in {section_label})", index + 1);
    let words_id = field_dom_id(&field);
    let error = Signal::derive(move || error_of.run(field.clone()));
    let error_id = format!("{base}-error");
    let described = error_id.clone();
    let speaker_id = format!("{base}-speaker");
    let context_id = format!("{base}-context");
    // Focus goes to "Add a quote" rather than being lost with this quote.
    let remove = move |ev: web_sys::MouseEvent| {
        // The container is found now, while this button is still in it.
        focus_within_later(&ev, ".quotes", ".quote-actions button");
        quotes.update(|v| v.retain(|x| x.uid != q.uid));
    };
    view! {
        <li class="quote" part="quote">
            <label for=words_id.clone()>"Words, exactly as said"</label>
            {move || error.get().map(|e| view! {
                <p class="error-message" id=error_id.clone()><span class="visually-hidden">"Error: "</span>{e}</p>
            })}
            <div class="quote-words">
                <span class="mark" aria-hidden="true">"“"</span>
                <textarea
                    id=words_id
                    rows="2"
                    aria-label=format!("Words, exactly as said{which}")
                    data-quote-uid=q.uid.to_string()
                    aria-invalid=move || if error.get().is_some() { "true" } else { "false" }
                    aria-describedby=move || error.get().map(|_| described.clone())
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
                        aria-label=format!("Said by{which}")
                        disabled=move || locked.get()
                        on:change=move |ev| q.speaker.set(Speaker::from_value(&event_target_value(&ev)).unwrap_or_default())
                    >
                        {Speaker::ALL.into_iter().map(|s| view! {
                            <option value=s.value() selected=move || q.speaker.get() == s>{s.label()}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div>
                    <label for=context_id.clone()>"Context (optional)"</label>
                    <input
                        id=context_id
                        aria-label=format!("Context (optional){which}")
                        type="text"
                        prop:value=move || q.context.get()
                        prop:readOnly=move || locked.get()
                        on:input=move |ev| q.context.set(event_target_value(&ev))
                    />
                </div>
                <button type="button" class="link" aria-label=format!("Remove quote{which}") on:click=remove disabled=move || locked.get()>
                    "Remove quote"
                </button>
            </div>
        </li>
    }
}
