use puerta_store::accounts::UserRecord;
use subtle::ConstantTimeEq;
use totp_rs::{Algorithm, Secret, TOTP};

use super::sessions::Actor;
use super::users::UserRecordExt;
use super::{AuditAction, RequestContext};
use crate::security::random_recovery_code;
use crate::{App, AppError};

const ISSUER: &str = "Puerta";
const RECOVERY_CODES: usize = 10;

/// What the person needs to add Puerta to an authenticator app.
#[derive(Debug, Clone)]
pub struct TotpEnrolment {
    /// Base32, for typing by hand.
    pub secret: String,
    /// `otpauth://totp/Puerta:…`, the content of the QR code.
    pub otpauth_uri: String,
}

fn totp_for(secret_base32: &str, account: &str) -> Result<TOTP, AppError> {
    let bytes = Secret::Encoded(secret_base32.to_string())
        .to_bytes()
        .map_err(|_| AppError::Internal("stored TOTP secret is not base32".into()))?;
    // RFC 6238 defaults every authenticator app supports: SHA-1, 6 digits, 30 s, ±1 step.
    TOTP::new(Algorithm::SHA1, 6, 1, 30, bytes, Some(ISSUER.to_string()), account.to_string())
        .map_err(|e| AppError::Internal(format!("totp: {e}")))
}

impl App {
    /// Starts enrolment: a new secret, stored but not yet active until confirmed with a code.
    pub async fn start_totp(&self, actor: &Actor) -> Result<TotpEnrolment, AppError> {
        let user = self.store().find_user(&actor.user_id).await?.ok_or(AppError::Unauthenticated)?;
        if user.mfa_enabled() {
            return Err(AppError::Conflict("totp_already_enabled"));
        }
        let secret = Secret::Raw(rand::random::<[u8; 20]>().to_vec()).to_encoded().to_string();
        let totp = totp_for(&secret, &user.email)?;
        self.store().set_totp_secret(&user.id, Some(&secret), self.now()).await?;
        Ok(TotpEnrolment { secret, otpauth_uri: totp.get_url() })
    }

    /// The secret of an enrolment in progress, to show it again (e.g. after a wrong code).
    pub async fn pending_totp(&self, actor: &Actor) -> Result<Option<TotpEnrolment>, AppError> {
        let user = self.store().find_user(&actor.user_id).await?.ok_or(AppError::Unauthenticated)?;
        match (&user.totp_secret, user.mfa_enabled()) {
            (Some(secret), false) => {
                let totp = totp_for(secret, &user.email)?;
                Ok(Some(TotpEnrolment { secret: secret.clone(), otpauth_uri: totp.get_url() }))
            }
            _ => Ok(None),
        }
    }

    /// Confirms enrolment with a current code; returns 10 single-use recovery codes, shown once
    /// and stored only as keyed hashes.
    pub async fn confirm_totp(
        &self,
        ctx: &RequestContext,
        actor: &Actor,
        code: &str,
    ) -> Result<Vec<String>, AppError> {
        let user = self.store().find_user(&actor.user_id).await?.ok_or(AppError::Unauthenticated)?;
        if user.mfa_enabled() {
            return Err(AppError::Conflict("totp_already_enabled"));
        }
        let secret = user.totp_secret.as_deref().ok_or(AppError::Conflict("totp_not_started"))?;
        let subject = format!("totp-confirm|{}", user.id);
        self.throttle("totp-confirm", &subject, self.inner.limits.code_attempts, 600).await?;
        if !self.totp_accepted(&user.id, secret, &user.email, code).await? {
            return Err(AppError::field("code", "error-code-wrong"));
        }
        let codes: Vec<String> = (0..RECOVERY_CODES).map(|_| random_recovery_code()).collect();
        let keys = self.keys()?;
        let hashes: Vec<String> = codes.iter().map(|c| keys.mac(&[&user.id, "recovery", c])).collect();
        self.store().replace_recovery_codes(&user.id, &hashes).await?;
        self.store().enable_totp(&user.id, self.now()).await?;
        self.audit(ctx, Some(&user.id), AuditAction::MfaEnabled, Some(&user.id), None).await?;
        Ok(codes)
    }

    /// Accepts a current code (±1 step of 30 s for clock drift) once: the step it belongs to is
    /// recorded, and that step or an earlier one is never accepted again, so an overheard code
    /// cannot be replayed.
    async fn totp_accepted(
        &self,
        user_id: &str,
        secret: &str,
        account: &str,
        code: &str,
    ) -> Result<bool, AppError> {
        let digits: String = code.chars().filter(|c| c.is_ascii_digit()).collect();
        if digits.len() != 6 || code.chars().any(|c| c.is_ascii_alphabetic()) {
            return Ok(false);
        }
        let totp = totp_for(secret, account)?;
        let now = self.now() / 1000;
        let step = [-30_i64, 0, 30].into_iter().map(|skew| now + skew).find_map(|t| {
            let at = u64::try_from(t).ok()?;
            let same: bool = totp.generate(at).as_bytes().ct_eq(digits.as_bytes()).into();
            same.then_some(t / 30)
        });
        match step {
            Some(step) => Ok(self.store().use_totp_step(user_id, step).await?),
            None => Ok(false),
        }
    }

    /// A TOTP code, or else an unused recovery code (which is then used up and audited).
    pub(crate) async fn check_second_factor(
        &self,
        ctx: &RequestContext,
        user: &UserRecord,
        code: &str,
    ) -> Result<bool, AppError> {
        let Some(secret) = user.totp_secret.as_deref() else { return Ok(false) };
        // Per account, whatever the address: a million possible codes allow few guesses.
        let attempt = self.reserve("second-factor", &user.id, self.inner.limits.code_attempts, 900).await?;
        if self.totp_accepted(&user.id, secret, &user.email, code).await? {
            self.refund(attempt).await?;
            return Ok(true);
        }
        let normalized: String = code.trim().to_lowercase().chars().filter(|c| !c.is_whitespace()).collect();
        let hash = self.keys()?.mac(&[&user.id, "recovery", &normalized]);
        if self.store().use_recovery_code(&user.id, &hash, self.now()).await? {
            self.refund(attempt).await?;
            self.audit(ctx, Some(&user.id), AuditAction::RecoveryCodeUsed, Some(&user.id), None).await?;
            return Ok(true);
        }
        Ok(false)
    }
}
