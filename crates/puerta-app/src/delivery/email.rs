use std::path::PathBuf;

use async_trait::async_trait;
use lettre::message::{Mailbox, header::ContentType};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use super::DeliveryError;

#[derive(Debug, Clone)]
pub struct OutgoingEmail {
    pub to: String,
    pub subject: String,
    pub body: String,
}

#[async_trait]
pub trait EmailSender: Send + Sync {
    async fn send(&self, email: &OutgoingEmail) -> Result<(), DeliveryError>;
}

fn build(from: &Mailbox, email: &OutgoingEmail) -> Result<Message, DeliveryError> {
    let to: Mailbox = email.to.parse().map_err(|e| DeliveryError::Email(format!("recipient: {e}")))?;
    Message::builder()
        .from(from.clone())
        .to(to)
        .subject(&email.subject)
        .header(ContentType::TEXT_PLAIN)
        .body(email.body.clone())
        .map_err(|e| DeliveryError::Email(e.to_string()))
}

/// Writes each email as an RFC 5322 `.eml` file: `<outbox>/<time>-<id>.eml`.
pub struct FileEmailSender {
    dir: PathBuf,
    from: Mailbox,
}

impl FileEmailSender {
    pub fn new(dir: PathBuf, from: &str) -> Result<Self, DeliveryError> {
        let from = from.parse().map_err(|e| DeliveryError::Email(format!("sender address: {e}")))?;
        Ok(Self { dir, from })
    }
}

#[async_trait]
impl EmailSender for FileEmailSender {
    async fn send(&self, email: &OutgoingEmail) -> Result<(), DeliveryError> {
        let message = build(&self.from, email)?;
        let name = format!(
            "{}-{}.eml",
            chrono::Utc::now().format("%Y%m%dT%H%M%S%.6fZ"),
            uuid::Uuid::new_v4().simple()
        );
        // Write then rename, so a reader never sees half a message.
        let tmp = self.dir.join(format!(".{name}.tmp"));
        tokio::fs::write(&tmp, message.formatted()).await?;
        tokio::fs::rename(&tmp, self.dir.join(name)).await?;
        Ok(())
    }
}

/// SMTP through lettre, e.g. `smtps://user:pass@mail.example.org` or `smtp://127.0.0.1:25`.
pub struct SmtpEmailSender {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl SmtpEmailSender {
    pub fn new(url: &str, from: &str) -> Result<Self, DeliveryError> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .map_err(|e| DeliveryError::Email(format!("smtp url: {e}")))?
            .build();
        let from = from.parse().map_err(|e| DeliveryError::Email(format!("sender address: {e}")))?;
        Ok(Self { transport, from })
    }
}

#[async_trait]
impl EmailSender for SmtpEmailSender {
    async fn send(&self, email: &OutgoingEmail) -> Result<(), DeliveryError> {
        let message = build(&self.from, email)?;
        self.transport.send(message).await.map_err(|e| DeliveryError::Email(e.to_string()))?;
        Ok(())
    }
}
