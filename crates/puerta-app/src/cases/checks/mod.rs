//! Case checks, officer-only: each is a [`CaseCheck`] that looks at a case, its traveler and the
//! group's application, and answers clear or hit with reasons. They run at submission (inside
//! the submission's transaction) and on demand ([`App::run_checks`]); officers and supervisors
//! read them ([`App::case_checks`], audited). A hit informs the officer: nothing here changes a
//! case's status.
//!
//! Adding a check: implement [`CaseCheck`] in a file of its own and add it to [`CHECKS`].

mod duplicate_person;
mod shared_address;
mod watchlist;
mod words;

use async_trait::async_trait;
use puerta_domain::access::{Action, Target};
use puerta_domain::audit::AuditAction;
use puerta_domain::cases::ReferenceNumber;
use puerta_domain::cases::screening::{CheckKind, CheckOutcome, CheckReason};
use puerta_domain::ids::UserId;
use puerta_store::WriteTx;
use puerta_store::cases::{CaseRecord, CheckRecord, GroupAddress, TravelerRecord};

pub use shared_address::SHARED_ADDRESS_THRESHOLD;
pub use watchlist::WatchlistSummary;
pub use words::reason_text;

use super::ReceiptCase;
use crate::accounts::{Actor, RequestContext};
use crate::{App, AppError};

/// What a check looks at: the case, its traveler, and the group's US destination.
#[derive(Debug, Clone)]
pub struct CheckSubject {
    pub case: CaseRecord,
    pub traveler: TravelerRecord,
    pub address: GroupAddress,
}

/// A check's answer for one subject.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub outcome: CheckOutcome,
    pub reasons: Vec<CheckReason>,
    /// Other cases whose result of this check this finding changes (the other side of a
    /// duplicate): the check is run again for them.
    pub also_affects: Vec<ReferenceNumber>,
}

impl Finding {
    pub fn new(outcome: CheckOutcome, reasons: Vec<CheckReason>) -> Self {
        Self { outcome, reasons, also_affects: Vec::new() }
    }
}

/// One check. `run` answers one finding per subject, in order; it may read anything through
/// `tx` but writes nothing (the runner records the findings).
#[async_trait]
pub trait CaseCheck: Send + Sync {
    fn kind(&self) -> CheckKind;
    async fn run(&self, tx: &mut WriteTx, subjects: &[CheckSubject]) -> Result<Vec<Finding>, AppError>;
}

/// The checks every case gets, in the order they run.
pub static CHECKS: &[&dyn CaseCheck] = &[
    &watchlist::WatchlistCheck,
    &duplicate_person::DuplicatePersonCheck,
    &shared_address::SharedAddressCheck { threshold: SHARED_ADDRESS_THRESHOLD },
];

/// One check's latest result on a case.
#[derive(Debug, Clone, PartialEq)]
pub struct CaseCheckResult {
    pub kind: CheckKind,
    pub outcome: CheckOutcome,
    pub reasons: Vec<CheckReason>,
    pub ran_at: i64,
    /// `None` when it ran on its own (at submission).
    pub ran_by: Option<UserId>,
}

impl From<CheckRecord> for CaseCheckResult {
    fn from(r: CheckRecord) -> Self {
        Self { kind: r.kind, outcome: r.outcome, reasons: r.reasons, ran_at: r.ran_at, ran_by: r.ran_by }
    }
}

async fn subject(tx: &mut WriteTx, case: CaseRecord) -> Result<CheckSubject, AppError> {
    let missing = || AppError::Internal("a case without its traveler or application".into());
    let traveler = tx.travelers().find(&case.traveler_id).await?.ok_or_else(missing)?;
    let address = tx.case_checks().application_address(&case.application_id).await?.ok_or_else(missing)?;
    Ok(CheckSubject { case, traveler, address })
}

