//! Release-day surge: distinct travelers, each sending exactly one
//! `POST /api/v1/appointment-requests` with their bearer token, at 256 then at 1,024 connections,
//! a fresh set of travelers per phase. Afterwards every request answered 201 is looked up in the
//! database: an acknowledged request that is not there is lost.
//!
//! Baseline (b), [`storage_baseline`]: a bare axum + sqlx endpoint doing exactly the SQL Puerta
//! runs for one appointment request (see [`sql`]), one transaction per request, on a copy of the
//! same seeded database, with travelers of its own, at 256 connections for the same time. It is
//! the storage ceiling of "one transaction per request"; on SQLite the target (1.3× it) is only
//! reachable by committing many requests per transaction (group commit), each still answered
//! only after its commit — which the lost-request check holds Puerta to.

use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use anyhow::Context;
use chrono::{Duration as Days, TimeZone, Utc};

use super::Ctx;
use super::seed::{self, Spec, Travelers};
use crate::db::{Backend, Plain};
use crate::load::{self, Outcome};
use crate::report::{Figure, Target};
use crate::server::{self, Puerta};

/// The two phases' connections; the p99 target and the baseline are at the first.
pub const CONNECTIONS: [usize; 2] = [256, 1024];

/// San Ysidro (PedWest), the busiest crossing, asked for from Tijuana (inside every service
/// policy), with a phone's usual precision.
pub const BODY: &str =
    r#"{"port_code":"SYS","location":{"latitude":32.5149,"longitude":-117.0382,"accuracy_m":25}}"#;

/// The request window for the run: open all day in a fixed-offset zone where it is about noon
/// now, so the draw's day neither starts nor ends while the scenario runs (whatever the hour).
#[derive(Debug, Clone, Copy)]
pub struct Window {
    /// Hours east of UTC.
    offset: i32,
}

impl Window {
    pub fn now() -> Self {
        use chrono::Timelike as _;
        let hour = i32::try_from(Utc::now().hour()).unwrap_or(12);
        Self { offset: 12 - hour }
    }

    /// The IANA name: `Etc/GMT-5` is five hours *east* of UTC (POSIX signs).
    pub fn zone(&self) -> String {
        match self.offset {
            0 => "Etc/GMT".to_string(),
            o if o > 0 => format!("Etc/GMT-{o}"),
            o => format!("Etc/GMT+{}", -o),
        }
    }

    /// The draw's day (`YYYY-MM-DD`), its window (opens, closes: local midnight to the end of
    /// 23:59) and when it runs (12:00 the next day, `scheduling.draw_at`'s default), in ms.
    pub fn draw(&self) -> (String, i64, i64, i64) {
        use chrono::Offset as _;
        let offset = chrono::FixedOffset::east_opt(self.offset * 3600).unwrap_or_else(|| Utc.fix());
        let today = Utc::now().with_timezone(&offset).date_naive();
        let opens = offset
            .from_local_datetime(&today.and_hms_opt(0, 0, 0).unwrap_or_default())
            .single()
            .map_or(0, |t| t.timestamp_millis());
        let day = Days::days(1).num_milliseconds();
        (today.format("%Y-%m-%d").to_string(), opens, opens + day, opens + day + day / 2)
    }

    /// Puerta's settings for it (docs/CONFIGURATION.md, `[scheduling]`).
    pub fn configure(&self, puerta: &mut Puerta) {
        puerta.set("PUERTA_SCHEDULING__WINDOW_OPENS", "00:00");
        puerta.set("PUERTA_SCHEDULING__WINDOW_CLOSES", "23:59");
        puerta.set("PUERTA_SCHEDULING__TIME_ZONE", &self.zone());
        puerta.set("PUERTA_SCHEDULING__SERVICE_POLICY", "north-of-19");
        puerta.set("PUERTA_SCHEDULING__MAX_ACCURACY_M", "5000");
    }
}

/// What one phase measured.
struct Phase {
    outcome: Outcome,
    /// Ids of every request answered 201 (warm-up and tail included).
    created: Vec<String>,
    /// Answers other than 201 over the whole phase.
    refused: u64,
    first_refusal: Option<String>,
    /// Every traveler of the set had asked before the phase ended.
    ran_out: bool,
}

impl Phase {
    fn errors(&self) -> u64 {
        self.refused + self.outcome.errors
    }

