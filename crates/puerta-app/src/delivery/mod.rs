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
    /// Send over the network in the background, so a slow SMTP server or SMS provider neither
    /// delays the answer nor lets its timing reveal whether an address has an account. The
    /// outbox files are written before the answer (fast, and what tests and operators read).
    pub background: bool,
}

impl DeliveryError {
    /// What failed, without the provider's reply (which can echo the recipient).
    fn kind(&self) -> &'static str {
        match self {
            Self::Io(_) => "outbox",
            Self::Email(_) => "email",
            Self::Sms(_) => "sms",
        }
    }
}

impl Delivery {
    /// Everything into `<outbox>/`: the default, and what tests read.
    pub fn outbox(dir: PathBuf, from: &str) -> Result<Self, DeliveryError> {
        std::fs::create_dir_all(&dir)?;
        Ok(Self {
            email: Arc::new(FileEmailSender::new(dir.clone(), from)?),
            sms: Arc::new(FileSmsSender::new(dir)),
            background: false,
        })
    }

    /// Sends and logs a failure without its content; a message that cannot be delivered must
    /// not undo the action that caused it (the notification system will retry).
    pub async fn send_email(&self, message: OutgoingEmail) {
        let sender = self.email.clone();
        let send = async move {
            if let Err(e) = sender.send(&message).await {
                tracing::error!(kind = e.kind(), "email delivery failed");
            }
        };
        if self.background {
            tokio::spawn(send);
        } else {
            send.await;
        }
    }

    pub async fn send_sms(&self, message: OutgoingSms) {
        let sender = self.sms.clone();
        let send = async move {
            if let Err(e) = sender.send(&message).await {
                tracing::error!(kind = e.kind(), "sms delivery failed");
            }
        };
        if self.background {
            tokio::spawn(send);
        } else {
            send.await;
        }
    }
}
