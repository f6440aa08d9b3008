//! Accounts and everything that guards them: users, one-time codes, sessions, recovery codes,
//! throttle counters, the audit log and server secrets.
//!
//! Records here are rows (plain types); `puerta-app` turns them into domain types and decides
//! policy. Times are UTC milliseconds since the Unix epoch. Every token and code is stored as a
//! hash, never as sent.

mod records;
mod sql;

use async_trait::async_trait;
pub use records::{AuditEntry, AuditFilter, CodeRecord, NewUser, SessionRecord, UserRecord};

use crate::StoreError;

#[async_trait]
pub trait UserStore {
    /// Creates the user; `StoreError::Conflict` when the email already has an account.
    async fn create_user(&self, user: &NewUser) -> Result<(), StoreError>;
    async fn find_user(&self, id: &str) -> Result<Option<UserRecord>, StoreError>;
    async fn find_user_by_email(&self, email: &str) -> Result<Option<UserRecord>, StoreError>;
    async fn list_users(&self, limit: i64, offset: i64) -> Result<Vec<UserRecord>, StoreError>;
    async fn count_active_admins(&self) -> Result<i64, StoreError>;
    async fn mark_email_verified(&self, id: &str, at: i64) -> Result<(), StoreError>;
    /// A new registration for an address whose account was never verified replaces that
    /// account's credentials and details (whoever registered first never proved the address).
    /// `false` when the account is verified meanwhile.
    async fn replace_unverified(&self, id: &str, user: &NewUser) -> Result<bool, StoreError>;
    /// Sets the password hash and clears a forced reset.
    async fn set_password_hash(&self, id: &str, hash: &str, at: i64) -> Result<(), StoreError>;
    /// `StoreError::Conflict` when another account has the email.
    async fn set_email(&self, id: &str, email: &str, at: i64) -> Result<(), StoreError>;
    async fn set_language(&self, id: &str, language: &str, at: i64) -> Result<(), StoreError>;
    async fn set_phone(&self, id: &str, phone: Option<&str>, at: i64) -> Result<(), StoreError>;
    async fn set_role(&self, id: &str, role: &str, at: i64) -> Result<(), StoreError>;
    async fn set_disabled(&self, id: &str, disabled_at: Option<i64>, at: i64) -> Result<(), StoreError>;
    async fn set_must_reset_password(&self, id: &str, at: i64) -> Result<(), StoreError>;
    /// Stores a secret being enrolled (not yet enabled), or clears the second factor entirely.
    async fn set_totp_secret(&self, id: &str, secret: Option<&str>, at: i64) -> Result<(), StoreError>;
    async fn enable_totp(&self, id: &str, at: i64) -> Result<(), StoreError>;
    /// Records TOTP time step `step` as used; `false` if it or a later step was used already
    /// (a replayed code).
    async fn use_totp_step(&self, id: &str, step: i64) -> Result<bool, StoreError>;
    /// Removes name, contact details and credentials; keeps the id so legal records stay linked
    /// to an anonymous account.
    async fn anonymize_user(&self, id: &str, at: i64) -> Result<(), StoreError>;
}

#[async_trait]
pub trait CodeStore {
    /// Stores a new code and retires every unconsumed code of the same user and purpose.
    async fn issue_code(&self, code: &CodeRecord) -> Result<(), StoreError>;
    async fn active_code(
        &self,
        user_id: &str,
        purpose: &str,
        now: i64,
    ) -> Result<Option<CodeRecord>, StoreError>;
    async fn active_code_by_link(
        &self,
        link_token_hash: &str,
        now: i64,
    ) -> Result<Option<CodeRecord>, StoreError>;
    /// Counts one more attempt and returns the new total.
    async fn add_code_attempt(&self, id: &str) -> Result<i64, StoreError>;
    /// Marks the code used; `false` if it was already used (a race lost).
    async fn consume_code(&self, id: &str, at: i64) -> Result<bool, StoreError>;
}

#[async_trait]
pub trait SessionStore {
    async fn create_session(&self, session: &SessionRecord) -> Result<(), StoreError>;
    async fn find_session(&self, token_hash: &str) -> Result<Option<SessionRecord>, StoreError>;
    async fn touch_session(&self, token_hash: &str, at: i64) -> Result<(), StoreError>;
    async fn complete_second_factor(&self, token_hash: &str) -> Result<(), StoreError>;
    async fn revoke_session(&self, token_hash: &str, at: i64) -> Result<(), StoreError>;
    /// Revokes every live session of the user except `keep`; returns how many.
    async fn revoke_user_sessions(
        &self,
        user_id: &str,
        keep: Option<&str>,
        at: i64,
    ) -> Result<u64, StoreError>;
    async fn replace_recovery_codes(&self, user_id: &str, hashes: &[String]) -> Result<(), StoreError>;
    /// Uses a recovery code once; `false` if unknown or already used.
    async fn use_recovery_code(&self, user_id: &str, hash: &str, at: i64) -> Result<bool, StoreError>;
}

#[async_trait]
pub trait ThrottleStore {
    /// Adds one to the counter of `key` in the window and returns the new count.
    async fn throttle_hit(&self, key: &str, window_start: i64) -> Result<i64, StoreError>;
    async fn throttle_count(&self, key: &str, window_start: i64) -> Result<i64, StoreError>;
    /// Takes one back (an attempt reserved with `throttle_hit` that turned out not to count).
    async fn throttle_release(&self, key: &str, window_start: i64) -> Result<(), StoreError>;
    async fn purge_throttles(&self, before: i64) -> Result<u64, StoreError>;
}

#[async_trait]
pub trait AuditStore {
    async fn append_audit(&self, entry: &AuditEntry) -> Result<(), StoreError>;
    /// Newest first.
    async fn list_audit(&self, filter: &AuditFilter) -> Result<Vec<AuditEntry>, StoreError>;
}

#[async_trait]
pub trait SecretStore {
    /// The named secret; the first caller's `candidate` wins and every instance then shares it.
    async fn server_secret(&self, name: &str, candidate: &str) -> Result<String, StoreError>;
}
