//! How many draft writes and submits are under way in this page, so that
//! a re-mounted editor waits until they have committed.

use std::cell::Cell;

use crate::platform::now_ms;

thread_local! {
    /// Draft writes running in this page, across editors.
    static WRITES_IN_FLIGHT: Cell<u32> = const { Cell::new(0) };
}

/// Counts as a draft write while it lives: for a submit, from the click
/// until its note is in the outbox and its draft closed, so that a
/// re-mounted editor neither restores that note nor misses it in the outbox.
pub struct Busy;

impl Busy {
    pub fn new() -> Self {
        WRITES_IN_FLIGHT.with(|n| n.set(n.get() + 1));
        Busy
    }
}

impl Drop for Busy {
    fn drop(&mut self) {
        WRITES_IN_FLIGHT.with(|n| n.set(n.get().saturating_sub(1)));
    }
}

/// Resolves once no draft write or submit is running in this page (or
/// after `max_ms`): a re-mounted editor then reads what the old one last
/// wrote.
pub async fn writes_settled(max_ms: i32) {
    // Measured by the clock, not by turns: a hidden tab's timers run late.
    let deadline = now_ms() + f64::from(max_ms);
    while WRITES_IN_FLIGHT.with(Cell::get) > 0 && now_ms() < deadline {
        let p = js_sys::Promise::new(&mut |resolve, _| {
            crate::platform::set_timeout(10, move || {
                let _ = resolve.call0(&wasm_bindgen::JsValue::UNDEFINED);
            })
        });
        let _ = wasm_bindgen_futures::JsFuture::from(p).await;
    }
}
