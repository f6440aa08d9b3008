/// A one-time code as a person types it: 6 digits (spaces and dashes ignored).
#[derive(Clone, PartialEq, Eq)]
pub struct OneTimeCode(String);

/// Never logged: `Debug` hides the digits.
impl std::fmt::Debug for OneTimeCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("OneTimeCode([redacted])")
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum OneTimeCodeError {
    #[error("error-code-format")]
    Format,
}

impl OneTimeCode {
    pub fn parse(input: &str) -> Result<Self, OneTimeCodeError> {
        let digits: String = input.chars().filter(|c| !matches!(c, ' ' | '-')).collect();
        if digits.len() == 6 && digits.bytes().all(|b| b.is_ascii_digit()) {
            Ok(Self(digits))
        } else {
            Err(OneTimeCodeError::Format)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn six_digits_with_optional_spacing() {
        assert_eq!(OneTimeCode::parse("123 456").map(|c| c.as_str().to_string()), Ok("123456".into()));
        assert!(OneTimeCode::parse("12345").is_err());
        assert!(OneTimeCode::parse("12345a").is_err());
    }
}
