use puerta_domain::access::{Action, Target};
use puerta_domain::accounts::{EmailAddress, FullName, Language, NewPassword, PasswordContext, Role};
use puerta_domain::audit::AuditAction;
use puerta_domain::ids::UserId;
use puerta_store::accounts::{NewUser, User, UserCursor};
use puerta_store::{StoreError, WriteTx};
use secrecy::SecretString;

use super::RequestContext;
use super::sessions::Actor;
use crate::error::last_admin;
use crate::{App, AppError, FieldProblem, ids};

/// A row of the admin's user list.
#[derive(Debug, Clone, serde::Serialize)]
pub struct UserSummary {
    pub id: UserId,
    pub email: String,
    pub full_name: String,
    pub role: Role,
    pub email_verified: bool,
    pub mfa_enabled: bool,
    pub disabled: bool,
    pub created_at: i64,
}

/// A page of users, oldest first, and the cursor of the next page.
#[derive(Debug, Clone)]
pub struct UserPage {
    pub users: Vec<UserSummary>,
    pub next_cursor: Option<String>,
}

/// An administrator's change to an account: role and/or disabled, applied together.
#[derive(Debug, Clone, Default)]
pub struct AccountChange {
    pub role: Option<String>,
    pub disabled: Option<bool>,
}

fn summary(u: User) -> UserSummary {
    UserSummary {
        role: u.role,
        email_verified: u.email_verified_at.is_some(),
        mfa_enabled: u.mfa_enabled(),
        disabled: u.disabled_at.is_some(),
        id: u.id,
        email: u.email,
        full_name: u.full_name,
        created_at: u.created_at,
    }
}

fn parse_cursor(cursor: &str) -> Result<UserCursor, AppError> {
    let bad = || AppError::field("cursor", "error-cursor-invalid");
    let (at, id) = cursor.split_once('.').ok_or_else(bad)?;
    Ok(UserCursor { created_at: at.parse().map_err(|_| bad())?, id: UserId::parse(id).map_err(|_| bad())? })
}

fn cli() -> RequestContext {
    RequestContext { ip: None, user_agent: Some("puerta cli".into()), proof: None }
}

impl App {
    /// Accounts, oldest first, `limit` (1–500) after `cursor` (administrators).
    pub async fn list_users(
        &self,
        actor: &Actor,
        cursor: Option<&str>,
        limit: i64,
    ) -> Result<UserPage, AppError> {
        actor.authorize(Action::ListUsers, Target::None)?;
        let after = cursor.filter(|c| !c.is_empty()).map(parse_cursor).transpose()?;
        let limit = limit.clamp(1, 500);
        let mut users = self.reader().await?.users().list(after.as_ref(), limit + 1).await?;
        let more = users.len() > usize::try_from(limit).unwrap_or(usize::MAX);
        users.truncate(usize::try_from(limit).unwrap_or(0));
        let next_cursor = more.then(|| users.last().map(|u| format!("{}.{}", u.created_at, u.id))).flatten();
        Ok(UserPage { users: users.into_iter().map(summary).collect(), next_cursor })
    }

    async fn target(tx: &mut WriteTx, id: &UserId) -> Result<User, AppError> {
        tx.users().find(id).await?.filter(|u| u.deleted_at.is_none()).ok_or(AppError::NotFound)
    }

    /// Changes a user's role and/or disables or re-enables the account (ending every session
    /// and token when disabling), all in one commit. Never leaves Puerta without an active
    /// administrator: the check runs under a lock and the database refuses it too.
    pub async fn change_account(
        &self,
        ctx: &RequestContext,
        actor: &Actor,
        user_id: &str,
        change: AccountChange,
    ) -> Result<(), AppError> {
        let id = UserId::parse(user_id).map_err(|_| AppError::NotFound)?;
        if change.role.is_some() || change.disabled.is_none() {
            actor.authorize(Action::ChangeRole, Target::User(&id))?;
        }
        if change.disabled.is_some() {
            actor.authorize(Action::DisableAccount, Target::User(&id))?;
        }
        let role =
            change.role.as_deref().map(Role::parse).transpose().map_err(|e| AppError::field("role", e))?;
        let mut tx = self.begin().await?;
        self.apply_account_change(&mut tx, ctx, Some(&actor.user_id), &id, role, change.disabled).await?;
        self.commit_account_change(tx, &id).await
    }

    async fn apply_account_change(
        &self,
        tx: &mut WriteTx,
        ctx: &RequestContext,
        actor: Option<&UserId>,
        id: &UserId,
        role: Option<Role>,
        disabled: Option<bool>,
    ) -> Result<(), AppError> {
        tx.users().lock_admins().await?;
        let target = Self::target(tx, id).await?;
        let new_role = role.unwrap_or(target.role);
        let new_disabled = disabled.unwrap_or(target.disabled_at.is_some());
        let stays_admin = new_role == Role::Admin && !new_disabled;
        if target.is_active_admin() && !stays_admin && tx.users().count_active_admins().await? <= 1 {
            return Err(AppError::Conflict("last_admin"));
        }
        let now = self.now();
        if let Some(role) = role.filter(|r| *r != target.role) {
            tx.users().set_role(id, role, now).await.map_err(last_admin)?;
            let detail = Some(format!("{} -> {role}", target.role));
            self.audit(tx, ctx, actor, AuditAction::RoleChanged, Some(id), detail).await?;
        }
        if let Some(disabled) = disabled.filter(|d| *d != target.disabled_at.is_some()) {
            tx.users().set_disabled(id, disabled.then_some(now), now).await.map_err(last_admin)?;
            if disabled {
                tx.sessions().revoke_all(id, None, now).await?;
            }
            let action = if disabled { AuditAction::AccountDisabled } else { AuditAction::AccountEnabled };
            self.audit(tx, ctx, actor, action, Some(id), None).await?;
        }
        Ok(())
    }

