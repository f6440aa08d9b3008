//! The append-only audit log (the database refuses updates and deletes on both backends).

use puerta_domain::audit::{AuditAction, AuditEntry, AuditFilter, NewAuditEntry};
use puerta_domain::ids::UserId;

use crate::StoreError;
use crate::unit_of_work::{exec, fetch_all, repository};

repository!(
    /// The audit log. Rows are appended inside the transaction of the action they record.
    Audit
);

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    at: i64,
    actor_id: Option<String>,
    action: String,
    target_id: Option<String>,
    ip: Option<String>,
    user_agent: Option<String>,
    detail: Option<String>,
}

fn id(text: Option<String>) -> Result<Option<UserId>, StoreError> {
    text.map(|t| UserId::parse(&t).map_err(|_| StoreError::Corrupt("audit id".into()))).transpose()
}

impl TryFrom<Row> for AuditEntry {
    type Error = StoreError;

    fn try_from(r: Row) -> Result<Self, StoreError> {
        Ok(AuditEntry {
            id: r.id,
            entry: NewAuditEntry {
                at_ms: r.at,
                actor_id: id(r.actor_id)?,
                action: AuditAction::parse(&r.action)
                    .ok_or_else(|| StoreError::Corrupt("audit action".into()))?,
                target_id: id(r.target_id)?,
                ip: r.ip,
                user_agent: r.user_agent,
                detail: r.detail,
            },
        })
    }
}

impl<M> Audit<'_, M> {
    /// Newest first, `filter.limit` rows with an id below `filter.before_id`.
    pub async fn list(&mut self, f: &AuditFilter) -> Result<Vec<AuditEntry>, StoreError> {
        let rows = fetch_all!(
            &mut self.conn,
            Row,
            "SELECT id, at, actor_id, action, target_id, ip, user_agent, detail FROM audit_log \
             WHERE ($1 IS NULL OR action = $1) AND ($2 IS NULL OR actor_id = $2) \
             AND ($3 IS NULL OR target_id = $3) AND ($4 IS NULL OR at >= $4) AND ($5 IS NULL OR at < $5) \
             AND ($6 IS NULL OR id < $6) ORDER BY id DESC LIMIT $7",
            f.action.map(AuditAction::as_str),
            f.actor_id.as_ref().map(UserId::as_str),
            f.target_id.as_ref().map(UserId::as_str),
            f.since_ms,
            f.until_ms,
            f.before_id,
            f.limit,
        )?;
        rows.into_iter().map(AuditEntry::try_from).collect()
    }
}

impl Audit<'_, crate::Write> {
    pub async fn append(&mut self, e: &NewAuditEntry) -> Result<(), StoreError> {
        exec!(
            &mut self.conn,
            &insert(1),
            e.at_ms,
            e.actor_id.as_ref().map(UserId::as_str),
            e.action.as_str(),
            e.target_id.as_ref().map(UserId::as_str),
            &e.ip,
            &e.user_agent,
            &e.detail,
        )?;
        Ok(())
    }
}

/// One row's insert, its parameters numbered from `$first`.
fn insert(first: usize) -> String {
    let p: Vec<String> = (first..first + 7).map(|n| format!("${n}")).collect();
    format!(
        "INSERT INTO audit_log (at, actor_id, action, target_id, ip, user_agent, detail) VALUES ({})",
        p.join(", ")
    )
}

/// The inserts of `entries` as one SQLite text (parameters numbered on from one row to the
/// next) with its arguments: SQLite's write transaction sends them with its commit, in one trip
/// to the writer's thread (see `WriteTx::append_audit`).
pub(crate) fn inserts_sqlite(
    entries: &[NewAuditEntry],
) -> Result<(String, sqlx::sqlite::SqliteArguments<'static>), StoreError> {
    use sqlx::Arguments as _;
    let encode = |e: sqlx::error::BoxDynError| StoreError::Batch(format!("audit row: {e}"));
    let mut sql = String::new();
    let mut args = sqlx::sqlite::SqliteArguments::default();
    for (i, e) in entries.iter().enumerate() {
        if i > 0 {
            sql.push_str("; ");
        }
        sql.push_str(&insert(1 + 7 * i));
        args.add(e.at_ms).map_err(encode)?;
        args.add(e.actor_id.as_ref().map(|u| u.as_str().to_string())).map_err(encode)?;
        args.add(e.action.as_str().to_string()).map_err(encode)?;
        args.add(e.target_id.as_ref().map(|u| u.as_str().to_string())).map_err(encode)?;
        args.add(e.ip.clone()).map_err(encode)?;
        args.add(e.user_agent.clone()).map_err(encode)?;
        args.add(e.detail.clone()).map_err(encode)?;
    }
    Ok((sql, args))
}
