//! The tamper-evident log: each stored note's entry holds the hash of the
//! entry before it (a hash chain, as certificate-transparency logs keep),
//! so altering, removing or reordering a stored note or an entry breaks
//! every hash after it. `casenote-receiver verify` walks it with
//! [`verify`].

use casenote::domain::record::sha256_hex;

/// The `prev` of the first entry.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// One entry of the log, as stored.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// The note's `seq` in the notes table.
    pub seq: i64,
    pub note_id: String,
    pub received_at: String,
    /// SHA-256 of the stored body's bytes.
    pub body_sha256: String,
    /// The previous entry's `hash` ([`GENESIS`] for the first).
    pub prev: String,
    /// [`entry_hash`] of the fields above.
    pub hash: String,
}

/// The hash of an entry: SHA-256 of its fields, one a line, after a
/// version line. Documented in the README ("The tamper-evident log").
pub fn entry_hash(
    seq: i64,
    note_id: &str,
    received_at: &str,
    body_sha256: &str,
    prev: &str,
) -> String {
    sha256_hex(
        format!("casenote-log/v1\n{seq}\n{note_id}\n{received_at}\n{body_sha256}\n{prev}")
            .as_bytes(),
    )
}

impl Entry {
    /// The entry for a note stored after `prev`.
    pub fn new(seq: i64, note_id: &str, received_at: &str, body: &str, prev: &str) -> Self {
        let body_sha256 = sha256_hex(body.as_bytes());
        Entry {
            seq,
            note_id: note_id.to_string(),
            received_at: received_at.to_string(),
            hash: entry_hash(seq, note_id, received_at, &body_sha256, prev),
            body_sha256,
            prev: prev.to_string(),
        }
    }
}

/// A stored note as `verify` reads it.
#[derive(Clone, Debug, PartialEq)]
pub struct StoredRow {
    pub seq: i64,
    pub id: String,
    pub received_at: String,
    pub body: String,
}

/// What `verify` found wrong first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Break {
    /// The note's stored body, id or time is not what its entry recorded.
    NoteAltered { seq: i64, id: String },
    /// The entry names a note that is no longer stored.
    NoteRemoved { seq: i64, id: String },
    /// The entry's own fields do not give its hash.
    EntryAltered { seq: i64 },
    /// The entry does not follow the one before it: an entry was removed
    /// or the entries were reordered.
    OutOfOrder { seq: i64 },
    /// A note is stored that no entry records.
    NotLogged { seq: i64, id: String },
}

impl std::fmt::Display for Break {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Break::NoteAltered { seq, id } => write!(f, "entry {seq}: note {id} was altered after it was stored"),
            Break::NoteRemoved { seq, id } => write!(f, "entry {seq}: note {id} was removed"),
            Break::EntryAltered { seq } => write!(f, "entry {seq}: the log entry itself was altered"),
            Break::OutOfOrder { seq } => write!(
                f,
                "entry {seq}: does not follow the entry before it (an entry was removed, or entries were reordered)"
            ),
            Break::NotLogged { seq, id } => write!(f, "note {id} (seq {seq}) is stored but not in the log"),
        }
    }
}

/// An intact chain: how many entries, and the hash of the last.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Verified {
    pub entries: usize,
    pub head: String,
}

/// Walks `log` (in `seq` order) against `notes` (in `seq` order) and
/// reports the first break.
pub fn verify(log: &[Entry], notes: &[StoredRow]) -> Result<Verified, Break> {
    let mut prev = GENESIS.to_string();
    let mut rows = notes.iter().peekable();
    for e in log {
        if e.hash != entry_hash(e.seq, &e.note_id, &e.received_at, &e.body_sha256, &e.prev) {
            return Err(Break::EntryAltered { seq: e.seq });
        }
        if e.prev != prev {
            return Err(Break::OutOfOrder { seq: e.seq });
        }
        // A stored note that the walk passed without an entry.
        if let Some(r) = rows.next_if(|r| r.seq < e.seq) {
            return Err(Break::NotLogged {
                seq: r.seq,
                id: r.id.clone(),
            });
        }
        match rows.next_if(|r| r.seq == e.seq) {
            None => {
                return Err(Break::NoteRemoved {
                    seq: e.seq,
                    id: e.note_id.clone(),
                })
            }
            Some(r) => {
                if r.id != e.note_id
                    || r.received_at != e.received_at
                    || sha256_hex(r.body.as_bytes()) != e.body_sha256
                {
                    return Err(Break::NoteAltered {
                        seq: e.seq,
                        id: e.note_id.clone(),
                    });
                }
            }
        }
        prev = e.hash.clone();
    }
    if let Some(r) = rows.next() {
        return Err(Break::NotLogged {
            seq: r.seq,
            id: r.id.clone(),
        });
    }
    Ok(Verified {
        entries: log.len(),
        head: prev,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chain(n: i64) -> (Vec<Entry>, Vec<StoredRow>) {
        let mut log = Vec::new();
        let mut notes = Vec::new();
        let mut prev = GENESIS.to_string();
        for seq in 1..=n {
            let (id, at, body) = (
                format!("n{seq}"),
                format!("t{seq}"),
                format!("{{\"n\":{seq}}}"),
            );
            let e = Entry::new(seq, &id, &at, &body, &prev);
            prev = e.hash.clone();
            log.push(e);
            notes.push(StoredRow {
                seq,
                id,
                received_at: at,
                body,
            });
        }
        (log, notes)
    }

    #[test]
    fn an_intact_chain_verifies_to_its_head() {
        let (log, notes) = chain(3);
        assert_eq!(
            verify(&log, &notes),
            Ok(Verified {
                entries: 3,
                head: log[2].hash.clone()
            })
        );
        assert_eq!(
            verify(&[], &[]),
            Ok(Verified {
                entries: 0,
                head: GENESIS.into()
            })
        );
        // Pinned: the README's description of an entry's hash.
        assert_eq!(
            entry_hash(1, "n1", "t1", &sha256_hex(b"{}"), GENESIS),
            sha256_hex(
                format!(
                    "casenote-log/v1\n1\nn1\nt1\n{}\n{GENESIS}",
                    sha256_hex(b"{}")
                )
                .as_bytes()
            )
        );
    }

    #[test]
    fn each_kind_of_tampering_is_named_at_its_entry() {
        let (log, mut notes) = chain(4);
        notes[1].body = "{\"n\":20}".into();
        assert_eq!(
            verify(&log, &notes),
            Err(Break::NoteAltered {
                seq: 2,
                id: "n2".into()
            })
        );

        let (log, mut notes) = chain(4);
        notes.remove(2);
        assert_eq!(
            verify(&log, &notes),
            Err(Break::NoteRemoved {
                seq: 3,
                id: "n3".into()
            })
        );

        let (mut log, notes) = chain(4);
        log[1].received_at = "t9".into();
        assert_eq!(verify(&log, &notes), Err(Break::EntryAltered { seq: 2 }));

        let (mut log, notes) = chain(4);
        log.swap(1, 2);
        assert_eq!(verify(&log, &notes), Err(Break::OutOfOrder { seq: 3 }));

        // A note and its entry both removed: the next entry no longer follows.
        let (mut log, mut notes) = chain(4);
        log.remove(1);
        notes.remove(1);
        assert_eq!(verify(&log, &notes), Err(Break::OutOfOrder { seq: 3 }));

        let (mut log, notes) = chain(4);
        log.truncate(3);
        assert_eq!(
            verify(&log, &notes),
            Err(Break::NotLogged {
                seq: 4,
                id: "n4".into()
            })
        );
    }
}
