use crate::security::sha256_hex;
use crate::{App, AppError};

impl App {
    /// Counts one event against `limit` per window; over the limit answers `Throttled` with the
    /// seconds until the window ends. Keys are hashed: the table holds no email or address.
    pub(crate) async fn throttle(
        &self,
        kind: &str,
        subject: &str,
        limit: i64,
        window_secs: i64,
    ) -> Result<(), AppError> {
        let (key, start, retry) = self.window(kind, subject, window_secs);
        let count = self.store().throttle_hit(&key, start).await?;
        if count > limit { Err(AppError::Throttled { retry_after_secs: retry }) } else { Ok(()) }
    }

    /// Like [`Self::throttle`] but does not count: for limits on failures, checked before trying.
    pub(crate) async fn throttle_check(
        &self,
        kind: &str,
        subject: &str,
        limit: i64,
        window_secs: i64,
    ) -> Result<(), AppError> {
        let (key, start, retry) = self.window(kind, subject, window_secs);
        let count = self.store().throttle_count(&key, start).await?;
        if count >= limit { Err(AppError::Throttled { retry_after_secs: retry }) } else { Ok(()) }
    }

    pub(crate) async fn throttle_record(
        &self,
        kind: &str,
        subject: &str,
        window_secs: i64,
    ) -> Result<(), AppError> {
        let (key, start, _) = self.window(kind, subject, window_secs);
        self.store().throttle_hit(&key, start).await?;
        Ok(())
    }

    /// Deletes counters of windows that ended over a day ago; run periodically.
    pub async fn purge_throttles(&self) -> Result<u64, AppError> {
        Ok(self.store().purge_throttles(self.now() - 24 * 3600 * 1000).await?)
    }

    fn window(&self, kind: &str, subject: &str, window_secs: i64) -> (String, i64, u64) {
        let now = self.now();
        let window_ms = window_secs.max(1) * 1000;
        let start = now - now.rem_euclid(window_ms);
        let retry_ms = start + window_ms - now;
        let retry = u64::try_from((retry_ms + 999) / 1000).unwrap_or(1).max(1);
        (sha256_hex(&format!("{kind}\u{1f}{window_secs}\u{1f}{subject}")), start, retry)
    }
}
