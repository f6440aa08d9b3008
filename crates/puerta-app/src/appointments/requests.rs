//! Asking for a place in today's draw, for the whole group or part of it, at one port; taking
//! the request back while the window is open; the account holder's requests.

use puerta_domain::access::{Action, Target};
use puerta_domain::appointments::{DrawStatus, RequestStatus};
use puerta_domain::audit::AuditAction;
use puerta_domain::ids::{AppointmentRequestId, TravelerId};
use puerta_domain::ports::PortCode;
use puerta_store::StoreError;
use puerta_store::appointments::{Checked, NewRequest, TravelerStanding};

use super::LocationInput;
use crate::accounts::{Actor, RequestContext};
use crate::{App, AppError, ids};

/// A request just stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Requested {
    pub id: AppointmentRequestId,
    pub draw_date: String,
    /// The id this request is published under in the draw's inputs.
    pub entry_id: String,
    pub status: RequestStatus,
}

/// One of the account holder's requests.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestView {
    pub id: AppointmentRequestId,
    pub draw_date: String,
    pub port_code: String,
    pub entry_id: String,
    pub group_size: i64,
    pub registered_at: i64,
    pub status: RequestStatus,
    pub traveler_ids: Vec<TravelerId>,
    /// On the waitlist: how many groups are ahead, plus one.
    pub waitlist_position: Option<i64>,
    pub created_at: i64,
    /// Still in an open draw (it can be taken back).
    pub can_withdraw: bool,
}

impl App {
    /// The account holder asks for a place in the current draw at `port` for `traveler_ids`
    /// (every traveler with an open case when `None`), from `location`. Refused outside the
    /// window (`request_window_closed`, with the next opening), outside the area served to any
    /// of them (`outside_service_area`), for a traveler who already asked in this draw
    /// (`already_requested`) or who holds an offer or appointment (`already_scheduled`).
    pub async fn request_appointment(
        &self,
        ctx: &RequestContext,
        actor: &Actor,
        port: &str,
        traveler_ids: Option<&[String]>,
        location: LocationInput,
    ) -> Result<Requested, AppError> {
        actor.authorize(Action::ScheduleAppointment, Target::None)?;
        let port =
            PortCode::parse(port.trim()).map_err(|_| AppError::field("port_code", "error-port-unknown"))?;
        if traveler_ids.is_some_and(|t| t.len() > puerta_domain::cases::MAX_GROUP_SIZE) {
            return Err(AppError::Conflict("group_full"));
        }
        let now = self.now();
        let rules = self.scheduling_rules().await?;
        let date = match rules.window.draw_date_at(now) {
            Ok(date) => date,
            Err(closed) => return Err(self.window_closed(actor, closed.next_opens_ms).await),
        };
        let key = date.format("%Y-%m-%d").to_string();
        // An operator may have drawn early: the window of that day is then over.
        let next_opening = rules.window.bounds(date.succ_opt().unwrap_or(date)).0;
        if self.published_ports().await?.find(&port).is_none() {
            return Err(AppError::field("port_code", "error-port-unknown"));
        }

        // Everything the answer depends on is read in one statement on a reader, beside the one
        // writer (on release day the writer is the bottleneck); what may change before the write (the
        // draw's status, a traveler's case or offer) is checked again inside the write itself,
        // and a traveler asking twice is refused by the database's unique index.
        let standing = {
            let mut read = self.reader().await?;
            read.appointment_requests().standing(&actor.user_id, Some(&key)).await?
        };
        let travelers = Self::pick_travelers(&standing.travelers, traveler_ids)?;
        let nationalities: Vec<String> = travelers.iter().map(|t| t.traveler.nationality.clone()).collect();
        Self::check_location(&rules, &nationalities, location)?;
        if standing.draw_status.is_some_and(|status| status != DrawStatus::Open) {
            return Err(self.window_closed(actor, next_opening).await);
        }
        if travelers.iter().any(|t| t.requested) {
            return Err(AppError::Conflict("already_requested"));
        }
        let registered_at = standing.registered_at.ok_or(AppError::Unauthenticated)?;

        let id = ids::appointment_request_id();
        let entry_id = self.entry_id(id.as_str())?;
        let request = NewRequest {
            id: id.clone(),
            draw_date: key.clone(),
            account_id: actor.user_id.clone(),
            port_code: port.as_str().to_string(),
            entry_id: entry_id.clone(),
            // The account's registration: the real rule's "oldest registrations" first.
            registered_at,
            travelers: travelers.iter().map(|t| t.traveler.id.clone()).collect(),
            created_at: now,
        };
        let mut tx = self.begin().await?;
        if standing.draw_status.is_none() {
            // The day's first request opens its draw.
            self.ensure_draw(&mut tx, date, &rules).await?;
        }
        match tx.appointment_requests().create_checked(&request).await {
            Ok(Checked::Stored) => {}
            Ok(Checked::DrawNotOpen) => {
                // The writer goes back before a read that has nothing to do with it.
                tx.rollback().await?;
                return Err(self.window_closed(actor, next_opening).await);
            }
            Ok(Checked::NotEligible(traveler)) => {
                tx.rollback().await?;
                return Err(self.not_eligible(actor, &traveler).await);
            }
            Err(StoreError::Conflict) => return Err(AppError::Conflict("already_requested")),
            Err(e) => return Err(e.into()),
        }
        let me = Some(&actor.user_id);
        let detail = Some(format!("{id} {key} {}", port.as_str()));
        self.audit(&mut tx, ctx, me, AuditAction::AppointmentRequested, me, detail).await?;
        self.commit(tx).await?;
        Ok(Requested { id, draw_date: key, entry_id, status: RequestStatus::Requested })
    }

