//! What a traveler and an officer see of cases. A traveler sees only their own group's cases
//! (anyone else's is `NotFound`); every staff read of a case is audited.

use puerta_domain::access::{Action, Target};
use puerta_domain::accounts::Role;
use puerta_domain::audit::AuditAction;
use puerta_domain::cases::{CaseStatus, ReferenceNumber};
use puerta_domain::ids::CaseId;
use puerta_store::cases::{CaseFilter, CaseRecord};

use crate::accounts::{Actor, RequestContext};
use crate::{App, AppError};

/// One line of a case list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseSummary {
    pub reference_number: ReferenceNumber,
    pub status: CaseStatus,
    pub traveler_name: String,
    pub opened_at: i64,
    pub updated_at: i64,
}

/// A page of cases, newest first, and the cursor of the next one.
#[derive(Debug, Clone)]
pub struct CasePage {
    pub items: Vec<CaseSummary>,
    pub next: Option<(i64, CaseId)>,
}

/// One event of the public timeline: when the case reached a status (officer notes are not here).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicEvent {
    pub at: i64,
    pub status: CaseStatus,
}

/// A request for evidence as the traveler sees it: what is asked, and by when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicEvidenceRequest {
    pub items: Vec<String>,
    /// Exclusive: the end of the due date.
    pub due_at: i64,
    pub created_at: i64,
    pub answered_at: Option<i64>,
}

/// The decision as the traveler sees it: the outcome, the reasons (codes; the words are the
/// Fluent messages `reason-<code>`), the narrative and, for a denial, the appeal deadline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseDecision {
    pub outcome: &'static str,
    pub reason_codes: Vec<String>,
    /// The words, by language, of cited reasons an admin added (see [`super::reason_text`]).
    pub reason_titles: std::collections::BTreeMap<String, std::collections::BTreeMap<String, String>>,
    pub narrative: String,
    pub decided_at: i64,
    pub appeal_deadline_at: Option<i64>,
}

impl CaseDecision {
    /// The words of one cited reason in `language`.
    pub fn reason_text(&self, language: puerta_i18n::Language, code: &str) -> String {
        super::reason_text(language, code, self.reason_titles.get(code))
    }

    /// For an approval, the standard next steps (a Fluent message id); the officer's narrative
    /// adds what is particular to the case.
    pub fn next_steps_message_id(&self) -> Option<&'static str> {
        (self.outcome == "approved").then_some("decision-approved-next-steps")
    }
}

/// The traveler's appeal and, once decided, its outcome.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicAppeal {
    pub statement: String,
    pub submitted_at: i64,
    /// `upheld` or `granted`.
    pub outcome: Option<String>,
    pub narrative: Option<String>,
    pub decided_at: Option<i64>,
}

/// A case as its reader may see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseDetail {
    pub reference_number: ReferenceNumber,
    pub status: CaseStatus,
    pub traveler_name: String,
    pub opened_at: i64,
    pub updated_at: i64,
    pub events: Vec<PublicEvent>,
    /// The case's documents, oldest first.
    pub documents: Vec<super::DocumentSummary>,
    pub evidence_requests: Vec<PublicEvidenceRequest>,
    pub decision: Option<CaseDecision>,
    pub appeal: Option<PublicAppeal>,
}

