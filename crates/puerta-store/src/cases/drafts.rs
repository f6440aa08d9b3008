//! Drafts of advance information: a traveler profile entered over several short pages, and the
//! group's US destination and port, kept until the account holder finishes or submits them.
//! `data` is the application's JSON of the form fields so far; the store does not read it.

use puerta_domain::ids::UserId;

use crate::StoreError;
use crate::accounts::records::user_id;
use crate::unit_of_work::{exec, fetch_all, fetch_optional, repository};

repository!(
    /// Half-finished traveler profiles and the group's chosen destination, per account holder.
    Drafts
);

/// A half-finished traveler profile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TravelerDraftRecord {
    pub id: String,
    pub account_id: UserId,
    /// JSON of the fields entered so far.
    pub data: String,
    pub created_at: i64,
    pub updated_at: i64,
}

#[derive(sqlx::FromRow)]
struct Row {
    id: String,
    account_id: String,
    data: String,
    created_at: i64,
    updated_at: i64,
}

impl TryFrom<Row> for TravelerDraftRecord {
    type Error = StoreError;

    fn try_from(r: Row) -> Result<Self, StoreError> {
        Ok(Self {
            id: r.id,
            account_id: user_id(&r.account_id)?,
            data: r.data,
            created_at: r.created_at,
            updated_at: r.updated_at,
        })
    }
}

const COLUMNS: &str = "id, account_id, data, created_at, updated_at";

impl<M> Drafts<'_, M> {
    /// The account holder's traveler drafts, oldest first.
    pub async fn list_travelers(&mut self, account: &UserId) -> Result<Vec<TravelerDraftRecord>, StoreError> {
        let sql =
            format!("SELECT {COLUMNS} FROM traveler_drafts WHERE account_id = $1 ORDER BY created_at, id");
        fetch_all!(&mut self.conn, Row, &sql, account.as_str())?
            .into_iter()
            .map(TravelerDraftRecord::try_from)
            .collect()
    }

    /// One draft of this account holder; another account's draft is `None`.
    pub async fn find_traveler(
        &mut self,
        account: &UserId,
        id: &str,
    ) -> Result<Option<TravelerDraftRecord>, StoreError> {
        let sql = format!("SELECT {COLUMNS} FROM traveler_drafts WHERE id = $1 AND account_id = $2");
        fetch_optional!(&mut self.conn, Row, &sql, id, account.as_str())?
            .map(TravelerDraftRecord::try_from)
            .transpose()
    }

    pub async fn count_travelers(&mut self, account: &UserId) -> Result<i64, StoreError> {
        let row = fetch_optional!(
            &mut self.conn,
            (i64,),
            "SELECT COUNT(*) FROM traveler_drafts WHERE account_id = $1",
            account.as_str()
        )?;
        Ok(row.map_or(0, |(n,)| n))
    }

    /// The JSON of the account's destination-and-port draft, if one was saved.
    pub async fn find_application(&mut self, account: &UserId) -> Result<Option<String>, StoreError> {
        let row = fetch_optional!(
            &mut self.conn,
            (String,),
            "SELECT data FROM application_drafts WHERE account_id = $1",
            account.as_str()
        )?;
        Ok(row.map(|(data,)| data))
    }
}

impl Drafts<'_, crate::Write> {
    pub async fn create_traveler(&mut self, d: &TravelerDraftRecord) -> Result<(), StoreError> {
        let sql = format!("INSERT INTO traveler_drafts ({COLUMNS}) VALUES ($1, $2, $3, $4, $5)");
        exec!(&mut self.conn, &sql, &d.id, d.account_id.as_str(), &d.data, d.created_at, d.updated_at)?;
        Ok(())
    }

    /// Replaces a draft's fields; `false` when this account has no such draft.
    pub async fn update_traveler(
        &mut self,
        account: &UserId,
        id: &str,
        data: &str,
        at: i64,
    ) -> Result<bool, StoreError> {
        let changed = exec!(
            &mut self.conn,
            "UPDATE traveler_drafts SET data = $1, updated_at = $2 WHERE id = $3 AND account_id = $4",
            data,
            at,
            id,
            account.as_str()
        )?;
        Ok(changed == 1)
    }

    /// `false` when this account has no such draft.
    pub async fn delete_traveler(&mut self, account: &UserId, id: &str) -> Result<bool, StoreError> {
        let deleted = exec!(
            &mut self.conn,
            "DELETE FROM traveler_drafts WHERE id = $1 AND account_id = $2",
            id,
            account.as_str()
        )?;
        Ok(deleted == 1)
    }

    /// Saves the account's destination-and-port draft (one per account).
    pub async fn put_application(&mut self, account: &UserId, data: &str, at: i64) -> Result<(), StoreError> {
        exec!(
            &mut self.conn,
            "INSERT INTO application_drafts (account_id, data, updated_at) VALUES ($1, $2, $3) \
             ON CONFLICT (account_id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at",
            account.as_str(),
            data,
            at
        )?;
        Ok(())
    }

    pub async fn delete_application(&mut self, account: &UserId) -> Result<(), StoreError> {
        exec!(&mut self.conn, "DELETE FROM application_drafts WHERE account_id = $1", account.as_str())?;
        Ok(())
    }
}
