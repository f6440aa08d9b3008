use std::path::Path;

use async_trait::async_trait;
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};

use super::ConnectOptions;
use crate::{Maintenance, PoolStats, StoreError};

/// The embedded default. SQLite allows one writer at a time, so writes go through a pool of
/// exactly one connection (they queue in Rust instead of spinning on `SQLITE_BUSY`), and reads
/// through a pool of several, which WAL lets run beside the writer.
pub struct SqliteStore {
    pub(crate) write: SqlitePool,
    pub(crate) read: SqlitePool,
}

impl SqliteStore {
    pub async fn open(path: &Path, options: &ConnectOptions) -> Result<Self, StoreError> {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent)?;
        }
        let connect = SqliteConnectOptions::new()
            .filename(path)
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            // NORMAL is durable across application crashes in WAL mode; only a power loss can
            // drop the last transactions, which the backup procedure covers.
            .synchronous(SqliteSynchronous::Normal)
            .foreign_keys(true)
            .busy_timeout(options.acquire_timeout);
        let write = SqlitePoolOptions::new()
            .max_connections(1)
            .acquire_timeout(options.acquire_timeout)
            .connect_with(connect.clone())
            .await?;
        let read = SqlitePoolOptions::new()
            .max_connections(options.max_connections.max(1))
            .acquire_timeout(options.acquire_timeout)
            .connect_with(connect.read_only(true))
            .await?;
        Ok(Self { write, read })
    }
}

#[async_trait]
impl Maintenance for SqliteStore {
    async fn migrate(&self) -> Result<(), StoreError> {
        sqlx::migrate!("./migrations/sqlite").run(&self.write).await?;
        Ok(())
    }

    async fn ping(&self) -> Result<(), StoreError> {
        sqlx::query("SELECT 1").execute(&self.read).await?;
        Ok(())
    }

    fn pool_stats(&self) -> PoolStats {
        let size = self.write.size() + self.read.size();
        let idle = u32::try_from(self.write.num_idle() + self.read.num_idle()).unwrap_or(u32::MAX);
        let max = self.write.options().get_max_connections() + self.read.options().get_max_connections();
        PoolStats { size, idle, max }
    }

    async fn close(&self) {
        self.read.close().await;
        // Closing the last connection checkpoints the WAL into the main file.
        self.write.close().await;
    }
}
