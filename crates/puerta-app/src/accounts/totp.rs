use puerta_domain::audit::AuditAction;
use puerta_domain::ids::UserId;
use puerta_store::WriteTx;
use puerta_store::accounts::User;
use secrecy::{ExposeSecret, SecretString};
use subtle::ConstantTimeEq;
use totp_rs::{Algorithm, Secret, TOTP};

use super::RequestContext;
use super::sessions::Actor;
use super::throttle::Reserved;
use crate::delivery::Message;
use crate::security::{is_sealed, open_with_fallback, random_recovery_code};
use crate::unit_of_work::Recipient;
use crate::{App, AppError, ids};

const ISSUER: &str = "Puerta";
const RECOVERY_CODES: usize = 10;

/// What the person needs to add Puerta to an authenticator app.
#[derive(Clone)]
pub struct TotpEnrolment {
    /// Base32, for typing by hand.
    pub secret: SecretString,
    /// `otpauth://totp/Puerta:…`, the content of the QR code (it holds the secret).
    pub otpauth_uri: SecretString,
}

impl std::fmt::Debug for TotpEnrolment {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("TotpEnrolment([redacted])")
    }
}

fn totp_for(secret_base32: &str, account: &str) -> Result<TOTP, AppError> {
    let bytes = Secret::Encoded(secret_base32.to_string())
        .to_bytes()
        .map_err(|_| AppError::Internal("stored TOTP secret is not base32".into()))?;
    // RFC 6238 defaults every authenticator app supports: SHA-1, 6 digits, 30 s, ±1 step.
    TOTP::new(Algorithm::SHA1, 6, 1, 30, bytes, Some(ISSUER.to_string()), account.to_string())
        .map_err(|e| AppError::Internal(format!("totp: {e}")))
}

/// Sealed secrets are bound to their account: a sealed value copied into another row opens
/// nowhere.
fn purpose(user: &UserId) -> String {
    format!("totp_secret:{user}")
}

impl App {
    pub(crate) fn seal_totp_secret(&self, user: &UserId, secret: &str) -> Result<String, AppError> {
        self.inner
            .master_key
            .seal(&purpose(user), secret.as_bytes())
            .map_err(|e| AppError::Internal(format!("sealing: {e}")))
    }

    /// The base32 secret of `user`'s stored (sealed) TOTP secret.
    pub(crate) fn open_totp_secret(&self, user: &User) -> Result<Option<SecretString>, AppError> {
        let Some(stored) = &user.totp_secret else { return Ok(None) };
        let stored = stored.expose_secret();
        if !is_sealed(stored) {
            // From before secrets were sealed; `prepare_database` seals these at start.
            return Ok(Some(SecretString::from(stored.to_string())));
        }
        let opened = open_with_fallback(
            &self.inner.master_key,
            self.inner.previous_master_key.as_ref(),
            &purpose(&user.id),
            stored,
        )
        .map_err(|e| AppError::Internal(format!("opening a TOTP secret: {e}")))?;
        let text = String::from_utf8(opened.plaintext.clone())
            .map_err(|_| AppError::Internal("TOTP secret is not text".into()))?;
        Ok(Some(SecretString::from(text)))
    }

    /// Starts enrolment: a new secret, stored (sealed) but not active until confirmed with a
    /// code. Never touches a second factor that is already enabled, even from a second tab.
    pub async fn start_totp(&self, actor: &Actor) -> Result<TotpEnrolment, AppError> {
        actor.own()?;
        let user =
            self.reader().await?.users().find(&actor.user_id).await?.ok_or(AppError::Unauthenticated)?;
        if user.mfa_enabled() {
            return Err(AppError::Conflict("totp_already_enabled"));
        }
        let secret = Secret::Raw(rand::random::<[u8; 20]>().to_vec()).to_encoded().to_string();
        let uri = totp_for(&secret, &user.email)?.get_url();
        let sealed = self.seal_totp_secret(&user.id, &secret)?;
        let mut tx = self.begin().await?;
        if !tx.users().start_totp(&user.id, &sealed, self.now()).await? {
            return Err(AppError::Conflict("totp_already_enabled"));
        }
        self.commit(tx).await?;
        Ok(TotpEnrolment { secret: SecretString::from(secret), otpauth_uri: SecretString::from(uri) })
    }

    /// The secret of an enrolment in progress, to show it again (e.g. after a wrong code).
    pub async fn pending_totp(&self, actor: &Actor) -> Result<Option<TotpEnrolment>, AppError> {
        actor.own()?;
        let user =
            self.reader().await?.users().find(&actor.user_id).await?.ok_or(AppError::Unauthenticated)?;
        if user.mfa_enabled() {
            return Ok(None);
        }
        let Some(secret) = self.open_totp_secret(&user)? else { return Ok(None) };
        let uri = totp_for(secret.expose_secret(), &user.email)?.get_url();
        Ok(Some(TotpEnrolment { secret, otpauth_uri: SecretString::from(uri) }))
    }

