-- One live code per account and purpose, held by the database: retire all but the newest
-- unconsumed code of each (user, purpose) first, then forbid a second live one.
UPDATE one_time_codes SET consumed_at = created_at
WHERE consumed_at IS NULL AND EXISTS (
    SELECT 1 FROM one_time_codes newer
    WHERE newer.user_id = one_time_codes.user_id AND newer.purpose = one_time_codes.purpose
      AND newer.consumed_at IS NULL
      AND (newer.created_at > one_time_codes.created_at
           OR (newer.created_at = one_time_codes.created_at AND newer.id > one_time_codes.id)));
CREATE UNIQUE INDEX one_time_codes_one_live ON one_time_codes (user_id, purpose) WHERE consumed_at IS NULL;

-- Never without an administrator: a change that takes away the last active one is refused.
-- (Use cases also take an advisory lock first, so concurrent changes cannot both pass.)
CREATE FUNCTION users_keep_an_admin() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.role = 'admin' AND OLD.disabled_at IS NULL AND OLD.deleted_at IS NULL
       AND NOT (NEW.role = 'admin' AND NEW.disabled_at IS NULL AND NEW.deleted_at IS NULL)
       AND NOT EXISTS (SELECT 1 FROM users WHERE role = 'admin' AND disabled_at IS NULL AND deleted_at IS NULL)
    THEN
        RAISE EXCEPTION 'last_admin';
    END IF;
    RETURN NEW;
END; $$;
CREATE TRIGGER users_keep_an_admin AFTER UPDATE OF role, disabled_at, deleted_at ON users
FOR EACH ROW EXECUTE FUNCTION users_keep_an_admin();

-- The transactional outbox: emails and SMS, written with their cause, delivered by a worker.
-- `next_attempt_at` is NULL once nothing more will be tried; address and payload are wiped then.
CREATE TABLE outbox (
    id              TEXT PRIMARY KEY,
    idempotency_key TEXT NOT NULL UNIQUE,
    channel         TEXT NOT NULL CHECK (channel IN ('email', 'sms')),
    kind            TEXT NOT NULL,
    recipient_id    TEXT REFERENCES users (id) ON DELETE SET NULL,
    address         TEXT NOT NULL,
    language        TEXT NOT NULL,
    payload         TEXT NOT NULL,
    status          TEXT NOT NULL CHECK (status IN ('created', 'sending', 'delivered', 'temporary_failure',
                                                    'permanent_failure', 'technical_failure')),
    attempts        BIGINT NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at BIGINT,
    locked_until    BIGINT,
    last_error      TEXT,
    created_at      BIGINT NOT NULL,
    updated_at      BIGINT NOT NULL,
    CHECK ((status IN ('delivered', 'permanent_failure', 'technical_failure')) = (next_attempt_at IS NULL)
           OR status = 'temporary_failure')
);
CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE next_attempt_at IS NOT NULL;
CREATE INDEX outbox_recipient ON outbox (recipient_id);
CREATE INDEX outbox_created ON outbox (created_at, id);
