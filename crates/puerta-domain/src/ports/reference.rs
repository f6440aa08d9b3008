use chrono_tz::Tz;

use super::{DailyCapacity, Port, PortCode};

/// The published national total from 30 June 2023: 1,450 appointments a day.
pub const DEFAULT_TOTAL_DAILY_CAPACITY: u32 = 1_450;

/// The eight ports in the seed, with a default split of the daily capacity.
///
/// The real split per port was never published. This one follows the size of each crossing's
/// pedestrian processing: the two busiest (San Ysidro, El Paso / Laredo) get the most, and the
/// smaller crossings less. Admins change it per port; it only seeds an empty database.
pub fn reference_ports() -> Vec<Port> {
    [
        ("NOG", "Nogales (DeConcini)", "Nogales", "Arizona", chrono_tz::America::Phoenix, 150),
        (
            "BRO",
            "Brownsville (Gateway International Bridge)",
            "Brownsville",
            "Texas",
            chrono_tz::America::Chicago,
            175,
        ),
        ("EGP", "Eagle Pass", "Eagle Pass", "Texas", chrono_tz::America::Chicago, 150),
        ("HID", "Hidalgo", "Hidalgo", "Texas", chrono_tz::America::Chicago, 175),
        (
            "LRD",
            "Laredo (Gateway to the Americas Bridge)",
            "Laredo",
            "Texas",
            chrono_tz::America::Chicago,
            200,
        ),
        ("ELP", "El Paso (Paso del Norte)", "El Paso", "Texas", chrono_tz::America::Denver, 200),
        ("CLX", "Calexico", "Calexico", "California", chrono_tz::America::Los_Angeles, 100),
        ("SYS", "San Ysidro (PedWest)", "San Ysidro", "California", chrono_tz::America::Los_Angeles, 300),
    ]
    .into_iter()
    .map(|(code, name, city, state, time_zone, capacity): (&str, &str, &str, &str, Tz, u32)| Port {
        code: PortCode::parse(code).unwrap_or_else(|_| unreachable!("literal codes are valid")),
        name: name.to_string(),
        city: city.to_string(),
        state: state.to_string(),
        time_zone,
        daily_capacity: DailyCapacity::new(capacity)
            .unwrap_or_else(|| unreachable!("literal capacities are in range")),
    })
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_split_sums_to_the_published_total() {
        let total: u32 = reference_ports().iter().map(|p| p.daily_capacity.get()).sum();
        assert_eq!(total, DEFAULT_TOTAL_DAILY_CAPACITY);
    }

    #[test]
    fn there_are_eight_ports_with_distinct_codes() {
        let mut codes: Vec<_> = reference_ports().into_iter().map(|p| p.code).collect();
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), 8);
    }

    #[test]
    fn each_port_uses_the_zone_of_its_state() {
        for port in reference_ports() {
            let expected = match port.code.as_str() {
                "NOG" => chrono_tz::America::Phoenix,
                "ELP" => chrono_tz::America::Denver,
                "CLX" | "SYS" => chrono_tz::America::Los_Angeles,
                _ => chrono_tz::America::Chicago,
            };
            assert_eq!(port.time_zone, expected, "{}", port.code);
        }
    }
}
