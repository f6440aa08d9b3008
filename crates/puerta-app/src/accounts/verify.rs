use puerta_domain::accounts::{CodePurpose, EmailAddress, GuardPolicy, OneTimeCode};
use puerta_domain::audit::AuditAction;

use super::RequestContext;
use super::codes::{CODE_GUARD, Checked};
use crate::jobs::Job;
use crate::{App, AppError};
use puerta_domain::ids::UserId;
use puerta_store::WriteTx;

impl App {
    /// Confirms an email address with the 6-digit code. Wrong, used, expired and unknown all
    /// answer `CodeInvalid`; each code allows a limited number of tries. One transaction: the
    /// attempt is counted, and on a match the code is used, the address verified and audited.
    pub async fn verify_email(&self, ctx: &RequestContext, email: &str, code: &str) -> Result<(), AppError> {
        let code = OneTimeCode::parse(code).map_err(|e| AppError::field("code", e))?;
        let email = EmailAddress::parse(email).map_err(|e| AppError::field("email", e))?;
        let guarded = self.guard_attempt(CODE_GUARD, email.as_str(), &GuardPolicy::CODES).await?;
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
        self.guard_clear(&mut tx, guarded).await?;
        self.audit(&mut tx, ctx, Some(&user.id), AuditAction::EmailVerified, Some(&user.id), None).await?;
        self.commit(tx).await
    }

    /// Sends a new verification code if the address has an unverified account. Always answers
    /// the same after the same work (a job, looked up in the background); throttled per source
    /// address, and per address and source together, never per address alone, so nobody can
    /// stop a stranger's codes.
    pub async fn resend_verification(&self, ctx: &RequestContext, email: &str) -> Result<(), AppError> {
        let email = EmailAddress::parse(email).map_err(|e| AppError::field("email", e))?;
        self.throttle_code_send(ctx, email.as_str()).await?;
        let mut tx = self.begin().await?;
        self.queue_job(&mut tx, &Job::ResendVerification { email: email.to_string() }).await?;
        self.commit(tx).await
    }

    /// The job's half of [`Self::resend_verification`], in the job's transaction.
    pub(crate) async fn resend_verification_now(
        &self,
        tx: &mut WriteTx,
        email: &str,
    ) -> Result<(), AppError> {
        if let Some(user) = tx.users().find_by_email(email).await?
            && user.email_verified_at.is_none()
            && user.is_live()
            && self.mailbox_may_receive(tx, &user.id, "verify").await?
        {
            self.send_verification_code(tx, &user.id, user.language, &user.email).await?;
        }
        Ok(())
    }

    /// Codes to one address are limited per source address (and under pressure, a proof of
    /// work), and per address *and* source together: one sender cannot flood a mailbox, and a
    /// third party cannot use up the address's own budget.
    pub(crate) async fn throttle_code_send(
        &self,
        ctx: &RequestContext,
        address: &str,
    ) -> Result<(), AppError> {
        let limits = &self.inner.limits;
        let ip = ctx.ip.as_deref().unwrap_or("-");
        // Not refunded: every request counts against its source address.
        let _counted = self.under_pressure(ctx, "code-send-ip", ip, &limits.code_sends_ip).await?;
        let pair = format!("{address}|{ip}");
        self.throttle("code-send-email-ip", &pair, limits.code_sends_per_email_per_hour, 3600).await
    }

    /// Whether a code or notice may be mailed to the account now (`kind` names the budget).
    /// Past the first few in an hour, one goes out per spacing window at most: the mailbox is
    /// never flooded, whoever asks, and since only a sent code retires the one before it, the
    /// last code sent always works.
    pub(crate) async fn mailbox_may_receive(
        &self,
        tx: &mut WriteTx,
        user: &UserId,
        kind: &str,
    ) -> Result<bool, AppError> {
        let now = self.now();
        let limits = &self.inner.limits;
        let hour = 3_600_000;
        let spacing = (limits.code_mail_spacing_secs * 1000).max(1);
        let hour_key = crate::security::sha256_hex(&format!("mailbox\u{1f}{user}\u{1f}{kind}\u{1f}hour"));
        let spaced_key = crate::security::sha256_hex(&format!("mailbox\u{1f}{user}\u{1f}{kind}\u{1f}spaced"));
        let (hour_start, spaced_start) = (now - now.rem_euclid(hour), now - now.rem_euclid(spacing));
        // Counted first, with the database's atomic increment: parallel jobs for one mailbox
        // (two workers on PostgreSQL) each see their own count, never the same one.
        let this_hour = tx.throttles().hit(&hour_key, hour_start).await?;
        let this_window = tx.throttles().hit(&spaced_key, spaced_start).await?;
        let may = this_hour <= limits.code_mails_per_hour_unspaced || this_window == 1;
        Ok(may)
    }
}
