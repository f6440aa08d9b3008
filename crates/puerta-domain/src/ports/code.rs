use std::fmt;

/// A port's three-letter code, e.g. `SYS` for San Ysidro. Always three ASCII capital letters.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(transparent)]
pub struct PortCode(String);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PortCodeError {
    #[error("a port code is three letters, like SYS")]
    NotThreeLetters,
}

impl PortCode {
    /// Accepts any case (people type `sys` as often as `SYS`) and stores the canonical capitals.
    pub fn parse(input: &str) -> Result<Self, PortCodeError> {
        let trimmed = input.trim();
        if trimmed.len() == 3 && trimmed.bytes().all(|b| b.is_ascii_alphabetic()) {
            Ok(Self(trimmed.to_ascii_uppercase()))
        } else {
            Err(PortCodeError::NotThreeLetters)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for PortCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower_case_codes_are_canonicalised() {
        assert_eq!(PortCode::parse("sys").map(|c| c.to_string()), Ok("SYS".to_string()));
    }

    #[test]
    fn codes_that_are_not_three_letters_are_refused() {
        for bad in ["", "SY", "SYSS", "S1S", "ÑOG", "../"] {
            assert_eq!(PortCode::parse(bad), Err(PortCodeError::NotThreeLetters), "{bad}");
        }
    }
}
