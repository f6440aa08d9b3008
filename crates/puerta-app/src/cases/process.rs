//! Officer processing of a case: claim it, move it (`in_review`), request evidence, decide; and
//! the traveler's side: answer a request for evidence, appeal a denial; and the supervisor's
//! appeal decision. Each is one use case in one transaction: the status change guarded by the
//! status it was read in (`Cases::set_status`), its case event with the actor, its record
//! (request, decision, appeal), the audit row and the notice to the account holder.
//!
//! Who may give which command, and the rules of each step (the evidence due date, the 30-day
//! appeal window, a different decider), are the domain's (`puerta_domain::cases::apply`); the
//! access policy (`Action::ProcessCase`, `Action::ReadCase`) decides who reaches the case at all.

use puerta_domain::access::{Action, Target};
use puerta_domain::audit::AuditAction;
use puerta_domain::cases::{
    Attempt, CaseCommand, CaseStatus, Party, ReferenceNumber, Transition, TransitionError,
    appeal_deadline_ms, appeal_window_open, apply, parse_iso_date, transition_to,
};
use puerta_store::cases::{Appeal, CaseEvent, CaseRecord, Decision, EvidenceRequest, Outcome, ReasonCode};
use puerta_store::{StoreError, WriteTx};

use crate::accounts::{Actor, RequestContext};
use crate::delivery::Message;
use crate::unit_of_work::Recipient;
use crate::{App, AppError, ids};

/// Days a traveler has to answer a request for evidence unless the officer says otherwise.
pub const EVIDENCE_DEFAULT_DAYS: i64 = 30;
/// The longest an officer may give (12 weeks).
pub const EVIDENCE_MAX_DAYS: i64 = 84;
/// At most this many documents asked for in one request.
pub const EVIDENCE_MAX_ITEMS: usize = 20;
/// Longest narrative, statement or item description, in characters.
pub const MAX_LONG_TEXT_CHARS: usize = 4000;

const MS_PER_DAY: i64 = 86_400_000;

/// The supervisor's decision on an appeal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AppealOutcome {
    /// The denial stands.
    Upheld,
    /// The denial is reversed.
    Granted,
}

impl AppealOutcome {
    pub fn parse(s: &str) -> Option<Self> {
        match s.trim() {
            "upheld" => Some(Self::Upheld),
            "granted" => Some(Self::Granted),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Upheld => "upheld",
            Self::Granted => "granted",
        }
    }
}

/// What a step answers: the case's new status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseMoved {
    pub reference_number: ReferenceNumber,
    pub status: CaseStatus,
}

/// The domain's refusal, as the application's.
pub(super) fn refused(error: TransitionError) -> AppError {
    match error {
        TransitionError::NotPermitted { .. } => AppError::Forbidden,
        other => AppError::Conflict(other.problem_code()),
    }
}

/// Trimmed, non-empty, at most [`MAX_LONG_TEXT_CHARS`], no control characters but line breaks.
pub(super) fn long_text(field: &'static str, input: &str) -> Result<String, AppError> {
    let text = input.trim();
    if text.is_empty() {
        return Err(AppError::field(field, "error-field-required"));
    }
    if text.chars().count() > MAX_LONG_TEXT_CHARS {
        return Err(AppError::field(field, "error-long-text-too-long"));
    }
    if text.chars().any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t') {
        return Err(AppError::field(field, "error-text-control"));
    }
    Ok(text.replace("\r\n", "\n"))
}

