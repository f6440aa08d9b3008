//! Reference data every installation starts with, written idempotently at each start.

use puerta_domain::ports::reference_ports;

use crate::{App, AppError};

/// What seeding added this time (zero everywhere on every start after the first).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SeedReport {
    pub ports_added: u64,
}

impl App {
    /// Migrates the schema and inserts missing reference data; never overwrites an admin's edits.
    pub async fn prepare_database(&self) -> Result<SeedReport, AppError> {
        self.store.migrate().await?;
        let ports_added = self.store.seed_ports(&reference_ports()).await?;
        Ok(SeedReport { ports_added })
    }
}
