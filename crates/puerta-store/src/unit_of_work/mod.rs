//! The unit of work. A use case asks the [`Store`](crate::Store) for a [`WriteTx`] (one
//! database transaction: on SQLite the one writer connection, begun `IMMEDIATE`) or a
//! [`ReadTx`] (a connection from the reader pool), reaches each area's repository through it
//! (`tx.users()`, `tx.audit()`, `tx.outbox()`…), and commits once. Dropping a `WriteTx` without
//! [`WriteTx::commit`] rolls everything back.
//!
//! Repositories are typed by access: `Users<'_, Write>` has every method, `Users<'_, Read>` only
//! the reads, so a read handle cannot write by accident. Each method has one SQL text for both
//! backends; the [`on!`] family of macros only picks the connection type.

mod macros;

use sqlx::pool::PoolConnection;
use sqlx::{PgConnection, Postgres, SqliteConnection, Transaction};

use crate::StoreError;
pub(crate) use macros::{exec, fetch_all, fetch_one, fetch_optional, on, refusable};

/// Marker: a repository inside a write transaction.
#[derive(Debug)]
pub enum Write {}
/// Marker: a repository on a read handle.
#[derive(Debug)]
pub enum Read {}

/// The connection a repository works on, borrowed from a transaction or a read handle.
pub(crate) enum Conn<'t> {
    Sqlite(&'t mut SqliteConnection),
    Postgres(&'t mut PgConnection),
}

impl Conn<'_> {
    pub(crate) fn is_postgres(&self) -> bool {
        matches!(self, Self::Postgres(_))
    }
}

/// Declares a repository type: a borrowed connection and what it may do with it (`Read` or
/// `Write`). Read methods go in `impl<M> Name<'_, M>`, writes in `impl Name<'_, Write>`.
macro_rules! repository {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        pub struct $name<'t, M> {
            pub(crate) conn: $crate::unit_of_work::Conn<'t>,
            /// Whose records this transaction changed (`None` on a read handle); only the
            /// repositories of an account's own records note anything (see `touches`).
            #[allow(dead_code)]
            pub(crate) touched: Option<&'t mut $crate::touches::Touches>,
            _access: std::marker::PhantomData<M>,
        }

        impl<'t, M> $name<'t, M> {
            pub(crate) fn new(conn: $crate::unit_of_work::Conn<'t>) -> Self {
                Self { conn, touched: None, _access: std::marker::PhantomData }
            }

            pub(crate) fn new_write(
                conn: $crate::unit_of_work::Conn<'t>,
                touched: &'t mut $crate::touches::Touches,
            ) -> Self {
                Self { conn, touched: Some(touched), _access: std::marker::PhantomData }
            }
        }
    };
}
pub(crate) use repository;

enum TxInner {
    /// A member of SQLite's current group-commit batch.
    Sqlite(crate::backend::Member),
    Postgres(Transaction<'static, Postgres>),
}

/// One write transaction. Commit with [`WriteTx::commit`]; dropped, it rolls back.
pub struct WriteTx {
    inner: TxInner,
    /// SQLite: announcements to hand to the in-process channel after the commit.
    announcements: Vec<std::sync::Arc<str>>,
    local: Option<tokio::sync::broadcast::Sender<crate::live::Announcement>>,
    /// Whose records the repositories changed, and the stamps to move once it ends.
    touches: crate::touches::Touches,
    stamps: std::sync::Arc<crate::touches::AccountStamps>,
    /// SQLite: audit rows to write with the commit (see [`WriteTx::append_audit`]).
    audit_rows: Vec<puerta_domain::audit::NewAuditEntry>,
}

enum ReadInner {
    Sqlite(crate::backend::Reader),
    Postgres(PoolConnection<Postgres>),
}

/// A read handle: a read-only connection (SQLite; see `backend::readers`) or one from the pool
/// (PostgreSQL).
pub struct ReadTx {
    inner: ReadInner,
}

impl WriteTx {
    pub(crate) fn sqlite(
        tx: crate::backend::Member,
        local: tokio::sync::broadcast::Sender<crate::live::Announcement>,
        stamps: std::sync::Arc<crate::touches::AccountStamps>,
    ) -> Self {
        Self {
            inner: TxInner::Sqlite(tx),
            announcements: Vec::new(),
            local: Some(local),
            touches: crate::touches::Touches::default(),
            stamps,
            audit_rows: Vec::new(),
        }
    }

