//! Policy notices: one row per notice, whatever the audience's size. Who belongs is decided when
//! someone reads (so an account created after the notice sees it too); only reading and
//! dismissing write a row per person.

use puerta_domain::accounts::Language;
use puerta_domain::ids::{NoticeId, UserId};

use crate::StoreError;
use crate::accounts::records::{language, opt_user_id, user_id};
use crate::unit_of_work::{exec, fetch_all, fetch_one, fetch_optional, repository};

repository!(
    /// Policy notices and who has read or dismissed them.
    Notices
);

/// A notice as written. `title` and `body` are JSON objects keyed by language code.
#[derive(Debug, Clone)]
pub struct NoticeRecord {
    pub id: NoticeId,
    pub title: String,
    pub body: String,
    /// `all`, `port` or `staff`.
    pub audience: String,
    pub port_code: Option<String>,
    pub publish_at: i64,
    pub created_by: Option<UserId>,
    pub created_at: i64,
    /// When the live stream and the outside channels were told (`None`: not yet).
    pub announced_at: Option<i64>,
}

/// A notice as one reader sees it.
#[derive(Debug, Clone)]
pub struct NoticeView {
    pub notice: NoticeRecord,
    pub read_at: Option<i64>,
    pub dismissed_at: Option<i64>,
}

/// Someone in a notice's audience who asked for policy notices by email or SMS.
#[derive(Debug, Clone)]
pub struct OptedIn {
    pub user_id: UserId,
    pub email: String,
    pub phone: Option<String>,
    pub language: Language,
    pub by_email: bool,
    pub by_sms: bool,
}

const COLUMNS: &str = "n.id, n.title, n.body, n.audience, n.port_code, n.publish_at, n.created_by, n.created_at, n.announced_at";

/// The audience test, for the reader `$1` whose role class is `$2` (`traveler`, `staff`,
/// `other`). A port audience is account holders with a standing request, an offer or an
/// appointment there.
const MEMBER: &str = "(n.audience = 'all' OR (n.audience = 'staff' AND $2 = 'staff') \
     OR (n.audience = 'port' AND $2 = 'traveler' AND (EXISTS (SELECT 1 FROM appointment_requests r \
         WHERE r.account_id = $1 AND r.port_code = n.port_code AND r.status IN ('requested', 'selected')) \
       OR EXISTS (SELECT 1 FROM appointments a WHERE a.account_id = $1 AND a.port_code = n.port_code \
         AND a.status IN ('offered', 'confirmed')))))";

#[derive(sqlx::FromRow)]
struct Row {
    id: String,
    title: String,
    body: String,
    audience: String,
    port_code: Option<String>,
    publish_at: i64,
    created_by: Option<String>,
    created_at: i64,
    announced_at: Option<i64>,
}

#[derive(sqlx::FromRow)]
struct ViewRow {
    #[sqlx(flatten)]
    notice: Row,
    read_at: Option<i64>,
    dismissed_at: Option<i64>,
}

impl TryFrom<Row> for NoticeRecord {
    type Error = StoreError;

    fn try_from(r: Row) -> Result<Self, StoreError> {
        Ok(Self {
            id: NoticeId::parse(&r.id).map_err(|_| StoreError::Corrupt("notice id".into()))?,
            title: r.title,
            body: r.body,
            audience: r.audience,
            port_code: r.port_code,
            publish_at: r.publish_at,
            created_by: opt_user_id(r.created_by)?,
            created_at: r.created_at,
            announced_at: r.announced_at,
        })
    }
}

impl TryFrom<ViewRow> for NoticeView {
    type Error = StoreError;

    fn try_from(r: ViewRow) -> Result<Self, StoreError> {
        Ok(Self { notice: r.notice.try_into()?, read_at: r.read_at, dismissed_at: r.dismissed_at })
    }
}

