use puerta_domain::accounts::Role;
use puerta_domain::ids::UserId;
use secrecy::{ExposeSecret, SecretString};

use super::records::{NewUser, User, UserCursor, language, user_id};
use crate::StoreError;
use crate::error::{conflict_on_unique, last_admin_guard};
use crate::unit_of_work::{exec, fetch_all, fetch_one, fetch_optional, refusable, repository};

repository!(
    /// Accounts.
    Users
);

const COLUMNS: &str = "id, email, email_verified_at, password_hash, full_name, phone, language, time_zone, role, \
     totp_secret, totp_enabled_at, must_reset_password, disabled_at, deleted_at, created_at, updated_at";

/// "Some active administrator remains": the same condition the database's trigger checks. An
/// account that never verified its address does not count.
const ACTIVE_ADMIN: &str =
    "role = 'admin' AND email_verified_at IS NOT NULL AND disabled_at IS NULL AND deleted_at IS NULL";

#[derive(sqlx::FromRow)]
struct Row {
    id: String,
    email: String,
    email_verified_at: Option<i64>,
    password_hash: String,
    full_name: String,
    phone: Option<String>,
    language: String,
    time_zone: String,
    role: String,
    totp_secret: Option<String>,
    totp_enabled_at: Option<i64>,
    must_reset_password: bool,
    disabled_at: Option<i64>,
    deleted_at: Option<i64>,
    created_at: i64,
    updated_at: i64,
}

impl TryFrom<Row> for User {
    type Error = StoreError;

    fn try_from(r: Row) -> Result<Self, StoreError> {
        Ok(User {
            id: user_id(&r.id)?,
            email: r.email,
            email_verified_at: r.email_verified_at,
            password_hash: SecretString::from(r.password_hash),
            full_name: r.full_name,
            phone: r.phone,
            language: language(&r.language)?,
            time_zone: r.time_zone.parse().map_err(|_| StoreError::Corrupt("time zone".into()))?,
            role: Role::parse(&r.role).map_err(|_| StoreError::Corrupt("role".into()))?,
            totp_secret: r.totp_secret.map(SecretString::from),
            totp_enabled_at: r.totp_enabled_at,
            must_reset_password: r.must_reset_password,
            disabled_at: r.disabled_at,
            deleted_at: r.deleted_at,
            created_at: r.created_at,
            updated_at: r.updated_at,
        })
    }
}

fn one(row: Option<Row>) -> Result<Option<User>, StoreError> {
    row.map(User::try_from).transpose()
}

impl<M> Users<'_, M> {
    pub async fn find(&mut self, id: &UserId) -> Result<Option<User>, StoreError> {
        let sql = format!("SELECT {COLUMNS} FROM users WHERE id = $1");
        one(fetch_optional!(&mut self.conn, Row, &sql, id.as_str())?)
    }

    pub async fn find_by_email(&mut self, email: &str) -> Result<Option<User>, StoreError> {
        let sql = format!("SELECT {COLUMNS} FROM users WHERE email = $1");
        one(fetch_optional!(&mut self.conn, Row, &sql, email)?)
    }

    /// Accounts that are not deleted, oldest first, `limit` after `after`.
    pub async fn list(&mut self, after: Option<&UserCursor>, limit: i64) -> Result<Vec<User>, StoreError> {
        let sql = format!(
            "SELECT {COLUMNS} FROM users WHERE deleted_at IS NULL \
             AND ($1 IS NULL OR created_at > $1 OR (created_at = $1 AND id > $2)) \
             ORDER BY created_at, id LIMIT $3"
        );
        let (at, id) = after.map_or((None, None), |c| (Some(c.created_at), Some(c.id.as_str())));
        fetch_all!(&mut self.conn, Row, &sql, at, id, limit)?.into_iter().map(User::try_from).collect()
    }

    pub async fn count_active_admins(&mut self) -> Result<i64, StoreError> {
        let sql = format!("SELECT COUNT(*) FROM users WHERE {ACTIVE_ADMIN}");
        Ok(fetch_one!(&mut self.conn, (i64,), &sql)?.0)
    }

    /// Accounts whose TOTP secret is still stored in the clear (from before secrets were sealed).
    pub async fn unsealed_totp_secrets(
        &mut self,
        sealed_prefix: &str,
    ) -> Result<Vec<(UserId, SecretString)>, StoreError> {
        let rows = fetch_all!(
            &mut self.conn,
            (String, String),
            "SELECT id, totp_secret FROM users WHERE totp_secret IS NOT NULL AND substr(totp_secret, 1, length($1)) <> $1",
            sealed_prefix
        )?;
        rows.into_iter().map(|(id, s)| Ok((user_id(&id)?, SecretString::from(s)))).collect()
    }

    /// Accounts whose TOTP secret is sealed (to re-seal them under a new master key).
    pub async fn sealed_totp_secrets(
        &mut self,
        sealed_prefix: &str,
    ) -> Result<Vec<(UserId, SecretString)>, StoreError> {
        let rows = fetch_all!(
            &mut self.conn,
            (String, String),
            "SELECT id, totp_secret FROM users WHERE totp_secret IS NOT NULL AND substr(totp_secret, 1, length($1)) = $1",
            sealed_prefix
        )?;
        rows.into_iter().map(|(id, s)| Ok((user_id(&id)?, SecretString::from(s)))).collect()
    }
}

