//! The notices appointments send, queued in the transaction of their cause.

use puerta_domain::ids::UserId;
use puerta_store::WriteTx;
use puerta_store::appointments::NewAppointment;

use crate::delivery::Message;
use crate::unit_of_work::Recipient;
use crate::{App, AppError, ids};

impl App {
    /// "You have an offer": email, and SMS too when the account holder gave a phone number.
    pub(crate) async fn notify_offer(&self, tx: &mut WriteTx, a: &NewAppointment) -> Result<(), AppError> {
        let Some(holder) = tx.users().find(&a.account_id).await? else { return Ok(()) };
        let port_zone = tx
            .ports()
            .find(&puerta_domain::ports::PortCode::parse(&a.port_code).map_err(|_| AppError::NotFound)?)
            .await?
            .map(|p| p.time_zone.name().to_string())
            .unwrap_or_default();
        let event = ids::event_id();
        let zone = holder.time_zone.name().to_string();
        let email = Message::AppointmentOffered {
            name: holder.full_name.clone(),
            port: a.port_code.clone(),
            scheduled_at_ms: a.scheduled_at,
            port_zone,
            deadline_ms: a.offer_expires_at,
            zone: zone.clone(),
        };
        let to = Recipient { user_id: Some(&holder.id), address: &holder.email, language: holder.language };
        self.queue(tx, &event, to, &email).await?;
        if let Some(phone) = &holder.phone {
            let sms = Message::AppointmentOfferedSms {
                port: a.port_code.clone(),
                deadline_ms: a.offer_expires_at,
                zone,
            };
            let to = Recipient { user_id: Some(&holder.id), address: phone, language: holder.language };
            self.queue(tx, &event, to, &sms).await?;
        }
        Ok(())
    }

    /// One email to the account holder, made from their name.
    pub(crate) async fn notify_account(
        &self,
        tx: &mut WriteTx,
        account: &UserId,
        message: impl FnOnce(String) -> Message,
    ) -> Result<(), AppError> {
        if let Some(holder) = tx.users().find(account).await? {
            let to =
                Recipient { user_id: Some(&holder.id), address: &holder.email, language: holder.language };
            let message = message(holder.full_name.clone());
            self.queue(tx, &ids::event_id(), to, &message).await?;
        }
        Ok(())
    }
}
