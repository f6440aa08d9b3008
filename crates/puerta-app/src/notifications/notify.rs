//! Writing a notification with its cause.

use puerta_domain::ids::{EventId, NotificationId};
use puerta_domain::notifications::{Channels, Kind};
use puerta_store::WriteTx;
use puerta_store::accounts::User;
use puerta_store::notifications::NotificationRecord;

use super::Args;
use super::live::LiveEvent;
use crate::delivery::Message;
use crate::unit_of_work::{Queued, Recipient};
use crate::{App, AppError, ids};

impl App {
    /// Notifies `to` of `kind` inside `tx`: the inbox row, the email and SMS of the channels
    /// they chose for its category (`email` replaces the plain notification email when the kind
    /// has a longer one), each with the other channel to fall back to, and a live announcement.
    pub(crate) async fn notify(
        &self,
        tx: &mut WriteTx,
        to: &User,
        kind: Kind,
        args: Args,
        email: Option<Message>,
        sms: Option<Message>,
    ) -> Result<NotificationId, AppError> {
        let id = ids::notification_id();
        let now = self.now();
        let stored =
            serde_json::to_string(&args).map_err(|e| AppError::Internal(format!("notification: {e}")))?;
        tx.notifications()
            .insert(&NotificationRecord {
                id: id.clone(),
                user_id: to.id.clone(),
                kind: kind.as_str().to_string(),
                args: stored,
                created_at: now,
                read_at: None,
            })
            .await?;
        if to.is_live() {
            let chosen = self.channels_of(tx, to, kind).await?;
            let event = ids::event_id();
            self.send_notification(tx, &event, to, kind, &args, (email, sms), chosen, &id).await?;
        }
        tx.announce(&LiveEvent::Notification { user: to.id.clone(), id: id.clone() }.to_wire()).await?;
        Ok(id)
    }

    /// The channels `to` chose for `kind`'s category, narrowed to what they can receive. A
    /// critical category always leaves by one channel (email when SMS is chosen and there is
    /// no phone number).
    async fn channels_of(&self, tx: &mut WriteTx, to: &User, kind: Kind) -> Result<Channels, AppError> {
        let category = kind.category();
        let chosen = tx
            .notification_preferences()
            .find(&to.id, category.as_str())
            .await?
            .map_or(category.default_channels(), |p| Channels { email: p.email, sms: p.sms });
        let sms = chosen.sms && to.phone.is_some();
        let email = chosen.email || (category.critical() && !sms);
        Ok(Channels { email, sms })
    }

    #[allow(clippy::too_many_arguments)]
    async fn send_notification(
        &self,
        tx: &mut WriteTx,
        event: &EventId,
        to: &User,
        kind: Kind,
        args: &Args,
        (email, sms): (Option<Message>, Option<Message>),
        chosen: Channels,
        id: &NotificationId,
    ) -> Result<(), AppError> {
        let zone = to.time_zone.name().to_string();
        let plain = |sms: bool| Message::Notification {
            notification: kind.as_str().to_string(),
            args: args.clone(),
            zone: zone.clone(),
            sms,
        };
        let priority = kind.priority().rank();
        if chosen.email {
            // Falls back to SMS only when SMS is not on its way already.
            let fallback = (!chosen.sms && to.phone.is_some()).then(|| plain(true));
            let message = email.unwrap_or_else(|| plain(false));
            let recipient = Recipient { user_id: Some(&to.id), address: &to.email, language: to.language };
            let queued = Queued { priority, notification: Some(id), fallback };
            self.queue_with(tx, event, recipient, &message, queued).await?;
        }
        if chosen.sms
            && let Some(phone) = &to.phone
        {
            let fallback = (!chosen.email).then(|| plain(false));
            let recipient = Recipient { user_id: Some(&to.id), address: phone, language: to.language };
            let queued = Queued { priority, notification: Some(id), fallback };
            let message = sms.unwrap_or_else(|| plain(true));
            self.queue_with(tx, event, recipient, &message, queued).await?;
        }
        Ok(())
    }
}

/// The inbox notification an email stands for, if it is one a traveler should find in their
/// inbox (codes and account-security emails are not).
pub(crate) fn inbox_of(message: &Message) -> Option<(Kind, Args)> {
    use super::args;
    let yes = |b: bool| if b { "yes".to_string() } else { "no".to_string() };
    Some(match message {
        Message::ApplicationReceived { references, .. } => {
            (Kind::ApplicationReceived, args([("references", references.join(", "))]))
        }
        Message::CaseUpdated { reference, status, .. } => {
            (Kind::CaseUpdated, args([("reference", reference.clone()), ("status", status.clone())]))
        }
        Message::EvidenceRequested { reference, due_ms, .. } => (
            Kind::EvidenceRequested,
            args([("reference", reference.clone()), ("due_ms", due_ms.to_string())]),
        ),
        Message::CaseApproved { reference, .. } => {
            (Kind::CaseApproved, args([("reference", reference.clone())]))
        }
        Message::CaseDenied { reference, deadline_ms, .. } => (
            Kind::CaseDenied,
            args([("reference", reference.clone()), ("deadline_ms", deadline_ms.to_string())]),
        ),
        Message::AppealDecided { reference, granted, .. } => {
            (Kind::AppealDecided, args([("reference", reference.clone()), ("granted", yes(*granted))]))
        }
        Message::AppointmentOffered { port, scheduled_at_ms, port_zone, deadline_ms, .. } => (
            Kind::AppointmentOffered,
            args([
                ("port", port.clone()),
                ("scheduled_at_ms", scheduled_at_ms.to_string()),
                ("port_zone", port_zone.clone()),
                ("deadline_ms", deadline_ms.to_string()),
            ]),
        ),
        Message::AppointmentConfirmed { port, scheduled_at_ms, port_zone, confirmation, .. } => (
            Kind::AppointmentConfirmed,
            args([
                ("port", port.clone()),
                ("scheduled_at_ms", scheduled_at_ms.to_string()),
                ("port_zone", port_zone.clone()),
                ("number", confirmation.clone()),
            ]),
        ),
        Message::AppointmentReleased { port, expired, .. } => {
            (Kind::AppointmentReleased, args([("port", port.clone()), ("expired", yes(*expired))]))
        }
        Message::SchedulingChanged { .. } => (Kind::SchedulingChanged, Args::new()),
        Message::SignInNotice { at_ms, .. } => (Kind::SignIn, args([("at_ms", at_ms.to_string())])),
        _ => return None,
    })
}
