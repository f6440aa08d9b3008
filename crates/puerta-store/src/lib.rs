//! Persistence in domain terms, behind traits with a SQLite and a PostgreSQL implementation.
//!
//! Start at [`connect`], which opens either backend from a [`DatabaseUrl`] and returns a
//! [`Store`]: the union of the per-area traits ([`PortStore`], [`ContentStore`], the account stores, [`Maintenance`]). The conformance tests in
//! `tests/` run every trait method against both backends.

pub mod accounts;
mod backend;
pub mod content;
mod database_url;
mod error;
mod maintenance;
mod ports;

pub use accounts::{AuditStore, CodeStore, SecretStore, SessionStore, ThrottleStore, UserStore};
pub use backend::{ConnectOptions, connect};
pub use content::ContentStore;
pub use database_url::{Backend, DatabaseUrl};
pub use error::StoreError;
pub use maintenance::{Maintenance, PoolStats};
pub use ports::PortStore;

/// Everything the application needs from persistence, as one object it can share.
pub trait Store:
    PortStore
    + ContentStore
    + UserStore
    + CodeStore
    + SessionStore
    + ThrottleStore
    + AuditStore
    + SecretStore
    + Maintenance
    + Send
    + Sync
{
}

impl<T> Store for T where
    T: PortStore
        + ContentStore
        + UserStore
        + CodeStore
        + SessionStore
        + ThrottleStore
        + AuditStore
        + SecretStore
        + Maintenance
        + Send
        + Sync
{
}
