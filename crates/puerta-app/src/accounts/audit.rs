use puerta_store::accounts::{AuditEntry, AuditFilter};

use super::{Actor, RequestContext};
use crate::{App, AppError};

/// Everything the audit log records, as stable snake_case names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuditAction {
    AccountRegistered,
    EmailVerified,
    SignInSucceeded,
    SignInFailed,
    SignedOut,
    MfaEnabled,
    MfaResetByAdmin,
    RecoveryCodeUsed,
    PasswordResetRequested,
    PasswordReset,
    PasswordChanged,
    EmailChanged,
    RoleChanged,
    AccountDisabled,
    AccountEnabled,
    AllSessionsEnded,
    DataExported,
    AccountDeleted,
    UserCreatedByOperator,
    ContentEdited,
}

impl AuditAction {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::AccountRegistered => "account_registered",
            Self::EmailVerified => "email_verified",
            Self::SignInSucceeded => "sign_in_succeeded",
            Self::SignInFailed => "sign_in_failed",
            Self::SignedOut => "signed_out",
            Self::MfaEnabled => "mfa_enabled",
            Self::MfaResetByAdmin => "mfa_reset_by_admin",
            Self::RecoveryCodeUsed => "recovery_code_used",
            Self::PasswordResetRequested => "password_reset_requested",
            Self::PasswordReset => "password_reset",
            Self::PasswordChanged => "password_changed",
            Self::EmailChanged => "email_changed",
            Self::RoleChanged => "role_changed",
            Self::AccountDisabled => "account_disabled",
            Self::AccountEnabled => "account_enabled",
            Self::AllSessionsEnded => "all_sessions_ended",
            Self::DataExported => "data_exported",
            Self::AccountDeleted => "account_deleted",
            Self::UserCreatedByOperator => "user_created_by_operator",
            Self::ContentEdited => "content_edited",
        }
    }
}

impl App {
    /// Appends one row. `detail` must hold no personal data (ids and role names only).
    pub(crate) async fn audit(
        &self,
        ctx: &RequestContext,
        actor_id: Option<&str>,
        action: AuditAction,
        target_id: Option<&str>,
        detail: Option<String>,
    ) -> Result<(), AppError> {
        let entry = AuditEntry {
            id: 0,
            at: self.now(),
            actor_id: actor_id.map(str::to_string),
            action: action.as_str().to_string(),
            target_id: target_id.map(str::to_string),
            ip: ctx.ip.clone(),
            // Bounded: a user agent is attacker-controlled text.
            user_agent: ctx.user_agent.as_ref().map(|ua| ua.chars().take(256).collect()),
            detail,
        };
        self.store().append_audit(&entry).await?;
        Ok(())
    }

    /// The audit log, newest first. Administrators only.
    pub async fn audit_log(
        &self,
        actor: &Actor,
        mut filter: AuditFilter,
    ) -> Result<Vec<AuditEntry>, AppError> {
        actor.require_staff(&[puerta_domain::accounts::Role::Admin])?;
        filter.limit = filter.limit.clamp(1, 500);
        Ok(self.store().list_audit(&filter).await?)
    }
}
