//! The notices appointments send, written in the transaction of their cause through the one
//! notification model (inbox row, chosen channels, live announcement).

use puerta_domain::ids::UserId;
use puerta_store::WriteTx;
use puerta_store::appointments::NewAppointment;

use crate::delivery::Message;
use crate::notifications::inbox_of;
use crate::unit_of_work::Recipient;
use crate::{App, AppError, ids};

impl App {
    /// "You have an offer": inbox, email, and SMS for those who keep it on; and the warning
    /// three hours before it lapses.
    pub(crate) async fn notify_offer(&self, tx: &mut WriteTx, a: &NewAppointment) -> Result<(), AppError> {
        let Some(holder) = tx.users().find(&a.account_id).await? else { return Ok(()) };
        let port_zone = tx
            .ports()
            .find(&puerta_domain::ports::PortCode::parse(&a.port_code).map_err(|_| AppError::NotFound)?)
            .await?
            .map(|p| p.time_zone.name().to_string())
            .unwrap_or_default();
        let zone = holder.time_zone.name().to_string();
        let email = Message::AppointmentOffered {
            name: holder.full_name.clone(),
            port: a.port_code.clone(),
            scheduled_at_ms: a.scheduled_at,
            port_zone,
            deadline_ms: a.offer_expires_at,
            zone: zone.clone(),
        };
        let sms = Message::AppointmentOfferedSms {
            port: a.port_code.clone(),
            deadline_ms: a.offer_expires_at,
            zone,
        };
        if let Some((kind, args)) = inbox_of(&email) {
            self.notify(tx, &holder, kind, args, Some(email), Some(sms)).await?;
        }
        self.schedule_offer_warning(tx, &a.id, a.offer_expires_at).await
    }

    /// Tells the account holder, made from their name: through the notification model when
    /// the message is one a traveler finds in their inbox, else by email only.
    pub(crate) async fn notify_account(
        &self,
        tx: &mut WriteTx,
        account: &UserId,
        message: impl FnOnce(String) -> Message,
    ) -> Result<(), AppError> {
        if let Some(holder) = tx.users().find(account).await? {
            let message = message(holder.full_name.clone());
            match inbox_of(&message) {
                Some((kind, args)) => {
                    self.notify(tx, &holder, kind, args, Some(message), None).await?;
                }
                None => {
                    let to = Recipient {
                        user_id: Some(&holder.id),
                        address: &holder.email,
                        language: holder.language,
                    };
                    self.queue(tx, &ids::event_id(), to, &message).await?;
                }
            }
        }
        Ok(())
    }
}
