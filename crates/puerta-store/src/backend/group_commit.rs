//! Group commit for SQLite's one writer.
//!
//! SQLite commits one transaction at a time, and a durable commit waits for the disk (an
//! `fsync` of the WAL: about 3 ms here), so one transaction per use case caps every write at a
//! few hundred a second. Instead, use cases that queue for the writer share one database
//! transaction, a *batch*:
//!
//! - the first use case begins it (`BEGIN IMMEDIATE`); each use case runs inside its own
//!   `SAVEPOINT`, so its failure or cancellation undoes only its own writes;
//! - a use case that commits releases its savepoint and waits; if others are queued for the
//!   writer it hands the open batch to the next one, otherwise it commits the batch itself;
//! - every member is answered only once the batch's `COMMIT` has returned, with its outcome:
//!   nothing is acknowledged before it is durable, and a failed batch fails all its members.
//!
//! The writer is a fair (first come, first served) lock. Whoever leaves a batch open queues a
//! *flusher* behind the use cases already waiting, so the batch is committed even if those are
//! cancelled before their turn; a batch also ends at [`MAX_MEMBERS`]. Isolation is unchanged:
//! use cases still run one at a time on the one connection, each seeing every write before it,
//! and readers (other connections) see a batch only once it is committed.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::time::Duration;

use sqlx::pool::PoolConnection;
use sqlx::{Sqlite, SqliteConnection, SqlitePool};
use tokio::sync::{Mutex, OwnedMutexGuard, oneshot};

use crate::StoreError;

/// A batch is committed once it holds this many use cases, even with more waiting: bounds how
/// long the first member waits for its answer.
const MAX_MEMBERS: usize = 256;

/// Use cases that may wait for the writer at once. One more is refused at once as busy (503 with
/// `Retry-After`) rather than queued: the queue stays bounded under overload. As many as the
/// requests the web layer lets in at once (`max_in_flight`, 2,048 by default), so that a surge
/// it admits is queued, not refused; each still gives up after the acquire time-out.
const MAX_QUEUE: usize = 2_048;

/// What a member learns when its batch ends.
type Outcome = Result<(), String>;

/// The writer connection while a batch is open, and the members waiting for its commit.
#[derive(Default)]
struct Batch {
    conn: Option<PoolConnection<Sqlite>>,
    members: Vec<oneshot::Sender<Outcome>>,
    /// A flusher is queued for this batch already.
    flusher: bool,
    /// The writer connection between batches (outside any transaction: its last statement was
    /// a `COMMIT` that succeeded). Kept here rather than handed back to sqlx's pool, which pings
    /// every connection it takes back: a trip to the connection's thread per batch.
    idle: Option<PoolConnection<Sqlite>>,
    /// The store is closing: the writer goes back to sqlx's pool after its last batch and no
    /// batch begins.
    closed: bool,
    /// The next member's savepoint is open already (made with the last member's release, in the
    /// same trip to the connection's thread).
    savepoint_ready: bool,
}

/// SQLite's writer, shared by every write transaction of a store.
pub(crate) struct GroupWriter {
    pool: SqlitePool,
    batch: Arc<Mutex<Batch>>,
    /// Use cases (and flushers) queued for the writer.
    waiting: AtomicUsize,
    /// How long a use case waits for the writer before it is refused as busy.
    acquire_timeout: Duration,
    /// Writer connections closed after a failure (see `data_version`).
    lost: AtomicU64,
    /// Batches committed, and use cases in them (for metrics and tests).
    batches: AtomicU64,
    members: AtomicU64,
}

/// Counts a waiter while it waits, also when its future is dropped while waiting.
struct Waiting<'a>(&'a AtomicUsize);

impl Drop for Waiting<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