    /// Requests answered 201 per second inside the measuring window.
    fn rate(&self) -> f64 {
        if self.outcome.seconds > 0.0 { self.outcome.count(201) as f64 / self.outcome.seconds } else { 0.0 }
    }

    fn describe(&self, connections: usize, set: &Travelers) -> String {
        let mut note = format!(
            "{connections} connections, {:.0} s measured, {} travelers seeded for it, {} answered 201 in all; \
             p50 {:.1} ms, p90 {:.1} ms, p99 {:.1} ms, max {:.0} ms",
            self.outcome.seconds,
            set.count,
            self.created.len(),
            self.outcome.p50_ms,
            self.outcome.p90_ms,
            self.outcome.p99_ms,
            self.outcome.max_ms
        );
        if self.ran_out {
            note.push_str("; every traveler had asked before the end (the phase ran out of travelers)");
        }
        if let Some(r) = &self.first_refusal {
            note.push_str(&format!("; first refusal: {r}"));
        }
        note
    }
}

/// Each traveler of `set` asks once, from `connections` connections, until the window ends or
/// every one has asked.
async fn phase(
    addr: SocketAddr,
    connections: usize,
    warmup: Duration,
    duration: Duration,
    set: &Travelers,
) -> Phase {
    let created = Arc::new(Mutex::new(Vec::with_capacity(usize::try_from(set.count).unwrap_or(0))));
    let refused = Arc::new(AtomicU64::new(0));
    let first_refusal = Arc::new(Mutex::new(None::<String>));
    let ran_out = Arc::new(AtomicBool::new(false));
    let make: load::MakeRequest = {
        let (set, ran_out) = (set.clone(), ran_out.clone());
        Arc::new(move |n| {
            if n >= set.count {
                ran_out.store(true, Ordering::Relaxed);
                return None;
            }
            let auth = format!("Bearer {}", set.bearer(n));
            Some(load::post_json("/api/v1/appointment-requests", &[("authorization", &auth)], BODY.into()))
        })
    };
    let on: load::OnResponse = {
        let (created, refused, first_refusal) = (created.clone(), refused.clone(), first_refusal.clone());
        Arc::new(move |_, status, _, body| {
            let id = (status.as_u16() == 201)
                .then(|| serde_json::from_slice::<serde_json::Value>(body).ok())
                .flatten()
                .and_then(|v| v["id"].as_str().map(str::to_string));
            match id {
                Some(id) => created.lock().unwrap_or_else(std::sync::PoisonError::into_inner).push(id),
                None => {
                    refused.fetch_add(1, Ordering::Relaxed);
                    let mut first = first_refusal.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
                    if first.is_none() {
                        let text = String::from_utf8_lossy(&body[..body.len().min(240)]).into_owned();
                        *first = Some(format!("{status} {text}"));
                    }
                }
            }
        })
    };
    let spec = load::Spec { addr, connections, warmup, duration };
    let outcome = load::closed(&spec, make, Some(on)).await;
    let created = std::mem::take(&mut *created.lock().unwrap_or_else(std::sync::PoisonError::into_inner));
    let first_refusal = first_refusal.lock().unwrap_or_else(std::sync::PoisonError::into_inner).take();
    Phase {
        outcome,
        created,
        refused: refused.load(Ordering::Relaxed),
        first_refusal,
        ran_out: ran_out.load(Ordering::Relaxed),
    }
}

/// One request before the load, so that a misconfiguration fails loudly instead of as 100,000
/// refusals.
async fn preflight(addr: SocketAddr, set: &Travelers, k: u64, what: &str) -> anyhow::Result<()> {
    let auth = format!("Bearer {}", set.bearer(k));
    let request = load::post_json("/api/v1/appointment-requests", &[("authorization", &auth)], BODY.into());
    let (status, _, body) = load::once(addr, request).await?;
    if status.as_u16() != 201 {
        anyhow::bail!(
            "{what}: an appointment request was answered {status}: {}",
            String::from_utf8_lossy(&body)
        );
    }
    Ok(())
}

