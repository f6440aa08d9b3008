//! SQLite's read-only connections, handed out and taken back without sqlx's pool.
//!
//! sqlx's pool tests every connection it takes back with a ping, on a task of its own: a trip
//! to the connection's thread and back after every read, to catch a connection left inside a
//! transaction by a cancelled use case. A read-only connection here never begins one (reads are
//! single statements, each its own snapshot), and a statement dropped half-read is reset by
//! sqlx when it is dropped, so the trip buys nothing; on release day it was one context switch
//! in two. A reader goes back to the idle list when its handle is dropped, synchronously.

use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use sqlx::sqlite::{SqliteConnectOptions, SqliteConnection};
use sqlx::{ConnectOptions as _, Connection as _};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

use crate::StoreError;

pub(crate) struct Readers {
    connect: SqliteConnectOptions,
    idle: Mutex<Vec<SqliteConnection>>,
    /// One per connection that may be open: a reader waits here when all are in use.
    permits: Arc<Semaphore>,
    max: u32,
    /// Connections open now, in use or idle.
    open: AtomicU32,
    acquire_timeout: Duration,
}

impl Readers {
    /// Opens the first connection at once, so that a database that cannot be read fails at
    /// start-up rather than at the first request.
    pub(crate) async fn open(
        connect: SqliteConnectOptions,
        max: u32,
        acquire_timeout: Duration,
    ) -> Result<Arc<Self>, StoreError> {
        let first = connect.connect().await?;
        Ok(Arc::new(Self {
            connect,
            idle: Mutex::new(vec![first]),
            permits: Arc::new(Semaphore::new(max.max(1) as usize)),
            max: max.max(1),
            open: AtomicU32::new(1),
            acquire_timeout,
        }))
    }

    fn idle(&self) -> MutexGuard<'_, Vec<SqliteConnection>> {
        self.idle.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// A reader, or `PoolTimedOut` (busy: answered 503) after the acquire time-out, as sqlx's
    /// pool answered; `PoolClosed` once the store is closing.
    pub(crate) async fn acquire(self: &Arc<Self>) -> Result<Reader, StoreError> {
        let permit = tokio::time::timeout(self.acquire_timeout, self.permits.clone().acquire_owned())
            .await
            .map_err(|_| StoreError::Database(sqlx::Error::PoolTimedOut))?
            .map_err(|_| StoreError::Database(sqlx::Error::PoolClosed))?;
        let idle = self.idle().pop();
        let conn = match idle {
            Some(conn) => conn,
            None => {
                let conn = self.connect.connect().await?;
                self.open.fetch_add(1, Ordering::SeqCst);
                conn
            }
        };
        Ok(Reader { conn: Some(conn), readers: self.clone(), _permit: permit })
    }

    /// (open, idle, most): for the pool gauges.
    pub(crate) fn stats(&self) -> (u32, u32, u32) {
        let idle = u32::try_from(self.idle().len()).unwrap_or(u32::MAX);
        (self.open.load(Ordering::SeqCst), idle, self.max)
    }

    /// Waits for every reader in use to come back, then closes them all; later acquisitions fail.
    pub(crate) async fn close(&self) {
        // Every permit held here means every reader is back in the idle list.
        let all = self.permits.acquire_many(self.max).await;
        self.permits.close();
        let conns = std::mem::take(&mut *self.idle());
        for conn in conns {
            self.open.fetch_sub(1, Ordering::SeqCst);
            if let Err(e) = conn.close().await {
                tracing::warn!(error = %e, "closing a reader failed");
            }
        }
        drop(all);
    }
}

/// A connection taken from [`Readers`], back in the idle list when dropped.
pub(crate) struct Reader {
    conn: Option<SqliteConnection>,
    readers: Arc<Readers>,
    _permit: OwnedSemaphorePermit,
}

impl Reader {
    #[allow(clippy::expect_used)]
    pub(crate) fn conn(&mut self) -> &mut SqliteConnection {
        // Only `drop` takes it.
        self.conn.as_mut().expect("a reader holds its connection until dropped")
    }
}

impl Drop for Reader {
    fn drop(&mut self) {
        if let Some(conn) = self.conn.take() {
            // Before the permit goes back (fields drop after this), so a waiter finds it idle.
            self.readers.idle().push(conn);
        }
    }
}