impl GroupWriter {
    pub(crate) fn new(pool: SqlitePool, acquire_timeout: Duration) -> Arc<Self> {
        Arc::new(Self {
            pool,
            batch: Arc::new(Mutex::new(Batch::default())),
            waiting: AtomicUsize::new(0),
            acquire_timeout,
            lost: AtomicU64::new(0),
            batches: AtomicU64::new(0),
            members: AtomicU64::new(0),
        })
    }

    /// Use cases waiting for the writer now.
    pub(crate) fn waiting(&self) -> usize {
        self.waiting.load(Ordering::SeqCst)
    }

    /// Batches committed so far, and the use cases they held.
    pub(crate) fn committed(&self) -> (u64, u64) {
        (self.batches.load(Ordering::SeqCst), self.members.load(Ordering::SeqCst))
    }

    /// Waits for the writer, then opens a savepoint for one use case in the current batch (or a
    /// new batch). The waiting and the control statements run on a task of their own, so a use
    /// case cancelled meanwhile (a client gone, a time limit) cannot cut a batch in the middle.
    pub(crate) async fn begin(self: &Arc<Self>) -> Result<Member, StoreError> {
        let writer = self.clone();
        let (hand, handed) = oneshot::channel();
        tokio::spawn(async move {
            match writer.prepare().await {
                Ok(held) => {
                    if let Err(Ok((guard, conn))) = hand.send(Ok(held)) {
                        // The use case is gone: give its place back.
                        let _ = undo(&writer, guard, conn).await;
                    }
                }
                Err(e) => {
                    let _ = hand.send(Err(e));
                }
            }
        });
        match handed.await {
            Ok(Ok(held)) => Ok(Member { writer: self.clone(), held: Some(held) }),
            Ok(Err(e)) => Err(e),
            Err(_) => Err(StoreError::Batch("the writer task ended".into())),
        }
    }

    async fn prepare(self: &Arc<Self>) -> Result<Held, StoreError> {
        let mut guard = self.acquire().await?;
        if guard.closed {
            return Err(StoreError::Database(sqlx::Error::PoolClosed));
        }
        let (mut conn, opening) = match guard.conn.take() {
            Some(conn) if std::mem::take(&mut guard.savepoint_ready) => return Ok((guard, conn)),
            Some(conn) => (conn, "SAVEPOINT member"),
            None => match guard.idle.take() {
                Some(conn) => (conn, "BEGIN IMMEDIATE; SAVEPOINT member"),
                None => {
                    let mut conn = super::clean_connection(&self.pool).await?;
                    // A connection is only ever handed back outside a transaction; this makes
                    // sure of it (SQLite refuses the statement when there is none, which is fine).
                    let _ = run(&mut conn, "ROLLBACK").await;
                    (conn, "BEGIN IMMEDIATE; SAVEPOINT member")
                }
            },
        };
        if let Err(e) = run(&mut conn, opening).await {
            guard.conn = Some(conn);
            self.abort(&mut guard, &e.to_string()).await;
            return Err(e.into());
        }
        Ok((guard, conn))
    }

    /// The writer, or `PoolTimedOut` (busy: answered 503) after the acquire time-out, as the
    /// one-connection pool did before.
    async fn acquire(&self) -> Result<OwnedMutexGuard<Batch>, StoreError> {
        let ahead = self.waiting.fetch_add(1, Ordering::SeqCst);
        let _waiting = Waiting(&self.waiting);
        if ahead >= MAX_QUEUE {
            return Err(StoreError::Database(sqlx::Error::PoolTimedOut));
        }
        tokio::time::timeout(self.acquire_timeout, self.batch.clone().lock_owned())
            .await
            .map_err(|_| StoreError::Database(sqlx::Error::PoolTimedOut))
    }

