//! After submit: where the note is (sending, sent, waiting, offline, or
//! waiting for sign-in), its reference, and "Write another note".

use leptos::prelude::*;

use crate::platform::local_hh_mm;
use crate::ui::session::{Sent, SentState, Session};

/// The confirmation's heading, text and CSS class.
#[derive(Clone, Default, PartialEq)]
struct SentTexts {
    title: String,
    text: String,
    class: &'static str,
}

fn sent_texts(s: &Sent) -> SentTexts {
    let what = format!(
        "{} note{}",
        s.format_name,
        match s.client.trim() {
            "" => String::new(),
            client => format!(" for {client}"),
        }
    );
    let (title, text, class) = match &s.state {
        SentState::Sending => (
            "Sending…".into(),
            format!("Your {what} is saved on this device and is being sent."),
            "confirmation sending",
        ),
        SentState::Delivered => (
            "Note sent".into(),
            format!("Your {what} was received."),
            "confirmation delivered",
        ),
        SentState::Waiting {
            message,
            next_attempt_at,
        } => (
            "Waiting to send".into(),
            format!(
                "{message}{} You can close this page: your {what} is sent automatically.",
                next_attempt_at
                    .map(|t| format!(" Next try at {}.", local_hh_mm(t)))
                    .unwrap_or_default()
            ),
            "confirmation waiting",
        ),
        SentState::Offline => (
            "Waiting to send".into(),
            format!(
                "You are offline. Your {what} is saved on this device and will be sent automatically when the connection is back, even if you close this page."
            ),
            "confirmation waiting",
        ),
        SentState::AuthRequired { message } => {
            ("Sign in to send".into(), message.clone(), "confirmation waiting")
        }
    };
    SentTexts { title, text, class }
}

#[component]
pub fn Confirmation(id: String) -> impl IntoView {
    let s = expect_context::<Session>();
    let texts = Memo::new(move |_| {
        s.sent
            .with(|x| x.as_ref().map(sent_texts))
            .unwrap_or_default()
    });
    view! {
        <div class=move || texts.with(|t| t.class) role="status" tabindex="-1" part="confirmation">
            <h3>{move || texts.with(|t| t.title.clone())}</h3>
            <p>{move || texts.with(|t| t.text.clone())}</p>
            <p class="reference">"Reference: "<code>{id}</code></p>
            <button type="button" class="primary" on:click=move |_| s.start_new()>"Write another note"</button>
        </div>
    }
}
