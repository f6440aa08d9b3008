use std::fmt;

/// What an account may do. Travelers are the default; every other role is staff and must use a
/// second factor before any staff function answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Traveler,
    Officer,
    Supervisor,
    Admin,
    Partner,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum RoleError {
    #[error("error-role-invalid")]
    Unknown,
}

impl Role {
    pub const ALL: [Role; 5] = [Role::Traveler, Role::Officer, Role::Supervisor, Role::Admin, Role::Partner];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Traveler => "traveler",
            Self::Officer => "officer",
            Self::Supervisor => "supervisor",
            Self::Admin => "admin",
            Self::Partner => "partner",
        }
    }

    pub fn parse(input: &str) -> Result<Self, RoleError> {
        Self::ALL
            .into_iter()
            .find(|r| r.as_str() == input.trim().to_ascii_lowercase())
            .ok_or(RoleError::Unknown)
    }

    /// Staff roles need a second factor (TOTP) before they can use staff functions.
    pub fn is_staff(self) -> bool {
        !matches!(self, Self::Traveler)
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_role_but_traveler_is_staff() {
        assert!(!Role::Traveler.is_staff());
        assert!(Role::ALL.iter().filter(|r| r.is_staff()).count() == 4);
        assert_eq!(Role::parse("Admin"), Ok(Role::Admin));
        assert_eq!(Role::parse("root"), Err(RoleError::Unknown));
    }
}
