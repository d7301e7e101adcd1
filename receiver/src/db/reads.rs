//! The access log in the SQLite file (`reads.rs`).

use std::collections::HashMap;

use rusqlite::{params, params_from_iter};

use super::Store;
use crate::reads::{How, Read};

impl Store {
    /// Logs `reads`, all or none.
    pub fn record_reads(&self, reads: &[Read]) -> rusqlite::Result<()> {
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        for r in reads {
            tx.execute(
                "INSERT INTO reads (at, who, note_id, how, from_addr) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![r.at, r.who, r.note_id, r.how.as_str(), r.from],
            )?;
        }
        tx.commit()
    }

    /// The logged reads of the notes `ids` (any case), newest first, by
    /// lower-case id.
    pub fn reads_of(&self, ids: &[String]) -> rusqlite::Result<HashMap<String, Vec<Read>>> {
        let mut out: HashMap<String, Vec<Read>> = HashMap::new();
        if ids.is_empty() {
            return Ok(out);
        }
        let marks = vec!["?"; ids.len()].join(", ");
        let conn = self.conn();
        let mut stmt = conn.prepare(&format!(
            "SELECT at, who, note_id, how, from_addr FROM reads
             WHERE note_id COLLATE NOCASE IN ({marks}) ORDER BY seq DESC"
        ))?;
        let rows = stmt.query_map(params_from_iter(ids.iter()), |r| {
            Ok(Read {
                at: r.get(0)?,
                who: r.get(1)?,
                note_id: r.get(2)?,
                how: How::parse(&r.get::<_, String>(3)?).unwrap_or(How::Inbox),
                from: r.get(4)?,
            })
        })?;
        for r in rows {
            let r = r?;
            out.entry(r.note_id.to_ascii_lowercase())
                .or_default()
                .push(r);
        }
        Ok(out)
    }
}
