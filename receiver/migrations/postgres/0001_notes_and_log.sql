-- casenote-receiver on PostgreSQL: each note once, and the hash-chained log
-- of what was stored (the same columns as the SQLite file's, see db/schema.rs).
-- Ids and keys are UUIDs, compared in canonical (lower-case) form: the unique
-- indexes on lower(...) hold idempotency whatever instance stores a note.
CREATE TABLE notes (
  seq BIGSERIAL PRIMARY KEY,
  id TEXT NOT NULL,
  idempotency_key TEXT NOT NULL,
  received_at TEXT NOT NULL,
  body TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  -- The original an addendum adds to (lower case), for the inbox's links.
  addendum_to TEXT
);
CREATE UNIQUE INDEX notes_id_canonical ON notes (lower(id));
CREATE UNIQUE INDEX notes_key_canonical ON notes (lower(idempotency_key));
CREATE INDEX notes_addendum_to ON notes (addendum_to) WHERE addendum_to IS NOT NULL;

CREATE TABLE log (
  seq BIGINT PRIMARY KEY,
  note_id TEXT NOT NULL,
  received_at TEXT NOT NULL,
  body_sha256 TEXT NOT NULL,
  prev TEXT NOT NULL,
  hash TEXT NOT NULL,
  version BIGINT NOT NULL,
  idempotency_key TEXT,
  content_hash TEXT
);
