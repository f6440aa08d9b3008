use puerta_domain::ids::{ApplicationId, UserId};

use crate::StoreError;
use crate::unit_of_work::{exec, repository};

repository!(
    /// Applications: one submission of advance information for a group.
    Applications
);

/// A group's submission and its one US destination address (validated by the application).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewApplication {
    pub id: ApplicationId,
    pub account_id: UserId,
    pub us_line1: String,
    pub us_line2: Option<String>,
    pub us_city: String,
    pub us_state: String,
    pub us_postal_code: String,
    pub submitted_at: i64,
}

impl Applications<'_, crate::Write> {
    pub async fn create(&mut self, a: &NewApplication) -> Result<(), StoreError> {
        exec!(
            &mut self.conn,
            "INSERT INTO applications (id, account_id, us_line1, us_line2, us_city, us_state, us_postal_code, submitted_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            a.id.as_str(),
            a.account_id.as_str(),
            &a.us_line1,
            a.us_line2.as_deref(),
            &a.us_city,
            &a.us_state,
            &a.us_postal_code,
            a.submitted_at,
        )?;
        Ok(())
    }
}
