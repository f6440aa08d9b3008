//! Idle footprint: the resident memory of a freshly started Puerta once it answers `/healthz`
//! and has settled (≤ 40 MB), and the time from spawning `puerta serve` to its first 200 on
//! `/healthz` with a database of about 1 GB (≤ 1 s; 100 MB in quick mode), next to the same
//! start on an empty database (the baseline).
//!
//! The large database is written by SQL after `puerta migrate`: accounts, each with a traveler
//! profile, an application, a case with two events and three audit-log rows, in transactions
//! of 10,000 accounts, until the file (SQLite: pages in use, WAL included; PostgreSQL:
//! `pg_database_size`) reaches the size. Ids are ordered (UUID-shaped, counting up) so that the
//! seeding runs at the disk's pace; the server reads none of these rows to start. The file was
//! just written, so the starts see it in the page cache (a cold start after a reboot is slower;
//! dropping the machine's caches would disturb everything else running on it).

use std::time::{Duration, Instant};

use anyhow::bail;

use super::Ctx;
use crate::db::{Backend, Plain, now_ms};
use crate::report::{Figure, Target};
use crate::server::{self, Puerta, mb};

const SCENARIO: &str = "idle footprint";
/// Accounts (with their rows in the other tables) per seeding transaction: about 34 MB.
const BATCH: i64 = 10_000;
/// Starts timed per database (the median is the figure).
const STARTS: usize = 3;

pub async fn run(ctx: &mut Ctx) -> anyhow::Result<()> {
    let (dir, backend) = ctx.fresh("footprint").await?;
    let outcome = measure(ctx, &dir, &backend).await;
    backend.drop_database().await?;
    outcome
}

async fn measure(ctx: &mut Ctx, dir: &std::path::Path, backend: &Backend) -> anyhow::Result<()> {
    let key = backend.key();
    let puerta = Puerta::new(&ctx.bin, dir, backend.server_url())?;
    puerta.run(&["migrate"], None)?;

    // Idle memory: the first start on the empty database, once it has settled.
    let (mut running, first_start) = puerta.serve("server-idle.log").await?;
    let settle_deadline = ctx.pick(Duration::from_secs(6), Duration::from_secs(15));
    let (settled, waited) = settle(running.pid(), settle_deadline).await?;
    running.stop();
    ctx.add(
        Figure::new(SCENARIO, "resident memory after start, idle", mb(settled.rss_kib), "MB", key)
            .target(Target::AtMost(40.0))
            .note(format!(
                "VmRSS of a fresh `puerta serve` on an empty database after its first 200 on /healthz and \
                 {:.1} s of settling (until it stopped changing); peak {:.1} MB, {} threads",
                waited.as_secs_f64(),
                mb(settled.hwm_kib),
                settled.threads
            )),
    );

    // Start-up on the empty database.
    let mut empty = vec![first_start.as_secs_f64()];
    for i in 1..STARTS {
        let (mut running, took) = puerta.serve(&format!("server-empty-{i}.log")).await?;
        running.stop();
        empty.push(took.as_secs_f64());
    }
    let empty_median = median(&empty);
    ctx.add(
        Figure::new(SCENARIO, "start-up to ready, empty database", empty_median, "s", key)
            .note(format!("spawn to the first 200 on /healthz, median of {STARTS}: {}", list(&empty))),
    );

    // Start-up with the large database.
    let target_bytes: i64 = ctx.pick(100_000_000, 1_000_000_000);
    let seeding = Instant::now();
    let (bytes, accounts) = grow(backend, target_bytes).await?;
    let seed_secs = seeding.elapsed().as_secs_f64();
    let mut large = Vec::new();
    let mut rss = Vec::new();
    for i in 0..STARTS {
        let (mut running, took) = puerta.serve(&format!("server-large-{i}.log")).await?;
        rss.push(mb(server::sample(running.pid()).map(|s| s.rss_kib).unwrap_or(0)));
        let alive = running.alive();
        running.stop();
        if !alive {
            bail!("the server exited right after starting on the large database");
        }
        large.push(took.as_secs_f64());
    }
    let size = if target_bytes >= 1_000_000_000 {
        "1 GB".to_string()
    } else {
        format!("{} MB", target_bytes / 1_000_000)
    };
    ctx.add(
        Figure::new(SCENARIO, &format!("start-up to ready, {size} database"), median(&large), "s", key)
            .baseline("empty database", empty_median)
            .target(Target::AtMost(1.0))
            .note(format!(
                "spawn to the first 200 on /healthz, median of {STARTS}: {}; database {:.0} MB ({accounts} accounts with \
                 traveler, application, case, 2 case events, 3 audit rows each; seeded in {seed_secs:.0} s); \
                 resident at ready {} MB; page cache warm",
                list(&large),
                bytes as f64 / 1e6,
                rss.iter().map(|r| format!("{r:.0}")).collect::<Vec<_>>().join(" / ")
            )),
    );
    Ok(())
}

