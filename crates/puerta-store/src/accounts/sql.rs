//! One SQL text for both backends: `$n` placeholders work in SQLite and PostgreSQL alike, and
//! every column is a type both decode the same way (TEXT, 64-bit integers, booleans). The macro
//! only swaps the pools: SQLite reads from its reader pool and writes through its one writer.

use async_trait::async_trait;

use super::{
    AuditEntry, AuditFilter, AuditStore, CodeRecord, CodeStore, NewUser, SecretStore, SessionRecord,
    SessionStore, ThrottleStore, UserRecord, UserStore,
};
use crate::StoreError;
use crate::backend::{PostgresStore, SqliteStore};

const USER_COLUMNS: &str = "id, email, email_verified_at, password_hash, full_name, phone, language, role, \
     totp_secret, totp_enabled_at, must_reset_password, disabled_at, deleted_at, created_at, updated_at";

const CODE_COLUMNS: &str = "id, user_id, purpose, code_hash, link_token_hash, new_email, attempts, expires_at, consumed_at, created_at";

const SESSION_COLUMNS: &str =
    "token_hash, user_id, kind, second_factor_pending, created_at, last_seen_at, expires_at, revoked_at";

/// Turns a unique-constraint violation into `Conflict`, so callers can answer without leaking.
fn unique_to_conflict(error: sqlx::Error) -> StoreError {
    match &error {
        sqlx::Error::Database(db) if db.is_unique_violation() => StoreError::Conflict,
        _ => StoreError::Database(error),
    }
}

