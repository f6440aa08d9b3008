use chrono_tz::Tz;

use super::{DailyCapacity, PortCode};

/// A US land port of entry where travelers are scheduled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Port {
    pub code: PortCode,
    pub name: String,
    pub city: String,
    pub state: String,
    /// Every window rule and every time shown for this port uses this zone, never UTC.
    pub time_zone: Tz,
    pub daily_capacity: DailyCapacity,
}

/// Why a stored port record could not be turned into a [`Port`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PortError {
    #[error("invalid port code {0:?}")]
    Code(String),
    #[error("unknown time zone {0:?}")]
    TimeZone(String),
    #[error("daily capacity {0} is out of range")]
    Capacity(i64),
}

impl Port {
    /// Builds a port from stored text, checking each part; used by the store when it reads rows.
    pub fn from_parts(
        code: &str,
        name: String,
        city: String,
        state: String,
        time_zone: &str,
        daily_capacity: i64,
    ) -> Result<Self, PortError> {
        Ok(Self {
            code: PortCode::parse(code).map_err(|_| PortError::Code(code.to_string()))?,
            name,
            city,
            state,
            time_zone: time_zone.parse().map_err(|_| PortError::TimeZone(time_zone.to_string()))?,
            daily_capacity: DailyCapacity::try_from(daily_capacity)
                .map_err(|()| PortError::Capacity(daily_capacity))?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_port_with_an_unknown_zone_is_refused() {
        let port = Port::from_parts("NOG", "N".into(), "C".into(), "S".into(), "Mars/Olympus", 1);
        assert_eq!(port, Err(PortError::TimeZone("Mars/Olympus".into())));
    }
}