/// Samples the process every 200 ms until its resident memory has not moved by more than 1 %
/// for 2 s (at least 2 s after ready), or `deadline` passes.
async fn settle(pid: u32, deadline: Duration) -> anyhow::Result<(server::ProcSample, Duration)> {
    let started = Instant::now();
    let mut last = server::sample(pid)?;
    let mut steady_since = Instant::now();
    loop {
        tokio::time::sleep(Duration::from_millis(200)).await;
        let now = server::sample(pid)?;
        let moved = (now.rss_kib as f64 - last.rss_kib as f64).abs() > last.rss_kib as f64 * 0.01;
        if moved {
            steady_since = Instant::now();
            last = now;
        }
        let waited = started.elapsed();
        if (steady_since.elapsed() >= Duration::from_secs(2) && waited >= Duration::from_secs(2))
            || waited >= deadline
        {
            return Ok((now, waited));
        }
    }
}

fn median(values: &[f64]) -> f64 {
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    match v.len() {
        0 => 0.0,
        n if n % 2 == 1 => v[n / 2],
        n => (v[n / 2 - 1] + v[n / 2]) / 2.0,
    }
}

fn list(values: &[f64]) -> String {
    values.iter().map(|v| format!("{v:.3}")).collect::<Vec<_>>().join(" / ") + " s"
}

/// Adds accounts and their records until the database takes `target` bytes. Returns its size
/// and how many accounts were written.
async fn grow(backend: &Backend, target: i64) -> anyhow::Result<(i64, i64)> {
    let mut conn = Plain::open(backend).await?;
    let size_sql = if backend.is_postgres() {
        "SELECT pg_database_size(current_database())"
    } else {
        "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()"
    };
    let mut accounts = 0;
    let mut size = conn.count(size_sql).await?;
    let now = now_ms();
    while size < target {
        conn.execute(&batch_sql(backend, accounts + 1, accounts + BATCH, now)).await?;
        accounts += BATCH;
        size = conn.count(size_sql).await?;
    }
    if !backend.is_postgres() {
        // Fold the WAL into the file, as a server that ran for a while would have.
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").await?;
    } else {
        conn.execute("VACUUM (ANALYZE)").await?;
    }
    conn.close().await?;
    Ok((size, accounts))
}

