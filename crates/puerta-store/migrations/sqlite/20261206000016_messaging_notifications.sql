-- Secure messaging: threads between an account holder and the officers, general or about one
-- of the holder's cases. Read state is a time on each side: a side has unread messages when the
-- other side wrote after it last read.
CREATE TABLE threads (
    id               TEXT PRIMARY KEY,
    owner_id         TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    case_id          TEXT REFERENCES cases (id) ON DELETE SET NULL,
    subject          TEXT NOT NULL CHECK (length(subject) BETWEEN 1 AND 200),
    language         TEXT NOT NULL,
    assigned_to      TEXT REFERENCES users (id) ON DELETE SET NULL,
    created_at       INTEGER NOT NULL,
    last_message_at  INTEGER NOT NULL,
    last_from_staff  INTEGER NOT NULL CHECK (last_from_staff IN (0, 1)),
    owner_read_at    INTEGER,
    staff_read_at    INTEGER
) STRICT;
CREATE INDEX threads_owner ON threads (owner_id, last_message_at);
CREATE INDEX threads_assigned ON threads (assigned_to, last_message_at);
CREATE INDEX threads_recent ON threads (last_message_at, id);

CREATE TABLE thread_messages (
    id          TEXT PRIMARY KEY,
    thread_id   TEXT NOT NULL REFERENCES threads (id) ON DELETE CASCADE,
    author_id   TEXT REFERENCES users (id) ON DELETE SET NULL,
    author_role TEXT NOT NULL CHECK (author_role IN ('traveler', 'officer', 'supervisor')),
    body        TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 5000),
    sent_at     INTEGER NOT NULL
) STRICT;
CREATE INDEX thread_messages_thread ON thread_messages (thread_id, sent_at, id);

-- Attachments are documents of the thread's case (stored, checked and encrypted as any other).
CREATE TABLE thread_attachments (
    message_id  TEXT NOT NULL REFERENCES thread_messages (id) ON DELETE CASCADE,
    document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    PRIMARY KEY (message_id, document_id)
) STRICT;

-- One row per thing that happened to one account. `args` holds the values its words need
-- (never a name, a code or a link that signs in); it is rendered in the reader's language when read.
CREATE TABLE notifications (
    id         TEXT PRIMARY KEY,
    user_id    TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind       TEXT NOT NULL,
    args       TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    read_at    INTEGER
) STRICT;
CREATE INDEX notifications_user ON notifications (user_id, created_at, id);
CREATE INDEX notifications_unread ON notifications (user_id) WHERE read_at IS NULL;

-- Policy notices: stored once, whatever the audience's size. Title and body are JSON objects
-- by language. Reads and dismissals are the only rows per person, and only for those who act.
CREATE TABLE notices (
    id           TEXT PRIMARY KEY,
    title        TEXT NOT NULL,
    body         TEXT NOT NULL,
    audience     TEXT NOT NULL CHECK (audience IN ('all', 'port', 'staff')),
    port_code    TEXT REFERENCES ports (code),
    publish_at   INTEGER NOT NULL,
    created_by   TEXT REFERENCES users (id) ON DELETE SET NULL,
    created_at   INTEGER NOT NULL,
    announced_at INTEGER,
    CHECK ((audience = 'port') = (port_code IS NOT NULL))
) STRICT;
CREATE INDEX notices_published ON notices (publish_at, id);

CREATE TABLE notice_reads (
    notice_id    TEXT NOT NULL REFERENCES notices (id) ON DELETE CASCADE,
    user_id      TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    read_at      INTEGER,
    dismissed_at INTEGER,
    PRIMARY KEY (notice_id, user_id)
) STRICT;

-- Channels chosen per kind; no row means the kind's default.
CREATE TABLE notification_preferences (
    user_id  TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    category TEXT NOT NULL,
    email    INTEGER NOT NULL CHECK (email IN (0, 1)),
    sms      INTEGER NOT NULL CHECK (sms IN (0, 1)),
    PRIMARY KEY (user_id, category)
) STRICT;

-- The outbox learns which notification a message carries (so its delivery shows beside it),
-- how urgent it is (codes and deadlines first), and what to send instead on the other channel
-- when this one fails for good (sealed like the payload).
ALTER TABLE outbox ADD COLUMN notification_id TEXT;
ALTER TABLE outbox ADD COLUMN priority INTEGER NOT NULL DEFAULT 0;
ALTER TABLE outbox ADD COLUMN fallback_payload TEXT;
ALTER TABLE outbox ADD COLUMN fallback_of TEXT;
CREATE INDEX outbox_notification ON outbox (notification_id) WHERE notification_id IS NOT NULL;
CREATE INDEX outbox_due_priority ON outbox (priority, next_attempt_at) WHERE next_attempt_at IS NOT NULL;
