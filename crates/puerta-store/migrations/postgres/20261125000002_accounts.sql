-- Accounts, one-time codes, sessions, recovery codes, throttles, audit log, server secrets.
-- Times are UTC milliseconds since the Unix epoch (BIGINT), identical on both backends.
CREATE TABLE users (
    id                  TEXT PRIMARY KEY,
    email               TEXT NOT NULL UNIQUE,
    email_verified_at   BIGINT,
    password_hash       TEXT NOT NULL,
    full_name           TEXT NOT NULL,
    phone               TEXT,
    language            TEXT NOT NULL,
    role                TEXT NOT NULL CHECK (role IN ('traveler', 'officer', 'supervisor', 'admin', 'partner')),
    totp_secret         TEXT,
    totp_enabled_at     BIGINT,
    must_reset_password BOOLEAN NOT NULL DEFAULT FALSE,
    disabled_at         BIGINT,
    deleted_at          BIGINT,
    created_at          BIGINT NOT NULL,
    updated_at          BIGINT NOT NULL
);

CREATE TABLE one_time_codes (
    id              TEXT PRIMARY KEY,
    user_id         TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose         TEXT NOT NULL CHECK (purpose IN ('verify_email', 'reset_password', 'change_email')),
    code_hash       TEXT NOT NULL,
    link_token_hash TEXT UNIQUE,
    new_email       TEXT,
    attempts        BIGINT NOT NULL DEFAULT 0,
    expires_at      BIGINT NOT NULL,
    consumed_at     BIGINT,
    created_at      BIGINT NOT NULL
);
CREATE INDEX one_time_codes_user_purpose ON one_time_codes (user_id, purpose);

CREATE TABLE sessions (
    token_hash            TEXT PRIMARY KEY,
    user_id               TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind                  TEXT NOT NULL CHECK (kind IN ('cookie', 'bearer')),
    second_factor_pending BOOLEAN NOT NULL,
    created_at            BIGINT NOT NULL,
    last_seen_at          BIGINT NOT NULL,
    expires_at            BIGINT NOT NULL,
    revoked_at            BIGINT
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE recovery_codes (
    user_id   TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    code_hash TEXT NOT NULL,
    used_at   BIGINT,
    PRIMARY KEY (user_id, code_hash)
);

CREATE TABLE throttle_counters (
    key          TEXT NOT NULL,
    window_start BIGINT NOT NULL,
    count        BIGINT NOT NULL,
    PRIMARY KEY (key, window_start)
);

CREATE TABLE audit_log (
    id         BIGSERIAL PRIMARY KEY,
    at         BIGINT NOT NULL,
    actor_id   TEXT,
    action     TEXT NOT NULL,
    target_id  TEXT,
    ip         TEXT,
    user_agent TEXT,
    detail     TEXT
);
CREATE INDEX audit_log_target ON audit_log (target_id);
CREATE INDEX audit_log_action ON audit_log (action);
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION 'the audit log is append-only'; END; $$;
CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();

CREATE TABLE server_secrets (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
