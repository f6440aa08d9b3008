//! What administrators see of outgoing messages: kind, channel, status, attempts, times. Never
//! an address, a body or a code.

use puerta_domain::access::{Action, Target};
use puerta_domain::delivery::{DeliveryRecord, DeliveryStatus};
use puerta_domain::ids::{OutboxId, UserId};
use puerta_store::outbox::DeliveryFilter;

use crate::accounts::Actor;
use crate::{App, AppError};

/// A page of delivery records, newest first, and the cursor of the next page.
#[derive(Debug, Clone)]
pub struct DeliveryPage {
    pub rows: Vec<DeliveryRecord>,
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
        let mut rows = self.reader().await?.outbox().list(&filter).await?;
        let next_cursor = if rows.len() > usize::try_from(limit).unwrap_or(usize::MAX) {
            rows.truncate(usize::try_from(limit).unwrap_or(0));
            rows.last().map(|r| format!("{}.{}", r.created_at, r.id))
        } else {
            None
        };
        Ok(DeliveryPage { rows, next_cursor })
    }
}