    /// Confirms enrolment with the account's password (a session left open on a shared
    /// computer must not be enough to lock its owner out) and a current code; returns 10
    /// single-use recovery codes, shown once and stored only as keyed hashes. Secret, recovery
    /// codes, "enabled", the end of every other session, the audit row and the notice commit
    /// together, and only for the enrolment the code was made from.
    pub async fn confirm_totp(
        &self,
        ctx: &RequestContext,
        actor: &Actor,
        password: &str,
        code: &str,
    ) -> Result<Vec<SecretString>, AppError> {
        actor.own()?;
        self.confirm_password(actor, "password", password).await?;
        let subject = format!("totp-confirm|{}", actor.user_id);
        self.throttle("totp-confirm", &subject, self.inner.limits.code_attempts, 600).await?;
        let mut tx = self.begin().await?;
        let user = tx.users().find(&actor.user_id).await?.ok_or(AppError::Unauthenticated)?;
        if user.mfa_enabled() {
            return Err(AppError::Conflict("totp_already_enabled"));
        }
        let stored = user.totp_secret.clone().ok_or(AppError::Conflict("totp_not_started"))?;
        let secret = self.open_totp_secret(&user)?.ok_or(AppError::Conflict("totp_not_started"))?;
        if !self.totp_accepted(&mut tx, &user.id, secret.expose_secret(), &user.email, code).await? {
            return Err(AppError::field("code", "error-code-wrong"));
        }
        let codes: Vec<SecretString> =
            (0..RECOVERY_CODES).map(|_| SecretString::from(random_recovery_code())).collect();
        let keys = self.keys()?;
        let hashes: Vec<SecretString> = codes
            .iter()
            .map(|c| SecretString::from(keys.mac(&[user.id.as_str(), "recovery", c.expose_secret()])))
            .collect();
        tx.recovery_codes().replace(&user.id, &hashes).await?;
        if !tx.users().enable_totp(&user.id, stored.expose_secret(), self.now()).await? {
            return Err(AppError::Conflict("totp_not_started"));
        }
        let now = self.now();
        tx.sessions().revoke_all(&user.id, Some(&actor.session_hash), now).await?;
        self.audit(&mut tx, ctx, Some(&user.id), AuditAction::MfaEnabled, Some(&user.id), None).await?;
        let to = Recipient { user_id: Some(&user.id), address: &user.email, language: user.language };
        let notice = Message::SecondFactorEnabled { name: user.full_name.clone() };
        self.queue(&mut tx, &ids::event_id(), to, &notice).await?;
        self.commit_account_change(tx, &user.id).await?;
        Ok(codes)
    }

    /// Accepts a current code (±1 step of 30 s for clock drift) once: the step it belongs to is
    /// recorded, and that step or an earlier one is never accepted again, so an overheard code
    /// cannot be replayed.
    async fn totp_accepted(
        &self,
        tx: &mut WriteTx,
        user_id: &UserId,
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
            Some(step) => Ok(tx.users().use_totp_step(user_id, step).await?),
            None => Ok(false),
        }
    }

    /// Counts a second-factor attempt per account, whatever the address (a million possible
    /// codes allow few guesses). Before the use case's transaction, so it stays counted.
    pub(crate) async fn reserve_second_factor(&self, user: &UserId) -> Result<Reserved, AppError> {
        self.reserve("second-factor", user.as_str(), self.inner.limits.code_attempts, 900).await
    }

    /// A TOTP code, or else an unused recovery code (which is then used up and audited), in
    /// `tx`; refunds `attempt` when it matches.
    pub(crate) async fn check_second_factor(
        &self,
        tx: &mut WriteTx,
        ctx: &RequestContext,
        user: &User,
        code: &str,
        attempt: Reserved,
    ) -> Result<bool, AppError> {
        let Some(secret) = self.open_totp_secret(user)? else { return Ok(false) };
        if self.totp_accepted(tx, &user.id, secret.expose_secret(), &user.email, code).await? {
            self.refund(tx, attempt).await?;
            return Ok(true);
        }
        let normalized: String = code.trim().to_lowercase().chars().filter(|c| !c.is_whitespace()).collect();
        let hash = SecretString::from(self.keys()?.mac(&[user.id.as_str(), "recovery", &normalized]));
        if tx.recovery_codes().use_code(&user.id, &hash, self.now()).await? {
            self.refund(tx, attempt).await?;
            self.audit(tx, ctx, Some(&user.id), AuditAction::RecoveryCodeUsed, Some(&user.id), None).await?;
            return Ok(true);
        }
        Ok(false)
    }

    /// Seals TOTP secrets still stored in the clear, and re-seals those sealed under the
    /// previous master key (key rotation). Run at start; answers how many were sealed.
    pub(crate) async fn seal_stored_secrets(&self) -> Result<u64, AppError> {
        let mut sealed = 0;
        let legacy =
            self.reader().await?.users().unsealed_totp_secrets(crate::security::SEALED_PREFIX).await?;
        let mut tx = self.begin().await?;
        for (id, clear) in legacy {
            let value = self.seal_totp_secret(&id, clear.expose_secret())?;
            sealed += u64::from(tx.users().reseal_totp_secret(&id, &clear, &value).await?);
        }
        if let Some(previous) = &self.inner.previous_master_key {
            for (id, stored) in tx.users().sealed_totp_secrets(crate::security::SEALED_PREFIX).await? {
                let opened = open_with_fallback(
                    &self.inner.master_key,
                    Some(previous),
                    &purpose(&id),
                    stored.expose_secret(),
                )
                .map_err(|e| AppError::Internal(format!("a TOTP secret opens under neither key: {e}")))?;
                if opened.needs_reseal() {
                    let text = String::from_utf8(opened.plaintext.clone())
                        .map_err(|_| AppError::Internal("TOTP secret is not text".into()))?;
                    let value = self.seal_totp_secret(&id, &text)?;
                    sealed += u64::from(tx.users().reseal_totp_secret(&id, &stored, &value).await?);
                }
            }
        }
        tx.commit().await?;
        Ok(sealed)
    }
}
