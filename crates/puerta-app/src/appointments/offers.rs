//! Offers and appointments: the account holder's list, confirmation (location again, a current
//! photo of each traveler, a confirmation number), cancellation, and expiry at the deadline.
//! A place given back (expired or cancelled) is offered at once to the next group on that
//! port's waitlist that fits, with its own deadline: the places held never exceed the port's.

use std::collections::HashMap;

use puerta_domain::access::{Action, Target};
use puerta_domain::appointments::{AppointmentStatus, ConfirmationNumber, RequestStatus, offer_deadline};
use puerta_domain::audit::AuditAction;
use puerta_domain::ids::{AppointmentId, TravelerId};
use puerta_store::appointments::{AppointmentRecord, NewAppointment, WaitlistCandidate};
use puerta_store::{StoreError, WriteTx};
use rand::Rng;

use super::LocationInput;
use crate::accounts::{Actor, RequestContext};
use crate::delivery::Message;
use crate::{App, AppError, ids};

/// One traveler of an appointment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppointmentTravelerView {
    pub traveler_id: TravelerId,
    pub given_name: String,
    pub family_name: String,
    /// When this traveler's newest photo was taken (added), if any.
    pub photo_at: Option<i64>,
    pub arrival: Option<String>,
}

/// An appointment as its account holder sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppointmentView {
    pub record: AppointmentRecord,
    pub travelers: Vec<AppointmentTravelerView>,
    pub port_name: String,
    pub port_zone: chrono_tz::Tz,
    pub port_address: Option<&'static str>,
}

impl AppointmentView {
    /// Every traveler has a photo taken since the offer was made.
    pub fn photos_current(&self) -> bool {
        self.travelers.iter().all(|t| t.photo_at.is_some_and(|at| at >= self.record.offered_at))
    }
}

/// Confirmation numbers drawn before giving up (32^10 of them: a clash is very rare).
const NUMBER_DRAWS: usize = 8;

impl App {
    /// The account holder's appointments, newest offer first.
    pub async fn appointments(&self, actor: &Actor) -> Result<Vec<AppointmentView>, AppError> {
        actor.authorize(Action::ScheduleAppointment, Target::None)?;
        let records = self.reader().await?.appointments().list_for_account(&actor.user_id).await?;
        let mut views = Vec::with_capacity(records.len());
        for record in records {
            views.push(self.appointment_view(record).await?);
        }
        Ok(views)
    }

    /// One of the account holder's appointments (anyone else's: `NotFound`).
    pub async fn appointment(&self, actor: &Actor, id: &str) -> Result<AppointmentView, AppError> {
        actor.authorize(Action::ScheduleAppointment, Target::None)?;
        let id = AppointmentId::parse(id.trim()).map_err(|_| AppError::NotFound)?;
        let record = self.reader().await?.appointments().find(&id).await?.ok_or(AppError::NotFound)?;
        actor.authorize(Action::ScheduleAppointment, Target::Group { account_holder: &record.account_id })?;
        self.appointment_view(record).await
    }

    pub(crate) async fn appointment_view(
        &self,
        record: AppointmentRecord,
    ) -> Result<AppointmentView, AppError> {
        let mut read = self.reader().await?;
        let mut travelers = Vec::new();
        for t in read.appointments().travelers(&record.id).await? {
            let profile = read.travelers().find(&t.traveler_id).await?;
            let photo_at = match read.cases().open_for_traveler(&t.traveler_id).await? {
                Some(case) => read.documents().latest_photo_at(&case.id).await?,
                None => None,
            };
            travelers.push(AppointmentTravelerView {
                given_name: profile.as_ref().map(|p| p.given_name.clone()).unwrap_or_default(),
                family_name: profile.as_ref().map(|p| p.family_name.clone()).unwrap_or_default(),
                traveler_id: t.traveler_id,
                photo_at,
                arrival: t.arrival,
            });
        }
        let code = puerta_domain::ports::PortCode::parse(&record.port_code)
            .map_err(|_| AppError::Internal("a stored port code does not read".into()))?;
        let port = read.ports().find(&code).await?;
        Ok(AppointmentView {
            port_name: port.as_ref().map(|p| p.name.clone()).unwrap_or_else(|| record.port_code.clone()),
            port_zone: port.map(|p| p.time_zone).unwrap_or(chrono_tz::America::New_York),
            port_address: puerta_domain::ports::port_address(&record.port_code),
            record,
            travelers,
        })
    }

