//! Dashboard reads: signed-in travelers (seeded with their sessions) read their dashboard as
//! JSON (`GET /api/v1/dashboard`, bearer token) and as a page (`GET /dashboard`, session
//! cookie), at 256 connections, against an axum hello-world measured in the same scenario
//! (baseline a). Whether the reads wrote to the database is measured from outside the server.
//!
//! Then the sign-in storm: the JSON read run again while 40 sign-ins a second (open loop, each on
//! its own connection, real argon2id hashes) arrive; the read p99 is judged against the run
//! without the storm, and the sign-ins' own p99 against 2 s.

use std::sync::Arc;
use std::time::Duration;

use super::Ctx;
use super::seed::{self, Spec, Travelers};
use crate::db::{Backend, Plain};
use crate::load::{self, Outcome, Spec as LoadSpec};
use crate::report::{Figure, Target};
use crate::server::{self, Puerta, Running};

pub const CONNECTIONS: usize = 256;
/// Sign-ins started per second during the storm (issue 13).
pub const SIGN_INS_PER_SECOND: f64 = 40.0;
pub const JSON_PATH: &str = "/api/v1/dashboard";
pub const PAGE_PATH: &str = "/dashboard";
/// A browser that has been on the site holds a CSRF cookie (pages mint one only when absent).
const CSRF_COOKIE: &str = "puerta_csrf=benchbenchbenchbenchbenchbenchbenchbench";

/// Evidence of database writes between two moments, read from outside the server.
enum Mark {
    /// `PRAGMA data_version` on a connection of our own changes when any other connection
    /// commits; the files' sizes say how much was written.
    Sqlite { conn: Plain, version: i64, db: u64, wal: u64 },
    /// Rows inserted, updated and deleted in the database's tables (pg_stat_user_tables). A
    /// server's backends report them when they end, so the server is stopped before reading.
    Postgres { rows: i64 },
}

fn size(path: &std::path::Path) -> u64 {
    std::fs::metadata(path).map_or(0, |m| m.len())
}

fn wal(path: &std::path::Path) -> std::path::PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push("-wal");
    name.into()
}

const PG_ROWS: &str =
    "SELECT CAST(COALESCE(SUM(n_tup_ins + n_tup_upd + n_tup_del), 0) AS BIGINT) FROM pg_stat_user_tables";

impl Mark {
    async fn take(backend: &Backend) -> anyhow::Result<Self> {
        let mut conn = Plain::open(backend).await?;
        Ok(match backend {
            Backend::Sqlite { path } => {
                let version = conn.count("PRAGMA data_version").await?;
                Self::Sqlite { conn, version, db: size(path), wal: size(&wal(path)) }
            }
            Backend::Postgres { .. } => {
                let rows = conn.count(PG_ROWS).await?;
                conn.close().await?;
                Self::Postgres { rows }
            }
        })
    }

    /// Changes since the mark (0: none), and what was seen.
    async fn since(self, backend: &Backend) -> anyhow::Result<(f64, String)> {
        Ok(match (self, backend) {
            (Self::Sqlite { mut conn, version, db, wal: wal_before }, Backend::Sqlite { path }) => {
                let now = conn.count("PRAGMA data_version").await?;
                conn.close().await?;
                let (db_now, wal_now) = (size(path), size(&wal(path)));
                let changed = i64::from(now != version);
                (
                    changed as f64,
                    format!(
                        "SQLite data_version {} by another connection; database file {:+} bytes, WAL {:+} bytes",
                        if changed == 0 { "unchanged: no commit" } else { "changed: at least one commit" },
                        i128::from(db_now) - i128::from(db),
                        i128::from(wal_now) - i128::from(wal_before)
                    ),
                )
            }
            (Self::Postgres { rows }, _) => {
                let mut conn = Plain::open(backend).await?;
                let now = conn.count(PG_ROWS).await?;
                conn.close().await?;
                (
                    (now - rows) as f64,
                    format!("{} rows inserted, updated or deleted (pg_stat_user_tables)", now - rows),
                )
            }
            _ => anyhow::bail!("a mark of another backend"),
        })
    }
}

/// Puerta, restartable: on PostgreSQL the write counts are read with the server stopped.
struct Server {
    puerta: Puerta,
    running: Option<Running>,
}

impl Server {
    async fn start(&mut self) -> anyhow::Result<()> {
        if self.running.is_none() {
            self.running = Some(self.puerta.serve("server.log").await?.0);
        }
        Ok(())
    }

    fn stop(&mut self) {
        if let Some(mut r) = self.running.take() {
            r.stop();
        }
    }
}

/// A read run with write accounting around it.
async fn measured_reads(
    server: &mut Server,
    backend: &Backend,
    spec: &LoadSpec,
    make: load::MakeRequest,
) -> anyhow::Result<(Outcome, f64, String)> {
    if backend.is_postgres() {
        // Whatever the server wrote before (its start-up) is reported when its backends end.
        server.stop();
    }
    let mark = Mark::take(backend).await?;
    server.start().await?;
    let outcome = load::closed(spec, make, None).await;
    if backend.is_postgres() {
        server.stop();
    }
    let (writes, seen) = mark.since(backend).await?;
    server.start().await?;
    Ok((outcome, writes, seen))
}

