//! Background jobs: work a request hands over so that its answer takes the same time whatever
//! the work turns out to be. A job is claimed with a lease (a worker that dies leaves it to be
//! claimed again), and deleted in the same transaction as its effect, so it happens once.

use puerta_domain::ids::JobId;
use secrecy::{ExposeSecret, SecretString};

use crate::StoreError;
use crate::unit_of_work::{exec, fetch_all, fetch_one, repository};

repository!(
    /// Jobs waiting for the background worker.
    Jobs
);

/// A job to queue; `payload` is sealed by the application.
#[derive(Debug, Clone)]
pub struct NewJob {
    pub id: JobId,
    pub kind: String,
    pub payload: SecretString,
    pub run_at: i64,
    pub created_at: i64,
}

/// A claimed job: this worker's try number `attempt`.
#[derive(Debug, Clone)]
pub struct ClaimedJob {
    pub id: JobId,
    pub kind: String,
    pub payload: SecretString,
    pub attempt: i64,
}

#[derive(sqlx::FromRow)]
struct ClaimedRow {
    id: String,
    kind: String,
    payload: String,
    attempts: i64,
}

impl TryFrom<ClaimedRow> for ClaimedJob {
    type Error = StoreError;

    fn try_from(r: ClaimedRow) -> Result<Self, StoreError> {
        Ok(Self {
            id: JobId::parse(&r.id).map_err(|_| StoreError::Corrupt("job id".into()))?,
            kind: r.kind,
            payload: SecretString::from(r.payload),
            attempt: r.attempts,
        })
    }
}

impl<M> Jobs<'_, M> {
    /// Jobs due by `now` and not finished (claimed ones included).
    pub async fn count_due(&mut self, now: i64) -> Result<i64, StoreError> {
        Ok(fetch_one!(&mut self.conn, (i64,), "SELECT COUNT(*) FROM jobs WHERE run_at <= $1", now)?.0)
    }
}

impl Jobs<'_, crate::Write> {
    pub async fn enqueue(&mut self, job: &NewJob) -> Result<(), StoreError> {
        exec!(
            &mut self.conn,
            "INSERT INTO jobs (id, kind, payload, attempts, run_at, created_at) VALUES ($1, $2, $3, 0, $4, $5)",
            job.id.as_str(),
            &job.kind,
            job.payload.expose_secret(),
            job.run_at,
            job.created_at,
        )?;
        Ok(())
    }

    /// Claims up to `limit` due jobs until `lease_until`; each claim counts an attempt.
    pub async fn claim_due(
        &mut self,
        now: i64,
        lease_until: i64,
        limit: i64,
    ) -> Result<Vec<ClaimedJob>, StoreError> {
        // As in the outbox: PostgreSQL instances skip rows another instance is claiming.
        let lock = if self.conn.is_postgres() { "FOR UPDATE SKIP LOCKED" } else { "" };
        let sql = format!(
            "UPDATE jobs SET attempts = attempts + 1, locked_until = $2 \
             WHERE id IN (SELECT id FROM jobs WHERE run_at <= $1 \
             AND (locked_until IS NULL OR locked_until <= $1) ORDER BY run_at, id LIMIT $3 {lock}) \
             RETURNING id, kind, payload, attempts"
        );
        fetch_all!(&mut self.conn, ClaimedRow, &sql, now, lease_until, limit)?
            .into_iter()
            .map(ClaimedJob::try_from)
            .collect()
    }

    /// Deletes a finished job, in the transaction of its effect. `false` when this worker's
    /// claim was lost (another worker took it after the lease ran out): the caller rolls back.
    pub async fn finish(&mut self, id: &JobId, attempt: i64) -> Result<bool, StoreError> {
        Ok(exec!(&mut self.conn, "DELETE FROM jobs WHERE id = $1 AND attempts = $2", id.as_str(), attempt)?
            == 1)
    }

    /// Puts a failed job back to be tried at `run_at`.
    pub async fn retry_at(&mut self, id: &JobId, attempt: i64, run_at: i64) -> Result<(), StoreError> {
        exec!(
            &mut self.conn,
            "UPDATE jobs SET run_at = $3, locked_until = NULL WHERE id = $1 AND attempts = $2",
            id.as_str(),
            attempt,
            run_at,
        )?;
        Ok(())
    }
}