    /// Confirms an offer before its deadline: the location is checked again for every
    /// traveler, and each must have a photo taken since the offer (`photo_required`; the officer
    /// compares it in person — nothing here judges a face). Gives the confirmation number.
    pub async fn confirm_appointment(
        &self,
        ctx: &RequestContext,
        actor: &Actor,
        id: &str,
        location: LocationInput,
    ) -> Result<AppointmentView, AppError> {
        let view = self.appointment(actor, id).await?;
        let now = self.now();
        match view.record.status {
            AppointmentStatus::Offered if view.record.offer_expires_at > now => {}
            AppointmentStatus::Offered | AppointmentStatus::Expired => {
                return Err(AppError::Conflict("offer_expired"));
            }
            AppointmentStatus::Confirmed => return Ok(view),
            _ => return Err(AppError::Conflict("not_offered")),
        }
        let rules = self.scheduling_rules().await?;
        let mut nationalities = Vec::new();
        {
            let mut read = self.reader().await?;
            for t in &view.travelers {
                if let Some(p) = read.travelers().find(&t.traveler_id).await? {
                    nationalities.push(p.nationality);
                }
            }
        }
        Self::check_location(&rules, &nationalities, location)?;
        if !view.photos_current() {
            let missing: Vec<String> = view
                .travelers
                .iter()
                .filter(|t| t.photo_at.is_none_or(|at| at < view.record.offered_at))
                .map(|t| t.traveler_id.to_string())
                .collect();
            return Err(AppError::PhotoRequired { travelers: missing });
        }
        let mut tx = self.begin().await?;
        // Photos are read again under the writer: a photo is never removed, but the offer may
        // have moved since.
        let mut confirmed = None;
        for _ in 0..NUMBER_DRAWS {
            let number = ConfirmationNumber::generate(rand::rng().random::<u64>());
            match tx.appointments().confirm(&view.record.id, number.as_str(), now).await {
                Ok(true) => {
                    confirmed = Some(number);
                    break;
                }
                Ok(false) => return Err(AppError::Conflict("offer_expired")),
                Err(StoreError::Conflict) => continue,
                Err(e) => return Err(e.into()),
            }
        }
        let number = confirmed.ok_or_else(|| AppError::Internal("no free confirmation number".into()))?;
        let me = Some(&actor.user_id);
        let detail = Some(view.record.id.to_string());
        self.audit(&mut tx, ctx, me, AuditAction::AppointmentConfirmed, me, detail).await?;
        let (port, at, zone) =
            (view.record.port_code.clone(), view.record.scheduled_at, view.port_zone.name().to_string());
        let grouped = number.grouped();
        self.schedule_reminder(&mut tx, &view.record.id, at).await?;
        self.notify_account(&mut tx, &actor.user_id, |name| Message::AppointmentConfirmed {
            name,
            port,
            scheduled_at_ms: at,
            port_zone: zone,
            confirmation: grouped,
        })
        .await?;
        self.commit(tx).await?;
        self.appointment(actor, id).await
    }

    /// The account holder cancels an offer or a confirmed appointment: its places go to the
    /// next groups on the waitlist. The group may request again in a later window.
    pub async fn cancel_appointment(
        &self,
        ctx: &RequestContext,
        actor: &Actor,
        id: &str,
    ) -> Result<AppointmentView, AppError> {
        let view = self.appointment(actor, id).await?;
        let now = self.now();
        let from = view.record.status;
        if !from.holds_places() {
            return Err(AppError::Conflict("not_cancellable"));
        }
        let mut tx = self.begin().await?;
        if !tx.appointments().set_status(&view.record.id, from, AppointmentStatus::Cancelled, now).await? {
            return Err(AppError::Conflict("not_cancellable"));
        }
        self.give_back(&mut tx, &view.record, now).await?;
        let me = Some(&actor.user_id);
        self.audit(&mut tx, ctx, me, AuditAction::AppointmentCancelled, me, Some(view.record.id.to_string()))
            .await?;
        let port = view.record.port_code.clone();
        self.notify_account(&mut tx, &actor.user_id, |name| Message::AppointmentReleased {
            name,
            port,
            expired: false,
        })
        .await?;
        self.commit(tx).await?;
        self.appointment(actor, id).await
    }