fn json_reads(set: &Travelers) -> load::MakeRequest {
    let set = set.clone();
    Arc::new(move |n| {
        let auth = format!("Bearer {}", set.bearer(n % set.count));
        Some(load::get(JSON_PATH, &[("authorization", &auth)]))
    })
}

fn page_reads(set: &Travelers) -> load::MakeRequest {
    let set = set.clone();
    Arc::new(move |n| {
        let cookie = format!("puerta_session={}; {CSRF_COOKIE}", set.cookie(n % set.count));
        Some(load::get(PAGE_PATH, &[("cookie", &cookie)]))
    })
}

/// Answers other than 200 (a redirect to the sign-in page is a failure here) and transport
/// errors, inside the window.
fn not_ok(o: &Outcome) -> u64 {
    o.requests - o.count(200) + o.errors
}

/// Checks, before measuring, that the reads answer 200 (and what).
async fn check(addr: std::net::SocketAddr, make: &load::MakeRequest, what: &str) -> anyhow::Result<()> {
    let request = make(0).ok_or_else(|| anyhow::anyhow!("no request"))?;
    let (status, _, body) = load::once(addr, request).await?;
    if status.as_u16() != 200 {
        anyhow::bail!("{what} answered {status}: {}", String::from_utf8_lossy(&body[..body.len().min(300)]));
    }
    Ok(())
}

