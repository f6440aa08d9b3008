//! The transactional outbox: every email and SMS is a row written in the same transaction as
//! its cause, and delivered later by a worker that claims rows, sends them and records the
//! outcome. On PostgreSQL several instances share the work: rows are claimed with
//! `FOR UPDATE SKIP LOCKED`, so each message is claimed by exactly one of them.

use puerta_domain::accounts::Language;
use puerta_domain::delivery::{Channel, DeliveryRecord, DeliveryStatus};
use puerta_domain::ids::{NotificationId, OutboxId, UserId};
use secrecy::{ExposeSecret, SecretString};

use crate::StoreError;
use crate::accounts::records::{language, opt_user_id};
use crate::unit_of_work::{exec, fetch_all, fetch_optional, repository};

repository!(
    /// Outgoing messages and their delivery status.
    Outbox
);

/// A message to queue. `payload` is the typed message as JSON (it may hold a code, so it is a
/// secret until delivered, and wiped after).
#[derive(Debug, Clone)]
pub struct NewMessage {
    pub id: OutboxId,
    /// `<event id>:<channel>`: the same event never queues the same channel twice, and the
    /// provider sees the same key on every retry.
    pub idempotency_key: String,
    pub channel: Channel,
    /// The message kind's name (e.g. `verify_email`), for the delivery status list.
    pub kind: String,
    pub recipient_id: Option<UserId>,
    pub address: SecretString,
    /// The language to render in when the recipient has no account (or no longer has one).
    pub language: Language,
    pub payload: SecretString,
    pub created_at: i64,
    /// 0 first (codes, offers, deadlines), then 1, then 2 (bulk notices).
    pub priority: i64,
    /// The inbox notification this message carries, if any.
    pub notification_id: Option<NotificationId>,
    /// What to send on the other channel if this one fails for good (sealed like `payload`).
    pub fallback_payload: Option<SecretString>,
    /// Set when this message is itself the fallback of another.
    pub fallback_of: Option<OutboxId>,
}

/// A claimed message, ready to render and send.
#[derive(Debug, Clone)]
pub struct Claimed {
    pub id: OutboxId,
    pub idempotency_key: String,
    pub channel: Channel,
    pub kind: String,
    pub recipient_id: Option<UserId>,
    pub address: SecretString,
    pub language: Language,
    pub payload: SecretString,
    /// This try's number, starting at 1.
    pub attempt: i64,
    pub notification_id: Option<NotificationId>,
    pub fallback_payload: Option<SecretString>,
    pub priority: i64,
}

/// Which delivery records to list: newest first, before the cursor.
#[derive(Debug, Clone, Default)]
pub struct DeliveryFilter {
    pub status: Option<DeliveryStatus>,
    pub recipient_id: Option<UserId>,
    /// Cursor: rows older than this (created_at, id).
    pub before: Option<(i64, OutboxId)>,
    pub limit: i64,
}

const CLAIMED_COLUMNS: &str = "id, idempotency_key, channel, kind, recipient_id, address, language, payload, attempts, \
     notification_id, fallback_payload, priority";
const RECORD_COLUMNS: &str =
    "id, channel, kind, recipient_id, status, attempts, next_attempt_at, last_error, created_at, updated_at";

#[derive(sqlx::FromRow)]
struct ClaimedRow {
    id: String,
    idempotency_key: String,
    channel: String,
    kind: String,
    recipient_id: Option<String>,
    address: String,
    language: String,
    payload: String,
    attempts: i64,
    notification_id: Option<String>,
    fallback_payload: Option<String>,
    priority: i64,
}

#[derive(sqlx::FromRow)]
struct RecordRow {
    id: String,
    channel: String,
    kind: String,
    recipient_id: Option<String>,
    status: String,
    attempts: i64,
    next_attempt_at: Option<i64>,
    last_error: Option<String>,
    created_at: i64,
    updated_at: i64,
}

fn outbox_id(text: &str) -> Result<OutboxId, StoreError> {
    OutboxId::parse(text).map_err(|_| StoreError::Corrupt("outbox id".into()))
}