/// How many of `ids` are in the database, each with its traveler row.
async fn stored(backend: &Backend, ids: &[String]) -> anyhow::Result<u64> {
    let mut conn = Plain::open(backend).await?;
    let mut found = 0;
    for chunk in ids.chunks(500) {
        // The ids came back from the server: check they are plain before putting them in SQL.
        let list = chunk
            .iter()
            .filter(|id| id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'))
            .map(|id| format!("'{id}'"))
            .collect::<Vec<_>>()
            .join(",");
        if list.is_empty() {
            continue;
        }
        found += conn
            .count(&format!(
                "SELECT COUNT(*) FROM appointment_requests r WHERE r.id IN ({list}) \
                 AND EXISTS (SELECT 1 FROM appointment_request_travelers t WHERE t.request_id = r.id)"
            ))
            .await?;
    }
    conn.close().await?;
    Ok(u64::try_from(found)?)
}

/// A copy of the seeded database for the baseline: the SQLite file (checkpointed, closed), or a
/// PostgreSQL database made from it as a template.
async fn copy_database(backend: &Backend, dir: &std::path::Path) -> anyhow::Result<(Backend, String)> {
    Ok(match backend {
        Backend::Sqlite { path } => {
            let copy = dir.join("baseline.db");
            std::fs::copy(path, &copy).context("copying the database for the baseline")?;
            // Nothing has the database open now; a WAL left behind holds committed pages.
            let (wal, copy_wal) = (path.with_extension("db-wal"), dir.join("baseline.db-wal"));
            if wal.exists() {
                std::fs::copy(wal, copy_wal)?;
            }
            let url = format!("sqlite://{}", copy.display());
            (Backend::Sqlite { path: copy }, url)
        }
        Backend::Postgres { url, admin_url, database } => {
            use sqlx::Connection as _;
            let copy = format!("{database}_b");
            let mut admin = sqlx::PgConnection::connect(admin_url).await?;
            sqlx::raw_sql(&format!("DROP DATABASE IF EXISTS \"{copy}\" WITH (FORCE)"))
                .execute(&mut admin)
                .await?;
            sqlx::raw_sql(&format!("CREATE DATABASE \"{copy}\" TEMPLATE \"{database}\""))
                .execute(&mut admin)
                .await?;
            admin.close().await?;
            let (base, _) = url.rsplit_once('/').context("a PostgreSQL URL")?;
            let copy_url = format!("{base}/{copy}");
            (
                Backend::Postgres { url: copy_url.clone(), admin_url: admin_url.clone(), database: copy },
                copy_url,
            )
        }
    })
}

pub async fn run(ctx: &mut Ctx) -> anyhow::Result<()> {
    let (dir, backend) = ctx.fresh("surge").await?;
    let window = Window::now();
    let mut puerta = Puerta::new(&ctx.bin, &dir, backend.server_url())?;
    window.configure(&mut puerta);
    // Its default, said out loud: on SQLite a request is answered only once its commit is on
    // disk (`synchronous = FULL`), as the storage baseline commits.
    puerta.set("PUERTA_DATABASE_DURABLE_COMMITS", "true");
    puerta.run(&["migrate"], None)?;

    let warmup = ctx.pick(Duration::from_secs(1), Duration::from_secs(2));
    let duration = ctx.pick(Duration::from_secs(5), Duration::from_secs(30));
    // Enough travelers that none runs out before the window ends at the rates seen here; if
    // they do, the figure says so (its rate is then over the time they lasted)
    // (the storage baseline, one transaction per request, is far slower). Seeding costs about
    // 10 s per 100,000 travelers here.
    let (base_count, per_set) = ctx.pick((10_000, 20_000), (100_000, 150_000));
    // Sets: the baseline's, one per phase, and a few spares for the requests that check the
    // set-up before each load (each server has its own copy of the database).
    let specs = [
        Spec { first: 1, count: base_count, cookie: false },
        Spec { first: 1 + base_count, count: per_set, cookie: false },
        Spec { first: 1 + base_count + per_set, count: per_set, cookie: false },
        Spec { first: 1 + base_count + 2 * per_set, count: 4, cookie: false },
    ];
    let sets = seed::travelers_sets(&backend, &specs).await?;
    let (base_set, sets, spare) = (&sets[0], [&sets[1], &sets[2]], &sets[3]);
    let (date, opens, closes, runs) = window.draw();
    seed::open_draw(&backend, &date, opens, closes, runs).await?;

    // Baseline (b), on its own copy, before Puerta touches the original.
    let (copy, copy_url) = copy_database(&backend, &dir).await?;
    let (mut storage, storage_addr) =
        server::baseline(&["--kind", "storage", "--database", &copy_url]).await?;
    preflight(storage_addr, spare, 0, "the storage baseline").await?;
    let base = phase(storage_addr, CONNECTIONS[0], warmup, duration, base_set).await;
    storage.stop();
    copy.drop_database().await?;
    if let Backend::Sqlite { path } = &copy {
        let _ = std::fs::remove_file(path);
    }
    println!(
        "  baseline (b): {:.0} req/s, p99 {:.1} ms, {} errors",
        base.rate(),
        base.outcome.p99_ms,
        base.errors()
    );

    let (mut running, _) = puerta.serve("server.log").await?;
    preflight(puerta.addr, spare, 0, "Puerta").await?;
    let mut phases = Vec::new();
    for (connections, set) in CONNECTIONS.into_iter().zip(sets) {
        let p = phase(puerta.addr, connections, warmup, duration, set).await;
        println!(
            "  {connections} connections: {:.0} req/s, p99 {:.1} ms, {} answers other than 201, {} transport \
             errors{}{}",
            p.rate(),
            p.outcome.p99_ms,
            p.refused,
            p.outcome.errors,
            if p.ran_out { ", ran out of travelers" } else { "" },
            p.first_refusal.as_ref().map_or(String::new(), |r| format!("; first: {r}"))
        );
        phases.push((connections, set, p));
    }
    // While Puerta still runs: an acknowledged request must be committed by the time it is
    // answered, not at shutdown.
    let acknowledged: Vec<String> = phases.iter().flat_map(|(_, _, p)| p.created.iter().cloned()).collect();
    let found = stored(&backend, &acknowledged).await?;
    let lost = u64::try_from(acknowledged.len())?.saturating_sub(found);
    let alive = running.alive();
    let warnings = running.warnings();
    // Besides the access log's line per shed request (counted as refusals above) and the
    // start-up notice about `public_url`: what went wrong, shown here because the work folder
    // goes at the end of the run.
    let unexpected: Vec<&String> = warnings
        .iter()
        .filter(|l| !l.contains("503 Service Unavailable") && !l.contains("`public_url` is not set"))
        .collect();
    if !alive || !unexpected.is_empty() {
        println!(
            "  the server {}; {} unexpected WARN/ERROR lines, the last:",
            if alive { "still runs" } else { "DIED" },
            unexpected.len()
        );
        for line in unexpected.iter().rev().take(8).rev() {
            println!("    {}", line.chars().take(400).collect::<String>());
        }
    }
    running.stop();
    backend.drop_database().await?;

    let key = ctx.backend_key();
    let base_name = "(b) bare axum + sqlx, Puerta's SQL, one transaction per request, 256 connections";
    for (connections, set, p) in &phases {
        let mut rate = Figure::new(
            "release-day surge",
            &format!("POST /api/v1/appointment-requests 201/s at {connections} connections"),
            p.rate(),
            "req/s",
            key,
        )
        .baseline(base_name, base.rate());
        rate = if backend.is_postgres() {
            rate.target(Target::AtLeast(3000.0))
        } else {
            rate.target(Target::RatioAtLeast(1.3))
        };
        ctx.add(rate.note(format!(
            "{}; baseline: {}",
            p.describe(*connections, set),
            base.describe(256, base_set)
        )));
        ctx.add(
            Figure::new(
                "release-day surge",
                &format!("p50 at {connections} connections"),
                p.outcome.p50_ms,
                "ms",
                key,
            )
            .baseline(base_name, base.outcome.p50_ms),
        );
        let p99 = Figure::new(
            "release-day surge",
            &format!("p99 at {connections} connections"),
            p.outcome.p99_ms,
            "ms",
            key,
        )
        .baseline(base_name, base.outcome.p99_ms);
        ctx.add(if *connections == CONNECTIONS[0] { p99.target(Target::AtMost(100.0)) } else { p99 });
        ctx.add(
            Figure::new(
                "release-day surge",
                &format!("errors at {connections} connections"),
                p.errors() as f64,
                "requests",
                key,
            )
            .target(Target::AtMost(0.0))
            .note(format!(
                "answers other than 201: {}; transport errors: {}{}",
                p.refused,
                p.outcome.errors,
                p.first_refusal.as_ref().map_or(String::new(), |r| format!("; first: {r}"))
            )),
        );
    }
    ctx.add(
        Figure::new(
            "release-day surge",
            "acknowledged requests not in the database",
            lost as f64,
            "requests",
            key,
        )
        .target(Target::AtMost(0.0))
        .note(format!(
            "{} requests answered 201 over both phases, {found} found with their travelers while the server \
             still ran; server {}{}",
            acknowledged.len(),
            if alive { "alive at the end" } else { "DIED" },
            if unexpected.is_empty() {
                String::new()
            } else {
                format!("; {} unexpected WARN/ERROR log lines", unexpected.len())
            }
        )),
    );
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Baseline (b).

/// Every statement Puerta runs for one `POST /api/v1/appointment-requests` of a traveler whose
/// session is not in its memory yet (each traveler asks once), in order, copied from the store
/// (crates/puerta-store/src) and checked on both backends against the server's own statement
/// log (`PUERTA_LOG_LEVEL=warn,sqlx=debug`, one request). Puerta's group commit on SQLite also
/// wraps each request in `SAVEPOINT member` … `RELEASE member` inside a shared transaction: that
/// is how it commits many at once, not the request's SQL, so the baseline (one transaction per
/// request) leaves it out. The `App` functions that issue them are in
/// crates/puerta-app/src: `accounts/sessions.rs` (`authenticate` → `read_live_session`),
/// `appointments/mod.rs` (`scheduling_rules`), `appointments/requests.rs`
/// (`request_appointment`, `travelers_to_schedule`), `appointments/draws.rs` (`ensure_draw`),
/// `unit_of_work.rs` (`audit`).
pub mod sql {
    // Authentication, on a reader: `Sessions::find`, `Users::find` (accounts/sessions.rs,
    // accounts/users.rs).
    pub const SESSION: &str = "SELECT token_hash, user_id, kind, second_factor_pending, created_at, last_seen_at, \
         expires_at, revoked_at FROM sessions WHERE token_hash = $1";
    pub const USER: &str = "SELECT id, email, email_verified_at, password_hash, full_name, phone, language, time_zone, \
         role, totp_secret, totp_enabled_at, must_reset_password, disabled_at, deleted_at, created_at, updated_at \
         FROM users WHERE id = $1";
    // The rules in force, on a reader: `Scheduling::overrides` (appointments/scheduling.rs).
    pub const OVERRIDES: &str = "SELECT window_opens, window_closes, time_zone, CAST(oldest_share_permille AS BIGINT) \
         AS oldest_share_permille, CAST(lead_days AS BIGINT) AS lead_days, service_policy FROM scheduling_settings \
         WHERE id = 1";
    // Then on a reader, one statement (`AppointmentRequests::standing`,
    // appointments/standing.rs): every traveler of the group with whether each has an open case,
    // holds an offer or appointment, or asked in this draw, the draw's status and the account's
    // registration. Ports come from memory.
    pub const STANDING: &str = "SELECT t.id, t.account_id, t.given_name, t.family_name, t.date_of_birth, \
         t.nationality, t.country_of_birth, t.city_of_birth, t.country_of_residence, t.gender, t.language, t.phone, \
         t.email, t.document_type, t.document_number, t.document_country, t.document_expiry, t.created_at, \
         t.updated_at, \
         CASE WHEN (SELECT 1 FROM cases c WHERE c.traveler_id = t.id \
           AND c.status NOT IN ('approved', 'denied', 'appeal_upheld', 'appeal_granted', 'withdrawn') LIMIT 1) \
           IS NOT NULL THEN 1 ELSE 0 END AS open_case, \
         CASE WHEN (SELECT 1 FROM appointment_travelers x JOIN appointments a ON a.id = x.appointment_id \
           WHERE x.traveler_id = t.id AND a.status IN ('offered', 'confirmed') LIMIT 1) IS NOT NULL THEN 1 ELSE 0 END AS scheduled, \
         CASE WHEN (SELECT 1 FROM appointment_request_travelers r \
           WHERE r.traveler_id = t.id AND r.draw_date = $2 AND r.active = 1 LIMIT 1) IS NOT NULL THEN 1 ELSE 0 END AS requested, \
         (SELECT d.status FROM draws d WHERE d.draw_date = $2) AS draw_status, \
         u.created_at AS registered_at \
         FROM travelers t JOIN users u ON u.id = t.account_id \
         WHERE t.account_id = $1 ORDER BY t.created_at, t.id";
    // The write transaction (`App::begin`): SQLite `BEGIN IMMEDIATE` on the one writer,
    // PostgreSQL `BEGIN` on a pooled connection. `AppointmentRequests::create_checked`:
    // PostgreSQL first holds the draw's row against a concurrent freeze; then the request, and
    // each traveler, with what may have changed since the reads checked inside the insert.
    pub const HOLD_OPEN_POSTGRES: &str = "SELECT status FROM draws WHERE draw_date = $1 FOR SHARE";
    pub const INSERT_REQUEST: &str = "INSERT INTO appointment_requests (id, draw_date, account_id, port_code, entry_id, \
         group_size, registered_at, status, created_at, updated_at) SELECT $1, $2, $3, $4, $5, $6, $7, 'requested', \
         $8, $8 WHERE EXISTS (SELECT 1 FROM draws WHERE draw_date = $2 AND status = 'open')";
    pub const INSERT_REQUEST_TRAVELER: &str = "INSERT INTO appointment_request_travelers (request_id, traveler_id, \
         draw_date, active) SELECT $1, $2, $3, 1 WHERE EXISTS (SELECT 1 FROM travelers WHERE id = $2 AND account_id = $4) \
         AND EXISTS (SELECT 1 FROM cases WHERE traveler_id = $2 \
           AND status NOT IN ('approved', 'denied', 'appeal_upheld', 'appeal_granted', 'withdrawn')) \
         AND NOT EXISTS (SELECT 1 FROM appointment_travelers t JOIN appointments a \
           ON a.id = t.appointment_id WHERE t.traveler_id = $2 AND a.status IN ('offered', 'confirmed'))";
    // `App::audit` → `Audit::append` (audit.rs); then COMMIT.
    pub const INSERT_AUDIT: &str = "INSERT INTO audit_log (at, actor_id, action, target_id, ip, user_agent, detail) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)";
    /// At start only (not per request): the open draw the requests go to.
    pub const OPEN_DRAW: &str =
        "SELECT draw_date FROM draws WHERE status = 'open' ORDER BY draw_date DESC LIMIT 1";
}

enum Db {
    Sqlite { read: sqlx::SqlitePool, write: sqlx::SqlitePool },
    Postgres { pool: sqlx::PgPool },
}

struct Storage {
    db: Db,
    draw_date: String,
}

/// Why a request was not stored, as an HTTP status.
enum Refused {
    Status(axum::http::StatusCode),
    Database(sqlx::Error),
}

impl From<sqlx::Error> for Refused {
    fn from(e: sqlx::Error) -> Self {
        Self::Database(e)
    }
}

#[derive(serde::Deserialize)]
struct RequestBody {
    port_code: String,
}

#[derive(serde::Serialize)]
struct Created {
    id: String,
    draw_date: String,
    status: &'static str,
    entry_id: String,
}

/// The storage baseline's router (run by `puerta-bench baseline --kind storage --database URL`):
/// the SQL of [`sql`] against `url` (a `postgres://` URL, or a SQLite file as `sqlite://PATH`),
/// with Puerta's connection settings.
pub async fn storage_baseline(url: &str) -> anyhow::Result<axum::Router> {
    use axum::routing::{get, post};
    // crates/puerta-store/src/backend/mod.rs: 10 connections, 5 s to get one.
    let timeout = Duration::from_secs(5);
    let db = if url.starts_with("postgres") {
        // crates/puerta-store/src/backend/postgres.rs: no ping per hand-out, one after 10 s idle.
        let pool = sqlx::postgres::PgPoolOptions::new()
            .max_connections(10)
            .acquire_timeout(timeout)
            .test_before_acquire(false)
            .before_acquire(|conn, meta| {
                Box::pin(async move {
                    if meta.idle_for >= Duration::from_secs(10) {
                        sqlx::Connection::ping(conn).await?;
                    }
                    Ok(true)
                })
            })
            .connect(url)
            .await?;
        Db::Postgres { pool }
    } else {
        use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
        let path = url.trim_start_matches("sqlite://").trim_start_matches("sqlite:");
        // crates/puerta-store/src/backend/sqlite.rs: WAL, foreign keys, one writer, read-only
        // readers as many as twice the cores (at most ten), no ping per hand-out, and `synchronous = FULL` (`database_durable_commits`, on by
        // default and set by the scenario): a request is answered once its commit is on disk.
        let connect = SqliteConnectOptions::new()
            .filename(path)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Full)
            .foreign_keys(true)
            .busy_timeout(timeout);
        let write = SqlitePoolOptions::new()
            .max_connections(1)
            .acquire_timeout(timeout)
            .test_before_acquire(false)
            .connect_with(connect.clone())
            .await?;
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        let read = SqlitePoolOptions::new()
            .max_connections(u32::try_from(cores * 2).unwrap_or(10).min(10))
            .acquire_timeout(timeout)
            .test_before_acquire(false)
            .connect_with(connect.read_only(true))
            .await?;
        Db::Sqlite { read, write }
    };
    let draw_date: String = match &db {
        Db::Sqlite { read, .. } => sqlx::query_scalar(sql::OPEN_DRAW).fetch_one(read).await?,
        Db::Postgres { pool } => sqlx::query_scalar(sql::OPEN_DRAW).fetch_one(pool).await?,
    };
    let state = Arc::new(Storage { db, draw_date });
    Ok(axum::Router::new()
        .route("/healthz", get(|| async { "ok" }))
        .route("/api/v1/appointment-requests", post(storage_request))
        .with_state(state))
}

async fn storage_request(
    axum::extract::State(state): axum::extract::State<Arc<Storage>>,
    headers: axum::http::HeaderMap,
    body: bytes::Bytes,
) -> axum::response::Response {
    use axum::http::StatusCode;
    use axum::response::IntoResponse as _;
    let token = headers
        .get(axum::http::header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim);
    let Some(token) = token else { return StatusCode::UNAUTHORIZED.into_response() };
    let Ok(body) = serde_json::from_slice::<RequestBody>(&body) else {
        return StatusCode::UNPROCESSABLE_ENTITY.into_response();
    };
    let hash = crate::db::sha256_hex(token);
    let user_agent = headers.get(axum::http::header::USER_AGENT).and_then(|v| v.to_str().ok());
    let ask = Ask {
        hash: &hash,
        port: body.port_code.trim(),
        draw_date: &state.draw_date,
        // Puerta records the peer's address; every bench connection comes from the loopback
        // (the baseline is served without connection info).
        ip: "127.0.0.1",
        user_agent,
    };
    let result = match &state.db {
        Db::Sqlite { read, write } => request_sqlite(read, write, &ask).await,
        Db::Postgres { pool } => request_postgres(pool, pool, &ask).await,
    };
    match result {
        Ok(created) => (StatusCode::CREATED, axum::Json(created)).into_response(),
        Err(Refused::Status(status)) => status.into_response(),
        Err(Refused::Database(e)) => (StatusCode::SERVICE_UNAVAILABLE, e.to_string()).into_response(),
    }
}

/// One request's inputs.
struct Ask<'a> {
    hash: &'a str,
    port: &'a str,
    draw_date: &'a str,
    ip: &'a str,
    user_agent: Option<&'a str>,
}

