use puerta_domain::ports::Port;

use crate::StoreError;

/// A `ports` row as both backends return it.
#[derive(sqlx::FromRow)]
pub(super) struct PortRow {
    code: String,
    name: String,
    city: String,
    state: String,
    time_zone: String,
    daily_capacity: i64,
}

impl TryFrom<PortRow> for Port {
    type Error = StoreError;

    fn try_from(row: PortRow) -> Result<Self, Self::Error> {
        Port::from_parts(&row.code, row.name, row.city, row.state, &row.time_zone, row.daily_capacity)
            .map_err(|e| StoreError::Corrupt(e.to_string()))
    }
}

pub(super) fn into_ports(rows: Vec<PortRow>) -> Result<Vec<Port>, StoreError> {
    rows.into_iter().map(Port::try_from).collect()
}