pub async fn run(ctx: &mut Ctx) -> anyhow::Result<()> {
    let (dir, backend) = ctx.fresh("dashboard").await?;
    let mut puerta = Puerta::new(&ctx.bin, &dir, backend.server_url())?;
    // Every request of the bench comes from 127.0.0.1: without these, the per-address limits
    // meant for one person (a proof of work past 60 attempts an hour, counted before the
    // password is checked) would refuse the storm's sign-ins.
    puerta.set("PUERTA_THROTTLE_SIGN_IN_FAILURES_PER_IP_PER_HOUR", "1000000");
    puerta.set("PUERTA_PROOF_OF_WORK_AFTER_PER_IP_PER_HOUR", "1000000");
    puerta.run(&["migrate"], None)?;
    let travelers = ctx.pick(2_000, 10_000);
    let set = seed::travelers(&backend, Spec { first: 1, count: travelers, cookie: true }).await?;

    let mut server = Server { puerta: puerta.clone(), running: None };
    server.start().await?;
    let addr = puerta.addr;
    let warmup = Duration::from_secs(1);
    let duration = ctx.pick(Duration::from_secs(3), Duration::from_secs(10));
    let spec = LoadSpec { addr, connections: CONNECTIONS, warmup, duration };
    let (json, page) = (json_reads(&set), page_reads(&set));
    check(addr, &json, JSON_PATH).await?;
    check(addr, &page, PAGE_PATH).await?;

    let (mut hello, hello_addr) = server::baseline(&["--kind", "hello"]).await?;
    let hello_make: load::MakeRequest = Arc::new(|_| Some(load::get("/", &[])));
    let base = load::closed(&LoadSpec { addr: hello_addr, ..spec.clone() }, hello_make, None).await;
    hello.stop();

    // Each account's first read: nothing is remembered for it yet (on SQLite the dashboard is
    // kept in memory until something it shows changes), so this is the database's figure; the
    // measured reads after it are every account reading again, as travelers reloading do.
    let first = {
        let (json, count) = (json.clone(), travelers);
        let make: load::MakeRequest = Arc::new(move |n| if n < count { json(n) } else { None });
        let pass = LoadSpec { warmup: Duration::ZERO, duration: Duration::from_secs(600), ..spec.clone() };
        load::closed(&pass, make, None).await
    };
    let (quiet, json_writes, json_seen) = measured_reads(&mut server, &backend, &spec, json.clone()).await?;
    let pages_from = crate::db::now_ms();
    let (pages, page_writes, page_seen) = measured_reads(&mut server, &backend, &spec, page.clone()).await?;
    // The one write a page read may make, by design: a session's activity, at most once a minute.
    let touched = {
        let mut conn = Plain::open(&backend).await?;
        let n = conn
            .count(&format!(
                "SELECT COUNT(*) FROM sessions WHERE kind = 'cookie' AND last_seen_at >= {pages_from}"
            ))
            .await?;
        conn.close().await?;
        n
    };

    // The storm: sign-ins from the first seeded accounts on, each a different account.
    let storm_make: load::MakeRequest = {
        let set = set.clone();
        Arc::new(move |n| {
            let body = serde_json::json!({ "email": set.email(n % set.count), "password": seed::PASSWORD });
            Some(load::post_json("/api/v1/sessions", &[], body.to_string().into_bytes()))
        })
    };
    let (stormy, sign_ins) = tokio::join!(
        load::closed(&spec, json.clone(), None),
        load::open_rate(addr, SIGN_INS_PER_SECOND, warmup + duration, storm_make, None)
    );
    println!(
        "  storm: {} sign-ins answered, statuses {:?}, {} transport errors, p50 {:.0} ms, p99 {:.0} ms",
        sign_ins.requests, sign_ins.statuses, sign_ins.errors, sign_ins.p50_ms, sign_ins.p99_ms
    );
    let alive = server.running.as_mut().is_some_and(Running::alive);
    server.stop();
    backend.drop_database().await?;

    let key = ctx.backend_key();
    let scenario = "dashboard reads";
    let hello_name = "(a) axum hello-world, 256 connections";
    let run_note = |o: &Outcome| {
        format!(
            "{CONNECTIONS} connections, {:.0} s, {travelers} travelers in turn; p50 {:.1} ms, p99 {:.1} ms; \
             {} answers other than 200 or transport errors",
            o.seconds,
            o.p50_ms,
            o.p99_ms,
            not_ok(o)
        )
    };
    ctx.add(
        Figure::new(scenario, &format!("GET {JSON_PATH} requests/s"), quiet.per_second, "req/s", key)
            .baseline(hello_name, base.per_second)
            .target(Target::RatioAtLeast(0.25))
            .note(format!(
                "{}; bearer tokens; every account read once before; baseline p99 {:.1} ms",
                run_note(&quiet),
                base.p99_ms
            )),
    );
    ctx.add(
        Figure::new(
            scenario,
            &format!("GET {JSON_PATH}, each account's first read, requests/s"),
            first.per_second,
            "req/s",
            key,
        )
        .baseline(hello_name, base.per_second)
        .note(format!(
            "{} first reads, one per account, read from the database; p50 {:.1} ms, p99 {:.1} ms; {} answers \
                 other than 200 or transport errors",
            first.requests,
            first.p50_ms,
            first.p99_ms,
            not_ok(&first)
        )),
    );
    ctx.add(
        Figure::new(scenario, &format!("GET {JSON_PATH} p99"), quiet.p99_ms, "ms", key)
            .target(Target::AtMost(50.0))
            .note(run_note(&quiet)),
    );
    ctx.add(
        Figure::new(scenario, &format!("GET {JSON_PATH} failures"), not_ok(&quiet) as f64, "requests", key)
            .target(Target::AtMost(0.0)),
    );
    ctx.add(
        Figure::new(
            scenario,
            &format!("database writes during the {JSON_PATH} reads"),
            json_writes,
            "changes",
            key,
        )
        .target(Target::AtMost(0.0))
        .note(format!("{} reads; {json_seen}", quiet.requests)),
    );
    ctx.add(
        Figure::new(scenario, &format!("GET {PAGE_PATH} requests/s"), pages.per_second, "req/s", key)
            .baseline(hello_name, base.per_second)
            .note(format!("{}; session cookies", run_note(&pages))),
    );
    ctx.add(
        Figure::new(scenario, &format!("GET {PAGE_PATH} p99"), pages.p99_ms, "ms", key)
            .target(Target::AtMost(50.0))
            .note(run_note(&pages)),
    );
    ctx.add(
        Figure::new(scenario, &format!("GET {PAGE_PATH} failures"), not_ok(&pages) as f64, "requests", key)
            .target(Target::AtMost(0.0)),
    );
    ctx.add(
        Figure::new(
            scenario,
            &format!("session activity records during the {PAGE_PATH} reads"),
            touched as f64,
            "writes",
            key,
        )
        .note(format!(
            "{} reads by {travelers} page sessions last seen 2 minutes before; by design a page session records \
             its activity at most once a minute (so at most one write per session here); all changes seen: \
             {page_writes} ({page_seen})",
            pages.requests
        )),
    );
    let storm = "sign-in storm";
    ctx.add(
        Figure::new(
            storm,
            &format!("GET {JSON_PATH} p99 during {SIGN_INS_PER_SECOND:.0} sign-ins/s"),
            stormy.p99_ms,
            "ms",
            key,
        )
        .baseline("the same reads without the storm", quiet.p99_ms)
        .target(Target::RatioAtMost(3.0))
        .note(format!("{}; {:.0} reads/s during the storm", run_note(&stormy), stormy.per_second)),
    );
    ctx.add(
        Figure::new(storm, "POST /api/v1/sessions p99", sign_ins.p99_ms, "ms", key)
            .target(Target::AtMost(2000.0))
            .note(format!(
                "{} sign-ins started at {SIGN_INS_PER_SECOND:.0}/s over {:.0} s, each on its own connection; p50 {:.0} ms, \
                 max {:.0} ms; argon2id 19 MiB, 2 iterations",
                sign_ins.requests + sign_ins.errors,
                sign_ins.seconds,
                sign_ins.p50_ms,
                sign_ins.max_ms
            )),
    );
    ctx.add(
        Figure::new(
            storm,
            "sign-in failures",
            (sign_ins.errors + sign_ins.requests - sign_ins.count(201)) as f64,
            "requests",
            key,
        )
        .target(Target::AtMost(0.0))
        .note(format!(
            "statuses {:?}, transport errors {}; server {}",
            sign_ins.statuses,
            sign_ins.errors,
            if alive { "alive at the end" } else { "DIED" }
        )),
    );
    Ok(())
}