impl<M> Notices<'_, M> {
    pub async fn find(&mut self, id: &NoticeId) -> Result<Option<NoticeRecord>, StoreError> {
        let sql = format!("SELECT {COLUMNS} FROM notices n WHERE n.id = $1");
        fetch_optional!(&mut self.conn, Row, &sql, id.as_str())?.map(NoticeRecord::try_from).transpose()
    }

    /// Published notices `user` belongs to the audience of, newest first, with their read and
    /// dismissed times. `class` is `traveler`, `staff` or `other`.
    pub async fn for_reader(
        &mut self,
        user: &UserId,
        class: &str,
        now: i64,
        unread_only: bool,
        since: Option<i64>,
        limit: i64,
    ) -> Result<Vec<NoticeView>, StoreError> {
        let sql = format!(
            "SELECT {COLUMNS}, r.read_at, r.dismissed_at FROM notices n \
             LEFT JOIN notice_reads r ON r.notice_id = n.id AND r.user_id = $1 \
             WHERE n.publish_at <= $3 AND {MEMBER} AND ($4 = 0 OR r.read_at IS NULL) \
             AND ($5 IS NULL OR n.publish_at >= $5) ORDER BY n.publish_at DESC, n.id DESC LIMIT $6"
        );
        fetch_all!(
            &mut self.conn,
            ViewRow,
            &sql,
            user.as_str(),
            class,
            now,
            i64::from(unread_only),
            since,
            limit
        )?
        .into_iter()
        .map(NoticeView::try_from)
        .collect()
    }

    /// Every notice, latest publish time first (administrators' list).
    pub async fn list(&mut self, limit: i64) -> Result<Vec<NoticeRecord>, StoreError> {
        let sql = format!("SELECT {COLUMNS} FROM notices n ORDER BY n.publish_at DESC, n.id DESC LIMIT $1");
        fetch_all!(&mut self.conn, Row, &sql, limit)?.into_iter().map(NoticeRecord::try_from).collect()
    }

    /// Whether `user` (of role class `class`) is in the notice's audience.
    pub async fn is_member(&mut self, id: &NoticeId, user: &UserId, class: &str) -> Result<bool, StoreError> {
        let sql = format!("SELECT COUNT(*) FROM notices n WHERE n.id = $3 AND {MEMBER}");
        Ok(fetch_one!(&mut self.conn, (i64,), &sql, user.as_str(), class, id.as_str())?.0 > 0)
    }

    pub async fn count_unread(&mut self, user: &UserId, class: &str, now: i64) -> Result<i64, StoreError> {
        let sql = format!(
            "SELECT COUNT(*) FROM notices n LEFT JOIN notice_reads r ON r.notice_id = n.id AND r.user_id = $1 \
             WHERE n.publish_at <= $3 AND {MEMBER} AND r.read_at IS NULL"
        );
        Ok(fetch_one!(&mut self.conn, (i64,), &sql, user.as_str(), class, now)?.0)
    }

    /// Notices whose time has come and that nobody has announced yet.
    pub async fn due_unannounced(&mut self, now: i64) -> Result<Vec<NoticeRecord>, StoreError> {
        let sql = format!(
            "SELECT {COLUMNS} FROM notices n WHERE n.announced_at IS NULL AND n.publish_at <= $1 \
             ORDER BY n.publish_at, n.id LIMIT 100"
        );
        fetch_all!(&mut self.conn, Row, &sql, now)?.into_iter().map(NoticeRecord::try_from).collect()
    }

    /// When the next unannounced notice falls due.
    pub async fn next_unannounced(&mut self) -> Result<Option<i64>, StoreError> {
        Ok(fetch_one!(
            &mut self.conn,
            (Option<i64>,),
            "SELECT MIN(publish_at) FROM notices WHERE announced_at IS NULL"
        )?
        .0)
    }

    /// The notice's audience members who chose policy notices by email or SMS, after `after`
    /// (an account id), `limit` at a time in id order.
    pub async fn opted_in(
        &mut self,
        id: &NoticeId,
        after: Option<&str>,
        limit: i64,
    ) -> Result<Vec<OptedIn>, StoreError> {
        // The audience test with each candidate as the reader: `$1` becomes `u.id`, `$2` their class.
        let member = MEMBER.replace("$1", "u.id").replace(
            "$2",
            "(CASE WHEN u.role = 'traveler' THEN 'traveler' WHEN u.role IN ('officer', 'supervisor', 'admin') \
             THEN 'staff' ELSE 'other' END)",
        );
        let sql = format!(
            "SELECT u.id, u.email, u.phone, u.language, p.email AS by_email, p.sms AS by_sms \
             FROM notices n JOIN notification_preferences p ON p.category = 'policy_notices' AND (p.email = 1 OR p.sms = 1) \
             JOIN users u ON u.id = p.user_id \
             WHERE n.id = $1 AND u.disabled_at IS NULL AND u.deleted_at IS NULL AND ($2 IS NULL OR u.id > $2) AND {member} \
             ORDER BY u.id LIMIT $3"
        );
        let rows: Vec<(String, String, Option<String>, String, i64, i64)> = fetch_all!(
            &mut self.conn,
            (String, String, Option<String>, String, i64, i64),
            &sql,
            id.as_str(),
            after,
            limit
        )?;
        rows.into_iter()
            .map(|(id, email, phone, lang, by_email, by_sms)| {
                Ok(OptedIn {
                    user_id: user_id(&id)?,
                    email,
                    phone,
                    language: language(&lang)?,
                    by_email: by_email != 0,
                    by_sms: by_sms != 0,
                })
            })
            .collect()
    }
}

