use std::path::PathBuf;

use async_trait::async_trait;

use super::DeliveryError;

#[derive(Debug, Clone, serde::Serialize)]
pub struct OutgoingSms {
    /// E.164, e.g. `+525512345678`.
    pub to: String,
    pub body: String,
}

#[async_trait]
pub trait SmsSender: Send + Sync {
    async fn send(&self, sms: &OutgoingSms) -> Result<(), DeliveryError>;
}

/// Writes each SMS as `<outbox>/<time>-<id>.sms.txt`: `To:` line, blank line, body.
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
        let name = format!(
            "{}-{}.sms.txt",
            chrono::Utc::now().format("%Y%m%dT%H%M%S%.6fZ"),
            uuid::Uuid::new_v4().simple()
        );
        let tmp = self.dir.join(format!(".{name}.tmp"));
        tokio::fs::write(&tmp, format!("To: {}\n\n{}\n", sms.to, sms.body)).await?;
        tokio::fs::rename(&tmp, self.dir.join(name)).await?;
        Ok(())
    }
}

/// POSTs `{"to": "+52…", "body": "…"}` as JSON to a provider's webhook (or a small adapter in
/// front of one); any 2xx is success.
pub struct WebhookSmsSender {
    client: reqwest::Client,
    url: String,
}

impl WebhookSmsSender {
    pub fn new(url: &str) -> Result<Self, DeliveryError> {
        let client = reqwest::Client::builder()
            .timeout(std::time::Duration::from_secs(10))
            .build()
            .map_err(|e| DeliveryError::Sms(e.to_string()))?;
        Ok(Self { client, url: url.to_string() })
    }
}

#[async_trait]
impl SmsSender for WebhookSmsSender {
    async fn send(&self, sms: &OutgoingSms) -> Result<(), DeliveryError> {
        let response = self
            .client
            .post(&self.url)
            .json(sms)
            .send()
            .await
            .map_err(|e| DeliveryError::Sms(e.without_url().to_string()))?;
        if response.status().is_success() {
            Ok(())
        } else {
            Err(DeliveryError::Sms(format!("webhook answered {}", response.status())))
        }
    }
}
