use puerta_domain::accounts::{EmailAddress, Language, NewPassword, OneTimeCode, PhoneNumber, Role};
use puerta_store::StoreError;
use puerta_store::accounts::CodeRecord;

use super::messages::email;
use super::sessions::Actor;
use super::users::UserRecordExt;
use super::{AuditAction, RequestContext};
use crate::security::random_code;
use crate::{App, AppError};

/// What a person sees about their own account.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Profile {
    pub id: String,
    pub email: String,
    pub full_name: String,
    pub phone: Option<String>,
    pub role: Role,
    pub language: Language,
    pub mfa_enabled: bool,
    pub created_at: i64,
}

impl App {
    pub async fn me(&self, actor: &Actor) -> Result<Profile, AppError> {
        let user = self.store().find_user(&actor.user_id).await?.ok_or(AppError::Unauthenticated)?;
        Ok(Profile {
            role: user.role_value()?,
            language: user.language_value(),
            mfa_enabled: user.mfa_enabled(),
            id: user.id,
            email: user.email,
            full_name: user.full_name,
            phone: user.phone,
            created_at: user.created_at,
        })
    }

    /// Checks the actor's current password (for changes that need it).
    pub(crate) async fn confirm_password(
        &self,
        actor: &Actor,
        field: &'static str,
        password: &str,
    ) -> Result<(), AppError> {
        let user = self.store().find_user(&actor.user_id).await?.ok_or(AppError::Unauthenticated)?;
        let subject = format!("confirm-password|{}", user.id);
        let limit = self.inner.limits.sign_in_failures_per_minute;
        let attempt = self.reserve("confirm-password", &subject, limit, 60).await?;
        if self.inner.hasher.verify(password, Some(&user.password_hash)).await? {
            self.refund(attempt).await
        } else {
            Err(AppError::field(field, "error-current-password-wrong"))
        }
    }

    /// Changes the password and ends every other session.
    pub async fn change_password(
        &self,
        ctx: &RequestContext,
        actor: &Actor,
        current: &str,
        new: &str,
    ) -> Result<(), AppError> {
        let new = NewPassword::parse(new).map_err(|e| AppError::field("new_password", e))?;
        self.confirm_password(actor, "current_password", current).await?;
        let hash = self.inner.hasher.hash(new.expose()).await?;
        let now = self.now();
        self.store().set_password_hash(&actor.user_id, &hash, now).await?;
        self.store().revoke_user_sessions(&actor.user_id, Some(&actor.session_hash), now).await?;
        self.audit(ctx, Some(&actor.user_id), AuditAction::PasswordChanged, Some(&actor.user_id), None)
            .await?;
        self.notify_password_changed(&actor.user_id).await
    }

    /// Sends a code to the new address; the change happens when it is confirmed. An address that
    /// belongs to another account gets no code, but the answer is the same.
    pub async fn request_email_change(
        &self,
        ctx: &RequestContext,
        actor: &Actor,
        new_email: &str,
        password: &str,
    ) -> Result<(), AppError> {
        let address = EmailAddress::parse(new_email).map_err(|e| AppError::field("new_email", e))?;
        self.confirm_password(actor, "password", password).await?;
        self.throttle_code_send(ctx, address.as_str()).await?;
        if self.store().find_user_by_email(address.as_str()).await?.is_some() {
            return Ok(());
        }
        let user = self.store().find_user(&actor.user_id).await?.ok_or(AppError::Unauthenticated)?;
        let code = random_code();
        let now = self.now();
        self.store()
            .issue_code(&CodeRecord {
                id: uuid::Uuid::new_v4().to_string(),
                user_id: user.id.clone(),
                purpose: "change_email".into(),
                code_hash: self.keys()?.mac(&[&user.id, "change_email", &code]),
                link_token_hash: None,
                new_email: Some(address.to_string()),
                attempts: 0,
                expires_at: now + self.inner.policy.email_code_secs * 1000,
                consumed_at: None,
                created_at: now,
            })
            .await?;
        let message = email(
            user.language_value(),
            address.as_str(),
            &user.full_name,
            ("email-change-subject", vec![("code", code.as_str().into())]),
            vec![("email-change-body", vec![("code", code.as_str().into())])],
            true,
        );
        self.inner.delivery.send_email(message).await;
        Ok(())
    }

    /// Confirms the new address with its code; the old address is told.
    pub async fn confirm_email_change(
        &self,
        ctx: &RequestContext,
        actor: &Actor,
        code: &str,
    ) -> Result<(), AppError> {
        let code = OneTimeCode::parse(code).map_err(|e| AppError::field("code", e))?;
        let record = self.check_code(&actor.user_id, "change_email", &code).await?;
        let new_email = record.new_email.clone().ok_or(AppError::CodeInvalid)?;
        if !self.store().consume_code(&record.id, self.now()).await? {
            return Err(AppError::CodeInvalid);
        }
        let old = self.store().find_user(&actor.user_id).await?.ok_or(AppError::Unauthenticated)?;
        match self.store().set_email(&actor.user_id, &new_email, self.now()).await {
            Ok(()) => {}
            Err(StoreError::Conflict) => return Err(AppError::CodeInvalid),
            Err(e) => return Err(e.into()),
        }
        self.audit(ctx, Some(&actor.user_id), AuditAction::EmailChanged, Some(&actor.user_id), None).await?;
        let message = email(
            old.language_value(),
            &old.email,
            &old.full_name,
            ("email-email-changed-subject", vec![]),
            vec![("email-email-changed-body", vec![])],
            false,
        );
        self.inner.delivery.send_email(message).await;
        Ok(())
    }

    pub async fn change_language(&self, actor: &Actor, language: &str) -> Result<(), AppError> {
        let language =
            Language::parse(language).ok_or_else(|| AppError::field("language", "error-language-invalid"))?;
        Ok(self.store().set_language(&actor.user_id, language.code(), self.now()).await?)
    }

    /// Sets the mobile number, or removes it when `phone` is empty.
    pub async fn change_phone(&self, actor: &Actor, phone: &str) -> Result<(), AppError> {
        let phone = match phone.trim() {
            "" => None,
            p => Some(PhoneNumber::parse(p).map_err(|e| AppError::field("phone", e))?),
        };
        Ok(self
            .store()
            .set_phone(&actor.user_id, phone.as_ref().map(PhoneNumber::as_str), self.now())
            .await?)
    }
}
