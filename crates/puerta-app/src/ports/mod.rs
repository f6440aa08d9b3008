//! Ports of entry: reading the reference data anyone may see.

use puerta_domain::ports::{Port, PortCode};

use crate::{App, AppError};

impl App {
    /// Every port, ordered by code. Public: no account needed.
    pub async fn list_ports(&self) -> Result<Vec<Port>, AppError> {
        Ok(self.reader().await?.ports().list().await?)
    }

    /// One port by code. Public: no account needed.
    pub async fn port(&self, code: &PortCode) -> Result<Port, AppError> {
        self.reader().await?.ports().find(code).await?.ok_or(AppError::NotFound)
    }
}

/// A port's name for messages (the reference name; the code for a port added later).
pub(crate) fn port_name(code: &str) -> String {
    puerta_domain::ports::reference_ports()
        .into_iter()
        .find(|p| p.code.as_str() == code)
        .map(|p| p.name)
        .unwrap_or_else(|| code.to_string())
}
