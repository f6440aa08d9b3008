//! Ports of entry: reference data, seeded at start and edited by admins.

mod postgres;
mod row;
mod sqlite;

use async_trait::async_trait;
use puerta_domain::ports::{Port, PortCode};

use crate::StoreError;

#[async_trait]
pub trait PortStore {
    /// All ports, ordered by code.
    async fn list_ports(&self) -> Result<Vec<Port>, StoreError>;
    async fn find_port(&self, code: &PortCode) -> Result<Option<Port>, StoreError>;
    /// Inserts the ports that are missing and leaves existing ones untouched, so re-seeding at
    /// every start never overwrites an admin's edit. Returns how many were inserted.
    async fn seed_ports(&self, ports: &[Port]) -> Result<u64, StoreError>;
}
