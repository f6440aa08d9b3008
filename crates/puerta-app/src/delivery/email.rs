use std::path::PathBuf;

use async_trait::async_trait;
use lettre::message::header::{ContentTransferEncoding, ContentType};
use lettre::message::{Body, Mailbox};
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
        .body(eight_bit(&email.body)?)
        .map_err(|e| DeliveryError::Email(e.to_string()))
}

/// The body as UTF-8 `8bit` with CRLF line ends. 8bit keeps the text readable in the file and
/// codes and links whole (quoted-printable may break a line inside a code; base64 hides it).
/// lettre's own check also wants lines under 78 bytes, a recommendation; the rule (RFC 5322
/// section 2.1.1) is 998, which we enforce here.
fn eight_bit(text: &str) -> Result<Body, DeliveryError> {
    let crlf = text.replace("\r\n", "\n").replace('\n', "\r\n");
    if crlf.split("\r\n").any(|line| line.len() > 998) || crlf.contains('\0') {
        return Err(DeliveryError::Email("a line is longer than 998 bytes".into()));
    }
    Ok(Body::dangerous_pre_encoded(crlf.into_bytes(), ContentTransferEncoding::EightBit))
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
