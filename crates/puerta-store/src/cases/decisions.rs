//! What officers and supervisors record on a case besides its status: requests for evidence, the
//! reason codes a denial may cite, the decision, and the one appeal. Lists are stored as JSON
//! text (`items`, `reason_codes`).

use puerta_domain::ids::{CaseId, UserId};

use crate::StoreError;
use crate::accounts::records::user_id;
use crate::unit_of_work::{exec, fetch_all, fetch_optional, refusable, repository};

repository!(
    /// Requests for evidence: what an officer asked a traveler to send, and by when.
    EvidenceRequests
);
repository!(
    /// The reasons a denial may cite.
    ReasonCodes
);
repository!(
    /// One decision per case.
    Decisions
);
repository!(
    /// At most one appeal per case, and its decision.
    Appeals
);

fn corrupt(what: &str) -> StoreError {
    StoreError::Corrupt(what.into())
}

fn to_json(list: &[String]) -> String {
    serde_json::to_string(list).unwrap_or_else(|_| "[]".into())
}

fn from_json(text: &str, what: &str) -> Result<Vec<String>, StoreError> {
    serde_json::from_str(text).map_err(|_| corrupt(what))
}

#[derive(serde::Serialize, serde::Deserialize)]
struct Item {
    description: String,
}

/// One request for evidence: the documents asked for, in the officer's words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EvidenceRequest {
    pub id: String,
    pub case_id: CaseId,
    pub items: Vec<String>,
    pub due_at: i64,
    pub created_by: Option<UserId>,
    pub created_at: i64,
    pub answered_at: Option<i64>,
}

#[derive(sqlx::FromRow)]
struct EvidenceRow {
    id: String,
    case_id: String,
    items: String,
    due_at: i64,
    created_by: Option<String>,
    created_at: i64,
    answered_at: Option<i64>,
}

impl TryFrom<EvidenceRow> for EvidenceRequest {
    type Error = StoreError;

    fn try_from(r: EvidenceRow) -> Result<Self, StoreError> {
        let items: Vec<Item> = serde_json::from_str(&r.items).map_err(|_| corrupt("evidence items"))?;
        Ok(Self {
            id: r.id,
            case_id: CaseId::parse(&r.case_id).map_err(|_| corrupt("case id"))?,
            items: items.into_iter().map(|i| i.description).collect(),
            due_at: r.due_at,
            created_by: r.created_by.as_deref().map(user_id).transpose()?,
            created_at: r.created_at,
            answered_at: r.answered_at,
        })
    }
}

impl<M> EvidenceRequests<'_, M> {
    /// A case's requests, oldest first.
    pub async fn list(&mut self, case: &CaseId) -> Result<Vec<EvidenceRequest>, StoreError> {
        fetch_all!(
            &mut self.conn,
            EvidenceRow,
            "SELECT id, case_id, items, due_at, created_by, created_at, answered_at FROM evidence_requests \
             WHERE case_id = $1 ORDER BY created_at, id",
            case.as_str()
        )?
        .into_iter()
        .map(EvidenceRequest::try_from)
        .collect()
    }
}

impl EvidenceRequests<'_, crate::Write> {
    pub async fn create(&mut self, e: &EvidenceRequest) -> Result<(), StoreError> {
        let items: Vec<Item> = e.items.iter().map(|d| Item { description: d.clone() }).collect();
        let items = serde_json::to_string(&items).map_err(|_| corrupt("evidence items"))?;
        exec!(
            &mut self.conn,
            "INSERT INTO evidence_requests (id, case_id, items, due_at, created_by, created_at, answered_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
            &e.id,
            e.case_id.as_str(),
            items,
            e.due_at,
            e.created_by.as_ref().map(UserId::as_str),
            e.created_at,
            e.answered_at,
        )?;
        Ok(())
    }

    /// Marks the case's open requests answered; answers how many.
    pub async fn mark_answered(&mut self, case: &CaseId, at: i64) -> Result<u64, StoreError> {
        Ok(exec!(
            &mut self.conn,
            "UPDATE evidence_requests SET answered_at = $2 WHERE case_id = $1 AND answered_at IS NULL",
            case.as_str(),
            at,
        )?)
    }
}

