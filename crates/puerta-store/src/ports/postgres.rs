use async_trait::async_trait;
use puerta_domain::ports::{Port, PortCode};

use super::PortStore;
use super::row::{PortRow, into_ports};
use crate::StoreError;
use crate::backend::PostgresStore;

// PostgreSQL's INTEGER decodes as i32; widen it so both backends share one row type.
const COLUMNS: &str = "code, name, city, state, time_zone, daily_capacity::BIGINT AS daily_capacity";

#[async_trait]
impl PortStore for PostgresStore {
    async fn list_ports(&self) -> Result<Vec<Port>, StoreError> {
        let rows: Vec<PortRow> = sqlx::query_as(&format!("SELECT {COLUMNS} FROM ports ORDER BY code"))
            .fetch_all(&self.pool)
            .await?;
        into_ports(rows)
    }

    async fn find_port(&self, code: &PortCode) -> Result<Option<Port>, StoreError> {
        let row: Option<PortRow> = sqlx::query_as(&format!("SELECT {COLUMNS} FROM ports WHERE code = $1"))
            .bind(code.as_str())
            .fetch_optional(&self.pool)
            .await?;
        row.map(Port::try_from).transpose()
    }

    async fn seed_ports(&self, ports: &[Port]) -> Result<u64, StoreError> {
        let mut tx = self.pool.begin().await?;
        let mut inserted = 0;
        for port in ports {
            inserted += sqlx::query(
                "INSERT INTO ports (code, name, city, state, time_zone, daily_capacity) \
                 VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (code) DO NOTHING",
            )
            .bind(port.code.as_str())
            .bind(&port.name)
            .bind(&port.city)
            .bind(&port.state)
            .bind(port.time_zone.name())
            .bind(i32::try_from(port.daily_capacity.get()).unwrap_or(i32::MAX))
            .execute(&mut *tx)
            .await?
            .rows_affected();
        }
        tx.commit().await?;
        Ok(inserted)
    }
}
