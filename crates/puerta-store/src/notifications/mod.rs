//! Notifications: each account's inbox rows, the policy notices stored once for a whole
//! audience, and each person's choice of channels.

mod notices;
mod preferences;

pub use notices::{NoticeRecord, NoticeView, Notices, OptedIn};
pub use preferences::{PreferenceRow, Preferences};

use puerta_domain::ids::{NotificationId, OutboxId, UserId};

use crate::StoreError;
use crate::unit_of_work::{exec, fetch_all, fetch_one, fetch_optional, repository};

repository!(
    /// Each account's notifications.
    Notifications
);

/// One notification. `args` is JSON: the values its words need.
#[derive(Debug, Clone)]
pub struct NotificationRecord {
    pub id: NotificationId,
    pub user_id: UserId,
    pub kind: String,
    pub args: String,
    pub created_at: i64,
    pub read_at: Option<i64>,
}

/// How one of a notification's emails or SMS is doing.
#[derive(Debug, Clone)]
pub struct DeliveryLine {
    pub notification_id: NotificationId,
    pub outbox_id: OutboxId,
    pub channel: String,
    pub status: String,
    /// Set on a message sent because the one it names failed for good on the other channel.
    pub fallback_of: Option<OutboxId>,
    pub created_at: i64,
}

#[derive(sqlx::FromRow)]
struct Row {
    id: String,
    user_id: String,
    kind: String,
    args: String,
    created_at: i64,
    read_at: Option<i64>,
}

impl TryFrom<Row> for NotificationRecord {
    type Error = StoreError;

    fn try_from(r: Row) -> Result<Self, StoreError> {
        Ok(Self {
            id: NotificationId::parse(&r.id).map_err(|_| StoreError::Corrupt("notification id".into()))?,
            user_id: crate::accounts::records::user_id(&r.user_id)?,
            kind: r.kind,
            args: r.args,
            created_at: r.created_at,
            read_at: r.read_at,
        })
    }
}

const COLUMNS: &str = "id, user_id, kind, args, created_at, read_at";

impl<M> Notifications<'_, M> {
    /// Newest first; `before` is a (created_at, id) cursor.
    pub async fn list(
        &mut self,
        user: &UserId,
        unread_only: bool,
        before: Option<(i64, &str)>,
        limit: i64,
    ) -> Result<Vec<NotificationRecord>, StoreError> {
        let sql = format!(
            "SELECT {COLUMNS} FROM notifications WHERE user_id = $1 AND ($2 = 0 OR read_at IS NULL) \
             AND ($3 IS NULL OR created_at < $3 OR (created_at = $3 AND id < $4)) \
             ORDER BY created_at DESC, id DESC LIMIT $5"
        );
        let (at, id) = before.map_or((None, None), |(at, id)| (Some(at), Some(id)));
        fetch_all!(&mut self.conn, Row, &sql, user.as_str(), i64::from(unread_only), at, id, limit)?
            .into_iter()
            .map(NotificationRecord::try_from)
            .collect()
    }

    /// Oldest first, created at or after `since` (a live stream catching up after a reconnect).
    pub async fn since(
        &mut self,
        user: &UserId,
        since: i64,
        limit: i64,
    ) -> Result<Vec<NotificationRecord>, StoreError> {
        let sql = format!(
            "SELECT {COLUMNS} FROM notifications WHERE user_id = $1 AND created_at >= $2 \
             ORDER BY created_at, id LIMIT $3"
        );
        fetch_all!(&mut self.conn, Row, &sql, user.as_str(), since, limit)?
            .into_iter()
            .map(NotificationRecord::try_from)
            .collect()
    }

    pub async fn find(
        &mut self,
        user: &UserId,
        id: &NotificationId,
    ) -> Result<Option<NotificationRecord>, StoreError> {
        let sql = format!("SELECT {COLUMNS} FROM notifications WHERE id = $1 AND user_id = $2");
        fetch_optional!(&mut self.conn, Row, &sql, id.as_str(), user.as_str())?
            .map(NotificationRecord::try_from)
            .transpose()
    }

    pub async fn count_unread(&mut self, user: &UserId) -> Result<i64, StoreError> {
        Ok(fetch_one!(
            &mut self.conn,
            (i64,),
            "SELECT COUNT(*) FROM notifications WHERE user_id = $1 AND read_at IS NULL",
            user.as_str()
        )?
        .0)
    }

    /// The emails and SMS sent for these notifications, oldest first.
    pub async fn deliveries(&mut self, ids: &[NotificationId]) -> Result<Vec<DeliveryLine>, StoreError> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        // One bind per id: both backends take the list the same way.
        let marks: Vec<String> = (1..=ids.len()).map(|i| format!("${i}")).collect();
        let sql = format!(
            "SELECT notification_id, id, channel, status, fallback_of, created_at FROM outbox \
             WHERE notification_id IN ({}) ORDER BY created_at, (CASE WHEN fallback_of IS NULL THEN 0 ELSE 1 END), id",
            marks.join(", ")
        );
        let rows: Vec<(String, String, String, String, Option<String>, i64)> = crate::unit_of_work::on!(
            &mut self.conn,
            c => {
                let mut q = sqlx::query_as(&sql);
                for id in ids {
                    q = q.bind(id.as_str());
                }
                q.fetch_all(&mut **c).await
            }
        )?;
        rows.into_iter()
            .map(|(n, id, channel, status, fallback_of, created_at)| {
                let outbox =
                    |t: &str| OutboxId::parse(t).map_err(|_| StoreError::Corrupt("outbox id".into()));
                Ok(DeliveryLine {
                    notification_id: NotificationId::parse(&n)
                        .map_err(|_| StoreError::Corrupt("notification id".into()))?,
                    outbox_id: outbox(&id)?,
                    channel,
                    status,
                    fallback_of: fallback_of.as_deref().map(outbox).transpose()?,
                    created_at,
                })
            })
            .collect()
    }
}

impl Notifications<'_, crate::Write> {
    pub async fn insert(&mut self, n: &NotificationRecord) -> Result<(), StoreError> {
        crate::touches::account(&mut self.touched, n.user_id.as_str());
        exec!(
            &mut self.conn,
            "INSERT INTO notifications (id, user_id, kind, args, created_at, read_at) VALUES ($1, $2, $3, $4, $5, $6)",
            n.id.as_str(),
            n.user_id.as_str(),
            &n.kind,
            &n.args,
            n.created_at,
            n.read_at,
        )?;
        Ok(())
    }

    /// `false` when the notification is not this user's.
    pub async fn mark_read(
        &mut self,
        user: &UserId,
        id: &NotificationId,
        at: i64,
    ) -> Result<bool, StoreError> {
        crate::touches::account(&mut self.touched, user.as_str());
        let (found,) = fetch_one!(
            &mut self.conn,
            (i64,),
            "SELECT COUNT(*) FROM notifications WHERE id = $1 AND user_id = $2",
            id.as_str(),
            user.as_str()
        )?;
        if found == 0 {
            return Ok(false);
        }
        exec!(
            &mut self.conn,
            "UPDATE notifications SET read_at = $3 WHERE id = $1 AND user_id = $2 AND read_at IS NULL",
            id.as_str(),
            user.as_str(),
            at,
        )?;
        Ok(true)
    }

    pub async fn mark_all_read(&mut self, user: &UserId, at: i64) -> Result<u64, StoreError> {
        crate::touches::account(&mut self.touched, user.as_str());
        Ok(exec!(
            &mut self.conn,
            "UPDATE notifications SET read_at = $2 WHERE user_id = $1 AND read_at IS NULL",
            user.as_str(),
            at
        )?)
    }
}
