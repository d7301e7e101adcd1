//! The tamper-evident log: each stored note's entry holds the hash of the
//! entry before it (a hash chain, as certificate-transparency logs keep),
//! so altering, removing or reordering a stored note or an entry breaks
//! every hash after it. `casenote-receiver verify` walks it with
//! [`verify`].

use casenote_format::record::sha256_hex;

/// The `prev` of the first entry.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// What an entry's hash covers. Version 1 entries (receivers before the
/// key and the content hash were chained) still verify as they were made.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Version {
    /// `seq`, id, received at, body SHA-256, previous hash.
    V1,
    /// Version 1's fields plus the idempotency key and the content hash:
    /// every stored column a verdict (stored, replay, conflict) reads.
    V2,
}

impl Version {
    pub fn number(self) -> i64 {
        match self {
            Version::V1 => 1,
            Version::V2 => 2,
        }
    }

    pub fn from_number(n: i64) -> Option<Self> {
        match n {
            1 => Some(Version::V1),
            2 => Some(Version::V2),
            _ => None,
        }
    }
}

/// The stored columns of one note, as the log covers them.
#[derive(Clone, Debug, PartialEq)]
pub struct Columns {
    pub seq: i64,
    pub note_id: String,
    pub idempotency_key: String,
    pub received_at: String,
    /// The note's content hash as stored (lower case).
    pub content_hash: String,
    /// SHA-256 of the stored body's bytes.
    pub body_sha256: String,
}

/// One entry of the log, as stored.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub version: Version,
    pub columns: Columns,
    /// The previous entry's `hash` ([`GENESIS`] for the first).
    pub prev: String,
    /// [`entry_hash`] of the fields above.
    pub hash: String,
}

/// The hash of an entry: SHA-256 of its fields, one a line, after a
/// version line. Documented in the README ("The tamper-evident log").
pub fn entry_hash(version: Version, c: &Columns, prev: &str) -> String {
    let text = match version {
        Version::V1 => format!(
            "casenote-log/v1\n{}\n{}\n{}\n{}\n{prev}",
            c.seq, c.note_id, c.received_at, c.body_sha256
        ),
        Version::V2 => format!(
            "casenote-log/v2\n{}\n{}\n{}\n{}\n{}\n{}\n{prev}",
            c.seq, c.note_id, c.idempotency_key, c.received_at, c.content_hash, c.body_sha256
        ),
    };
    sha256_hex(text.as_bytes())
}

impl Entry {
    /// An entry as a store read it, its version as stored: an unknown
    /// version cannot give its hash, so `verify` names it as altered.
    pub fn stored(version: i64, columns: Columns, prev: String, hash: String) -> Self {
        match Version::from_number(version) {
            Some(version) => Entry {
                version,
                columns,
                prev,
                hash,
            },
            None => Entry {
                version: Version::V2,
                columns,
                prev,
                hash: String::new(),
            },
        }
    }

    /// The (version 2) entry for a note stored after `prev`.
    pub fn new(columns: Columns, prev: &str) -> Self {
        Entry {
            version: Version::V2,
            hash: entry_hash(Version::V2, &columns, prev),
            columns,
            prev: prev.to_string(),
        }
    }
}

/// A stored note as `verify` reads it: its columns, with the body's
/// SHA-256, or `None` for the body when it is not stored as text.
#[derive(Clone, Debug, PartialEq)]
pub struct StoredRow {
    pub columns: Columns,
    pub body_is_text: bool,
}

/// Why a store whose log was removed is refused (at start, by both
/// stores).
pub fn log_missing(notes: i64) -> String {
    format!(
        "it holds {notes} notes but no log: the log was removed, so nothing in it can be trusted. Restore it from a backup; `casenote-receiver verify` names this too"
    )
}

/// What `verify` found wrong first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Break {
    /// The file has notes but no log: it was removed.
    LogMissing { notes: i64 },
    /// The note's stored body, id, key, time or hash is not what its entry
    /// recorded.
    NoteAltered { seq: i64, id: String },
    /// The note's body is stored as binary data, not as the text received.
    NotText { seq: i64, id: String },
    /// The entry names a note that is no longer stored.
    NoteRemoved { seq: i64, id: String },
    /// The entry's own fields do not give its hash, or its version is
    /// unknown.
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
            Break::LogMissing { notes } => write!(f, "the log: it is missing, and {notes} notes are stored (the log table was removed; restore the file from a backup)"),
            Break::NoteAltered { seq, id } => write!(f, "entry {seq}: note {id} was altered after it was stored"),
            Break::NotText { seq, id } => write!(f, "entry {seq}: note {id} is stored as binary data, not as the text received"),
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

/// Whether stored columns are those an entry of `version` recorded.
fn agrees(version: Version, logged: &Columns, stored: &Columns) -> bool {
    let v1 = logged.note_id == stored.note_id
        && logged.received_at == stored.received_at
        && logged.body_sha256 == stored.body_sha256;
    match version {
        Version::V1 => v1,
        Version::V2 => {
            v1 && logged.idempotency_key == stored.idempotency_key
                && logged.content_hash == stored.content_hash
        }
    }
}

