/// A persistence failure. Holds no SQL text and no row data, so it is safe to log.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    #[error("migration failed: {0}")]
    Migration(#[from] sqlx::migrate::MigrateError),
    #[error("conflicts with an existing record")]
    Conflict,
    /// The database refused a change that would leave no active administrator.
    #[error("the last active administrator cannot be removed")]
    LastAdmin,
    #[error("stored data is inconsistent: {0}")]
    Corrupt(String),
    /// SQLite's group commit could not commit the batch this transaction was part of: nothing
    /// of it was written.
    #[error("the batch of transactions failed: {0}")]
    Batch(String),
    #[error("cannot prepare the data directory: {0}")]
    Io(#[from] std::io::Error),
}

impl StoreError {
    /// The database is too busy to answer now (no free connection in time, or SQLite's writer
    /// stayed locked past the busy timeout): nothing was written, and trying again later is
    /// the right answer, not an internal error.
    pub fn is_busy(&self) -> bool {
        match self {
            StoreError::Database(sqlx::Error::PoolTimedOut) => true,
            StoreError::Database(sqlx::Error::Database(db)) => {
                // SQLITE_BUSY (5) and SQLITE_LOCKED (6), with their extended codes.
                db.code().and_then(|c| c.parse::<i64>().ok()).is_some_and(|c| matches!(c & 0xff, 5 | 6))
                    && db.try_downcast_ref::<sqlx::sqlite::SqliteError>().is_some()
            }
            _ => false,
        }
    }
}

/// Turns a unique-constraint violation into `Conflict`, so callers can answer without leaking.
pub(crate) fn conflict_on_unique(error: sqlx::Error) -> StoreError {
    match &error {
        sqlx::Error::Database(db) if db.is_unique_violation() => StoreError::Conflict,
        _ => StoreError::Database(error),
    }
}

/// The `users_keep_an_admin` trigger (both backends) raises `last_admin`.
pub(crate) fn last_admin_guard(error: sqlx::Error) -> StoreError {
    match &error {
        sqlx::Error::Database(db) if db.message().contains("last_admin") => StoreError::LastAdmin,
        _ => StoreError::Database(error),
    }
}
