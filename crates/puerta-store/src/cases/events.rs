use puerta_domain::cases::CaseStatus;
use puerta_domain::ids::{CaseEventId, CaseId, UserId};

use crate::StoreError;
use crate::accounts::records::user_id;
use crate::unit_of_work::{exec, fetch_all, repository};

repository!(
    /// Each case's history: every status change, who made it and when.
    CaseEvents
);

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseEvent {
    pub id: CaseEventId,
    pub case_id: CaseId,
    pub at: i64,
    pub actor_id: Option<UserId>,
    /// `None` for the case's first event.
    pub from: Option<CaseStatus>,
    pub to: CaseStatus,
    /// Officer-only; never shown to the traveler.
    pub note: Option<String>,
}

#[derive(sqlx::FromRow)]
struct Row {
    id: String,
    case_id: String,
    at: i64,
    actor_id: Option<String>,
    from_status: Option<String>,
    to_status: String,
    note: Option<String>,
}

fn status(text: &str) -> Result<CaseStatus, StoreError> {
    CaseStatus::parse(text).map_err(|_| StoreError::Corrupt("case status".into()))
}

impl TryFrom<Row> for CaseEvent {
    type Error = StoreError;

    fn try_from(r: Row) -> Result<Self, StoreError> {
        Ok(Self {
            id: CaseEventId::parse(&r.id).map_err(|_| StoreError::Corrupt("event id".into()))?,
            case_id: CaseId::parse(&r.case_id).map_err(|_| StoreError::Corrupt("case id".into()))?,
            at: r.at,
            actor_id: r.actor_id.as_deref().map(user_id).transpose()?,
            from: r.from_status.as_deref().map(status).transpose()?,
            to: status(&r.to_status)?,
            note: r.note,
        })
    }
}

impl<M> CaseEvents<'_, M> {
    /// A case's events, oldest first.
    pub async fn list(&mut self, case: &CaseId) -> Result<Vec<CaseEvent>, StoreError> {
        fetch_all!(
            &mut self.conn,
            Row,
            "SELECT id, case_id, at, actor_id, from_status, to_status, note FROM case_events \
             WHERE case_id = $1 ORDER BY at, id",
            case.as_str()
        )?
        .into_iter()
        .map(CaseEvent::try_from)
        .collect()
    }
}

impl CaseEvents<'_, crate::Write> {
    pub async fn append(&mut self, e: &CaseEvent) -> Result<(), StoreError> {
        exec!(
            &mut self.conn,
            "INSERT INTO case_events (id, case_id, at, actor_id, from_status, to_status, note) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
            e.id.as_str(),
            e.case_id.as_str(),
            e.at,
            e.actor_id.as_ref().map(UserId::as_str),
            e.from.map(CaseStatus::as_str),
            e.to.as_str(),
            e.note.as_deref(),
        )?;
        Ok(())
    }
}
