//! One line of text a traveler types about a person or a place: names, city of birth, address
//! lines.
//!
//! The rules are `FullName`'s (any script, trimmed, NFC, no control characters, no bidi controls,
//! no line or paragraph separators, invisible characters removed but ZWJ/ZWNJ kept): these values
//! end up in officer screens, emails and watchlist matching, where text that reorders what
//! follows it or hides inside a name is dangerous. Only the length differs, and the messages talk
//! about "this" field rather than "your name", since an account holder types for companions too.

use crate::accounts::{FullName, FullNameError};

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum TextError {
    #[error("error-field-required")]
    Empty,
    #[error("error-text-too-long")]
    TooLong,
    #[error("error-text-control")]
    Control,
    #[error("error-text-bidi")]
    Bidi,
    #[error("error-text-separator")]
    Separator,
}

/// 1–100 characters, after cleaning.
pub const MAX_TEXT_CHARS: usize = 100;

fn clean(input: &str) -> Result<String, TextError> {
    let cleaned = FullName::parse(input).map_err(|e| match e {
        FullNameError::Empty => TextError::Empty,
        FullNameError::TooLong => TextError::TooLong,
        FullNameError::Control => TextError::Control,
        FullNameError::Bidi => TextError::Bidi,
        FullNameError::Separator => TextError::Separator,
    })?;
    if cleaned.as_str().chars().count() > MAX_TEXT_CHARS {
        return Err(TextError::TooLong);
    }
    Ok(cleaned.as_str().to_string())
}

/// A given name or a family name, as written in the traveler's documents, in any script.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PersonName(String);

impl PersonName {
    pub fn parse(input: &str) -> Result<Self, TextError> {
        clean(input).map(Self)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A place name or an address line (city of birth, street, US city).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct TextLine(String);

impl TextLine {
    pub fn parse(input: &str) -> Result<Self, TextError> {
        clean(input).map(Self)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_in_any_script_up_to_100_characters() {
        for name in ["José", "Jean-Baptiste", "محمد", "Nguyễn", "李", "Ìyá", "O'Brien", "Þórr"] {
            assert_eq!(PersonName::parse(name).map(|n| n.as_str().to_string()), Ok(name.to_string()));
        }
        assert_eq!(PersonName::parse(&"é".repeat(100)).map(|n| n.as_str().chars().count()), Ok(100));
        assert_eq!(PersonName::parse(&"é".repeat(101)), Err(TextError::TooLong));
        assert_eq!(PersonName::parse(&"a".repeat(300)), Err(TextError::TooLong));
        // "e" + combining acute: 100 characters once composed.
        assert!(PersonName::parse(&"e\u{0301}".repeat(100)).is_ok());
    }

    #[test]
    fn the_full_name_rules_apply() {
        assert_eq!(PersonName::parse("  "), Err(TextError::Empty));
        assert_eq!(PersonName::parse("\u{200B}"), Err(TextError::Empty));
        assert_eq!(PersonName::parse("Ana\nMaría"), Err(TextError::Control));
        assert_eq!(PersonName::parse("Ana\u{202E}"), Err(TextError::Bidi));
        assert_eq!(TextLine::parse("Calle 1\u{2028}Apt 2"), Err(TextError::Separator));
        assert_eq!(
            TextLine::parse(" Brownsville \t").map(|t| t.as_str().to_string()),
            Ok("Brownsville".into())
        );
        assert_eq!(PersonName::parse("Jose\u{0301}").map(|n| n.as_str().to_string()), Ok("José".into()));
    }
}
