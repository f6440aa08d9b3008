//! What an officer or supervisor sees of one case: everything the traveler sees, plus the
//! traveler's profile, the rest of the group, the full history with who did what and the
//! officer-only notes, the case clock, who holds the case, and the appeal. The read is audited
//! (by [`App::case`], which this builds on).

use puerta_domain::access::{Action, Target};
use puerta_domain::cases::{CaseClock, CaseStatus, ReferenceNumber};
use puerta_domain::ids::UserId;
use puerta_store::cases::{Appeal, ApplicationRecord, TravelerRecord};

use super::CaseDetail;
use crate::accounts::{Actor, RequestContext};
use crate::{App, AppError};

/// Another traveler of the same application.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupMember {
    pub reference_number: ReferenceNumber,
    pub traveler_name: String,
    pub status: CaseStatus,
}

/// One event with who made it and the officer-only note.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaffEvent {
    pub at: i64,
    pub actor_name: Option<String>,
    pub from: Option<CaseStatus>,
    pub to: CaseStatus,
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaffNote {
    pub at: i64,
    pub author_name: Option<String>,
    pub body: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaffCase {
    pub detail: CaseDetail,
    pub traveler: TravelerRecord,
    pub application: ApplicationRecord,
    pub group: Vec<GroupMember>,
    pub history: Vec<StaffEvent>,
    pub notes: Vec<StaffNote>,
    pub assigned_to: Option<(UserId, String)>,
    pub assigned_to_me: bool,
    pub decided_by: Option<UserId>,
    pub appeal: Option<Appeal>,
    pub clock: CaseClock,
}

impl App {
    /// The officer's view of a case (audited).
    pub async fn staff_case(
        &self,
        ctx: &RequestContext,
        actor: &Actor,
        reference: &str,
    ) -> Result<StaffCase, AppError> {
        actor.authorize(Action::ProcessCase, Target::None)?;
        let detail = self.case(ctx, actor, reference).await?;
        let mut read = self.reader().await?;
        let row =
            read.cases().find_by_reference(&detail.reference_number).await?.ok_or(AppError::NotFound)?;
        let traveler = read.travelers().find(&row.traveler_id).await?.ok_or(AppError::NotFound)?;
        let application = read.applications().find(&row.application_id).await?.ok_or(AppError::NotFound)?;
        let mut names = Names::default();
        let mut group = Vec::new();
        for other in read.cases().of_application(&row.application_id).await? {
            if other.id == row.id {
                continue;
            }
            let traveler_name = read
                .travelers()
                .find(&other.traveler_id)
                .await?
                .map(|t| format!("{} {}", t.given_name, t.family_name))
                .unwrap_or_default();
            group.push(GroupMember {
                reference_number: other.reference_number,
                traveler_name,
                status: other.status,
            });
        }
        let events = read.case_events().list(&row.id).await?;
        let clock = CaseClock::read(&events.iter().map(|e| (e.to, e.at)).collect::<Vec<_>>(), self.now());
        let mut history = Vec::with_capacity(events.len());
        for e in events {
            let actor_name = names.of(&mut read, e.actor_id.as_ref()).await?;
            history.push(StaffEvent { at: e.at, actor_name, from: e.from, to: e.to, note: e.note });
        }
        let mut notes = Vec::new();
        for n in read.case_notes().list(&row.id).await? {
            let author_name = names.of(&mut read, n.author_id.as_ref()).await?;
            notes.push(StaffNote { at: n.at, author_name, body: n.body });
        }
        let assigned_to = match &row.assigned_to {
            Some(id) => Some((id.clone(), names.of(&mut read, Some(id)).await?.unwrap_or_default())),
            None => None,
        };
        let decided_by = read.decisions().find(&row.id).await?.and_then(|d| d.decided_by);
        let appeal = read.appeals().find(&row.id).await?;
        Ok(StaffCase {
            detail,
            traveler,
            application,
            group,
            history,
            notes,
            assigned_to_me: row.assigned_to.as_ref() == Some(&actor.user_id),
            assigned_to,
            decided_by,
            appeal,
            clock,
        })
    }
}

/// Staff names, looked up once each.
#[derive(Default)]
struct Names(std::collections::HashMap<UserId, Option<String>>);

impl Names {
    async fn of(
        &mut self,
        read: &mut puerta_store::ReadTx,
        id: Option<&UserId>,
    ) -> Result<Option<String>, AppError> {
        let Some(id) = id else { return Ok(None) };
        if let Some(name) = self.0.get(id) {
            return Ok(name.clone());
        }
        let name = read.users().find(id).await?.map(|u| u.full_name);
        self.0.insert(id.clone(), name.clone());
        Ok(name)
    }
}
