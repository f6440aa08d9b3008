-- Appointments (issue 11): the daily draw with its commitment, the requests it draws among, the
-- places each port gives each draw, offers and confirmed appointments, and who arrived.
-- Invariants the database holds: one standing request per traveler per draw; places held at a
-- port for a draw never above its places (offers, confirmations and re-offers all count); one
-- appointment per request; unique confirmation numbers.

-- What an administrator changed of the scheduling rules; NULL keeps the configured default.
CREATE TABLE scheduling_settings (
    id                    INTEGER PRIMARY KEY CHECK (id = 1),
    window_opens          TEXT,
    window_closes         TEXT,
    time_zone             TEXT,
    oldest_share_permille INTEGER CHECK (oldest_share_permille BETWEEN 0 AND 1000),
    lead_days             INTEGER CHECK (lead_days BETWEEN 0 AND 60),
    service_policy        TEXT,
    updated_at            INTEGER NOT NULL
) STRICT;

-- One draw per request day. The secret is sealed under the master key until the draw reveals it;
-- its SHA-256 is published from the start. `inputs_digest` is fixed when the window closes: the
-- inputs are the draw's requests and places, which no longer change after that, so the
-- publication is recomputed from them (and checked against this digest) rather than copied.
CREATE TABLE draws (
    draw_date                TEXT PRIMARY KEY CHECK (length(draw_date) = 10),
    sealed_secret            TEXT NOT NULL,
    seed_commitment          TEXT NOT NULL CHECK (length(seed_commitment) = 64),
    opens_at                 INTEGER NOT NULL,
    closes_at                INTEGER NOT NULL,
    runs_at                  INTEGER NOT NULL,
    status                   TEXT NOT NULL CHECK (status IN ('open', 'frozen', 'drawn')),
    oldest_share_permille    INTEGER NOT NULL CHECK (oldest_share_permille BETWEEN 0 AND 1000),
    inputs_digest            TEXT,
    public_randomness_source TEXT,
    public_randomness_value  TEXT,
    frozen_at                INTEGER,
    drawn_at                 INTEGER,
    created_at               INTEGER NOT NULL
) STRICT;

-- The places the draw of `draw_date` gives at a port (set by an admin, else the port's default at
-- the freeze), and how many of them offers and appointments hold now.
CREATE TABLE draw_capacity (
    draw_date TEXT NOT NULL,
    port_code TEXT NOT NULL REFERENCES ports (code),
    places    INTEGER NOT NULL CHECK (places BETWEEN 0 AND 10000),
    held      INTEGER NOT NULL DEFAULT 0,
    CHECK (held >= 0 AND held <= places),
    PRIMARY KEY (draw_date, port_code)
) STRICT;

CREATE TABLE appointment_requests (
    id                TEXT PRIMARY KEY,
    draw_date         TEXT NOT NULL REFERENCES draws (draw_date),
    account_id        TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    port_code         TEXT NOT NULL REFERENCES ports (code),
    entry_id          TEXT NOT NULL UNIQUE,
    group_size        INTEGER NOT NULL CHECK (group_size BETWEEN 1 AND 10),
    registered_at     INTEGER NOT NULL,
    status            TEXT NOT NULL CHECK (status IN ('requested', 'withdrawn', 'selected')),
    created_at        INTEGER NOT NULL,
    updated_at        INTEGER NOT NULL
) STRICT;
CREATE INDEX appointment_requests_draw ON appointment_requests (draw_date, port_code, status);
-- The draw reads its requests in the order of their published ids.
CREATE INDEX appointment_requests_draw_entries ON appointment_requests (draw_date, entry_id);
CREATE INDEX appointment_requests_account ON appointment_requests (account_id, created_at);

CREATE TABLE appointment_request_travelers (
    request_id  TEXT NOT NULL REFERENCES appointment_requests (id) ON DELETE CASCADE,
    traveler_id TEXT NOT NULL REFERENCES travelers (id) ON DELETE CASCADE,
    draw_date   TEXT NOT NULL,
    active      INTEGER NOT NULL CHECK (active IN (0, 1)),
    PRIMARY KEY (request_id, traveler_id)
) STRICT;
-- One standing request per traveler per draw.
CREATE UNIQUE INDEX appointment_request_one_per_draw ON appointment_request_travelers (traveler_id, draw_date)
    WHERE active = 1;

CREATE TABLE appointments (
    id                  TEXT PRIMARY KEY,
    request_id          TEXT NOT NULL UNIQUE REFERENCES appointment_requests (id) ON DELETE CASCADE,
    draw_date           TEXT NOT NULL,
    account_id          TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    port_code           TEXT NOT NULL REFERENCES ports (code),
    places              INTEGER NOT NULL CHECK (places BETWEEN 1 AND 10),
    scheduled_at        INTEGER NOT NULL,
    status              TEXT NOT NULL CHECK (status IN ('offered', 'confirmed', 'expired', 'cancelled', 'checked_in', 'no_show')),
    selection           TEXT NOT NULL CHECK (selection IN ('oldest', 'random', 'waitlist')),
    offered_at          INTEGER NOT NULL,
    offer_expires_at    INTEGER NOT NULL,
    confirmation_number TEXT UNIQUE CHECK (confirmation_number IS NULL OR length(confirmation_number) = 11),
    confirmed_at        INTEGER,
    updated_at          INTEGER NOT NULL
) STRICT;
CREATE INDEX appointments_account ON appointments (account_id, offered_at);
CREATE INDEX appointments_due ON appointments (status, offer_expires_at);
CREATE INDEX appointments_port_day ON appointments (port_code, scheduled_at);

CREATE TABLE appointment_travelers (
    appointment_id TEXT NOT NULL REFERENCES appointments (id) ON DELETE CASCADE,
    traveler_id    TEXT NOT NULL REFERENCES travelers (id) ON DELETE CASCADE,
    arrival        TEXT CHECK (arrival IN ('arrived', 'no_show')),
    case_id        TEXT REFERENCES cases (id) ON DELETE SET NULL,
    PRIMARY KEY (appointment_id, traveler_id)
) STRICT;
CREATE INDEX appointment_travelers_traveler ON appointment_travelers (traveler_id);

-- A current photo of each traveler is a document of kind `photo` on their case: SQLite cannot
-- change a CHECK in place, so the table is rebuilt with the new kind (nothing references it).
CREATE TABLE documents_new (
    id           TEXT PRIMARY KEY,
    case_id      TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    storage_key  TEXT NOT NULL UNIQUE CHECK (storage_key LIKE 'documents/%'),
    wrapped_key  TEXT NOT NULL,
    sha256       TEXT NOT NULL CHECK (length(sha256) = 64),
    size         INTEGER NOT NULL CHECK (size > 0),
    content_type TEXT NOT NULL CHECK (content_type IN ('application/pdf', 'image/jpeg', 'image/png', 'image/tiff')),
    display_name TEXT CHECK (display_name IS NULL OR length(display_name) BETWEEN 1 AND 255),
    kind         TEXT NOT NULL CHECK (kind IN ('passport', 'national_id', 'birth_certificate', 'evidence', 'appeal', 'other', 'photo')),
    uploaded_by  TEXT REFERENCES users (id) ON DELETE SET NULL,
    uploaded_at  INTEGER NOT NULL
) STRICT;
INSERT INTO documents_new SELECT id, case_id, storage_key, wrapped_key, sha256, size, content_type, display_name,
    kind, uploaded_by, uploaded_at FROM documents;
DROP TABLE documents;
ALTER TABLE documents_new RENAME TO documents;
CREATE INDEX documents_case ON documents (case_id, uploaded_at);
