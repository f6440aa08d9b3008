//! Outgoing messages through the transactional outbox. A use case queues a typed [`Message`]
//! in its own transaction; the [`worker`](run_delivery_worker) claims due rows, renders them in
//! the recipient's language, sends them and records `delivered`, a retry after a temporary
//! failure (exponential backoff with a cap), or a final permanent or technical failure.
//!
//! Senders: email as RFC 5322 `.eml` files in the outbox folder by default, or SMTP (lettre);
//! SMS as text files in the outbox, or an HTTP webhook. Each send carries the row's idempotency
//! key (the SMTP `Message-ID`, the webhook's `Idempotency-Key` header, the outbox file's name),
//! so a retry after a lost answer is recognisable as the same message.

mod email;
mod message;
mod sms;
mod status;
mod worker;

use std::path::PathBuf;
use std::sync::Arc;

pub use email::{EmailSender, FileEmailSender, OutgoingEmail, SmtpEmailSender};
pub use message::{Message, Rendered};
pub use puerta_domain::delivery::DeliveryRecord;
pub use sms::{FileSmsSender, OutgoingSms, SmsSender, WebhookSmsSender};
pub use status::DeliveryPage;
pub use worker::run_delivery_worker;

/// How a send failed, which decides what happens next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FailureClass {
    /// Try again later (provider down or busy, connection refused, time-out).
    Temporary,
    /// Never try again (the provider refused the address or number).
    Permanent,
    /// Our side is wrong (a setting, a message that cannot be built).
    Technical,
}

/// A failed send. `kind` is a short stable word for logs and the status list; it never holds
/// the provider's reply (which can echo the recipient) or the message.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{kind} ({class:?})")]
pub struct DeliveryError {
    pub class: FailureClass,
    pub kind: &'static str,
}

impl DeliveryError {
    pub fn temporary(kind: &'static str) -> Self {
        Self { class: FailureClass::Temporary, kind }
    }

    pub fn permanent(kind: &'static str) -> Self {
        Self { class: FailureClass::Permanent, kind }
    }

    pub fn technical(kind: &'static str) -> Self {
        Self { class: FailureClass::Technical, kind }
    }
}

impl From<std::io::Error> for DeliveryError {
    fn from(_: std::io::Error) -> Self {
        Self::temporary("outbox_write")
    }
}

/// One token bucket per channel, so a notice to a million people never floods a provider. The
/// worker takes messages in priority order, so codes and deadlines get the tokens first.
pub(crate) struct RateLimits {
    email: governor::DefaultDirectRateLimiter,
    sms: governor::DefaultDirectRateLimiter,
}

impl RateLimits {
    pub(crate) fn new(policy: &OutboxPolicy) -> Self {
        let quota = |n: u32| {
            governor::Quota::per_second(
                std::num::NonZeroU32::new(n.max(1)).unwrap_or(std::num::NonZeroU32::MIN),
            )
        };
        Self {
            email: governor::RateLimiter::direct(quota(policy.email_per_second)),
            sms: governor::RateLimiter::direct(quota(policy.sms_per_second)),
        }
    }

    /// Waits for a token of `channel`'s bucket.
    pub(crate) async fn wait(&self, channel: puerta_domain::delivery::Channel) {
        match channel {
            puerta_domain::delivery::Channel::Email => self.email.until_ready().await,
            puerta_domain::delivery::Channel::Sms => self.sms.until_ready().await,
        }
    }
}

/// The configured senders.
#[derive(Clone)]
pub struct Delivery {
    pub email: Arc<dyn EmailSender>,
    pub sms: Arc<dyn SmsSender>,
}

impl Delivery {
    /// Everything into `<outbox>/`: the default, and what tests read.
    pub fn outbox(dir: PathBuf, from: &str) -> Result<Self, DeliveryError> {
        std::fs::create_dir_all(&dir)?;
        Ok(Self {
            email: Arc::new(FileEmailSender::new(dir.clone(), from)?),
            sms: Arc::new(FileSmsSender::new(dir)),
        })
    }
}

/// The delivery worker's schedule.
#[derive(Debug, Clone)]
pub struct OutboxPolicy {
    /// Rows claimed at a time.
    pub batch: i64,
    /// How long a claim holds before another worker may take the row (a worker that died).
    pub lease_ms: i64,
    /// Tries before a temporary failure is final.
    pub max_attempts: u32,
    pub backoff_base_ms: i64,
    pub backoff_cap_ms: i64,
    /// The longest the worker sleeps without being woken (retries come due; other instances'
    /// rows on PostgreSQL).
    pub poll_ms: u64,
    /// Emails this instance hands to the provider per second at most (a token bucket: bursts
    /// up to this many, then this rate).
    pub email_per_second: u32,
    /// SMS per second at most.
    pub sms_per_second: u32,
}

impl Default for OutboxPolicy {
    fn default() -> Self {
        Self {
            batch: 20,
            lease_ms: 120_000,
            max_attempts: 10,
            backoff_base_ms: 5_000,
            backoff_cap_ms: 3_600_000,
            poll_ms: 2_000,
            email_per_second: 50,
            sms_per_second: 10,
        }
    }
}
