//! A traveler's identity document, as they describe it (the scanned file is uploaded separately).
//!
//! Numbers are compared with watchlists and across cases, so they are kept in one canonical form:
//! upper case, no spaces. An expired document is accepted — people fleeing often carry one, and
//! an officer decides what it is worth — but it is flagged so the officer sees it.

use std::fmt;

use chrono::{Months, NaiveDate};

use super::CountryCode;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DocumentType {
    Passport,
    NationalId,
    BirthCertificate,
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum DocumentTypeError {
    #[error("error-document-type-invalid")]
    Unknown,
}

impl DocumentType {
    pub const ALL: [DocumentType; 4] = [
        DocumentType::Passport,
        DocumentType::NationalId,
        DocumentType::BirthCertificate,
        DocumentType::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Passport => "passport",
            Self::NationalId => "national_id",
            Self::BirthCertificate => "birth_certificate",
            Self::Other => "other",
        }
    }

    pub fn parse(input: &str) -> Result<Self, DocumentTypeError> {
        let name = input.trim();
        Self::ALL.into_iter().find(|t| t.as_str() == name).ok_or(DocumentTypeError::Unknown)
    }
}

impl fmt::Display for DocumentType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A document number: 1–30 of `A–Z`, `0–9` and `-`, after upper-casing and removing spaces.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct DocumentNumber(String);

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum DocumentNumberError {
    #[error("error-document-number-required")]
    Empty,
    /// A character other than A–Z, 0–9 and `-`, or more than 30 characters.
    #[error("error-document-number-invalid")]
    Invalid,
}

impl DocumentNumber {
    pub const MAX_CHARS: usize = 30;

    pub fn parse(input: &str) -> Result<Self, DocumentNumberError> {
        // ASCII upper-casing only: "ß" must not become "SS", nor "ı" become "I", and so pass.
        let compact: String =
            input.chars().filter(|c| !c.is_whitespace()).map(|c| c.to_ascii_uppercase()).collect();
        if compact.is_empty() {
            return Err(DocumentNumberError::Empty);
        }
        let valid = compact.len() <= Self::MAX_CHARS
            && compact.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'-');
        if valid { Ok(Self(compact)) } else { Err(DocumentNumberError::Invalid) }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ExpiryDateError {
    #[error("error-document-expiry-format")]
    Format,
    /// Further ahead than any document is issued for: a typing mistake (2205 for 2025).
    #[error("error-document-expiry-too-late")]
    TooLate,
}

/// How far ahead an expiry date may be: passports run 10 years, a few IDs longer.
pub const MAX_EXPIRY_YEARS_AHEAD: u32 = 50;

/// Parses an expiry date (`YYYY-MM-DD`); a past date is fine, [`IdentityDocument::is_expired`]
/// flags it.
pub fn parse_expiry_date(input: &str, today: NaiveDate) -> Result<NaiveDate, ExpiryDateError> {
    let date = super::date::parse_iso_date(input).ok_or(ExpiryDateError::Format)?;
    let limit = today.checked_add_months(Months::new(12 * MAX_EXPIRY_YEARS_AHEAD)).unwrap_or(NaiveDate::MAX);
    if date > limit {
        return Err(ExpiryDateError::TooLate);
    }
    Ok(date)
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdentityDocument {
    pub kind: DocumentType,
    pub number: DocumentNumber,
    pub issuing_country: CountryCode,
    /// Birth certificates and some IDs never expire.
    pub expires_on: Option<NaiveDate>,
}

impl IdentityDocument {
    /// Expired on `today` (a document is valid through its expiry date).
    pub fn is_expired(&self, today: NaiveDate) -> bool {
        self.expires_on.is_some_and(|d| d < today)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn numbers_are_canonical() {
        let n = |s: &str| DocumentNumber::parse(s).map(|n| n.as_str().to_string());
        assert_eq!(n(" g123 456 78 "), Ok("G12345678".into()));
        assert_eq!(n("ab-12\t3"), Ok("AB-123".into()));
        assert_eq!(n(&"9".repeat(30)), Ok("9".repeat(30)));
        assert_eq!(n(&"9".repeat(31)), Err(DocumentNumberError::Invalid));
        assert_eq!(n("   "), Err(DocumentNumberError::Empty));
        for bad in ["AB/123", "AB.123", "Ñ123", "straße1", "AB_1", "A\u{0130}1", "１２３"] {
            assert_eq!(n(bad), Err(DocumentNumberError::Invalid), "{bad:?}");
        }
    }

    #[test]
    fn types_round_trip() {
        for kind in DocumentType::ALL {
            assert_eq!(DocumentType::parse(kind.as_str()), Ok(kind));
        }
        assert_eq!(DocumentType::parse("visa"), Err(DocumentTypeError::Unknown));
    }

    #[test]
    fn expiry_dates_may_be_past_but_are_flagged() {
        let today = d(2026, 3, 15);
        assert_eq!(parse_expiry_date("2020-01-01", today), Ok(d(2020, 1, 1)));
        assert_eq!(parse_expiry_date("2076-03-15", today), Ok(d(2076, 3, 15)));
        assert_eq!(parse_expiry_date("2076-03-16", today), Err(ExpiryDateError::TooLate));
        assert_eq!(parse_expiry_date("01/01/2030", today), Err(ExpiryDateError::Format));
        let mut document = IdentityDocument {
            kind: DocumentType::Passport,
            number: DocumentNumber::parse("G1").unwrap(),
            issuing_country: CountryCode::parse("MX").unwrap(),
            expires_on: Some(today),
        };
        assert!(!document.is_expired(today));
        assert!(document.is_expired(d(2026, 3, 16)));
        document.expires_on = None;
        assert!(!document.is_expired(d(2100, 1, 1)));
    }
}
