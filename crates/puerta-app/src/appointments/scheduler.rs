//! The scheduler's round (every 30 seconds in `puerta serve`, on every instance): today's and
//! tomorrow's draws exist with their commitments before their windows open; a draw whose
//! window has closed is frozen; a frozen draw whose hour has come is run (exactly once, however
//! many instances try); offers past their deadline expire and go down the waitlist.

use chrono::DateTime;

use crate::accounts::RequestContext;
use crate::{App, AppError};

/// What one round did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SchedulerRound {
    pub frozen: usize,
    pub drawn: usize,
    pub expired: usize,
}

impl App {
    pub async fn scheduler_round(&self) -> Result<SchedulerRound, AppError> {
        let now = self.now();
        let mut round = SchedulerRound::default();
        {
            let mut tx = self.begin().await?;
            let rules = self.rules(&tx.scheduling().overrides().await?)?;
            let today = DateTime::from_timestamp_millis(now)
                .map(|t| t.with_timezone(&rules.window.zone).date_naive())
                .unwrap_or_default();
            for day in [today, today.succ_opt().unwrap_or(today)] {
                self.ensure_draw(&mut tx, day, &rules).await?;
            }
            self.commit(tx).await?;
        }
        let due = self.reader().await?.draws().unfinished_closed_by(now).await?;
        for draw in due {
            let Ok(day) = chrono::NaiveDate::parse_from_str(&draw.draw_date, "%Y-%m-%d") else { continue };
            if self.freeze_draw(day).await? {
                round.frozen += 1;
            }
            if draw.runs_at <= now {
                match self.run_draw(&RequestContext::default(), &draw.draw_date).await {
                    Ok(_) => round.drawn += 1,
                    // Another instance ran it, or it waits for its public random value.
                    Err(AppError::Conflict(_)) => {}
                    Err(e) => return Err(e),
                }
            }
        }
        round.expired = self.expire_offers().await?;
        Ok(round)
    }
}
