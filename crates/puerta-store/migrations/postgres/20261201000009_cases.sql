-- Advance information and cases (issue 10). A traveler profile belongs to the account holder
-- who entered it (themself or a companion); an application is one submission for a group, with
-- one US destination; each traveler in it gets a case with its own reference number and decision.
CREATE TABLE travelers (
    id                   TEXT PRIMARY KEY,
    account_id           TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    given_name           TEXT NOT NULL,
    family_name          TEXT NOT NULL,
    date_of_birth        TEXT NOT NULL,
    nationality          TEXT NOT NULL CHECK (length(nationality) = 2),
    country_of_birth     TEXT NOT NULL CHECK (length(country_of_birth) = 2),
    city_of_birth        TEXT NOT NULL,
    country_of_residence TEXT NOT NULL CHECK (length(country_of_residence) = 2),
    gender               TEXT CHECK (gender IN ('female', 'male', 'non_binary', 'unspecified')),
    language             TEXT NOT NULL,
    phone                TEXT,
    email                TEXT,
    document_type        TEXT CHECK (document_type IN ('passport', 'national_id', 'birth_certificate', 'other')),
    document_number      TEXT,
    document_country     TEXT,
    document_expiry      TEXT,
    created_at           BIGINT NOT NULL,
    updated_at           BIGINT NOT NULL
);
CREATE INDEX travelers_account ON travelers (account_id, created_at);

CREATE TABLE applications (
    id             TEXT PRIMARY KEY,
    account_id     TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    us_line1       TEXT NOT NULL,
    us_line2       TEXT,
    us_city        TEXT NOT NULL,
    us_state       TEXT NOT NULL CHECK (length(us_state) = 2),
    us_postal_code TEXT NOT NULL,
    submitted_at   BIGINT NOT NULL
);
CREATE INDEX applications_account ON applications (account_id, submitted_at);

CREATE TABLE cases (
    id               TEXT PRIMARY KEY,
    reference_number TEXT NOT NULL UNIQUE CHECK (length(reference_number) = 13),
    application_id   TEXT NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    traveler_id      TEXT NOT NULL REFERENCES travelers (id) ON DELETE CASCADE,
    account_id       TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    status           TEXT NOT NULL CHECK (status IN ('received', 'in_review', 'evidence_requested', 'evidence_received',
                                                     'approved', 'denied', 'appeal_received', 'appeal_upheld',
                                                     'appeal_granted', 'withdrawn')),
    assigned_to      TEXT REFERENCES users (id) ON DELETE SET NULL,
    opened_at        BIGINT NOT NULL,
    updated_at       BIGINT NOT NULL
);
CREATE INDEX cases_account ON cases (account_id, opened_at);
CREATE INDEX cases_status ON cases (status, opened_at);
-- One open case per traveler profile: a person is not submitted twice at once.
CREATE UNIQUE INDEX cases_one_open_per_traveler ON cases (traveler_id)
    WHERE status NOT IN ('approved', 'denied', 'appeal_upheld', 'appeal_granted', 'withdrawn');

CREATE TABLE case_events (
    id          TEXT PRIMARY KEY,
    case_id     TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    at          BIGINT NOT NULL,
    actor_id    TEXT REFERENCES users (id) ON DELETE SET NULL,
    from_status TEXT CHECK (from_status IN ('received', 'in_review', 'evidence_requested', 'evidence_received', 'approved', 'denied', 'appeal_received', 'appeal_upheld', 'appeal_granted', 'withdrawn')),
    to_status   TEXT NOT NULL CHECK (to_status IN ('received', 'in_review', 'evidence_requested', 'evidence_received', 'approved', 'denied', 'appeal_received', 'appeal_upheld', 'appeal_granted', 'withdrawn')),
    note        TEXT
);
CREATE INDEX case_events_case ON case_events (case_id, at);
