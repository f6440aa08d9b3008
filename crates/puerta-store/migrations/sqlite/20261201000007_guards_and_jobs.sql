-- Guards: failures counted per subject (an account's address, a code's account) with a delay
-- that grows with each failure past the free ones. Keys are hashed by the application.
CREATE TABLE guards (
    key             TEXT PRIMARY KEY,
    failures        INTEGER NOT NULL CHECK (failures >= 0),
    last_failure_at INTEGER NOT NULL,
    blocked_until   INTEGER NOT NULL
) STRICT;
CREATE INDEX guards_last_failure ON guards (last_failure_at);

-- Jobs: work a request hands to the background so its answer takes the same time whatever
-- the work turns out to be (a reset for an address with or without an account). The payload
-- is sealed under the master key; a finished job is deleted in the transaction of its effect.
CREATE TABLE jobs (
    id           TEXT PRIMARY KEY,
    kind         TEXT NOT NULL,
    payload      TEXT NOT NULL,
    attempts     INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    run_at       INTEGER NOT NULL,
    locked_until INTEGER,
    created_at   INTEGER NOT NULL
) STRICT;
CREATE INDEX jobs_due ON jobs (run_at);
