//! The port's day: officers see the confirmed groups and record who arrived; an arrival moves
//! that traveler's case to `in_review` and links the appointment to it; a group nobody of which
//! came is a no-show and may request again. Partners ask whether a confirmation number is real.

use chrono::{Duration, NaiveDate, TimeZone};
use puerta_domain::access::{Action, Target};
use puerta_domain::accounts::Role;
use puerta_domain::appointments::{AppointmentStatus, ConfirmationNumber};
use puerta_domain::audit::AuditAction;
use puerta_domain::cases::{Attempt, CaseCommand, CaseStatus, Party, apply};
use puerta_domain::ids::TravelerId;
use puerta_domain::ports::PortCode;
use puerta_store::appointments::AppointmentRecord;

use super::parse_date;
use crate::accounts::{Actor, RequestContext};
use crate::{App, AppError};

/// One traveler of a group at the port.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PortDayTraveler {
    pub traveler_id: TravelerId,
    pub given_name: String,
    pub family_name: String,
    pub date_of_birth: String,
    pub arrival: Option<String>,
    pub case_reference: Option<String>,
}

/// A confirmed group on the port's day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PortDayGroup {
    pub appointment: AppointmentRecord,
    pub travelers: Vec<PortDayTraveler>,
}

/// What a check-in did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckInResult {
    pub status: AppointmentStatus,
    pub arrived: Vec<TravelerId>,
    /// The cases now in review.
    pub cases_in_review: Vec<String>,
}

/// Partners may ask this many times an hour.
const VALIDATIONS_PER_HOUR: i64 = 120;

impl App {
    /// An officer's list of one port's day (in the port's zone): every confirmed, checked-in and
    /// no-show group with its travelers. Audited.
    pub async fn port_day(
        &self,
        ctx: &RequestContext,
        actor: &Actor,
        port: &str,
        date: &str,
    ) -> Result<Vec<PortDayGroup>, AppError> {
        actor.authorize(Action::CheckInAppointment, Target::None)?;
        let code = PortCode::parse(port.trim()).map_err(|_| AppError::NotFound)?;
        let day = parse_date("date", date)?;
        let mut read = self.reader().await?;
        let port = read.ports().find(&code).await?.ok_or(AppError::NotFound)?;
        let (from, to) = day_bounds(port.time_zone, day);
        let mut groups = Vec::new();
        for appointment in read.appointments().for_port_day(code.as_str(), from, to).await? {
            let travelers = self.port_day_travelers(&mut read, &appointment).await?;
            groups.push(PortDayGroup { appointment, travelers });
        }
        drop(read);
        let mut tx = self.begin().await?;
        let detail = Some(format!("{} {}", code.as_str(), day.format("%Y-%m-%d")));
        self.audit(&mut tx, ctx, Some(&actor.user_id), AuditAction::PortDayReadByStaff, None, detail).await?;
        self.commit(tx).await?;
        Ok(groups)
    }

    async fn port_day_travelers(
        &self,
        read: &mut puerta_store::ReadTx,
        appointment: &AppointmentRecord,
    ) -> Result<Vec<PortDayTraveler>, AppError> {
        let mut travelers = Vec::new();
        for t in read.appointments().travelers(&appointment.id).await? {
            let profile = read.travelers().find(&t.traveler_id).await?;
            let case = read.cases().open_for_traveler(&t.traveler_id).await?;
            travelers.push(PortDayTraveler {
                given_name: profile.as_ref().map(|p| p.given_name.clone()).unwrap_or_default(),
                family_name: profile.as_ref().map(|p| p.family_name.clone()).unwrap_or_default(),
                date_of_birth: profile.map(|p| p.date_of_birth).unwrap_or_default(),
                traveler_id: t.traveler_id,
                arrival: t.arrival,
                case_reference: case.map(|c| c.reference_number.grouped()),
            });
        }
        Ok(travelers)
    }

    /// An officer finds a group by its confirmation number and one traveler's date of birth
    /// (as at the port's door), to record who arrived. Audited as a staff read.
    pub async fn group_for_check_in(
        &self,
        ctx: &RequestContext,
        actor: &Actor,
        confirmation_number: &str,
        date_of_birth: &str,
    ) -> Result<PortDayGroup, AppError> {
        actor.authorize(Action::CheckInAppointment, Target::None)?;
        let number = ConfirmationNumber::parse(confirmation_number)
            .map_err(|e| AppError::field("confirmation_number", e.message_id()))?;
        let dob = parse_date("date_of_birth", date_of_birth)?.format("%Y-%m-%d").to_string();
        let mut read = self.reader().await?;
        let appointment =
            read.appointments().find_by_confirmation(number.as_str()).await?.ok_or(AppError::NotFound)?;
        let travelers = self.port_day_travelers(&mut read, &appointment).await?;
        drop(read);
        if !travelers.iter().any(|t| t.date_of_birth == dob) {
            return Err(AppError::field("date_of_birth", "appointment-error-birth-mismatch"));
        }
        let mut tx = self.begin().await?;
        let detail = Some(appointment.id.to_string());
        self.audit(
            &mut tx,
            ctx,
            Some(&actor.user_id),
            AuditAction::PortDayReadByStaff,
            Some(&appointment.account_id),
            detail,
        )
        .await?;
        self.commit(tx).await?;
        Ok(PortDayGroup { appointment, travelers })
    }

