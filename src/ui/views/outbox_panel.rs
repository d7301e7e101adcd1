//! The outbox indicator's panel: what is waiting to be sent, and why.

use leptos::prelude::*;

use crate::platform::{local_date_time, local_hh_mm};
use crate::text::Lang;
use crate::ui::context::{use_lang, TemplateOf};
use crate::ui::session::{OutboxFlow, Panel, Session};
use casenote_text::tr;
use casenote_text::Catalog;

/// "1 note waiting to send", "3 notes waiting to send".
pub fn waiting_label(n: usize, lang: Lang) -> String {
    tr!(lang, "outbox-panel-waiting", n = n)
}

#[component]
pub fn OutboxPanel() -> impl IntoView {
    let s = expect_context::<Session>();
    let lang = use_lang();
    let waiting = s.waiting;
    let paused = Memo::new(move |_| s.outbox_flow.get() == OutboxFlow::AwaitingSignIn);
    let close = move |_| {
        s.panels.set(Panel::Outbox, false);
        let to = if s.waiting.with_untracked(Vec::is_empty) {
            ".drafts-toggle"
        } else {
            ".outbox-toggle"
        };
        s.focus_later(to);
    };
    let template_of = expect_context::<TemplateOf>().0;
    view! {
        <section id="cn-outbox" class="outbox-panel" aria-labelledby="cn-outbox-title" part="outbox-panel">
            <h3 id="cn-outbox-title" tabindex="-1">{lang.t("outbox-panel-title")}</h3>
            <p>{lang.t("outbox-panel-explained")}</p>
            {move || paused.get().then(|| view! {
                <p class="notice">{lang.t("outbox-panel-paused")}</p>
            })}
            <ul class="outbox-list">
                {move || waiting.get().into_iter().map(|e| {
                    let (client, what) = match &e.content {
                        Some(c) => {
                            let t = template_of.run(c.note.format.clone());
                            let client = match c.note.client.name.trim() {
                                "" => lang.t("outbox-panel-no-client"),
                                n => n.to_string(),
                            };
                            let what = tr!(
                                lang,
                                "outbox-panel-what",
                                format = t.name,
                                date = c.note.service.date.clone(),
                            );
                            (client, what)
                        }
                        None => (lang.t("outbox-panel-locked-note"), lang.t("outbox-panel-locked-what")),
                    };
                    let status = match (&e.last_message, e.paused) {
                        (_, true) => lang.t("outbox-panel-status-paused"),
                        (Some(m), _) => tr!(
                            lang,
                            "outbox-panel-status-retry",
                            message = m.clone(),
                            time = local_hh_mm(e.next_attempt_at, lang),
                        ),
                        (None, _) => lang.t("outbox-panel-status-sending"),
                    };
                    view! {
                        <li class="outbox-item">
                            <strong>{client}</strong>": "{what}
                            <br/>
                            <span class="queued">{tr!(
                                lang,
                                "outbox-panel-queued",
                                time = local_date_time(e.queued_at, lang),
                                n = e.attempts,
                            )}</span>
                            <br/>
                            <span class="outbox-status">{status}</span>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <p class="outbox-empty" role="status">{move || if waiting.with(Vec::is_empty) { lang.t("outbox-panel-all-sent") } else { String::new() }}</p>
            <div class="panel-actions">
                <button type="button" class="primary" on:click=move |_| s.retry_all()>{lang.t("outbox-panel-try-now")}</button>
                <button type="button" class="secondary" on:click=close>{lang.t("outbox-panel-close")}</button>
            </div>
        </section>
    }
}

crate::ui::part::part!(
    outbox,
    pub fn outbox_panel_part() -> AnyView {
        view! { <OutboxPanel/> }.into_any()
    }
);
