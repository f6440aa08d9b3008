use async_trait::async_trait;

use crate::StoreError;

/// Connection pool figures, exported as Prometheus gauges.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PoolStats {
    /// Open connections, busy or idle.
    pub size: u32,
    pub idle: u32,
    pub max: u32,
}

/// The database itself: schema, liveness and shutdown, for `migrate`, `/readyz`, `/metrics`.
#[async_trait]
pub trait Maintenance {
    /// Applies every migration of this backend that has not run yet.
    async fn migrate(&self) -> Result<(), StoreError>;
    /// Answers `Ok` when a round trip to the database succeeds.
    async fn ping(&self) -> Result<(), StoreError>;
    fn pool_stats(&self) -> PoolStats;
    /// Waits for connections in use to be returned and closes them all (SQLite checkpoints its WAL).
    async fn close(&self);
}
