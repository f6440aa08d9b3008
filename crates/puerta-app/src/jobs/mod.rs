//! Background jobs: work a request hands over so that its answer takes the same time whatever
//! the work turns out to be. "Send me a reset code" queues one sealed job for every address,
//! known or not, and answers; the worker then looks the address up and, if it has an account,
//! issues the code and queues the email — one transaction that also deletes the job.

use puerta_domain::ids::JobId;
use puerta_store::WriteTx;
use puerta_store::jobs::{ClaimedJob, NewJob};
use secrecy::{ExposeSecret, SecretString};

use crate::accounts::RequestContext;
use crate::{App, AppError, ids};

/// What a job does. Carries the request's context for the audit row it writes.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub(crate) enum Job {
    /// Email a reset code and link if the address has a live account.
    PasswordReset { email: String, ip: Option<String>, user_agent: Option<String> },
    /// Email a new verification code if the address has an unverified account.
    ResendVerification { email: String },
    /// Announce a policy notice if nobody has, and send it to the next batch of those who chose
    /// it by email or SMS (after the account id `after`).
    NoticeDelivery { notice: String, after: Option<String> },
    /// Three hours before an offer lapses: remind the group if it is still unconfirmed.
    OfferExpiring { appointment: String },
    /// A day before a confirmed appointment: remind the group.
    AppointmentReminder { appointment: String },
}

impl Job {
    fn kind(&self) -> &'static str {
        match self {
            Self::PasswordReset { .. } => "password_reset",
            Self::ResendVerification { .. } => "resend_verification",
            Self::NoticeDelivery { .. } => "notice_delivery",
            Self::OfferExpiring { .. } => "offer_expiring",
            Self::AppointmentReminder { .. } => "appointment_reminder",
        }
    }
}

/// Tries before a job that keeps failing (the database down) is given up, with a warning.
const MAX_ATTEMPTS: i64 = 10;

fn job_purpose(id: &JobId) -> String {
    format!("job_payload:{id}")
}

impl App {
    /// Queues `job` inside `tx`, sealed (it holds an address); it runs after the commit.
    pub(crate) async fn queue_job(&self, tx: &mut WriteTx, job: &Job) -> Result<(), AppError> {
        self.queue_job_at(tx, job, self.now()).await
    }

    /// Queues `job` to run at `run_at` (epoch ms), or as soon as possible after.
    pub(crate) async fn queue_job_at(
        &self,
        tx: &mut WriteTx,
        job: &Job,
        run_at: i64,
    ) -> Result<(), AppError> {
        let id = ids::job_id();
        let plain = serde_json::to_vec(job).map_err(|e| AppError::Internal(format!("job: {e}")))?;
        let sealed = self
            .inner
            .master_key
            .seal(&job_purpose(&id), &plain)
            .map_err(|e| AppError::Internal(format!("sealing a job: {e}")))?;
        let now = self.now();
        let row = NewJob {
            id,
            kind: job.kind().to_string(),
            payload: SecretString::from(sealed),
            run_at: run_at.max(now),
            created_at: now,
        };
        tx.jobs().enqueue(&row).await?;
        Ok(())
    }

    /// Claims and runs one batch of due jobs; answers how many were claimed.
    pub(crate) async fn run_due_jobs(&self) -> Result<usize, AppError> {
        let policy = &self.inner.outbox;
        let now = self.now();
        let mut tx = self.begin().await?;
        let claimed = tx.jobs().claim_due(now, now + policy.lease_ms, policy.batch).await?;
        tx.commit().await?;
        let count = claimed.len();
        for job in claimed {
            if let Err(e) = self.run_claimed(&job).await {
                tracing::warn!(error = %e, kind = %job.kind, attempt = job.attempt, "jobs: a job failed");
                let mut tx = self.begin().await?;
                if job.attempt >= MAX_ATTEMPTS {
                    tracing::error!(kind = %job.kind, "jobs: giving up a job after {MAX_ATTEMPTS} tries");
                    tx.jobs().finish(&job.id, job.attempt).await?;
                } else {
                    let delay = policy.backoff_base_ms.saturating_mul(1 << job.attempt.min(10));
                    tx.jobs()
                        .retry_at(&job.id, job.attempt, self.now() + delay.min(policy.backoff_cap_ms))
                        .await?;
                }
                tx.commit().await?;
            }
        }
        Ok(count)
    }

    async fn run_claimed(&self, claimed: &ClaimedJob) -> Result<(), AppError> {
        let opened = crate::security::open_with_fallback(
            &self.inner.master_key,
            self.inner.previous_master_key.as_ref(),
            &job_purpose(&claimed.id),
            claimed.payload.expose_secret(),
        )
        .map_err(|_| AppError::Internal("unreadable job".into()))?;
        let job: Job = serde_json::from_slice(&opened.plaintext)
            .map_err(|_| AppError::Internal("unreadable job".into()))?;
        let mut tx = self.begin().await?;
        match &job {
            Job::PasswordReset { email, ip, user_agent } => {
                let ctx = RequestContext {
                    ip: ip.clone(),
                    user_agent: user_agent.clone(),
                    ..RequestContext::default()
                };
                self.send_password_reset(&mut tx, &ctx, email).await?;
            }
            Job::ResendVerification { email } => self.resend_verification_now(&mut tx, email).await?,
            Job::NoticeDelivery { notice, after } => {
                self.deliver_notice_batch(&mut tx, notice, after.as_deref()).await?;
            }
            Job::OfferExpiring { appointment } => self.remind_offer_expiring(&mut tx, appointment).await?,
            Job::AppointmentReminder { appointment } => self.remind_appointment(&mut tx, appointment).await?,
        }
        if !tx.jobs().finish(&claimed.id, claimed.attempt).await? {
            // Another worker took the job after our lease ran out: it does the work.
            tx.rollback().await?;
            return Ok(());
        }
        self.commit(tx).await
    }

    /// Jobs due now (claimed ones included), for `flush_outbox`.
    pub(crate) async fn jobs_due(&self) -> Result<i64, AppError> {
        Ok(self.reader().await?.jobs().count_due(self.now()).await?)
    }
}
