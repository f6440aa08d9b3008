use puerta_domain::accounts::SessionKind;
use puerta_domain::ids::UserId;
use secrecy::{ExposeSecret, SecretString};

use super::records::{Session, user_id};
use crate::StoreError;
use crate::unit_of_work::{exec, fetch_optional, repository};

repository!(
    /// Sign-in sessions (cookies) and API tokens, by the hash of their token.
    Sessions
);

const COLUMNS: &str =
    "token_hash, user_id, kind, second_factor_pending, created_at, last_seen_at, expires_at, revoked_at";

#[derive(sqlx::FromRow)]
struct Row {
    token_hash: String,
    user_id: String,
    kind: String,
    second_factor_pending: bool,
    created_at: i64,
    last_seen_at: i64,
    expires_at: i64,
    revoked_at: Option<i64>,
}

impl TryFrom<Row> for Session {
    type Error = StoreError;

    fn try_from(r: Row) -> Result<Self, StoreError> {
        Ok(Session {
            token_hash: SecretString::from(r.token_hash),
            user_id: user_id(&r.user_id)?,
            kind: SessionKind::parse(&r.kind).ok_or_else(|| StoreError::Corrupt("session kind".into()))?,
            second_factor_pending: r.second_factor_pending,
            created_at: r.created_at,
            last_seen_at: r.last_seen_at,
            expires_at: r.expires_at,
            revoked_at: r.revoked_at,
        })
    }
}

impl<M> Sessions<'_, M> {
    pub async fn find(&mut self, token_hash: &SecretString) -> Result<Option<Session>, StoreError> {
        let sql = format!("SELECT {COLUMNS} FROM sessions WHERE token_hash = $1");
        fetch_optional!(&mut self.conn, Row, &sql, token_hash.expose_secret())?
            .map(Session::try_from)
            .transpose()
    }
}

impl Sessions<'_, crate::Write> {
    pub async fn create(&mut self, s: &Session) -> Result<(), StoreError> {
        let sql = format!("INSERT INTO sessions ({COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)");
        exec!(
            &mut self.conn,
            &sql,
            s.token_hash.expose_secret(),
            s.user_id.as_str(),
            s.kind.as_str(),
            s.second_factor_pending,
            s.created_at,
            s.last_seen_at,
            s.expires_at,
            s.revoked_at,
        )?;
        Ok(())
    }

    /// Records activity at `at`, only if the last record is older than `at - min_gap_ms` (so a
    /// busy session writes at most once per gap).
    pub async fn touch(
        &mut self,
        token_hash: &SecretString,
        at: i64,
        min_gap_ms: i64,
    ) -> Result<bool, StoreError> {
        let changed = exec!(
            &mut self.conn,
            "UPDATE sessions SET last_seen_at = $2 WHERE token_hash = $1 AND last_seen_at <= $2 - $3 AND revoked_at IS NULL",
            token_hash.expose_secret(),
            at,
            min_gap_ms
        )?;
        Ok(changed == 1)
    }

    /// `false` when the session was not waiting for its second factor (or is gone).
    pub async fn complete_second_factor(&mut self, token_hash: &SecretString) -> Result<bool, StoreError> {
        let changed = exec!(
            &mut self.conn,
            "UPDATE sessions SET second_factor_pending = FALSE WHERE token_hash = $1 \
             AND second_factor_pending = TRUE AND revoked_at IS NULL",
            token_hash.expose_secret()
        )?;
        Ok(changed == 1)
    }

    pub async fn revoke(&mut self, token_hash: &SecretString, at: i64) -> Result<(), StoreError> {
        exec!(
            &mut self.conn,
            "UPDATE sessions SET revoked_at = $2 WHERE token_hash = $1 AND revoked_at IS NULL",
            token_hash.expose_secret(),
            at
        )?;
        Ok(())
    }

    /// Revokes every live session of the user except `keep`; returns how many.
    pub async fn revoke_all(
        &mut self,
        user: &UserId,
        keep: Option<&SecretString>,
        at: i64,
    ) -> Result<u64, StoreError> {
        Ok(exec!(
            &mut self.conn,
            "UPDATE sessions SET revoked_at = $3 WHERE user_id = $1 AND revoked_at IS NULL \
             AND ($2 IS NULL OR token_hash <> $2)",
            user.as_str(),
            keep.map(ExposeSecret::expose_secret),
            at
        )?)
    }
}
