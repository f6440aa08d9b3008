use std::path::Path;

use sqlx::SqlitePool;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};

use super::{ConnectOptions, Pools};
use crate::StoreError;

pub(super) async fn open(path: &Path, options: &ConnectOptions) -> Result<Pools, StoreError> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)?;
    }
    let connect = SqliteConnectOptions::new()
        .filename(path)
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        // FULL: a commit is on disk before it returns, so nothing answered is lost to a power
        // cut (group commit pays that flush once per batch). NORMAL, when chosen, survives a
        // crash of the process in WAL mode, not of the machine.
        .synchronous(if options.durable_commits {
            SqliteSynchronous::Full
        } else {
            SqliteSynchronous::Normal
        })
        .foreign_keys(true)
        .busy_timeout(options.acquire_timeout);
    let write = SqlitePoolOptions::new()
        .max_connections(1)
        .acquire_timeout(options.acquire_timeout)
        .test_before_acquire(false)
        // One connection for the life of the store: its `data_version` tells another process's
        // commits apart from its own (see `foreign_commits`), which a new connection would not.
        .max_lifetime(None)
        .idle_timeout(None)
        .connect_with(connect.clone())
        .await?;
    // More readers than the cores can run at once only wait for each other on SQLite's locks
    // shared by every connection to the file (and each is a thread of its own to wake).
    let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
    let readers = options.max_connections.min(u32::try_from(cores * 2).unwrap_or(u32::MAX));
    let read =
        super::readers::Readers::open(connect.read_only(true), readers, options.acquire_timeout).await?;
    let group = super::group_commit::GroupWriter::new(write.clone(), options.acquire_timeout);
    Ok(Pools::Sqlite { write, read, group })
}

/// Closes the readers, then checkpoints and truncates the WAL through the writer before closing
/// it. SQLite also checkpoints when the last connection closes, but only if that connection can
/// take the lock at that moment; doing it explicitly, after the readers are gone, makes the
/// result the same on every run.
pub(super) async fn close(
    write: &SqlitePool,
    read: &super::readers::Readers,
    group: &super::group_commit::GroupWriter,
) {
    read.close().await;
    group.close().await;
    if let Err(e) = sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)").execute(write).await {
        tracing::warn!(error = %e, "WAL checkpoint at close failed");
    }
    write.close().await;
}
