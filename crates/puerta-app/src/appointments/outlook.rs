//! What a traveler deserves to know before asking: their registration date, the share of places
//! that goes to the oldest registrations, how many asked at their port in the last draw and for
//! how many places, and an honest estimate of their chance and wait.

use puerta_domain::access::{Action, Target};
use puerta_domain::appointments::{chance_permille, expected_wait_days};
use puerta_domain::ports::PortCode;

use crate::accounts::Actor;
use crate::{App, AppError};

/// The last draw at one port.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LastDraw {
    pub date: String,
    pub port_code: String,
    pub requests: i64,
    pub travelers: i64,
    pub places: u32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outlook {
    pub registered_at: i64,
    pub oldest_share_permille: u32,
    pub port_code: Option<String>,
    pub last_draw: Option<LastDraw>,
    /// Thousandths, from the last draw; `None` without one.
    pub chance_permille: Option<u32>,
    pub expected_wait_days: Option<u32>,
}

impl App {
    /// The outlook at `port` (else the port of the group's latest request, else none).
    pub async fn appointment_outlook(&self, actor: &Actor, port: Option<&str>) -> Result<Outlook, AppError> {
        actor.authorize(Action::ScheduleAppointment, Target::None)?;
        let rules = self.scheduling_rules().await?;
        let mut read = self.reader().await?;
        let holder = read.users().find(&actor.user_id).await?.ok_or(AppError::Unauthenticated)?;
        let port = match port.map(str::trim).filter(|p| !p.is_empty()) {
            Some(p) => Some(
                PortCode::parse(p)
                    .map_err(|_| AppError::field("port", "error-port-unknown"))?
                    .as_str()
                    .to_string(),
            ),
            None => read
                .appointment_requests()
                .list_for_account(&actor.user_id)
                .await?
                .first()
                .map(|r| r.port_code.clone()),
        };
        let last = read.draws().latest_drawn().await?;
        let last_draw = match (&port, last) {
            (Some(port), Some(draw)) => {
                let capacity = read.scheduling().capacity(&draw.draw_date).await?;
                let places = capacity
                    .iter()
                    .find(|c| c.port_code == *port)
                    .and_then(|c| u32::try_from(c.places).ok())
                    .unwrap_or(0);
                let (requests, travelers) = read.appointment_requests().demand(&draw.draw_date, port).await?;
                Some(LastDraw { date: draw.draw_date, port_code: port.clone(), requests, travelers, places })
            }
            _ => None,
        };
        let chance = last_draw.as_ref().and_then(|d| {
            chance_permille(
                d.places,
                rules.oldest_share_permille,
                u32::try_from(d.travelers).unwrap_or(u32::MAX),
            )
        });
        Ok(Outlook {
            registered_at: holder.created_at,
            oldest_share_permille: rules.oldest_share_permille,
            port_code: port,
            last_draw,
            chance_permille: chance,
            expected_wait_days: expected_wait_days(chance),
        })
    }
}
