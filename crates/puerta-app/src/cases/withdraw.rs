//! The traveler withdraws a case before it is decided (the domain refuses after a decision).

use puerta_domain::access::{Action, Target};
use puerta_domain::audit::AuditAction;
use puerta_domain::cases::{Attempt, CaseCommand, apply};

use super::CaseMoved;
use super::process::refused;
use crate::accounts::{Actor, RequestContext};
use crate::delivery::Message;
use crate::{App, AppError};

impl App {
    /// The account holder withdraws one of their group's cases: it closes (`withdrawn`), the
    /// traveler may submit again later. Refused `illegal_transition` once decided.
    pub async fn withdraw_case(
        &self,
        ctx: &RequestContext,
        actor: &Actor,
        reference: &str,
    ) -> Result<CaseMoved, AppError> {
        actor.authorize(Action::ReadCase, Target::None)?;
        let now = self.now();
        let mut tx = self.begin().await?;
        let (case, party) = self.case_for_step(&mut tx, actor, reference).await?;
        let transition = apply(case.status, CaseCommand::Withdraw, Attempt::by(party)).map_err(refused)?;
        self.record(&mut tx, actor, &case, transition, now).await?;
        self.audit_step(&mut tx, ctx, actor, AuditAction::CaseWithdrawn, &case, transition.to).await?;
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
}