    /// Why a traveler checked on the reader was refused by the write a moment later (their case
    /// was closed or an offer came meanwhile), as the reader's checks would say it now.
    async fn not_eligible(&self, actor: &Actor, traveler: &TravelerId) -> AppError {
        let ids = [traveler.as_str().to_string()];
        let refusal = match self.reader().await {
            Ok(mut read) => Self::travelers_to_schedule(&mut read, actor, Some(&ids)).await.err(),
            Err(e) => Some(e),
        };
        // Eligible again by now: it changed twice; an offer is the likely cause.
        refusal.unwrap_or(AppError::Conflict("already_scheduled"))
    }

    /// `request_window_closed`, with the next opening to be shown in the account holder's zone.
    async fn window_closed(&self, actor: &Actor, next_opens_ms: i64) -> AppError {
        let zone = match self.reader().await {
            Ok(mut read) => read.users().find(&actor.user_id).await.ok().flatten().map(|u| u.time_zone),
            Err(_) => None,
        };
        let zone = zone.unwrap_or(puerta_domain::accounts::DEFAULT_TIME_ZONE).name().to_string();
        AppError::WindowClosed { next_opens_ms, zone }
    }

    /// The travelers a request or confirmation is for: the listed ones (each the account
    /// holder's, each with an open case, none holding an offer or appointment), or every
    /// traveler of the group with an open case.
    async fn travelers_to_schedule(
        read: &mut puerta_store::ReadTx,
        actor: &Actor,
        traveler_ids: Option<&[String]>,
    ) -> Result<Vec<puerta_store::cases::TravelerRecord>, AppError> {
        let standing = read.appointment_requests().standing(&actor.user_id, None).await?;
        let picked = Self::pick_travelers(&standing.travelers, traveler_ids)?;
        Ok(picked.into_iter().map(|t| t.traveler.clone()).collect())
    }