    /// `PRAGMA data_version` on the writer connection, with the number of writer connections
    /// lost before it (a value is only comparable with one read on the same connection). The
    /// writer's own commits never move it, so a change means another process committed. Takes
    /// its turn like a use case, outside the queue's count (it never holds a batch open), on a
    /// task of its own so that a cancelled caller cannot take the open batch's connection away.
    pub(crate) async fn data_version(self: &Arc<Self>) -> Result<(u64, i64), StoreError> {
        let writer = self.clone();
        let turn = tokio::spawn(async move {
            let mut guard = tokio::time::timeout(writer.acquire_timeout, writer.batch.clone().lock_owned())
                .await
                .map_err(|_| StoreError::Database(sqlx::Error::PoolTimedOut))?;
            let lost = writer.lost.load(Ordering::SeqCst);
            let batch = &mut *guard;
            let version = match batch.conn.as_mut().or(batch.idle.as_mut()) {
                // A batch is open (or the writer rests between batches): its connection, put
                // back as it was for the next in line.
                Some(conn) => version(conn).await,
                None => {
                    let mut conn = super::clean_connection(&writer.pool).await?;
                    version(&mut conn).await
                }
            };
            drop(guard);
            Ok((lost, version?))
        });
        turn.await.map_err(|e| StoreError::Batch(format!("the look at the writer did not finish: {e}")))?
    }

    /// Runs the migrations on the writer connection, with the writer held meanwhile (a batch
    /// left open is committed first): the resting connection is the pool's only one.
    pub(crate) async fn migrate(&self, migrator: &sqlx::migrate::Migrator) -> Result<(), StoreError> {
        let mut guard = self.batch.clone().lock_owned().await;
        self.finish(&mut guard).await;
        let mut conn = match guard.idle.take() {
            Some(conn) => conn,
            None => super::clean_connection(&self.pool).await?,
        };
        let migrated = migrate_on(migrator, &mut conn).await;
        if migrated.is_ok() {
            // Outside any transaction again: it may rest here.
            guard.idle = Some(conn);
        }
        Ok(migrated?)
    }

    /// Commits a batch left open, hands the resting writer connection back to sqlx's pool
    /// (which the store closes next) and refuses any later batch: a write still running at
    /// shutdown (a worker past its grace period) cannot keep the connection from the pool.
    pub(crate) async fn close(&self) {
        let mut guard = self.batch.lock().await;
        self.finish(&mut guard).await;
        guard.closed = true;
        drop(guard.idle.take());
    }

    /// Ends the batch or hands it on: committed now if nobody is waiting for the writer or it is
    /// full, else left open for the next in line (with a flusher queued behind them).
    async fn release(self: &Arc<Self>, mut guard: OwnedMutexGuard<Batch>, conn: PoolConnection<Sqlite>) {
        guard.conn = Some(conn);
        let waiting = self.waiting.load(Ordering::SeqCst);
        if waiting > 0 && guard.members.len() < MAX_MEMBERS {
            if !guard.flusher {
                guard.flusher = true;
                self.queue_flusher();
            }
            return;
        }
        self.finish(&mut guard).await;
    }

    /// Commits the open batch (rolls it back if it has no members), answers its members, and
    /// gives the connection back to the pool.
    async fn finish(&self, batch: &mut Batch) {
        batch.flusher = false;
        // A savepoint opened for a member who never came is empty: the commit ends it too.
        batch.savepoint_ready = false;
        let Some(mut conn) = batch.conn.take() else { return };
        let statement = if batch.members.is_empty() { "ROLLBACK" } else { "COMMIT" };
        match run(&mut conn, statement).await {
            Ok(()) => {
                if statement == "COMMIT" {
                    self.batches.fetch_add(1, Ordering::SeqCst);
                    self.members.fetch_add(batch.members.len() as u64, Ordering::SeqCst);
                }
                for member in batch.members.drain(..) {
                    let _ = member.send(Ok(()));
                }
                if !batch.closed {
                    batch.idle = Some(conn);
                }
            }
            Err(e) => {
                tracing::error!(error = %e, members = batch.members.len(), "a group commit failed");
                batch.conn = Some(conn);
                self.abort(batch, &e.to_string()).await;
            }
        }
    }

