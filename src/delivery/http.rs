//! The POST itself, with `fetch` and an `AbortController` timeout.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, Headers, Request, RequestCredentials, RequestInit, Response};

use super::{classify, network_failure, timed_out, SendOutcome};
use crate::platform::{now_ms, window};

/// A request header the host asked for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Header {
    pub name: String,
    pub value: String,
}

/// How to send: what the host configured, read fresh for each attempt.
#[derive(Clone, Debug, Default)]
pub struct SendOptions {
    /// Extra headers (the host's `headers` property, the CSRF header).
    pub headers: Vec<Header>,
    /// `include` sends cookies cross-origin; otherwise `same-origin`.
    pub include_credentials: bool,
    pub timeout_ms: u32,
}

/// POSTs `json` to `endpoint` with `Idempotency-Key: key`.
pub async fn send(endpoint: &str, json: &str, key: &str, options: &SendOptions) -> SendOutcome {
    send_as(endpoint, json, "application/json", key, options).await
}

/// POSTs `body` as `content_type` to `endpoint` with `Idempotency-Key: key`.
pub async fn send_as(
    endpoint: &str,
    json: &str,
    content_type: &str,
    key: &str,
    options: &SendOptions,
) -> SendOutcome {
    let controller = AbortController::new().ok();
    let timed_out_flag = Rc::new(Cell::new(false));
    let timer = controller.as_ref().map(|c| {
        let c = c.clone();
        let flag = Rc::clone(&timed_out_flag);
        let cb = Closure::once_into_js(move || {
            flag.set(true);
            c.abort();
        });
        window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(
                cb.unchecked_ref(),
                options.timeout_ms as i32,
            )
            .unwrap_or(0)
    });
    let result = try_send(
        endpoint,
        json,
        content_type,
        key,
        options,
        controller.as_ref(),
    )
    .await;
    if let Some(t) = timer {
        window().clear_timeout_with_handle(t);
    }
    match result {
        Ok(outcome) => outcome,
        Err(_) if timed_out_flag.get() => timed_out(options.timeout_ms / 1000),
        Err(_) => network_failure(),
    }
}

async fn try_send(
    endpoint: &str,
    json: &str,
    content_type: &str,
    key: &str,
    options: &SendOptions,
    controller: Option<&AbortController>,
) -> Result<SendOutcome, JsValue> {
    let headers = Headers::new()?;
    for h in &options.headers {
        // A header the browser refuses is skipped rather than failing the send.
        let _ = headers.set(&h.name, &h.value);
    }
    headers.set("Content-Type", content_type)?;
    headers.set("Accept", "application/json")?;
    headers.set("Idempotency-Key", key)?;
    let init = RequestInit::new();
    init.set_method("POST");
    init.set_headers(&headers);
    init.set_body(&JsValue::from_str(json));
    init.set_credentials(if options.include_credentials {
        RequestCredentials::Include
    } else {
        RequestCredentials::SameOrigin
    });
    if let Some(c) = controller {
        init.set_signal(Some(&c.signal()));
    }
    let request = Request::new_with_str_and_init(endpoint, &init)?;
    let response: Response = JsFuture::from(window().fetch_with_request(&request))
        .await?
        .dyn_into()?;
    let status = response.status();
    let retry_after = response.headers().get("Retry-After").ok().flatten();
    let body = JsFuture::from(response.text()?)
        .await?
        .as_string()
        .unwrap_or_default();
    Ok(classify(status, &body, retry_after.as_deref(), now_ms()))
}