/// The due moment of a request for evidence made at `now`: the end (UTC) of `due_date`, from
/// tomorrow up to [`EVIDENCE_MAX_DAYS`] ahead; [`EVIDENCE_DEFAULT_DAYS`] when none is given.
fn evidence_due_ms(now: i64, due_date: Option<&str>) -> Result<i64, AppError> {
    let Some(date) = due_date.map(str::trim).filter(|d| !d.is_empty()) else {
        return Ok(now + EVIDENCE_DEFAULT_DAYS * MS_PER_DAY);
    };
    let bad = || AppError::field("due_date", "error-evidence-due-date");
    let day = parse_iso_date(date).ok_or_else(bad)?;
    let end_of_day =
        day.and_hms_opt(0, 0, 0).ok_or_else(bad)?.and_utc().timestamp_millis().saturating_add(MS_PER_DAY);
    let today_start = now - now.rem_euclid(MS_PER_DAY);
    if end_of_day <= today_start + MS_PER_DAY
        || end_of_day > today_start + (EVIDENCE_MAX_DAYS + 1) * MS_PER_DAY
    {
        return Err(bad());
    }
    Ok(end_of_day)
}

impl App {
    /// The case in `tx`, and the party the actor is on it. Another traveler's case is `NotFound`.
    pub(super) async fn case_for_step(
        &self,
        tx: &mut WriteTx,
        actor: &Actor,
        reference: &str,
    ) -> Result<(CaseRecord, Party), AppError> {
        let reference =
            ReferenceNumber::parse(reference).map_err(|e| AppError::field("reference_number", e))?;
        let row = tx.cases().find_by_reference(&reference).await?.ok_or(AppError::NotFound)?;
        actor.authorize(Action::ReadCase, Target::Case { account_holder: &row.account_id })?;
        let party =
            Party::for_role(actor.role, row.account_id == actor.user_id).ok_or(AppError::Forbidden)?;
        Ok((row, party))
    }

    /// Records `transition` in `tx`: the guarded status change and its case event.
    pub(crate) async fn record(
        &self,
        tx: &mut WriteTx,
        actor: &Actor,
        case: &CaseRecord,
        transition: Transition,
        now: i64,
    ) -> Result<(), AppError> {
        self.record_noted(tx, actor, case, transition, now, None).await
    }

    /// [`Self::record`] with an officer-only note on the event.
    pub(super) async fn record_noted(
        &self,
        tx: &mut WriteTx,
        actor: &Actor,
        case: &CaseRecord,
        transition: Transition,
        now: i64,
        note: Option<String>,
    ) -> Result<(), AppError> {
        // Strictly after the case's last change, so the timeline keeps its order even when two
        // steps fall in the same millisecond (events are listed by time).
        let now = now.max(case.updated_at.saturating_add(1));
        match tx.cases().set_status(&case.id, transition.from, transition.to, now).await {
            Ok(true) => {}
            // Someone moved the case since it was read: refuse rather than overwrite.
            Ok(false) => return Err(AppError::Conflict("illegal_transition")),
            // Reopening (an appeal) while the traveler has another open case.
            Err(StoreError::Conflict) => return Err(AppError::Conflict("already_open")),
            Err(e) => return Err(e.into()),
        }
        let event = CaseEvent {
            id: ids::case_event_id(),
            case_id: case.id.clone(),
            at: now,
            actor_id: Some(actor.user_id.clone()),
            from: Some(transition.from),
            to: transition.to,
            note,
        };
        tx.case_events().append(&event).await?;
        Ok(())
    }

    /// The audit row of a step on `case` (detail: the reference number and the new status).
    pub(super) async fn audit_step(
        &self,
        tx: &mut WriteTx,
        ctx: &RequestContext,
        actor: &Actor,
        action: AuditAction,
        case: &CaseRecord,
        status: CaseStatus,
    ) -> Result<(), AppError> {
        let detail = Some(format!("{} {status}", case.reference_number));
        self.audit(tx, ctx, Some(&actor.user_id), action, Some(&case.account_id), detail).await
    }

    /// Queues `message` for the case's account holder.
    pub(crate) async fn notify_holder(
        &self,
        tx: &mut WriteTx,
        case: &CaseRecord,
        message: impl FnOnce(String) -> Message,
    ) -> Result<(), AppError> {
        self.notify_account(tx, &case.account_id, message).await
    }

