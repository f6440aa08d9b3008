use puerta_domain::accounts::{
    CodePurpose, EmailAddress, GuardPolicy, NewPassword, OneTimeCode, PasswordContext,
};
use puerta_domain::audit::AuditAction;
use puerta_domain::ids::UserId;
use puerta_store::WriteTx;
use secrecy::SecretString;

use super::RequestContext;
use super::codes::{CODE_GUARD, Checked};
use super::sign_in::SIGN_IN_GUARD;
use crate::delivery::Message;
use crate::jobs::Job;
use crate::security::{random_token, sha256_hex};
use crate::unit_of_work::Recipient;
use crate::{App, AppError, ids};

impl App {
    /// Emails a reset code and link (30 minutes, single use) if the address has a live account.
    /// Always answers the same, after the same work: the request only queues a job (for known
    /// and unknown addresses alike), and the worker looks the address up afterwards.
    pub async fn request_password_reset(&self, ctx: &RequestContext, address: &str) -> Result<(), AppError> {
        let address = EmailAddress::parse(address).map_err(|e| AppError::field("email", e))?;
        self.throttle_code_send(ctx, address.as_str()).await?;
        let mut tx = self.begin().await?;
        let job = Job::PasswordReset {
            email: address.to_string(),
            ip: ctx.ip.clone(),
            user_agent: ctx.user_agent.clone(),
        };
        self.queue_job(&mut tx, &job).await?;
        self.commit(tx).await
    }

    /// The job's half of [`Self::request_password_reset`], in the job's transaction.
    pub(crate) async fn send_password_reset(
        &self,
        tx: &mut WriteTx,
        ctx: &RequestContext,
        address: &str,
    ) -> Result<(), AppError> {
        let Some(user) = tx.users().find_by_email(address).await? else { return Ok(()) };
        if user.deleted_at.is_some() || !self.mailbox_may_receive(tx, &user.id, "reset").await? {
            return Ok(());
        }
        let link_token = random_token();
        let lifetime = self.inner.policy.reset_code_secs;
        let link_hash = Some(SecretString::from(sha256_hex(&link_token)));
        let issued =
            self.issue_code(tx, &user.id, CodePurpose::ResetPassword, lifetime, link_hash, None).await?;
        self.audit(tx, ctx, None, AuditAction::PasswordResetRequested, Some(&user.id), None).await?;
        let link = format!("{}/reset-password?token={link_token}", self.inner.public_url);
        let to = Recipient { user_id: Some(&user.id), address: &user.email, language: user.language };
        let message = Message::ResetPassword { code: issued.code, link };
        self.queue(tx, &ids::event_id(), to, &message).await
    }

    /// Sets a new password with the emailed code (with the email) or the link token. The new
    /// password, the used code, the verified address, the end of every session, the audit row
    /// and the notice commit together.
    ///
    /// The password is judged twice: first on its own (so a weak one costs no code attempt and
    /// reveals nothing), then, once the code or link has shown whose account it is, against that
    /// account's email and name. The check commits on its own (a wrong code stays counted), the
    /// password is hashed outside any transaction, and the change then consumes the code, which
    /// fails if it was used or replaced meanwhile.
    pub async fn reset_password(
        &self,
        ctx: &RequestContext,
        address: Option<&str>,
        code: Option<&str>,
        link_token: Option<&str>,
        new_password: &str,
    ) -> Result<(), AppError> {
        NewPassword::parse(new_password, &PasswordContext::default())
            .map_err(|e| AppError::field("password", e))?;
        let code = match (link_token.filter(|t| !t.is_empty()), address, code) {
            (Some(_), _, _) => None,
            (None, Some(address), Some(code)) => {
                let code = OneTimeCode::parse(code).map_err(|e| AppError::field("code", e))?;
                let address = EmailAddress::parse(address).map_err(|e| AppError::field("email", e))?;
                Some((address, code))
            }
            _ => return Err(AppError::field("code", "error-code-format")),
        };
        // Typed codes are guarded per address across every source, with growing delays (the
        // link cannot be guessed and is not limited by it, so the owner is never locked out).
        let guarded = match &code {
            Some((address, _)) => {
                Some(self.guard_attempt(CODE_GUARD, address.as_str(), &GuardPolicy::CODES).await?)
            }
            None => None,
        };
        let mut tx = self.begin().await?;
        let checked = match (link_token.filter(|t| !t.is_empty()), code) {
            (Some(token), _) => {
                match tx.codes().active_by_link(&SecretString::from(sha256_hex(token)), self.now()).await? {
                    Some(record) if record.purpose == CodePurpose::ResetPassword => Checked::Valid(record),
                    _ => Checked::Invalid,
                }
            }
            (None, Some((address, code))) => {
                let user = tx.users().find_by_email(address.as_str()).await?.ok_or(AppError::CodeInvalid)?;
                self.check_code(&mut tx, &user.id, CodePurpose::ResetPassword, &code).await?
            }
            (None, None) => Checked::Invalid,
        };
        let Checked::Valid(record) = checked else {
            self.commit(tx).await?;
            return Err(AppError::CodeInvalid);
        };
        if let Some(guarded) = guarded {
            self.guard_clear(&mut tx, guarded).await?;
        }
        let account = tx.users().find(&record.user_id).await?;
        self.commit(tx).await?;
        let account = account.ok_or(AppError::CodeInvalid)?;
        let context = PasswordContext { email: &account.email, name: &account.full_name };
        let password =
            NewPassword::parse(new_password, &context).map_err(|e| AppError::field("password", e))?;
        // Slow work between the transactions.
        let hash = SecretString::from(self.inner.hasher.hash(password.expose()).await?);
        let mut tx = self.begin().await?;
        let now = self.now();
        if record.expires_at <= now || !tx.codes().consume(&record.id, now).await? {
            return Err(AppError::CodeInvalid);
        }
        let user = record.user_id;
        // The mailbox is proven: wrong passwords tried by others no longer hold the owner back.
        self.guard_forget(&mut tx, SIGN_IN_GUARD, &account.email).await?;
        tx.users().set_password_hash(&user, &hash, now).await?;
        // Whoever asked for the reset proved control of the mailbox: the address is verified.
        tx.users().mark_email_verified(&user, now).await?;
        tx.sessions().revoke_all(&user, None, now).await?;
        self.audit(&mut tx, ctx, Some(&user), AuditAction::PasswordReset, Some(&user), None).await?;
        self.notify_password_changed(&mut tx, &user).await?;
        self.commit_account_change(tx, &user).await
    }

