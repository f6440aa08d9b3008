use sqlx::postgres::PgPoolOptions;

use super::{ConnectOptions, Pools};
use crate::StoreError;

/// The scale-out engine: many stateless `puerta` instances share one PostgreSQL.
pub(super) async fn open(url: &str, options: &ConnectOptions) -> Result<Pools, StoreError> {
    let pool = PgPoolOptions::new()
        .max_connections(options.max_connections.max(1))
        .acquire_timeout(options.acquire_timeout)
        .connect(url)
        .await?;
    Ok(Pools::Postgres { pool })
}
