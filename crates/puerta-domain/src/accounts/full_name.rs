/// A person's full name as they write it: any script, trimmed, 1–200 characters, no control
/// characters. We never split it into "first" and "last": many names do not fit that shape.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FullName(String);

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum FullNameError {
    #[error("error-full-name-required")]
    Empty,
    #[error("error-full-name-too-long")]
    TooLong,
}

impl FullName {
    pub fn parse(input: &str) -> Result<Self, FullNameError> {
        let cleaned: String = input.trim().chars().filter(|c| !c.is_control()).collect();
        match cleaned.chars().count() {
            0 => Err(FullNameError::Empty),
            n if n > 200 => Err(FullNameError::TooLong),
            _ => Ok(Self(cleaned)),
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
    fn names_in_any_script_are_kept() {
        assert_eq!(
            FullName::parse(" Jean-Baptiste Dézafi ").map(|n| n.as_str().to_string()),
            Ok("Jean-Baptiste Dézafi".into())
        );
        assert_eq!(FullName::parse("  \n "), Err(FullNameError::Empty));
        assert_eq!(FullName::parse(&"a".repeat(201)), Err(FullNameError::TooLong));
    }
}
