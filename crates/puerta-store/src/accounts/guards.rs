use crate::StoreError;
use crate::unit_of_work::{exec, fetch_optional, repository};

repository!(
    /// Failure counters with growing delays (per account address, per account's codes). Keys
    /// are hashed by the application: no address is stored.
    Guards
);

/// A guard's state: how many failures, the last one, and until when the next try must wait.
#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::FromRow)]
pub struct GuardState {
    pub failures: i64,
    pub last_failure_at: i64,
    pub blocked_until: i64,
}

impl<M> Guards<'_, M> {
    pub async fn get(&mut self, key: &str) -> Result<Option<GuardState>, StoreError> {
        Ok(fetch_optional!(
            &mut self.conn,
            GuardState,
            "SELECT failures, last_failure_at, blocked_until FROM guards WHERE key = $1",
            key
        )?)
    }
}

impl Guards<'_, crate::Write> {
    /// Replaces the state `seen` (`None`: no row yet) with `next`. `false` when another
    /// transaction changed the row since it was read: the caller reads again and decides again,
    /// so parallel failures are each counted (optimistic concurrency, the same on both backends).
    pub async fn swap(
        &mut self,
        key: &str,
        seen: Option<GuardState>,
        next: GuardState,
    ) -> Result<bool, StoreError> {
        let changed = match seen {
            None => exec!(
                &mut self.conn,
                "INSERT INTO guards (key, failures, last_failure_at, blocked_until) VALUES ($1, $2, $3, $4) \
                 ON CONFLICT (key) DO NOTHING",
                key,
                next.failures,
                next.last_failure_at,
                next.blocked_until,
            )?,
            Some(seen) => exec!(
                &mut self.conn,
                "UPDATE guards SET failures = $2, last_failure_at = $3, blocked_until = $4 \
                 WHERE key = $1 AND failures = $5 AND last_failure_at = $6 AND blocked_until = $7",
                key,
                next.failures,
                next.last_failure_at,
                next.blocked_until,
                seen.failures,
                seen.last_failure_at,
                seen.blocked_until,
            )?,
        };
        Ok(changed == 1)
    }

    /// Forgets the failures of `key` (a success, or a proof of the mailbox).
    pub async fn clear(&mut self, key: &str) -> Result<(), StoreError> {
        exec!(&mut self.conn, "DELETE FROM guards WHERE key = $1", key)?;
        Ok(())
    }

    /// Deletes guards whose last failure is older than `before`.
    pub async fn purge(&mut self, before: i64) -> Result<u64, StoreError> {
        Ok(exec!(&mut self.conn, "DELETE FROM guards WHERE last_failure_at < $1", before)?)
    }
}