impl App {
    /// Runs every check on `cases` in `tx` and records the results (and, for a finding that
    /// changes another case's result, that case's new result too).
    async fn run_checks_in(
        &self,
        tx: &mut WriteTx,
        cases: Vec<CaseRecord>,
        ran_by: Option<&UserId>,
    ) -> Result<(), AppError> {
        let now = self.now();
        let mut subjects = Vec::with_capacity(cases.len());
        for case in cases {
            subjects.push(subject(tx, case).await?);
        }
        for check in CHECKS {
            let findings = check.run(tx, &subjects).await?;
            let mut others = Vec::new();
            for (subject, finding) in subjects.iter().zip(findings) {
                others.extend(finding.also_affects.iter().cloned());
                let record = CheckRecord {
                    case_id: subject.case.id.clone(),
                    kind: check.kind(),
                    outcome: finding.outcome,
                    reasons: finding.reasons,
                    ran_at: now,
                    ran_by: ran_by.cloned(),
                };
                tx.case_checks().save(&record).await?;
            }
            others.sort_by(|a, b| a.as_str().cmp(b.as_str()));
            others.dedup();
            others.retain(|r| !subjects.iter().any(|s| &s.case.reference_number == r));
            let mut again = Vec::with_capacity(others.len());
            for reference in others {
                if let Some(case) = tx.cases().find_by_reference(&reference).await? {
                    again.push(subject(tx, case).await?);
                }
            }
            // One level only: the other case's own further effects wait for its next run.
            let findings = check.run(tx, &again).await?;
            for (subject, finding) in again.iter().zip(findings) {
                let record = CheckRecord {
                    case_id: subject.case.id.clone(),
                    kind: check.kind(),
                    outcome: finding.outcome,
                    reasons: finding.reasons,
                    ran_at: now,
                    ran_by: None,
                };
                tx.case_checks().save(&record).await?;
            }
        }
        Ok(())
    }

    /// The checks of newly submitted cases, in the submission's transaction.
    pub(crate) async fn check_new_cases(
        &self,
        tx: &mut WriteTx,
        cases: &[ReceiptCase],
    ) -> Result<(), AppError> {
        let mut records = Vec::with_capacity(cases.len());
        for case in cases {
            if let Some(record) = tx.cases().find_by_reference(&case.reference_number).await? {
                records.push(record);
            }
        }
        self.run_checks_in(tx, records, None).await
    }

    /// An officer or supervisor runs every check on the case now: one transaction with the
    /// results and the audit row. Answers the case's results.
    pub async fn run_checks(
        &self,
        ctx: &RequestContext,
        actor: &Actor,
        reference: &str,
    ) -> Result<Vec<CaseCheckResult>, AppError> {
        actor.authorize(Action::ProcessCase, Target::None)?;
        let reference =
            ReferenceNumber::parse(reference).map_err(|e| AppError::field("reference_number", e))?;
        let mut tx = self.begin().await?;
        let case = tx.cases().find_by_reference(&reference).await?.ok_or(AppError::NotFound)?;
        actor.authorize(Action::ProcessCase, Target::Case { account_holder: &case.account_id })?;
        let (case_id, holder) = (case.id.clone(), case.account_id.clone());
        self.run_checks_in(&mut tx, vec![case], Some(&actor.user_id)).await?;
        let results = tx.case_checks().list(&case_id).await?.into_iter().map(CaseCheckResult::from).collect();
        let detail = Some(reference.to_string());
        self.audit(&mut tx, ctx, Some(&actor.user_id), AuditAction::CaseChecksRun, Some(&holder), detail)
            .await?;
        self.commit(tx).await?;
        Ok(results)
    }

    /// The case's latest result of each check, for officers and supervisors; each read is
    /// audited.
    pub async fn case_checks(
        &self,
        ctx: &RequestContext,
        actor: &Actor,
        reference: &str,
    ) -> Result<Vec<CaseCheckResult>, AppError> {
        actor.authorize(Action::ProcessCase, Target::None)?;
        let reference =
            ReferenceNumber::parse(reference).map_err(|e| AppError::field("reference_number", e))?;
        let mut read = self.reader().await?;
        let case = read.cases().find_by_reference(&reference).await?.ok_or(AppError::NotFound)?;
        actor.authorize(Action::ProcessCase, Target::Case { account_holder: &case.account_id })?;
        let results: Vec<CaseCheckResult> =
            read.case_checks().list(&case.id).await?.into_iter().map(CaseCheckResult::from).collect();
        drop(read);
        let mut tx = self.begin().await?;
        let detail = Some(reference.to_string());
        self.audit(
            &mut tx,
            ctx,
            Some(&actor.user_id),
            AuditAction::CaseChecksReadByStaff,
            Some(&case.account_id),
            detail,
        )
        .await?;
        self.commit(tx).await?;
        Ok(results)
    }
}