    pub(crate) fn postgres(
        tx: Transaction<'static, Postgres>,
        stamps: std::sync::Arc<crate::touches::AccountStamps>,
    ) -> Self {
        Self {
            inner: TxInner::Postgres(tx),
            announcements: Vec::new(),
            local: None,
            touches: crate::touches::Touches::default(),
            stamps,
            audit_rows: Vec::new(),
        }
    }

    /// Appends an audit row to this transaction: it is stored if, and only if, the transaction
    /// commits. On SQLite it is written by the commit itself, in the same trip to the writer's
    /// thread as the end of the use case's savepoint (a refused row then fails the commit and
    /// undoes the use case); on PostgreSQL at once.
    pub async fn append_audit(
        &mut self,
        entry: &puerta_domain::audit::NewAuditEntry,
    ) -> Result<(), StoreError> {
        match &self.inner {
            TxInner::Sqlite(_) => {
                self.audit_rows.push(entry.clone());
                Ok(())
            }
            TxInner::Postgres(_) => self.audit().append(entry).await,
        }
    }

    /// Publishes `text` to every live listener if, and once, this transaction commits.
    pub async fn announce(&mut self, text: &str) -> Result<(), StoreError> {
        match &mut self.inner {
            TxInner::Postgres(tx) => {
                sqlx::query("SELECT pg_notify($1, $2)")
                    .bind(crate::live::CHANNEL)
                    .bind(text)
                    .execute(&mut **tx)
                    .await?;
            }
            TxInner::Sqlite(_) => self.announcements.push(std::sync::Arc::from(text)),
        }
        Ok(())
    }

    fn conn(&mut self) -> (Conn<'_>, &mut crate::touches::Touches) {
        let conn = match &mut self.inner {
            TxInner::Sqlite(member) => Conn::Sqlite(member.conn()),
            TxInner::Postgres(tx) => Conn::Postgres(&mut *tx),
        };
        (conn, &mut self.touches)
    }

    /// Makes every write of this transaction permanent, all together.
    pub async fn commit(self) -> Result<(), StoreError> {
        let WriteTx { inner, announcements, local, touches, stamps, audit_rows } = self;
        let tail = match (&inner, audit_rows.is_empty()) {
            (TxInner::Sqlite(_), false) => Some(crate::audit::inserts_sqlite(&audit_rows)?),
            _ => None,
        };
        // On a task of its own, so that what follows a commit (the account stamps moving, the
        // announcements on SQLite) happens after it even when the caller is cancelled while
        // waiting: SQLite's group commit still commits such a member with its batch, and a
        // stamp moved before that commit lands could let a reader remember what it replaces.
        let ending = tokio::spawn(async move {
            // Moved however this ends: a failed commit may have committed all the same.
            let _advance = crate::touches::AdvanceOnDrop { stamps, touches };
            match inner {
                TxInner::Sqlite(tx) => tx.commit(tail).await?,
                TxInner::Postgres(tx) => tx.commit().await?,
            }
            if let Some(local) = &local {
                for text in announcements {
                    // No listener is not an error: nobody is watching.
                    let _ = local.send(crate::live::Announcement::Text(text));
                }
            }
            Ok(())
        });
        match ending.await {
            Ok(outcome) => outcome,
            Err(e) => Err(StoreError::Batch(format!("the commit did not finish: {e}"))),
        }
    }

