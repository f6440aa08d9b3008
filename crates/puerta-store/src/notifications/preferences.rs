//! Each person's choice of channels per category. No row: the category's default.

use puerta_domain::ids::UserId;

use crate::StoreError;
use crate::unit_of_work::{exec, fetch_all, fetch_optional, repository};

repository!(
    /// Channels chosen per category of notification.
    Preferences
);

/// One category's choice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PreferenceRow {
    pub category: String,
    pub email: bool,
    pub sms: bool,
}

impl<M> Preferences<'_, M> {
    pub async fn list(&mut self, user: &UserId) -> Result<Vec<PreferenceRow>, StoreError> {
        let rows: Vec<(String, i64, i64)> = fetch_all!(
            &mut self.conn,
            (String, i64, i64),
            "SELECT category, email, sms FROM notification_preferences WHERE user_id = $1 ORDER BY category",
            user.as_str()
        )?;
        Ok(rows
            .into_iter()
            .map(|(category, email, sms)| PreferenceRow { category, email: email != 0, sms: sms != 0 })
            .collect())
    }

    pub async fn find(&mut self, user: &UserId, category: &str) -> Result<Option<PreferenceRow>, StoreError> {
        let row: Option<(String, i64, i64)> = fetch_optional!(
            &mut self.conn,
            (String, i64, i64),
            "SELECT category, email, sms FROM notification_preferences WHERE user_id = $1 AND category = $2",
            user.as_str(),
            category
        )?;
        Ok(row.map(|(category, email, sms)| PreferenceRow { category, email: email != 0, sms: sms != 0 }))
    }
}

impl Preferences<'_, crate::Write> {
    pub async fn set(&mut self, user: &UserId, row: &PreferenceRow) -> Result<(), StoreError> {
        exec!(
            &mut self.conn,
            "INSERT INTO notification_preferences (user_id, category, email, sms) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (user_id, category) DO UPDATE SET email = $3, sms = $4",
            user.as_str(),
            &row.category,
            i64::from(row.email),
            i64::from(row.sms),
        )?;
        Ok(())
    }
}
