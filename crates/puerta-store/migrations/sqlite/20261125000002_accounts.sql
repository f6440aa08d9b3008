-- Accounts, one-time codes, sessions, recovery codes, throttles, audit log, server secrets.
-- Times are UTC milliseconds since the Unix epoch (INTEGER), identical on both backends so that
-- comparisons never depend on text formatting.
CREATE TABLE users (
    id                  TEXT PRIMARY KEY,
    email               TEXT NOT NULL UNIQUE,
    email_verified_at   INTEGER,
    password_hash       TEXT NOT NULL,
    full_name           TEXT NOT NULL,
    phone               TEXT,
    language            TEXT NOT NULL,
    role                TEXT NOT NULL CHECK (role IN ('traveler', 'officer', 'supervisor', 'admin', 'partner')),
    totp_secret         TEXT,
    totp_enabled_at     INTEGER,
    must_reset_password INTEGER NOT NULL DEFAULT 0,
    disabled_at         INTEGER,
    deleted_at          INTEGER,
    created_at          INTEGER NOT NULL,
    updated_at          INTEGER NOT NULL
) STRICT;

CREATE TABLE one_time_codes (
    id              TEXT PRIMARY KEY,
    user_id         TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose         TEXT NOT NULL CHECK (purpose IN ('verify_email', 'reset_password', 'change_email')),
    code_hash       TEXT NOT NULL,
    link_token_hash TEXT UNIQUE,
    new_email       TEXT,
    attempts        INTEGER NOT NULL DEFAULT 0,
    expires_at      INTEGER NOT NULL,
    consumed_at     INTEGER,
    created_at      INTEGER NOT NULL
) STRICT;
CREATE INDEX one_time_codes_user_purpose ON one_time_codes (user_id, purpose);

CREATE TABLE sessions (
    token_hash            TEXT PRIMARY KEY,
    user_id               TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind                  TEXT NOT NULL CHECK (kind IN ('cookie', 'bearer')),
    second_factor_pending INTEGER NOT NULL,
    created_at            INTEGER NOT NULL,
    last_seen_at          INTEGER NOT NULL,
    expires_at            INTEGER NOT NULL,
    revoked_at            INTEGER
) STRICT;
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE recovery_codes (
    user_id   TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    code_hash TEXT NOT NULL,
    used_at   INTEGER,
    PRIMARY KEY (user_id, code_hash)
) STRICT;

CREATE TABLE throttle_counters (
    key          TEXT NOT NULL,
    window_start INTEGER NOT NULL,
    count        INTEGER NOT NULL,
    PRIMARY KEY (key, window_start)
) STRICT;

CREATE TABLE audit_log (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    at         INTEGER NOT NULL,
    actor_id   TEXT,
    action     TEXT NOT NULL,
    target_id  TEXT,
    ip         TEXT,
    user_agent TEXT,
    detail     TEXT
) STRICT;
CREATE INDEX audit_log_target ON audit_log (target_id);
CREATE INDEX audit_log_action ON audit_log (action);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

CREATE TABLE server_secrets (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;
