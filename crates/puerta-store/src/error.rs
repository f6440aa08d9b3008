/// A persistence failure. Holds no SQL text and no row data, so it is safe to log.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    #[error("migration failed: {0}")]
    Migration(#[from] sqlx::migrate::MigrateError),
    #[error("conflicts with an existing record")]
    Conflict,
    #[error("stored data is inconsistent: {0}")]
    Corrupt(String),
    #[error("cannot prepare the data directory: {0}")]
    Io(#[from] std::io::Error),
}
