use puerta_domain::accounts::{EmailAddress, OneTimeCode};
use puerta_store::accounts::CodeRecord;

use super::users::UserRecordExt;
use super::{AuditAction, RequestContext};
use crate::{App, AppError};

impl App {
    /// Confirms an email address with the 6-digit code. Wrong, used, expired and unknown all
    /// answer `CodeInvalid`; each code allows a limited number of tries.
    pub async fn verify_email(&self, ctx: &RequestContext, email: &str, code: &str) -> Result<(), AppError> {
        let code = OneTimeCode::parse(code).map_err(|e| AppError::field("code", e))?;
        let email = EmailAddress::parse(email).map_err(|e| AppError::field("email", e))?;
        let user = self.store().find_user_by_email(email.as_str()).await?.ok_or(AppError::CodeInvalid)?;
        if user.email_verified_at.is_some() || !user.is_live() {
            return Err(AppError::CodeInvalid);
        }
        let record = self.check_code(&user.id, "verify_email", &code).await?;
        if !self.store().consume_code(&record.id, self.now()).await? {
            return Err(AppError::CodeInvalid);
        }
        self.store().mark_email_verified(&user.id, self.now()).await?;
        self.audit(ctx, Some(&user.id), AuditAction::EmailVerified, Some(&user.id), None).await
    }

    /// Sends a new verification code if the address has an unverified account. Always answers
    /// the same; throttled per address and per IP.
    pub async fn resend_verification(&self, ctx: &RequestContext, email: &str) -> Result<(), AppError> {
        let email = EmailAddress::parse(email).map_err(|e| AppError::field("email", e))?;
        self.throttle_code_send(ctx, email.as_str()).await?;
        if let Some(user) = self.store().find_user_by_email(email.as_str()).await?
            && user.email_verified_at.is_none()
            && user.is_live()
        {
            self.send_verification_code(&user.id, user.language_value(), &user.email, &user.full_name)
                .await?;
        }
        Ok(())
    }

    pub(crate) async fn throttle_code_send(
        &self,
        ctx: &RequestContext,
        address: &str,
    ) -> Result<(), AppError> {
        let limits = &self.inner.limits;
        self.throttle(
            "code-send-ip",
            ctx.ip.as_deref().unwrap_or("-"),
            limits.code_sends_per_ip_per_hour,
            3600,
        )
        .await?;
        self.throttle("code-send-email", address, limits.code_sends_per_email_per_hour, 3600).await
    }

    /// Finds the user's live code for `purpose`, counts the attempt, and checks it.
    pub(crate) async fn check_code(
        &self,
        user_id: &str,
        purpose: &str,
        code: &OneTimeCode,
    ) -> Result<CodeRecord, AppError> {
        let record =
            self.store().active_code(user_id, purpose, self.now()).await?.ok_or(AppError::CodeInvalid)?;
        self.check_record(record, code.as_str()).await
    }

    pub(crate) async fn check_record(&self, record: CodeRecord, code: &str) -> Result<CodeRecord, AppError> {
        let attempts = self.store().add_code_attempt(&record.id).await?;
        if attempts > self.inner.limits.code_attempts {
            // Out of tries: the code is dead; a new one must be asked for.
            self.store().consume_code(&record.id, self.now()).await?;
            return Err(AppError::CodeInvalid);
        }
        if self.keys()?.mac_matches(&[&record.user_id, &record.purpose, code], &record.code_hash) {
            Ok(record)
        } else {
            Err(AppError::CodeInvalid)
        }
    }
}
