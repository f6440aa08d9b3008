-- The officer's side of a case (issue 10): notes only staff read, the port a group plans to use
-- (the queue filters by it), and reason codes an admin adds (with their words in every
-- language, since they have no Fluent message) or retires (decisions keep citing them).
CREATE TABLE case_notes (
    id        TEXT PRIMARY KEY,
    case_id   TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    author_id TEXT REFERENCES users (id) ON DELETE SET NULL,
    body      TEXT NOT NULL,
    at        INTEGER NOT NULL
) STRICT;
CREATE INDEX case_notes_case ON case_notes (case_id, at);

ALTER TABLE applications ADD COLUMN port_code TEXT REFERENCES ports (code);
CREATE INDEX applications_port ON applications (port_code);

-- JSON object of language code to the traveler-facing words; NULL for the seeded codes, whose
-- words are the Fluent messages `reason-<code>`.
ALTER TABLE reason_codes ADD COLUMN titles TEXT;
ALTER TABLE reason_codes ADD COLUMN retired_at INTEGER;

-- The work queue reads cases oldest first by status.
CREATE INDEX cases_queue ON cases (status, opened_at, id);
