//! Puerta's use cases. Each is a method on [`App`] taking the actor (once accounts exist) and a
//! validated input, and returning a result the pages, the API and the CLI all share, so they can
//! never disagree on who may do what. Start with [`App`] and the [`ports`] area.

mod error;
pub mod ports;
mod reference_data;
pub use reference_data::SeedReport;

use std::sync::Arc;

pub use error::AppError;
use puerta_store::Store;

/// The application: every use case, over one store.
#[derive(Clone)]
pub struct App {
    store: Arc<dyn Store>,
}

impl App {
    pub fn new(store: Arc<dyn Store>) -> Self {
        Self { store }
    }

    /// The store, for operations endpoints (`/readyz`, pool metrics) and shutdown.
    pub fn store(&self) -> &Arc<dyn Store> {
        &self.store
    }
}