    /// The batch cannot go on: fail its members, roll back whatever is left of it, and close the
    /// connection (the database drops what it still held).
    async fn abort(&self, batch: &mut Batch, why: &str) {
        for member in batch.members.drain(..) {
            let _ = member.send(Err(why.to_string()));
        }
        batch.flusher = false;
        batch.savepoint_ready = false;
        if let Some(mut conn) = batch.conn.take() {
            self.lost.fetch_add(1, Ordering::SeqCst);
            let _ = run(&mut conn, "ROLLBACK").await;
            if let Err(e) = sqlx::Connection::close(conn.detach()).await {
                tracing::warn!(error = %e, "closing the writer after a failed batch failed");
            }
        }
    }

    /// Queues behind everyone waiting now and commits whatever batch is open by then.
    fn queue_flusher(self: &Arc<Self>) {
        let writer = self.clone();
        // Counted as waiting from now on, so the holder ahead of it hands the batch on.
        writer.waiting.fetch_add(1, Ordering::SeqCst);
        tokio::spawn(async move {
            let waiting = Waiting(&writer.waiting);
            let mut guard = writer.batch.clone().lock_owned().await;
            drop(waiting);
            writer.finish(&mut guard).await;
        });
    }
}

/// Runs one control statement. Boxed: the future sqlx returns for `&mut SqliteConnection` is
/// not provably `Send` for every lifetime inside `tokio::spawn` (a known limit of the compiler's
/// higher-ranked inference); a boxed future with one concrete lifetime is.
fn run<'c>(
    conn: &'c mut SqliteConnection,
    sql: &'static str,
) -> std::pin::Pin<Box<dyn Future<Output = Result<(), sqlx::Error>> + Send + 'c>> {
    Box::pin(async move { sqlx::query(sql).execute(conn).await.map(drop) })
}

/// Statements with their arguments, run together (see [`Member::commit`]).
pub(crate) type Tail = (String, sqlx::sqlite::SqliteArguments<'static>);

/// Runs `sql` (several statements) with `args`, boxed like `run`.
fn run_with<'c>(
    conn: &'c mut SqliteConnection,
    sql: String,
    args: sqlx::sqlite::SqliteArguments<'static>,
) -> std::pin::Pin<Box<dyn Future<Output = Result<(), sqlx::Error>> + Send + 'c>> {
    Box::pin(async move { sqlx::query_with(&sql, args).execute(conn).await.map(drop) })
}

/// `migrator.run` on the connection, boxed like `run`.
fn migrate_on<'c>(
    migrator: &'c sqlx::migrate::Migrator,
    conn: &'c mut SqliteConnection,
) -> std::pin::Pin<Box<dyn Future<Output = Result<(), sqlx::migrate::MigrateError>> + Send + 'c>> {
    Box::pin(migrator.run_direct(conn))
}

/// `PRAGMA data_version` (boxed like `run`).
fn version<'c>(
    conn: &'c mut SqliteConnection,
) -> std::pin::Pin<Box<dyn Future<Output = Result<i64, sqlx::Error>> + Send + 'c>> {
    Box::pin(async move { sqlx::query_scalar("PRAGMA data_version").fetch_one(conn).await })
}

/// The writer's lock with the connection: what a member holds while its use case runs.
type Held = (OwnedMutexGuard<Batch>, PoolConnection<Sqlite>);

/// One use case's part of a batch: the writer, held until commit, rollback or drop.
pub(crate) struct Member {
    writer: Arc<GroupWriter>,
    /// Always `Some` until `commit` or `rollback` consumes the member.
    held: Option<Held>,
}

impl Member {
    #[allow(clippy::expect_used)]
    pub(crate) fn conn(&mut self) -> &mut SqliteConnection {
        // Only `commit`, `rollback` and `drop` take it, and each consumes the member.
        &mut self.held.as_mut().expect("a member holds the writer until it ends").1
    }

