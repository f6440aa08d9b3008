//! Ports of entry: reading the reference data anyone may see, from memory (see
//! `reference_cache`: the rows change only when reference data is seeded, and what seeding adds
//! is announced to every instance).

use std::sync::Arc;

use puerta_domain::ports::{Port, PortCode};

use crate::reference_cache::{Area, Tagged};
use crate::{App, AppError};

/// Every port, ordered by code, as read at one moment; see [`App::published_ports`].
#[derive(Debug)]
pub struct PublishedPorts {
    ports: Vec<Port>,
    generation: Option<u64>,
}

impl PublishedPorts {
    /// Every port, ordered by code.
    pub fn ports(&self) -> &[Port] {
        &self.ports
    }

    pub fn find(&self, code: &PortCode) -> Option<&Port> {
        self.ports.iter().find(|p| p.code == *code)
    }

    /// Names this exact list (see `PublishedEntries::generation`); `None`: not kept.
    pub fn generation(&self) -> Option<u64> {
        self.generation
    }
}

impl Tagged for PublishedPorts {
    fn tag(&self) -> Option<u64> {
        self.generation
    }
}

impl App {
    /// Every port, from memory while nothing changed since it was read. Public.
    pub async fn published_ports(&self) -> Result<Arc<PublishedPorts>, AppError> {
        let cache = &self.inner.reference;
        cache
            .get_or_build(&self.inner.store, Area::Ports, &cache.ports, |generation| async move {
                let ports = self.reader().await?.ports().list().await?;
                Ok(PublishedPorts { ports, generation })
            })
            .await
    }

    /// Every port, ordered by code. Public: no account needed.
    pub async fn list_ports(&self) -> Result<Vec<Port>, AppError> {
        Ok(self.published_ports().await?.ports().to_vec())
    }

    /// One port by code. Public: no account needed.
    pub async fn port(&self, code: &PortCode) -> Result<Port, AppError> {
        self.published_ports().await?.find(code).cloned().ok_or(AppError::NotFound)
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