    /// [`Self::travelers_to_schedule`] on what was read of the account's travelers.
    fn pick_travelers<'s>(
        standing: &'s [TravelerStanding],
        traveler_ids: Option<&[String]>,
    ) -> Result<Vec<&'s TravelerStanding>, AppError> {
        let unknown = || AppError::field("traveler_ids", "error-traveler-unknown");
        let mut travelers = Vec::new();
        match traveler_ids {
            Some(ids) => {
                let mut parsed: Vec<TravelerId> = Vec::with_capacity(ids.len());
                for id in ids {
                    let id = TravelerId::parse(id.trim()).map_err(|_| unknown())?;
                    if parsed.contains(&id) {
                        return Err(AppError::field("traveler_ids", "appointment-error-traveler-twice"));
                    }
                    parsed.push(id);
                }
                // Each traveler through every check in turn, so the first one refused answers.
                for id in &parsed {
                    let t = standing.iter().find(|t| &t.traveler.id == id).ok_or_else(unknown)?;
                    if !t.open_case {
                        return Err(AppError::field("traveler_ids", "appointment-error-no-case"));
                    }
                    if t.scheduled {
                        return Err(AppError::Conflict("already_scheduled"));
                    }
                    travelers.push(t);
                }
            }
            None => {
                travelers.extend(standing.iter().filter(|t| t.open_case));
                if travelers.iter().any(|t| t.scheduled) {
                    return Err(AppError::Conflict("already_scheduled"));
                }
            }
        }
        if travelers.is_empty() {
            return Err(AppError::field("traveler_ids", "appointment-error-no-travelers"));
        }
        Ok(travelers)
    }

    /// The account holder takes back a request while its draw is still open; its travelers may
    /// ask again (the registration date is the account's, so nothing is lost).
    pub async fn withdraw_appointment_request(
        &self,
        ctx: &RequestContext,
        actor: &Actor,
        id: &str,
    ) -> Result<(), AppError> {
        actor.authorize(Action::ScheduleAppointment, Target::None)?;
        let id = AppointmentRequestId::parse(id.trim()).map_err(|_| AppError::NotFound)?;
        let now = self.now();
        let mut tx = self.begin().await?;
        let request = tx.appointment_requests().find(&id).await?.ok_or(AppError::NotFound)?;
        actor
            .authorize(Action::ScheduleAppointment, Target::Group { account_holder: &request.account_id })?;
        if request.status != RequestStatus::Requested || !tx.draws().hold_open(&request.draw_date).await? {
            return Err(AppError::Conflict("draw_closed"));
        }
        if !tx
            .appointment_requests()
            .set_status(&id, RequestStatus::Requested, RequestStatus::Withdrawn, now)
            .await?
        {
            return Err(AppError::Conflict("draw_closed"));
        }
        let me = Some(&actor.user_id);
        self.audit(&mut tx, ctx, me, AuditAction::AppointmentRequestWithdrawn, me, Some(id.to_string()))
            .await?;
        self.commit(tx).await?;
        Ok(())
    }

    /// The account holder's requests, newest first.
    pub async fn appointment_requests(&self, actor: &Actor) -> Result<Vec<RequestView>, AppError> {
        actor.authorize(Action::ScheduleAppointment, Target::None)?;
        let mut read = self.reader().await?;
        let mut views = Vec::new();
        let requests = read.appointment_requests().list_for_account(&actor.user_id).await?;
        for r in requests {
            let traveler_ids = read.appointment_requests().travelers(&r.id).await?;
            let draw = read.draws().find(&r.draw_date).await?.map(|d| d.status);
            // A request still standing after its draw is on the port's waitlist.
            let waiting = r.status == RequestStatus::Requested && draw == Some(DrawStatus::Drawn);
            let waitlist_position = if waiting {
                let published = self.publication(&r.draw_date).await?;
                published.outcome.waitlist.get(&r.port_code).and_then(|order| {
                    order
                        .iter()
                        .position(|e| *e == r.entry_id)
                        .map(|i| i64::try_from(i + 1).unwrap_or(i64::MAX))
                })
            } else {
                None
            };
            views.push(RequestView {
                id: r.id,
                draw_date: r.draw_date,
                port_code: r.port_code,
                entry_id: r.entry_id,
                group_size: r.group_size,
                registered_at: r.registered_at,
                status: if waiting { RequestStatus::Waitlisted } else { r.status },
                traveler_ids,
                waitlist_position,
                created_at: r.created_at,
                can_withdraw: r.status == RequestStatus::Requested && draw == Some(DrawStatus::Open),
            });
        }
        Ok(views)
    }
}
