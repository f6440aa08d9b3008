//! Countries as ISO 3166-1 alpha-2 codes: what we store for nationality, country of birth and of
//! residence, and a document's issuing country. Names are shown localized by the web layer from
//! the code (one Fluent message per code), so the domain keeps codes only.

use std::fmt;

/// Every officially assigned ISO 3166-1 alpha-2 code (249, as published by the ISO 3166
/// Maintenance Agency), sorted. User-assigned codes such as `XK` (used by some for Kosovo) and
/// reserved ones (`EU`, `UK`) are not in it: a case must carry a code every partner system knows.
pub const COUNTRY_CODES: [&str; 249] = [
    "AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ", "AR", "AS", "AT", "AU", "AW", "AX", "AZ", "BA",
    "BB", "BD", "BE", "BF", "BG", "BH", "BI", "BJ", "BL", "BM", "BN", "BO", "BQ", "BR", "BS", "BT", "BV",
    "BW", "BY", "BZ", "CA", "CC", "CD", "CF", "CG", "CH", "CI", "CK", "CL", "CM", "CN", "CO", "CR", "CU",
    "CV", "CW", "CX", "CY", "CZ", "DE", "DJ", "DK", "DM", "DO", "DZ", "EC", "EE", "EG", "EH", "ER", "ES",
    "ET", "FI", "FJ", "FK", "FM", "FO", "FR", "GA", "GB", "GD", "GE", "GF", "GG", "GH", "GI", "GL", "GM",
    "GN", "GP", "GQ", "GR", "GS", "GT", "GU", "GW", "GY", "HK", "HM", "HN", "HR", "HT", "HU", "ID", "IE",
    "IL", "IM", "IN", "IO", "IQ", "IR", "IS", "IT", "JE", "JM", "JO", "JP", "KE", "KG", "KH", "KI", "KM",
    "KN", "KP", "KR", "KW", "KY", "KZ", "LA", "LB", "LC", "LI", "LK", "LR", "LS", "LT", "LU", "LV", "LY",
    "MA", "MC", "MD", "ME", "MF", "MG", "MH", "MK", "ML", "MM", "MN", "MO", "MP", "MQ", "MR", "MS", "MT",
    "MU", "MV", "MW", "MX", "MY", "MZ", "NA", "NC", "NE", "NF", "NG", "NI", "NL", "NO", "NP", "NR", "NU",
    "NZ", "OM", "PA", "PE", "PF", "PG", "PH", "PK", "PL", "PM", "PN", "PR", "PS", "PT", "PW", "PY", "QA",
    "RE", "RO", "RS", "RU", "RW", "SA", "SB", "SC", "SD", "SE", "SG", "SH", "SI", "SJ", "SK", "SL", "SM",
    "SN", "SO", "SR", "SS", "ST", "SV", "SX", "SY", "SZ", "TC", "TD", "TF", "TG", "TH", "TJ", "TK", "TL",
    "TM", "TN", "TO", "TR", "TT", "TV", "TW", "TZ", "UA", "UG", "UM", "US", "UY", "UZ", "VA", "VC", "VE",
    "VG", "VI", "VN", "VU", "WF", "WS", "YE", "YT", "ZA", "ZM", "ZW",
];

/// An officially assigned ISO 3166-1 alpha-2 code, upper case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CountryCode([u8; 2]);

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum CountryError {
    /// Not one of the [`COUNTRY_CODES`] (forms offer a list, so this is a tampered or stale value).
    #[error("error-country-invalid")]
    Unknown,
}

impl CountryCode {
    /// Accepts a code in any case, with spaces around it.
    pub fn parse(input: &str) -> Result<Self, CountryError> {
        let code = input.trim().to_ascii_uppercase();
        COUNTRY_CODES
            .binary_search(&code.as_str())
            .map(|i| {
                let b = COUNTRY_CODES[i].as_bytes();
                Self([b[0], b[1]])
            })
            .map_err(|_| CountryError::Unknown)
    }

    pub fn as_str(&self) -> &str {
        // Two ASCII letters from the list.
        std::str::from_utf8(&self.0).unwrap_or_default()
    }

    /// Every code, in order (for the country lists on the forms).
    pub fn all() -> impl Iterator<Item = CountryCode> {
        COUNTRY_CODES.iter().map(|c| {
            let b = c.as_bytes();
            CountryCode([b[0], b[1]])
        })
    }
}

impl fmt::Display for CountryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl serde::Serialize for CountryCode {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_is_complete_sorted_and_well_formed() {
        assert_eq!(COUNTRY_CODES.len(), 249);
        assert!(COUNTRY_CODES.windows(2).all(|w| w[0] < w[1]), "sorted and without duplicates");
        assert!(COUNTRY_CODES.iter().all(|c| c.len() == 2 && c.bytes().all(|b| b.is_ascii_uppercase())));
        assert_eq!(CountryCode::all().count(), 249);
    }

    #[test]
    fn samples() {
        for code in ["MX", "HT", "VE", "US", "CU", "GT", "HN", "SV", "NI", "CO", "EC", "BR", "SS", "AX", "BQ"]
        {
            assert_eq!(CountryCode::parse(code).map(|c| c.to_string()), Ok(code.to_string()));
        }
        assert_eq!(CountryCode::parse(" mx ").map(|c| c.to_string()), Ok("MX".into()));
        // Not officially assigned, or withdrawn: Kosovo's user-assigned code, the EU, the UK
        // (GB is the code), the Netherlands Antilles, Yugoslavia.
        for bad in ["XK", "EU", "UK", "AN", "YU", "", "M", "MEX", "M X", "ÑA", "1A"] {
            assert_eq!(CountryCode::parse(bad), Err(CountryError::Unknown), "{bad:?}");
        }
    }
}