    /// Expires every offer past its deadline at `now` (each in its own transaction: the place
    /// goes to the waitlist and both groups are told). Returns how many expired.
    pub async fn expire_offers(&self) -> Result<usize, AppError> {
        let now = self.now();
        let due = self.reader().await?.appointments().offers_due(now, 200).await?;
        let mut expired = 0;
        for offer in due {
            let mut tx = self.begin().await?;
            if !tx
                .appointments()
                .set_status(&offer.id, AppointmentStatus::Offered, AppointmentStatus::Expired, now)
                .await?
            {
                continue;
            }
            self.give_back(&mut tx, &offer, now).await?;
            let port = offer.port_code.clone();
            self.notify_account(&mut tx, &offer.account_id, |name| Message::AppointmentReleased {
                name,
                port,
                expired: true,
            })
            .await?;
            self.commit(tx).await?;
            expired += 1;
        }
        Ok(expired)
    }

    /// Releases an appointment's places and offers them down the port's waitlist, in `tx`.
    async fn give_back(
        &self,
        tx: &mut WriteTx,
        released: &AppointmentRecord,
        now: i64,
    ) -> Result<(), AppError> {
        let (date, port) = (released.draw_date.as_str(), released.port_code.as_str());
        tx.scheduling().release(date, port, released.places).await?;
        let published = self.publication(date).await?;
        // The place keeps its time; an offer must close before it.
        let Some(deadline) = offer_deadline(now, released.scheduled_at) else { return Ok(()) };
        loop {
            let capacity = tx.scheduling().capacity(date).await?;
            let free = capacity.iter().find(|c| c.port_code == port).map(|c| c.places - c.held).unwrap_or(0);
            if free <= 0 {
                break;
            }
            // The first group in the draw's order for this port still waiting that fits.
            let mut waiting: HashMap<String, WaitlistCandidate> =
                tx.appointment_requests().waiting_at_port(date, port, free).await?.into_iter().collect();
            let next = published
                .outcome
                .waitlist
                .get(port)
                .and_then(|order| order.iter().find_map(|entry| waiting.remove(entry)));
            let Some(next) = next else { break };
            let travelers = tx.appointment_requests().travelers(&next.request_id).await?;
            // Someone of this group holds a place from a later draw: never twice.
            let mut holds_one = false;
            for traveler in &travelers {
                holds_one |= tx.appointments().traveler_has_live(traveler).await?;
            }
            if holds_one {
                tx.appointment_requests()
                    .set_status(&next.request_id, RequestStatus::Requested, RequestStatus::Withdrawn, now)
                    .await?;
                continue;
            }
            if !tx.scheduling().hold(date, port, next.group_size).await? {
                break;
            }
            if !tx
                .appointment_requests()
                .set_status(&next.request_id, RequestStatus::Requested, RequestStatus::Selected, now)
                .await?
            {
                // Another re-offer took this group first (PostgreSQL runs them side by side):
                // give the hold back and look again; that group is no longer waitlisted.
                tx.scheduling().release(date, port, next.group_size).await?;
                continue;
            }
            let offer = NewAppointment {
                id: ids::appointment_id(),
                request_id: next.request_id,
                draw_date: date.to_string(),
                account_id: next.account_id,
                port_code: port.to_string(),
                places: next.group_size,
                scheduled_at: released.scheduled_at,
                selection: None,
                offered_at: now,
                offer_expires_at: deadline,
                travelers,
            };
            tx.appointments().create(&offer).await?;
            self.notify_offer(tx, &offer).await?;
        }
        Ok(())
    }
}
