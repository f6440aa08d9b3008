//! The officers' inbox: threads unassigned, held by me, or all; taking and giving threads.

use puerta_domain::access::{Action, Target};
use puerta_domain::accounts::Role;
use puerta_domain::audit::AuditAction;
use puerta_domain::ids::UserId;
use puerta_store::messaging::StaffFilter;

use super::threads::{ThreadSummary, summary};
use crate::accounts::{Actor, RequestContext};
use crate::{App, AppError};

/// Which threads to list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InboxFilter {
    #[default]
    Unassigned,
    Mine,
    All,
}

impl InboxFilter {
    pub fn parse(input: &str) -> Option<Self> {
        match input {
            "unassigned" => Some(Self::Unassigned),
            "mine" => Some(Self::Mine),
            "all" => Some(Self::All),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Unassigned => "unassigned",
            Self::Mine => "mine",
            Self::All => "all",
        }
    }
}

impl App {
    /// The officers' inbox, latest activity first.
    pub async fn staff_threads(
        &self,
        actor: &Actor,
        filter: InboxFilter,
    ) -> Result<Vec<ThreadSummary>, AppError> {
        actor.authorize(Action::AnswerMessages, Target::None)?;
        let filter = match filter {
            InboxFilter::Unassigned => StaffFilter::Unassigned,
            InboxFilter::Mine => StaffFilter::AssignedTo(actor.user_id.clone()),
            InboxFilter::All => StaffFilter::All,
        };
        let threads = self.reader().await?.threads().list_for_staff(&filter, 200).await?;
        Ok(threads.iter().map(|t| summary(t, true)).collect())
    }

    /// Gives a thread to an officer: an officer takes it for themself (or lets it go with
    /// `None`); a supervisor gives it to any officer or supervisor.
    pub async fn assign_thread(
        &self,
        ctx: &RequestContext,
        actor: &Actor,
        id: &str,
        to: Option<&str>,
    ) -> Result<(), AppError> {
        actor.authorize(Action::AnswerMessages, Target::None)?;
        let thread = self.staff_thread_record(actor, id).await?;
        // Letting go of a thread someone else holds is giving it away: a supervisor's call.
        if to.is_none() && thread.assigned_to.as_ref().is_some_and(|holder| *holder != actor.user_id) {
            actor.authorize(Action::AssignCase, Target::None)?;
        }
        let officer = match to {
            Some(raw) => {
                let refused = || AppError::field("officer_id", "error-message-officer-unknown");
                let officer = UserId::parse(raw).map_err(|_| refused())?;
                if officer != actor.user_id {
                    actor.authorize(Action::AssignCase, Target::None)?;
                }
                let user = self.reader().await?.users().find(&officer).await?.ok_or_else(refused)?;
                if !matches!(user.role, Role::Officer | Role::Supervisor) || !user.is_live() {
                    return Err(refused());
                }
                Some(officer)
            }
            None => None,
        };
        let mut tx = self.begin().await?;
        tx.threads().assign(&thread.id, officer.as_ref()).await?;
        let me = Some(&actor.user_id);
        let detail = Some(format!("{} {}", thread.id, officer.as_ref().map_or("-", |o| o.as_str())));
        self.audit(&mut tx, ctx, me, AuditAction::ThreadAssigned, officer.as_ref(), detail).await?;
        self.commit(tx).await
    }
}
