//! The time zone a person reads times in (sign-in notices now; request windows and appointments
//! later). A short list of the zones travelers live in, in Mexico and along the border, so the
//! choice is a simple list of place names; time-zone arithmetic is chrono-tz's (IANA data).

use chrono_tz::Tz;

/// The zones a person may choose, each with different clocks over the year. Mexico City first
/// (the default; also Guadalajara, Monterrey, Chihuahua). Tijuana and Ciudad Juárez follow the
/// US daylight-saving dates like the border towns around Matamoros; Sonora and Quintana Roo
/// keep one time all year.
pub const TIME_ZONES: [Tz; 6] = [
    chrono_tz::America::Mexico_City,
    chrono_tz::America::Tijuana,
    chrono_tz::America::Hermosillo,
    chrono_tz::America::Ciudad_Juarez,
    chrono_tz::America::Matamoros,
    chrono_tz::America::Cancun,
];

/// Where a person's times are shown when they have not chosen (most travelers are in Mexico).
pub const DEFAULT_TIME_ZONE: Tz = chrono_tz::America::Mexico_City;

/// One of [`TIME_ZONES`], by its IANA name; anything else is `None`.
pub fn parse_time_zone(input: &str) -> Option<Tz> {
    TIME_ZONES.into_iter().find(|z| z.name() == input.trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_listed_zones_are_accepted() {
        assert_eq!(parse_time_zone("America/Tijuana"), Some(chrono_tz::America::Tijuana));
        assert_eq!(parse_time_zone(" America/Mexico_City "), Some(DEFAULT_TIME_ZONE));
        for bad in ["", "UTC", "Europe/Paris", "america/tijuana", "America/Tijuana\n\u{202e}"] {
            assert_eq!(parse_time_zone(bad), None, "{bad:?}");
        }
        assert_eq!(TIME_ZONES[0], DEFAULT_TIME_ZONE);
    }
}
