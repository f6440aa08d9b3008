//! Puerta's use cases. Each is a method on [`App`] taking the acting person (or the request's
//! context before sign-in) and validated input, and returning a result that the pages, the API
//! and the CLI all share, so they can never disagree on who may do what.
//!
//! Every use case that writes opens exactly one transaction (`self.begin()`), writes its change,
//! its audit row and its outbox rows through that transaction's repositories, and commits once
//! (`self.commit(tx)`); slow work (password hashing) happens before the transaction opens.
//! Authorization is one call to the access policy in `puerta-domain` (`actor.authorize`).
//!
//! Areas: [`accounts`], [`content`], [`ports`], [`staff`], [`delivery`] (the outbox worker).

pub mod accounts;
pub mod appointments;
pub mod cases;
pub mod clock;
pub mod content;
pub mod dashboard;
mod dashboard_cache;
pub mod delivery;
pub mod documents;
mod error;
mod ids;
mod jobs;
pub mod messaging;
pub mod notifications;
pub mod ports;
mod reference_cache;
mod reference_data;
pub mod security;
pub mod staff;
mod unit_of_work;

use std::sync::{Arc, OnceLock};

pub use error::{AppError, FieldProblem};
pub use puerta_store::{ConnectOptions, DatabaseUrl, PoolStats, Store, StoreError, connect};
pub use reference_data::SeedReport;

use crate::accounts::{AccountLimits, SessionPolicy};
use crate::clock::Clock;
use crate::delivery::{Delivery, OutboxPolicy};
use crate::security::{HashingLimits, Keys, MasterKey, PasswordHasher};

/// What the application is built from, besides the store.
pub struct AppDeps {
    pub clock: Arc<dyn Clock>,
    pub delivery: Delivery,
    pub outbox: OutboxPolicy,
    pub hashing: HashingLimits,
    pub limits: AccountLimits,
    pub sessions: SessionPolicy,
    /// Base of links in emails, e.g. `https://puerta.example.org` (no trailing slash).
    pub public_url: String,
    /// Seals secrets at rest (TOTP secrets).
    pub master_key: MasterKey,
    /// A key being rotated out: rows sealed under it are opened and sealed again at start.
    pub previous_master_key: Option<MasterKey>,
    /// The three letters reference numbers start with (default `PUE`).
    pub reference_prefix: puerta_domain::cases::ReferencePrefix,
    /// Where case documents are stored (local files or an S3-compatible bucket).
    pub documents: documents::StorageConfig,
    /// How large one document and one case's documents may be.
    pub document_limits: DocumentLimits,
    /// The request window, draw hour, share, lead time and service area as configured.
    pub scheduling: appointments::SchedulingConfig,
}

/// Sizes for case documents.
#[derive(Debug, Clone, Copy)]
pub struct DocumentLimits {
    /// One file, in bytes (default 6 MiB).
    pub max_bytes: u64,
    /// Every document of one case together, in bytes (default 50 MiB).
    pub case_quota_bytes: u64,
}

impl Default for DocumentLimits {
    fn default() -> Self {
        Self { max_bytes: documents::DEFAULT_MAX_BYTES, case_quota_bytes: 50 * 1024 * 1024 }
    }
}

/// The application: every use case, over one store. Cheap to clone.
#[derive(Clone)]
pub struct App {
    inner: Arc<Inner>,
}

struct Inner {
    store: Store,
    clock: Arc<dyn Clock>,
    delivery: Delivery,
    outbox: OutboxPolicy,
    hasher: PasswordHasher,
    limits: AccountLimits,
    policy: SessionPolicy,
    public_url: String,
    keys: OnceLock<Keys>,
    master_key: MasterKey,
    previous_master_key: Option<MasterKey>,
    reference_prefix: puerta_domain::cases::ReferencePrefix,
    document_storage: documents::DocumentStorage,
    document_intake: documents::DocumentIntake,
    document_limits: DocumentLimits,
    scheduling: appointments::SchedulingConfig,
    /// Woken after every commit, so the delivery worker sends what was just queued.
    outbox_wake: tokio::sync::Notify,
    /// Recent draws' publications by date (recomputed once from their rows, then immutable).
    publications:
        std::sync::Mutex<std::collections::HashMap<String, Arc<puerta_domain::appointments::PublishedDraw>>>,
    /// Per-channel send rates of this instance's delivery worker.
    rates: delivery::RateLimits,
    /// This instance's live events, started by the first subscriber.
    live: tokio::sync::OnceCell<tokio::sync::broadcast::Sender<Arc<notifications::LiveEvent>>>,
    /// Ports and published Entry Requirements in memory, dropped at every edit.
    reference: Arc<reference_cache::ReferenceCache>,
    /// Sessions and their accounts as last read, so a signed-in request reads no database.
    sessions: Arc<accounts::SessionCache>,
    /// Set once this instance hears every announcement of changed accounts (nothing is
    /// remembered before: a change announced meanwhile would be missed).
    sessions_followed: tokio::sync::OnceCell<()>,
    /// Travelers' dashboards as last read, while nothing they show has changed (SQLite).
    dashboards: dashboard_cache::DashboardCache,
}