fn channel(text: &str) -> Result<Channel, StoreError> {
    Channel::parse(text).ok_or_else(|| StoreError::Corrupt("channel".into()))
}

impl TryFrom<ClaimedRow> for Claimed {
    type Error = StoreError;

    fn try_from(r: ClaimedRow) -> Result<Self, StoreError> {
        Ok(Claimed {
            id: outbox_id(&r.id)?,
            idempotency_key: r.idempotency_key,
            channel: channel(&r.channel)?,
            kind: r.kind,
            recipient_id: opt_user_id(r.recipient_id)?,
            address: SecretString::from(r.address),
            language: language(&r.language)?,
            payload: SecretString::from(r.payload),
            attempt: r.attempts,
            notification_id: r
                .notification_id
                .map(|n| NotificationId::parse(&n).map_err(|_| StoreError::Corrupt("notification id".into())))
                .transpose()?,
            fallback_payload: r.fallback_payload.map(SecretString::from),
            priority: r.priority,
        })
    }
}

impl TryFrom<RecordRow> for DeliveryRecord {
    type Error = StoreError;

    fn try_from(r: RecordRow) -> Result<Self, StoreError> {
        Ok(DeliveryRecord {
            id: outbox_id(&r.id)?,
            channel: channel(&r.channel)?,
            kind: r.kind,
            recipient_id: opt_user_id(r.recipient_id)?,
            status: DeliveryStatus::parse(&r.status).ok_or_else(|| StoreError::Corrupt("status".into()))?,
            attempts: r.attempts,
            next_attempt_at: r.next_attempt_at,
            last_error: r.last_error,
            created_at: r.created_at,
            updated_at: r.updated_at,
        })
    }
}

impl<M> Outbox<'_, M> {
    /// Newest first.
    pub async fn list(&mut self, f: &DeliveryFilter) -> Result<Vec<DeliveryRecord>, StoreError> {
        let sql = format!(
            "SELECT {RECORD_COLUMNS} FROM outbox WHERE ($1 IS NULL OR status = $1) AND ($2 IS NULL OR recipient_id = $2) \
             AND ($3 IS NULL OR created_at < $3 OR (created_at = $3 AND id < $4)) \
             ORDER BY created_at DESC, id DESC LIMIT $5"
        );
        let (before_at, before_id) =
            f.before.as_ref().map_or((None, None), |(at, id)| (Some(*at), Some(id.as_str())));
        fetch_all!(
            &mut self.conn,
            RecordRow,
            &sql,
            f.status.map(DeliveryStatus::as_str),
            f.recipient_id.as_ref().map(UserId::as_str),
            before_at,
            before_id,
            f.limit,
        )?
        .into_iter()
        .map(DeliveryRecord::try_from)
        .collect()
    }

    pub async fn find(&mut self, id: &OutboxId) -> Result<Option<DeliveryRecord>, StoreError> {
        let sql = format!("SELECT {RECORD_COLUMNS} FROM outbox WHERE id = $1");
        fetch_optional!(&mut self.conn, RecordRow, &sql, id.as_str())?
            .map(DeliveryRecord::try_from)
            .transpose()
    }

    /// Messages due by `now` that are not finished: waiting, being claimed, or being sent
    /// (a claimed row keeps its due time until its outcome is recorded).
    pub async fn count_pending(&mut self, now: i64) -> Result<i64, StoreError> {
        let (n,) = crate::unit_of_work::fetch_one!(
            &mut self.conn,
            (i64,),
            "SELECT COUNT(*) FROM outbox WHERE next_attempt_at IS NOT NULL AND next_attempt_at <= $1",
            now
        )?;
        Ok(n)
    }

    /// When the next message falls due (`None`: nothing waits), for the worker's sleep.
    pub async fn next_due(&mut self) -> Result<Option<i64>, StoreError> {
        let row = fetch_optional!(
            &mut self.conn,
            (Option<i64>,),
            "SELECT MIN(CASE WHEN locked_until IS NOT NULL AND locked_until > next_attempt_at \
             THEN locked_until ELSE next_attempt_at END) FROM outbox WHERE next_attempt_at IS NOT NULL"
        )?;
        Ok(row.and_then(|(at,)| at))
    }
}

