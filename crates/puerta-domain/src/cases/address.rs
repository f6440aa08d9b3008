//! The one US destination address a group gives: where they will stay. Checked strictly because
//! it is compared across groups (many unrelated groups giving one address is a fraud pattern).

use super::{FieldErrors, TextLine};

/// USPS codes of the 50 states, the District of Columbia and the inhabited territories (American
/// Samoa, Guam, Northern Mariana Islands, Puerto Rico, US Virgin Islands), sorted. Not the
/// military codes (AA, AE, AP: mail routing, not a place to stay) nor the freely associated states
/// (FM, MH, PW), which are not US destinations.
pub const US_STATE_CODES: [&str; 56] = [
    "AK", "AL", "AR", "AS", "AZ", "CA", "CO", "CT", "DC", "DE", "FL", "GA", "GU", "HI", "IA", "ID", "IL",
    "IN", "KS", "KY", "LA", "MA", "MD", "ME", "MI", "MN", "MO", "MP", "MS", "MT", "NC", "ND", "NE", "NH",
    "NJ", "NM", "NV", "NY", "OH", "OK", "OR", "PA", "PR", "RI", "SC", "SD", "TN", "TX", "UT", "VA", "VI",
    "VT", "WA", "WI", "WV", "WY",
];

/// A USPS state or territory code, upper case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct UsState(&'static str);

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum UsStateError {
    #[error("error-us-state-invalid")]
    Unknown,
}

impl UsState {
    pub fn parse(input: &str) -> Result<Self, UsStateError> {
        let code = input.trim().to_ascii_uppercase();
        US_STATE_CODES
            .binary_search(&code.as_str())
            .map(|i| Self(US_STATE_CODES[i]))
            .map_err(|_| UsStateError::Unknown)
    }

    pub fn as_str(&self) -> &'static str {
        self.0
    }
}

/// A ZIP code: `12345` or ZIP+4 `12345-6789` (also typed as nine digits, or with a space).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ZipCode(String);

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ZipCodeError {
    #[error("error-us-postal-code-invalid")]
    Invalid,
}

impl ZipCode {
    pub fn parse(input: &str) -> Result<Self, ZipCodeError> {
        let digits: String = input.trim().chars().filter(|c| !matches!(c, ' ' | '-')).collect();
        let dashes = input.chars().filter(|&c| c == '-').count();
        if !digits.bytes().all(|b| b.is_ascii_digit()) || dashes > 1 {
            return Err(ZipCodeError::Invalid);
        }
        // 00000 is never assigned; a dash may only sit between the two parts.
        let dash_ok = dashes == 0 || input.trim().find('-') == Some(5);
        match digits.len() {
            5 if dash_ok && dashes == 0 && digits != "00000" => Ok(Self(digits)),
            9 if dash_ok && &digits[..5] != "00000" => Ok(Self(format!("{}-{}", &digits[..5], &digits[5..]))),
            _ => Err(ZipCodeError::Invalid),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The five-digit part, for comparing addresses across groups.
    pub fn zip5(&self) -> &str {
        &self.0[..5]
    }
}

/// What a form or API body sends for `us_destination`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UsAddressInput {
    pub line1: String,
    pub line2: Option<String>,
    pub city: String,
    pub state: String,
    pub postal_code: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UsAddress {
    pub line1: TextLine,
    pub line2: Option<TextLine>,
    pub city: TextLine,
    pub state: UsState,
    pub postal_code: ZipCode,
}

impl UsAddress {
    /// Validates every field, reporting all problems at once under `us_destination.<field>`.
    pub fn parse(input: &UsAddressInput) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::new();
        let line1 = errors.check("us_destination.line1", TextLine::parse(&input.line1));
        let line2 = match input.line2.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            Some(line) => errors.check("us_destination.line2", TextLine::parse(line)).map(Some),
            None => Some(None),
        };
        let city = errors.check("us_destination.city", TextLine::parse(&input.city));
        let state = errors.check("us_destination.state", UsState::parse(&input.state));
        let postal_code = errors.check("us_destination.postal_code", ZipCode::parse(&input.postal_code));
        match (line1, line2, city, state, postal_code) {
            (Some(line1), Some(line2), Some(city), Some(state), Some(postal_code)) if errors.is_empty() => {
                Ok(Self { line1, line2, city, state, postal_code })
            }
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn states_and_territories() {
        assert_eq!(US_STATE_CODES.len(), 56);
        assert!(US_STATE_CODES.windows(2).all(|w| w[0] < w[1]));
        for code in ["TX", "ca", " dc ", "PR", "GU", "VI"] {
            assert!(UsState::parse(code).is_ok(), "{code:?}");
        }
        for bad in ["", "XX", "AA", "AE", "FM", "Texas", "T"] {
            assert_eq!(UsState::parse(bad), Err(UsStateError::Unknown), "{bad:?}");
        }
    }

    #[test]
    fn zip_codes() {
        let z = |s: &str| ZipCode::parse(s).map(|z| z.as_str().to_string());
        assert_eq!(z("78520"), Ok("78520".into()));
        assert_eq!(z(" 78520-1234 "), Ok("78520-1234".into()));
        assert_eq!(z("785201234"), Ok("78520-1234".into()));
        assert_eq!(z("78520 1234"), Ok("78520-1234".into()));
        assert_eq!(ZipCode::parse("78520-1234").unwrap().zip5(), "78520");
        for bad in [
            "",
            "7852",
            "785201",
            "78-520",
            "78520-",
            "78520--1234",
            "00000",
            "ABCDE",
            "78520-12345",
            "7852０",
        ] {
            assert_eq!(ZipCode::parse(bad), Err(ZipCodeError::Invalid), "{bad:?}");
        }
    }

    #[test]
    fn every_address_problem_at_once() {
        let errors = UsAddress::parse(&UsAddressInput::default()).unwrap_err();
        assert_eq!(
            errors.fields(),
            [
                "us_destination.line1",
                "us_destination.city",
                "us_destination.state",
                "us_destination.postal_code"
            ]
        );
        assert_eq!(errors.message_for("us_destination.line1"), Some("error-field-required"));
        let address = UsAddress::parse(&UsAddressInput {
            line1: "1200 E Elizabeth St".into(),
            line2: Some("  ".into()),
            city: "Brownsville".into(),
            state: "tx".into(),
            postal_code: "78520".into(),
        })
        .unwrap();
        assert_eq!(address.line2, None);
        assert_eq!(address.state.as_str(), "TX");
        let bad_line2 = UsAddressInput { line2: Some("Apt\u{202E}2".into()), ..UsAddressInput::default() };
        assert_eq!(
            UsAddress::parse(&bad_line2).unwrap_err().message_for("us_destination.line2"),
            Some("error-text-bidi")
        );
    }
}
