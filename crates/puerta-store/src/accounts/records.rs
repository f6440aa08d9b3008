use puerta_domain::accounts::{CodePurpose, Language, Role, SessionKind};
use puerta_domain::ids::{CodeId, UserId};
use secrecy::SecretString;

use crate::StoreError;

/// An account.
#[derive(Debug, Clone)]
pub struct User {
    pub id: UserId,
    pub email: String,
    pub email_verified_at: Option<i64>,
    pub password_hash: SecretString,
    pub full_name: String,
    pub phone: Option<String>,
    pub language: Language,
    /// Where the person reads times (one of `puerta_domain::accounts::TIME_ZONES`).
    pub time_zone: chrono_tz::Tz,
    pub role: Role,
    /// Sealed (encrypted) by the application before it is stored.
    pub totp_secret: Option<SecretString>,
    pub totp_enabled_at: Option<i64>,
    pub must_reset_password: bool,
    pub disabled_at: Option<i64>,
    pub deleted_at: Option<i64>,
    pub created_at: i64,
    pub updated_at: i64,
}

impl User {
    /// Neither disabled nor deleted.
    pub fn is_live(&self) -> bool {
        self.disabled_at.is_none() && self.deleted_at.is_none()
    }

    pub fn mfa_enabled(&self) -> bool {
        self.totp_enabled_at.is_some()
    }

    /// An administrator who counts as one: verified address, neither disabled nor deleted (the
    /// database's last-admin trigger counts the same way).
    pub fn is_active_admin(&self) -> bool {
        self.role == Role::Admin && self.email_verified_at.is_some() && self.is_live()
    }
}

/// Where a page of the user list starts: after this (created_at, id).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserCursor {
    pub created_at: i64,
    pub id: UserId,
}

#[derive(Debug, Clone)]
pub struct NewUser {
    pub id: UserId,
    pub email: String,
    pub password_hash: SecretString,
    pub full_name: String,
    pub phone: Option<String>,
    pub language: Language,
    pub role: Role,
    pub email_verified_at: Option<i64>,
    pub created_at: i64,
}

/// A one-time code (hashed) for verifying an email, resetting a password or changing email.
#[derive(Debug, Clone)]
pub struct Code {
    pub id: CodeId,
    pub user_id: UserId,
    pub purpose: CodePurpose,
    pub code_hash: SecretString,
    pub link_token_hash: Option<SecretString>,
    pub new_email: Option<String>,
    pub attempts: i64,
    pub expires_at: i64,
    pub consumed_at: Option<i64>,
    pub created_at: i64,
}

#[derive(Debug, Clone)]
pub struct Session {
    pub token_hash: SecretString,
    pub user_id: UserId,
    pub kind: SessionKind,
    pub second_factor_pending: bool,
    pub created_at: i64,
    pub last_seen_at: i64,
    pub expires_at: i64,
    pub revoked_at: Option<i64>,
}

pub(crate) fn user_id(text: &str) -> Result<UserId, StoreError> {
    UserId::parse(text).map_err(|_| StoreError::Corrupt("user id".into()))
}

pub(crate) fn opt_user_id(text: Option<String>) -> Result<Option<UserId>, StoreError> {
    text.as_deref().map(user_id).transpose()
}

pub(crate) fn language(code: &str) -> Result<Language, StoreError> {
    Language::parse(code).ok_or_else(|| StoreError::Corrupt("language".into()))
}
