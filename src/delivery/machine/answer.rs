//! What a send's answer leads to: delivered (2xx or 409) and the entry
//! deleted; retried after `Retry-After` or a capped, jittered backoff;
//! paused by a 401/403 until new credentials; or refused, the note going
//! back to the drafts before its entry is deleted (and the entry kept,
//! paused, when that write fails). Answers to any send but the one
//! outstanding are ignored.

use super::{put_back, Command, Cx, Machine, OutboxEvent, Phase, Refused};
use crate::delivery::{backoff_ms, SendOutcome};
use crate::domain::sent::SentNote;
use crate::domain::Draft;

impl Machine {
    pub(super) fn sent(&mut self, serial: u64, outcome: SendOutcome, cx: &mut Cx) {
        let entry = match std::mem::replace(&mut self.phase, Phase::Idle) {
            Phase::Sending { serial: s, entry } if s == serial => *entry,
            other => {
                // A late or repeated answer: the send it answers is over.
                self.phase = other;
                return;
            }
        };
        match outcome {
            SendOutcome::Delivered { status, body } => {
                // Listed as sent before it leaves the outbox; a failure to
                // list it never holds a delivered note back.
                if let Some(sent) = SentNote::delivered(&entry, cx.now) {
                    cx.out.push(Command::RecordSent(Box::new(sent)));
                }
                let id = entry.id;
                cx.out.push(Command::Delete(id.clone()));
                cx.out
                    .push(Command::Report(OutboxEvent::Delivered { id, status, body }));
                self.next(cx);
            }
            SendOutcome::Retry {
                status,
                failure,
                retry_after_ms,
            } => {
                let message = failure.message(self.lang);
                let mut entry = entry;
                entry.attempts += 1;
                let wait = retry_after_ms.unwrap_or_else(|| backoff_ms(entry.attempts, cx.jitter));
                entry.next_attempt_at = cx.now + wait as f64;
                entry.last_status = status;
                entry.last_message = Some(message.clone());
                let report = OutboxEvent::Retrying {
                    id: entry.id.clone(),
                    status,
                    message,
                    next_attempt_at: entry.next_attempt_at,
                };
                put_back(entry, cx);
                cx.out.push(Command::Report(report));
                self.next(cx);
            }
            SendOutcome::AuthRequired { status, failure } => {
                let message = failure.message(self.lang);
                self.auth_paused = true;
                let mut entry = entry;
                entry.attempts += 1;
                entry.paused = true;
                entry.last_status = Some(status);
                entry.last_message = Some(message.clone());
                let report = OutboxEvent::AuthRequired {
                    id: entry.id.clone(),
                    status,
                    message,
                };
                put_back(entry, cx);
                cx.out.push(Command::Report(report));
                // Nothing more is sent in this round.
                self.batch.clear();
                self.next(cx);
            }
            SendOutcome::Rejected {
                status,
                failure,
                errors,
            } => {
                let message = failure.message(self.lang);
                let Some(content) = entry.content.as_ref() else {
                    // Never sent without content; kept as it is.
                    return self.next(cx);
                };
                // The refused note goes back to the drafts before it leaves
                // the outbox, whether or not an editor is still listening,
                // unsigned: it is fixed, then signed again.
                let mut note = content.note.clone();
                note.signature = None;
                let draft = Draft::new(&self.scope, 1, cx.now, note);
                cx.out.push(Command::ReturnToDrafts {
                    serial,
                    draft: Box::new(draft),
                });
                let refused = Box::new(Refused {
                    entry,
                    status,
                    message,
                    errors,
                });
                self.phase = Phase::Returning { serial, refused };
            }
        }
    }

    /// The note refused at send `serial` was written back as a draft (or
    /// not): its entry is deleted and the session told, or it stays queued,
    /// paused, rather than be lost.
    pub(super) fn returned(&mut self, serial: u64, written: bool, cx: &mut Cx) {
        let refused = match std::mem::replace(&mut self.phase, Phase::Idle) {
            Phase::Returning { serial: s, refused } if s == serial => *refused,
            other => {
                self.phase = other;
                return;
            }
        };
        let Refused {
            mut entry,
            status,
            message,
            errors,
        } = refused;
        if written {
            cx.out.push(Command::Delete(entry.id.clone()));
            cx.out.push(Command::Report(OutboxEvent::Rejected {
                id: entry.id,
                status,
                message,
                errors,
                content: entry.content.map(Box::new),
            }));
        } else {
            entry.paused = true;
            entry.last_status = Some(status);
            entry.last_message = Some(message);
            put_back(entry, cx);
        }
        self.next(cx);
    }
}
