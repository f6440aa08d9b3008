//! Officer-only notes on a case, and a supervisor assigning a case to an officer. Neither is
//! ever shown to the traveler; both are audited (the note's words are not copied to the audit
//! log, which must not hold personal data beyond the reference number).

use puerta_domain::access::{Action, Target};
use puerta_domain::accounts::Role;
use puerta_domain::audit::AuditAction;
use puerta_domain::ids::UserId;
use puerta_store::cases::CaseNote;

use super::process::long_text;
use crate::accounts::{Actor, RequestContext};
use crate::{App, AppError};

impl App {
    /// Adds an officer-only note to the case.
    pub async fn add_case_note(
        &self,
        ctx: &RequestContext,
        actor: &Actor,
        reference: &str,
        body: &str,
    ) -> Result<CaseNote, AppError> {
        actor.authorize(Action::ProcessCase, Target::None)?;
        let body = long_text("body", body)?;
        let now = self.now();
        let mut tx = self.begin().await?;
        let (case, _) = self.case_for_step(&mut tx, actor, reference).await?;
        let note = CaseNote {
            id: uuid::Uuid::new_v4().to_string(),
            case_id: case.id.clone(),
            author_id: Some(actor.user_id.clone()),
            body,
            at: now,
        };
        tx.case_notes().add(&note).await?;
        self.audit_step(&mut tx, ctx, actor, AuditAction::CaseNoteAdded, &case, case.status).await?;
        self.commit(tx).await?;
        Ok(note)
    }

    /// A supervisor gives the case to an officer or supervisor (`officer_id`), replacing whoever
    /// held it. Anyone else as the assignee is a field error.
    pub async fn assign_case(
        &self,
        ctx: &RequestContext,
        actor: &Actor,
        reference: &str,
        officer_id: &str,
    ) -> Result<(), AppError> {
        actor.authorize(Action::AssignCase, Target::None)?;
        let not_staff = || AppError::field("officer_id", "error-assignee-not-officer");
        let officer = UserId::parse(officer_id.trim()).map_err(|_| not_staff())?;
        let now = self.now();
        let mut tx = self.begin().await?;
        let (case, _) = self.case_for_step(&mut tx, actor, reference).await?;
        let assignee = tx.users().find(&officer).await?.ok_or_else(not_staff)?;
        if !matches!(assignee.role, Role::Officer | Role::Supervisor) || assignee.disabled_at.is_some() {
            return Err(not_staff());
        }
        tx.cases().assign(&case.id, &officer, now).await?;
        let detail = Some(format!("{} {}", case.reference_number, officer));
        self.audit(
            &mut tx,
            ctx,
            Some(&actor.user_id),
            AuditAction::CaseAssigned,
            Some(&case.account_id),
            detail,
        )
        .await?;
        self.commit(tx).await
    }
}