    /// An officer or supervisor takes the case. Two at once: exactly one wins, the other is
    /// refused `already_claimed`; claiming one's own case again is a no-op.
    pub async fn claim_case(
        &self,
        ctx: &RequestContext,
        actor: &Actor,
        reference: &str,
    ) -> Result<(), AppError> {
        actor.authorize(Action::ProcessCase, Target::None)?;
        let now = self.now();
        let mut tx = self.begin().await?;
        let (case, _) = self.case_for_step(&mut tx, actor, reference).await?;
        match &case.assigned_to {
            Some(holder) if *holder == actor.user_id => return Ok(()),
            Some(_) => return Err(AppError::Conflict("already_claimed")),
            None => {}
        }
        if !tx.cases().claim(&case.id, &actor.user_id, now).await? {
            return Err(AppError::Conflict("already_claimed"));
        }
        self.audit_step(&mut tx, ctx, actor, AuditAction::CaseClaimed, &case, case.status).await?;
        self.commit(tx).await
    }

    /// Moves a case to the status `to` through the one command that does so (a decision, an
    /// evidence request or an appeal has its own use case, with its record).
    pub async fn transition_case(
        &self,
        ctx: &RequestContext,
        actor: &Actor,
        reference: &str,
        to: &str,
    ) -> Result<CaseMoved, AppError> {
        self.transition_case_noted(ctx, actor, reference, to, None).await
    }

    /// [`App::transition_case`] with an officer-only note on the case event (never shown to the
    /// traveler).
    pub async fn transition_case_noted(
        &self,
        ctx: &RequestContext,
        actor: &Actor,
        reference: &str,
        to: &str,
        note: Option<&str>,
    ) -> Result<CaseMoved, AppError> {
        actor.authorize(Action::ProcessCase, Target::None)?;
        let to = CaseStatus::parse(to).map_err(|e| AppError::field("to", e))?;
        let note = match note.map(str::trim).filter(|n| !n.is_empty()) {
            None => None,
            Some(n) => Some(long_text("note", n)?),
        };
        let now = self.now();
        let mut tx = self.begin().await?;
        let (case, party) = self.case_for_step(&mut tx, actor, reference).await?;
        let transition = transition_to(case.status, to, Attempt::by(party)).map_err(refused)?;
        if !matches!(transition.command, CaseCommand::StartReview | CaseCommand::EvidenceReceived) {
            // Those steps need their own record: use their endpoint.
            return Err(AppError::Conflict("illegal_transition"));
        }
        self.record_noted(&mut tx, actor, &case, transition, now, note).await?;
        self.audit_step(&mut tx, ctx, actor, AuditAction::CaseTransitioned, &case, transition.to).await?;
        let reference_number = case.reference_number.grouped();
        let status = transition.to;
        self.notify_holder(&mut tx, &case, |name| Message::CaseUpdated {
            name,
            reference: reference_number,
            status: status.as_str().to_string(),
        })
        .await?;
        self.commit(tx).await?;
        Ok(CaseMoved { reference_number: case.reference_number, status: transition.to })
    }

