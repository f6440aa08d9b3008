//! Gender, optional. Offered because some documents and checks need it, never required, and with
//! a non-binary option and "prefer not to say" (`unspecified`) for people whose documents or
//! lives don't fit two boxes.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Gender {
    Female,
    Male,
    NonBinary,
    Unspecified,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum GenderError {
    #[error("error-gender-invalid")]
    Unknown,
}

impl Gender {
    pub const ALL: [Gender; 4] = [Gender::Female, Gender::Male, Gender::NonBinary, Gender::Unspecified];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Female => "female",
            Self::Male => "male",
            Self::NonBinary => "non_binary",
            Self::Unspecified => "unspecified",
        }
    }

    pub fn parse(input: &str) -> Result<Self, GenderError> {
        let name = input.trim();
        Self::ALL.into_iter().find(|g| g.as_str() == name).ok_or(GenderError::Unknown)
    }

    /// The Fluent id of its label on forms and the case view (`gender-<name>`).
    pub fn label_message_id(self) -> &'static str {
        match self {
            Self::Female => "gender-female",
            Self::Male => "gender-male",
            Self::NonBinary => "gender-non_binary",
            Self::Unspecified => "gender-unspecified",
        }
    }
}

impl fmt::Display for Gender {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for gender in Gender::ALL {
            assert_eq!(Gender::parse(gender.as_str()), Ok(gender));
            assert_eq!(gender.label_message_id(), format!("gender-{gender}"));
        }
        for bad in ["", "f", "Female", "non-binary", "other"] {
            assert_eq!(Gender::parse(bad), Err(GenderError::Unknown), "{bad:?}");
        }
    }
}
