use puerta_domain::cases::{CaseStatus, ReferenceNumber};
use puerta_domain::ids::{ApplicationId, CaseId, TravelerId, UserId};

use crate::StoreError;
use crate::accounts::records::user_id;
use crate::unit_of_work::{exec, fetch_all, fetch_optional, refusable, repository};

repository!(
    /// Cases: one per traveler in an application, each with its own reference number.
    Cases
);

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewCase {
    pub id: CaseId,
    pub reference_number: ReferenceNumber,
    pub application_id: ApplicationId,
    pub traveler_id: TravelerId,
    pub account_id: UserId,
    pub opened_at: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseRecord {
    pub id: CaseId,
    pub reference_number: ReferenceNumber,
    pub application_id: ApplicationId,
    pub traveler_id: TravelerId,
    pub account_id: UserId,
    pub status: CaseStatus,
    pub assigned_to: Option<UserId>,
    pub opened_at: i64,
    pub updated_at: i64,
}

/// Which cases to list: newest first, before the cursor.
#[derive(Debug, Clone, Default)]
pub struct CaseFilter {
    /// Only this account holder's cases (travelers); `None` for staff.
    pub account_id: Option<UserId>,
    pub status: Option<CaseStatus>,
    pub assigned_to: Option<UserId>,
    /// Cursor: cases opened before this (opened_at, id).
    pub before: Option<(i64, CaseId)>,
    pub limit: i64,
}

/// The officers' work queue: oldest first (first come, first served), after the cursor.
#[derive(Debug, Clone, Default)]
pub struct QueueFilter {
    pub status: Option<CaseStatus>,
    /// Only cases whose group plans to use this port.
    pub port_code: Option<String>,
    /// Only cases opened at or before this moment (an age filter: "older than N days").
    pub opened_at_or_before: Option<i64>,
    pub assigned_to: Option<UserId>,
    pub unassigned: bool,
    /// Only cases waiting on a request for evidence whose due moment is at or before this.
    pub evidence_due_by: Option<i64>,
    /// Cursor: cases opened after this (opened_at, id).
    pub after: Option<(i64, CaseId)>,
    pub limit: i64,
}

const COLUMNS: &str = "id, reference_number, application_id, traveler_id, account_id, status, assigned_to, opened_at, updated_at";

#[derive(sqlx::FromRow)]
struct Row {
    id: String,
    reference_number: String,
    application_id: String,
    traveler_id: String,
    account_id: String,
    status: String,
    assigned_to: Option<String>,
    opened_at: i64,
    updated_at: i64,
}

fn corrupt(what: &str) -> StoreError {
    StoreError::Corrupt(what.into())
}

impl TryFrom<Row> for CaseRecord {
    type Error = StoreError;

    fn try_from(r: Row) -> Result<Self, StoreError> {
        Ok(Self {
            id: CaseId::parse(&r.id).map_err(|_| corrupt("case id"))?,
            reference_number: ReferenceNumber::parse(&r.reference_number)
                .map_err(|_| corrupt("reference"))?,
            application_id: ApplicationId::parse(&r.application_id).map_err(|_| corrupt("application id"))?,
            traveler_id: TravelerId::parse(&r.traveler_id).map_err(|_| corrupt("traveler id"))?,
            account_id: user_id(&r.account_id)?,
            status: CaseStatus::parse(&r.status).map_err(|_| corrupt("case status"))?,
            assigned_to: r.assigned_to.as_deref().map(user_id).transpose()?,
            opened_at: r.opened_at,
            updated_at: r.updated_at,
        })
    }
}

impl<M> Cases<'_, M> {
    pub async fn find_by_reference(
        &mut self,
        reference: &ReferenceNumber,
    ) -> Result<Option<CaseRecord>, StoreError> {
        let sql = format!("SELECT {COLUMNS} FROM cases WHERE reference_number = $1");
        fetch_optional!(&mut self.conn, Row, &sql, reference.as_str())?.map(CaseRecord::try_from).transpose()
    }

    /// The traveler's case that is still open (not decided for good, not withdrawn), if any.
    pub async fn open_for_traveler(
        &mut self,
        traveler: &TravelerId,
    ) -> Result<Option<CaseRecord>, StoreError> {
        let sql = format!(
            "SELECT {COLUMNS} FROM cases WHERE traveler_id = $1 \
             AND status NOT IN ('approved', 'denied', 'appeal_upheld', 'appeal_granted', 'withdrawn')"
        );
        fetch_optional!(&mut self.conn, Row, &sql, traveler.as_str())?.map(CaseRecord::try_from).transpose()
    }

    pub async fn list(&mut self, f: &CaseFilter) -> Result<Vec<CaseRecord>, StoreError> {
        let sql = format!(
            "SELECT {COLUMNS} FROM cases WHERE ($1 IS NULL OR account_id = $1) AND ($2 IS NULL OR status = $2) \
             AND ($3 IS NULL OR assigned_to = $3) \
             AND ($4 IS NULL OR opened_at < $4 OR (opened_at = $4 AND id < $5)) \
             ORDER BY opened_at DESC, id DESC LIMIT $6"
        );
        let (before_at, before_id) =
            f.before.as_ref().map_or((None, None), |(at, id)| (Some(*at), Some(id.as_str())));
        fetch_all!(
            &mut self.conn,
            Row,
            &sql,
            f.account_id.as_ref().map(UserId::as_str),
            f.status.map(CaseStatus::as_str),
            f.assigned_to.as_ref().map(UserId::as_str),
            before_at,
            before_id,
            f.limit,
        )?
        .into_iter()
        .map(CaseRecord::try_from)
        .collect()
    }
}

