//! Text from another format: sections the worker wrote before switching
//! to a format without them. Never dropped: shown read-only, to copy from
//! and then clear.

use leptos::prelude::*;

use crate::domain::validate::title_case;
use crate::domain::FieldPath;
use crate::domain::Template;
use crate::platform::window;
use crate::ui::context::use_lang;
use crate::ui::session::Session;
use casenote_text::tr;
use casenote_text::Catalog;

#[component]
pub fn StraySections(template: Memo<Template>) -> impl IntoView {
    let lang = use_lang();
    let s = expect_context::<Session>();
    let form = s.form;
    move || {
        let t = template.get();
        form.sections.get().into_iter().filter(|x| {
            t.section(&x.key).is_none()
                && (!x.text.with(|v| v.trim().is_empty()) || x.quotes.with(|q| !q.is_empty()))
        }).map(|x| {
            let id = FieldPath::Stray(x.key.clone()).dom_id();
            let name = title_case(&x.key);
            let (text, quotes) = (x.text, x.quotes);
            let clear = move |_| {
                let ok = window()
                    .confirm_with_message(&lang.t("stray-clear-confirm"))
                    .unwrap_or(false);
                if ok {
                    text.set(String::new());
                    quotes.set(Vec::new());
                }
            };
            let target_id = format!("{id}-target");
            let targets: Vec<(String, String)> = t.sections.iter().map(|x| (x.key.clone(), x.label.clone())).collect();
            let first = targets.first().map(|(k, _)| k.clone()).unwrap_or_default();
            let target = RwSignal::new(first);
            // Moved, not copied: the words and quotes join the end of the
            // chosen section, and focus follows them there.
            let move_into = move |_| {
                let key = target.get_untracked();
                let to = form.section(&key);
                let moved = text.get_untracked();
                to.text.update(|t| {
                    if !t.trim().is_empty() && !moved.trim().is_empty() {
                        t.push_str("\n\n");
                    }
                    t.push_str(moved.trim());
                });
                let q = quotes.get_untracked();
                to.quotes.update(|v| v.extend(q));
                text.set(String::new());
                quotes.set(Vec::new());
                let index = template
                    .with_untracked(|t| t.sections.iter().position(|x| x.key == key))
                    .unwrap_or_default();
                s.focus_field_later(&FieldPath::Section { index, key });
            };
            view! {
                <div class="section stray" part="section">
                    <label for=id.clone() class="section-label">{tr!(lang, "stray-label", section = name.as_str())}</label>
                    <p class="hint">{tr!(lang, "stray-hint", format = t.name.as_str())}</p>
                    <textarea id=id readonly rows="4" prop:value=move || text.get()></textarea>
                    <div class="stray-actions">
                        <label for=target_id.clone() class="inline">{tr!(lang, "stray-move-into", section = name.as_str())}</label>
                        <select id=target_id on:change=move |ev| target.set(event_target_value(&ev))>
                            {targets.into_iter().map(|(k, label)| view! { <option value=k>{label}</option> }).collect_view()}
                        </select>
                        <button type="button" class="secondary" on:click=move_into>{lang.t("stray-move")}</button>
                        <button type="button" class="secondary" on:click=clear>{tr!(lang, "stray-clear", section = name.as_str())}</button>
                    </div>
                </div>
            }
        }).collect_view()
    }
}