impl Users<'_, crate::Write> {
    /// Creates the user; `StoreError::Conflict` when the email already has an account.
    pub async fn create(&mut self, u: &NewUser) -> Result<(), StoreError> {
        crate::touches::account(&mut self.touched, u.id.as_str());
        refusable!(&mut self.conn, conn => exec!(conn,
            "INSERT INTO users (id, email, email_verified_at, password_hash, full_name, phone, language, \
             role, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)",
            u.id.as_str(),
            &u.email,
            u.email_verified_at,
            u.password_hash.expose_secret(),
            &u.full_name,
            &u.phone,
            u.language.code(),
            u.role.as_str(),
            u.created_at,
        ))
        .map_err(conflict_on_unique)?;
        Ok(())
    }

    /// Serializes every change that could remove the last active administrator. SQLite's
    /// `BEGIN IMMEDIATE` already makes write transactions take turns; on PostgreSQL a
    /// transaction-scoped advisory lock does, so the count that follows cannot go stale.
    pub async fn lock_admins(&mut self) -> Result<(), StoreError> {
        if self.conn.is_postgres() {
            // The key is arbitrary but fixed: "admins" in ASCII.
            exec!(&mut self.conn, "SELECT pg_advisory_xact_lock(97100109105110115)")?;
        }
        Ok(())
    }

    /// `false` when the address was verified already.
    pub async fn mark_email_verified(&mut self, id: &UserId, at: i64) -> Result<bool, StoreError> {
        crate::touches::account(&mut self.touched, id.as_str());
        let changed = exec!(
            &mut self.conn,
            "UPDATE users SET email_verified_at = $2, updated_at = $2 WHERE id = $1 AND email_verified_at IS NULL",
            id.as_str(),
            at
        )?;
        Ok(changed == 1)
    }

    /// A new registration for an address whose account was never verified replaces that
    /// account's password and phone (whoever registered first never proved the address), but
    /// not its name or language: those stay the first registrant's, so a stranger cannot change
    /// what the account's messages say. `false` when the account is verified meanwhile.
    pub async fn replace_unverified(&mut self, id: &UserId, u: &NewUser) -> Result<bool, StoreError> {
        crate::touches::account(&mut self.touched, id.as_str());
        let changed = exec!(
            &mut self.conn,
            "UPDATE users SET password_hash = $2, phone = $3, \
             totp_secret = NULL, totp_enabled_at = NULL, totp_last_step = NULL, updated_at = $4 \
             WHERE id = $1 AND email_verified_at IS NULL AND deleted_at IS NULL",
            id.as_str(),
            u.password_hash.expose_secret(),
            &u.phone,
            u.created_at,
        )?;
        Ok(changed == 1)
    }

    /// Sets the password hash and clears a forced reset.
    pub async fn set_password_hash(
        &mut self,
        id: &UserId,
        hash: &SecretString,
        at: i64,
    ) -> Result<(), StoreError> {
        crate::touches::account(&mut self.touched, id.as_str());
        exec!(
            &mut self.conn,
            "UPDATE users SET password_hash = $2, must_reset_password = FALSE, updated_at = $3 WHERE id = $1",
            id.as_str(),
            hash.expose_secret(),
            at
        )?;
        Ok(())
    }

    /// `StoreError::Conflict` when another account has the email.
    pub async fn set_email(&mut self, id: &UserId, email: &str, at: i64) -> Result<(), StoreError> {
        crate::touches::account(&mut self.touched, id.as_str());
        refusable!(&mut self.conn, conn => {
            exec!(
                conn,
                "UPDATE users SET email = $2, email_verified_at = $3, updated_at = $3 WHERE id = $1",
                id.as_str(),
                email,
                at
            )
        })
        .map_err(conflict_on_unique)?;
        Ok(())
    }

    pub async fn set_language(
        &mut self,
        id: &UserId,
        lang: puerta_domain::accounts::Language,
        at: i64,
    ) -> Result<(), StoreError> {
        crate::touches::account(&mut self.touched, id.as_str());
        exec!(
            &mut self.conn,
            "UPDATE users SET language = $2, updated_at = $3 WHERE id = $1",
            id.as_str(),
            lang.code(),
            at
        )?;
        Ok(())
    }

    pub async fn set_time_zone(
        &mut self,
        id: &UserId,
        zone: chrono_tz::Tz,
        at: i64,
    ) -> Result<(), StoreError> {
        crate::touches::account(&mut self.touched, id.as_str());
        exec!(
            &mut self.conn,
            "UPDATE users SET time_zone = $2, updated_at = $3 WHERE id = $1",
            id.as_str(),
            zone.name(),
            at
        )?;
        Ok(())
    }

    pub async fn set_phone(&mut self, id: &UserId, phone: Option<&str>, at: i64) -> Result<(), StoreError> {
        crate::touches::account(&mut self.touched, id.as_str());
        exec!(
            &mut self.conn,
            "UPDATE users SET phone = $2, updated_at = $3 WHERE id = $1",
            id.as_str(),
            phone,
            at
        )?;
        Ok(())
    }

    /// `StoreError::LastAdmin` when the database refuses to lose its last active administrator.
    pub async fn set_role(&mut self, id: &UserId, role: Role, at: i64) -> Result<(), StoreError> {
        crate::touches::account(&mut self.touched, id.as_str());
        refusable!(&mut self.conn, conn => {
            exec!(
                conn,
                "UPDATE users SET role = $2, updated_at = $3 WHERE id = $1",
                id.as_str(),
                role.as_str(),
                at
            )
        })
        .map_err(last_admin_guard)?;
        Ok(())
    }

    /// `StoreError::LastAdmin` as for [`Self::set_role`].
    pub async fn set_disabled(
        &mut self,
        id: &UserId,
        disabled_at: Option<i64>,
        at: i64,
    ) -> Result<(), StoreError> {
        crate::touches::account(&mut self.touched, id.as_str());
        refusable!(&mut self.conn, conn => {
            exec!(
                conn,
                "UPDATE users SET disabled_at = $2, updated_at = $3 WHERE id = $1",
                id.as_str(),
                disabled_at,
                at
            )
        })
        .map_err(last_admin_guard)?;
        Ok(())
    }

    pub async fn set_must_reset_password(&mut self, id: &UserId, at: i64) -> Result<(), StoreError> {
        crate::touches::account(&mut self.touched, id.as_str());
        exec!(
            &mut self.conn,
            "UPDATE users SET must_reset_password = TRUE, updated_at = $2 WHERE id = $1",
            id.as_str(),
            at
        )?;
        Ok(())
    }

    /// Stores a secret being enrolled. `false` (and nothing changes) when a second factor is
    /// already enabled: a second tab can never switch an enabled factor off.
    pub async fn start_totp(&mut self, id: &UserId, sealed: &str, at: i64) -> Result<bool, StoreError> {
        crate::touches::account(&mut self.touched, id.as_str());
        let changed = exec!(
            &mut self.conn,
            "UPDATE users SET totp_secret = $2, totp_last_step = NULL, updated_at = $3 \
             WHERE id = $1 AND totp_enabled_at IS NULL",
            id.as_str(),
            sealed,
            at
        )?;
        Ok(changed == 1)
    }

    /// Enables the enrolment whose sealed secret is `sealed`. `false` when it is already enabled
    /// or another enrolment replaced that secret meanwhile.
    pub async fn enable_totp(&mut self, id: &UserId, sealed: &str, at: i64) -> Result<bool, StoreError> {
        crate::touches::account(&mut self.touched, id.as_str());
        let changed = exec!(
            &mut self.conn,
            "UPDATE users SET totp_enabled_at = $3, updated_at = $3 \
             WHERE id = $1 AND totp_enabled_at IS NULL AND totp_secret = $2",
            id.as_str(),
            sealed,
            at
        )?;
        Ok(changed == 1)
    }

    /// Removes the second factor entirely, with its recovery codes.
    pub async fn clear_totp(&mut self, id: &UserId, at: i64) -> Result<(), StoreError> {
        crate::touches::account(&mut self.touched, id.as_str());
        exec!(
            &mut self.conn,
            "UPDATE users SET totp_secret = NULL, totp_enabled_at = NULL, totp_last_step = NULL, updated_at = $2 \
             WHERE id = $1",
            id.as_str(),
            at
        )?;
        exec!(&mut self.conn, "DELETE FROM recovery_codes WHERE user_id = $1", id.as_str())?;
        Ok(())
    }

    /// Replaces a clear-text secret with its sealed form, if it is still the same.
    pub async fn reseal_totp_secret(
        &mut self,
        id: &UserId,
        old: &SecretString,
        sealed: &str,
    ) -> Result<bool, StoreError> {
        crate::touches::account(&mut self.touched, id.as_str());
        let changed = exec!(
            &mut self.conn,
            "UPDATE users SET totp_secret = $3 WHERE id = $1 AND totp_secret = $2",
            id.as_str(),
            old.expose_secret(),
            sealed
        )?;
        Ok(changed == 1)
    }

    /// Records TOTP time step `step` as used; `false` if it or a later step was used already
    /// (a replayed code).
    pub async fn use_totp_step(&mut self, id: &UserId, step: i64) -> Result<bool, StoreError> {
        crate::touches::account(&mut self.touched, id.as_str());
        let changed = exec!(
            &mut self.conn,
            "UPDATE users SET totp_last_step = $2 WHERE id = $1 AND (totp_last_step IS NULL OR totp_last_step < $2)",
            id.as_str(),
            step
        )?;
        Ok(changed == 1)
    }

    /// Removes name, contact details and credentials, with every session, code and queued
    /// message; keeps the id so legal records stay linked to an anonymous account.
    /// `StoreError::LastAdmin` when this is the last active administrator.
    pub async fn anonymize(&mut self, id: &UserId, at: i64) -> Result<(), StoreError> {
        crate::touches::account(&mut self.touched, id.as_str());
        refusable!(&mut self.conn, conn => exec!(conn,
            "UPDATE users SET email = 'deleted-' || id || '@deleted.invalid', full_name = '', phone = NULL, \
             password_hash = '!', totp_secret = NULL, totp_enabled_at = NULL, deleted_at = $2, \
             disabled_at = $2, updated_at = $2 WHERE id = $1",
            id.as_str(),
            at
        ))
        .map_err(last_admin_guard)?;
        for sql in [
            "DELETE FROM sessions WHERE user_id = $1",
            "DELETE FROM one_time_codes WHERE user_id = $1",
            "DELETE FROM recovery_codes WHERE user_id = $1",
            // Messages not sent yet will not be: nobody is left to receive them.
            "UPDATE outbox SET address = '', payload = '{}', locked_until = NULL, \
             last_error = CASE WHEN next_attempt_at IS NULL THEN last_error ELSE 'account_deleted' END, \
             status = CASE WHEN next_attempt_at IS NULL THEN status ELSE 'permanent_failure' END, \
             next_attempt_at = NULL WHERE recipient_id = $1",
        ] {
            exec!(&mut self.conn, sql, id.as_str())?;
        }
        Ok(())
    }
}
