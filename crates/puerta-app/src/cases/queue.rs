//! The officers' work queue: cases oldest first (first come, first served) with filters, each
//! with its case clock (days open, not counting days waiting for the traveler's evidence).

use puerta_domain::access::{Action, Target};
use puerta_domain::audit::AuditAction;
use puerta_domain::cases::{CaseClock, CaseStatus, ReferenceNumber};
use puerta_domain::ids::{CaseId, UserId};
use puerta_domain::ports::PortCode;
use puerta_store::cases::QueueFilter;

use crate::accounts::{Actor, RequestContext};
use crate::{App, AppError};

const MS_PER_DAY: i64 = 86_400_000;
const MS_PER_DAY_U: u64 = 86_400_000;

/// What an officer asks the queue for. Empty strings mean "any".
#[derive(Debug, Clone, Default)]
pub struct QueueQuery {
    pub status: Option<String>,
    pub port: Option<String>,
    /// Only cases open at least this many days.
    pub older_than_days: Option<i64>,
    /// Only the cases the reader holds.
    pub mine: bool,
    /// Only cases nobody holds.
    pub unassigned: bool,
    /// Only cases whose request for evidence is past its due date.
    pub overdue_evidence: bool,
    /// Cursor from the previous page.
    pub after: Option<(i64, CaseId)>,
    pub limit: i64,
}

/// One line of the queue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueueItem {
    pub reference_number: ReferenceNumber,
    pub status: CaseStatus,
    pub traveler_name: String,
    pub port_code: Option<String>,
    pub opened_at: i64,
    /// The case clock: whole days that count against us (suspended time left out).
    pub days_open: i64,
    /// Whole days the clock was suspended waiting for evidence.
    pub days_suspended: i64,
    pub assigned_to: Option<UserId>,
    pub assigned_to_me: bool,
    /// The open request for evidence's due moment, if one is open.
    pub evidence_due_at: Option<i64>,
    pub evidence_overdue: bool,
}

#[derive(Debug, Clone)]
pub struct QueuePage {
    pub items: Vec<QueueItem>,
    pub next: Option<(i64, CaseId)>,
}

impl App {
    /// The work queue for an officer or supervisor. The read is audited (it lists names).
    pub async fn case_queue(
        &self,
        ctx: &RequestContext,
        actor: &Actor,
        query: &QueueQuery,
    ) -> Result<QueuePage, AppError> {
        actor.authorize(Action::ProcessCase, Target::None)?;
        let status = match query.status.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            None => None,
            Some(s) => Some(CaseStatus::parse(s).map_err(|e| AppError::field("status", e))?),
        };
        let port_code = match query.port.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            None => None,
            Some(p) => Some(
                PortCode::parse(p)
                    .map_err(|_| AppError::field("port", "error-port-unknown"))?
                    .as_str()
                    .to_string(),
            ),
        };
        let older = match query.older_than_days {
            None | Some(0) => None,
            Some(days) if (1..=3650).contains(&days) => Some(days),
            Some(_) => return Err(AppError::field("older_than_days", "error-queue-age")),
        };
        let now = self.now();
        let limit = query.limit.clamp(1, 100);
        let filter = QueueFilter {
            status,
            port_code,
            opened_at_or_before: older.map(|d| now - d * MS_PER_DAY),
            assigned_to: query.mine.then(|| actor.user_id.clone()),
            unassigned: query.unassigned,
            evidence_due_by: query.overdue_evidence.then_some(now),
            after: query.after.clone(),
            limit: limit + 1,
        };
        let mut read = self.reader().await?;
        let mut rows = read.cases().queue(&filter).await?;
        let next = (rows.len() > usize::try_from(limit).unwrap_or(usize::MAX)).then(|| {
            rows.truncate(usize::try_from(limit).unwrap_or(0));
            rows.last().map(|r| (r.opened_at, r.id.clone()))
        });
        let mut items = Vec::with_capacity(rows.len());
        for row in rows {
            let traveler_name = read
                .travelers()
                .find(&row.traveler_id)
                .await?
                .map(|t| format!("{} {}", t.given_name, t.family_name))
                .unwrap_or_default();
            let port_code = read.applications().find(&row.application_id).await?.and_then(|a| a.port_code);
            let events: Vec<(CaseStatus, i64)> =
                read.case_events().list(&row.id).await?.into_iter().map(|e| (e.to, e.at)).collect();
            let clock = CaseClock::read(&events, now);
            let evidence_due_at = if row.status == CaseStatus::EvidenceRequested {
                read.evidence_requests()
                    .list(&row.id)
                    .await?
                    .into_iter()
                    .filter(|r| r.answered_at.is_none())
                    .map(|r| r.due_at)
                    .min()
            } else {
                None
            };
            items.push(QueueItem {
                reference_number: row.reference_number,
                status: row.status,
                traveler_name,
                port_code,
                opened_at: row.opened_at,
                days_open: whole_days(clock.running_ms),
                days_suspended: whole_days(clock.suspended_ms),
                assigned_to_me: row.assigned_to.as_ref() == Some(&actor.user_id),
                assigned_to: row.assigned_to,
                evidence_overdue: evidence_due_at.is_some_and(|due| due <= now),
                evidence_due_at,
            });
        }
        drop(read);
        let mut tx = self.begin().await?;
        let detail = Some(format!("{} cases", items.len()));
        self.audit(&mut tx, ctx, Some(&actor.user_id), AuditAction::CaseQueueRead, None, detail).await?;
        self.commit(tx).await?;
        Ok(QueuePage { items, next: next.flatten() })
    }
}

fn whole_days(ms: u64) -> i64 {
    i64::try_from(ms / MS_PER_DAY_U).unwrap_or(i64::MAX)
}