    /// Undoes every write of this transaction (what dropping it does, but awaited).
    pub async fn rollback(self) -> Result<(), StoreError> {
        match self.inner {
            TxInner::Sqlite(tx) => tx.rollback().await?,
            TxInner::Postgres(tx) => tx.rollback().await?,
        }
        Ok(())
    }
}

impl ReadTx {
    pub(crate) fn sqlite(conn: crate::backend::Reader) -> Self {
        Self { inner: ReadInner::Sqlite(conn) }
    }

    pub(crate) fn postgres(conn: PoolConnection<Postgres>) -> Self {
        Self { inner: ReadInner::Postgres(conn) }
    }

    fn conn(&mut self) -> Conn<'_> {
        match &mut self.inner {
            ReadInner::Sqlite(c) => Conn::Sqlite(c.conn()),
            ReadInner::Postgres(c) => Conn::Postgres(&mut *c),
        }
    }
}

/// Adds `fn $name(&mut self) -> $repo<'_, M>` to both handles: a new area adds one line here.
macro_rules! repositories {
    ($($(#[$doc:meta])* $name:ident => $repo:ident,)*) => {
        impl WriteTx {
            $($(#[$doc])* pub fn $name(&mut self) -> crate::$repo<'_, Write> {
                let (conn, touches) = self.conn();
                crate::$repo::new_write(conn, touches)
            })*
        }
        impl ReadTx {
            $($(#[$doc])* pub fn $name(&mut self) -> crate::$repo<'_, Read> { crate::$repo::new(self.conn()) })*
        }
    };
}

repositories! {
    /// Accounts: users and their credentials.
    users => Users,
    /// Sign-in sessions and API tokens.
    sessions => Sessions,
    /// One-time codes (verification, reset, email change).
    codes => Codes,
    /// Second-factor recovery codes.
    recovery_codes => RecoveryCodes,
    /// Throttle counters.
    throttles => Throttles,
    /// The append-only audit log.
    audit => Audit,
    /// Server secrets shared by every instance.
    secrets => Secrets,
    /// Published content (Entry Requirements).
    content => Content,
    /// Ports of entry.
    ports => Ports,
    /// Outgoing emails and SMS, delivered by the worker.
    outbox => Outbox,
    /// Failure counters with growing delays.
    guards => Guards,
    /// Background jobs (work handed over by a request).
    jobs => Jobs,
    /// Traveler profiles entered by account holders.
    travelers => Travelers,
    /// Submissions of advance information.
    applications => Applications,
    /// One case per traveler per application.
    cases => Cases,
    /// Each case's history.
    case_events => CaseEvents,
    /// Officer-only notes on cases.
    case_notes => CaseNotes,
    /// Requests for evidence.
    evidence_requests => EvidenceRequests,
    /// The reasons a denial may cite.
    reason_codes => ReasonCodes,
    /// First decisions.
    decisions => Decisions,
    /// Appeals and their decisions.
    appeals => Appeals,
    /// Documents attached to cases (the rows of the encrypted objects).
    documents => Documents,
    /// The watchlist case checks screen travelers against.
    watchlist => Watchlist,
    /// Each case's latest result of each check.
    case_checks => CaseChecks,
    /// Half-finished traveler profiles and application choices.
    drafts => Drafts,
    /// Each day's draw: commitment, frozen inputs, publication.
    draws => Draws,
    /// Scheduling rules set by administrators, and places per port per draw.
    scheduling => Scheduling,
    /// Groups' requests for a place in a draw, and the waitlists.
    appointment_requests => AppointmentRequests,
    /// Offers and appointments.
    appointments => Appointments,
    /// Message threads between account holders and officers.
    threads => Threads,
    /// Each account's notifications.
    notifications => Notifications,
    /// Policy notices, stored once for their audience.
    notices => Notices,
    /// Channels chosen per category of notification.
    notification_preferences => Preferences,
}
