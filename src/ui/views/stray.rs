//! Text from another format: sections the worker wrote before switching
//! to a format without them. Never dropped: shown read-only, to copy from
//! and then clear.

use leptos::prelude::*;

use crate::domain::validate::title_case;
use crate::domain::Template;
use crate::platform::window;
use crate::ui::context::field_dom_id;
use crate::ui::session::Session;

#[component]
pub fn StraySections(template: Memo<Template>) -> impl IntoView {
    let s = expect_context::<Session>();
    let form = s.form;
    move || {
        let t = template.get();
        form.sections.get().into_iter().filter(|x| {
            t.section(&x.key).is_none()
                && (!x.text.with(|v| v.trim().is_empty()) || x.quotes.with(|q| !q.is_empty()))
        }).map(|x| {
            let id = field_dom_id(&format!("section.{}", x.key));
            let name = title_case(&x.key);
            let (text, quotes) = (x.text, x.quotes);
            let clear = move |_| {
                let ok = window()
                    .confirm_with_message("Clear this text? It cannot be brought back.")
                    .unwrap_or(false);
                if ok {
                    text.set(String::new());
                    quotes.set(Vec::new());
                }
            };
            view! {
                <div class="section stray" part="section">
                    <label for=id.clone() class="section-label">{format!("{name} (from another format)")}</label>
                    <p class="hint">{format!("This text is not part of a {} note. Copy what you need into a section above, then clear it.", t.name)}</p>
                    <textarea id=id readonly rows="4" prop:value=move || text.get()></textarea>
                    <button type="button" class="secondary" on:click=clear>{format!("Clear the {name} text")}</button>
                </div>
            }
        }).collect_view()
    }
}