/// A reason a denial may cite: `title` is the staff-facing English name. Travelers read the
/// Fluent message `reason-<code>` for the seeded codes, and `titles` (language code → words)
/// for those an admin added. A retired code is no longer offered but old decisions keep it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReasonCode {
    pub code: String,
    pub title: String,
    pub titles: Option<std::collections::BTreeMap<String, String>>,
    pub retired_at: Option<i64>,
}

type ReasonRow = (String, String, Option<String>, Option<i64>);

fn reason(row: ReasonRow) -> Result<ReasonCode, StoreError> {
    let (code, title, titles, retired_at) = row;
    let titles = titles
        .map(|t| serde_json::from_str(&t).map_err(|_| StoreError::Corrupt("reason titles".into())))
        .transpose()?;
    Ok(ReasonCode { code, title, titles, retired_at })
}

impl<M> ReasonCodes<'_, M> {
    /// Every code, retired ones included, by code.
    pub async fn list(&mut self) -> Result<Vec<ReasonCode>, StoreError> {
        fetch_all!(
            &mut self.conn,
            ReasonRow,
            "SELECT code, title, titles, retired_at FROM reason_codes ORDER BY code"
        )?
        .into_iter()
        .map(reason)
        .collect()
    }
}

impl ReasonCodes<'_, crate::Write> {
    /// `StoreError::Conflict` when the code exists (retired or not).
    pub async fn add(&mut self, code: &ReasonCode) -> Result<(), StoreError> {
        let titles = code.titles.as_ref().map(|t| serde_json::to_string(t).unwrap_or_default());
        refusable!(&mut self.conn, conn => {
            exec!(
                conn,
                "INSERT INTO reason_codes (code, title, titles, retired_at) VALUES ($1, $2, $3, NULL)",
                &code.code,
                &code.title,
                titles.as_deref(),
            )
        })
        .map_err(crate::error::conflict_on_unique)?;
        Ok(())
    }

    /// Retires a code; `false` when there is no such active code.
    pub async fn retire(&mut self, code: &str, at: i64) -> Result<bool, StoreError> {
        let n = exec!(
            &mut self.conn,
            "UPDATE reason_codes SET retired_at = $2 WHERE code = $1 AND retired_at IS NULL",
            code,
            at,
        )?;
        Ok(n == 1)
    }
}

/// The outcome of a first decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Approved,
    Denied,
}

impl Outcome {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Approved => "approved",
            Self::Denied => "denied",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s.trim() {
            "approved" => Some(Self::Approved),
            "denied" => Some(Self::Denied),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    pub case_id: CaseId,
    pub outcome: Outcome,
    pub reason_codes: Vec<String>,
    pub narrative: String,
    pub decided_by: Option<UserId>,
    pub decided_at: i64,
    /// Denials only: the last moment (exclusive) an appeal is accepted.
    pub appeal_deadline_at: Option<i64>,
}

#[derive(sqlx::FromRow)]
struct DecisionRow {
    case_id: String,
    outcome: String,
    reason_codes: String,
    narrative: String,
    decided_by: Option<String>,
    decided_at: i64,
    appeal_deadline_at: Option<i64>,
}

impl<M> Decisions<'_, M> {
    pub async fn find(&mut self, case: &CaseId) -> Result<Option<Decision>, StoreError> {
        let Some(r) = fetch_optional!(
            &mut self.conn,
            DecisionRow,
            "SELECT case_id, outcome, reason_codes, narrative, decided_by, decided_at, appeal_deadline_at \
             FROM decisions WHERE case_id = $1",
            case.as_str()
        )?
        else {
            return Ok(None);
        };
        Ok(Some(Decision {
            case_id: CaseId::parse(&r.case_id).map_err(|_| corrupt("case id"))?,
            outcome: Outcome::parse(&r.outcome).ok_or_else(|| corrupt("outcome"))?,
            reason_codes: from_json(&r.reason_codes, "reason codes")?,
            narrative: r.narrative,
            decided_by: r.decided_by.as_deref().map(user_id).transpose()?,
            decided_at: r.decided_at,
            appeal_deadline_at: r.appeal_deadline_at,
        }))
    }
}

