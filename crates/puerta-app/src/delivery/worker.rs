//! The delivery worker: claims due outbox rows, renders and sends them, records the outcome.

use std::time::Duration;

use puerta_domain::delivery::{Channel, DeliveryStatus, next_attempt_delay_ms};
use puerta_store::outbox::Claimed;
use secrecy::ExposeSecret;
use tokio::sync::watch;

use super::{DeliveryError, FailureClass, Message, OutgoingEmail, OutgoingSms, Rendered};
use crate::{App, AppError};

/// Runs until `stop` turns true: then it claims nothing more, lets the sends in progress
/// finish and record their outcome, and returns.
pub async fn run_delivery_worker(app: App, mut stop: watch::Receiver<bool>) {
    let poll = Duration::from_millis(app.inner.outbox.poll_ms.max(10));
    loop {
        if *stop.borrow() {
            break;
        }
        match app.deliver_due().await {
            // A full batch: there may be more waiting.
            Ok(n) if n > 0 => continue,
            Ok(_) => {}
            Err(e) => tracing::warn!(error = %e, "outbox: claiming failed; trying again shortly"),
        }
        tokio::select! {
            () = app.inner.outbox_wake.notified() => {}
            () = tokio::time::sleep(poll) => {}
            _ = stop.changed() => {}
        }
    }
    tracing::info!("outbox: delivery worker stopped");
}

impl App {
    /// Claims one batch of due messages and sends them; answers how many were claimed.
    pub(crate) async fn deliver_due(&self) -> Result<usize, AppError> {
        // Jobs first: what they queue goes out in this same round.
        let jobs = self.run_due_jobs().await?;
        Ok(jobs + self.deliver_due_messages().await?)
    }

    async fn deliver_due_messages(&self) -> Result<usize, AppError> {
        let policy = &self.inner.outbox;
        let now = self.now();
        let mut tx = self.begin().await?;
        let claimed = tx.outbox().claim_due(now, now + policy.lease_ms, policy.batch).await?;
        // Not `self.commit`: that would wake this very worker.
        tx.commit().await?;
        let count = claimed.len();
        let mut sends = tokio::task::JoinSet::new();
        for message in claimed {
            let app = self.clone();
            sends.spawn(async move { app.deliver_one(message).await });
        }
        while let Some(done) = sends.join_next().await {
            match done {
                Ok(Ok(())) => {}
                Ok(Err(e)) => tracing::warn!(error = %e, "outbox: recording an outcome failed"),
                Err(e) => tracing::error!(error = %e, "outbox: a send task failed"),
            }
        }
        Ok(count)
    }

    async fn deliver_one(&self, message: Claimed) -> Result<(), AppError> {
        self.inner.rates.wait(message.channel).await;
        let outcome = self.send_claimed(&message).await;
        let policy = &self.inner.outbox;
        let attempts = u32::try_from(message.attempt).unwrap_or(u32::MAX);
        let now = self.now();
        let (status, next, error) = match outcome {
            Ok(()) => (DeliveryStatus::Delivered, None, None),
            Err(e) => {
                tracing::warn!(kind = e.kind, attempt = message.attempt, channel = message.channel.as_str(),
                    message_kind = %message.kind, "outbox: send failed");
                match e.class {
                    FailureClass::Temporary => {
                        let delay = next_attempt_delay_ms(
                            attempts,
                            policy.max_attempts,
                            policy.backoff_base_ms,
                            policy.backoff_cap_ms,
                        );
                        (DeliveryStatus::TemporaryFailure, delay.map(|d| now + d), Some(e.kind))
                    }
                    FailureClass::Permanent => (DeliveryStatus::PermanentFailure, None, Some(e.kind)),
                    FailureClass::Technical => (DeliveryStatus::TechnicalFailure, None, Some(e.kind)),
                }
            }
        };
        let mut tx = self.begin().await?;
        let recorded =
            tx.outbox().record_outcome(&message.id, message.attempt, status, next, error, now).await?;
        if !recorded {
            tracing::warn!(id = %message.id, "outbox: claim lost before the outcome was recorded");
            return Ok(());
        }
        // Failed for good on this channel: the same news by the other one, in the same
        // transaction as the failure (so it is sent exactly once).
        let final_failure = matches!(status, DeliveryStatus::PermanentFailure)
            || (status == DeliveryStatus::TemporaryFailure && next.is_none());
        if final_failure && message.fallback_payload.is_some() {
            self.queue_fallback(&mut tx, &message).await?;
        }
        self.commit(tx).await
    }

