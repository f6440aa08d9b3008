//! Guards with growing delays (see `puerta_domain::accounts::GuardPolicy`), per account
//! across every source address. Like throttles, the count commits on its own before the
//! attempt is checked, so a failure stays counted when the use case then fails, and parallel
//! guesses cannot slip through a check-then-record gap.

use puerta_domain::accounts::GuardPolicy;
use puerta_store::accounts::GuardState;

use crate::security::sha256_hex;
use crate::{App, AppError};

/// An attempt counted in advance; [`App::guard_clear`] forgets the failures on a success.
#[must_use = "clear the guard when the attempt succeeds"]
pub struct Guarded {
    key: String,
}

impl App {
    /// Counts one attempt for `subject` under `policy`, or answers `Throttled` with the wait
    /// left. The subject is hashed: the table holds no address.
    pub(crate) async fn guard_attempt(
        &self,
        kind: &str,
        subject: &str,
        policy: &GuardPolicy,
    ) -> Result<Guarded, AppError> {
        let key = sha256_hex(&format!("guard\u{1f}{kind}\u{1f}{subject}"));
        // Another transaction may change the row between our read and write (PostgreSQL);
        // then read and decide again. Bounded: each lost race means someone else's attempt
        // was counted.
        for _ in 0..16 {
            let now = self.now();
            let mut tx = self.begin().await?;
            let seen = tx.guards().get(&key).await?;
            let decision =
                policy.attempt(seen.map(|s| (s.failures, s.last_failure_at, s.blocked_until)), now);
            match decision {
                Err(wait_ms) => {
                    tx.rollback().await?;
                    let retry_after_secs = u64::try_from((wait_ms + 999) / 1000).unwrap_or(1).max(1);
                    return Err(AppError::Throttled { retry_after_secs });
                }
                Ok((failures, last_failure_at, blocked_until)) => {
                    let next = GuardState { failures, last_failure_at, blocked_until };
                    if tx.guards().swap(&key, seen, next).await? {
                        tx.commit().await?;
                        return Ok(Guarded { key });
                    }
                    tx.rollback().await?;
                }
            }
        }
        Err(AppError::Throttled { retry_after_secs: 1 })
    }

    /// Forgets the failures counted on this guard, inside the use case's transaction (so only
    /// if the use case succeeds).
    pub(crate) async fn guard_clear(
        &self,
        tx: &mut puerta_store::WriteTx,
        guarded: Guarded,
    ) -> Result<(), AppError> {
        Ok(tx.guards().clear(&guarded.key).await?)
    }

    /// Forgets `subject`'s failures under `kind` (e.g. the sign-in guard after a password
    /// reset proved the mailbox), inside `tx`.
    pub(crate) async fn guard_forget(
        &self,
        tx: &mut puerta_store::WriteTx,
        kind: &str,
        subject: &str,
    ) -> Result<(), AppError> {
        let key = sha256_hex(&format!("guard\u{1f}{kind}\u{1f}{subject}"));
        Ok(tx.guards().clear(&key).await?)
    }
}
