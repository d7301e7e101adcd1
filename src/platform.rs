//! Small browser helpers shared by the shell modules: time, ids, listeners.
//! Nothing here knows about notes.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, UnwrapThrowExt};
use web_sys::EventTarget;

use crate::text::Lang;

pub fn window() -> web_sys::Window {
    web_sys::window().expect("casenote runs in a browser window")
}

/// Milliseconds since the epoch.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// The current time as RFC 3339 UTC with milliseconds.
pub fn now_rfc3339() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

/// Now, as a chrono UTC time (for the domain's time rules).
pub fn now_utc() -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::from_timestamp_millis(now_ms() as i64).unwrap_or_default()
}

/// Minutes east of UTC in the worker's time zone, now.
pub fn utc_offset_minutes() -> i32 {
    -(js_sys::Date::new_0().get_timezone_offset() as i32)
}

/// The worker's local date as `YYYY-MM-DD`.
pub fn today_local() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    )
}

/// A finite number of zero or more from an attribute value (`"14"`,
/// `"1.5"`, `"0"`), read by the browser's `parseFloat` once the text is
/// known to be plain digits with at most one point: Rust's float parser
/// (about 14 kB of the gzipped bundle) stays out. Anything else gives
/// `None`.
pub fn non_negative_number(text: &str) -> Option<f64> {
    let text = text.trim();
    let plain = !text.is_empty()
        && text.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && text.bytes().filter(|&b| b == b'.').count() <= 1
        && text.bytes().any(|b| b.is_ascii_digit());
    if !plain {
        return None;
    }
    Some(js_sys::Number::parse_float(text)).filter(|n| n.is_finite())
}

/// A positive, finite number from an attribute value (see
/// [`non_negative_number`]).
pub fn positive_number(text: &str) -> Option<f64> {
    non_negative_number(text).filter(|n| *n > 0.0)
}

thread_local! {
    /// The last minute `local_hh_mm` wrote, in its language: "Draft saved
    /// at 2:30 PM" is said after every write, and `Intl` is slow enough to
    /// show in the cost of a keystroke (bench), so a minute is written once.
    static HH_MM: std::cell::RefCell<Option<(i64, Lang, String)>> =
        const { std::cell::RefCell::new(None) };
}

/// The time of day, in local time, for a time in epoch milliseconds, as
/// `lang`'s locale writes it (`2:30 PM`, `14:30`).
pub fn local_hh_mm(ms: f64, lang: Lang) -> String {
    let minute = (ms / 60_000.0).floor() as i64;
    let known = HH_MM.with(|c| {
        c.borrow()
            .as_ref()
            .filter(|(m, l, _)| *m == minute && *l == lang)
            .map(|(_, _, s)| s.clone())
    });
    if let Some(s) = known {
        return s;
    }
    let d = js_sys::Date::new(&ms.into());
    let options = object(&[("hour", "numeric".into()), ("minute", "2-digit".into())]);
    let s: String = d
        .to_locale_time_string_with_options(&locale(lang), &options)
        .into();
    HH_MM.with(|c| *c.borrow_mut() = Some((minute, lang, s.clone())));
    s
}

/// The locale dates are written in for `lang`: the worker's own
/// preferred locale when it is of that language (`en-GB`, `es-MX`), else
/// the language itself.
fn locale(lang: Lang) -> String {
    let preferred = window().navigator().languages();
    preferred
        .iter()
        .filter_map(|l| l.as_string())
        .find(|l| Lang::from_tag(l) == Some(lang))
        .unwrap_or_else(|| lang.tag().to_string())
}

/// A fresh random UUID (version 4, by the uuid crate) from the browser's
/// cryptographic random source. There is no weaker fallback: the id is the
/// note's `Idempotency-Key`, and every browser that runs WebAssembly has
/// `crypto.getRandomValues`.
pub fn new_uuid() -> String {
    let mut bytes = [0u8; 16];
    window()
        .crypto()
        .and_then(|c| c.get_random_values_with_u8_array(&mut bytes))
        .expect_throw("casenote needs crypto.getRandomValues to make note ids");
    crate::domain::id::uuid_v4(bytes)
}

/// An event listener that is removed when this guard is dropped.
pub struct Listener {
    target: EventTarget,
    event: &'static str,
    closure: Closure<dyn FnMut(web_sys::Event)>,
}

impl Listener {
    pub fn new(
        target: &EventTarget,
        event: &'static str,
        f: impl FnMut(web_sys::Event) + 'static,
    ) -> Self {
        let closure = Closure::<dyn FnMut(web_sys::Event)>::new(f);
        let _ = target.add_event_listener_with_callback(event, closure.as_ref().unchecked_ref());
        Listener {
            target: target.clone(),
            event,
            closure,
        }
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        let _ = self
            .target
            .remove_event_listener_with_callback(self.event, self.closure.as_ref().unchecked_ref());
    }
}

/// A date and time, in local time, for a time in epoch milliseconds, as
/// `lang`'s locale writes them (`Dec 2, 2026, 2:30 PM`; `2 dic 2026, 14:30`).
pub fn local_date_time(ms: f64, lang: Lang) -> String {
    let d = js_sys::Date::new(&ms.into());
    let options = object(&[
        ("dateStyle", "medium".into()),
        ("timeStyle", "short".into()),
    ]);
    d.to_locale_string(&locale(lang), &options).into()
}

/// An RFC 3339 time (as notes store them, in UTC) in the worker's local
/// time, as `local_date_time` writes it; the text itself if it does not read.
pub fn local_from_rfc3339(rfc3339: &str, lang: Lang) -> String {
    crate::domain::time::parse_rfc3339(rfc3339)
        .map(|t| local_date_time(t.timestamp_millis() as f64, lang))
        .unwrap_or_else(|| rfc3339.to_string())
}

/// Runs `f` once after `ms` milliseconds.
pub fn set_timeout(ms: i32, f: impl FnOnce() + 'static) {
    let cb = Closure::once_into_js(f);
    let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(cb.unchecked_ref(), ms);
}

/// Dispatches a bubbling, composed `CustomEvent` named `name` on `target`.
pub fn emit(target: &EventTarget, name: &str, detail: &wasm_bindgen::JsValue) {
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(detail);
    if let Ok(ev) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = target.dispatch_event(&ev);
    }
}

/// A plain JS object from `(key, value)` pairs.
pub fn object(pairs: &[(&str, wasm_bindgen::JsValue)]) -> js_sys::Object {
    let o = js_sys::Object::new();
    for (k, v) in pairs {
        let _ = js_sys::Reflect::set(&o, &(*k).into(), v);
    }
    o
}