    /// Queues the message's fallback on the other channel, to the account's current address or
    /// number. Nothing when the account is gone or has no such address.
    async fn queue_fallback(
        &self,
        tx: &mut puerta_store::WriteTx,
        message: &Claimed,
    ) -> Result<(), AppError> {
        let (Some(sealed), Some(user_id)) = (&message.fallback_payload, &message.recipient_id) else {
            return Ok(());
        };
        let Ok(opened) = crate::security::open_with_fallback(
            &self.inner.master_key,
            self.inner.previous_master_key.as_ref(),
            &crate::unit_of_work::fallback_purpose(&message.id),
            sealed.expose_secret(),
        ) else {
            tracing::warn!(id = %message.id, "outbox: a fallback could not be opened");
            return Ok(());
        };
        let Ok(fallback) = serde_json::from_slice::<Message>(&opened.plaintext) else { return Ok(()) };
        let Some(user) = tx.users().find(user_id).await?.filter(|u| u.is_live()) else { return Ok(()) };
        let address = match fallback.channel() {
            Channel::Email => Some(user.email.clone()),
            Channel::Sms => user.phone.clone(),
        };
        let Some(address) = address else { return Ok(()) };
        let id = crate::ids::outbox_id();
        let row = puerta_store::outbox::NewMessage {
            payload: secrecy::SecretString::from(
                self.seal_message(&crate::unit_of_work::outbox_purpose(&id), &fallback)?,
            ),
            id,
            idempotency_key: format!("{}:fallback", message.idempotency_key),
            channel: fallback.channel(),
            kind: fallback.kind().to_string(),
            recipient_id: Some(user.id.clone()),
            address: secrecy::SecretString::from(address),
            language: user.language,
            created_at: self.now(),
            priority: message.priority,
            notification_id: message.notification_id.clone(),
            fallback_payload: None,
            fallback_of: Some(message.id.clone()),
        };
        tx.outbox().enqueue(&row).await?;
        Ok(())
    }

    async fn send_claimed(&self, message: &Claimed) -> Result<(), DeliveryError> {
        let opened = crate::security::open_with_fallback(
            &self.inner.master_key,
            self.inner.previous_master_key.as_ref(),
            &crate::unit_of_work::outbox_purpose(&message.id),
            message.payload.expose_secret(),
        )
        .map_err(|_| DeliveryError::technical("unreadable_message"))?;
        let body: Message = serde_json::from_slice(&opened.plaintext)
            .map_err(|_| DeliveryError::technical("unreadable_message"))?;
        // The recipient's language now, not when the message was queued.
        let language = match &message.recipient_id {
            Some(id) => self.current_language(id).await.unwrap_or(message.language),
            None => message.language,
        };
        let to = message.address.expose_secret().to_string();
        let key = message.idempotency_key.clone();
        let delivery = &self.inner.delivery;
        match (message.channel, body.render(language)) {
            (Channel::Email, Rendered::Email { subject, body }) => {
                delivery.email.send(&OutgoingEmail { to, subject, body, idempotency_key: key }).await
            }
            (Channel::Sms, Rendered::Sms { body }) => {
                delivery.sms.send(&OutgoingSms { to, body, idempotency_key: key }).await
            }
            _ => Err(DeliveryError::technical("wrong_channel")),
        }
    }

    async fn current_language(&self, id: &puerta_domain::ids::UserId) -> Option<puerta_i18n::Language> {
        let mut read = self.reader().await.ok()?;
        read.users().find(id).await.ok().flatten().filter(|u| u.deleted_at.is_none()).map(|u| u.language)
    }

    /// Runs the jobs and delivers everything due now, and waits for sends another worker has in progress: for
    /// operators' tools and tests that must see what was sent. Polls with a deadline.
    pub async fn flush_outbox(&self) -> Result<(), AppError> {
        let deadline = tokio::time::Instant::now() + Duration::from_secs(60);
        loop {
            if self.deliver_due().await? > 0 {
                continue;
            }
            // Jobs first: a job's effect (its messages) commits with its deletion, so once no
            // job is left, every message it queued is already visible to the second read.
            let jobs = self.jobs_due().await?;
            let pending = self.reader().await?.outbox().count_pending(self.now()).await?;
            if jobs == 0 && pending == 0 {
                return Ok(());
            }
            if tokio::time::Instant::now() > deadline {
                return Err(AppError::Internal("outbox: sends still in progress after 60 s".into()));
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }
}
