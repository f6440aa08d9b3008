use std::path::PathBuf;

use async_trait::async_trait;
use lettre::message::header::{ContentTransferEncoding, ContentType};
use lettre::message::{Body, Mailbox};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use super::DeliveryError;

#[derive(Clone)]
pub struct OutgoingEmail {
    pub to: String,
    pub subject: String,
    pub body: String,
    /// The outbox row's idempotency key: the same on every retry of the same message.
    pub idempotency_key: String,
}

/// The recipient, subject and body may hold personal data and codes: never in `Debug`.
impl std::fmt::Debug for OutgoingEmail {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "OutgoingEmail({})", self.idempotency_key)
    }
}

#[async_trait]
pub trait EmailSender: Send + Sync {
    async fn send(&self, email: &OutgoingEmail) -> Result<(), DeliveryError>;
}

/// `<key@puerta>` with the key made safe for a header.
fn message_id(key: &str) -> String {
    let safe: String =
        key.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' { c } else { '.' }).collect();
    format!("<{safe}@puerta.invalid>")
}

fn build(from: &Mailbox, email: &OutgoingEmail) -> Result<Message, DeliveryError> {
    let to: Mailbox = email.to.parse().map_err(|_| DeliveryError::permanent("bad_recipient"))?;
    Message::builder()
        .from(from.clone())
        .to(to)
        .message_id(Some(message_id(&email.idempotency_key)))
        .subject(&email.subject)
        .header(ContentType::TEXT_PLAIN)
        .body(eight_bit(&email.body)?)
        .map_err(|_| DeliveryError::technical("email_build"))
}

/// The body as UTF-8 `8bit` with CRLF line ends. 8bit keeps the text readable in the file and
/// codes and links whole (quoted-printable may break a line inside a code; base64 hides it).
/// lettre's own check also wants lines under 78 bytes, a recommendation; the rule (RFC 5322
/// section 2.1.1) is 998, which we enforce here.
fn eight_bit(text: &str) -> Result<Body, DeliveryError> {
    let crlf = text.replace("\r\n", "\n").replace('\n', "\r\n");
    if crlf.split("\r\n").any(|line| line.len() > 998) || crlf.contains('\0') {
        return Err(DeliveryError::technical("line_too_long"));
    }
    Ok(Body::dangerous_pre_encoded(crlf.into_bytes(), ContentTransferEncoding::EightBit))
}

/// Writes each email as an RFC 5322 `.eml` file: `<outbox>/<time>-<key>.eml`. A retry of a
/// message whose file exists already writes nothing, so the folder holds each message once.
pub struct FileEmailSender {
    dir: PathBuf,
    from: Mailbox,
}

impl FileEmailSender {
    pub fn new(dir: PathBuf, from: &str) -> Result<Self, DeliveryError> {
        let from = from.parse().map_err(|_| DeliveryError::technical("sender_address"))?;
        Ok(Self { dir, from })
    }
}

#[async_trait]
impl EmailSender for FileEmailSender {
    async fn send(&self, email: &OutgoingEmail) -> Result<(), DeliveryError> {
        let message = build(&self.from, email)?;
        super::sms::write_once(&self.dir, &email.idempotency_key, "eml", message.formatted()).await
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
            .map_err(|_| DeliveryError::technical("smtp_url"))?
            .timeout(Some(std::time::Duration::from_secs(30)))
            .build();
        let from = from.parse().map_err(|_| DeliveryError::technical("sender_address"))?;
        Ok(Self { transport, from })
    }
}

#[async_trait]
impl EmailSender for SmtpEmailSender {
    async fn send(&self, email: &OutgoingEmail) -> Result<(), DeliveryError> {
        let message = build(&self.from, email)?;
        match self.transport.send(message).await {
            Ok(_) => Ok(()),
            // A 5xx reply: the server refuses this message for good (unknown mailbox…).
            Err(e) if e.is_permanent() => Err(DeliveryError::permanent("smtp_rejected")),
            // 4xx replies, refused connections, time-outs, TLS trouble: try again later.
            Err(_) => Err(DeliveryError::temporary("smtp_unavailable")),
        }
    }
}
