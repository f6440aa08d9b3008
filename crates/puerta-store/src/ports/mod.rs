//! Ports of entry: reference data, seeded at start and edited by admins.

use puerta_domain::ports::{Port, PortCode};

use crate::StoreError;
use crate::unit_of_work::{exec, fetch_all, fetch_optional, repository};

repository!(
    /// The ports of entry and their daily capacity.
    Ports
);

// PostgreSQL's INTEGER decodes as i32: widen it so both backends share one row type and one text.
const COLUMNS: &str = "code, name, city, state, time_zone, CAST(daily_capacity AS BIGINT) AS daily_capacity";

#[derive(sqlx::FromRow)]
struct Row {
    code: String,
    name: String,
    city: String,
    state: String,
    time_zone: String,
    daily_capacity: i64,
}

impl TryFrom<Row> for Port {
    type Error = StoreError;

    fn try_from(row: Row) -> Result<Self, StoreError> {
        Port::from_parts(&row.code, row.name, row.city, row.state, &row.time_zone, row.daily_capacity)
            .map_err(|e| StoreError::Corrupt(e.to_string()))
    }
}

impl<M> Ports<'_, M> {
    /// All ports, ordered by code.
    pub async fn list(&mut self) -> Result<Vec<Port>, StoreError> {
        let sql = format!("SELECT {COLUMNS} FROM ports ORDER BY code");
        fetch_all!(&mut self.conn, Row, &sql)?.into_iter().map(Port::try_from).collect()
    }

    pub async fn find(&mut self, code: &PortCode) -> Result<Option<Port>, StoreError> {
        let sql = format!("SELECT {COLUMNS} FROM ports WHERE code = $1");
        fetch_optional!(&mut self.conn, Row, &sql, code.as_str())?.map(Port::try_from).transpose()
    }
}

impl Ports<'_, crate::Write> {
    /// Inserts the ports that are missing and leaves existing ones untouched, so re-seeding at
    /// every start never overwrites an admin's edit. Returns how many were inserted.
    pub async fn seed(&mut self, ports: &[Port]) -> Result<u64, StoreError> {
        let mut inserted = 0;
        for port in ports {
            inserted += exec!(
                &mut self.conn,
                "INSERT INTO ports (code, name, city, state, time_zone, daily_capacity) \
                 VALUES ($1, $2, $3, $4, $5, CAST($6 AS INTEGER)) ON CONFLICT (code) DO NOTHING",
                port.code.as_str(),
                &port.name,
                &port.city,
                &port.state,
                port.time_zone.name(),
                i64::from(port.daily_capacity.get()),
            )?;
        }
        Ok(inserted)
    }
}
