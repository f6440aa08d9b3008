use puerta_domain::accounts::{CodePurpose, EmailAddress, OneTimeCode};
use puerta_domain::audit::AuditAction;

use super::RequestContext;
use super::codes::Checked;
use crate::{App, AppError};

impl App {
    /// Confirms an email address with the 6-digit code. Wrong, used, expired and unknown all
    /// answer `CodeInvalid`; each code allows a limited number of tries. One transaction: the
    /// attempt is counted, and on a match the code is used, the address verified and audited.
    pub async fn verify_email(&self, ctx: &RequestContext, email: &str, code: &str) -> Result<(), AppError> {
        let code = OneTimeCode::parse(code).map_err(|e| AppError::field("code", e))?;
        let email = EmailAddress::parse(email).map_err(|e| AppError::field("email", e))?;
        let mut tx = self.begin().await?;
        let user = tx.users().find_by_email(email.as_str()).await?.ok_or(AppError::CodeInvalid)?;
        if user.email_verified_at.is_some() || !user.is_live() {
            return Err(AppError::CodeInvalid);
        }
        let Checked::Valid(record) =
            self.check_code(&mut tx, &user.id, CodePurpose::VerifyEmail, &code).await?
        else {
            // The attempt stays counted.
            self.commit(tx).await?;
            return Err(AppError::CodeInvalid);
        };
        let now = self.now();
        if !tx.codes().consume(&record.id, now).await?
            || !tx.users().mark_email_verified(&user.id, now).await?
        {
            return Err(AppError::CodeInvalid);
        }
        self.audit(&mut tx, ctx, Some(&user.id), AuditAction::EmailVerified, Some(&user.id), None).await?;
        self.commit(tx).await
    }

    /// Sends a new verification code if the address has an unverified account. Always answers
    /// the same; throttled per address and per IP.
    pub async fn resend_verification(&self, ctx: &RequestContext, email: &str) -> Result<(), AppError> {
        let email = EmailAddress::parse(email).map_err(|e| AppError::field("email", e))?;
        self.throttle_code_send(ctx, email.as_str()).await?;
        let mut tx = self.begin().await?;
        if let Some(user) = tx.users().find_by_email(email.as_str()).await?
            && user.email_verified_at.is_none()
            && user.is_live()
        {
            self.send_verification_code(&mut tx, &user.id, user.language, &user.email, &user.full_name)
                .await?;
        }
        self.commit(tx).await
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
}
