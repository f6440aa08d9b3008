//! Outgoing messages, real and inspectable. Email: RFC 5322 `.eml` files in the outbox folder by
//! default, SMTP (lettre) when configured. SMS: text files in the outbox by default, or an HTTP
//! webhook. Messages are composed in the recipient's language before they get here.
//! The notification system will build retries and delivery statuses on these senders.

mod email;
mod sms;

use std::path::PathBuf;
use std::sync::Arc;

pub use email::{EmailSender, FileEmailSender, OutgoingEmail, SmtpEmailSender};
pub use sms::{FileSmsSender, OutgoingSms, SmsSender, WebhookSmsSender};

/// Errors are for operators' logs: they never hold the message body.
#[derive(Debug, thiserror::Error)]
pub enum DeliveryError {
    #[error("cannot write to the outbox: {0}")]
    Io(#[from] std::io::Error),
    #[error("email could not be built or sent: {0}")]
    Email(String),
    #[error("sms webhook failed: {0}")]
    Sms(String),
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

    /// Sends and logs a failure without its content; a message that cannot be delivered must
    /// not undo the action that caused it (the notification system will retry).
    pub async fn send_email(&self, message: OutgoingEmail) {
        if let Err(e) = self.email.send(&message).await {
            tracing::error!(error = %e, "email delivery failed");
        }
    }

    pub async fn send_sms(&self, message: OutgoingSms) {
        if let Err(e) = self.sms.send(&message).await {
            tracing::error!(error = %e, "sms delivery failed");
        }
    }
}
