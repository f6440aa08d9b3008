//! Reminders that fall due later: queued as jobs with their cause (the offer, the confirmation),
//! they check when they run that they still apply.

use puerta_domain::appointments::AppointmentStatus;
use puerta_domain::ids::AppointmentId;
use puerta_domain::notifications::Kind;
use puerta_store::WriteTx;
use puerta_store::appointments::AppointmentRecord;

use super::args;
use crate::jobs::Job;
use crate::{App, AppError};

/// How long before an offer lapses its holder is warned.
pub(crate) const OFFER_WARNING_MS: i64 = 3 * 3_600_000;
/// How long before an appointment its holder is reminded.
pub(crate) const REMINDER_MS: i64 = 24 * 3_600_000;

impl App {
    /// Queues the "3 hours left" warning for a new offer (when there is that long left).
    pub(crate) async fn schedule_offer_warning(
        &self,
        tx: &mut WriteTx,
        appointment: &AppointmentId,
        expires_at: i64,
    ) -> Result<(), AppError> {
        let at = expires_at - OFFER_WARNING_MS;
        if at > self.now() {
            self.queue_job_at(tx, &Job::OfferExpiring { appointment: appointment.to_string() }, at).await?;
        }
        Ok(())
    }

    /// Queues the day-before reminder for a confirmed appointment.
    pub(crate) async fn schedule_reminder(
        &self,
        tx: &mut WriteTx,
        appointment: &AppointmentId,
        scheduled_at: i64,
    ) -> Result<(), AppError> {
        let at = (scheduled_at - REMINDER_MS).max(self.now());
        if scheduled_at > self.now() {
            self.queue_job_at(tx, &Job::AppointmentReminder { appointment: appointment.to_string() }, at)
                .await?;
        }
        Ok(())
    }

    async fn appointment_for_reminder(
        &self,
        tx: &mut WriteTx,
        id: &str,
        status: AppointmentStatus,
    ) -> Result<Option<(AppointmentRecord, puerta_store::accounts::User, String)>, AppError> {
        let Ok(id) = AppointmentId::parse(id) else { return Ok(None) };
        let Some(record) = tx.appointments().find(&id).await? else { return Ok(None) };
        if record.status != status {
            return Ok(None);
        }
        let Some(holder) = tx.users().find(&record.account_id).await? else { return Ok(None) };
        let zone = match puerta_domain::ports::PortCode::parse(&record.port_code) {
            Ok(code) => {
                tx.ports().find(&code).await?.map(|p| p.time_zone.name().to_string()).unwrap_or_default()
            }
            Err(_) => String::new(),
        };
        Ok(Some((record, holder, zone)))
    }

    pub(crate) async fn remind_offer_expiring(&self, tx: &mut WriteTx, id: &str) -> Result<(), AppError> {
        let Some((a, holder, port_zone)) =
            self.appointment_for_reminder(tx, id, AppointmentStatus::Offered).await?
        else {
            return Ok(());
        };
        if a.offer_expires_at <= self.now() {
            return Ok(());
        }
        let args = args([
            ("port", a.port_code.clone()),
            ("deadline_ms", a.offer_expires_at.to_string()),
            ("scheduled_at_ms", a.scheduled_at.to_string()),
            ("port_zone", port_zone),
        ]);
        self.notify(tx, &holder, Kind::OfferExpiring, args, None, None).await?;
        Ok(())
    }

    pub(crate) async fn remind_appointment(&self, tx: &mut WriteTx, id: &str) -> Result<(), AppError> {
        let Some((a, holder, port_zone)) =
            self.appointment_for_reminder(tx, id, AppointmentStatus::Confirmed).await?
        else {
            return Ok(());
        };
        let args = args([
            ("port", a.port_code.clone()),
            ("scheduled_at_ms", a.scheduled_at.to_string()),
            ("port_zone", port_zone),
            ("number", a.confirmation_number.clone().unwrap_or_default()),
        ]);
        self.notify(tx, &holder, Kind::AppointmentReminder, args, None, None).await?;
        Ok(())
    }
}