impl App {
    pub fn new(store: Store, deps: AppDeps) -> Result<Self, AppError> {
        let hasher = PasswordHasher::new(&deps.hashing)?;
        let session_ttl = match store.backend() {
            puerta_store::Backend::Sqlite => accounts::session_cache::TTL_SQLITE,
            puerta_store::Backend::Postgres => accounts::session_cache::TTL,
        };
        let document_storage = documents::DocumentStorage::new(
            &deps.documents,
            deps.master_key.clone(),
            deps.previous_master_key.clone(),
        )
        .map_err(|e| AppError::Internal(format!("document storage: {e}")))?;
        let document_intake = documents::DocumentIntake::new(documents::UploadLimits {
            max_bytes: deps.document_limits.max_bytes,
            ..documents::UploadLimits::default()
        });
        Ok(Self {
            inner: Arc::new(Inner {
                store,
                clock: deps.clock,
                delivery: deps.delivery,
                rates: delivery::RateLimits::new(&deps.outbox),
                outbox: deps.outbox,
                hasher,
                limits: deps.limits,
                policy: deps.sessions,
                public_url: deps.public_url.trim_end_matches('/').to_string(),
                keys: OnceLock::new(),
                master_key: deps.master_key,
                previous_master_key: deps.previous_master_key,
                reference_prefix: deps.reference_prefix,
                document_storage,
                document_intake,
                document_limits: deps.document_limits,
                scheduling: deps.scheduling,
                outbox_wake: tokio::sync::Notify::new(),
                publications: std::sync::Mutex::new(std::collections::HashMap::new()),
                live: tokio::sync::OnceCell::new(),
                reference: reference_cache::ReferenceCache::new(),
                sessions: Arc::new(accounts::SessionCache::new(
                    accounts::session_cache::DEFAULT_CAPACITY,
                    session_ttl,
                )),
                sessions_followed: tokio::sync::OnceCell::new(),
                dashboards: dashboard_cache::DashboardCache::new(
                    dashboard_cache::DEFAULT_CAPACITY,
                    dashboard_cache::TTL,
                ),
            }),
        })
    }

    /// `Ok` when the database answers (for `/readyz`).
    pub async fn ready(&self) -> Result<(), AppError> {
        Ok(self.inner.store.ping().await?)
    }

    /// Connection pool figures (for `/metrics`).
    pub fn pool_stats(&self) -> PoolStats {
        self.inner.store.pool_stats()
    }

    /// Closes the database (after the server and the delivery worker have stopped).
    pub async fn close(&self) {
        self.inner.store.close().await;
    }

    pub fn policy(&self) -> &SessionPolicy {
        &self.inner.policy
    }

    /// The application's clock, in epoch milliseconds (for "now at the port" displays).
    pub fn now_ms(&self) -> i64 {
        self.now()
    }

    pub(crate) fn now(&self) -> i64 {
        self.inner.clock.now_ms()
    }

    /// Server keys, loaded by [`App::prepare_database`].
    pub(crate) fn keys(&self) -> Result<&Keys, AppError> {
        self.inner
            .keys
            .get()
            .ok_or_else(|| AppError::Internal("keys not loaded: prepare_database first".into()))
    }

    /// A key for the web layer's CSRF tokens, derived from the server secret.
    pub fn csrf_key(&self) -> Result<String, AppError> {
        Ok(self.keys()?.mac(&["csrf-key"]))
    }
}
