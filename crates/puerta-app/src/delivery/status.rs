//! What administrators see of outgoing messages: kind, channel, status, attempts, times. Never
//! an address, a body or a code.

use puerta_domain::access::{Action, Target};
use puerta_domain::delivery::{Channel, DeliveryStatus};
use puerta_domain::ids::{OutboxId, UserId};
use puerta_store::outbox::{DeliveryFilter, DeliveryRecord};

use crate::accounts::Actor;
use crate::{App, AppError};

/// One message's delivery record.
#[derive(Debug, Clone, serde::Serialize)]
pub struct DeliveryRow {
    pub id: OutboxId,
    pub channel: Channel,
    pub kind: String,
    pub recipient_id: Option<UserId>,
    pub status: DeliveryStatus,
    pub attempts: i64,
    /// Epoch ms of the next try, when one is planned.
    pub next_attempt_at: Option<i64>,
    pub last_error: Option<String>,
    pub created_at: i64,
    pub updated_at: i64,
}

impl From<DeliveryRecord> for DeliveryRow {
    fn from(r: DeliveryRecord) -> Self {
        Self {
            id: r.id,
            channel: r.channel,
            kind: r.kind,
            recipient_id: r.recipient_id,
            status: r.status,
            attempts: r.attempts,
            next_attempt_at: r.next_attempt_at,
            last_error: r.last_error,
            created_at: r.created_at,
            updated_at: r.updated_at,
        }
    }
}

impl DeliveryRow {
    /// The Fluent id naming the status, e.g. `delivery-status-temporary_failure`.
    pub fn status_message_id(&self) -> &'static str {
        match self.status {
            DeliveryStatus::Created => "delivery-status-created",
            DeliveryStatus::Sending => "delivery-status-sending",
            DeliveryStatus::Delivered => "delivery-status-delivered",
            DeliveryStatus::TemporaryFailure => "delivery-status-temporary_failure",
            DeliveryStatus::PermanentFailure => "delivery-status-permanent_failure",
            DeliveryStatus::TechnicalFailure => "delivery-status-technical_failure",
        }
    }

    pub fn channel_message_id(&self) -> &'static str {
        match self.channel {
            Channel::Email => "delivery-channel-email",
            Channel::Sms => "delivery-channel-sms",
        }
    }
}

/// A page of delivery records, newest first, and the cursor of the next page.
#[derive(Debug, Clone)]
pub struct DeliveryPage {
    pub rows: Vec<DeliveryRow>,
    pub next_cursor: Option<String>,
}

fn parse_cursor(cursor: &str) -> Option<(i64, OutboxId)> {
    let (at, id) = cursor.split_once('.')?;
    Some((at.parse().ok()?, OutboxId::parse(id).ok()?))
}

impl App {
    /// Delivery status of outgoing messages (administrators), optionally of one status or one
    /// recipient, `limit` per page after `cursor`.
    pub async fn list_deliveries(
        &self,
        actor: &Actor,
        status: Option<DeliveryStatus>,
        recipient: Option<&UserId>,
        cursor: Option<&str>,
        limit: i64,
    ) -> Result<DeliveryPage, AppError> {
        actor.authorize(Action::ReadDeliveryStatus, Target::None)?;
        let before = match cursor.filter(|c| !c.is_empty()) {
            Some(c) => {
                Some(parse_cursor(c).ok_or_else(|| AppError::field("cursor", "error-cursor-invalid"))?)
            }
            None => None,
        };
        let limit = limit.clamp(1, 200);
        let filter = DeliveryFilter { status, recipient_id: recipient.cloned(), before, limit: limit + 1 };
        let mut rows: Vec<DeliveryRow> =
            self.reader().await?.outbox().list(&filter).await?.into_iter().map(DeliveryRow::from).collect();
        let next_cursor = if rows.len() > usize::try_from(limit).unwrap_or(usize::MAX) {
            rows.truncate(usize::try_from(limit).unwrap_or(0));
            rows.last().map(|r| format!("{}.{}", r.created_at, r.id))
        } else {
            None
        };
        Ok(DeliveryPage { rows, next_cursor })
    }
}