    pub(crate) async fn notify_password_changed(
        &self,
        tx: &mut WriteTx,
        user_id: &UserId,
    ) -> Result<(), AppError> {
        if let Some(user) = tx.users().find(user_id).await? {
            let to = Recipient { user_id: Some(&user.id), address: &user.email, language: user.language };
            self.queue(tx, &ids::event_id(), to, &Message::PasswordChanged { name: user.full_name.clone() })
                .await?;
        }
        Ok(())
    }

    /// `…/account/wasnt-me?token=<user>.<expiry>.<mac>`: signed, so no table is needed. The
    /// signature also covers the account's password state (see `password_fingerprint`).
    pub(crate) fn wasnt_me_link(&self, user: &puerta_store::accounts::User) -> Result<String, AppError> {
        let expiry = (self.now() + self.inner.policy.wasnt_me_link_secs * 1000).to_string();
        let mac = self.keys()?.mac(&["wasnt-me", user.id.as_str(), &expiry, &password_fingerprint(user)]);
        Ok(format!("{}/account/wasnt-me?token={}.{expiry}.{mac}", self.inner.public_url, user.id))
    }

    /// "This wasn't me": ends every session and forces a password reset, in one commit. Needs
    /// no sign-in, only the signed link from the sign-in notice. A link works once: used again,
    /// or after the next password change, it is refused.
    pub async fn wasnt_me(&self, ctx: &RequestContext, token: &str) -> Result<(), AppError> {
        let mut parts = token.splitn(3, '.');
        let (Some(user_id), Some(expiry), Some(mac)) = (parts.next(), parts.next(), parts.next()) else {
            return Err(AppError::CodeInvalid);
        };
        let user_id = UserId::parse(user_id).map_err(|_| AppError::CodeInvalid)?;
        let mut tx = self.begin().await?;
        let user = tx.users().find(&user_id).await?.ok_or(AppError::CodeInvalid)?;
        let valid = self
            .keys()?
            .mac_matches(&["wasnt-me", user_id.as_str(), expiry, &password_fingerprint(&user)], mac)
            && expiry.parse::<i64>().is_ok_and(|e| e > self.now());
        if !valid || user.deleted_at.is_some() {
            return Err(AppError::CodeInvalid);
        }
        let now = self.now();
        tx.sessions().revoke_all(&user_id, None, now).await?;
        tx.users().set_must_reset_password(&user_id, now).await?;
        let detail = Some("wasnt_me".to_string());
        self.audit(&mut tx, ctx, Some(&user_id), AuditAction::AllSessionsEnded, Some(&user_id), detail)
            .await?;
        self.commit_account_change(tx, &user_id).await
    }
}

/// A short digest of the stored password hash and of whether a reset is pending, for signing
/// "this wasn't me" links: using a link sets the pending reset, and the reset changes the hash,
/// so each link works once and never after the next password change.
fn password_fingerprint(user: &puerta_store::accounts::User) -> String {
    use secrecy::ExposeSecret;
    let state = format!("{}\u{1f}{}", user.password_hash.expose_secret(), user.must_reset_password);
    sha256_hex(&state)[..16].to_string()
}
