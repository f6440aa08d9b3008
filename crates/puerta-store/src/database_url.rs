use std::fmt;
use std::path::{Path, PathBuf};

use secrecy::{ExposeSecret, SecretString};

/// Which engine a [`DatabaseUrl`] points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// Where the database lives. The URL may hold a password, so it is kept secret and its
/// `Debug`/`Display` show only the backend and, for SQLite, the file.
#[derive(Clone)]
pub enum DatabaseUrl {
    Sqlite(PathBuf),
    Postgres(SecretString),
}

impl DatabaseUrl {
    /// `postgres://` and `postgresql://` select PostgreSQL; `sqlite://path` or `sqlite:path` a file.
    pub fn parse(url: &str) -> Option<Self> {
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Some(Self::Postgres(SecretString::from(url.to_string())))
        } else if let Some(path) = url.strip_prefix("sqlite://").or_else(|| url.strip_prefix("sqlite:")) {
            (!path.is_empty()).then(|| Self::Sqlite(PathBuf::from(path)))
        } else {
            None
        }
    }

    /// The embedded default: `puerta.db` inside the data directory.
    pub fn sqlite_in(data_dir: &Path) -> Self {
        Self::Sqlite(data_dir.join("puerta.db"))
    }

    pub fn backend(&self) -> Backend {
        match self {
            Self::Sqlite(_) => Backend::Sqlite,
            Self::Postgres(_) => Backend::Postgres,
        }
    }

    pub(crate) fn postgres_secret(&self) -> Option<&str> {
        match self {
            Self::Postgres(url) => Some(url.expose_secret()),
            Self::Sqlite(_) => None,
        }
    }
}

impl fmt::Debug for DatabaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl fmt::Display for DatabaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Sqlite(path) => write!(f, "sqlite:{}", path.display()),
            Self::Postgres(_) => f.write_str("postgres://[redacted]"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postgres_urls_never_show_their_password() {
        let url = DatabaseUrl::parse("postgres://u:hunter2@db/puerta").map(|u| format!("{u:?} {u}"));
        assert_eq!(url.as_deref(), Some("postgres://[redacted] postgres://[redacted]"));
    }

    #[test]
    fn unknown_schemes_are_refused() {
        assert!(DatabaseUrl::parse("mysql://x").is_none());
        assert!(DatabaseUrl::parse("sqlite:").is_none());
        assert_eq!(DatabaseUrl::parse("sqlite:./a.db").map(|u| u.backend()), Some(Backend::Sqlite));
    }
}
