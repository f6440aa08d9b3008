//! Changing or removing a saved traveler before the group is submitted ("Change" and "Remove" on
//! "check your answers"). Once a traveler is in a case, the profile is part of that case's record
//! and stays as it was sent (`already_open`).

use puerta_domain::access::{Action, Target};
use puerta_domain::audit::AuditAction;
use puerta_domain::cases::{TravelerInput, TravelerProfile};
use puerta_domain::ids::TravelerId;

use super::{Traveler, invalid};
use crate::accounts::{Actor, RequestContext};
use crate::{App, AppError};

fn traveler_id(id: &str) -> Result<TravelerId, AppError> {
    TravelerId::parse(id.trim()).map_err(|_| AppError::NotFound)
}

impl App {
    /// The account holder's travelers not sent in any application yet, oldest first.
    pub async fn unsubmitted_travelers(&self, actor: &Actor) -> Result<Vec<Traveler>, AppError> {
        actor.authorize(Action::EnterAdvanceInformation, Target::None)?;
        Ok(self.reader().await?.travelers().list_unsubmitted_for_account(&actor.user_id).await?)
    }

    /// One of the account holder's travelers; anyone else's is `NotFound`.
    pub async fn traveler(&self, actor: &Actor, id: &str) -> Result<Traveler, AppError> {
        actor.authorize(Action::EnterAdvanceInformation, Target::None)?;
        let id = traveler_id(id)?;
        self.reader()
            .await?
            .travelers()
            .find_for_account(&actor.user_id, &id)
            .await?
            .ok_or(AppError::NotFound)
    }

    /// Replaces a saved traveler's profile, checked like a new one.
    pub async fn update_traveler(
        &self,
        ctx: &RequestContext,
        actor: &Actor,
        id: &str,
        input: TravelerInput,
    ) -> Result<Traveler, AppError> {
        actor.authorize(Action::EnterAdvanceInformation, Target::None)?;
        let id = traveler_id(id)?;
        let profile = TravelerProfile::parse(&input, self.today()).map_err(invalid)?;
        let now = self.now();
        let mut tx = self.begin().await?;
        // Locked first: a submission of this traveler at the same moment waits, or we do.
        tx.travelers().lock(&id).await?;
        let existing =
            tx.travelers().find_for_account(&actor.user_id, &id).await?.ok_or(AppError::NotFound)?;
        if tx.travelers().has_case(&id).await? {
            return Err(AppError::Conflict("already_open"));
        }
        let mut record = super::travelers::to_record(id, actor, &profile, now);
        record.created_at = existing.created_at;
        if !tx.travelers().update(&record).await? {
            return Err(AppError::NotFound);
        }
        let me = Some(&actor.user_id);
        self.audit(&mut tx, ctx, me, AuditAction::TravelerUpdated, me, Some(record.id.to_string())).await?;
        self.commit(tx).await?;
        Ok(record)
    }

    /// Takes a saved traveler out of the group before submission.
    pub async fn remove_traveler(
        &self,
        ctx: &RequestContext,
        actor: &Actor,
        id: &str,
    ) -> Result<(), AppError> {
        actor.authorize(Action::EnterAdvanceInformation, Target::None)?;
        let id = traveler_id(id)?;
        let mut tx = self.begin().await?;
        tx.travelers().lock(&id).await?;
        if tx.travelers().find_for_account(&actor.user_id, &id).await?.is_none() {
            return Err(AppError::NotFound);
        }
        if tx.travelers().has_case(&id).await? {
            return Err(AppError::Conflict("already_open"));
        }
        tx.travelers().delete(&actor.user_id, &id).await?;
        let me = Some(&actor.user_id);
        self.audit(&mut tx, ctx, me, AuditAction::TravelerRemoved, me, Some(id.to_string())).await?;
        self.commit(tx).await
    }
}
