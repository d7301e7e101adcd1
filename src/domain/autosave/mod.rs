//! Autosave as a pure state machine: what to write, when, and under which
//! revision, decided without a browser. The shell (`ui::session::autosave`)
//! feeds it [`Event`]s (an edit, a write's result, another tab's save, a
//! timer) and carries out the [`Command`]s each step returns (put, delete,
//! announce, retry at); time comes in as epoch ms and new ids from the
//! caller, so every order of events can be run on the host.
//!
//! What it keeps: at most one write in flight, and at most one waiting per
//! note id (an edit during a write replaces the waiting one). Revisions are
//! kept per note id, so a write still running for a note the worker has
//! left finishes under that note's own revision. Each write is checked
//! against the revision this editor last wrote or loaded; when another tab
//! saved the draft since (or removed it), this tab's text goes on being
//! saved, on every edit, as a conflict copy: a draft of its own, linked to
//! the one it came from, never written over the other tab's version
//! (`copy.rs`). A failed write keeps its text here and is retried with
//! backoff, 2 s doubling to 30 s. `machine.rs` holds the state and the
//! steps; `tests.rs` the named cases, `props.rs` every order of events.
//!
//! The machine is generic over the storage error `E` it is told of, which
//! only [`SaveState`] carries, for the worker to read.

mod copy;
mod machine;
// On the host only: proptest is a native dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod props;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod sim;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;

pub use machine::Autosave;

use crate::{Draft, Note};

/// The first wait before a failed write is tried again.
pub const FIRST_RETRY_MS: u32 = 2_000;
/// The longest wait between tries.
pub const MAX_RETRY_MS: u32 = 30_000;

/// What the worker is shown of saving.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveState<E> {
    Idle,
    Saving,
    /// Saved at this time (epoch ms).
    Saved(f64),
    /// The last write failed; the text is in memory and a retry is scheduled.
    Failed(E),
    /// Another tab saved (or removed) this draft: this tab's text is being
    /// saved as a separate copy until the worker chooses.
    Conflict,
    /// The same, and the copy holds this tab's text as of this time.
    SavedAsCopy(f64),
    /// The same, but writing the copy failed: the text is in memory and a
    /// retry is scheduled.
    CopyFailed(E),
}

impl<E> SaveState<E> {
    /// Whether the worker has a two-tab conflict to resolve.
    pub fn is_conflict(&self) -> bool {
        matches!(
            self,
            SaveState::Conflict | SaveState::SavedAsCopy(_) | SaveState::CopyFailed(_)
        )
    }

    /// Whether the last write failed (its text waits here for a retry).
    pub fn is_failed(&self) -> bool {
        matches!(self, SaveState::Failed(_) | SaveState::CopyFailed(_))
    }
}

/// What happens to autosave.
#[derive(Clone, Debug, PartialEq)]
pub enum Event<E> {
    /// The editor starts editing `note`, which storage holds at `revision`
    /// (0: not stored). Writes waiting for other notes are kept.
    Adopt { note: Note, revision: u32 },
    /// The worker's note as it now is (an edit, or a flush): written
    /// unless unchanged or closed.
    Edit(Note),
    /// The same, written even if unchanged: storage does not hold exactly
    /// this (a draft adopted and then changed by the host's settings, or
    /// words waiting after a failed write).
    Resave(Note),
    /// "Keep mine as a copy" with no conflict copy: the worker's text under
    /// a new id (`note.id`), saved as a new draft.
    Fork(Note),
    /// The write of this draft committed.
    Written(Draft),
    /// The write of this draft was refused: storage holds another revision
    /// (another tab saved it) or no draft at all (it was removed).
    Refused(Draft),
    /// The write of this draft failed in storage.
    Failed(Draft, E),
    /// The retry a [`Command::RetryAt`] asked for is due.
    RetryDue,
    /// Another tab saved draft `id` at `revision` (its broadcast).
    RemoteSaved { id: String, revision: u32 },
    /// The current note's draft is gone (submitted or discarded in another
    /// tab, seen by a submit here): its text goes to a conflict copy.
    Divert,
    /// The worker keeps this tab's conflict copy as a normal draft; the
    /// form follows it to the copy's id ([`Autosave::copy_id`] before).
    KeepCopy,
    /// The worker lets this tab's conflict copy go: it is deleted.
    DiscardCopy,
    /// Note `id` was submitted or discarded here: never written again, and
    /// its draft deleted (now, and again if a write of it lands later).
    Close(String),
    /// Note `id` is gone and this tab's text is not kept: stop saving it,
    /// without touching storage.
    Forget(String),
    /// Logout's purge: nothing waiting or running may land afterwards.
    Reset,
    /// Storage is known to hold the note as of this time.
    SavedAt(f64),
}

/// What the shell is to do, in order.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Write `draft` if storage holds its id at revision `base` (0: no
    /// draft); answer with `Written`, `Refused` or `Failed`, handing the
    /// draft back. Only one is ever outstanding.
    Put { draft: Box<Draft>, base: u32 },
    /// Delete draft `id`.
    Delete(String),
    /// Tell the host and other tabs that draft `id` is at `revision`.
    Announce { id: String, revision: u32 },
    /// Send [`Event::RetryDue`] at this time (epoch ms).
    RetryAt(f64),
}