    /// Asks the traveler for documents (`items`, each a description) by `due_date`
    /// (`YYYY-MM-DD`; default 30 days, at most 12 weeks). The case waits (`evidence_requested`).
    pub async fn request_evidence(
        &self,
        ctx: &RequestContext,
        actor: &Actor,
        reference: &str,
        items: &[String],
        due_date: Option<&str>,
    ) -> Result<EvidenceRequest, AppError> {
        actor.authorize(Action::ProcessCase, Target::None)?;
        if items.is_empty() || items.len() > EVIDENCE_MAX_ITEMS {
            return Err(AppError::field("items", "error-evidence-items"));
        }
        let items = items.iter().map(|i| long_text("items", i)).collect::<Result<Vec<_>, _>>()?;
        let now = self.now();
        let due_at = evidence_due_ms(now, due_date)?;
        let mut tx = self.begin().await?;
        let (case, party) = self.case_for_step(&mut tx, actor, reference).await?;
        let transition =
            apply(case.status, CaseCommand::RequestEvidence, Attempt::by(party)).map_err(refused)?;
        self.record(&mut tx, actor, &case, transition, now).await?;
        let request = EvidenceRequest {
            id: uuid::Uuid::new_v4().to_string(),
            case_id: case.id.clone(),
            items,
            due_at,
            created_by: Some(actor.user_id.clone()),
            created_at: now,
            answered_at: None,
        };
        tx.evidence_requests().create(&request).await?;
        self.audit_step(&mut tx, ctx, actor, AuditAction::EvidenceRequested, &case, transition.to).await?;
        let reference_number = case.reference_number.grouped();
        let asked = request.items.clone();
        self.notify_holder(&mut tx, &case, |name| Message::EvidenceRequested {
            name,
            reference: reference_number,
            items: asked,
            due_ms: due_at,
        })
        .await?;
        self.commit(tx).await?;
        Ok(request)
    }

    /// The account holder says they sent what was asked: the case moves to `evidence_received`
    /// and its open requests are marked answered.
    pub async fn answer_evidence(
        &self,
        ctx: &RequestContext,
        actor: &Actor,
        reference: &str,
    ) -> Result<CaseMoved, AppError> {
        actor.authorize(Action::ReadCase, Target::None)?;
        let now = self.now();
        let mut tx = self.begin().await?;
        let (case, party) = self.case_for_step(&mut tx, actor, reference).await?;
        let transition =
            apply(case.status, CaseCommand::EvidenceReceived, Attempt::by(party)).map_err(refused)?;
        self.record(&mut tx, actor, &case, transition, now).await?;
        tx.evidence_requests().mark_answered(&case.id, now).await?;
        self.audit_step(&mut tx, ctx, actor, AuditAction::EvidenceAnswered, &case, transition.to).await?;
        // The officer who holds the case learns the evidence is in; an unheld case shows it in
        // the queue (status `evidence_received`).
        if let Some(officer) = &case.assigned_to
            && let Some(officer) = tx.users().find(officer).await?
            && officer.is_live()
        {
            let to =
                Recipient { user_id: Some(&officer.id), address: &officer.email, language: officer.language };
            let message = Message::EvidenceArrived { reference: case.reference_number.grouped() };
            self.queue(&mut tx, &ids::event_id(), to, &message).await?;
        }
        let reference_number = case.reference_number.grouped();
        self.notify_holder(&mut tx, &case, |name| Message::CaseUpdated {
            name,
            reference: reference_number,
            status: transition.to.as_str().to_string(),
        })
        .await?;
        self.commit(tx).await?;
        Ok(CaseMoved { reference_number: case.reference_number, status: transition.to })
    }

