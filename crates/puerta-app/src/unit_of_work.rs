//! How use cases reach the store: one write transaction per use case, read handles for reads,
//! and the audit and outbox rows that travel inside the transaction.

use puerta_domain::audit::{AuditAction, NewAuditEntry};
use puerta_domain::ids::{EventId, UserId};
use puerta_i18n::Language;
use puerta_store::outbox::NewMessage;
use puerta_store::{ReadTx, WriteTx};
use secrecy::SecretString;

use crate::accounts::RequestContext;
use crate::delivery::Message;
use crate::{App, AppError, ids};

/// Who a message goes to: the account (whose language is used at delivery time) and the
/// address or number to send to.
pub(crate) struct Recipient<'a> {
    pub user_id: Option<&'a UserId>,
    pub address: &'a str,
    pub language: Language,
}

/// How a queued message travels: its priority (0 first), the notification it carries, and what
/// to send on the other channel if this one fails for good.
pub(crate) struct Queued<'a> {
    pub priority: i64,
    pub notification: Option<&'a puerta_domain::ids::NotificationId>,
    pub fallback: Option<Message>,
}

impl App {
    /// Opens the use case's one write transaction.
    pub(crate) async fn begin(&self) -> Result<WriteTx, AppError> {
        Ok(self.inner.store.write().await?)
    }

    /// A read handle (never the writer).
    pub(crate) async fn reader(&self) -> Result<ReadTx, AppError> {
        Ok(self.inner.store.read().await?)
    }

    /// Commits the transaction, then wakes the delivery worker for what it queued.
    pub(crate) async fn commit(&self, tx: WriteTx) -> Result<(), AppError> {
        tx.commit().await?;
        self.inner.outbox_wake.notify_one();
        Ok(())
    }

    /// Appends an audit row inside `tx`. `detail` must hold no personal data (ids, role names).
    pub(crate) async fn audit(
        &self,
        tx: &mut WriteTx,
        ctx: &RequestContext,
        actor: Option<&UserId>,
        action: AuditAction,
        target: Option<&UserId>,
        detail: Option<String>,
    ) -> Result<(), AppError> {
        let entry = NewAuditEntry {
            at_ms: self.now(),
            actor_id: actor.cloned(),
            action,
            target_id: target.cloned(),
            ip: ctx.ip.clone(),
            // Bounded: a user agent is attacker-controlled text.
            user_agent: ctx.user_agent.as_ref().map(|ua| ua.chars().take(256).collect()),
            detail,
        };
        tx.append_audit(&entry).await?;
        Ok(())
    }

    /// Queues `message` for `to` inside `tx`. It is delivered after the commit, by the worker,
    /// rendered in the recipient's language then; `event` and the channel make its idempotency
    /// key, so one event never sends one channel twice.
    pub(crate) async fn queue(
        &self,
        tx: &mut WriteTx,
        event: &EventId,
        to: Recipient<'_>,
        message: &Message,
    ) -> Result<(), AppError> {
        let urgent = Queued { priority: 0, notification: None, fallback: None };
        self.queue_with(tx, event, to, message, urgent).await
    }

    /// [`Self::queue`] with a priority, the notification carried and a fallback.
    pub(crate) async fn queue_with(
        &self,
        tx: &mut WriteTx,
        event: &EventId,
        to: Recipient<'_>,
        message: &Message,
        how: Queued<'_>,
    ) -> Result<(), AppError> {
        let channel = message.channel();
        let id = ids::outbox_id();
        // Sealed: until it is sent, the row holds a code or a sign-in link.
        let payload = self.seal_message(&outbox_purpose(&id), message)?;
        let fallback_payload = match &how.fallback {
            Some(m) => Some(SecretString::from(self.seal_message(&fallback_purpose(&id), m)?)),
            None => None,
        };
        let row = NewMessage {
            id,
            idempotency_key: format!("{event}:{}", channel.as_str()),
            channel,
            kind: message.kind().to_string(),
            recipient_id: to.user_id.cloned(),
            address: SecretString::from(to.address.to_string()),
            language: to.language,
            payload: SecretString::from(payload),
            created_at: self.now(),
            priority: how.priority,
            notification_id: how.notification.cloned(),
            fallback_payload,
            fallback_of: None,
        };
        tx.outbox().enqueue(&row).await?;
        Ok(())
    }

    pub(crate) fn seal_message(&self, purpose: &str, message: &Message) -> Result<String, AppError> {
        let plain =
            serde_json::to_string(message).map_err(|e| AppError::Internal(format!("message: {e}")))?;
        self.inner
            .master_key
            .seal(purpose, plain.as_bytes())
            .map_err(|e| AppError::Internal(format!("sealing a message: {e}")))
    }
}

/// A message's fallback is sealed to its row too, under another purpose.
pub(crate) fn fallback_purpose(id: &puerta_domain::ids::OutboxId) -> String {
    format!("outbox_fallback:{id}")
}

/// Sealed message bodies are bound to their row.
pub(crate) fn outbox_purpose(id: &puerta_domain::ids::OutboxId) -> String {
    format!("outbox_payload:{id}")
}
