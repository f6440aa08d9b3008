use puerta_domain::accounts::{EmailAddress, FullName, Language, NewPassword, Role};
use puerta_store::StoreError;
use puerta_store::accounts::NewUser;

use super::sessions::Actor;
use super::users::UserRecordExt;
use super::{AuditAction, RequestContext};
use crate::{App, AppError};

/// A row of the admin's user list.
#[derive(Debug, Clone, serde::Serialize)]
pub struct UserSummary {
    pub id: String,
    pub email: String,
    pub full_name: String,
    pub role: Role,
    pub email_verified: bool,
    pub mfa_enabled: bool,
    pub disabled: bool,
    pub created_at: i64,
}

impl App {
    pub async fn list_users(
        &self,
        actor: &Actor,
        limit: i64,
        offset: i64,
    ) -> Result<Vec<UserSummary>, AppError> {
        actor.require_staff(&[Role::Admin])?;
        let users = self.store().list_users(limit.clamp(1, 500), offset.max(0)).await?;
        users
            .into_iter()
            .map(|u| {
                Ok(UserSummary {
                    role: u.role_value()?,
                    email_verified: u.email_verified_at.is_some(),
                    mfa_enabled: u.mfa_enabled(),
                    disabled: u.disabled_at.is_some(),
                    id: u.id,
                    email: u.email,
                    full_name: u.full_name,
                    created_at: u.created_at,
                })
            })
            .collect()
    }

    async fn target(&self, id: &str) -> Result<puerta_store::accounts::UserRecord, AppError> {
        self.store().find_user(id).await?.filter(|u| u.deleted_at.is_none()).ok_or(AppError::NotFound)
    }

    /// Changes a user's role. Never leaves Puerta without an active administrator.
    pub async fn set_role(
        &self,
        ctx: &RequestContext,
        actor: &Actor,
        user_id: &str,
        role: &str,
    ) -> Result<(), AppError> {
        actor.require_staff(&[Role::Admin])?;
        let role = Role::parse(role).map_err(|e| AppError::field("role", e))?;
        self.change_role(ctx, Some(&actor.user_id), user_id, role).await
    }

    async fn change_role(
        &self,
        ctx: &RequestContext,
        actor_id: Option<&str>,
        user_id: &str,
        role: Role,
    ) -> Result<(), AppError> {
        let target = self.target(user_id).await?;
        let old = target.role_value()?;
        if old == Role::Admin
            && role != Role::Admin
            && target.disabled_at.is_none()
            && self.store().count_active_admins().await? <= 1
        {
            return Err(AppError::Conflict("last_admin"));
        }
        self.store().set_role(user_id, role.as_str(), self.now()).await?;
        let detail = format!("{old} -> {role}");
        self.audit(ctx, actor_id, AuditAction::RoleChanged, Some(user_id), Some(detail)).await
    }

    /// Disables (ending every session and token at once) or re-enables an account.
    pub async fn set_disabled(
        &self,
        ctx: &RequestContext,
        actor: &Actor,
        user_id: &str,
        disabled: bool,
    ) -> Result<(), AppError> {
        actor.require_staff(&[Role::Admin])?;
        let target = self.target(user_id).await?;
        if disabled
            && target.role_value()? == Role::Admin
            && target.disabled_at.is_none()
            && self.store().count_active_admins().await? <= 1
        {
            return Err(AppError::Conflict("last_admin"));
        }
        let now = self.now();
        self.store().set_disabled(user_id, disabled.then_some(now), now).await?;
        if disabled {
            self.store().revoke_user_sessions(user_id, None, now).await?;
        }
        let action = if disabled { AuditAction::AccountDisabled } else { AuditAction::AccountEnabled };
        self.audit(ctx, Some(&actor.user_id), action, Some(user_id), None).await
    }

    /// For a person who lost both their phone and their recovery codes: an administrator removes
    /// the second factor (audited), and the person enrols again at next sign-in. The account,
    /// and its place in any queue, are kept.
    pub async fn admin_reset_mfa(
        &self,
        ctx: &RequestContext,
        actor: &Actor,
        user_id: &str,
    ) -> Result<(), AppError> {
        actor.require_staff(&[Role::Admin])?;
        if user_id == actor.user_id {
            return Err(AppError::Forbidden);
        }
        self.target(user_id).await?;
        let now = self.now();
        self.store().set_totp_secret(user_id, None, now).await?;
        self.store().revoke_user_sessions(user_id, None, now).await?;
        self.audit(ctx, Some(&actor.user_id), AuditAction::MfaResetByAdmin, Some(user_id), None).await
    }

    /// Operators' command line: creates a verified account with a role. Audited with no actor.
    pub async fn create_user_by_operator(
        &self,
        email: &str,
        full_name: &str,
        role: &str,
        password: &str,
    ) -> Result<String, AppError> {
        let mut problems = Vec::new();
        let email =
            EmailAddress::parse(email).map_err(|e| problems.push(crate::FieldProblem::new("email", e))).ok();
        let name = FullName::parse(full_name)
            .map_err(|e| problems.push(crate::FieldProblem::new("full_name", e)))
            .ok();
        let role = Role::parse(role).map_err(|e| problems.push(crate::FieldProblem::new("role", e))).ok();
        let password = NewPassword::parse(password)
            .map_err(|e| problems.push(crate::FieldProblem::new("password", e)))
            .ok();
        let (Some(email), Some(name), Some(role), Some(password)) = (email, name, role, password) else {
            return Err(AppError::Validation(problems));
        };
        let now = self.now();
        let id = uuid::Uuid::new_v4().to_string();
        let user = NewUser {
            id: id.clone(),
            email: email.to_string(),
            password_hash: self.inner.hasher.hash(password.expose()).await?,
            full_name: name.as_str().to_string(),
            phone: None,
            language: Language::En.code().to_string(),
            role: role.as_str().to_string(),
            email_verified_at: Some(now),
            created_at: now,
        };
        match self.store().create_user(&user).await {
            Ok(()) => {}
            Err(StoreError::Conflict) => return Err(AppError::Conflict("email_taken")),
            Err(e) => return Err(e.into()),
        }
        let ctx = RequestContext { ip: None, user_agent: Some("puerta cli".into()) };
        self.audit(&ctx, None, AuditAction::UserCreatedByOperator, Some(&id), Some(role.as_str().into()))
            .await?;
        Ok(id)
    }

    /// Operators' command line: changes a role by email. Audited with no actor.
    pub async fn set_role_by_operator(&self, email: &str, role: &str) -> Result<(), AppError> {
        let email = EmailAddress::parse(email).map_err(|e| AppError::field("email", e))?;
        let role = Role::parse(role).map_err(|e| AppError::field("role", e))?;
        let user = self.store().find_user_by_email(email.as_str()).await?.ok_or(AppError::NotFound)?;
        let ctx = RequestContext { ip: None, user_agent: Some("puerta cli".into()) };
        self.change_role(&ctx, None, &user.id, role).await
    }
}
