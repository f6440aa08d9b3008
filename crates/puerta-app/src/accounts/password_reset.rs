use puerta_domain::accounts::{EmailAddress, NewPassword, OneTimeCode};
use puerta_i18n::Arg;
use puerta_store::accounts::CodeRecord;

use super::messages::email;
use super::users::UserRecordExt;
use super::{AuditAction, RequestContext};
use crate::security::{random_code, random_token, sha256_hex};
use crate::{App, AppError};

impl App {
    /// Emails a reset code and link (30 minutes, single use) if the address has a live account.
    /// Always answers the same, so it reveals nothing.
    pub async fn request_password_reset(&self, ctx: &RequestContext, address: &str) -> Result<(), AppError> {
        let address = EmailAddress::parse(address).map_err(|e| AppError::field("email", e))?;
        self.throttle_code_send(ctx, address.as_str()).await?;
        let Some(user) = self.store().find_user_by_email(address.as_str()).await? else { return Ok(()) };
        if user.deleted_at.is_some() {
            return Ok(());
        }
        let code = random_code();
        let link_token = random_token();
        let now = self.now();
        self.store()
            .issue_code(&CodeRecord {
                id: uuid::Uuid::new_v4().to_string(),
                user_id: user.id.clone(),
                purpose: "reset_password".into(),
                code_hash: self.keys()?.mac(&[&user.id, "reset_password", &code]),
                link_token_hash: Some(sha256_hex(&link_token)),
                new_email: None,
                attempts: 0,
                expires_at: now + self.inner.policy.reset_code_secs * 1000,
                consumed_at: None,
                created_at: now,
            })
            .await?;
        self.audit(ctx, None, AuditAction::PasswordResetRequested, Some(&user.id), None).await?;
        let link = format!("{}/reset-password?token={link_token}", self.inner.public_url);
        let message = email(
            user.language_value(),
            &user.email,
            &user.full_name,
            ("email-reset-subject", vec![("code", code.as_str().into())]),
            vec![("email-reset-body", vec![("code", code.as_str().into()), ("link", Arg::from(link))])],
            true,
        );
        self.inner.delivery.send_email(message).await;
        Ok(())
    }

    /// Sets a new password with the emailed code (with the email) or the link token, then ends
    /// every session of the account.
    pub async fn reset_password(
        &self,
        ctx: &RequestContext,
        address: Option<&str>,
        code: Option<&str>,
        link_token: Option<&str>,
        new_password: &str,
    ) -> Result<(), AppError> {
        let password = NewPassword::parse(new_password).map_err(|e| AppError::field("password", e))?;
        let record = match (link_token.filter(|t| !t.is_empty()), address, code) {
            (Some(token), _, _) => self
                .store()
                .active_code_by_link(&sha256_hex(token), self.now())
                .await?
                .ok_or(AppError::CodeInvalid)?,
            (None, Some(address), Some(code)) => {
                let code = OneTimeCode::parse(code).map_err(|e| AppError::field("code", e))?;
                let address = EmailAddress::parse(address).map_err(|e| AppError::field("email", e))?;
                let user =
                    self.store().find_user_by_email(address.as_str()).await?.ok_or(AppError::CodeInvalid)?;
                self.check_code(&user.id, "reset_password", &code).await?
            }
            _ => return Err(AppError::field("code", "error-code-format")),
        };
        if record.purpose != "reset_password" || !self.store().consume_code(&record.id, self.now()).await? {
            return Err(AppError::CodeInvalid);
        }
        let hash = self.inner.hasher.hash(password.expose()).await?;
        let now = self.now();
        self.store().set_password_hash(&record.user_id, &hash, now).await?;
        // Whoever asked for the reset proved control of the mailbox: the address is verified.
        if let Some(user) = self.store().find_user(&record.user_id).await?
            && user.email_verified_at.is_none()
        {
            self.store().mark_email_verified(&user.id, now).await?;
        }
        self.store().revoke_user_sessions(&record.user_id, None, now).await?;
        self.audit(ctx, Some(&record.user_id), AuditAction::PasswordReset, Some(&record.user_id), None)
            .await?;
        self.notify_password_changed(&record.user_id).await
    }

    pub(crate) async fn notify_password_changed(&self, user_id: &str) -> Result<(), AppError> {
        if let Some(user) = self.store().find_user(user_id).await? {
            let message = email(
                user.language_value(),
                &user.email,
                &user.full_name,
                ("email-password-changed-subject", vec![]),
                vec![("email-password-changed-body", vec![])],
                false,
            );
            self.inner.delivery.send_email(message).await;
        }
        Ok(())
    }

    /// `…/account/wasnt-me?token=<user>.<expiry>.<mac>`: signed, so no table is needed.
    pub(crate) fn wasnt_me_link(&self, user_id: &str) -> Result<String, AppError> {
        let expiry = (self.now() + self.inner.policy.wasnt_me_link_secs * 1000).to_string();
        let mac = self.keys()?.mac(&["wasnt-me", user_id, &expiry]);
        Ok(format!("{}/account/wasnt-me?token={user_id}.{expiry}.{mac}", self.inner.public_url))
    }

    /// "This wasn't me": ends every session and forces a password reset. Needs no sign-in, only
    /// the signed link from the sign-in notice.
    pub async fn wasnt_me(&self, ctx: &RequestContext, token: &str) -> Result<(), AppError> {
        let mut parts = token.splitn(3, '.');
        let (Some(user_id), Some(expiry), Some(mac)) = (parts.next(), parts.next(), parts.next()) else {
            return Err(AppError::CodeInvalid);
        };
        let valid = self.keys()?.mac_matches(&["wasnt-me", user_id, expiry], mac)
            && expiry.parse::<i64>().is_ok_and(|e| e > self.now());
        if !valid {
            return Err(AppError::CodeInvalid);
        }
        let now = self.now();
        self.store().revoke_user_sessions(user_id, None, now).await?;
        self.store().set_must_reset_password(user_id, now).await?;
        self.audit(ctx, Some(user_id), AuditAction::AllSessionsEnded, Some(user_id), Some("wasnt_me".into()))
            .await
    }
}
