-- Officer processing of cases (issue 10): requests for evidence, the reason codes a denial cites,
-- decisions and appeals. Each row is written in the same transaction as the case's status change.
CREATE TABLE evidence_requests (
    id          TEXT PRIMARY KEY,
    case_id     TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    -- JSON array of {"description": "…"}.
    items       TEXT NOT NULL,
    due_at      BIGINT NOT NULL,
    created_by  TEXT REFERENCES users (id) ON DELETE SET NULL,
    created_at  BIGINT NOT NULL,
    answered_at BIGINT
);
CREATE INDEX evidence_requests_case ON evidence_requests (case_id, created_at);

-- The admin-managed list of reasons a denial may cite; `title` is the staff-facing English name,
-- travelers read the Fluent message `reason-<code>`.
CREATE TABLE reason_codes (
    code  TEXT PRIMARY KEY CHECK (length(code) BETWEEN 1 AND 64),
    title TEXT NOT NULL
);
INSERT INTO reason_codes (code, title) VALUES
    ('incomplete_information', 'Required information is missing'),
    ('inconsistent_information', 'The information given does not agree'),
    ('identity_not_established', 'Identity could not be confirmed'),
    ('insufficient_evidence', 'The documents sent do not support the application'),
    ('no_evidence_response', 'No answer to the request for evidence by the due date');

-- One decision per case.
CREATE TABLE decisions (
    case_id            TEXT PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE,
    outcome            TEXT NOT NULL CHECK (outcome IN ('approved', 'denied')),
    -- JSON array of reason codes (empty for an approval).
    reason_codes       TEXT NOT NULL,
    narrative          TEXT NOT NULL,
    decided_by         TEXT REFERENCES users (id) ON DELETE SET NULL,
    decided_at         BIGINT NOT NULL,
    appeal_deadline_at BIGINT
);

-- At most one appeal per case.
CREATE TABLE appeals (
    case_id      TEXT PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE,
    statement    TEXT NOT NULL,
    submitted_by TEXT REFERENCES users (id) ON DELETE SET NULL,
    submitted_at BIGINT NOT NULL,
    outcome      TEXT CHECK (outcome IN ('upheld', 'granted')),
    narrative    TEXT,
    decided_by   TEXT REFERENCES users (id) ON DELETE SET NULL,
    decided_at   BIGINT
);
