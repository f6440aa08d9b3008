//! Submitting advance information: one application for the group, one case per traveler with
//! its own reference number, all in one transaction with the first case events, the audit row
//! and the receipt email.

use puerta_domain::access::{Action, Target};
use puerta_domain::audit::AuditAction;
use puerta_domain::cases::{
    CaseStatus, GroupError, ReferenceNumber, UsAddress, UsAddressInput, check_application,
};
use puerta_domain::ids::{ApplicationId, TravelerId};
use puerta_domain::ports::PortCode;
use puerta_store::StoreError;
use puerta_store::cases::{CaseEvent, NewApplication, NewCase};
use rand::Rng;

use super::invalid;
use crate::accounts::{Actor, RequestContext};
use crate::delivery::Message;
use crate::{App, AppError, ids};

/// What the traveler gets back: the application and each traveler's case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Receipt {
    pub application_id: ApplicationId,
    pub cases: Vec<ReceiptCase>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReceiptCase {
    pub traveler_id: TravelerId,
    pub reference_number: ReferenceNumber,
    pub status: CaseStatus,
}

/// Draws for a free reference number before giving up (10^9 numbers: a clash is rare).
const REFERENCE_DRAWS: usize = 8;

impl App {
    /// Submits the account holder's travelers `traveler_ids` (at most 10, each theirs, none with
    /// a case still open) with one US destination and, if they know it, the port they plan to
    /// use (officers' queues filter by it). Nothing is stored unless everything is.
    pub async fn submit_application(
        &self,
        ctx: &RequestContext,
        actor: &Actor,
        traveler_ids: &[String],
        destination: &UsAddressInput,
        port: Option<&str>,
    ) -> Result<Receipt, AppError> {
        self.submit(ctx, actor, traveler_ids, destination, port, false).await
    }

    /// Submits what the account holder entered on the pages: every saved traveler not yet in a
    /// case, the drafted US destination and port. Refused while a person is half entered
    /// (`people`) or the address is missing (`address`); the drafted destination is forgotten in
    /// the same transaction as the submission, so nothing is ever half done.
    pub async fn submit_drafted_application(
        &self,
        ctx: &RequestContext,
        actor: &Actor,
    ) -> Result<Receipt, AppError> {
        let travelers = self.unsubmitted_travelers(actor).await?;
        if !self.traveler_drafts(actor).await?.is_empty() {
            return Err(AppError::field("people", "apply-error-unfinished"));
        }
        let application = self.application_draft(actor).await?;
        if !application.address_done {
            return Err(AppError::field("address", "apply-error-address-missing"));
        }
        let ids: Vec<String> = travelers.iter().map(|t| t.id.to_string()).collect();
        // The port page's choice; blank is "I do not know yet".
        let port = Some(application.port.as_str()).filter(|p| !p.is_empty());
        self.submit(ctx, actor, &ids, &application.address_input(), port, true).await
    }

