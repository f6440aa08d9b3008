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

/// Where to go at each reference port (street addresses of the pedestrian crossings), shown with
/// a confirmed appointment.
pub fn port_address(code: &str) -> Option<&'static str> {
    Some(match code {
        "NOG" => "DeConcini crossing, 9 North Grand Avenue, Nogales, AZ 85621",
        "BRO" => "Gateway International Bridge, 1001 East Elizabeth Street, Brownsville, TX 78520",
        "EGP" => "Eagle Pass Bridge I, 500 South Adams Street, Eagle Pass, TX 78852",
        "HID" => "Hidalgo–Reynosa International Bridge, 1 South International Boulevard, Hidalgo, TX 78557",
        "LRD" => "Gateway to the Americas Bridge, 1 Convent Avenue, Laredo, TX 78040",
        "ELP" => "Paso del Norte Bridge, 1000 South El Paso Street, El Paso, TX 79901",
        "CLX" => "Calexico West, 200 East 1st Street, Calexico, CA 92231",
        "SYS" => "PedWest, 720 East San Ysidro Boulevard, San Ysidro, CA 92173",
        _ => return None,
    })
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
