//! The port cancels a group's appointment (a closure, an emergency). Unlike a traveler's
//! cancellation, the places are not offered down the waitlist: when the port cannot receive a
//! group, it usually cannot receive another at that hour either (an administrator lowers the
//! day's places if it can). The group is told at once, in their language, and may ask again.

use puerta_domain::access::{Action, Target};
use puerta_domain::appointments::AppointmentStatus;
use puerta_domain::audit::AuditAction;
use puerta_domain::ids::AppointmentId;
use puerta_domain::notifications::Kind;

use crate::accounts::{Actor, RequestContext};
use crate::notifications::args;
use crate::{App, AppError};

impl App {
    /// Cancels an offered or confirmed appointment on the port's side (supervisors). Audited.
    pub async fn cancel_appointment_for_port(
        &self,
        ctx: &RequestContext,
        actor: &Actor,
        id: &str,
    ) -> Result<(), AppError> {
        actor.authorize(Action::CancelAppointmentForPort, Target::None)?;
        let id = AppointmentId::parse(id).map_err(|_| AppError::NotFound)?;
        let now = self.now();
        let mut tx = self.begin().await?;
        let record = tx.appointments().find(&id).await?.ok_or(AppError::NotFound)?;
        if !record.status.holds_places()
            || !tx
                .appointments()
                .set_status(&record.id, record.status, AppointmentStatus::Cancelled, now)
                .await?
        {
            return Err(AppError::Conflict("not_cancellable"));
        }
        tx.scheduling().release(&record.draw_date, &record.port_code, record.places).await?;
        let port_zone = match puerta_domain::ports::PortCode::parse(&record.port_code) {
            Ok(code) => {
                tx.ports().find(&code).await?.map(|p| p.time_zone.name().to_string()).unwrap_or_default()
            }
            Err(_) => String::new(),
        };
        let me = Some(&actor.user_id);
        self.audit(
            &mut tx,
            ctx,
            me,
            AuditAction::AppointmentCancelledByPort,
            Some(&record.account_id),
            Some(record.id.to_string()),
        )
        .await?;
        if let Some(holder) = tx.users().find(&record.account_id).await? {
            let args = args([
                ("port", record.port_code.clone()),
                ("scheduled_at_ms", record.scheduled_at.to_string()),
                ("port_zone", port_zone),
            ]);
            self.notify(&mut tx, &holder, Kind::AppointmentCancelled, args, None, None).await?;
        }
        self.commit(tx).await
    }
}