    /// An officer records a group's arrival by its confirmation number (and, when given, the
    /// date of birth of one of them, as on the page): each listed traveler arrived, the others
    /// did not. Every arrival moves that traveler's case to `in_review`; nobody arriving makes
    /// the appointment a no-show. One transaction with its case events and audit row.
    pub async fn check_in(
        &self,
        ctx: &RequestContext,
        actor: &Actor,
        confirmation_number: &str,
        arrived: &[String],
        date_of_birth: Option<&str>,
    ) -> Result<CheckInResult, AppError> {
        actor.authorize(Action::CheckInAppointment, Target::None)?;
        let number = ConfirmationNumber::parse(confirmation_number)
            .map_err(|e| AppError::field("confirmation_number", e.message_id()))?;
        let now = self.now();
        let mut tx = self.begin().await?;
        let appointment =
            tx.appointments().find_by_confirmation(number.as_str()).await?.ok_or(AppError::NotFound)?;
        match appointment.status {
            AppointmentStatus::Confirmed => {}
            AppointmentStatus::CheckedIn | AppointmentStatus::NoShow => {
                return Err(AppError::Conflict("already_checked_in"));
            }
            _ => return Err(AppError::NotFound),
        }
        let members = tx.appointments().travelers(&appointment.id).await?;
        let mut profiles = Vec::new();
        for m in &members {
            profiles.push(tx.travelers().find(&m.traveler_id).await?.ok_or(AppError::NotFound)?);
        }
        if let Some(dob) = date_of_birth.map(str::trim).filter(|d| !d.is_empty()) {
            let dob = parse_date("date_of_birth", dob)?.format("%Y-%m-%d").to_string();
            if !profiles.iter().any(|p| p.date_of_birth == dob) {
                return Err(AppError::field("date_of_birth", "appointment-error-birth-mismatch"));
            }
        }
        let mut came = Vec::new();
        for id in arrived {
            let id = TravelerId::parse(id.trim())
                .map_err(|_| AppError::field("arrived_traveler_ids", "error-traveler-unknown"))?;
            if !members.iter().any(|m| m.traveler_id == id) {
                return Err(AppError::field("arrived_traveler_ids", "error-traveler-unknown"));
            }
            if !came.contains(&id) {
                came.push(id);
            }
        }
        let status = if came.is_empty() { AppointmentStatus::NoShow } else { AppointmentStatus::CheckedIn };
        if !tx.appointments().set_status(&appointment.id, AppointmentStatus::Confirmed, status, now).await? {
            return Err(AppError::Conflict("already_checked_in"));
        }
        let party = if actor.role == Role::Supervisor { Party::Supervisor } else { Party::Officer };
        let mut in_review = Vec::new();
        for m in &members {
            let arrived = came.contains(&m.traveler_id);
            let case = if arrived { tx.cases().open_for_traveler(&m.traveler_id).await? } else { None };
            if let Some(case) = &case
                && case.status == CaseStatus::Received
            {
                let transition = apply(case.status, CaseCommand::StartReview, Attempt::by(party))
                    .map_err(|_| AppError::Conflict("illegal_transition"))?;
                self.record(&mut tx, actor, case, transition, now).await?;
                in_review.push(case.reference_number.grouped());
            }
            tx.appointments()
                .set_arrival(&appointment.id, &m.traveler_id, arrived, case.as_ref().map(|c| &c.id))
                .await?;
        }
        let detail = Some(format!("{} {}/{}", appointment.id, came.len(), members.len()));
        self.audit(
            &mut tx,
            ctx,
            Some(&actor.user_id),
            AuditAction::AppointmentCheckedIn,
            Some(&appointment.account_id),
            detail,
        )
        .await?;
        self.commit(tx).await?;
        Ok(CheckInResult { status, arrived: came, cases_in_review: in_review })
    }

    /// A partner asks whether `confirmation_number` is a confirmed appointment of someone born
    /// on `date_of_birth`: yes or no, nothing else. Throttled per partner; every ask audited.
    pub async fn validate_appointment(
        &self,
        ctx: &RequestContext,
        actor: &Actor,
        confirmation_number: &str,
        date_of_birth: &str,
    ) -> Result<bool, AppError> {
        actor.authorize(Action::ValidateAppointment, Target::None)?;
        self.throttle("appointment_validation", actor.user_id.as_str(), VALIDATIONS_PER_HOUR, 3600).await?;
        let valid = match (
            ConfirmationNumber::parse(confirmation_number),
            parse_date("date_of_birth", date_of_birth),
        ) {
            (Ok(number), Ok(dob)) => {
                let dob = dob.format("%Y-%m-%d").to_string();
                let mut read = self.reader().await?;
                match read.appointments().find_by_confirmation(number.as_str()).await? {
                    Some(a) if a.status == AppointmentStatus::Confirmed => {
                        let mut found = false;
                        for m in read.appointments().travelers(&a.id).await? {
                            found |= read
                                .travelers()
                                .find(&m.traveler_id)
                                .await?
                                .is_some_and(|p| p.date_of_birth == dob);
                        }
                        found
                    }
                    _ => false,
                }
            }
            _ => false,
        };
        let mut tx = self.begin().await?;
        let detail = Some(if valid { "valid" } else { "not_valid" }.to_string());
        self.audit(
            &mut tx,
            ctx,
            Some(&actor.user_id),
            AuditAction::AppointmentValidatedByPartner,
            None,
            detail,
        )
        .await?;
        self.commit(tx).await?;
        Ok(valid)
    }
}

/// [start, end) of a local day in `zone`, in epoch ms (23 or 25 hours on a change of clocks).
fn day_bounds(zone: chrono_tz::Tz, day: NaiveDate) -> (i64, i64) {
    let start = |d: NaiveDate| {
        let midnight = d.and_hms_opt(0, 0, 0).unwrap_or_default();
        (0..=180)
            .find_map(|m| zone.from_local_datetime(&(midnight + Duration::minutes(m))).earliest())
            .map(|t| t.timestamp_millis())
            .unwrap_or_else(|| midnight.and_utc().timestamp_millis())
    };
    (start(day), start(day.succ_opt().unwrap_or(day)))
}
