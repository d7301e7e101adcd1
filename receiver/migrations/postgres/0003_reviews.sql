-- Supervisors' reviews, stored beside the notes as documents of their own
-- kind so that one log covers both; the note a review is of, and the note
-- a revision revises (lower case), for the review queue and the history.
ALTER TABLE notes ADD COLUMN kind TEXT NOT NULL DEFAULT 'note';
ALTER TABLE notes ADD COLUMN review_of TEXT;
ALTER TABLE notes ADD COLUMN revises TEXT;
ALTER TABLE notes ADD COLUMN awaits_review BOOLEAN NOT NULL DEFAULT false;
CREATE INDEX notes_kind_seq ON notes (kind, seq);
CREATE INDEX notes_review_of ON notes (review_of) WHERE review_of IS NOT NULL;
CREATE INDEX notes_revises ON notes (revises) WHERE revises IS NOT NULL;