impl Outbox<'_, crate::Write> {
    /// Queues a message, due at once. `false` when its idempotency key is queued already.
    pub async fn enqueue(&mut self, m: &NewMessage) -> Result<bool, StoreError> {
        let added = exec!(
            &mut self.conn,
            "INSERT INTO outbox (id, idempotency_key, channel, kind, recipient_id, address, language, payload, \
             status, attempts, next_attempt_at, created_at, updated_at, priority, notification_id, fallback_payload, fallback_of) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'created', 0, $9, $9, $9, $10, $11, $12, $13) \
             ON CONFLICT (idempotency_key) DO NOTHING",
            m.id.as_str(),
            &m.idempotency_key,
            m.channel.as_str(),
            &m.kind,
            m.recipient_id.as_ref().map(UserId::as_str),
            m.address.expose_secret(),
            m.language.code(),
            m.payload.expose_secret(),
            m.created_at,
            m.priority,
            m.notification_id.as_ref().map(NotificationId::as_str),
            m.fallback_payload.as_ref().map(ExposeSecret::expose_secret),
            m.fallback_of.as_ref().map(OutboxId::as_str),
        )?;
        Ok(added == 1)
    }

    /// Claims up to `limit` due messages for this worker until `lease_until` (a worker that dies
    /// mid-send leaves its rows to be claimed again once the lease ends). Each claim counts an
    /// attempt.
    pub async fn claim_due(
        &mut self,
        now: i64,
        lease_until: i64,
        limit: i64,
    ) -> Result<Vec<Claimed>, StoreError> {
        // The only backend difference in the outbox: PostgreSQL instances skip rows another
        // instance is claiming; SQLite has one writer, so there is nobody to skip.
        let lock = if self.conn.is_postgres() { "FOR UPDATE SKIP LOCKED" } else { "" };
        let sql = format!(
            "UPDATE outbox SET status = 'sending', attempts = attempts + 1, locked_until = $2, updated_at = $1 \
             WHERE id IN (SELECT id FROM outbox WHERE next_attempt_at IS NOT NULL AND next_attempt_at <= $1 \
             AND (locked_until IS NULL OR locked_until <= $1) ORDER BY priority, next_attempt_at, id LIMIT $3 {lock}) \
             RETURNING {CLAIMED_COLUMNS}"
        );
        fetch_all!(&mut self.conn, ClaimedRow, &sql, now, lease_until, limit)?
            .into_iter()
            .map(Claimed::try_from)
            .collect()
    }

    /// Records the outcome of attempt `attempt`. `next_attempt_at` set: it is retried then;
    /// `None`: the status is final and the address and content are wiped. `false` when this
    /// worker's claim was lost (its lease ran out and another worker took the row).
    pub async fn record_outcome(
        &mut self,
        id: &OutboxId,
        attempt: i64,
        status: DeliveryStatus,
        next_attempt_at: Option<i64>,
        error: Option<&str>,
        now: i64,
    ) -> Result<bool, StoreError> {
        let changed = exec!(
            &mut self.conn,
            "UPDATE outbox SET status = $3, next_attempt_at = $4, locked_until = NULL, last_error = $5, updated_at = $6, \
             payload = CASE WHEN $4 IS NULL THEN '{}' ELSE payload END, \
             fallback_payload = CASE WHEN $4 IS NULL THEN NULL ELSE fallback_payload END, \
             address = CASE WHEN $4 IS NULL THEN '' ELSE address END \
             WHERE id = $1 AND status = 'sending' AND attempts = $2",
            id.as_str(),
            attempt,
            status.as_str(),
            next_attempt_at,
            error,
            now,
        )?;
        Ok(changed == 1)
    }
}