    /// Approves or denies the case. A denial cites at least one known reason code; its notice
    /// states the reasons, that the traveler may appeal, and the deadline (30 days).
    pub async fn decide_case(
        &self,
        ctx: &RequestContext,
        actor: &Actor,
        reference: &str,
        outcome: &str,
        reason_codes: &[String],
        narrative: &str,
    ) -> Result<Decision, AppError> {
        actor.authorize(Action::ProcessCase, Target::None)?;
        let outcome =
            Outcome::parse(outcome).ok_or_else(|| AppError::field("outcome", "error-outcome-invalid"))?;
        let narrative = long_text("narrative", narrative)?;
        let mut codes: Vec<String> = reason_codes.iter().map(|c| c.trim().to_string()).collect();
        codes.sort();
        codes.dedup();
        if outcome == Outcome::Denied && codes.is_empty() {
            return Err(AppError::field("reason_codes", "error-reason-codes-required"));
        }
        let now = self.now();
        let mut tx = self.begin().await?;
        // Only reasons still offered; a retired one is refused like an unknown one.
        let known: Vec<ReasonCode> =
            tx.reason_codes().list().await?.into_iter().filter(|k| k.retired_at.is_none()).collect();
        if codes.iter().any(|c| !known.iter().any(|k| k.code == *c)) {
            return Err(AppError::field("reason_codes", "error-reason-code-unknown"));
        }
        let (case, party) = self.case_for_step(&mut tx, actor, reference).await?;
        let overdue = tx
            .evidence_requests()
            .list(&case.id)
            .await?
            .iter()
            .filter(|r| r.answered_at.is_none())
            .any(|r| r.due_at <= now);
        let command = match outcome {
            Outcome::Approved => CaseCommand::Approve,
            Outcome::Denied => CaseCommand::Deny,
        };
        let attempt = Attempt::by(party).evidence_overdue(overdue);
        let transition = apply(case.status, command, attempt).map_err(refused)?;
        self.record(&mut tx, actor, &case, transition, now).await?;
        let decision = Decision {
            case_id: case.id.clone(),
            outcome,
            reason_codes: if outcome == Outcome::Denied { codes } else { Vec::new() },
            narrative,
            decided_by: Some(actor.user_id.clone()),
            decided_at: now,
            appeal_deadline_at: (outcome == Outcome::Denied).then(|| appeal_deadline_ms(now)),
        };
        match tx.decisions().create(&decision).await {
            Ok(()) => {}
            Err(StoreError::Conflict) => return Err(AppError::Conflict("illegal_transition")),
            Err(e) => return Err(e.into()),
        }
        self.audit_step(&mut tx, ctx, actor, AuditAction::CaseDecided, &case, transition.to).await?;
        let reference_number = case.reference_number.grouped();
        let reasons = decision.reason_codes.clone();
        // The words of reasons an admin added travel with the notice (they have no Fluent message).
        let titles = known
            .into_iter()
            .filter(|k| reasons.contains(&k.code))
            .filter_map(|k| k.titles.map(|t| (k.code, t)))
            .collect();
        let deadline = decision.appeal_deadline_at;
        self.notify_holder(&mut tx, &case, |name| match deadline {
            Some(deadline_ms) => Message::CaseDenied {
                name,
                reference: reference_number,
                reason_codes: reasons,
                titles,
                deadline_ms,
            },
            None => Message::CaseApproved { name, reference: reference_number },
        })
        .await?;
        self.commit(tx).await?;
        Ok(decision)
    }

    /// The account holder appeals a denial with a statement: within 30 days of the decision
    /// (`appeal_late` after), once (`appeal_already_made`).
    pub async fn appeal_case(
        &self,
        ctx: &RequestContext,
        actor: &Actor,
        reference: &str,
        statement: &str,
    ) -> Result<CaseMoved, AppError> {
        actor.authorize(Action::ReadCase, Target::None)?;
        let statement = long_text("statement", statement)?;
        let now = self.now();
        let mut tx = self.begin().await?;
        let (case, party) = self.case_for_step(&mut tx, actor, reference).await?;
        let decision = tx.decisions().find(&case.id).await?;
        let open = decision.as_ref().is_some_and(|d| appeal_window_open(d.decided_at, now));
        let attempt = Attempt::by(party).appeal_window_open(open);
        let transition = apply(case.status, CaseCommand::Appeal, attempt).map_err(refused)?;
        self.record(&mut tx, actor, &case, transition, now).await?;
        let appeal = Appeal {
            case_id: case.id.clone(),
            statement,
            submitted_by: Some(actor.user_id.clone()),
            submitted_at: now,
            outcome: None,
            narrative: None,
            decided_by: None,
            decided_at: None,
        };
        match tx.appeals().create(&appeal).await {
            Ok(()) => {}
            Err(StoreError::Conflict) => return Err(AppError::Conflict("appeal_already_made")),
            Err(e) => return Err(e.into()),
        }
        self.audit_step(&mut tx, ctx, actor, AuditAction::CaseAppealed, &case, transition.to).await?;
        let reference_number = case.reference_number.grouped();
        self.notify_holder(&mut tx, &case, |name| Message::CaseUpdated {
            name,
            reference: reference_number,
            status: transition.to.as_str().to_string(),
        })
        .await?;
        self.commit(tx).await?;
        Ok(CaseMoved { reference_number: case.reference_number, status: transition.to })
    }

