use std::fmt;

/// What a one-time code is for. Each purpose has at most one live code per account (the
/// database holds that with a partial unique index).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CodePurpose {
    VerifyEmail,
    ResetPassword,
    ChangeEmail,
}

impl CodePurpose {
    pub const ALL: [CodePurpose; 3] = [Self::VerifyEmail, Self::ResetPassword, Self::ChangeEmail];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::VerifyEmail => "verify_email",
            Self::ResetPassword => "reset_password",
            Self::ChangeEmail => "change_email",
        }
    }

    pub fn parse(input: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.as_str() == input)
    }
}

impl fmt::Display for CodePurpose {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Pages use a cookie session (idle and absolute limits); the API uses a bearer token
/// (absolute limit only, as native apps keep it in secure storage).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SessionKind {
    Cookie,
    Bearer,
}

impl SessionKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Cookie => "cookie",
            Self::Bearer => "bearer",
        }
    }

    pub fn parse(input: &str) -> Option<Self> {
        [Self::Cookie, Self::Bearer].into_iter().find(|k| k.as_str() == input)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn purposes_and_kinds_read_back_what_they_write() {
        for purpose in CodePurpose::ALL {
            assert_eq!(CodePurpose::parse(purpose.as_str()), Some(purpose));
        }
        assert_eq!(CodePurpose::parse("VERIFY_EMAIL"), None);
        for kind in [SessionKind::Cookie, SessionKind::Bearer] {
            assert_eq!(SessionKind::parse(kind.as_str()), Some(kind));
        }
        assert_eq!(SessionKind::parse("token"), None);
    }
}
