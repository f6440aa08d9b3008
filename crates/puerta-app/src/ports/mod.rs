//! Ports of entry: reading the reference data anyone may see.

use puerta_domain::ports::{Port, PortCode};

use crate::{App, AppError};

impl App {
    /// Every port, ordered by code. Public: no account needed.
    pub async fn list_ports(&self) -> Result<Vec<Port>, AppError> {
        Ok(self.store().list_ports().await?)
    }

    /// One port by code. Public: no account needed.
    pub async fn port(&self, code: &PortCode) -> Result<Port, AppError> {
        self.store().find_port(code).await?.ok_or(AppError::NotFound)
    }
}
