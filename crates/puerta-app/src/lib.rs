//! Puerta's use cases. Each is a method on [`App`] taking the acting person (or the request's
//! context before sign-in) and validated input, and returning a result that the pages, the API
//! and the CLI all share, so they can never disagree on who may do what.
//!
//! Areas: [`accounts`], [`ports`]. Infrastructure: [`clock`], [`delivery`], [`security`].

pub mod accounts;
pub mod clock;
pub mod content;
pub mod delivery;
mod error;
pub mod ports;
mod reference_data;
pub mod security;
pub mod staff;

use std::sync::{Arc, OnceLock};

pub use error::{AppError, FieldProblem};
use puerta_store::Store;
pub use reference_data::SeedReport;

use crate::accounts::{AccountLimits, SessionPolicy};
use crate::clock::Clock;
use crate::delivery::Delivery;
use crate::security::{HashingLimits, Keys, PasswordHasher};

/// What the application is built from, besides the store.
pub struct AppDeps {
    pub clock: Arc<dyn Clock>,
    pub delivery: Delivery,
    pub hashing: HashingLimits,
    pub limits: AccountLimits,
    pub sessions: SessionPolicy,
    /// Base of links in emails, e.g. `https://puerta.example.org` (no trailing slash).
    pub public_url: String,
}

/// The application: every use case, over one store. Cheap to clone.
#[derive(Clone)]
pub struct App {
    inner: Arc<Inner>,
}

struct Inner {
    store: Arc<dyn Store>,
    clock: Arc<dyn Clock>,
    delivery: Delivery,
    hasher: PasswordHasher,
    limits: AccountLimits,
    policy: SessionPolicy,
    public_url: String,
    keys: OnceLock<Keys>,
}

impl App {
    pub fn new(store: Arc<dyn Store>, deps: AppDeps) -> Result<Self, AppError> {
        let hasher = PasswordHasher::new(&deps.hashing)?;
        Ok(Self {
            inner: Arc::new(Inner {
                store,
                clock: deps.clock,
                delivery: deps.delivery,
                hasher,
                limits: deps.limits,
                policy: deps.sessions,
                public_url: deps.public_url.trim_end_matches('/').to_string(),
                keys: OnceLock::new(),
            }),
        })
    }

    /// The store, for operations endpoints (`/readyz`, pool metrics) and shutdown.
    pub fn store(&self) -> &Arc<dyn Store> {
        &self.inner.store
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
