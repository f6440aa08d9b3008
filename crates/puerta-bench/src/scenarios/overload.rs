//! Overload: 4,096 connections (2,048 in quick mode), each with its own signed-in traveler,
//! hammering a write for 10 s (3 s): `POST /api/v1/travelers`, adding a companion to the
//! traveler's group (one write transaction; at most 10 a group, so once a traveler's group is
//! full, that traveler's requests read it back, `GET /api/v1/travelers`). Requests go round the
//! travelers; the clients ignore `Retry-After` and send again at once (the worst case).
//! Far more than one small machine's single writer can take at once: Puerta must stay up,
//! answer what it cannot take with 503 and `Retry-After` quickly (not time out), keep its memory
//! bounded, and every companion it answered 201 for must be in the database afterwards.
//!
//! The server's `PUERTA_MAX_CONNECTIONS` is raised above the connections (to twice them), so
//! that every connection is accepted and the excess is met by the request-level shedding, not
//! left waiting in the kernel's listen queue.

use std::collections::HashSet;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use anyhow::bail;
use serde_json::{Value, json};

use super::Ctx;
use crate::db::{Backend, Plain};
use crate::load::{self, Spec};
use crate::people;
use crate::report::{Figure, Target};
use crate::server::{self, Puerta, mb};

const SCENARIO: &str = "overload";
const HOLDER: &str = "holder@bench.example.org";
/// Companions a group may have (the rule of `POST /api/v1/travelers`).
const GROUP_MAX: u64 = 10;

/// What the answers showed, gathered as they arrive.
#[derive(Default)]
struct Seen {
    /// Ids of the companions answered 201 (whenever: warm-up and grace included).
    acknowledged: Vec<String>,
    shed: u64,
    shed_without_retry_after: u64,
    retry_after: Vec<String>,
}

pub async fn run(ctx: &mut Ctx) -> anyhow::Result<()> {
    let wanted = ctx.pick(2_048, 4_096);
    // Each connection is a socket here and one in the server (which inherits this limit).
    let limit = open_files_limit().unwrap_or(1024);
    let connections = wanted.min(usize::try_from(limit.saturating_sub(512)).unwrap_or(0));
    if connections < wanted / 2 {
        bail!(
            "the open-files limit is {limit}: {wanted} connections need `ulimit -n {}` (bench/run raises it)",
            wanted + 512
        );
    }
    let (dir, backend) = ctx.fresh("overload").await?;
    let mut puerta = Puerta::new(&ctx.bin, &dir, backend.server_url())?;
    puerta.set("PUERTA_MAX_CONNECTIONS", &(connections * 2).to_string());
    puerta.run(&["migrate"], None)?;
    people::create_traveler(&puerta, HOLDER)?;
    let outcome = measure(ctx, &puerta, &backend, connections, wanted).await;
    backend.drop_database().await?;
    outcome
}