impl App {
    /// The actor's cases (a traveler: their group's; an officer or supervisor: every case,
    /// optionally by status, the read audited), newest first.
    pub async fn cases(
        &self,
        ctx: &RequestContext,
        actor: &Actor,
        status: Option<&str>,
        before: Option<(i64, CaseId)>,
        limit: i64,
    ) -> Result<CasePage, AppError> {
        actor.authorize(Action::ReadCase, Target::None)?;
        let status = match status.map(str::trim).filter(|s| !s.is_empty()) {
            None => None,
            Some(s) => Some(CaseStatus::parse(s).map_err(|e| AppError::field("status", e))?),
        };
        let account_id = (actor.role == Role::Traveler).then(|| actor.user_id.clone());
        let limit = limit.clamp(1, 100);
        let filter = CaseFilter { account_id, status, assigned_to: None, before, limit: limit + 1 };
        let mut read = self.reader().await?;
        let mut rows = read.cases().list(&filter).await?;
        let next = (rows.len() > usize::try_from(limit).unwrap_or(usize::MAX)).then(|| {
            rows.truncate(usize::try_from(limit).unwrap_or(0));
            rows.last().map(|r| (r.opened_at, r.id.clone()))
        });
        let mut items = Vec::with_capacity(rows.len());
        for row in rows {
            let traveler_name = traveler_name(&mut read, &row).await?;
            items.push(CaseSummary {
                reference_number: row.reference_number,
                status: row.status,
                traveler_name,
                opened_at: row.opened_at,
                updated_at: row.updated_at,
            });
        }
        drop(read);
        // A staff list shows travelers' names: audited like the queue.
        if actor.role.is_staff() {
            let mut tx = self.begin().await?;
            let detail = Some(format!("{} cases", items.len()));
            self.audit(&mut tx, ctx, Some(&actor.user_id), AuditAction::CaseQueueRead, None, detail).await?;
            self.commit(tx).await?;
        }
        Ok(CasePage { items, next: next.flatten() })
    }

    /// One case by its reference number. A mistyped number is refused by its check digit before
    /// any lookup; another group's case is `NotFound`; a staff read is audited.
    pub async fn case(
        &self,
        ctx: &RequestContext,
        actor: &Actor,
        reference: &str,
    ) -> Result<CaseDetail, AppError> {
        actor.authorize(Action::ReadCase, Target::None)?;
        let reference =
            ReferenceNumber::parse(reference).map_err(|e| AppError::field("reference_number", e))?;
        let mut read = self.reader().await?;
        let row = read.cases().find_by_reference(&reference).await?.ok_or(AppError::NotFound)?;
        actor.authorize(Action::ReadCase, Target::Case { account_holder: &row.account_id })?;
        let traveler_name = traveler_name(&mut read, &row).await?;
        let events = read
            .case_events()
            .list(&row.id)
            .await?
            .into_iter()
            .map(|e| PublicEvent { at: e.at, status: e.to })
            .collect();
        let documents = Self::documents_of_case(&mut read, &row.id).await?;
        let evidence_requests = read
            .evidence_requests()
            .list(&row.id)
            .await?
            .into_iter()
            .map(|r| PublicEvidenceRequest {
                items: r.items,
                due_at: r.due_at,
                created_at: r.created_at,
                answered_at: r.answered_at,
            })
            .collect();
        let reasons = read.reason_codes().list().await?;
        let decision = read.decisions().find(&row.id).await?.map(|d| CaseDecision {
            outcome: d.outcome.as_str(),
            reason_titles: reasons
                .into_iter()
                .filter(|r| d.reason_codes.contains(&r.code))
                .filter_map(|r| r.titles.map(|t| (r.code, t)))
                .collect(),
            reason_codes: d.reason_codes,
            narrative: d.narrative,
            decided_at: d.decided_at,
            appeal_deadline_at: d.appeal_deadline_at,
        });
        let appeal = read.appeals().find(&row.id).await?.map(|a| PublicAppeal {
            statement: a.statement,
            submitted_at: a.submitted_at,
            outcome: a.outcome,
            narrative: a.narrative,
            decided_at: a.decided_at,
        });
        drop(read);
        if actor.role.is_staff() {
            let mut tx = self.begin().await?;
            let detail = Some(row.reference_number.to_string());
            let holder = Some(&row.account_id);
            self.audit(&mut tx, ctx, Some(&actor.user_id), AuditAction::CaseReadByStaff, holder, detail)
                .await?;
            self.commit(tx).await?;
        }
        Ok(CaseDetail {
            reference_number: row.reference_number,
            status: row.status,
            traveler_name,
            opened_at: row.opened_at,
            updated_at: row.updated_at,
            events,
            documents,
            evidence_requests,
            decision,
            appeal,
        })
    }
}

async fn traveler_name(read: &mut puerta_store::ReadTx, row: &CaseRecord) -> Result<String, AppError> {
    Ok(read
        .travelers()
        .find(&row.traveler_id)
        .await?
        .map(|t| format!("{} {}", t.given_name, t.family_name))
        .unwrap_or_default())
}
