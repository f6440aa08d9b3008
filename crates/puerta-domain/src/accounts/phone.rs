/// A mobile number in E.164 form: `+`, country code, number; 8 to 15 digits in all. Spaces,
/// dashes, dots and brackets people type are removed first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhoneNumber(String);

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PhoneError {
    #[error("error-phone-invalid")]
    Invalid,
}

impl PhoneNumber {
    pub fn parse(input: &str) -> Result<Self, PhoneError> {
        let compact: String = input.chars().filter(|c| !matches!(c, ' ' | '-' | '.' | '(' | ')')).collect();
        let digits = compact.strip_prefix('+').ok_or(PhoneError::Invalid)?;
        let valid = (8..=15).contains(&digits.len())
            && digits.bytes().all(|b| b.is_ascii_digit())
            && !digits.starts_with('0');
        if valid { Ok(Self(compact)) } else { Err(PhoneError::Invalid) }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_numbers_are_normalised_to_e164() {
        assert_eq!(
            PhoneNumber::parse("+52 (55) 1234-5678").map(|p| p.as_str().to_string()),
            Ok("+525512345678".into())
        );
        for bad in ["5512345678", "+0123456789", "+52 55 CALL ME", "+1234567", "+1234567890123456"] {
            assert_eq!(PhoneNumber::parse(bad), Err(PhoneError::Invalid), "{bad}");
        }
    }
}
