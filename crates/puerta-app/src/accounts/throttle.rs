use crate::security::sha256_hex;

/// An attempt counted in advance (see [`App::reserve`]).
#[must_use = "refund the attempt when it is not a failure"]
pub(crate) struct Reserved {
    key: String,
    start: i64,
}
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

    /// Reserves one attempt against `limit` *before* the attempt is checked, so parallel requests
    /// cannot all pass a check-then-record gap. Give it back with [`Self::refund`] when the
    /// attempt turns out not to be a failure.
    pub(crate) async fn reserve(
        &self,
        kind: &str,
        subject: &str,
        limit: i64,
        window_secs: i64,
    ) -> Result<Reserved, AppError> {
        let (key, start, retry) = self.window(kind, subject, window_secs);
        let count = self.store().throttle_hit(&key, start).await?;
        if count > limit {
            self.store().throttle_release(&key, start).await?;
            return Err(AppError::Throttled { retry_after_secs: retry });
        }
        Ok(Reserved { key, start })
    }

    pub(crate) async fn refund(&self, reserved: Reserved) -> Result<(), AppError> {
        Ok(self.store().throttle_release(&reserved.key, reserved.start).await?)
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
