//! What the host page configures live on the element: read at the moment
//! it is needed, so a host can change credentials at any time. Nothing read
//! here is ever stored.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::HtmlElement;

use crate::delivery::{Header, SendOptions};
use crate::platform::window;
use crate::text::Lang;
use casenote_text::Catalog;

pub const DEFAULT_TIMEOUT_SECONDS: u32 = 30;
pub const DEFAULT_CSRF_HEADER: &str = "X-CSRF-Token";

fn attr(host: &HtmlElement, name: &str) -> Option<String> {
    host.get_attribute(name)
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
}

/// The host's `headers` property as name/value pairs (string values only).
fn headers(host: &HtmlElement) -> Vec<Header> {
    let Ok(value) = js_sys::Reflect::get(host, &"headers".into()) else {
        return Vec::new();
    };
    if !value.is_object() {
        return Vec::new();
    }
    js_sys::Object::entries(value.unchecked_ref())
        .iter()
        .filter_map(|pair| {
            let pair: js_sys::Array = pair.dyn_into().ok()?;
            Some(Header {
                name: pair.get(0).as_string()?,
                value: pair.get(1).as_string()?,
            })
        })
        .collect()
}

/// `csrf-meta="name"`: the content of `<meta name="name">`, sent as the
/// `csrf-header` header (default `X-CSRF-Token`).
fn csrf(host: &HtmlElement) -> Option<Header> {
    let meta = attr(host, "csrf-meta")?;
    let doc = window().document()?;
    let selector = format!("meta[name=\"{}\"]", meta.replace(['"', '\\'], ""));
    let content = doc
        .query_selector(&selector)
        .ok()??
        .get_attribute("content")?;
    let name = attr(host, "csrf-header").unwrap_or_else(|| DEFAULT_CSRF_HEADER.to_string());
    Some(Header {
        name,
        value: content,
    })
}

/// How to send right now.
pub fn send_options(host: Option<&HtmlElement>) -> SendOptions {
    let Some(host) = host else {
        return SendOptions {
            timeout_ms: DEFAULT_TIMEOUT_SECONDS * 1000,
            ..Default::default()
        };
    };
    let mut headers = headers(host);
    headers.extend(csrf(host));
    let timeout_s = attr(host, "request-timeout")
        .and_then(|v| crate::platform::positive_number(&v))
        .unwrap_or(f64::from(DEFAULT_TIMEOUT_SECONDS));
    SendOptions {
        headers,
        include_credentials: attr(host, "credentials").as_deref() == Some("include"),
        timeout_ms: (timeout_s * 1000.0) as u32,
    }
}

/// What the host's `beforeSubmit(payload)` hook decided.
pub enum HookResult {
    /// Send this JSON body.
    Send(String),
    /// The hook returned `false`: do not send.
    Cancelled,
    /// The hook threw or returned something unusable.
    Failed(String),
}

/// Runs the host's async `beforeSubmit(payload)` on `body`. Returning an
/// object replaces the payload; `false` cancels; anything else sends as is.
/// A failure is told in `lang`.
pub async fn before_submit(host: Option<&HtmlElement>, body: &str, lang: Lang) -> HookResult {
    let Some(host) = host else {
        return HookResult::Send(body.to_string());
    };
    let Ok(hook) = js_sys::Reflect::get(host, &"beforeSubmit".into()) else {
        return HookResult::Send(body.to_string());
    };
    let Some(hook) = hook.dyn_ref::<js_sys::Function>() else {
        return HookResult::Send(body.to_string());
    };
    let Ok(payload) = js_sys::JSON::parse(body) else {
        return HookResult::Send(body.to_string());
    };
    let failed = || HookResult::Failed(lang.t("session-before-submit-failed"));
    let result = match hook.call1(host, &payload) {
        Ok(r) => r,
        Err(_) => return failed(),
    };
    let result = match result.dyn_into::<js_sys::Promise>() {
        Ok(p) => match JsFuture::from(p).await {
            Ok(v) => v,
            Err(_) => return failed(),
        },
        Err(v) => v,
    };
    if result == JsValue::FALSE {
        return HookResult::Cancelled;
    }
    if result.is_object() {
        return match js_sys::JSON::stringify(&result)
            .ok()
            .and_then(|s| s.as_string())
        {
            Some(s) => HookResult::Send(s),
            None => failed(),
        };
    }
    HookResult::Send(body.to_string())
}

/// `endpoint` resolved against the page, so a queued note goes to the same
/// place after a reload from another path.
pub fn resolve_endpoint(endpoint: &str) -> String {
    let base = window()
        .document()
        .and_then(|d| d.base_uri().ok().flatten())
        .unwrap_or_default();
    web_sys::Url::new_with_base(endpoint, &base)
        .map(|u| u.href())
        .unwrap_or_else(|_| endpoint.to_string())
}
