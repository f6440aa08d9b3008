//! Opening a database, and handing out transactions and read handles on it.

mod foreign_commits;
mod group_commit;
mod postgres;
mod readers;
mod sqlite;

pub(crate) use group_commit::Member;
pub(crate) use readers::Reader;

use std::sync::Arc;
use std::time::Duration;

use sqlx::{PgPool, SqlitePool};

use crate::{Backend, DatabaseUrl, ReadTx, StoreError, WriteTx};

/// Pool tuning shared by both backends.
#[derive(Debug, Clone)]
pub struct ConnectOptions {
    /// Connections in the pool (for SQLite: readers, at most twice the cores; there is always
    /// exactly one writer).
    pub max_connections: u32,
    /// How long to wait for a connection, and for SQLite how long to wait on a locked database.
    pub acquire_timeout: Duration,
    /// SQLite: a commit returns only once it is on disk (`synchronous = FULL`), so an answered
    /// request survives a power cut; group commit makes that one disk flush per batch, not per
    /// request. `false` (`NORMAL`) survives a crash of the process but not of the machine.
    pub durable_commits: bool,
}

impl Default for ConnectOptions {
    fn default() -> Self {
        Self { max_connections: 10, acquire_timeout: Duration::from_secs(5), durable_commits: true }
    }
}

/// Connection pool figures, exported as Prometheus gauges.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PoolStats {
    /// Open connections, busy or idle.
    pub size: u32,
    pub idle: u32,
    pub max: u32,
}

pub(crate) enum Pools {
    /// SQLite allows one writer at a time, so writes go through a pool of exactly one
    /// connection (they queue in Rust instead of spinning on `SQLITE_BUSY`), and reads through a
    /// pool of read-only connections, which WAL lets run beside the writer.
    Sqlite {
        write: SqlitePool,
        read: Arc<readers::Readers>,
        /// Write transactions share batches on `write` (see `group_commit`).
        group: Arc<group_commit::GroupWriter>,
    },
    Postgres {
        pool: PgPool,
    },
}

/// The database. Cheap to clone; every clone shares the pools.
#[derive(Clone)]
pub struct Store {
    pools: Arc<Pools>,
    live: Arc<crate::live::Live>,
    stamps: Arc<crate::touches::AccountStamps>,
    /// Looks at the writer's `data_version` so far (SQLite; see `foreign_commits`).
    foreign_checks: Arc<tokio::sync::watch::Sender<u64>>,
}

/// A pooled connection outside any transaction. A use case cancelled in the middle of its
/// transaction (a request past its time limit, a client gone) can hand its connection back
/// still inside it: sqlx rolls a dropped transaction back lazily, and not at all when the
/// cancellation lands inside `BEGIN` itself. Such a connection is closed (the database rolls
/// back what it held) and a fresh one taken, so the next use case starts clean instead of
/// failing.
async fn clean_connection<DB: sqlx::Database>(
    pool: &sqlx::Pool<DB>,
) -> Result<sqlx::pool::PoolConnection<DB>, StoreError> {
    use sqlx::TransactionManager;
    let conn = pool.acquire().await?;
    if DB::TransactionManager::get_transaction_depth(&conn) == 0 {
        return Ok(conn);
    }
    tracing::warn!("a connection came back inside a transaction; closing it");
    if let Err(e) = conn.close().await {
        tracing::warn!(error = %e, "closing a connection left inside a transaction failed");
    }
    Ok(pool.acquire().await?)
}

/// Opens the database named by `url`. Does not migrate: call [`Store::migrate`].
pub async fn connect(url: &DatabaseUrl, options: &ConnectOptions) -> Result<Store, StoreError> {
    let pools = match url {
        DatabaseUrl::Sqlite(path) => sqlite::open(path, options).await?,
        DatabaseUrl::Postgres(_) => {
            let secret = url.postgres_secret().unwrap_or_default();
            postgres::open(secret, options).await?
        }
    };
    let store = Store {
        pools: Arc::new(pools),
        live: crate::live::Live::new(),
        stamps: Arc::new(crate::touches::AccountStamps::new()),
        foreign_checks: Arc::new(tokio::sync::watch::Sender::new(0)),
    };
    if let Pools::Sqlite { .. } = &*store.pools {
        foreign_commits::watch(
            Arc::downgrade(&store.pools),
            store.live.clone(),
            store.stamps.clone(),
            store.foreign_checks.clone(),
        );
    }
    Ok(store)
}