impl<M> Cases<'_, M> {
    /// The work queue, oldest first.
    pub async fn queue(&mut self, f: &QueueFilter) -> Result<Vec<CaseRecord>, StoreError> {
        let columns = COLUMNS.split(", ").map(|c| format!("c.{c}")).collect::<Vec<_>>().join(", ");
        let sql = format!(
            "SELECT {columns} FROM cases c JOIN applications a ON a.id = c.application_id \
             WHERE ($1 IS NULL OR c.status = $1) AND ($2 IS NULL OR a.port_code = $2) \
             AND ($3 IS NULL OR c.opened_at <= $3) AND ($4 IS NULL OR c.assigned_to = $4) \
             AND ($5 = 0 OR c.assigned_to IS NULL) \
             AND ($6 IS NULL OR (c.status = 'evidence_requested' AND EXISTS (SELECT 1 FROM evidence_requests e \
                  WHERE e.case_id = c.id AND e.answered_at IS NULL AND e.due_at <= $6))) \
             AND ($7 IS NULL OR c.opened_at > $7 OR (c.opened_at = $7 AND c.id > $8)) \
             ORDER BY c.opened_at, c.id LIMIT $9"
        );
        let (after_at, after_id) =
            f.after.as_ref().map_or((None, None), |(at, id)| (Some(*at), Some(id.as_str())));
        fetch_all!(
            &mut self.conn,
            Row,
            &sql,
            f.status.map(CaseStatus::as_str),
            f.port_code.as_deref(),
            f.opened_at_or_before,
            f.assigned_to.as_ref().map(UserId::as_str),
            i64::from(f.unassigned),
            f.evidence_due_by,
            after_at,
            after_id,
            f.limit,
        )?
        .into_iter()
        .map(CaseRecord::try_from)
        .collect()
    }

    /// The cases of one application (the group), in the order they were opened.
    pub async fn of_application(
        &mut self,
        application: &ApplicationId,
    ) -> Result<Vec<CaseRecord>, StoreError> {
        let sql = format!("SELECT {COLUMNS} FROM cases WHERE application_id = $1 ORDER BY opened_at, id");
        fetch_all!(&mut self.conn, Row, &sql, application.as_str())?
            .into_iter()
            .map(CaseRecord::try_from)
            .collect()
    }
}

impl Cases<'_, crate::Write> {
    /// `StoreError::Conflict` when the reference number is taken (the caller draws another) or
    /// the traveler already has an open case.
    pub async fn create(&mut self, c: &NewCase) -> Result<(), StoreError> {
        crate::touches::account(&mut self.touched, c.account_id.as_str());
        let sql = "INSERT INTO cases (id, reference_number, application_id, traveler_id, account_id, status, \
                   assigned_to, opened_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, NULL, $7, $7)";
        refusable!(&mut self.conn, conn => {
            exec!(
                conn,
                sql,
                c.id.as_str(),
                c.reference_number.as_str(),
                c.application_id.as_str(),
                c.traveler_id.as_str(),
                c.account_id.as_str(),
                CaseStatus::INITIAL.as_str(),
                c.opened_at,
            )
        })
        .map_err(crate::error::conflict_on_unique)?;
        Ok(())
    }

    /// Moves the case from `from` to `to`; `false` when it is no longer in `from` (a parallel
    /// change won), so the caller refuses rather than overwrite. `StoreError::Conflict` when
    /// the move would reopen a case while the traveler has another one open (an appeal of an
    /// old denial after a new submission): the database refuses it, and only this statement
    /// is undone.
    pub async fn set_status(
        &mut self,
        id: &CaseId,
        from: CaseStatus,
        to: CaseStatus,
        at: i64,
    ) -> Result<bool, StoreError> {
        let changed = refusable!(&mut self.conn, conn => {
            fetch_optional!(
                conn,
                (String,),
                "UPDATE cases SET status = $3, updated_at = $4 WHERE id = $1 AND status = $2 RETURNING account_id",
                id.as_str(),
                from.as_str(),
                to.as_str(),
                at,
            )
        })
        .map_err(crate::error::conflict_on_unique)?;
        Ok(self.touched_case(changed))
    }

    /// Claims an unassigned case for `officer`; `false` when someone else holds it (two
    /// officers claiming at once: exactly one wins).
    pub async fn claim(&mut self, id: &CaseId, officer: &UserId, at: i64) -> Result<bool, StoreError> {
        let changed = fetch_optional!(
            &mut self.conn,
            (String,),
            "UPDATE cases SET assigned_to = $2, updated_at = $3 WHERE id = $1 AND assigned_to IS NULL \
             RETURNING account_id",
            id.as_str(),
            officer.as_str(),
            at,
        )?;
        Ok(self.touched_case(changed))
    }

    /// Gives the case to `officer`, whoever held it (a supervisor's assignment).
    pub async fn assign(&mut self, id: &CaseId, officer: &UserId, at: i64) -> Result<(), StoreError> {
        let changed = fetch_optional!(
            &mut self.conn,
            (String,),
            "UPDATE cases SET assigned_to = $2, updated_at = $3 WHERE id = $1 RETURNING account_id",
            id.as_str(),
            officer.as_str(),
            at,
        )?;
        self.touched_case(changed);
        Ok(())
    }

    /// Notes the account of a case an update changed (the `RETURNING` row); `false` when none
    /// was.
    fn touched_case(&mut self, changed: Option<(String,)>) -> bool {
        let Some((account,)) = changed else { return false };
        crate::touches::account(&mut self.touched, &account);
        true
    }
}
