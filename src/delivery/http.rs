//! The POST itself, with `fetch`.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Headers, Request, RequestInit, Response};

use super::{classify, network_failure, SendOutcome};
use crate::platform::window;

/// POSTs `json` to `endpoint` with `Idempotency-Key: key`.
pub async fn send(endpoint: &str, json: &str, key: &str) -> SendOutcome {
    match try_send(endpoint, json, key).await {
        Ok(outcome) => outcome,
        Err(_) => network_failure(),
    }
}

async fn try_send(endpoint: &str, json: &str, key: &str) -> Result<SendOutcome, JsValue> {
    let headers = Headers::new()?;
    headers.set("Content-Type", "application/json")?;
    headers.set("Accept", "application/json")?;
    headers.set("Idempotency-Key", key)?;
    let init = RequestInit::new();
    init.set_method("POST");
    init.set_headers(&headers);
    init.set_body(&JsValue::from_str(json));
    let request = Request::new_with_str_and_init(endpoint, &init)?;
    let response: Response = JsFuture::from(window().fetch_with_request(&request))
        .await?
        .dyn_into()?;
    let status = response.status();
    let body = match response.text() {
        Ok(p) => JsFuture::from(p)
            .await
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default(),
        Err(_) => String::new(),
    };
    Ok(classify(status, &body))
}
