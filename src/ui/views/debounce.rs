//! A signal that follows another once it has been still for a while: for
//! work that should wait until typing pauses (writing aids, the
//! abbreviations spelled out in the note). A change that is not typing
//! (a suggestion applied) can bring it up to date at once.
//!
//! ```ignore
//! let settled = after_pause(Signal::derive(move || text.get()), 250);
//! let aids = Memo::new(move |_| check_text(&settled.value.get()));
//! // After replacing a passage: the aids see the new text now.
//! settled.now();
//! ```

use leptos::prelude::*;

/// A copy of a text signal that follows it once typing pauses.
#[derive(Clone, Copy)]
pub struct Settled {
    pub value: ReadSignal<String>,
    set: WriteSignal<String>,
    source: Signal<String>,
    generation: StoredValue<u64>,
}

impl Settled {
    /// Follows the source now, and drops the pending follow.
    pub fn now(self) {
        self.generation.update_value(|g| *g += 1);
        let current = self.source.get_untracked();
        if self.value.with_untracked(|v| *v != current) {
            self.set.set(current);
        }
    }
}

/// A copy of `source` that follows it once it has not changed for `ms`
/// milliseconds: for work that should wait until typing pauses.
pub fn after_pause(source: Signal<String>, ms: i32) -> Settled {
    after_pause_of(move || source.track(), source, ms)
}

/// A copy of `source` that follows it once `changed` (which tracks what
/// `source` is made of, without making it) has been still for `ms`
/// milliseconds: `source` itself is read only then, so a value that is
/// costly to make (all of a note's text, say) is never made per keystroke.
pub fn after_pause_of(
    changed: impl Fn() + Send + Sync + 'static,
    source: Signal<String>,
    ms: i32,
) -> Settled {
    let (value, set) = signal(source.get_untracked());
    let generation = StoredValue::new(0u64);
    Effect::new(move |first: Option<()>| {
        changed();
        if first.is_none() {
            return;
        }
        generation.update_value(|g| *g += 1);
        let mine = generation.get_value();
        crate::platform::set_timeout(ms, move || {
            if generation.try_get_value() != Some(mine) {
                return;
            }
            let Some(current) = source.try_get_untracked() else {
                return;
            };
            if value.try_with_untracked(|v| *v != current) == Some(true) {
                set.try_set(current);
            }
        });
    });
    Settled {
        value,
        set,
        source,
        generation,
    }
}