/// A version-4 UUID, as `ids::appointment_request_id` makes.
fn request_id() -> String {
    let mut x = rand::random::<u128>();
    x = (x & !(0xf << 76)) | (0x4 << 76);
    x = (x & !(0x3 << 62)) | (0x2 << 62);
    let h = format!("{x:032x}");
    format!("{}-{}-{}-{}-{}", &h[..8], &h[8..12], &h[12..16], &h[16..20], &h[20..])
}

/// The request's work, once per backend (the same text; only the connection types, the
/// `BEGIN` and PostgreSQL's hold on the draw differ, as in the store).
macro_rules! request_fn {
    ($name:ident, $db:ty, $begin:expr, $hold_open:expr) => {
        async fn $name(
            read: &sqlx::Pool<$db>,
            write: &sqlx::Pool<$db>,
            ask: &Ask<'_>,
        ) -> Result<Created, Refused> {
            use axum::http::StatusCode;
            use sqlx::Row as _;
            let unauthenticated = || Refused::Status(StatusCode::UNAUTHORIZED);
            let now = crate::db::now_ms();
            // Authentication (`read_live_session`): one reader for both reads.
            let mut reader = read.acquire().await?;
            let session = sqlx::query(sql::SESSION)
                .bind(ask.hash)
                .fetch_optional(&mut *reader)
                .await?
                .ok_or_else(unauthenticated)?;
            let user_id: String = session.try_get("user_id")?;
            let kind: String = session.try_get("kind")?;
            let pending: bool = session.try_get("second_factor_pending")?;
            let expires_at: i64 = session.try_get("expires_at")?;
            let revoked_at: Option<i64> = session.try_get("revoked_at")?;
            if revoked_at.is_some() || kind != "bearer" || now >= expires_at || pending {
                return Err(unauthenticated());
            }
            let user = sqlx::query(sql::USER)
                .bind(&user_id)
                .fetch_optional(&mut *reader)
                .await?
                .ok_or_else(unauthenticated)?;
            let disabled: Option<i64> = user.try_get("disabled_at")?;
            let deleted: Option<i64> = user.try_get("deleted_at")?;
            let role: String = user.try_get("role")?;
            if disabled.is_some() || deleted.is_some() {
                return Err(unauthenticated());
            }
            if role != "traveler" {
                return Err(Refused::Status(StatusCode::FORBIDDEN));
            }
            drop(reader);
            // `scheduling_rules`: a reader of its own.
            let mut reader = read.acquire().await?;
            sqlx::query(sql::OVERRIDES).fetch_optional(&mut *reader).await?;
            drop(reader);

            // What the request depends on, on a reader, in one statement.
            let mut reader = read.acquire().await?;
            let rows =
                sqlx::query(sql::STANDING).bind(&user_id).bind(ask.draw_date).fetch_all(&mut *reader).await?;
            drop(reader);
            let mut chosen = Vec::new();
            let mut registered_at = None;
            for t in &rows {
                // Read as Puerta reads it for the service-area check (pure logic, no SQL).
                let _nationality: String = t.try_get("nationality")?;
                registered_at = Some(t.try_get::<i64, _>("registered_at")?);
                let draw_status: Option<String> = t.try_get("draw_status")?;
                if draw_status.as_deref() != Some("open") {
                    return Err(Refused::Status(StatusCode::CONFLICT));
                }
                if t.try_get::<i32, _>("open_case")? != 0 {
                    if t.try_get::<i32, _>("scheduled")? != 0 || t.try_get::<i32, _>("requested")? != 0 {
                        return Err(Refused::Status(StatusCode::CONFLICT));
                    }
                    chosen.push(t.try_get::<String, _>("id")?);
                }
            }
            if chosen.is_empty() {
                return Err(Refused::Status(StatusCode::UNPROCESSABLE_ENTITY));
            }
            let registered_at = registered_at.ok_or_else(unauthenticated)?;

            let id = request_id();
            // Puerta's entry id is a keyed hash of the request id (32 hex digits).
            let entry_id = crate::db::sha256_hex(&id)[..32].to_string();
            let size = i64::try_from(chosen.len()).unwrap_or(1);
            let begin: Option<&'static str> = $begin;
            let mut tx = sqlx::Transaction::begin(write.acquire().await?, begin.map(Into::into)).await?;
            let hold: Option<&'static str> = $hold_open;
            if let Some(hold) = hold {
                let held: Option<String> =
                    sqlx::query_scalar(hold).bind(ask.draw_date).fetch_optional(&mut *tx).await?;
                if held.as_deref() != Some("open") {
                    return Err(Refused::Status(StatusCode::CONFLICT));
                }
            }
            let stored = sqlx::query(sql::INSERT_REQUEST)
                .bind(&id)
                .bind(ask.draw_date)
                .bind(&user_id)
                .bind(ask.port)
                .bind(&entry_id)
                .bind(size)
                .bind(registered_at)
                .bind(now)
                .execute(&mut *tx)
                .await?;
            if stored.rows_affected() == 0 {
                return Err(Refused::Status(StatusCode::CONFLICT));
            }
            for traveler in &chosen {
                let stored = sqlx::query(sql::INSERT_REQUEST_TRAVELER)
                    .bind(&id)
                    .bind(traveler)
                    .bind(ask.draw_date)
                    .bind(&user_id)
                    .execute(&mut *tx)
                    .await?;
                if stored.rows_affected() == 0 {
                    return Err(Refused::Status(StatusCode::CONFLICT));
                }
            }
            let detail = format!("{id} {} {}", ask.draw_date, ask.port);
            sqlx::query(sql::INSERT_AUDIT)
                .bind(now)
                .bind(&user_id)
                .bind("appointment_requested")
                .bind(&user_id)
                .bind(ask.ip)
                .bind(ask.user_agent)
                .bind(detail)
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
            Ok(Created { id, draw_date: ask.draw_date.to_string(), status: "requested", entry_id })
        }
    };
}

request_fn!(request_sqlite, sqlx::Sqlite, Some("BEGIN IMMEDIATE"), None);
request_fn!(request_postgres, sqlx::Postgres, None, Some(sql::HOLD_OPEN_POSTGRES));