/// Walks `log` (in `seq` order) against `notes` (in `seq` order) and
/// reports the first break.
pub fn verify(log: &[Entry], notes: &[StoredRow]) -> Result<Verified, Break> {
    let mut prev = GENESIS.to_string();
    let mut rows = notes.iter().peekable();
    for e in log {
        let seq = e.columns.seq;
        if e.hash != entry_hash(e.version, &e.columns, &e.prev) {
            return Err(Break::EntryAltered { seq });
        }
        if e.prev != prev {
            return Err(Break::OutOfOrder { seq });
        }
        // A stored note that the walk passed without an entry.
        if let Some(r) = rows.next_if(|r| r.columns.seq < seq) {
            return Err(Break::NotLogged {
                seq: r.columns.seq,
                id: r.columns.note_id.clone(),
            });
        }
        let id = || e.columns.note_id.clone();
        match rows.next_if(|r| r.columns.seq == seq) {
            None => return Err(Break::NoteRemoved { seq, id: id() }),
            Some(r) if !r.body_is_text => return Err(Break::NotText { seq, id: id() }),
            Some(r) if !agrees(e.version, &e.columns, &r.columns) => {
                return Err(Break::NoteAltered { seq, id: id() })
            }
            Some(_) => {}
        }
        prev = e.hash.clone();
    }
    if let Some(r) = rows.next() {
        return Err(Break::NotLogged {
            seq: r.columns.seq,
            id: r.columns.note_id.clone(),
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

    fn columns(seq: i64) -> Columns {
        Columns {
            seq,
            note_id: format!("n{seq}"),
            idempotency_key: format!("k{seq}"),
            received_at: format!("t{seq}"),
            content_hash: format!("h{seq}"),
            body_sha256: sha256_hex(format!("{{\"n\":{seq}}}").as_bytes()),
        }
    }

    fn chain(n: i64) -> (Vec<Entry>, Vec<StoredRow>) {
        let mut log = Vec::new();
        let mut notes = Vec::new();
        let mut prev = GENESIS.to_string();
        for seq in 1..=n {
            let e = Entry::new(columns(seq), &prev);
            prev = e.hash.clone();
            log.push(e);
            notes.push(StoredRow {
                columns: columns(seq),
                body_is_text: true,
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
        // Pinned: the README's description of an entry's hash, both versions.
        let c = Columns {
            seq: 1,
            note_id: "n1".into(),
            idempotency_key: "k1".into(),
            received_at: "t1".into(),
            content_hash: "h1".into(),
            body_sha256: sha256_hex(b"{}"),
        };
        assert_eq!(
            entry_hash(Version::V1, &c, GENESIS),
            sha256_hex(
                format!(
                    "casenote-log/v1\n1\nn1\nt1\n{}\n{GENESIS}",
                    sha256_hex(b"{}")
                )
                .as_bytes()
            )
        );
        assert_eq!(
            entry_hash(Version::V2, &c, GENESIS),
            sha256_hex(
                format!(
                    "casenote-log/v2\n1\nn1\nk1\nt1\nh1\n{}\n{GENESIS}",
                    sha256_hex(b"{}")
                )
                .as_bytes()
            )
        );
    }

    #[test]
    fn each_kind_of_tampering_is_named_at_its_entry() {
        let altered = |edit: &dyn Fn(&mut Columns)| {
            let (log, mut notes) = chain(4);
            edit(&mut notes[1].columns);
            verify(&log, &notes)
        };
        let n2 = Err(Break::NoteAltered {
            seq: 2,
            id: "n2".into(),
        });
        assert_eq!(altered(&|c| c.body_sha256 = sha256_hex(b"{}")), n2);
        assert_eq!(altered(&|c| c.received_at = "t9".into()), n2);
        // The key and the content hash are in the chain too.
        assert_eq!(altered(&|c| c.idempotency_key = "k9".into()), n2);
        assert_eq!(altered(&|c| c.content_hash = "h9".into()), n2);

        let (log, mut notes) = chain(4);
        notes[1].body_is_text = false;
        assert_eq!(
            verify(&log, &notes),
            Err(Break::NotText {
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
        log[1].columns.received_at = "t9".into();
        assert_eq!(verify(&log, &notes), Err(Break::EntryAltered { seq: 2 }));

        // An entry passed off as version 1 no longer gives its hash.
        let (mut log, notes) = chain(4);
        log[1].version = Version::V1;
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

    /// An entry whose stored version this release does not know cannot
    /// give its hash, whatever else it says.
    #[test]
    fn an_entry_of_an_unknown_version_is_altered() {
        let (log, notes) = chain(2);
        let e = &log[1];
        let odd = Entry::stored(7, e.columns.clone(), e.prev.clone(), e.hash.clone());
        assert_eq!(
            verify(&[log[0].clone(), odd], &notes),
            Err(Break::EntryAltered { seq: 2 })
        );
        let same = Entry::stored(2, e.columns.clone(), e.prev.clone(), e.hash.clone());
        assert_eq!(&same, e);
    }

    /// A version 1 entry (from before the key and hash were chained)
    /// verifies against its own fields only.
    #[test]
    fn a_version_one_entry_still_verifies() {
        let c = columns(1);
        let e = Entry {
            version: Version::V1,
            hash: entry_hash(Version::V1, &c, GENESIS),
            columns: c.clone(),
            prev: GENESIS.into(),
        };
        let mut stored = c;
        stored.content_hash = "other".into();
        let row = StoredRow {
            columns: stored,
            body_is_text: true,
        };
        assert!(verify(&[e], &[row]).is_ok());
    }
}
