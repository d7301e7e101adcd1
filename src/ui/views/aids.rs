//! Writing aids for one section: its word count, words that are not
//! objective, and abbreviations not spelled out. Recomputed once typing
//! pauses, so their cost never lands on a keystroke (even in a very long
//! note).

use leptos::prelude::*;

use super::debounce::settle;
use crate::domain::writing::abbreviations::unexplained_given;
use crate::domain::writing::language::check_text;

#[component]
pub fn WritingAids(
    /// The section's key.
    key: String,
    /// The section's label, to name the list of suggestions.
    label: String,
    text: RwSignal<String>,
    /// Abbreviations spelled out anywhere in the note.
    defined: Memo<Vec<String>>,
    approved: StoredValue<Vec<String>>,
    /// A signed note can no longer change: no suggestions for it.
    signed: Signal<bool>,
) -> impl IntoView {
    let settled = settle(Signal::derive(move || text.get()), 250);
    let aids = Memo::new(move |_| {
        let t = settled.get();
        let flags = check_text(&key, &t);
        let abbrs = defined.with(|d| approved.with_value(|a| unexplained_given(&key, &t, d, a)));
        (flags, abbrs)
    });
    let words = move || text.with(|t| t.split_whitespace().count());
    view! {
        <div class="aids">
            <p class="word-count">{move || { let n = words(); format!("{n} word{}", if n == 1 { "" } else { "s" }) }}</p>
            {move || aids.with(|(flags, abbrs)| (!signed.get() && (!flags.is_empty() || !abbrs.is_empty())).then(|| view! {
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
    }
}
