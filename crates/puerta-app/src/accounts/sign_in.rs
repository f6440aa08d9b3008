use puerta_domain::accounts::EmailAddress;
use puerta_i18n::Arg;

use super::messages::{email, sms};
use super::sessions::SessionKind;
use super::users::UserRecordExt;
use super::{AuditAction, RequestContext};
use crate::{App, AppError};

#[derive(Debug, Clone)]
pub struct SignIn {
    pub email: String,
    pub password: String,
    /// A TOTP code or a recovery code. Pages leave it out and ask on a second step.
    pub totp_code: Option<String>,
}

/// A successful sign-in: the session token (shown to the client once) and its expiry.
#[derive(Debug, Clone)]
pub struct SignedIn {
    pub token: String,
    pub expires_at: i64,
    /// True when the account has a second factor that the page must still ask for.
    pub second_factor_pending: bool,
    /// A staff role: pages start at the staff home.
    pub staff: bool,
}

impl App {
    /// Signs in with email and password (and second factor when enrolled).
    ///
    /// An unknown email and a wrong password give the same `InvalidCredentials` after the same
    /// work (a password hash is always verified). Five failures per email and IP in a minute
    /// answer `Throttled` until the minute ends.
    pub async fn sign_in(
        &self,
        ctx: &RequestContext,
        input: SignIn,
        kind: SessionKind,
    ) -> Result<SignedIn, AppError> {
        let email = EmailAddress::parse(&input.email).ok();
        let subject = format!(
            "{}|{}",
            email.as_ref().map_or("", EmailAddress::as_str),
            ctx.ip.as_deref().unwrap_or("-")
        );
        // Counted before checking, refunded unless it fails: parallel guesses stay within the limit.
        let limit = self.inner.limits.sign_in_failures_per_minute;
        let attempt = self.reserve("sign-in-failures", &subject, limit, 60).await?;

        let user = match &email {
            Some(email) => self.store().find_user_by_email(email.as_str()).await?,
            None => None,
        };
        let user = user.filter(|u| u.deleted_at.is_none());
        let matches = self
            .inner
            .hasher
            .verify(&input.password, user.as_ref().map(|u| u.password_hash.as_str()))
            .await?;
        let user = match user {
            Some(user) if matches => user,
            known => {
                let target = known.as_ref().map(|u| u.id.as_str());
                self.audit(ctx, None, AuditAction::SignInFailed, target, None).await?;
                return Err(AppError::InvalidCredentials);
            }
        };
        let refused = if user.disabled_at.is_some() {
            Some(AppError::AccountDisabled)
        } else if user.email_verified_at.is_none() {
            Some(AppError::EmailNotVerified)
        } else if user.must_reset_password {
            Some(AppError::PasswordResetRequired)
        } else {
            None
        };
        if let Some(error) = refused {
            self.refund(attempt).await?;
            return Err(error);
        }
        let mut pending = false;
        if user.mfa_enabled() {
            match input.totp_code.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
                Some(code) => {
                    if !self.check_second_factor(ctx, &user, code).await? {
                        self.audit(
                            ctx,
                            None,
                            AuditAction::SignInFailed,
                            Some(&user.id),
                            Some("second_factor".into()),
                        )
                        .await?;
                        return Err(AppError::TotpInvalid);
                    }
                }
                None if kind == SessionKind::Bearer => {
                    self.refund(attempt).await?;
                    return Err(AppError::TotpRequired);
                }
                None => pending = true,
            }
        }
        self.refund(attempt).await?;
        let session = self.open_session(&user.id, kind, pending).await?;
        if !pending {
            self.after_sign_in(ctx, &user, session.expires_at).await?;
        }
        let staff = user.role_value()?.is_staff();
        Ok(SignedIn {
            token: session.token,
            expires_at: session.expires_at,
            second_factor_pending: pending,
            staff,
        })
    }

    /// The page's second step: completes a session that waits for its second factor. Answers
    /// whether the account is staff (pages then start at the staff home).
    pub async fn complete_sign_in(
        &self,
        ctx: &RequestContext,
        token: &str,
        code: &str,
    ) -> Result<bool, AppError> {
        let (session, user) = self.live_session(token, SessionKind::Cookie).await?;
        let staff = user.role_value()?.is_staff();
        if !session.second_factor_pending {
            return Ok(staff);
        }
        let subject = format!("{}|{}", user.email, ctx.ip.as_deref().unwrap_or("-"));
        let limit = self.inner.limits.sign_in_failures_per_minute;
        let attempt = self.reserve("sign-in-failures", &subject, limit, 60).await?;
        if !self.check_second_factor(ctx, &user, code).await? {
            self.audit(ctx, None, AuditAction::SignInFailed, Some(&user.id), Some("second_factor".into()))
                .await?;
            return Err(AppError::TotpInvalid);
        }
        self.refund(attempt).await?;
        self.store().complete_second_factor(&session.token_hash).await?;
        self.after_sign_in(ctx, &user, session.expires_at).await?;
        Ok(staff)
    }

    /// Audit, and a notice by email (and SMS when a phone is on file) with a "this wasn't me" link.
    async fn after_sign_in(
        &self,
        ctx: &RequestContext,
        user: &puerta_store::accounts::UserRecord,
        _expires_at: i64,
    ) -> Result<(), AppError> {
        self.audit(ctx, Some(&user.id), AuditAction::SignInSucceeded, Some(&user.id), None).await?;
        let language = user.language_value();
        let time = chrono::DateTime::from_timestamp_millis(self.now())
            .map(|t| t.format("%Y-%m-%d %H:%M").to_string())
            .unwrap_or_default();
        let link = self.wasnt_me_link(&user.id)?;
        let message = email(
            language,
            &user.email,
            &user.full_name,
            ("email-sign-in-subject", vec![]),
            vec![
                ("email-sign-in-body", vec![("time", Arg::from(time.clone()))]),
                ("email-sign-in-wasnt-me", vec![("link", Arg::from(link))]),
            ],
            false,
        );
        self.inner.delivery.send_email(message).await;
        if let Some(phone) = &user.phone {
            self.inner
                .delivery
                .send_sms(sms(language, phone, "sms-sign-in", vec![("time", Arg::from(time))]))
                .await;
        }
        Ok(())
    }
}
