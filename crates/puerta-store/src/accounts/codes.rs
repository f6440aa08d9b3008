use puerta_domain::accounts::CodePurpose;
use puerta_domain::ids::{CodeId, UserId};
use secrecy::{ExposeSecret, SecretString};

use super::records::{Code, user_id};
use crate::StoreError;
use crate::error::conflict_on_unique;
use crate::unit_of_work::{exec, fetch_one, fetch_optional, refusable, repository};

repository!(
    /// One-time codes. At most one live (unconsumed) code per user and purpose: the database
    /// holds that with a partial unique index.
    Codes
);

const COLUMNS: &str = "id, user_id, purpose, code_hash, link_token_hash, new_email, attempts, expires_at, consumed_at, created_at";

#[derive(sqlx::FromRow)]
struct Row {
    id: String,
    user_id: String,
    purpose: String,
    code_hash: String,
    link_token_hash: Option<String>,
    new_email: Option<String>,
    attempts: i64,
    expires_at: i64,
    consumed_at: Option<i64>,
    created_at: i64,
}

impl TryFrom<Row> for Code {
    type Error = StoreError;

    fn try_from(r: Row) -> Result<Self, StoreError> {
        Ok(Code {
            id: CodeId::parse(&r.id).map_err(|_| StoreError::Corrupt("code id".into()))?,
            user_id: user_id(&r.user_id)?,
            purpose: CodePurpose::parse(&r.purpose)
                .ok_or_else(|| StoreError::Corrupt("code purpose".into()))?,
            code_hash: SecretString::from(r.code_hash),
            link_token_hash: r.link_token_hash.map(SecretString::from),
            new_email: r.new_email,
            attempts: r.attempts,
            expires_at: r.expires_at,
            consumed_at: r.consumed_at,
            created_at: r.created_at,
        })
    }
}

impl<M> Codes<'_, M> {
    /// The user's live code for `purpose`, if it has not expired.
    pub async fn active(
        &mut self,
        user: &UserId,
        purpose: CodePurpose,
        now: i64,
    ) -> Result<Option<Code>, StoreError> {
        let sql = format!(
            "SELECT {COLUMNS} FROM one_time_codes WHERE user_id = $1 AND purpose = $2 \
             AND consumed_at IS NULL AND expires_at > $3"
        );
        fetch_optional!(&mut self.conn, Row, &sql, user.as_str(), purpose.as_str(), now)?
            .map(Code::try_from)
            .transpose()
    }

    pub async fn active_by_link(
        &mut self,
        link_hash: &SecretString,
        now: i64,
    ) -> Result<Option<Code>, StoreError> {
        let sql = format!(
            "SELECT {COLUMNS} FROM one_time_codes WHERE link_token_hash = $1 AND consumed_at IS NULL AND expires_at > $2"
        );
        fetch_optional!(&mut self.conn, Row, &sql, link_hash.expose_secret(), now)?
            .map(Code::try_from)
            .transpose()
    }
}

impl Codes<'_, crate::Write> {
    /// Retires every unconsumed code of the same user and purpose and stores the new one.
    ///
    /// The user's row is locked first (a no-op update), so on PostgreSQL two concurrent
    /// issues for one account take turns instead of one failing on the unique index.
    pub async fn issue(&mut self, c: &Code) -> Result<(), StoreError> {
        exec!(&mut self.conn, "UPDATE users SET updated_at = updated_at WHERE id = $1", c.user_id.as_str())?;
        exec!(
            &mut self.conn,
            "UPDATE one_time_codes SET consumed_at = $3 WHERE user_id = $1 AND purpose = $2 AND consumed_at IS NULL",
            c.user_id.as_str(),
            c.purpose.as_str(),
            c.created_at
        )?;
        let sql = format!(
            "INSERT INTO one_time_codes ({COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)"
        );
        refusable!(&mut self.conn, conn => {
            exec!(
                conn,
                &sql,
                c.id.as_str(),
                c.user_id.as_str(),
                c.purpose.as_str(),
                c.code_hash.expose_secret(),
                c.link_token_hash.as_ref().map(ExposeSecret::expose_secret),
                &c.new_email,
                c.attempts,
                c.expires_at,
                c.consumed_at,
                c.created_at,
            )
        })
        .map_err(conflict_on_unique)?;
        Ok(())
    }

    /// Counts one more attempt and returns the new total.
    pub async fn add_attempt(&mut self, id: &CodeId) -> Result<i64, StoreError> {
        Ok(fetch_one!(
            &mut self.conn,
            (i64,),
            "UPDATE one_time_codes SET attempts = attempts + 1 WHERE id = $1 RETURNING attempts",
            id.as_str()
        )?
        .0)
    }

    /// Marks the code used; `false` if it was already used (a race lost).
    pub async fn consume(&mut self, id: &CodeId, at: i64) -> Result<bool, StoreError> {
        let changed = exec!(
            &mut self.conn,
            "UPDATE one_time_codes SET consumed_at = $2 WHERE id = $1 AND consumed_at IS NULL",
            id.as_str(),
            at
        )?;
        Ok(changed == 1)
    }
}
