//! A signal that follows another once it has been still for a while: for
//! work that should wait until typing pauses (writing aids, the
//! abbreviations spelled out in the note).
//!
//! ```ignore
//! let settled = settle(Signal::derive(move || text.get()), 250);
//! let aids = Memo::new(move |_| check_text(&settled.get()));
//! ```

use leptos::prelude::*;

/// A copy of `source` that follows it once it has not changed for `ms`
/// milliseconds: for work that should wait until typing pauses.
pub fn settle(source: Signal<String>, ms: i32) -> ReadSignal<String> {
    let (settled, set_settled) = signal(source.get_untracked());
    let generation = StoredValue::new(0u64);
    Effect::new(move |first: Option<()>| {
        let value = source.get();
        if first.is_none() {
            return;
        }
        generation.update_value(|g| *g += 1);
        let mine = generation.get_value();
        crate::platform::set_timeout(ms, move || {
            if generation.try_get_value() == Some(mine) {
                set_settled.try_set(value);
            }
        });
    });
    settled
}
