//! What every installation starts with, written idempotently at each start: the schema, the
//! reference ports, the Entry Requirements, and the server secret every instance shares.

use puerta_domain::ports::reference_ports;
use secrecy::{ExposeSecret, SecretString};

use crate::reference_cache::{Area, ReferenceCache};
use crate::security::{Keys, random_token};
use crate::{App, AppError};

/// What seeding added this time (zero on every start after the first).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SeedReport {
    pub ports_added: u64,
    pub content_added: u64,
    /// TOTP secrets sealed now (stored in the clear by an older version, or under the previous
    /// master key).
    pub secrets_sealed: u64,
    /// Documents' file keys wrapped again under the current master key (a rotation).
    pub document_keys_rewrapped: u64,
}

impl App {
    /// Migrates the schema, inserts missing reference data (never overwriting an admin's edits),
    /// loads the server keys and seals any secret not yet sealed under the current master key.
    pub async fn prepare_database(&self) -> Result<SeedReport, AppError> {
        self.inner.store.migrate().await?;
        let mut tx = self.begin().await?;
        let ports_added = tx.ports().seed(&reference_ports()).await?;
        let content_added = tx.content().seed(&crate::content::seed_items(self.now())).await?;
        let secret = tx.secrets().get_or_create("hmac", &SecretString::from(random_token())).await?;
        // Instances already running (a rolling upgrade that adds a port or an item) read afresh.
        if ports_added > 0 {
            ReferenceCache::announce(&mut tx, Area::Ports).await?;
        }
        if content_added > 0 {
            ReferenceCache::announce(&mut tx, Area::Content).await?;
        }
        tx.commit().await?;
        self.inner.reference.invalidate(Area::Ports);
        self.inner.reference.invalidate(Area::Content);
        let _ = self.inner.keys.set(Keys::new(secret.expose_secret().as_bytes().to_vec()));
        let secrets_sealed = self.seal_stored_secrets().await?;
        let document_keys_rewrapped = self.rewrap_document_keys().await?;
        Ok(SeedReport { ports_added, content_added, secrets_sealed, document_keys_rewrapped })
    }
}