impl Decisions<'_, crate::Write> {
    /// `StoreError::Conflict` when the case has a decision already.
    pub async fn create(&mut self, d: &Decision) -> Result<(), StoreError> {
        refusable!(&mut self.conn, conn => {
            exec!(
                conn,
                "INSERT INTO decisions (case_id, outcome, reason_codes, narrative, decided_by, decided_at, \
                 appeal_deadline_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
                d.case_id.as_str(),
                d.outcome.as_str(),
                to_json(&d.reason_codes),
                &d.narrative,
                d.decided_by.as_ref().map(UserId::as_str),
                d.decided_at,
                d.appeal_deadline_at,
            )
        })
        .map_err(crate::error::conflict_on_unique)?;
        Ok(())
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Appeal {
    pub case_id: CaseId,
    pub statement: String,
    pub submitted_by: Option<UserId>,
    pub submitted_at: i64,
    /// `upheld` or `granted`, once decided.
    pub outcome: Option<String>,
    pub narrative: Option<String>,
    pub decided_by: Option<UserId>,
    pub decided_at: Option<i64>,
}

#[derive(sqlx::FromRow)]
struct AppealRow {
    case_id: String,
    statement: String,
    submitted_by: Option<String>,
    submitted_at: i64,
    outcome: Option<String>,
    narrative: Option<String>,
    decided_by: Option<String>,
    decided_at: Option<i64>,
}

impl<M> Appeals<'_, M> {
    pub async fn find(&mut self, case: &CaseId) -> Result<Option<Appeal>, StoreError> {
        let Some(r) = fetch_optional!(
            &mut self.conn,
            AppealRow,
            "SELECT case_id, statement, submitted_by, submitted_at, outcome, narrative, decided_by, decided_at \
             FROM appeals WHERE case_id = $1",
            case.as_str()
        )?
        else {
            return Ok(None);
        };
        Ok(Some(Appeal {
            case_id: CaseId::parse(&r.case_id).map_err(|_| corrupt("case id"))?,
            statement: r.statement,
            submitted_by: r.submitted_by.as_deref().map(user_id).transpose()?,
            submitted_at: r.submitted_at,
            outcome: r.outcome,
            narrative: r.narrative,
            decided_by: r.decided_by.as_deref().map(user_id).transpose()?,
            decided_at: r.decided_at,
        }))
    }
}

impl Appeals<'_, crate::Write> {
    /// `StoreError::Conflict` when the case has been appealed already.
    pub async fn create(&mut self, a: &Appeal) -> Result<(), StoreError> {
        refusable!(&mut self.conn, conn => {
            exec!(
                conn,
                "INSERT INTO appeals (case_id, statement, submitted_by, submitted_at) VALUES ($1, $2, $3, $4)",
                a.case_id.as_str(),
                &a.statement,
                a.submitted_by.as_ref().map(UserId::as_str),
                a.submitted_at,
            )
        })
        .map_err(crate::error::conflict_on_unique)?;
        Ok(())
    }

    /// Records the appeal's decision; `false` when it was decided already.
    pub async fn decide(
        &mut self,
        case: &CaseId,
        outcome: &str,
        narrative: &str,
        by: &UserId,
        at: i64,
    ) -> Result<bool, StoreError> {
        let changed = exec!(
            &mut self.conn,
            "UPDATE appeals SET outcome = $2, narrative = $3, decided_by = $4, decided_at = $5 \
             WHERE case_id = $1 AND outcome IS NULL",
            case.as_str(),
            outcome,
            narrative,
            by.as_str(),
            at,
        )?;
        Ok(changed == 1)
    }
}