    /// Keeps this use case's writes in the batch and waits until the batch is committed.
    /// `tail`: statements to run first, in the same trip as the savepoint's release (the use
    /// case's audit rows); if they fail, this use case is undone alone and answered the error.
    pub(crate) async fn commit(mut self, tail: Option<Tail>) -> Result<(), StoreError> {
        let Some((mut guard, mut conn)) = self.held.take() else {
            return Err(StoreError::Batch("the transaction is already over".into()));
        };
        let (answer, outcome) = oneshot::channel();
        let writer = self.writer.clone();
        // On a task of its own: the batch must be handed on or committed even if this use case
        // is cancelled while waiting for the answer.
        tokio::spawn(async move {
            guard.members.push(answer);
            // Someone is waiting and the batch has room: it will most likely be handed on, so
            // the next member's savepoint is opened in the same trip (if it is committed
            // instead, the empty savepoint ends with it).
            let handing_on = writer.waiting.load(Ordering::SeqCst) > 0 && guard.members.len() < MAX_MEMBERS;
            let ending = if handing_on { "RELEASE member; SAVEPOINT member" } else { "RELEASE member" };
            if let Some((statements, args)) = tail {
                if let Err(e) = run_with(&mut conn, format!("{statements}; {ending}"), args).await {
                    // Most likely a refused row, before the release: undo this member alone. If the
                    // release itself failed, the undo fails too and ends the whole batch.
                    if let Some(mine) = guard.members.pop() {
                        let _ = undo(&writer, guard, conn).await;
                        let _ = mine.send(Err(e.to_string()));
                    }
                    return;
                }
            } else if let Err(e) = run(&mut conn, ending).await {
                guard.conn = Some(conn);
                writer.abort(&mut guard, &e.to_string()).await;
                return;
            }
            guard.savepoint_ready = handing_on;
            writer.release(guard, conn).await;
        });
        match outcome.await {
            Ok(Ok(())) => Ok(()),
            Ok(Err(why)) => Err(StoreError::Batch(why)),
            Err(_) => Err(StoreError::Batch("the batch ended without an answer".into())),
        }
    }

    /// Undoes this use case's writes (the batch goes on without them).
    pub(crate) async fn rollback(mut self) -> Result<(), StoreError> {
        let Some((guard, conn)) = self.held.take() else { return Ok(()) };
        let writer = self.writer.clone();
        match tokio::spawn(async move { undo(&writer, guard, conn).await }).await {
            Ok(outcome) => outcome,
            Err(e) => Err(StoreError::Batch(e.to_string())),
        }
    }
}

/// Rolls a member back to its savepoint, then hands the batch on or ends it.
async fn undo(
    writer: &Arc<GroupWriter>,
    mut guard: OwnedMutexGuard<Batch>,
    mut conn: PoolConnection<Sqlite>,
) -> Result<(), StoreError> {
    let undone = match run(&mut conn, "ROLLBACK TO member").await {
        Ok(()) => run(&mut conn, "RELEASE member").await,
        Err(e) => Err(e),
    };
    if let Err(e) = undone {
        guard.conn = Some(conn);
        writer.abort(&mut guard, &e.to_string()).await;
        return Err(e.into());
    }
    writer.release(guard, conn).await;
    Ok(())
}

impl Drop for Member {
    /// A use case that returned early (an error) or was cancelled: its writes are undone on a
    /// task of its own, which then hands the batch on, since a drop cannot wait.
    fn drop(&mut self) {
        let Some((guard, conn)) = self.held.take() else { return };
        let writer = self.writer.clone();
        match tokio::runtime::Handle::try_current() {
            Ok(runtime) => {
                runtime.spawn(async move {
                    let _ = undo(&writer, guard, conn).await;
                });
            }
            Err(_) => {
                // No runtime to finish on (the process is ending): close the connection, which
                // rolls the whole batch back; its members, never answered, see an error.
                drop(guard);
                drop(conn.detach());
            }
        }
    }
}