macro_rules! account_stores {
    ($store:ty, $read:ident, $write:ident) => {
        #[async_trait]
        impl UserStore for $store {
            async fn create_user(&self, u: &NewUser) -> Result<(), StoreError> {
                sqlx::query(
                    "INSERT INTO users (id, email, email_verified_at, password_hash, full_name, phone, language, \
                     role, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)",
                )
                .bind(&u.id)
                .bind(&u.email)
                .bind(u.email_verified_at)
                .bind(&u.password_hash)
                .bind(&u.full_name)
                .bind(&u.phone)
                .bind(&u.language)
                .bind(&u.role)
                .bind(u.created_at)
                .execute(&self.$write)
                .await
                .map_err(unique_to_conflict)?;
                Ok(())
            }

            async fn find_user(&self, id: &str) -> Result<Option<UserRecord>, StoreError> {
                Ok(sqlx::query_as(&format!("SELECT {USER_COLUMNS} FROM users WHERE id = $1"))
                    .bind(id)
                    .fetch_optional(&self.$write)
                    .await?)
            }

            async fn find_user_by_email(&self, email: &str) -> Result<Option<UserRecord>, StoreError> {
                Ok(sqlx::query_as(&format!("SELECT {USER_COLUMNS} FROM users WHERE email = $1"))
                    .bind(email)
                    .fetch_optional(&self.$write)
                    .await?)
            }

            async fn list_users(&self, limit: i64, offset: i64) -> Result<Vec<UserRecord>, StoreError> {
                Ok(sqlx::query_as(&format!(
                    "SELECT {USER_COLUMNS} FROM users WHERE deleted_at IS NULL ORDER BY created_at, id LIMIT $1 OFFSET $2"
                ))
                .bind(limit)
                .bind(offset)
                .fetch_all(&self.$read)
                .await?)
            }

            async fn count_active_admins(&self) -> Result<i64, StoreError> {
                let (count,): (i64,) = sqlx::query_as(
                    "SELECT COUNT(*) FROM users WHERE role = 'admin' AND disabled_at IS NULL AND deleted_at IS NULL",
                )
                .fetch_one(&self.$write)
                .await?;
                Ok(count)
            }

            async fn mark_email_verified(&self, id: &str, at: i64) -> Result<(), StoreError> {
                self.update(id, "email_verified_at = $2, updated_at = $2", at).await
            }

            async fn replace_unverified(&self, id: &str, u: &NewUser) -> Result<bool, StoreError> {
                let done = sqlx::query(
                    "UPDATE users SET password_hash = $2, full_name = $3, phone = $4, language = $5, \
                     totp_secret = NULL, totp_enabled_at = NULL, updated_at = $6 \
                     WHERE id = $1 AND email_verified_at IS NULL",
                )
                .bind(id)
                .bind(&u.password_hash)
                .bind(&u.full_name)
                .bind(&u.phone)
                .bind(&u.language)
                .bind(u.created_at)
                .execute(&self.$write)
                .await?;
                Ok(done.rows_affected() == 1)
            }

            async fn set_password_hash(&self, id: &str, hash: &str, at: i64) -> Result<(), StoreError> {
                sqlx::query(
                    "UPDATE users SET password_hash = $2, must_reset_password = FALSE, updated_at = $3 WHERE id = $1",
                )
                .bind(id)
                .bind(hash)
                .bind(at)
                .execute(&self.$write)
                .await?;
                Ok(())
            }

            async fn set_email(&self, id: &str, email: &str, at: i64) -> Result<(), StoreError> {
                sqlx::query("UPDATE users SET email = $2, email_verified_at = $3, updated_at = $3 WHERE id = $1")
                    .bind(id)
                    .bind(email)
                    .bind(at)
                    .execute(&self.$write)
                    .await
                    .map_err(unique_to_conflict)?;
                Ok(())
            }

            async fn set_language(&self, id: &str, language: &str, at: i64) -> Result<(), StoreError> {
                self.set_text(id, "language", Some(language), at).await
            }

            async fn set_phone(&self, id: &str, phone: Option<&str>, at: i64) -> Result<(), StoreError> {
                self.set_text(id, "phone", phone, at).await
            }

            async fn set_role(&self, id: &str, role: &str, at: i64) -> Result<(), StoreError> {
                self.set_text(id, "role", Some(role), at).await
            }

            async fn set_disabled(&self, id: &str, disabled_at: Option<i64>, at: i64) -> Result<(), StoreError> {
                sqlx::query("UPDATE users SET disabled_at = $2, updated_at = $3 WHERE id = $1")
                    .bind(id)
                    .bind(disabled_at)
                    .bind(at)
                    .execute(&self.$write)
                    .await?;
                Ok(())
            }

            async fn set_must_reset_password(&self, id: &str, at: i64) -> Result<(), StoreError> {
                self.update(id, "must_reset_password = TRUE, updated_at = $2", at).await
            }

            async fn set_totp_secret(&self, id: &str, secret: Option<&str>, at: i64) -> Result<(), StoreError> {
                sqlx::query(
                    "UPDATE users SET totp_secret = $2, totp_enabled_at = NULL, totp_last_step = NULL, updated_at = $3 \
                     WHERE id = $1",
                )
                .bind(id)
                .bind(secret)
                .bind(at)
                .execute(&self.$write)
                .await?;
                if secret.is_none() {
                    sqlx::query("DELETE FROM recovery_codes WHERE user_id = $1").bind(id).execute(&self.$write).await?;
                }
                Ok(())
            }

            async fn use_totp_step(&self, id: &str, step: i64) -> Result<bool, StoreError> {
                let done = sqlx::query(
                    "UPDATE users SET totp_last_step = $2 WHERE id = $1 AND (totp_last_step IS NULL OR totp_last_step < $2)",
                )
                .bind(id)
                .bind(step)
                .execute(&self.$write)
                .await?;
                Ok(done.rows_affected() == 1)
            }

            async fn enable_totp(&self, id: &str, at: i64) -> Result<(), StoreError> {
                self.update(id, "totp_enabled_at = $2, updated_at = $2", at).await
            }

            async fn anonymize_user(&self, id: &str, at: i64) -> Result<(), StoreError> {
                let mut tx = self.$write.begin().await?;
                sqlx::query(
                    "UPDATE users SET email = 'deleted-' || id || '@deleted.invalid', full_name = '', phone = NULL, \
                     password_hash = '!', totp_secret = NULL, totp_enabled_at = NULL, deleted_at = $2, \
                     disabled_at = $2, updated_at = $2 WHERE id = $1",
                )
                .bind(id)
                .bind(at)
                .execute(&mut *tx)
                .await?;
                for table in ["sessions", "one_time_codes", "recovery_codes"] {
                    sqlx::query(&format!("DELETE FROM {table} WHERE user_id = $1")).bind(id).execute(&mut *tx).await?;
                }
                tx.commit().await?;
                Ok(())
            }
        }

        impl $store {
            /// `UPDATE users SET <assignments> WHERE id = $1` with the time as `$2`.
            async fn update(&self, id: &str, assignments: &str, at: i64) -> Result<(), StoreError> {
                sqlx::query(&format!("UPDATE users SET {assignments} WHERE id = $1"))
                    .bind(id)
                    .bind(at)
                    .execute(&self.$write)
                    .await?;
                Ok(())
            }

            /// Sets one text column; `column` is always a literal from this file.
            async fn set_text(&self, id: &str, column: &str, value: Option<&str>, at: i64) -> Result<(), StoreError> {
                sqlx::query(&format!("UPDATE users SET {column} = $2, updated_at = $3 WHERE id = $1"))
                    .bind(id)
                    .bind(value)
                    .bind(at)
                    .execute(&self.$write)
                    .await?;
                Ok(())
            }
        }

        #[async_trait]
        impl CodeStore for $store {
            async fn issue_code(&self, c: &CodeRecord) -> Result<(), StoreError> {
                let mut tx = self.$write.begin().await?;
                sqlx::query(
                    "UPDATE one_time_codes SET consumed_at = $3 WHERE user_id = $1 AND purpose = $2 AND consumed_at IS NULL",
                )
                .bind(&c.user_id)
                .bind(&c.purpose)
                .bind(c.created_at)
                .execute(&mut *tx)
                .await?;
                sqlx::query(&format!(
                    "INSERT INTO one_time_codes ({CODE_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)"
                ))
                .bind(&c.id)
                .bind(&c.user_id)
                .bind(&c.purpose)
                .bind(&c.code_hash)
                .bind(&c.link_token_hash)
                .bind(&c.new_email)
                .bind(c.attempts)
                .bind(c.expires_at)
                .bind(c.consumed_at)
                .bind(c.created_at)
                .execute(&mut *tx)
                .await?;
                tx.commit().await?;
                Ok(())
            }

            async fn active_code(&self, user_id: &str, purpose: &str, now: i64) -> Result<Option<CodeRecord>, StoreError> {
                Ok(sqlx::query_as(&format!(
                    "SELECT {CODE_COLUMNS} FROM one_time_codes WHERE user_id = $1 AND purpose = $2 \
                     AND consumed_at IS NULL AND expires_at > $3 ORDER BY created_at DESC LIMIT 1"
                ))
                .bind(user_id)
                .bind(purpose)
                .bind(now)
                .fetch_optional(&self.$write)
                .await?)
            }

            async fn active_code_by_link(&self, link: &str, now: i64) -> Result<Option<CodeRecord>, StoreError> {
                Ok(sqlx::query_as(&format!(
                    "SELECT {CODE_COLUMNS} FROM one_time_codes WHERE link_token_hash = $1 \
                     AND consumed_at IS NULL AND expires_at > $2"
                ))
                .bind(link)
                .bind(now)
                .fetch_optional(&self.$write)
                .await?)
            }

            async fn add_code_attempt(&self, id: &str) -> Result<i64, StoreError> {
                let (attempts,): (i64,) =
                    sqlx::query_as("UPDATE one_time_codes SET attempts = attempts + 1 WHERE id = $1 RETURNING attempts")
                        .bind(id)
                        .fetch_one(&self.$write)
                        .await?;
                Ok(attempts)
            }

            async fn consume_code(&self, id: &str, at: i64) -> Result<bool, StoreError> {
                let done = sqlx::query("UPDATE one_time_codes SET consumed_at = $2 WHERE id = $1 AND consumed_at IS NULL")
                    .bind(id)
                    .bind(at)
                    .execute(&self.$write)
                    .await?;
                Ok(done.rows_affected() == 1)
            }
        }

        #[async_trait]
        impl SessionStore for $store {
            async fn create_session(&self, s: &SessionRecord) -> Result<(), StoreError> {
                sqlx::query(&format!(
                    "INSERT INTO sessions ({SESSION_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)"
                ))
                .bind(&s.token_hash)
                .bind(&s.user_id)
                .bind(&s.kind)
                .bind(s.second_factor_pending)
                .bind(s.created_at)
                .bind(s.last_seen_at)
                .bind(s.expires_at)
                .bind(s.revoked_at)
                .execute(&self.$write)
                .await?;
                Ok(())
            }

            async fn find_session(&self, token_hash: &str) -> Result<Option<SessionRecord>, StoreError> {
                Ok(sqlx::query_as(&format!("SELECT {SESSION_COLUMNS} FROM sessions WHERE token_hash = $1"))
                    .bind(token_hash)
                    .fetch_optional(&self.$read)
                    .await?)
            }

            async fn touch_session(&self, token_hash: &str, at: i64) -> Result<(), StoreError> {
                sqlx::query("UPDATE sessions SET last_seen_at = $2 WHERE token_hash = $1 AND last_seen_at < $2")
                    .bind(token_hash)
                    .bind(at)
                    .execute(&self.$write)
                    .await?;
                Ok(())
            }

            async fn complete_second_factor(&self, token_hash: &str) -> Result<(), StoreError> {
                sqlx::query("UPDATE sessions SET second_factor_pending = FALSE WHERE token_hash = $1")
                    .bind(token_hash)
                    .execute(&self.$write)
                    .await?;
                Ok(())
            }

            async fn revoke_session(&self, token_hash: &str, at: i64) -> Result<(), StoreError> {
                sqlx::query("UPDATE sessions SET revoked_at = $2 WHERE token_hash = $1 AND revoked_at IS NULL")
                    .bind(token_hash)
                    .bind(at)
                    .execute(&self.$write)
                    .await?;
                Ok(())
            }

            async fn revoke_user_sessions(&self, user_id: &str, keep: Option<&str>, at: i64) -> Result<u64, StoreError> {
                let done = sqlx::query(
                    "UPDATE sessions SET revoked_at = $3 WHERE user_id = $1 AND revoked_at IS NULL \
                     AND ($2 IS NULL OR token_hash <> $2)",
                )
                .bind(user_id)
                .bind(keep)
                .bind(at)
                .execute(&self.$write)
                .await?;
                Ok(done.rows_affected())
            }

            async fn replace_recovery_codes(&self, user_id: &str, hashes: &[String]) -> Result<(), StoreError> {
                let mut tx = self.$write.begin().await?;
                sqlx::query("DELETE FROM recovery_codes WHERE user_id = $1").bind(user_id).execute(&mut *tx).await?;
                for hash in hashes {
                    sqlx::query("INSERT INTO recovery_codes (user_id, code_hash) VALUES ($1, $2)")
                        .bind(user_id)
                        .bind(hash)
                        .execute(&mut *tx)
                        .await?;
                }
                tx.commit().await?;
                Ok(())
            }

            async fn use_recovery_code(&self, user_id: &str, hash: &str, at: i64) -> Result<bool, StoreError> {
                let done = sqlx::query(
                    "UPDATE recovery_codes SET used_at = $3 WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL",
                )
                .bind(user_id)
                .bind(hash)
                .bind(at)
                .execute(&self.$write)
                .await?;
                Ok(done.rows_affected() == 1)
            }
        }

        #[async_trait]
        impl ThrottleStore for $store {
            async fn throttle_hit(&self, key: &str, window_start: i64) -> Result<i64, StoreError> {
                let (count,): (i64,) = sqlx::query_as(
                    "INSERT INTO throttle_counters (key, window_start, count) VALUES ($1, $2, 1) \
                     ON CONFLICT (key, window_start) DO UPDATE SET count = throttle_counters.count + 1 RETURNING count",
                )
                .bind(key)
                .bind(window_start)
                .fetch_one(&self.$write)
                .await?;
                Ok(count)
            }

            async fn throttle_count(&self, key: &str, window_start: i64) -> Result<i64, StoreError> {
                let row: Option<(i64,)> =
                    sqlx::query_as("SELECT count FROM throttle_counters WHERE key = $1 AND window_start = $2")
                        .bind(key)
                        .bind(window_start)
                        .fetch_optional(&self.$write)
                        .await?;
                Ok(row.map_or(0, |(c,)| c))
            }

            async fn throttle_release(&self, key: &str, window_start: i64) -> Result<(), StoreError> {
                sqlx::query(
                    "UPDATE throttle_counters SET count = count - 1 WHERE key = $1 AND window_start = $2 AND count > 0",
                )
                .bind(key)
                .bind(window_start)
                .execute(&self.$write)
                .await?;
                Ok(())
            }

            async fn purge_throttles(&self, before: i64) -> Result<u64, StoreError> {
                let done = sqlx::query("DELETE FROM throttle_counters WHERE window_start < $1")
                    .bind(before)
                    .execute(&self.$write)
                    .await?;
                Ok(done.rows_affected())
            }
        }

        #[async_trait]
        impl AuditStore for $store {
            async fn append_audit(&self, e: &AuditEntry) -> Result<(), StoreError> {
                sqlx::query(
                    "INSERT INTO audit_log (at, actor_id, action, target_id, ip, user_agent, detail) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7)",
                )
                .bind(e.at)
                .bind(&e.actor_id)
                .bind(&e.action)
                .bind(&e.target_id)
                .bind(&e.ip)
                .bind(&e.user_agent)
                .bind(&e.detail)
                .execute(&self.$write)
                .await?;
                Ok(())
            }

            async fn list_audit(&self, f: &AuditFilter) -> Result<Vec<AuditEntry>, StoreError> {
                Ok(sqlx::query_as(
                    "SELECT id, at, actor_id, action, target_id, ip, user_agent, detail FROM audit_log \
                     WHERE ($1 IS NULL OR action = $1) AND ($2 IS NULL OR actor_id = $2) \
                     AND ($3 IS NULL OR target_id = $3) AND ($4 IS NULL OR at >= $4) AND ($5 IS NULL OR at < $5) \
                     ORDER BY id DESC LIMIT $6",
                )
                .bind(&f.action)
                .bind(&f.actor_id)
                .bind(&f.target_id)
                .bind(f.since)
                .bind(f.until)
                .bind(f.limit)
                .fetch_all(&self.$read)
                .await?)
            }
        }

        #[async_trait]
        impl SecretStore for $store {
            async fn server_secret(&self, name: &str, candidate: &str) -> Result<String, StoreError> {
                sqlx::query("INSERT INTO server_secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING")
                    .bind(name)
                    .bind(candidate)
                    .execute(&self.$write)
                    .await?;
                let (value,): (String,) = sqlx::query_as("SELECT value FROM server_secrets WHERE name = $1")
                    .bind(name)
                    .fetch_one(&self.$write)
                    .await?;
                Ok(value)
            }
        }
    };
}

account_stores!(SqliteStore, read, write);
account_stores!(PostgresStore, pool, pool);
