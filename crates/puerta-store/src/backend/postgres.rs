use sqlx::postgres::PgPoolOptions;

use super::{ConnectOptions, Pools};
use crate::StoreError;

/// A connection idle this long is pinged before it is handed out.
const IDLE_CHECK: std::time::Duration = std::time::Duration::from_secs(10);

/// The scale-out engine: many stateless `puerta` instances share one PostgreSQL.
pub(super) async fn open(url: &str, options: &ConnectOptions) -> Result<Pools, StoreError> {
    let pool = PgPoolOptions::new()
        .max_connections(options.max_connections.max(1))
        .acquire_timeout(options.acquire_timeout)
        // sqlx pings every connection it hands out by default: a round trip per use case (three
        // for an appointment request). A connection in steady use is known to be alive; one that
        // sat idle (the server may have restarted meanwhile) is still checked first.
        .test_before_acquire(false)
        .before_acquire(|conn, meta| {
            Box::pin(async move {
                if meta.idle_for >= IDLE_CHECK {
                    sqlx::Connection::ping(conn).await?;
                }
                Ok(true)
            })
        })
        .connect(url)
        .await?;
    Ok(Pools::Postgres { pool })
}
