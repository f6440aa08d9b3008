use std::path::{Path, PathBuf};

use async_trait::async_trait;

use super::DeliveryError;

#[derive(Clone, serde::Serialize)]
pub struct OutgoingSms {
    /// E.164, e.g. `+525512345678`.
    pub to: String,
    pub body: String,
    /// The outbox row's idempotency key (sent as the webhook's `Idempotency-Key` header).
    #[serde(skip)]
    pub idempotency_key: String,
}

/// The number and the text are personal data: never in `Debug`.
impl std::fmt::Debug for OutgoingSms {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "OutgoingSms({})", self.idempotency_key)
    }
}

#[async_trait]
pub trait SmsSender: Send + Sync {
    async fn send(&self, sms: &OutgoingSms) -> Result<(), DeliveryError>;
}

/// Writes `content` as `<dir>/<time>-<key>.<ext>` unless a file for `key` exists already
/// (a retry): write then rename, so a reader never sees half a message.
pub(super) async fn write_once(
    dir: &Path,
    key: &str,
    ext: &str,
    content: Vec<u8>,
) -> Result<(), DeliveryError> {
    let key: String =
        key.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' { c } else { '_' }).collect();
    let suffix = format!("-{key}.{ext}");
    let mut entries = tokio::fs::read_dir(dir).await?;
    while let Some(entry) = entries.next_entry().await? {
        if entry.file_name().to_string_lossy().ends_with(&suffix) {
            return Ok(());
        }
    }
    let name = format!("{}{suffix}", chrono::Utc::now().format("%Y%m%dT%H%M%S%.6fZ"));
    let tmp = dir.join(format!(".{name}.tmp"));
    tokio::fs::write(&tmp, content).await?;
    tokio::fs::rename(&tmp, dir.join(name)).await?;
    Ok(())
}

/// Writes each SMS as `<outbox>/<time>-<key>.sms.txt`: `To:` line, blank line, body.
pub struct FileSmsSender {
    dir: PathBuf,
}

impl FileSmsSender {
    pub fn new(dir: PathBuf) -> Self {
        Self { dir }
    }
}

#[async_trait]
impl SmsSender for FileSmsSender {
    async fn send(&self, sms: &OutgoingSms) -> Result<(), DeliveryError> {
        let text = format!("To: {}\n\n{}\n", sms.to, sms.body);
        write_once(&self.dir, &sms.idempotency_key, "sms.txt", text.into_bytes()).await
    }
}

/// POSTs `{"to": "+52…", "body": "…"}` as JSON to a provider's webhook (or a small adapter in
/// front of one), with the idempotency key as the `Idempotency-Key` header; any 2xx is success.
pub struct WebhookSmsSender {
    client: reqwest::Client,
    url: String,
}

impl WebhookSmsSender {
    pub fn new(url: &str) -> Result<Self, DeliveryError> {
        let client = reqwest::Client::builder()
            .timeout(std::time::Duration::from_secs(10))
            .build()
            .map_err(|_| DeliveryError::technical("sms_client"))?;
        Ok(Self { client, url: url.to_string() })
    }
}

#[async_trait]
impl SmsSender for WebhookSmsSender {
    async fn send(&self, sms: &OutgoingSms) -> Result<(), DeliveryError> {
        let response = self
            .client
            .post(&self.url)
            .header("Idempotency-Key", &sms.idempotency_key)
            .json(sms)
            .send()
            .await
            .map_err(|_| DeliveryError::temporary("sms_unavailable"))?;
        let status = response.status();
        if status.is_success() {
            Ok(())
        } else if status.is_client_error() && status.as_u16() != 408 && status.as_u16() != 429 {
            Err(DeliveryError::permanent("sms_rejected"))
        } else {
            Err(DeliveryError::temporary("sms_unavailable"))
        }
    }
}
