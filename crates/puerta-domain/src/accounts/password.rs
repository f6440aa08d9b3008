use std::collections::HashSet;
use std::sync::LazyLock;

/// A password a person chose, checked against the policy (NIST SP 800-63B, as Login.gov applies
/// it): 12 to 128 characters, any characters, no composition rules, not a common password.
/// Never logged: `Debug` hides it.
#[derive(Clone, PartialEq, Eq)]
pub struct NewPassword(String);

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PasswordError {
    #[error("error-password-too-short")]
    TooShort,
    #[error("error-password-too-long")]
    TooLong,
    #[error("error-password-common")]
    Common,
}

/// Bundled list of common and breached passwords; provenance in `data/PROVENANCE.md`.
static COMMON: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| include_str!("../../data/common-passwords.txt").lines().map(str::trim).collect());

pub fn common_password_count() -> usize {
    COMMON.len()
}

impl NewPassword {
    pub const MIN_CHARS: usize = 12;
    pub const MAX_CHARS: usize = 128;

    pub fn parse(input: &str) -> Result<Self, PasswordError> {
        let chars = input.chars().count();
        if chars < Self::MIN_CHARS {
            return Err(PasswordError::TooShort);
        }
        if chars > Self::MAX_CHARS {
            return Err(PasswordError::TooLong);
        }
        if COMMON.contains(input.trim().to_lowercase().as_str()) {
            return Err(PasswordError::Common);
        }
        Ok(Self(input.to_string()))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for NewPassword {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("NewPassword([hidden])")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_list_has_at_least_ten_thousand_entries() {
        assert!(common_password_count() >= 10_000, "{}", common_password_count());
    }

    #[test]
    fn length_is_counted_in_characters_not_bytes() {
        assert_eq!(NewPassword::parse("ñññññññññññ").map(|_| ()), Err(PasswordError::TooShort));
        assert!(NewPassword::parse("ñandú caminó lejos").is_ok());
        assert_eq!(NewPassword::parse(&"x".repeat(129)).map(|_| ()), Err(PasswordError::TooLong));
    }

    #[test]
    fn common_passwords_are_refused_whatever_their_case() {
        let long_common = COMMON.iter().find(|p| p.chars().count() >= 12).expect("a long common password");
        assert_eq!(NewPassword::parse(long_common).map(|_| ()), Err(PasswordError::Common));
        assert_eq!(NewPassword::parse(&long_common.to_uppercase()).map(|_| ()), Err(PasswordError::Common));
    }

    #[test]
    fn debug_never_shows_the_password() {
        let p = NewPassword::parse("correct horse battery").expect("valid");
        assert!(!format!("{p:?}").contains("horse"));
    }
}
