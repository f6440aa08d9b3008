use std::fmt;

/// An email address, trimmed and lower-cased so that one mailbox has one account.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct EmailAddress(String);

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum EmailError {
    #[error("error-email-invalid")]
    Invalid,
    /// Valid by RFC 5322 but not a plain `dot-atom@domain` (a quoted local part, a comment, an
    /// IP literal, non-ASCII before the @): the mailer cannot, or may not, deliver it.
    #[error("error-email-undeliverable")]
    Undeliverable,
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
        if !valid {
            return Err(EmailError::Invalid);
        }
        match candidate.rsplit_once('@') {
            Some((local, domain)) if is_dot_atom(local) && local.len() <= 64 && is_host_name(domain) => {
                Ok(Self(candidate))
            }
            _ => Err(EmailError::Undeliverable),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// RFC 5322 `dot-atom-text`: `atext` (ASCII letters, digits and ``!#$%&'*+-/=?^_`{|}~``) in runs
/// joined by single dots. What every mailer and SMTP server carries without quoting.
fn is_dot_atom(local: &str) -> bool {
    let atext = |c: char| c.is_ascii_alphanumeric() || "!#$%&'*+-/=?^_`{|}~".contains(c);
    local.split('.').all(|run| !run.is_empty() && run.chars().all(atext))
}

/// A host name of at least two labels of letters, digits and inner hyphens (letters may be
/// non-ASCII: the mailer turns them into punycode), each up to 63 bytes; not an IP literal.
fn is_host_name(domain: &str) -> bool {
    let labels: Vec<&str> = domain.split('.').collect();
    labels.len() >= 2
        && labels.iter().all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.chars().all(|c| c.is_alphanumeric() || c == '-')
        })
        && labels.last().is_some_and(|tld| !tld.chars().all(|c| c.is_ascii_digit()))
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

    #[test]
    fn addresses_the_mailer_cannot_deliver_are_refused() {
        for bad in [
            r#""a b"@example.org"#,
            r#""ana"@example.org"#,
            r#""ana\"perez"@example.org"#,
            "ana(comment)@example.org",
            "ana@[192.168.0.1]",
            "ana@192.168.0.1",
            "ana@-example.org",
            "ana@example-.org",
            "ana@exa_mple.org",
            "ana..perez@example.org",
            ".ana@example.org",
            "ana.@example.org",
            "añá@example.org",
            &format!("{}@example.org", "a".repeat(65)),
        ] {
            assert!(EmailAddress::parse(bad).is_err(), "{bad}");
        }
        assert_eq!(EmailAddress::parse(r#""a b"@example.org"#), Err(EmailError::Undeliverable));
        assert_eq!(EmailAddress::parse("ana@[192.168.0.1]"), Err(EmailError::Undeliverable));
    }

    #[test]
    fn ordinary_addresses_are_accepted() {
        for good in [
            "ana@example.org",
            "ana.perez+puerta@mail.example.com.mx",
            "o'brien@example.ie",
            "j_doe-1@sub-domain.example.org",
            "ana@correo.méxico.mx",
            &format!("{}@example.org", "a".repeat(64)),
        ] {
            assert!(EmailAddress::parse(good).is_ok(), "{good}");
        }
    }
}