    /// Changes a user's role (see [`Self::change_account`]).
    pub async fn set_role(
        &self,
        ctx: &RequestContext,
        actor: &Actor,
        user_id: &str,
        role: &str,
    ) -> Result<(), AppError> {
        self.change_account(
            ctx,
            actor,
            user_id,
            AccountChange { role: Some(role.to_string()), disabled: None },
        )
        .await
    }

    /// Disables or re-enables an account (see [`Self::change_account`]).
    pub async fn set_disabled(
        &self,
        ctx: &RequestContext,
        actor: &Actor,
        user_id: &str,
        disabled: bool,
    ) -> Result<(), AppError> {
        let id = UserId::parse(user_id).map_err(|_| AppError::NotFound)?;
        actor.authorize(Action::DisableAccount, Target::User(&id))?;
        let mut tx = self.begin().await?;
        self.apply_account_change(&mut tx, ctx, Some(&actor.user_id), &id, None, Some(disabled)).await?;
        self.commit_account_change(tx, &id).await
    }

    /// For a person who lost both their phone and their recovery codes: an administrator removes
    /// the second factor and ends their sessions (one commit, audited), and the person enrols
    /// again at next sign-in. The account, and its place in any queue, are kept. An
    /// administrator cannot do this to their own account.
    pub async fn admin_reset_mfa(
        &self,
        ctx: &RequestContext,
        actor: &Actor,
        user_id: &str,
    ) -> Result<(), AppError> {
        let id = UserId::parse(user_id).map_err(|_| AppError::NotFound)?;
        actor.authorize(Action::ResetSecondFactor, Target::User(&id))?;
        let mut tx = self.begin().await?;
        Self::target(&mut tx, &id).await?;
        let now = self.now();
        tx.users().clear_totp(&id, now).await?;
        tx.sessions().revoke_all(&id, None, now).await?;
        self.audit(&mut tx, ctx, Some(&actor.user_id), AuditAction::MfaResetByAdmin, Some(&id), None).await?;
        self.commit_account_change(tx, &id).await
    }

    /// Operators' command line: creates a verified account with a role. Audited with no actor.
    pub async fn create_user_by_operator(
        &self,
        email: &str,
        full_name: &str,
        role: &str,
        password: &str,
    ) -> Result<UserId, AppError> {
        let mut problems = Vec::new();
        let context = PasswordContext { email, name: full_name };
        let email = EmailAddress::parse(email).map_err(|e| problems.push(FieldProblem::new("email", e))).ok();
        let name =
            FullName::parse(full_name).map_err(|e| problems.push(FieldProblem::new("full_name", e))).ok();
        let role = Role::parse(role).map_err(|e| problems.push(FieldProblem::new("role", e))).ok();
        let password = NewPassword::parse(password, &context)
            .map_err(|e| problems.push(FieldProblem::new("password", e)))
            .ok();
        let (Some(email), Some(name), Some(role), Some(password)) = (email, name, role, password) else {
            return Err(AppError::Validation(problems));
        };
        let password_hash = SecretString::from(self.inner.hasher.hash(password.expose()).await?);
        let now = self.now();
        let user = NewUser {
            id: ids::user_id(),
            email: email.to_string(),
            password_hash,
            full_name: name.as_str().to_string(),
            phone: None,
            language: Language::En,
            role,
            email_verified_at: Some(now),
            created_at: now,
        };
        let mut tx = self.begin().await?;
        match tx.users().create(&user).await {
            Ok(()) => {}
            Err(StoreError::Conflict) => return Err(AppError::Conflict("email_taken")),
            Err(e) => return Err(e.into()),
        }
        let detail = Some(role.as_str().to_string());
        self.audit(&mut tx, &cli(), None, AuditAction::UserCreatedByOperator, Some(&user.id), detail).await?;
        self.commit(tx).await?;
        Ok(user.id)
    }

    /// Operators' command line: changes a role by email. Audited with no actor.
    pub async fn set_role_by_operator(&self, email: &str, role: &str) -> Result<(), AppError> {
        let email = EmailAddress::parse(email).map_err(|e| AppError::field("email", e))?;
        let role = Role::parse(role).map_err(|e| AppError::field("role", e))?;
        let mut tx = self.begin().await?;
        let user = tx.users().find_by_email(email.as_str()).await?.ok_or(AppError::NotFound)?;
        self.apply_account_change(&mut tx, &cli(), None, &user.id, Some(role), None).await?;
        self.commit_account_change(tx, &user.id).await
    }
}
