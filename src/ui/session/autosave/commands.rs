//! Carrying out the autosave machine's commands: a draft written to
//! IndexedDB (its result fed back as the next event), a draft deleted,
//! a committed write announced, a retry timer set. Each write and delete
//! counts as under way (`Busy`) until it has landed and its result has been
//! taken.

use std::rc::Rc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::{fresh_id, now, Autosave, Busy};
use crate::domain::autosave::{Command, Event};
use crate::platform::set_timeout;
use crate::storage::{PutOutcome, StorageError};

impl Autosave {
    /// One step of the machine, its state shown if it was shown anew.
    pub(super) fn step(&self, event: Event<StorageError>) -> Vec<Command> {
        let mut new_id = fresh_id;
        let mut machine = self.machine.borrow_mut();
        let before = machine.shown();
        let commands = machine.step(event, now(), &mut new_id);
        if machine.shown() != before {
            let state = machine.save_state().clone();
            drop(machine);
            // The editor may be gone: a write can land after it.
            let _ = self.state.try_set(state);
        }
        commands
    }

    pub(super) fn carry_out(self: &Rc<Self>, commands: Vec<Command>) {
        for command in commands {
            match command {
                Command::Put { draft, base } => {
                    let busy = Busy::new();
                    let this = Rc::clone(self);
                    spawn_local(async move {
                        let event = match this.store.put(&draft, base).await {
                            Ok(PutOutcome::Written) => Event::Written(*draft),
                            Ok(PutOutcome::Conflict { .. }) => Event::Refused(*draft),
                            Err(e) => Event::Failed(*draft, e),
                        };
                        this.dispatch(event);
                        drop(busy);
                    });
                }
                Command::Delete(id) => {
                    let busy = Busy::new();
                    let store = self.store.clone();
                    spawn_local(async move {
                        let _ = store.delete(&id).await;
                        drop(busy);
                    });
                }
                Command::Announce { id, revision } => {
                    if let Some(hook) = self.on_saved.borrow().as_ref() {
                        hook(&id, revision);
                    }
                }
                Command::RetryAt(at) => {
                    let delay = (at - now()).max(0.0) as i32;
                    let this = Rc::clone(self);
                    set_timeout(delay, move || this.dispatch(Event::RetryDue));
                }
            }
        }
    }

    /// Carries out `commands`, awaiting the deletes among them: the caller
    /// goes on once its draft is gone. Returns the first delete's failure.
    pub(super) async fn carry_out_awaiting_deletes(
        self: &Rc<Self>,
        commands: Vec<Command>,
    ) -> Result<(), StorageError> {
        let (deletes, rest): (Vec<Command>, Vec<Command>) = commands
            .into_iter()
            .partition(|c| matches!(c, Command::Delete(_)));
        self.carry_out(rest);
        let mut result = Ok(());
        for command in deletes {
            if let Command::Delete(id) = command {
                let deleted = self.store.delete(&id).await;
                if result.is_ok() {
                    result = deleted;
                }
            }
        }
        result
    }
}
