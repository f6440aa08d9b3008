//! Opening a database: one type per backend, each implementing every store trait.

mod postgres;
mod sqlite;

use std::sync::Arc;
use std::time::Duration;

pub use postgres::PostgresStore;
pub use sqlite::SqliteStore;

use crate::{DatabaseUrl, Store, StoreError};

/// Pool tuning shared by both backends.
#[derive(Debug, Clone)]
pub struct ConnectOptions {
    /// Connections in the pool (for SQLite: readers; there is always exactly one writer).
    pub max_connections: u32,
    /// How long to wait for a connection, and for SQLite how long to wait on a locked database.
    pub acquire_timeout: Duration,
}

impl Default for ConnectOptions {
    fn default() -> Self {
        Self { max_connections: 10, acquire_timeout: Duration::from_secs(5) }
    }
}

/// Opens the database named by `url`. Does not migrate: call [`crate::Maintenance::migrate`].
pub async fn connect(url: &DatabaseUrl, options: &ConnectOptions) -> Result<Arc<dyn Store>, StoreError> {
    Ok(match url {
        DatabaseUrl::Sqlite(path) => Arc::new(SqliteStore::open(path, options).await?),
        DatabaseUrl::Postgres(_) => {
            let secret = url.postgres_secret().unwrap_or_default();
            Arc::new(PostgresStore::open(secret, options).await?)
        }
    })
}