impl Store {
    /// Begins one write transaction. On SQLite it holds the one writer connection, inside a
    /// batch begun `IMMEDIATE` (so it never fails later on a lock upgrade) that it may share with
    /// the transactions queued behind it (group commit, see `group_commit`); keep it short and
    /// do slow work (password hashing, network calls) before opening it.
    pub async fn write(&self) -> Result<WriteTx, StoreError> {
        Ok(match &*self.pools {
            Pools::Sqlite { group, .. } => {
                WriteTx::sqlite(group.begin().await?, self.live.sender.clone(), self.stamps.clone())
            }
            Pools::Postgres { pool } => WriteTx::postgres(
                sqlx::Transaction::begin(clean_connection(pool).await?, None).await?,
                self.stamps.clone(),
            ),
        })
    }

    /// Write transactions waiting for SQLite's writer now (0 on PostgreSQL, whose transactions
    /// run side by side): the depth of the write queue.
    pub fn write_queue(&self) -> usize {
        match &*self.pools {
            Pools::Sqlite { group, .. } => group.waiting(),
            Pools::Postgres { .. } => 0,
        }
    }

    /// SQLite: group-commit batches committed since the store opened, and the write
    /// transactions they held (each batch is one `COMMIT`). `None` on PostgreSQL.
    pub fn group_commits(&self) -> Option<(u64, u64)> {
        match &*self.pools {
            Pools::Sqlite { group, .. } => Some(group.committed()),
            Pools::Postgres { .. } => None,
        }
    }

    /// Where `account`'s own records stand in this process (see [`crate::touches`]): note it
    /// before reading them, and what was read is current while the stamp is unchanged.
    pub fn account_stamp(&self, account: &puerta_domain::ids::UserId) -> crate::touches::AccountStamp {
        self.stamps.stamp(account.as_str())
    }

    /// How many times this store has looked for another process's commits (SQLite, about once
    /// a second; always 0 on PostgreSQL, where every instance announces its own).
    pub fn foreign_commit_checks(&self) -> u64 {
        *self.foreign_checks.borrow()
    }

    /// The same count, told as it moves (to wait for the watch's next look without polling).
    pub fn watch_foreign_commit_checks(&self) -> tokio::sync::watch::Receiver<u64> {
        self.foreign_checks.subscribe()
    }

    /// Every live announcement committed from now on, by this instance or (PostgreSQL) any other.
    pub async fn subscribe(
        &self,
    ) -> Result<tokio::sync::broadcast::Receiver<crate::live::Announcement>, StoreError> {
        let receiver = self.live.sender.subscribe();
        if let Pools::Postgres { pool } = &*self.pools {
            self.live.listen_postgres(pool).await?;
        }
        Ok(receiver)
    }

    /// A read handle: never the writer, so reads do not queue behind writes.
    pub async fn read(&self) -> Result<ReadTx, StoreError> {
        Ok(match &*self.pools {
            Pools::Sqlite { read, .. } => ReadTx::sqlite(read.acquire().await?),
            Pools::Postgres { pool } => ReadTx::postgres(pool.acquire().await?),
        })
    }

    pub fn backend(&self) -> Backend {
        match &*self.pools {
            Pools::Sqlite { .. } => Backend::Sqlite,
            Pools::Postgres { .. } => Backend::Postgres,
        }
    }

    /// Applies every migration of this backend that has not run yet.
    pub async fn migrate(&self) -> Result<(), StoreError> {
        match &*self.pools {
            Pools::Sqlite { group, .. } => group.migrate(&sqlx::migrate!("./migrations/sqlite")).await?,
            Pools::Postgres { pool } => sqlx::migrate!("./migrations/postgres").run(pool).await?,
        }
        Ok(())
    }

    /// Answers `Ok` when a round trip to the database succeeds.
    pub async fn ping(&self) -> Result<(), StoreError> {
        match &*self.pools {
            Pools::Sqlite { read, .. } => {
                sqlx::query("SELECT 1").execute(read.acquire().await?.conn()).await.map(drop)?
            }
            Pools::Postgres { pool } => sqlx::query("SELECT 1").execute(pool).await.map(drop)?,
        }
        Ok(())
    }

    pub fn pool_stats(&self) -> PoolStats {
        match &*self.pools {
            Pools::Sqlite { write, read, .. } => {
                let (open, idle, max) = read.stats();
                PoolStats {
                    size: write.size() + open,
                    idle: u32::try_from(write.num_idle()).unwrap_or(u32::MAX).saturating_add(idle),
                    max: write.options().get_max_connections() + max,
                }
            }
            Pools::Postgres { pool } => PoolStats {
                size: pool.size(),
                idle: u32::try_from(pool.num_idle()).unwrap_or(u32::MAX),
                max: pool.options().get_max_connections(),
            },
        }
    }

    /// Waits for connections in use to be returned and closes them all. On SQLite the readers
    /// close first, then the writer checkpoints the WAL into the main file and truncates it, so
    /// the close does not depend on which connection happens to be the last one.
    pub async fn close(&self) {
        match &*self.pools {
            Pools::Sqlite { write, read, group } => sqlite::close(write, read, group).await,
            Pools::Postgres { pool } => pool.close().await,
        }
    }
}
