//! The notes sent from this device, in the drafts panel: when, about whom,
//! where to and their reference, for the host's retention. A sent note no
//! longer simply disappears from the worker's view.

use leptos::prelude::*;

use crate::platform::local_date_time;
use crate::ui::context::use_lang;
use crate::ui::session::Session;
use casenote_text::tr;
use casenote_text::Catalog;

#[component]
pub fn SentList() -> impl IntoView {
    let s = expect_context::<Session>();
    let lang = use_lang();
    let days = s.cfg.with_value(|c| c.sent_retention_days);
    move || {
        s.sent_notes.get().map(|sent| {
            view! {
                <section class="sent-list" aria-labelledby="cn-sent-title">
                    <h4 id="cn-sent-title">{lang.t("sent-list-title")}</h4>
                    <p class="hint">{tr!(lang, "sent-list-kept", days = days)}</p>
                    {if sent.is_empty() {
                        view! { <p>{lang.t("sent-list-none")}</p> }.into_any()
                    } else {
                        view! {
                            <ul class="sent-notes">
                                {sent.into_iter().map(|n| view! {
                                    <li class="sent-note">
                                        <strong>{n.client.clone()}</strong>
                                        ", "{s.template_of(&n.format).name}", "{n.service_date.clone()}
                                        <br/>
                                        {tr!(lang, "sent-list-when", time = local_date_time(n.sent_at, lang), to = n.to.clone())}
                                        <br/>
                                        {lang.t("sent-list-reference")}" "<code>{n.id.clone()}</code>
                                    </li>
                                }).collect_view()}
                            </ul>
                        }.into_any()
                    }}
                </section>
            }
        })
    }
}
