//! Throttles on fixed windows in the database. Each counter change commits on its own, before
//! the use case's transaction: an attempt must stay counted even when the use case then fails
//! and rolls back (a wrong password is exactly such a failure).

use super::{PressureLimit, RequestContext};
use crate::security::{proof_of_work, sha256_hex};
use crate::{App, AppError};

/// An attempt counted in advance (see [`App::reserve`]).
#[must_use = "refund the attempt when it is not a failure"]
pub struct Reserved {
    key: String,
    start: i64,
}

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
        let mut tx = self.begin().await?;
        let count = tx.throttles().hit(&key, start).await?;
        tx.commit().await?;
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
        let mut tx = self.begin().await?;
        let count = tx.throttles().hit(&key, start).await?;
        if count > limit {
            // Over the limit: this attempt is refused, so it does not count either.
            tx.throttles().release(&key, start).await?;
            tx.commit().await?;
            return Err(AppError::Throttled { retry_after_secs: retry });
        }
        tx.commit().await?;
        Ok(Reserved { key, start })
    }

    /// Gives back a reserved attempt, inside the use case's transaction (so it is given back
    /// only if the use case succeeds).
    pub(crate) async fn refund(
        &self,
        tx: &mut puerta_store::WriteTx,
        reserved: Reserved,
    ) -> Result<(), AppError> {
        Ok(tx.throttles().release(&reserved.key, reserved.start).await?)
    }

    /// Counts one request from a source address under `limit` (see [`PressureLimit`]): past
    /// the soft limit it must carry a proof of work (`ctx.proof`) worth the current load, or
    /// the answer is `ProofRequired` with a fresh challenge; past the hard limit, `Throttled`.
    /// Refund the attempt when it turns out not to count (a right password).
    pub(crate) async fn under_pressure(
        &self,
        ctx: &RequestContext,
        kind: &str,
        subject: &str,
        limit: &PressureLimit,
    ) -> Result<Reserved, AppError> {
        let (key, start, retry) = self.window(kind, subject, limit.window_secs);
        let mut tx = self.begin().await?;
        let count = tx.throttles().hit(&key, start).await?;
        let refusal = if count > limit.hard {
            Some(AppError::Throttled { retry_after_secs: retry })
        } else if count > limit.soft {
            // The work doubles each time the load doubles past the soft limit.
            let doublings = (count / limit.soft.max(1)).max(1).ilog2().min(6);
            let work = self.inner.limits.proof_base_work << doublings;
            self.check_proof(&mut tx, ctx, work).await?
        } else {
            None
        };
        if let Some(refusal) = refusal {
            // A refused request does not count: the load is what was let through.
            tx.throttles().release(&key, start).await?;
            tx.commit().await?;
            return Err(refusal);
        }
        tx.commit().await?;
        Ok(Reserved { key, start })
    }

    /// `None` when `ctx` carries an unused proof worth at least `work`; else the refusal.
    async fn check_proof(
        &self,
        tx: &mut puerta_store::WriteTx,
        ctx: &RequestContext,
        work: u64,
    ) -> Result<Option<AppError>, AppError> {
        let now_secs = self.now().div_euclid(1000);
        let verified = ctx
            .proof
            .as_deref()
            .and_then(|p| proof_of_work::verify(self.keys().ok()?, p, now_secs))
            .filter(|v| v.maxnumber >= work);
        if let Some(v) = verified {
            // Accepted once: the counter lives until the challenge's expiry has long passed.
            let used = sha256_hex(&format!("proof-used\u{1f}{}", v.challenge));
            if tx.throttles().hit(&used, v.expires_secs * 1000).await? == 1 {
                return Ok(None);
            }
        }
        let challenge = self.new_challenge(work)?;
        Ok(Some(AppError::ProofRequired { challenge: Box::new(challenge) }))
    }

    /// A fresh challenge worth `work`, valid for 10 minutes.
    pub(crate) fn new_challenge(&self, work: u64) -> Result<proof_of_work::Challenge, AppError> {
        let expires = self.now().div_euclid(1000) + 600;
        Ok(proof_of_work::new_challenge(self.keys()?, work, expires))
    }

    /// A challenge a client may solve in advance (at the base work), e.g. before a burst.
    pub fn proof_challenge(&self) -> Result<proof_of_work::Challenge, AppError> {
        self.new_challenge(self.inner.limits.proof_base_work)
    }

    /// Deletes counters of windows that ended over a day ago; run periodically.
    pub async fn purge_throttles(&self) -> Result<u64, AppError> {
        let mut tx = self.begin().await?;
        let purged = tx.throttles().purge(self.now() - 24 * 3600 * 1000).await?;
        tx.commit().await?;
        Ok(purged)
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
