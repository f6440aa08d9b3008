//! The staff home: what officers, supervisors and admins see first. It grows with the case
//! queue; for now it shows the ports and their capacity for the day.

use puerta_domain::accounts::Role;
use puerta_domain::ports::Port;

use crate::accounts::Actor;
use crate::{App, AppError};

#[derive(Debug, Clone)]
pub struct StaffOverview {
    pub role: Role,
    pub total_daily_capacity: u32,
    pub ports: Vec<Port>,
}

impl App {
    /// Staff only (officer, supervisor, admin), and only with a second factor on.
    pub async fn staff_overview(&self, actor: &Actor) -> Result<StaffOverview, AppError> {
        actor.require_staff(&[Role::Officer, Role::Supervisor, Role::Admin])?;
        let ports = self.store().list_ports().await?;
        let total_daily_capacity = ports.iter().map(|p| p.daily_capacity.get()).sum();
        Ok(StaffOverview { role: actor.role, total_daily_capacity, ports })
    }
}
