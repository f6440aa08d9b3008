//! Persistence in domain terms, on SQLite (the embedded default) and PostgreSQL.
//!
//! Start at [`connect`], which opens either backend and returns the [`Store`]. A use case asks
//! it for one [`WriteTx`] (`store.write()`) or a [`ReadTx`] (`store.read()`) and reaches each
//! area's repository through it: `tx.users()`, `tx.sessions()`, `tx.codes()`,
//! `tx.recovery_codes()`, `tx.throttles()`, `tx.audit()`, `tx.secrets()`, `tx.content()`,
//! `tx.ports()`, `tx.outbox()`, `tx.guards()`, `tx.jobs()`. Everything written through one `WriteTx` commits together or not
//! at all. The conformance tests in `tests/` run every repository method on both backends.

pub mod accounts;
pub mod appointments;
pub mod audit;
mod backend;
pub mod cases;
pub mod content;
mod database_url;
mod error;
pub mod jobs;
pub mod live;
pub mod messaging;
pub mod notifications;
pub mod outbox;
pub mod ports;
pub mod secrets;
pub mod touches;
mod unit_of_work;

pub use accounts::{Codes, Guards, RecoveryCodes, Sessions, Throttles, Users};
pub use appointments::{AppointmentRequests, Appointments, Draws, Scheduling};
pub use audit::Audit;
pub use backend::{ConnectOptions, PoolStats, Store, connect};
pub use cases::{
    Appeals, Applications, CaseEvents, CaseNotes, Cases, Decisions, Documents, Drafts, EvidenceRequests,
    ReasonCodes, Travelers,
};
pub use cases::{CaseChecks, Watchlist};
pub use content::Content;
pub use database_url::{Backend, DatabaseUrl};
pub use error::StoreError;
pub use jobs::Jobs;
pub use messaging::Threads;
pub use notifications::{Notices, Notifications, Preferences};
pub use outbox::Outbox;
pub use ports::Ports;
pub use secrets::Secrets;
pub use unit_of_work::{Read, ReadTx, Write, WriteTx};
