/// A `users` row.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct UserRecord {
    pub id: String,
    pub email: String,
    pub email_verified_at: Option<i64>,
    pub password_hash: String,
    pub full_name: String,
    pub phone: Option<String>,
    pub language: String,
    pub role: String,
    pub totp_secret: Option<String>,
    pub totp_enabled_at: Option<i64>,
    pub must_reset_password: bool,
    pub disabled_at: Option<i64>,
    pub deleted_at: Option<i64>,
    pub created_at: i64,
    pub updated_at: i64,
}

#[derive(Debug, Clone)]
pub struct NewUser {
    pub id: String,
    pub email: String,
    pub password_hash: String,
    pub full_name: String,
    pub phone: Option<String>,
    pub language: String,
    pub role: String,
    pub email_verified_at: Option<i64>,
    pub created_at: i64,
}

/// A one-time code (hashed) for verifying an email, resetting a password or changing email.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct CodeRecord {
    pub id: String,
    pub user_id: String,
    pub purpose: String,
    pub code_hash: String,
    pub link_token_hash: Option<String>,
    pub new_email: Option<String>,
    pub attempts: i64,
    pub expires_at: i64,
    pub consumed_at: Option<i64>,
    pub created_at: i64,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SessionRecord {
    pub token_hash: String,
    pub user_id: String,
    /// `cookie` (pages) or `bearer` (API).
    pub kind: String,
    pub second_factor_pending: bool,
    pub created_at: i64,
    pub last_seen_at: i64,
    pub expires_at: i64,
    pub revoked_at: Option<i64>,
}

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct AuditEntry {
    pub id: i64,
    pub at: i64,
    pub actor_id: Option<String>,
    pub action: String,
    pub target_id: Option<String>,
    pub ip: Option<String>,
    pub user_agent: Option<String>,
    pub detail: Option<String>,
}

#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    pub action: Option<String>,
    pub actor_id: Option<String>,
    pub target_id: Option<String>,
    pub since: Option<i64>,
    pub until: Option<i64>,
    pub limit: i64,
}