async fn measure(
    ctx: &mut Ctx,
    puerta: &Puerta,
    backend: &Backend,
    connections: usize,
    wanted: usize,
) -> anyhow::Result<()> {
    // One traveler and one bearer session per connection, written by SQL.
    let mut conn = Plain::open(backend).await?;
    let ids = people::seed_travelers(&mut conn, backend, HOLDER, connections, "es").await?;
    let tokens: Arc<Vec<String>> = Arc::new(
        people::seed_sessions(&mut conn, backend, &ids, "bearer")
            .await?
            .into_iter()
            .map(|t| format!("Bearer {t}"))
            .collect(),
    );
    conn.close().await?;

    let (mut running, _) = puerta.serve("server.log").await?;
    let pid = running.pid();
    let before = server::sample(pid)?;
    let accounts = tokens.len() as u64;
    // Companions each traveler has been answered 201 for (or 10 once told the group is full):
    // a traveler writes until its group is full, so the run stays write-heavy however many
    // requests are shed.
    let added: Arc<Vec<AtomicU64>> = Arc::new((0..accounts).map(|_| AtomicU64::new(0)).collect());
    let account = move |n: u64| usize::try_from(n % accounts).unwrap_or(0);
    let make: load::MakeRequest = {
        let (tokens, added) = (Arc::clone(&tokens), Arc::clone(&added));
        Arc::new(move |n| {
            let a = account(n);
            let auth = [("authorization", tokens[a].as_str())];
            Some(if added[a].load(Ordering::Relaxed) < GROUP_MAX {
                load::post_json("/api/v1/travelers", &auth, companion(n).to_string().into_bytes())
            } else {
                load::get("/api/v1/travelers", &auth)
            })
        })
    };
    let seen = Arc::new(Mutex::new(Seen::default()));
    let on: load::OnResponse = {
        let seen = Arc::clone(&seen);
        let added = Arc::clone(&added);
        Arc::new(move |n, status, headers, body| {
            let mut seen = seen.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
            match status.as_u16() {
                409 => added[account(n)].store(GROUP_MAX, Ordering::Relaxed),
                201 => {
                    added[account(n)].fetch_add(1, Ordering::Relaxed);
                    let v: Value = serde_json::from_slice(body).unwrap_or_default();
                    if let Some(id) = v["id"].as_str() {
                        seen.acknowledged.push(id.to_string());
                    }
                }
                503 => {
                    seen.shed += 1;
                    match headers.get(hyper::header::RETRY_AFTER).and_then(|v| v.to_str().ok()) {
                        Some(v) => {
                            if seen.retry_after.len() < 5 && !seen.retry_after.iter().any(|r| r == v) {
                                seen.retry_after.push(v.to_string());
                            }
                        }
                        None => seen.shed_without_retry_after += 1,
                    }
                }
                _ => {}
            }
        })
    };
    let warmup = ctx.pick(Duration::from_secs(1), Duration::from_secs(2));
    let duration = ctx.pick(Duration::from_secs(3), Duration::from_secs(10));
    // Resident memory sampled through the run (VmHWM gives the peak as well).
    let sampling = {
        let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
        let flag = Arc::clone(&stop);
        let task = tokio::spawn(async move {
            let mut peak = 0u64;
            while !flag.load(Ordering::Relaxed) {
                if let Ok(s) = server::sample(pid) {
                    peak = peak.max(s.rss_kib);
                }
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            peak
        });
        (stop, task)
    };
    let outcome =
        load::closed(&Spec { addr: puerta.addr, connections, warmup, duration }, make, Some(on)).await;
    sampling.0.store(true, Ordering::Relaxed);
    let sampled_peak = sampling.1.await.unwrap_or(0);
    let after = server::sample(pid).unwrap_or_default();

    // Still up: the process runs and answers.
    let answers = matches!(
        load::once(puerta.addr, load::get("/healthz", &[])).await,
        Ok((status, _, _)) if status == 200
    );
    let alive = running.alive() && answers;

    // Every companion answered 201 is in the database (read while the server still runs: an
    // answer must mean committed, not "will be written at shutdown").
    let mut conn = Plain::open(backend).await?;
    let stored: HashSet<String> = conn.strings("SELECT id FROM travelers").await?.into_iter().collect();
    conn.close().await?;
    running.stop();
    let warnings = running.warnings();
    let seen = seen.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let lost = seen.acknowledged.iter().filter(|id| !stored.contains(*id)).count();

    let key = ctx.backend_key();
    let statuses = outcome.statuses.iter().map(|(s, n)| format!("{n}×{s}")).collect::<Vec<_>>().join(" ");
    let setting = format!(
        "{connections} connections{}, {:.0} s after {:.0} s warm-up, POST /api/v1/travelers (GET once a group is full), no back-off, \
         PUERTA_MAX_CONNECTIONS {}",
        if connections < wanted { format!(" (of {wanted}: open-files limit)") } else { String::new() },
        outcome.seconds,
        warmup.as_secs_f64(),
        connections * 2
    );
    ctx.add(
        Figure::new(SCENARIO, &format!("server still up after {connections} connections"), f64::from(u8::from(alive)), "yes", key)
            .target(Target::AtLeast(1.0))
            .note(format!(
                "{setting}; process running and answering /healthz afterwards: {alive}; {} WARN/ERROR log lines{}",
                warnings.len(),
                most_common(&warnings).map(|(w, n)| format!(", most often ({n}×): {w}")).unwrap_or_default()
            )),
    );
    let ok: u64 = outcome.statuses.iter().filter(|(s, _)| (200..300).contains(*s)).map(|(_, n)| n).sum();
    let p99_2xx = outcome
        .p99_ms_by_status
        .iter()
        .filter(|(s, _)| (200..300).contains(*s))
        .map(|(_, p)| *p)
        .fold(0.0, f64::max);
    ctx.add(
        Figure::new(SCENARIO, "2xx answers/s under overload", ok as f64 / outcome.seconds.max(1e-9), "req/s", key).note(format!(
            "answers in the window: {statuses}; p99 of 2xx {p99_2xx:.1} ms; p99 of all {:.1} ms, max {:.1} ms",
            outcome.p99_ms, outcome.max_ms
        )),
    );
    let shed_p99 = outcome.p99_ms_by_status.get(&503).copied();
    let shed_note = format!(
        "503 answers in the whole run {} ({} without Retry-After; Retry-After values seen: {}); in the window {}",
        seen.shed,
        seen.shed_without_retry_after,
        if seen.retry_after.is_empty() { "none".into() } else { seen.retry_after.join(", ") },
        outcome.count(503)
    );
    match shed_p99 {
        Some(p99) => ctx.add(
            Figure::new(SCENARIO, "p99 of the 503 answers", p99, "ms", key)
                .target(Target::AtMost(100.0))
                .note(shed_note.clone()),
        ),
        None => ctx.add(
            Figure::new(SCENARIO, "p99 of the 503 answers", 0.0, "ms", key)
                .note(format!("nothing was shed: no 503 in the window; {shed_note}")),
        ),
    }
    ctx.add(
        Figure::new(
            SCENARIO,
            "503 answers without Retry-After",
            seen.shed_without_retry_after as f64,
            "answers",
            key,
        )
        .target(Target::AtMost(0.0))
        .note(shed_note),
    );
    ctx.add(
        Figure::new(
            SCENARIO,
            "requests with no answer (errors, time-outs)",
            outcome.errors as f64,
            "requests",
            key,
        )
        .target(Target::AtMost(0.0))
        .note(format!(
            "connection refused or reset, or no answer within the window plus {} s; whole run",
            load::GRACE.as_secs()
        )),
    );
    ctx.add(
        Figure::new(
            SCENARIO,
            "peak resident memory under overload",
            mb(sampled_peak.max(after.hwm_kib)),
            "MB",
            key,
        )
        .baseline("idle, before the load", mb(before.rss_kib))
        .target(Target::AtMost(300.0))
        .note(format!(
            "VmHWM {:.0} MB, highest 100 ms sample {:.0} MB, after the load {:.0} MB; {} threads",
            mb(after.hwm_kib),
            mb(sampled_peak),
            mb(after.rss_kib),
            after.threads
        )),
    );
    ctx.add(
        Figure::new(SCENARIO, "acknowledged writes lost", lost as f64, "writes", key)
            .target(Target::AtMost(0.0))
            .note(format!(
                "{} companions answered 201, {} in the database afterwards: {} written without an answer the client \
                 saw (timed out), which is allowed",
                seen.acknowledged.len(),
                stored.len(),
                stored.len().saturating_sub(seen.acknowledged.len())
            )),
    );
    if !alive {
        bail!("the server did not survive the overload (see {})", running.log.display());
    }
    Ok(())
}

/// A companion with valid, varied details.
fn companion(n: u64) -> Value {
    json!({
        "given_name": format!("Acompañante {n}"),
        "family_name": "Pierre-Louis",
        "date_of_birth": format!("{}-0{}-1{}", 1960 + n % 50, 1 + n % 9, n % 10),
        "nationality": "HT",
        "country_of_birth": "HT",
        "city_of_birth": "Cap-Haïtien",
        "country_of_residence": "MX",
        "language": "ht",
    })
}

/// The most frequent log line, its time stamp left out (for the note: what the server said while
/// it was overloaded).
fn most_common(lines: &[String]) -> Option<(String, usize)> {
    let mut counts: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for line in lines {
        let text = printable(line, 400);
        let without_time = text.split_once(' ').map_or(text.as_str(), |(_, rest)| rest.trim_start());
        *counts.entry(without_time.chars().take(200).collect()).or_default() += 1;
    }
    counts.into_iter().max_by_key(|(_, n)| *n)
}

/// A log line for a note: escape sequences (colours) out, at most `max` characters.
fn printable(line: &str, max: usize) -> String {
    let mut out = String::new();
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            // CSI: up to and including the final letter.
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else if !c.is_control() {
            out.push(c);
        }
    }
    out.chars().take(max).collect()
}

/// The soft limit on open files of this process.
fn open_files_limit() -> Option<u64> {
    let limits = std::fs::read_to_string("/proc/self/limits").ok()?;
    let line = limits.lines().find(|l| l.starts_with("Max open files"))?;
    line.split_whitespace().nth(3)?.parse().ok()
}
