-- The access log: who read which note, when, how and from where (reads.rs).
CREATE TABLE reads (
  seq BIGSERIAL PRIMARY KEY,
  at TEXT NOT NULL,
  who TEXT NOT NULL,
  note_id TEXT NOT NULL,
  how TEXT NOT NULL,
  from_addr TEXT NOT NULL
);
CREATE INDEX reads_note ON reads (lower(note_id));
