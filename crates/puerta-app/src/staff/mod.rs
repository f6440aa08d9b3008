//! The staff home (officers, supervisors, admins) and the partners' home. The staff home grows
//! with the case queue; for now both show the ports and their capacity for the day.

use puerta_domain::access::{Action, Target};
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
    /// Staff only (officer, supervisor, admin), and only with a second factor on (the policy).
    pub async fn staff_overview(&self, actor: &Actor) -> Result<StaffOverview, AppError> {
        actor.authorize(Action::StaffHome, Target::None)?;
        let ports = self.reader().await?.ports().list().await?;
        let total_daily_capacity = ports.iter().map(|p| p.daily_capacity.get()).sum();
        Ok(StaffOverview { role: actor.role, total_daily_capacity, ports })
    }
}

/// The partners' home: shelters and legal-aid organisations see what they need to help the
/// people they serve (the ports, their capacity today, the Entry Requirements).
#[derive(Debug, Clone)]
pub struct PartnerOverview {
    pub total_daily_capacity: u32,
    pub ports: Vec<Port>,
}

impl App {
    /// Partners only, with a second factor on (the policy).
    pub async fn partner_overview(&self, actor: &Actor) -> Result<PartnerOverview, AppError> {
        actor.authorize(Action::PartnerHome, Target::None)?;
        let ports = self.reader().await?.ports().list().await?;
        let total_daily_capacity = ports.iter().map(|p| p.daily_capacity.get()).sum();
        Ok(PartnerOverview { total_daily_capacity, ports })
    }
}