impl Notices<'_, crate::Write> {
    pub async fn insert(&mut self, n: &NoticeRecord) -> Result<(), StoreError> {
        crate::touches::everyone(&mut self.touched);
        exec!(
            &mut self.conn,
            "INSERT INTO notices (id, title, body, audience, port_code, publish_at, created_by, created_at, announced_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
            n.id.as_str(),
            &n.title,
            &n.body,
            &n.audience,
            n.port_code.as_deref(),
            n.publish_at,
            n.created_by.as_ref().map(UserId::as_str),
            n.created_at,
            n.announced_at,
        )?;
        Ok(())
    }

    /// Claims the announcement: `false` when another instance already made it.
    pub async fn mark_announced(&mut self, id: &NoticeId, at: i64) -> Result<bool, StoreError> {
        crate::touches::everyone(&mut self.touched);
        Ok(exec!(
            &mut self.conn,
            "UPDATE notices SET announced_at = $2 WHERE id = $1 AND announced_at IS NULL",
            id.as_str(),
            at
        )? == 1)
    }

    pub async fn mark_read(&mut self, id: &NoticeId, user: &UserId, at: i64) -> Result<(), StoreError> {
        crate::touches::account(&mut self.touched, user.as_str());
        exec!(
            &mut self.conn,
            "INSERT INTO notice_reads (notice_id, user_id, read_at) VALUES ($1, $2, $3) \
             ON CONFLICT (notice_id, user_id) DO UPDATE SET read_at = COALESCE(notice_reads.read_at, $3)",
            id.as_str(),
            user.as_str(),
            at
        )?;
        Ok(())
    }

    /// Dismissed: no longer shown on the dashboard and the requirements page (it stays in the
    /// inbox, read).
    pub async fn dismiss(&mut self, id: &NoticeId, user: &UserId, at: i64) -> Result<(), StoreError> {
        crate::touches::account(&mut self.touched, user.as_str());
        exec!(
            &mut self.conn,
            "INSERT INTO notice_reads (notice_id, user_id, read_at, dismissed_at) VALUES ($1, $2, $3, $3) \
             ON CONFLICT (notice_id, user_id) DO UPDATE SET read_at = COALESCE(notice_reads.read_at, $3), \
             dismissed_at = COALESCE(notice_reads.dismissed_at, $3)",
            id.as_str(),
            user.as_str(),
            at
        )?;
        Ok(())
    }
}
