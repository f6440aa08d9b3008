//! What every installation starts with, written idempotently at each start: the schema, the
//! reference ports, and the server secret every instance shares.

use puerta_domain::ports::reference_ports;

use crate::security::{Keys, random_token};
use crate::{App, AppError};

/// What seeding added this time (zero on every start after the first).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SeedReport {
    pub ports_added: u64,
    pub content_added: u64,
}

impl App {
    /// Migrates the schema, inserts missing reference data (never overwriting an admin's edits)
    /// and loads the server keys.
    pub async fn prepare_database(&self) -> Result<SeedReport, AppError> {
        let store = self.store();
        store.migrate().await?;
        let ports_added = store.seed_ports(&reference_ports()).await?;
        let content_added = store.seed_content(&crate::content::seed_items(self.now())).await?;
        let secret = store.server_secret("hmac", &random_token()).await?;
        let _ = self.inner.keys.set(Keys::new(secret.into_bytes()));
        Ok(SeedReport { ports_added, content_added })
    }
}
