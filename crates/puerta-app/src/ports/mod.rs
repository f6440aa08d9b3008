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