    /// A supervisor who did not make the decision decides the appeal: `upheld` (the denial
    /// stands) or `granted` (reversed), with a narrative. The deciding officer is refused
    /// `appeal_same_decider`.
    pub async fn decide_appeal(
        &self,
        ctx: &RequestContext,
        actor: &Actor,
        reference: &str,
        outcome: &str,
        narrative: &str,
    ) -> Result<CaseMoved, AppError> {
        actor.authorize(Action::ProcessCase, Target::None)?;
        let outcome = AppealOutcome::parse(outcome)
            .ok_or_else(|| AppError::field("outcome", "error-outcome-invalid"))?;
        let narrative = long_text("narrative", narrative)?;
        let now = self.now();
        let mut tx = self.begin().await?;
        let (case, party) = self.case_for_step(&mut tx, actor, reference).await?;
        let decided = tx.decisions().find(&case.id).await?.and_then(|d| d.decided_by);
        let attempt = Attempt::by(party).actor_decided_case(decided.as_ref() == Some(&actor.user_id));
        let command = match outcome {
            AppealOutcome::Upheld => CaseCommand::UpholdAppeal,
            AppealOutcome::Granted => CaseCommand::GrantAppeal,
        };
        let transition = apply(case.status, command, attempt).map_err(refused)?;
        self.record(&mut tx, actor, &case, transition, now).await?;
        if !tx.appeals().decide(&case.id, outcome.as_str(), &narrative, &actor.user_id, now).await? {
            return Err(AppError::Conflict("illegal_transition"));
        }
        self.audit_step(&mut tx, ctx, actor, AuditAction::AppealDecided, &case, transition.to).await?;
        let reference_number = case.reference_number.grouped();
        let granted = outcome == AppealOutcome::Granted;
        self.notify_holder(&mut tx, &case, |name| Message::AppealDecided {
            name,
            reference: reference_number,
            granted,
        })
        .await?;
        self.commit(tx).await?;
        Ok(CaseMoved { reference_number: case.reference_number, status: transition.to })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: i64 = 1_795_000_000_000 + 11 * 3_600_000;

    #[test]
    fn evidence_is_due_in_30_days_by_default_and_at_most_12_weeks() {
        assert_eq!(evidence_due_ms(NOW, None).ok(), Some(NOW + 30 * MS_PER_DAY));
        assert_eq!(evidence_due_ms(NOW, Some(" ")).ok(), Some(NOW + 30 * MS_PER_DAY));
        let today = NOW - NOW.rem_euclid(MS_PER_DAY);
        let date = |days: i64| {
            chrono::DateTime::from_timestamp_millis(today + days * MS_PER_DAY)
                .map(|d| d.format("%Y-%m-%d").to_string())
                .unwrap_or_default()
        };
        assert!(evidence_due_ms(NOW, Some(&date(0))).is_err(), "today");
        assert_eq!(evidence_due_ms(NOW, Some(&date(1))).ok(), Some(today + 2 * MS_PER_DAY));
        assert!(evidence_due_ms(NOW, Some(&date(84))).is_ok());
        assert!(evidence_due_ms(NOW, Some(&date(85))).is_err());
        assert!(evidence_due_ms(NOW, Some("2027-02-30")).is_err());
    }

    #[test]
    fn long_text_is_trimmed_and_bounded() {
        assert_eq!(long_text("n", "  a\r\nb ").ok().as_deref(), Some("a\nb"));
        assert!(long_text("n", "   ").is_err());
        assert!(long_text("n", &"x".repeat(MAX_LONG_TEXT_CHARS + 1)).is_err());
        assert!(long_text("n", "a\u{7}b").is_err());
    }
}
