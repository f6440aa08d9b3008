-- Case checks (issue 10): the watchlist administrators upload, and each case's latest result of
-- each check. A new upload replaces the whole list in one transaction; every row of one upload
-- carries its version, time and uploader.
CREATE TABLE watchlist_entries (
    id              TEXT PRIMARY KEY,
    -- As given in the file (cleaned), and as screening compares it.
    full_name       TEXT NOT NULL CHECK (length(full_name) BETWEEN 1 AND 200),
    normalized_name TEXT NOT NULL,
    -- 'YYYY-MM-DD', 'YYYY', or '' when the list gives none.
    date_of_birth   TEXT NOT NULL CHECK (length(date_of_birth) IN (0, 4, 10)),
    list_version    TEXT NOT NULL,
    uploaded_at     BIGINT NOT NULL,
    uploaded_by     TEXT REFERENCES users (id) ON DELETE SET NULL
);

-- The latest result of each check on a case; earlier runs are in the audit log.
CREATE TABLE case_checks (
    case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    kind    TEXT NOT NULL CHECK (kind IN ('watchlist', 'duplicate_person', 'shared_address')),
    outcome TEXT NOT NULL CHECK (outcome IN ('clear', 'hit')),
    -- JSON array of reasons, each {"code": …, facts…}.
    reasons TEXT NOT NULL,
    ran_at  BIGINT NOT NULL,
    -- NULL when the check ran on its own (at submission).
    ran_by  TEXT REFERENCES users (id) ON DELETE SET NULL,
    PRIMARY KEY (case_id, kind)
);

-- What the checks look up: other travelers born the same day, other groups at one ZIP code.
CREATE INDEX travelers_date_of_birth ON travelers (date_of_birth);
CREATE INDEX applications_state_postal_code ON applications (us_state, us_postal_code);