    async fn submit(
        &self,
        ctx: &RequestContext,
        actor: &Actor,
        traveler_ids: &[String],
        destination: &UsAddressInput,
        port: Option<&str>,
        from_drafts: bool,
    ) -> Result<Receipt, AppError> {
        actor.authorize(Action::EnterAdvanceInformation, Target::None)?;
        let unknown = || AppError::field("traveler_ids", "error-traveler-unknown");
        // Refused before any parsing: a list longer than a group is never read.
        if traveler_ids.len() > puerta_domain::cases::MAX_GROUP_SIZE {
            return Err(AppError::Conflict("group_full"));
        }
        let travelers: Vec<TravelerId> = traveler_ids
            .iter()
            .map(|id| TravelerId::parse(id.trim()))
            .collect::<Result<_, _>>()
            .map_err(|_| unknown())?;
        check_application(&travelers).map_err(|e| match e {
            GroupError::Full => AppError::Conflict("group_full"),
            other => AppError::field("traveler_ids", other),
        })?;
        let address = UsAddress::parse(destination).map_err(invalid)?;
        let unknown_port = || AppError::field("port", "error-port-unknown");
        let port = match port.map(str::trim).filter(|p| !p.is_empty()) {
            None => None,
            Some(p) => Some(PortCode::parse(p).map_err(|_| unknown_port())?),
        };
        let now = self.now();
        let mut tx = self.begin().await?;
        if let Some(port) = &port
            && tx.ports().find(port).await?.is_none()
        {
            return Err(unknown_port());
        }
        for id in &travelers {
            // Locked first: a change or removal of this traveler at the same moment waits.
            tx.travelers().lock(id).await?;
            if tx.travelers().find_for_account(&actor.user_id, id).await?.is_none() {
                return Err(unknown());
            }
            if tx.cases().open_for_traveler(id).await?.is_some() {
                return Err(AppError::Conflict("already_open"));
            }
        }
        let application = NewApplication {
            id: ids::application_id(),
            account_id: actor.user_id.clone(),
            us_line1: address.line1.as_str().to_string(),
            us_line2: address.line2.as_ref().map(|l| l.as_str().to_string()),
            us_city: address.city.as_str().to_string(),
            us_state: address.state.as_str().to_string(),
            us_postal_code: address.postal_code.as_str().to_string(),
            port_code: port.map(|p| p.as_str().to_string()),
            submitted_at: now,
        };
        tx.applications().create(&application).await?;
        let mut cases = Vec::with_capacity(travelers.len());
        for traveler in travelers {
            let case = self.open_case(&mut tx, actor, &application.id, &traveler, now).await?;
            cases.push(ReceiptCase {
                traveler_id: traveler,
                reference_number: case,
                status: CaseStatus::INITIAL,
            });
        }
        self.check_new_cases(&mut tx, &cases).await?;
        if from_drafts {
            // A person started on another tab since the page was read: not sent half entered.
            if !tx.drafts().list_travelers(&actor.user_id).await?.is_empty() {
                return Err(AppError::field("people", "apply-error-unfinished"));
            }
            tx.drafts().delete_application(&actor.user_id).await?;
        }
        let me = Some(&actor.user_id);
        let detail = Some(application.id.to_string());
        self.audit(&mut tx, ctx, me, AuditAction::ApplicationSubmitted, me, detail).await?;
        let references: Vec<String> = cases.iter().map(|c| c.reference_number.grouped()).collect();
        self.notify_account(&mut tx, &actor.user_id, |name| Message::ApplicationReceived {
            name,
            references,
        })
        .await?;
        self.commit(tx).await?;
        Ok(Receipt { application_id: application.id, cases })
    }

    /// One case with a fresh, unguessable reference number, and its first event, in `tx`. A
    /// clash on the number draws again; a case opened meanwhile for the traveler refuses.
    async fn open_case(
        &self,
        tx: &mut puerta_store::WriteTx,
        actor: &Actor,
        application: &ApplicationId,
        traveler: &TravelerId,
        now: i64,
    ) -> Result<ReferenceNumber, AppError> {
        for _ in 0..REFERENCE_DRAWS {
            let reference =
                ReferenceNumber::generate(self.inner.reference_prefix, || rand::rng().random::<u8>());
            let case = NewCase {
                id: ids::case_id(),
                reference_number: reference,
                application_id: application.clone(),
                traveler_id: traveler.clone(),
                account_id: actor.user_id.clone(),
                opened_at: now,
            };
            match tx.cases().create(&case).await {
                Ok(()) => {
                    let event = CaseEvent {
                        id: ids::case_event_id(),
                        case_id: case.id,
                        at: now,
                        actor_id: Some(actor.user_id.clone()),
                        from: None,
                        to: CaseStatus::INITIAL,
                        note: None,
                    };
                    tx.case_events().append(&event).await?;
                    return Ok(reference);
                }
                Err(StoreError::Conflict) => {
                    if tx.cases().open_for_traveler(traveler).await?.is_some() {
                        return Err(AppError::Conflict("already_open"));
                    }
                }
                Err(e) => return Err(e.into()),
            }
        }
        Err(AppError::Internal("no free reference number after several draws".into()))
    }
}
