use puerta_domain::ids::{ApplicationId, UserId};

use crate::StoreError;
use crate::unit_of_work::{exec, fetch_optional, repository};

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
    /// The port the group plans to use, if they chose one.
    pub port_code: Option<String>,
    pub submitted_at: i64,
}

/// A stored application reads back as what was written.
pub type ApplicationRecord = NewApplication;

#[derive(sqlx::FromRow)]
struct Row {
    id: String,
    account_id: String,
    us_line1: String,
    us_line2: Option<String>,
    us_city: String,
    us_state: String,
    us_postal_code: String,
    port_code: Option<String>,
    submitted_at: i64,
}

impl<M> Applications<'_, M> {
    pub async fn find(&mut self, id: &ApplicationId) -> Result<Option<ApplicationRecord>, StoreError> {
        let row = fetch_optional!(
            &mut self.conn,
            Row,
            "SELECT id, account_id, us_line1, us_line2, us_city, us_state, us_postal_code, port_code, submitted_at \
             FROM applications WHERE id = $1",
            id.as_str(),
        )?;
        row.map(|r| {
            Ok(ApplicationRecord {
                id: ApplicationId::parse(&r.id).map_err(|_| StoreError::Corrupt("application id".into()))?,
                account_id: crate::accounts::records::user_id(&r.account_id)?,
                us_line1: r.us_line1,
                us_line2: r.us_line2,
                us_city: r.us_city,
                us_state: r.us_state,
                us_postal_code: r.us_postal_code,
                port_code: r.port_code,
                submitted_at: r.submitted_at,
            })
        })
        .transpose()
    }
}

impl Applications<'_, crate::Write> {
    pub async fn create(&mut self, a: &NewApplication) -> Result<(), StoreError> {
        exec!(
            &mut self.conn,
            "INSERT INTO applications (id, account_id, us_line1, us_line2, us_city, us_state, us_postal_code, \
             port_code, submitted_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
            a.id.as_str(),
            a.account_id.as_str(),
            &a.us_line1,
            a.us_line2.as_deref(),
            &a.us_city,
            &a.us_state,
            &a.us_postal_code,
            a.port_code.as_deref(),
            a.submitted_at,
        )?;
        Ok(())
    }
}
