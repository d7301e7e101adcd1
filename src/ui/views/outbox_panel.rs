//! The outbox indicator's panel: what is waiting to be sent, and why.

use leptos::prelude::*;

use crate::platform::{local_date_time, local_hh_mm};
use crate::ui::context::TemplateOf;
use crate::ui::session::Session;

/// "1 note waiting to send", "3 notes waiting to send".
pub fn waiting_label(n: usize) -> String {
    format!("{n} note{} waiting to send", if n == 1 { "" } else { "s" })
}

#[component]
pub fn OutboxPanel() -> impl IntoView {
    let s = expect_context::<Session>();
    let (waiting, paused) = (s.waiting, s.auth_paused);
    let close = move |_| {
        s.outbox_open.set(false);
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
            <h3 id="cn-outbox-title" tabindex="-1">"Waiting to send"</h3>
            <p>"These notes are saved on this device and are sent automatically, in order, as soon as the server takes them. You can close this page: they are sent the next time casenote opens."</p>
            {move || paused.get().then(|| view! {
                <p class="notice">"Sending is paused until you sign in again."</p>
            })}
            <ul class="outbox-list">
                {move || waiting.get().into_iter().map(|e| {
                    let (client, what) = match &e.content {
                        Some(c) => {
                            let t = template_of.run(c.note.format.clone());
                            let client = match c.note.client.name.trim() {
                                "" => "(no client name)".to_string(),
                                n => n.to_string(),
                            };
                            (client, format!("{} note, date of service {}", t.name, c.note.service.date))
                        }
                        None => ("Locked note".to_string(), "sealed with a key this page does not have".to_string()),
                    };
                    let status = match (&e.last_message, e.paused) {
                        (_, true) => "Paused: waiting for you to sign in again.".to_string(),
                        (Some(m), _) => format!("{m} Next try at {}.", local_hh_mm(e.next_attempt_at)),
                        (None, _) => "Sending…".to_string(),
                    };
                    view! {
                        <li class="outbox-item">
                            <strong>{client}</strong>": "{what}
                            <br/>
                            <span class="queued">{format!("Queued at {}; {} attempt{} so far.", local_date_time(e.queued_at), e.attempts, if e.attempts == 1 { "" } else { "s" })}</span>
                            <br/>
                            <span class="outbox-status">{status}</span>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <p class="outbox-empty" role="status">{move || if waiting.with(Vec::is_empty) { "Every note that was waiting has been sent." } else { "" }}</p>
            <div class="panel-actions">
                <button type="button" class="primary" on:click=move |_| s.retry_all()>"Try sending now"</button>
                <button type="button" class="secondary" on:click=close>"Close"</button>
            </div>
        </section>
    }
}
