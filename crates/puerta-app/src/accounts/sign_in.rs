use puerta_domain::accounts::{EmailAddress, GuardPolicy, SessionKind};
use puerta_domain::audit::AuditAction;
use puerta_store::WriteTx;
use puerta_store::accounts::User;
use secrecy::{ExposeSecret, SecretString};

use super::RequestContext;
use crate::delivery::Message;
use crate::{App, AppError};

#[derive(Debug, Clone)]
pub struct SignIn {
    pub email: String,
    pub password: SecretString,
    /// A TOTP code or a recovery code. Pages leave it out and ask on a second step.
    pub totp_code: Option<SecretString>,
}

/// A successful sign-in: the session token (shown to the client once) and its expiry.
#[derive(Debug, Clone)]
pub struct SignedIn {
    pub token: SecretString,
    pub expires_at: i64,
    /// True when the account has a second factor that the page must still ask for.
    pub second_factor_pending: bool,
    /// A staff role: pages start at the staff home.
    pub staff: bool,
    /// A partner: pages start at the partners' home.
    pub partner: bool,
}

/// The account guard's kind for passwords (a password reset clears it).
pub(crate) const SIGN_IN_GUARD: &str = "sign-in";

impl App {
    /// Signs in with email and password (and second factor when enrolled).
    ///
    /// An unknown email and a wrong password give the same `InvalidCredentials` after the same
    /// work (a password hash is always verified). After five wrong passwords for one address,
    /// from anywhere, each next try waits longer (`SignInLocked`; a password reset, by a code
    /// sent to the address, lets the owner in at once). The session, its audit row and the
    /// sign-in notices commit together.
    pub async fn sign_in(
        &self,
        ctx: &RequestContext,
        input: SignIn,
        kind: SessionKind,
    ) -> Result<SignedIn, AppError> {
        let email = EmailAddress::parse(&input.email).ok();
        let (from_ip, guarded) = self.count_sign_in_attempt(ctx, &input.email, email.as_ref()).await?;

        let user = match &email {
            Some(email) => self.reader().await?.users().find_by_email(email.as_str()).await?,
            None => None,
        };
        let user = user.filter(|u| u.deleted_at.is_none());
        let matches = self
            .inner
            .hasher
            .verify(input.password.expose_secret(), user.as_ref().map(|u| u.password_hash.expose_secret()))
            .await?;
        let mut tx = self.begin().await?;
        let user = match user {
            Some(user) if matches => user,
            known => {
                let target = known.as_ref().map(|u| &u.id);
                self.audit(&mut tx, ctx, None, AuditAction::SignInFailed, target, None).await?;
                self.commit(tx).await?;
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
            // The password was right: this was no guess.
            self.refund(&mut tx, from_ip).await?;
            self.guard_clear(&mut tx, guarded).await?;
            self.commit(tx).await?;
            return Err(error);
        }
        let code =
            input.totp_code.as_ref().map(|c| c.expose_secret().trim().to_string()).filter(|c| !c.is_empty());
        let pending = match (user.mfa_enabled(), code) {
            (false, _) => false,
            (true, Some(code)) => {
                // Close this transaction first: the second-factor counter commits on its own.
                tx.rollback().await?;
                let second = self.reserve_second_factor(&user.id).await?;
                tx = self.begin().await?;
                if !self.check_second_factor(&mut tx, ctx, &user, &code, second).await? {
                    let detail = Some("second_factor".to_string());
                    self.audit(&mut tx, ctx, None, AuditAction::SignInFailed, Some(&user.id), detail).await?;
                    self.commit(tx).await?;
                    return Err(AppError::TotpInvalid);
                }
                false
            }
            (true, None) if kind == SessionKind::Bearer => {
                self.refund(&mut tx, from_ip).await?;
                self.guard_clear(&mut tx, guarded).await?;
                self.commit(tx).await?;
                return Err(AppError::TotpRequired);
            }
            (true, None) => true,
        };
        self.refund(&mut tx, from_ip).await?;
        self.guard_clear(&mut tx, guarded).await?;
        let session = self.open_session(&mut tx, &user.id, kind, pending).await?;
        if !pending {
            self.after_sign_in(&mut tx, ctx, &user).await?;
        }
        self.commit(tx).await?;
        Ok(SignedIn {
            token: session.token,
            expires_at: session.expires_at,
            second_factor_pending: pending,
            staff: user.role.is_staff() && user.role != puerta_domain::accounts::Role::Partner,
            partner: user.role == puerta_domain::accounts::Role::Partner,
        })
    }

    /// The page's second step: completes a session that waits for its second factor. The
    /// pending session ends and a new one starts, so a token seen before the second factor
    /// (e.g. set by someone else in this browser) is worth nothing after it. Answers the new
    /// token and the account's role (pages then start at the staff or partners' home).
    pub async fn complete_sign_in(
        &self,
        ctx: &RequestContext,
        token: &str,
        code: &str,
    ) -> Result<(SignedIn, puerta_domain::accounts::Role), AppError> {
        let (session, user) = self.live_session(token, SessionKind::Cookie).await?;
        if !session.second_factor_pending {
            return Err(AppError::Unauthenticated);
        }
        let ip = ctx.ip.as_deref().unwrap_or("-");
        let from_ip = self
            .under_pressure(ctx, "sign-in-failures-ip", ip, &self.inner.limits.sign_in_failures_ip)
            .await?;
        let second = self.reserve_second_factor(&user.id).await?;
        let mut tx = self.begin().await?;
        if !self.check_second_factor(&mut tx, ctx, &user, code, second).await? {
            let detail = Some("second_factor".to_string());
            self.audit(&mut tx, ctx, None, AuditAction::SignInFailed, Some(&user.id), detail).await?;
            self.commit(tx).await?;
            return Err(AppError::TotpInvalid);
        }
        self.refund(&mut tx, from_ip).await?;
        if !tx.sessions().complete_second_factor(&session.token_hash).await? {
            // Completed by a parallel request meanwhile: that one holds the new session.
            return Err(AppError::Unauthenticated);
        }
        tx.sessions().revoke(&session.token_hash, self.now()).await?;
        let fresh = self.open_session(&mut tx, &user.id, SessionKind::Cookie, false).await?;
        self.after_sign_in(&mut tx, ctx, &user).await?;
        self.commit(tx).await?;
        let signed = SignedIn {
            token: fresh.token,
            expires_at: fresh.expires_at,
            second_factor_pending: false,
            staff: user.role.is_staff() && user.role != puerta_domain::accounts::Role::Partner,
            partner: user.role == puerta_domain::accounts::Role::Partner,
        };
        Ok((signed, user.role))
    }

    /// Counts a password attempt before it is checked: against the source address (a proof of
    /// work past its soft limit) and against the account, across every source address, with
    /// growing delays. The account guard is keyed by the address typed, so an address without
    /// an account is guarded exactly alike and the answers reveal nothing.
    async fn count_sign_in_attempt(
        &self,
        ctx: &RequestContext,
        typed: &str,
        email: Option<&EmailAddress>,
    ) -> Result<(super::throttle::Reserved, super::guard::Guarded), AppError> {
        let ip = ctx.ip.as_deref().unwrap_or("-");
        let from_ip = self
            .under_pressure(ctx, "sign-in-failures-ip", ip, &self.inner.limits.sign_in_failures_ip)
            .await?;
        let account = email.map_or_else(|| typed.trim().to_lowercase(), |e| e.as_str().to_string());
        match self.guard_attempt(SIGN_IN_GUARD, &account, &GuardPolicy::SIGN_IN).await {
            Ok(guarded) => Ok((from_ip, guarded)),
            Err(AppError::Throttled { retry_after_secs }) => {
                // Not a guess that was checked: give the source address its attempt back.
                let mut tx = self.begin().await?;
                self.refund(&mut tx, from_ip).await?;
                tx.commit().await?;
                Err(AppError::SignInLocked { retry_after_secs })
            }
            Err(e) => Err(e),
        }
    }

    /// Audit, and a notice by email (and SMS when a phone is on file) with a "this wasn't me"
    /// link, in `tx`.
    async fn after_sign_in(
        &self,
        tx: &mut WriteTx,
        ctx: &RequestContext,
        user: &User,
    ) -> Result<(), AppError> {
        self.audit(tx, ctx, Some(&user.id), AuditAction::SignInSucceeded, Some(&user.id), None).await?;
        let at_ms = self.now();
        let link = self.wasnt_me_link(user)?;
        let zone = user.time_zone.name().to_string();
        let notice = Message::SignInNotice { name: user.full_name.clone(), at_ms, zone: zone.clone(), link };
        let sms = Message::SignInNoticeSms { at_ms, zone };
        let args = crate::notifications::args([("at_ms", at_ms.to_string())]);
        self.notify(tx, user, puerta_domain::notifications::Kind::SignIn, args, Some(notice), Some(sms))
            .await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_output_never_shows_a_password_code_or_token() {
        let input = SignIn {
            email: "ana@example.org".into(),
            password: SecretString::from("a long river of stars".to_string()),
            totp_code: Some(SecretString::from("123456".to_string())),
        };
        let signed = SignedIn {
            token: SecretString::from("tok-abcdef".to_string()),
            expires_at: 0,
            second_factor_pending: false,
            staff: false,
            partner: false,
        };
        let shown = format!("{input:?} {signed:?}");
        for secret in ["a long river of stars", "123456", "tok-abcdef"] {
            assert!(!shown.contains(secret), "{shown}");
        }
    }
}
