use std::fmt;

/// An email address, trimmed and lower-cased so that one mailbox has one account.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct EmailAddress(String);

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum EmailError {
    #[error("error-email-invalid")]
    Invalid,
}

impl EmailAddress {
    /// The longest address SMTP can carry (RFC 5321 path limit).
    pub const MAX_LEN: usize = 254;

    pub fn parse(input: &str) -> Result<Self, EmailError> {
        let candidate = input.trim().to_lowercase();
        // email_address implements the RFC 5322 grammar; we also insist on a dot in the domain,
        // since a traveler's address is always on the public internet.
        let valid = candidate.len() <= Self::MAX_LEN
            && email_address::EmailAddress::is_valid(&candidate)
            && candidate
                .rsplit_once('@')
                .is_some_and(|(_, domain)| domain.contains('.') && !domain.ends_with('.'));
        if valid { Ok(Self(candidate)) } else { Err(EmailError::Invalid) }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for EmailAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_trimmed_and_lower_cased() {
        assert_eq!(
            EmailAddress::parse("  Ana.Perez@Example.ORG ").map(|e| e.to_string()),
            Ok("ana.perez@example.org".into())
        );
    }

    #[test]
    fn malformed_addresses_are_refused() {
        for bad in
            ["", "ana", "ana@", "@example.org", "ana@localhost", "ana perez@example.org", "ana@example."]
        {
            assert_eq!(EmailAddress::parse(bad), Err(EmailError::Invalid), "{bad}");
        }
    }
}