/// One transaction: accounts `from..=to` with a traveler profile, an application, a case, two
/// case events and three audit-log rows each.
fn batch_sql(backend: &Backend, from: i64, to: i64, now: i64) -> String {
    let pg = backend.is_postgres();
    // A UUID-shaped id, counting up with `i`, distinct per table (`kind`).
    let id = |kind: u32| {
        if pg {
            format!("(lpad(to_hex(i), 8, '0') || '-{kind:04x}-4000-8000-' || lpad(to_hex(i), 12, '0'))")
        } else {
            format!("printf('%08x-{kind:04x}-4000-8000-%012x', i, i)")
        }
    };
    let (with, from_rows) = if pg {
        (String::new(), format!("FROM generate_series(CAST({from} AS BIGINT), CAST({to} AS BIGINT)) AS s(i)"))
    } else {
        (
            format!("WITH RECURSIVE s(i) AS (SELECT {from} UNION ALL SELECT i + 1 FROM s WHERE i < {to}) "),
            "FROM s".into(),
        )
    };
    let false_ = if pg { "FALSE" } else { "0" };
    let hex = |bytes: u32| {
        if pg {
            // 16 bytes a `md5`.
            vec!["md5(random()::text || i::text)"; (bytes as usize).div_ceil(16)].join(" || ")
        } else {
            format!("lower(hex(randomblob({bytes})))")
        }
    };
    let (user, traveler, application, case) = (id(0), id(1), id(2), id(3));
    let language =
        "CASE i % 5 WHEN 0 THEN 'es' WHEN 1 THEN 'ht' WHEN 2 THEN 'es' WHEN 3 THEN 'en' ELSE 'pt' END";
    let status =
        "CASE i % 4 WHEN 0 THEN 'received' WHEN 1 THEN 'in_review' WHEN 2 THEN 'approved' ELSE 'denied' END";
    let reference = if pg {
        "'PRT-' || lpad(CAST(i AS TEXT), 9, '0')".to_string()
    } else {
        "printf('PRT-%09d', i)".into()
    };
    let at = format!("{now} - i * 60000");
    format!(
        "BEGIN;
{with}INSERT INTO users (id, email, email_verified_at, password_hash, full_name, phone, language, role, totp_secret,
    totp_enabled_at, must_reset_password, disabled_at, deleted_at, created_at, updated_at)
  SELECT {user}, 'fp' || i || '@footprint.example.org', {at}, '$argon2id$v=19$m=19456,t=2,p=1$' || {salt} || '$' || {hash},
    'Viajera Número ' || i, '+5255' || (10000000 + i), {language}, 'traveler', NULL, NULL, {false_}, NULL, NULL, {at}, {at}
  {from_rows};
{with}INSERT INTO travelers (id, account_id, given_name, family_name, date_of_birth, nationality, country_of_birth,
    city_of_birth, country_of_residence, gender, language, phone, email, document_type, document_number,
    document_country, document_expiry, created_at, updated_at)
  SELECT {traveler}, {user}, 'Rose-Marie ' || i, 'Jean-Baptiste Pierre', '1988-04-' || (10 + i % 18), 'HT', 'HT',
    'Port-au-Prince', 'MX', 'female', {language}, '+5255' || (10000000 + i), 'fp' || i || '@footprint.example.org',
    'passport', 'HT' || (100000000 + i), 'HT', '2031-09-30', {at}, {at}
  {from_rows};
{with}INSERT INTO applications (id, account_id, us_line1, us_line2, us_city, us_state, us_postal_code, submitted_at)
  SELECT {application}, {user}, (100 + i % 9000) || ' North Main Street', 'Apartment ' || (i % 300), 'Houston', 'TX',
    '77' || (100 + i % 900), {at}
  {from_rows};
{with}INSERT INTO cases (id, reference_number, application_id, traveler_id, account_id, status, assigned_to, opened_at, updated_at)
  SELECT {case}, {reference}, {application}, {traveler}, {user}, {status}, NULL, {at}, {at}
  {from_rows};
{with}INSERT INTO case_events (id, case_id, at, actor_id, from_status, to_status, note)
  SELECT {event0}, {case}, {at}, {user}, NULL, 'received', NULL
  {from_rows};
{with}INSERT INTO case_events (id, case_id, at, actor_id, from_status, to_status, note)
  SELECT {event1}, {case}, {at} + 3600000, NULL, 'received', {status}, 'Revisión de documentos: pasaporte vigente, \
    fotografía conforme, domicilio en Estados Unidos verificado.'
  {from_rows};
{with}INSERT INTO audit_log (at, actor_id, action, target_id, ip, user_agent, detail)
  SELECT {at} + k * 1000, {user}, CASE k WHEN 0 THEN 'account_created' WHEN 1 THEN 'signed_in' ELSE 'application_submitted' END,
    {user}, '203.0.113.' || (i % 250), 'Mozilla/5.0 (Linux; Android 13; SM-A145M) AppleWebKit/537.36 (KHTML, like Gecko) \
    Chrome/120.0.0.0 Mobile Safari/537.36', '{{\"request_id\":\"' || {rid} || '\",\"language\":\"es\"}}'
  {from_rows}, (SELECT 0 AS k UNION ALL SELECT 1 UNION ALL SELECT 2) AS t;
COMMIT;",
        salt = hex(16),
        hash = hex(32),
        rid = hex(16),
        event0 = id(4),
        event1 = id(5),
    )
}
