//! Live notifications at scale: 10,000 Server-Sent Events streams held open by one server, and
//! a policy notice published to 1,000,000 accounts. See `bench/README.md` and the section
//! "Live notifications: 10,000 streams, a notice to 1,000,000 accounts" of `docs/BENCHMARKS.md`.
//!
//! ```sh
//! bash bench/notices.sh                                   # builds, raises `ulimit -n`, runs SQLite
//! bash bench/notices.sh --postgres postgres://postgres@127.0.0.1:5432/test
//! ```
//!
//! This process is the client. It prepares a fresh database with the release binary's own
//! commands (`puerta migrate`, `puerta user create` for the administrator), writes the travelers
//! and their API tokens by raw SQL (a token's SHA-256 is what the sessions table keeps, exactly
//! as `open_session` writes it), then starts `target/release/puerta serve` as a separate
//! process, reads its memory (`VmRSS`) and CPU time (`utime + stime`) from `/proc/<pid>`, opens
//! the streams, publishes notices through `POST /api/v1/admin/notices` with the administrator's
//! bearer token (TOTP enrolled through the API) and times when each stream has each notice.

use std::collections::HashMap;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use anyhow::{Context, anyhow, bail};
use clap::Parser;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use sqlx::{Connection, PgConnection, SqliteConnection};
use tokio::sync::Semaphore;
use tokio::task::JoinHandle;

/// The targets of the issue (memory in MB of 10^6 bytes).
const TARGET_RSS_MB: f64 = 200.0;
const TARGET_PUBLISH_SECS: f64 = 1.0;
const TARGET_DELIVERY_SECS: f64 = 2.0;

const ADMIN_EMAIL: &str = "admin@sse-bench.example.org";
const ADMIN_PASSWORD: &str = "sse-bench administrator passphrase 7Qx";
/// Accounts inserted per statement while seeding.
const SEED_BATCH: usize = 100_000;
/// Sessions inserted per statement.
const SESSION_BATCH: usize = 1_000;

#[derive(Parser, Debug)]
#[command(
    about = "10,000 SSE streams and a policy notice to 1,000,000 accounts, against a separate `puerta serve`"
)]
struct Args {
    /// Traveler accounts in the database (the notice's audience is all of them).
    #[arg(long, default_value_t = 1_000_000)]
    accounts: usize,
    /// Streams held open at once (each with its own account's bearer token).
    #[arg(long, default_value_t = 10_000)]
    streams: usize,
    /// Notices published with every stream open (and as many with one stream, the baseline).
    #[arg(long, default_value_t = 3)]
    rounds: usize,
    /// Streams being opened at once (each until its `ready` event). The server's listen queue
    /// holds 128; more at once only makes the kernel drop SYNs and the client retry a second later.
    #[arg(long, default_value_t = 128)]
    open_concurrency: usize,
    /// Seconds the streams are held with nothing happening (covers one 20 s keep-alive comment).
    #[arg(long, default_value_t = 25)]
    idle_secs: u64,
    /// Run on a fresh database created on this PostgreSQL server (dropped at the end); without
    /// it, SQLite in a temporary folder.
    #[arg(long)]
    postgres: Option<String>,
    /// The server binary [default: target/release/puerta of this workspace].
    #[arg(long)]
    bin: Option<PathBuf>,
    /// The server's `PUERTA_KEEP_ALIVE_IDLE_SECS`; 0 (the default) leaves the server's own (5 s).
    /// An open event stream is a response in progress for the connection watchdog (cut only
    /// after 60 s without a byte moving), so the idle limit does not reach it.
    #[arg(long, default_value_t = 0)]
    keep_alive_idle_secs: u64,
    /// More environment for the server, KEY=VALUE (repeatable), e.g. `MALLOC_ARENA_MAX=2` to see
    /// where memory goes. Recorded with the figures.
    #[arg(long)]
    server_env: Vec<String>,
    /// Skip the comparison run: a second server on the same database holding as many plain
    /// keep-alive connections (one `GET /healthz` each) as there were streams.
    #[arg(long)]
    no_plain: bool,
    /// Print only: leave `bench/notices.json` alone.
    #[arg(long)]
    no_write: bool,
    /// Write this run's figures (as in `bench/notices.json`) to this file instead, and leave
    /// `bench/notices.json` alone (the suite, `bench/run`, reads them).
    #[arg(long)]
    json: Option<PathBuf>,
}

// ---------------------------------------------------------------------------------------------
// The server process.

/// What `/proc/<pid>` says about a process.
#[derive(Debug, Clone, Copy, Default)]
struct ProcSample {
    rss_kib: u64,
    rss_anon_kib: u64,
    rss_file_kib: u64,
    hwm_kib: u64,
    threads: u64,
    /// utime + stime, seconds.
    cpu_secs: f64,
    fds: u64,
}

fn clock_ticks() -> f64 {
    Command::new("getconf")
        .arg("CLK_TCK")
        .output()
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .and_then(|s| s.trim().parse::<f64>().ok())
        .filter(|t| *t > 0.0)
        .unwrap_or(100.0)
}

fn sample(pid: &str, ticks: f64) -> anyhow::Result<ProcSample> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).context("process gone")?;
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|v| v.parse::<u64>().ok())
            .unwrap_or(0)
    };
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat"))?;
    // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
    let after = stat.rsplit_once(')').map(|(_, rest)| rest).unwrap_or_default();
    let fields: Vec<&str> = after.split_whitespace().collect();
    let tick = |i: usize| fields.get(i).and_then(|v| v.parse::<f64>().ok()).unwrap_or(0.0);
    let fds = std::fs::read_dir(format!("/proc/{pid}/fd")).map(|d| d.count() as u64).unwrap_or(0);
    Ok(ProcSample {
        rss_kib: field("VmRSS:"),
        rss_anon_kib: field("RssAnon:"),
        rss_file_kib: field("RssFile:"),
        hwm_kib: field("VmHWM:"),
        threads: field("Threads:"),
        cpu_secs: (tick(11) + tick(12)) / ticks,
        fds,
    })
}

fn mib(kib: u64) -> f64 {
    kib as f64 / 1024.0
}

/// The soft limit on open files of this process (the server inherits it).
fn open_files_limit() -> Option<u64> {
    let limits = std::fs::read_to_string("/proc/self/limits").ok()?;
    let line = limits.lines().find(|l| l.starts_with("Max open files"))?;
    line.split_whitespace().nth(3)?.parse().ok()
}

struct Server {
    bin: PathBuf,
    env: Vec<(String, String)>,
    log: PathBuf,
}

impl Server {
    fn command(&self, args: &[&str]) -> Command {
        let mut c = Command::new(&self.bin);
        c.args(args);
        for (key, _) in std::env::vars() {
            if key.starts_with("PUERTA_") {
                c.env_remove(key);
            }
        }
        for (k, v) in &self.env {
            c.env(k, v);
        }
        c
    }

    fn run(&self, args: &[&str], stdin: Option<&str>) -> anyhow::Result<String> {
        let mut child = self
            .command(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .with_context(|| format!("cannot run {}", self.bin.display()))?;
        if let Some(text) = stdin {
            child.stdin.take().context("stdin")?.write_all(text.as_bytes())?;
        }
        let out = child.wait_with_output()?;
        if !out.status.success() {
            bail!(
                "`puerta {}` failed: {}{}",
                args.join(" "),
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            );
        }
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    }

    fn serve(&self) -> anyhow::Result<Child> {
        let log = std::fs::File::create(&self.log)?;
        Ok(self.command(&["serve"]).stdin(Stdio::null()).stdout(log.try_clone()?).stderr(log).spawn()?)
    }
}

/// Stops the server (SIGTERM, then SIGKILL after `grace`).
fn stop(child: &mut Child, grace: Duration) {
    let _ = Command::new("kill").arg("-TERM").arg(child.id().to_string()).status();
    let until = Instant::now() + grace;
    while Instant::now() < until {
        if let Ok(Some(_)) = child.try_wait() {
            return;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let _ = child.kill();
    let _ = child.wait();
}

// ---------------------------------------------------------------------------------------------
// The database.

enum Backend {
    Sqlite { path: PathBuf },
    Postgres { url: String, admin_url: String, database: String },
}

impl Backend {
    fn label(&self) -> &'static str {
        match self {
            Self::Sqlite { .. } => "SQLite",
            Self::Postgres { .. } => "PostgreSQL",
        }
    }

    fn key(&self) -> &'static str {
        match self {
            Self::Sqlite { .. } => "sqlite",
            Self::Postgres { .. } => "postgres",
        }
    }
}

enum Plain {
    Sqlite(SqliteConnection),
    Postgres(PgConnection),
}

impl Plain {
    async fn open(backend: &Backend) -> anyhow::Result<Self> {
        Ok(match backend {
            Backend::Sqlite { path } => {
                let options = sqlx::sqlite::SqliteConnectOptions::new()
                    .filename(path)
                    .foreign_keys(true)
                    .busy_timeout(Duration::from_secs(30))
                    // Seeding only: a big page cache for the random-key B-tree inserts.
                    .pragma("cache_size", "-1048576")
                    .pragma("synchronous", "OFF");
                Self::Sqlite(SqliteConnection::connect_with(&options).await?)
            }
            Backend::Postgres { url, .. } => Self::Postgres(PgConnection::connect(url).await?),
        })
    }

    async fn execute(&mut self, sql: &str) -> anyhow::Result<()> {
        match self {
            Self::Sqlite(c) => {
                sqlx::raw_sql(sql).execute(c).await?;
            }
            Self::Postgres(c) => {
                sqlx::raw_sql(sql).execute(c).await?;
            }
        }
        Ok(())
    }

    async fn execute_with(&mut self, sql: &str, text: &str) -> anyhow::Result<u64> {
        Ok(match self {
            Self::Sqlite(c) => sqlx::query(sql).bind(text).execute(c).await?.rows_affected(),
            Self::Postgres(c) => sqlx::query(sql).bind(text).execute(c).await?.rows_affected(),
        })
    }

    async fn text(&mut self, sql: &str) -> anyhow::Result<String> {
        Ok(match self {
            Self::Sqlite(c) => sqlx::query_scalar::<_, String>(sql).fetch_one(c).await?,
            Self::Postgres(c) => sqlx::query_scalar::<_, String>(sql).fetch_one(c).await?,
        })
    }

    async fn count(&mut self, sql: &str) -> anyhow::Result<i64> {
        Ok(match self {
            Self::Sqlite(c) => sqlx::query_scalar::<_, i64>(sql).fetch_one(c).await?,
            Self::Postgres(c) => sqlx::query_scalar::<_, i64>(sql).fetch_one(c).await?,
        })
    }

    async fn pairs(&mut self, sql: &str) -> anyhow::Result<Vec<(String, String)>> {
        Ok(match self {
            Self::Sqlite(c) => sqlx::query_as::<_, (String, String)>(sql).fetch_all(c).await?,
            Self::Postgres(c) => sqlx::query_as::<_, (String, String)>(sql).fetch_all(c).await?,
        })
    }

    async fn close(self) -> anyhow::Result<()> {
        match self {
            Self::Sqlite(c) => c.close().await?,
            Self::Postgres(c) => c.close().await?,
        }
        Ok(())
    }
}

fn now_ms() -> i64 {
    chrono::Utc::now().timestamp_millis()
}

/// `i % 20` → language: es 50 %, en 20 %, ht 15 %, pt 10 %, fr 5 %.
const LANGUAGE_CASE: &str = "CASE WHEN i % 20 < 10 THEN 'es' WHEN i % 20 < 14 THEN 'en' \
     WHEN i % 20 < 17 THEN 'ht' WHEN i % 20 < 19 THEN 'pt' ELSE 'fr' END";

/// A random version-4 UUID in SQLite's SQL (the ids `puerta_app::ids` makes).
const SQLITE_UUID: &str = "lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || \
     substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (random() & 3), 1) || \
     substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))";

/// The columns of `users` (migrations `…_accounts.sql`, `…_totp_replay.sql`, `…_user_time_zone.sql`).
const USER_COLUMNS: &str = "id, email, email_verified_at, password_hash, full_name, phone, language, role, \
     totp_secret, totp_enabled_at, must_reset_password, disabled_at, deleted_at, created_at, updated_at, \
     totp_last_step, time_zone";

/// Inserts `n` verified travelers: random UUID ids, the administrator's password hash (a real
/// argon2id hash; nobody signs in as them), languages mixed, created over the last year.
async fn seed_accounts(conn: &mut Plain, backend: &Backend, n: usize) -> anyhow::Result<()> {
    let hash = conn.text(&format!("SELECT password_hash FROM users WHERE email = '{ADMIN_EMAIL}'")).await?;
    let now = now_ms();
    let step = 365 * 24 * 3600 * 1000 / i64::try_from(n.max(1))?;
    let mut done = 0;
    while done < n {
        let (from, to) = (done + 1, (done + SEED_BATCH).min(n));
        let values = format!(
            "'t' || i || '@sse-bench.example.org', {now} - CAST(i AS BIGINT) * {step}, $1, 'Traveler ' || i, NULL, \
             {LANGUAGE_CASE}, 'traveler', NULL, NULL, {false_}, NULL, NULL, {now} - CAST(i AS BIGINT) * {step}, \
             {now} - CAST(i AS BIGINT) * {step}, NULL, 'America/Mexico_City'",
            false_ = match backend {
                Backend::Sqlite { .. } => "0",
                Backend::Postgres { .. } => "FALSE",
            }
        );
        let sql = match backend {
            Backend::Sqlite { .. } => format!(
                "WITH RECURSIVE s(i) AS (SELECT {from} UNION ALL SELECT i + 1 FROM s WHERE i < {to}) \
                 INSERT INTO users ({USER_COLUMNS}) SELECT {SQLITE_UUID}, {values} FROM s"
            ),
            Backend::Postgres { .. } => format!(
                "INSERT INTO users ({USER_COLUMNS}) SELECT gen_random_uuid()::text, {values} \
                 FROM generate_series({from}, {to}) AS i"
            ),
        };
        let written = conn.execute_with(&sql, &hash).await?;
        if written != u64::try_from(to - from + 1)? {
            bail!("seeding wrote {written} accounts, not {}", to - from + 1);
        }
        done = to;
        print!("\r  accounts: {done}");
        std::io::stdout().flush()?;
    }
    println!();
    Ok(())
}

/// One stream's account: its token (as the client holds it) and its language.
#[derive(Clone)]
struct Holder {
    token: String,
    language: String,
}

fn sha256_hex(text: &str) -> String {
    Sha256::digest(text.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

/// Bearer sessions for `n` of the travelers, written as `App::open_session` writes them: the
/// SHA-256 (hex) of a random token, kind `bearer`, no second factor pending, 12 hours of life.
async fn seed_sessions(conn: &mut Plain, backend: &Backend, n: usize) -> anyhow::Result<Vec<Holder>> {
    let people = conn
        .pairs(&format!("SELECT id, language FROM users WHERE role = 'traveler' ORDER BY id LIMIT {n}"))
        .await?;
    if people.len() < n {
        bail!("only {} travelers for {n} streams", people.len());
    }
    let now = now_ms();
    let expires = now + 12 * 3600 * 1000;
    let pending = match backend {
        Backend::Sqlite { .. } => "0",
        Backend::Postgres { .. } => "FALSE",
    };
    let mut holders = Vec::with_capacity(n);
    for chunk in people.chunks(SESSION_BATCH) {
        let mut sql = String::from(
            "INSERT INTO sessions (token_hash, user_id, kind, second_factor_pending, created_at, last_seen_at, \
             expires_at, revoked_at) VALUES ",
        );
        for (i, (id, language)) in chunk.iter().enumerate() {
            // 32 random bytes, as `random_token` draws (its text form does not matter to the hash).
            let token = format!("{}{}", uuid::Uuid::new_v4().simple(), uuid::Uuid::new_v4().simple());
            if i > 0 {
                sql.push(',');
            }
            sql.push_str(&format!(
                "('{}', '{id}', 'bearer', {pending}, {now}, {now}, {expires}, NULL)",
                sha256_hex(&token)
            ));
            holders.push(Holder { token, language: language.clone() });
        }
        conn.execute(&sql).await?;
    }
    Ok(holders)
}

// ---------------------------------------------------------------------------------------------
// The streams.

/// A notice as one stream received it.
struct Received {
    id: String,
    at: Instant,
    language: String,
    kind: String,
    title: String,
}

/// What every stream reports.
#[derive(Default)]
struct Shared {
    ready: AtomicUsize,
    failed: AtomicUsize,
    ended: AtomicUsize,
    resyncs: AtomicUsize,
    wrong_words: AtomicUsize,
    /// Time from sending the request to the `ready` event, per stream.
    ready_after: Mutex<Vec<Duration>>,
    /// Every notice every stream received (checked after each round: the POST may answer after
    /// the streams have it).
    received: Mutex<Vec<Received>>,
    errors: Mutex<Vec<String>>,
}

impl Shared {
    fn error(&self, text: String) {
        let mut errors = self.errors.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if errors.len() < 10 {
            errors.push(text);
        }
    }

    fn count(&self, notice: &str) -> usize {
        self.received
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .iter()
            .filter(|r| r.id == notice)
            .count()
    }

    fn times(&self, notice: &str) -> Vec<Instant> {
        self.received
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .iter()
            .filter(|r| r.id == notice)
            .map(|r| r.at)
            .collect()
    }

    /// How many streams had `notice` with another kind or other words than `titles` (by language).
    fn wrong(&self, notice: &str, titles: &HashMap<&str, &String>) -> usize {
        self.received
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .iter()
            .filter(|r| r.id == notice)
            .filter(|r| {
                r.kind != "policy_notice" || titles.get(r.language.as_str()).is_none_or(|t| **t != r.title)
            })
            .count()
    }
}

async fn hold_stream(
    client: reqwest::Client,
    url: String,
    index: usize,
    holder: Holder,
    shared: Arc<Shared>,
    mut permit: Option<tokio::sync::OwnedSemaphorePermit>,
) {
    let sent = Instant::now();
    let response = match client
        .get(&url)
        .bearer_auth(&holder.token)
        .header(reqwest::header::ACCEPT, "text/event-stream")
        .send()
        .await
    {
        Ok(r) => r,
        Err(e) => {
            shared.failed.fetch_add(1, Ordering::Relaxed);
            shared.error(format!("stream {index}: {e}"));
            return;
        }
    };
    if response.status() != reqwest::StatusCode::OK {
        shared.failed.fetch_add(1, Ordering::Relaxed);
        shared.error(format!("stream {index}: HTTP {}", response.status()));
        return;
    }
    let mut response = response;
    let mut buffer = String::new();
    let mut is_ready = false;
    loop {
        match response.chunk().await {
            Ok(Some(bytes)) => {
                let at = Instant::now();
                buffer.push_str(&String::from_utf8_lossy(&bytes));
                while let Some(end) = buffer.find("\n\n") {
                    let block: String = buffer.drain(..end + 2).collect();
                    let mut event = "message";
                    let mut data = String::new();
                    for line in block.lines() {
                        if let Some(v) = line.strip_prefix("event:") {
                            event = v.trim();
                        } else if let Some(v) = line.strip_prefix("data:") {
                            data.push_str(v.strip_prefix(' ').unwrap_or(v));
                        }
                    }
                    match event {
                        "ready" => {
                            shared
                                .ready_after
                                .lock()
                                .unwrap_or_else(std::sync::PoisonError::into_inner)
                                .push(at - sent);
                            shared.ready.fetch_add(1, Ordering::Relaxed);
                            is_ready = true;
                            permit = None;
                        }
                        "notification" => {
                            let v: Value = serde_json::from_str(&data).unwrap_or_default();
                            let text = |k: &str| v[k].as_str().unwrap_or_default().to_string();
                            let received = Received {
                                id: text("id"),
                                at,
                                language: holder.language.clone(),
                                kind: text("kind"),
                                title: text("title"),
                            };
                            shared
                                .received
                                .lock()
                                .unwrap_or_else(std::sync::PoisonError::into_inner)
                                .push(received);
                        }
                        "resync" => {
                            shared.resyncs.fetch_add(1, Ordering::Relaxed);
                        }
                        _ => {}
                    }
                }
            }
            Ok(None) | Err(_) => {
                if is_ready {
                    shared.ended.fetch_add(1, Ordering::Relaxed);
                } else {
                    shared.failed.fetch_add(1, Ordering::Relaxed);
                    shared.error(format!("stream {index}: ended before `ready`"));
                }
                drop(permit);
                return;
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The administrator.

async fn admin_token(client: &reqwest::Client, base: &str) -> anyhow::Result<String> {
    let signed_in = client
        .post(format!("{base}/api/v1/sessions"))
        .json(&json!({"email": ADMIN_EMAIL, "password": ADMIN_PASSWORD}))
        .send()
        .await?;
    if signed_in.status() != 201 {
        bail!("sign-in: HTTP {} {}", signed_in.status(), signed_in.text().await.unwrap_or_default());
    }
    let token = signed_in.json::<Value>().await?["token"].as_str().context("no token")?.to_string();
    let started = client.post(format!("{base}/api/v1/me/totp")).bearer_auth(&token).send().await?;
    if started.status() != 200 {
        bail!("TOTP enrolment: HTTP {}", started.status());
    }
    let secret = started.json::<Value>().await?["secret"].as_str().context("no secret")?.to_string();
    let bytes = totp_rs::Secret::Encoded(secret).to_bytes().map_err(|e| anyhow!("TOTP secret: {e:?}"))?;
    let totp =
        totp_rs::TOTP::new(totp_rs::Algorithm::SHA1, 6, 1, 30, bytes, Some("Puerta".into()), "x".into())?;
    let confirmed = client
        .post(format!("{base}/api/v1/me/totp/confirm"))
        .bearer_auth(&token)
        .json(&json!({"password": ADMIN_PASSWORD, "code": totp.generate_current()?}))
        .send()
        .await?;
    if confirmed.status() != 200 {
        bail!(
            "TOTP confirmation: HTTP {} {}",
            confirmed.status(),
            confirmed.text().await.unwrap_or_default()
        );
    }
    Ok(token)
}

/// One published notice and when each stream had it.
struct Round {
    streams: usize,
    post_secs: f64,
    /// Seconds from sending the POST to each stream's receipt, sorted.
    delivered: Vec<f64>,
    missing: usize,
    server_cpu_secs: f64,
    client_cpu_secs: f64,
    window_secs: f64,
    rss_after_kib: u64,
}

impl Round {
    fn last(&self) -> f64 {
        self.delivered.last().copied().unwrap_or(f64::NAN)
    }

    fn pct(&self, p: f64) -> f64 {
        percentile(&self.delivered, p)
    }
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    // Nearest rank.
    let rank = ((p / 100.0) * sorted.len() as f64).ceil().max(1.0) as usize;
    sorted[rank.min(sorted.len()) - 1]
}

fn median(values: &[f64]) -> f64 {
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    match v.len() {
        0 => f64::NAN,
        n if n % 2 == 1 => v[n / 2],
        n => (v[n / 2 - 1] + v[n / 2]) / 2.0,
    }
}

#[allow(clippy::too_many_arguments)]
async fn publish_round(
    client: &reqwest::Client,
    base: &str,
    token: &str,
    shared: &Shared,
    label: &str,
    expected: usize,
    server_pid: &str,
    ticks: f64,
) -> anyhow::Result<Round> {
    let words = |lang: &str| format!("SSE bench {label} ({lang}) {}", uuid::Uuid::new_v4().simple());
    let (en, es, ht) = (words("en"), words("es"), words("ht"));
    let body = json!({
        "title": {"en": en, "es": es, "ht": ht},
        "body": {"en": "Hours change at every port.", "es": "Cambian los horarios.", "ht": "Lè yo ap chanje."},
        "audience": {"kind": "all"},
    });
    let server_before = sample(server_pid, ticks)?;
    let client_before = sample("self", ticks)?;
    let sent = Instant::now();
    let response =
        client.post(format!("{base}/api/v1/admin/notices")).bearer_auth(token).json(&body).send().await?;
    let status = response.status();
    let answer: Value = response.json().await.unwrap_or_default();
    let answered = Instant::now();
    if status != 201 {
        bail!("publishing: HTTP {status} {answer}");
    }
    let id = answer["id"].as_str().context("no notice id")?.to_string();
    let deadline = sent + Duration::from_secs(60);
    while shared.count(&id) < expected && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    let window = sent.elapsed();
    let server_after = sample(server_pid, ticks)?;
    let client_after = sample("self", ticks)?;
    let mut delivered: Vec<f64> =
        shared.times(&id).into_iter().map(|t| t.saturating_duration_since(sent).as_secs_f64()).collect();
    delivered.sort_by(f64::total_cmp);
    // Each stream's words in its account's language (pt and fr fall back to English).
    let titles: HashMap<&str, &String> =
        HashMap::from([("en", &en), ("es", &es), ("ht", &ht), ("pt", &en), ("fr", &en)]);
    shared.wrong_words.fetch_add(shared.wrong(&id, &titles), Ordering::Relaxed);
    let round = Round {
        streams: expected,
        post_secs: (answered - sent).as_secs_f64(),
        missing: expected.saturating_sub(delivered.len()),
        delivered,
        server_cpu_secs: server_after.cpu_secs - server_before.cpu_secs,
        client_cpu_secs: client_after.cpu_secs - client_before.cpu_secs,
        window_secs: window.as_secs_f64(),
        rss_after_kib: server_after.rss_kib,
    };
    println!(
        "  {label}: POST {:.1} ms; {} of {expected} streams had it: p50 {:.1} ms, p99 {:.1} ms, last {:.1} ms; \
         server CPU {:.2} s, client CPU {:.2} s in {:.2} s",
        round.post_secs * 1e3,
        round.delivered.len(),
        round.pct(50.0) * 1e3,
        round.pct(99.0) * 1e3,
        round.last() * 1e3,
        round.server_cpu_secs,
        round.client_cpu_secs,
        round.window_secs,
    );
    Ok(round)
}

// ---------------------------------------------------------------------------------------------

/// The comparison run: plain keep-alive connections held by a fresh server.
struct Plainly {
    before: ProcSample,
    held: ProcSample,
    opened: usize,
    open_secs: f64,
    cpu_secs: f64,
}

impl Plainly {
    fn per_connection_kib(&self) -> f64 {
        (self.held.rss_kib as f64 - self.before.rss_kib as f64) / self.opened.max(1) as f64
    }
}

/// Connects, sends `GET /healthz`, reads the whole answer, and gives the open connection back.
async fn plain_connection(port: u16) -> anyhow::Result<tokio::net::TcpStream> {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut socket = tokio::net::TcpStream::connect(("127.0.0.1", port)).await?;
    socket.set_nodelay(true)?;
    socket.write_all(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").await?;
    let mut answer = Vec::new();
    let mut chunk = [0u8; 4096];
    loop {
        let n = socket.read(&mut chunk).await?;
        if n == 0 {
            bail!("closed before the answer ended");
        }
        answer.extend_from_slice(&chunk[..n]);
        let Some(end) = answer.windows(4).position(|w| w == b"\r\n\r\n") else { continue };
        let head = String::from_utf8_lossy(&answer[..end]).to_ascii_lowercase();
        if !head.starts_with("http/1.1 200") {
            bail!("{}", head.lines().next().unwrap_or_default());
        }
        let done = if head.contains("transfer-encoding: chunked") {
            answer.ends_with(b"0\r\n\r\n")
        } else {
            let length = head
                .lines()
                .find_map(|l| l.strip_prefix("content-length:"))
                .and_then(|v| v.trim().parse::<usize>().ok())
                .unwrap_or(0);
            answer.len() >= end + 4 + length
        };
        if done {
            return Ok(socket);
        }
    }
}

async fn measure_plain(args: &Args, port: u16, pid: &str, ticks: f64) -> anyhow::Result<Plainly> {
    let up = Instant::now();
    while plain_connection(port).await.is_err() {
        if up.elapsed() > Duration::from_secs(120) {
            bail!("the second server did not answer /healthz within 120 s");
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    tokio::time::sleep(Duration::from_secs(2)).await;
    let before = sample(pid, ticks)?;
    let gate = Arc::new(Semaphore::new(args.open_concurrency));
    let started = Instant::now();
    let mut tasks = Vec::with_capacity(args.streams);
    for _ in 0..args.streams {
        let permit = Arc::clone(&gate).acquire_owned().await?;
        tasks.push(tokio::spawn(async move {
            let socket = plain_connection(port).await;
            drop(permit);
            socket
        }));
    }
    let mut held = Vec::with_capacity(args.streams);
    let mut failed = 0;
    for task in tasks {
        match task.await? {
            Ok(socket) => held.push(socket),
            Err(_) => failed += 1,
        }
    }
    let open_secs = started.elapsed().as_secs_f64();
    tokio::time::sleep(Duration::from_secs(2)).await;
    let after = sample(pid, ticks)?;
    let plain = Plainly {
        before,
        held: after,
        opened: held.len(),
        open_secs,
        cpu_secs: after.cpu_secs - before.cpu_secs,
    };
    println!(
        "comparison: {} plain keep-alive connections ({failed} failed) in {open_secs:.1} s: server {:.1} → {:.1} MiB \
         resident, {:.1} KiB a connection",
        held.len(),
        mib(before.rss_kib),
        mib(after.rss_kib),
        plain.per_connection_kib()
    );
    drop(held);
    Ok(plain)
}

struct Figures {
    plain: Option<Plainly>,
    server_version: Option<String>,
    seed_accounts_secs: f64,
    seed_sessions_secs: f64,
    database_bytes: i64,
    accounts: i64,
    start: ProcSample,
    idle0: ProcSample,
    idle0_cpu_per_sec: f64,
    open_secs: f64,
    opened: ProcSample,
    ready_after: Vec<f64>,
    held: ProcSample,
    held_cpu_per_sec: f64,
    idle_secs: f64,
    ended_while_idle: usize,
    failed: usize,
    resyncs: usize,
    wrong_words: usize,
    baseline: Vec<Round>,
    rounds: Vec<Round>,
    after_rounds: ProcSample,
    closed: ProcSample,
    client_open: ProcSample,
    errors: Vec<String>,
    server_log_warnings: usize,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    if args.streams == 0 || args.accounts < args.streams || args.rounds == 0 {
        bail!("need 1 ≤ --streams ≤ --accounts and --rounds ≥ 1");
    }
    let limit = open_files_limit().unwrap_or(0);
    let needed = args.streams as u64 + 1_000;
    if limit < needed {
        bail!(
            "the open-files limit is {limit}; {} streams need at least {needed} here and in the server: \
             run `ulimit -n {needed}` first (bench/notices.sh does)",
            args.streams
        );
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let bin = args.bin.clone().unwrap_or_else(|| root.join("target/release/puerta"));
    if !bin.exists() {
        bail!("{} is missing: cargo build --release --locked -p puerta", bin.display());
    }
    let dir = tempfile::tempdir()?;
    let backend = match &args.postgres {
        None => Backend::Sqlite { path: dir.path().join("puerta.db") },
        Some(admin_url) => {
            let database =
                format!("puerta_sse_bench_{}_{}", std::process::id(), chrono::Utc::now().timestamp());
            let mut url = url::Url::parse(admin_url).context("--postgres is not a URL")?;
            url.set_path(&format!("/{database}"));
            let mut admin = PgConnection::connect(admin_url).await.context("cannot reach --postgres")?;
            sqlx::raw_sql(&format!("CREATE DATABASE \"{database}\"")).execute(&mut admin).await?;
            admin.close().await?;
            Backend::Postgres { url: url.to_string(), admin_url: admin_url.clone(), database }
        }
    };
    let load = std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|l| l.split_whitespace().next().map(str::to_string))
        .unwrap_or_default();
    let cores = std::thread::available_parallelism().map_or(0, std::num::NonZeroUsize::get);
    println!(
        "sse_bench: {} accounts, {} streams, {} rounds, {}; {cores} cores, load average {load} at start, open files {limit}",
        args.accounts,
        args.streams,
        args.rounds,
        backend.label()
    );
    let outcome = run(&args, &backend, dir.path(), &bin).await;
    if let Backend::Postgres { admin_url, database, .. } = &backend {
        let mut admin = PgConnection::connect(admin_url).await?;
        sqlx::raw_sql(&format!("DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)"))
            .execute(&mut admin)
            .await?;
        admin.close().await?;
    }
    let figures = outcome?;
    report(&args, &backend, &figures, cores, &load);
    if let Some(path) = &args.json {
        write_json(path, &args, &backend, &figures, cores, &load)?;
        println!("wrote {}", path.display());
    } else if !args.no_write {
        write_json(&root.join("bench/notices.json"), &args, &backend, &figures, cores, &load)?;
        println!("wrote the {} entry of bench/notices.json", backend.label());
    }
    Ok(())
}

async fn run(args: &Args, backend: &Backend, data_dir: &Path, bin: &Path) -> anyhow::Result<Figures> {
    let ticks = clock_ticks();
    let port = std::net::TcpListener::bind("127.0.0.1:0")?.local_addr()?.port();
    let base = format!("http://127.0.0.1:{port}");
    let mut env = vec![
        ("PUERTA_ADDR".to_string(), format!("127.0.0.1:{port}")),
        ("PUERTA_DATA_DIR".to_string(), data_dir.display().to_string()),
        // The default (4,096) is below the streams; the rest stays at its default.
        ("PUERTA_MAX_CONNECTIONS".to_string(), (args.streams + 200).to_string()),
        // No scheduler: nothing else runs on a timer during the measurements.
        ("PUERTA_SCHEDULING__SCHEDULER".to_string(), "false".to_string()),
    ];
    if let Backend::Postgres { url, .. } = backend {
        env.push(("PUERTA_DATABASE_URL".to_string(), url.clone()));
    }
    if args.keep_alive_idle_secs > 0 {
        env.push(("PUERTA_KEEP_ALIVE_IDLE_SECS".to_string(), args.keep_alive_idle_secs.to_string()));
    }
    for pair in &args.server_env {
        let (k, v) = pair.split_once('=').with_context(|| format!("--server-env {pair}: not KEY=VALUE"))?;
        env.push((k.to_string(), v.to_string()));
    }
    let server = Server { bin: bin.to_path_buf(), env, log: data_dir.join("server.log") };

    // The database: the binary's migrations, its own way of creating an administrator, then the
    // travelers and their tokens by SQL.
    server.run(&["migrate"], None)?;
    server.run(
        &["user", "create", "--email", ADMIN_EMAIL, "--role", "admin", "--password-stdin"],
        Some(&format!("{ADMIN_PASSWORD}\n")),
    )?;
    let mut conn = Plain::open(backend).await?;
    let started = Instant::now();
    seed_accounts(&mut conn, backend, args.accounts).await?;
    let seed_accounts_secs = started.elapsed().as_secs_f64();
    let started = Instant::now();
    let holders = seed_sessions(&mut conn, backend, args.streams).await?;
    let seed_sessions_secs = started.elapsed().as_secs_f64();
    match backend {
        Backend::Sqlite { .. } => {
            conn.execute("ANALYZE").await?;
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").await?;
        }
        Backend::Postgres { .. } => conn.execute("VACUUM (ANALYZE) users, sessions").await?,
    }
    let accounts = conn.count("SELECT COUNT(*) FROM users").await?;
    let (server_version, database_bytes) = match (&mut conn, backend) {
        (Plain::Postgres(c), Backend::Postgres { database, .. }) => (
            Some(sqlx::query_scalar::<_, String>("SHOW server_version").fetch_one(&mut *c).await?),
            sqlx::query_scalar::<_, i64>(&format!("SELECT pg_database_size('{database}')"))
                .fetch_one(&mut *c)
                .await?,
        ),
        (_, Backend::Sqlite { path }) => (None, i64::try_from(std::fs::metadata(path)?.len())?),
        _ => (None, 0),
    };
    conn.close().await?;
    println!(
        "seeded {accounts} accounts in {seed_accounts_secs:.1} s and {} bearer sessions in {seed_sessions_secs:.1} s \
         (database {:.0} MiB)",
        holders.len(),
        database_bytes as f64 / 1048576.0
    );

    let mut child = server.serve()?;
    let outcome = measure(args, &base, &child.id().to_string(), ticks, holders).await;
    stop(&mut child, Duration::from_secs(40));
    let log = std::fs::read_to_string(&server.log).unwrap_or_default();
    let warnings: Vec<&str> = log.lines().filter(|l| l.contains("WARN") || l.contains("ERROR")).collect();
    for line in warnings.iter().take(5) {
        println!("  server log: {line}");
    }
    let mut figures = outcome?;
    if !args.no_plain {
        // The same server again, holding plain connections: what a connection costs without a
        // stream. Its idle limit is raised so that none is closed while they are being opened.
        let mut again = Server { log: data_dir.join("server-plain.log"), ..server };
        again.env.push(("PUERTA_KEEP_ALIVE_IDLE_SECS".to_string(), "600".to_string()));
        let mut child = again.serve()?;
        let plain = measure_plain(args, port, &child.id().to_string(), ticks).await;
        stop(&mut child, Duration::from_secs(40));
        figures.plain = Some(plain?);
    }
    figures.server_version = server_version;
    figures.seed_accounts_secs = seed_accounts_secs;
    figures.seed_sessions_secs = seed_sessions_secs;
    figures.database_bytes = database_bytes;
    figures.accounts = accounts;
    figures.server_log_warnings = warnings.len();
    Ok(figures)
}

async fn measure(
    args: &Args,
    base: &str,
    pid: &str,
    ticks: f64,
    holders: Vec<Holder>,
) -> anyhow::Result<Figures> {
    let client = reqwest::Client::builder()
        .no_proxy()
        .tcp_nodelay(true)
        .connect_timeout(Duration::from_secs(30))
        .pool_max_idle_per_host(4)
        .build()?;
    let up = Instant::now();
    loop {
        if let Ok(r) = client.get(format!("{base}/healthz")).send().await
            && r.status().is_success()
        {
            break;
        }
        if up.elapsed() > Duration::from_secs(120) {
            bail!("the server did not answer /healthz within 120 s");
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let start = sample(pid, ticks)?;
    let token = admin_token(&client, base).await?;
    println!(
        "server up (pid {pid}, {:.1} MiB resident); administrator signed in with TOTP",
        mib(start.rss_kib)
    );
    let url = format!("{base}/api/v1/notifications/stream");
    let shared = Arc::new(Shared::default());

    // Baseline: one stream, the same notices.
    let one = tokio::spawn(hold_stream(
        client.clone(),
        url.clone(),
        0,
        holders[0].clone(),
        Arc::clone(&shared),
        None,
    ));
    while shared.ready.load(Ordering::Relaxed) < 1 {
        if shared.failed.load(Ordering::Relaxed) > 0 {
            bail!(
                "the first stream failed: {:?}",
                shared.errors.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
            );
        }
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    let mut baseline = Vec::new();
    for r in 0..args.rounds {
        baseline.push(
            publish_round(&client, base, &token, &shared, &format!("baseline {}", r + 1), 1, pid, ticks)
                .await?,
        );
        tokio::time::sleep(Duration::from_secs(1)).await;
    }
    one.abort();
    let _ = one.await;
    tokio::time::sleep(Duration::from_secs(2)).await;

    // Nothing open.
    let idle0_start = sample(pid, ticks)?;
    tokio::time::sleep(Duration::from_secs(5)).await;
    let idle0 = sample(pid, ticks)?;
    let idle0_cpu_per_sec = (idle0.cpu_secs - idle0_start.cpu_secs) / 5.0;
    println!(
        "no stream open: {:.1} MiB resident, {} threads, {} fds",
        mib(idle0.rss_kib),
        idle0.threads,
        idle0.fds
    );

    // Open every stream, a bounded number at a time (each until its `ready`).
    let shared = Arc::new(Shared::default());
    let gate = Arc::new(Semaphore::new(args.open_concurrency));
    let mut tasks: Vec<JoinHandle<()>> = Vec::with_capacity(args.streams);
    let before_open = sample(pid, ticks)?;
    let started = Instant::now();
    for (i, holder) in holders.iter().enumerate() {
        let permit = Arc::clone(&gate).acquire_owned().await?;
        tasks.push(tokio::spawn(hold_stream(
            client.clone(),
            url.clone(),
            i,
            holder.clone(),
            Arc::clone(&shared),
            Some(permit),
        )));
    }
    let deadline = Instant::now() + Duration::from_secs(600);
    while shared.ready.load(Ordering::Relaxed) + shared.failed.load(Ordering::Relaxed) < args.streams {
        if Instant::now() > deadline {
            bail!("streams not ready after 600 s");
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    let open_secs = started.elapsed().as_secs_f64();
    let opened = sample(pid, ticks)?;
    let client_open = sample("self", ticks)?;
    let ready = shared.ready.load(Ordering::Relaxed);
    let failed = shared.failed.load(Ordering::Relaxed);
    println!(
        "opened {ready} streams in {open_secs:.1} s ({failed} failed): server {:.1} MiB resident, {} fds, \
         CPU {:.1} s for the opening",
        mib(opened.rss_kib),
        opened.fds,
        opened.cpu_secs - before_open.cpu_secs
    );
    if ready == 0 {
        bail!(
            "no stream opened: {:?}",
            shared.errors.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
        );
    }

    // Held, nothing happening.
    tokio::time::sleep(Duration::from_secs(2)).await;
    let held_start = sample(pid, ticks)?;
    tokio::time::sleep(Duration::from_secs(args.idle_secs)).await;
    let held = sample(pid, ticks)?;
    let held_cpu_per_sec = (held.cpu_secs - held_start.cpu_secs) / args.idle_secs as f64;
    let ended_while_idle = shared.ended.load(Ordering::Relaxed);
    println!(
        "held {} s: server {:.1} MiB resident ({:.1} anonymous), CPU {:.1} % of a core; {ended_while_idle} streams ended",
        args.idle_secs,
        mib(held.rss_kib),
        mib(held.rss_anon_kib),
        held_cpu_per_sec * 100.0
    );

    let mut rounds = Vec::new();
    for r in 0..args.rounds {
        let open_now = ready - shared.ended.load(Ordering::Relaxed);
        rounds.push(
            publish_round(&client, base, &token, &shared, &format!("round {}", r + 1), open_now, pid, ticks)
                .await?,
        );
        tokio::time::sleep(Duration::from_secs(3)).await;
    }
    let after_rounds = sample(pid, ticks)?;

    for task in &tasks {
        task.abort();
    }
    for task in tasks {
        let _ = task.await;
    }
    tokio::time::sleep(Duration::from_secs(3)).await;
    let closed = sample(pid, ticks)?;
    println!(
        "streams closed: server {:.1} MiB resident, peak {:.1} MiB",
        mib(closed.rss_kib),
        mib(closed.hwm_kib)
    );

    let mut ready_after: Vec<f64> = shared
        .ready_after
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .iter()
        .map(Duration::as_secs_f64)
        .collect();
    ready_after.sort_by(f64::total_cmp);
    let errors = shared.errors.lock().unwrap_or_else(std::sync::PoisonError::into_inner).clone();
    Ok(Figures {
        plain: None,
        server_version: None,
        seed_accounts_secs: 0.0,
        seed_sessions_secs: 0.0,
        database_bytes: 0,
        accounts: 0,
        start,
        idle0,
        idle0_cpu_per_sec,
        open_secs,
        opened: ProcSample { cpu_secs: opened.cpu_secs - before_open.cpu_secs, ..opened },
        ready_after,
        held,
        held_cpu_per_sec,
        idle_secs: args.idle_secs as f64,
        ended_while_idle,
        failed,
        resyncs: shared.resyncs.load(Ordering::Relaxed),
        wrong_words: shared.wrong_words.load(Ordering::Relaxed),
        baseline,
        rounds,
        after_rounds,
        closed,
        client_open,
        errors,
        server_log_warnings: 0,
    })
}

// ---------------------------------------------------------------------------------------------
// Reporting.

fn yes(met: bool) -> &'static str {
    if met { "yes" } else { "no" }
}

fn report(args: &Args, backend: &Backend, f: &Figures, cores: usize, load: &str) {
    let streams = f.ready_after.len();
    let per_stream_kib = (f.held.rss_kib as f64 - f.idle0.rss_kib as f64) / streams.max(1) as f64;
    let posts: Vec<f64> = f.rounds.iter().map(|r| r.post_secs).collect();
    let base_posts: Vec<f64> = f.baseline.iter().map(|r| r.post_secs).collect();
    let lasts: Vec<f64> = f.rounds.iter().map(Round::last).collect();
    let base_lasts: Vec<f64> = f.baseline.iter().map(Round::last).collect();
    let worst_post = posts.iter().copied().fold(0.0, f64::max);
    let worst_last = lasts.iter().copied().fold(0.0, f64::max);
    let missing: usize = f.rounds.iter().map(|r| r.missing).sum();
    println!();
    println!(
        "## {} — {} accounts, {streams} streams ({cores} cores, load average {load} at start{})",
        backend.label(),
        f.accounts,
        f.server_version.as_ref().map(|v| format!(", server {v}")).unwrap_or_default()
    );
    println!();
    println!("| figure | value | baseline | ratio | target | met |");
    println!("|---|---:|---:|---:|---|---|");
    println!(
        "| server resident memory, {streams} streams open (VmRSS) | {:.1} MiB | {:.1} MiB (no stream) | {:.2} | < {TARGET_RSS_MB:.0} MB | {} |",
        mib(f.held.rss_kib),
        mib(f.idle0.rss_kib),
        f.held.rss_kib as f64 / f.idle0.rss_kib.max(1) as f64,
        yes(mib(f.held.rss_kib) * 1.048_576 < TARGET_RSS_MB)
    );
    println!(
        "| of which anonymous (heap, stacks) | {:.1} MiB | {:.1} MiB | | | |",
        mib(f.held.rss_anon_kib),
        mib(f.idle0.rss_anon_kib)
    );
    println!("| added per open stream | {per_stream_kib:.1} KiB | | | | |");
    if let Some(p) = &f.plain {
        println!(
            "| comparison: added per plain keep-alive connection ({} held, one `GET /healthz` each, fresh server) | {:.1} KiB | | | | |",
            p.opened,
            p.per_connection_kib()
        );
    }
    println!(
        "| server CPU, streams held, nothing happening ({:.0} s) | {:.2} % of a core | {:.2} % (no stream) | | | |",
        f.idle_secs,
        f.held_cpu_per_sec * 100.0,
        f.idle0_cpu_per_sec * 100.0
    );
    println!(
        "| opening the streams (auth, counts, `ready`), {} at a time | {:.1} s, server CPU {:.1} s ({:.2} ms a stream) | | | | |",
        args.open_concurrency,
        f.open_secs,
        f.opened.cpu_secs,
        f.opened.cpu_secs * 1e3 / streams.max(1) as f64
    );
    println!(
        "| a stream's time to `ready` while opening: p50 / p99 / max | {:.0} / {:.0} / {:.0} ms | | | | |",
        percentile(&f.ready_after, 50.0) * 1e3,
        percentile(&f.ready_after, 99.0) * 1e3,
        f.ready_after.last().copied().unwrap_or(f64::NAN) * 1e3
    );
    println!(
        "| publishing: `POST /api/v1/admin/notices`, median of {} (worst) | {:.1} ms ({:.1}) | {:.1} ms (1 stream) | {:.2} | < {TARGET_PUBLISH_SECS:.0} s | {} |",
        posts.len(),
        median(&posts) * 1e3,
        worst_post * 1e3,
        median(&base_posts) * 1e3,
        median(&posts) / median(&base_posts),
        yes(worst_post < TARGET_PUBLISH_SECS)
    );
    for (i, r) in f.rounds.iter().enumerate() {
        println!(
            "| notice {}: from sending the POST to each stream having it, p50 / p99 / last | {:.0} / {:.0} / {:.0} ms ({} of {}) | {:.1} ms (1 stream) | {:.1} | < {TARGET_DELIVERY_SECS:.0} s | {} |",
            i + 1,
            r.pct(50.0) * 1e3,
            r.pct(99.0) * 1e3,
            r.last() * 1e3,
            r.delivered.len(),
            r.streams,
            median(&base_lasts) * 1e3,
            r.last() / median(&base_lasts),
            yes(r.missing == 0 && r.last() < TARGET_DELIVERY_SECS)
        );
    }
    for (i, r) in f.rounds.iter().enumerate() {
        println!(
            "| notice {}: CPU until the last had it (server / client) | {:.2} s / {:.2} s ({:.0} / {:.0} µs an event) | | | | |",
            i + 1,
            r.server_cpu_secs,
            r.client_cpu_secs,
            r.server_cpu_secs * 1e6 / r.delivered.len().max(1) as f64,
            r.client_cpu_secs * 1e6 / r.delivered.len().max(1) as f64
        );
    }
    println!(
        "| server resident memory after the notices / after closing the streams / peak | {:.1} / {:.1} / {:.1} MiB | | | | |",
        mib(f.after_rounds.rss_kib),
        mib(f.closed.rss_kib),
        mib(f.closed.hwm_kib)
    );
    println!();
    println!(
        "streams failed to open {}, ended while held {}, resync events {}, notices in the wrong words {}, \
         not delivered {missing}; server threads {} (no stream) / {} (streams open), fds {} / {}; \
         client {:.0} MiB resident; seeding {:.1} s (accounts) + {:.1} s (sessions), database {:.0} MiB; \
         server log warnings/errors {}; worst delivery {:.0} ms",
        f.failed,
        f.ended_while_idle,
        f.resyncs,
        f.wrong_words,
        f.idle0.threads,
        f.held.threads,
        f.idle0.fds,
        f.held.fds,
        mib(f.client_open.rss_kib),
        f.seed_accounts_secs,
        f.seed_sessions_secs,
        f.database_bytes as f64 / 1048576.0,
        f.server_log_warnings,
        worst_last * 1e3
    );
    for e in &f.errors {
        println!("  error: {e}");
    }
}

fn round_json(r: &Round) -> Value {
    json!({
        "streams": r.streams,
        "post_secs": r.post_secs,
        "delivered": r.delivered.len(),
        "missing": r.missing,
        "p50_secs": r.pct(50.0),
        "p90_secs": r.pct(90.0),
        "p99_secs": r.pct(99.0),
        "last_secs": r.last(),
        "server_cpu_secs": r.server_cpu_secs,
        "client_cpu_secs": r.client_cpu_secs,
        "window_secs": r.window_secs,
        "server_rss_after_kib": r.rss_after_kib,
    })
}

fn proc_json(p: &ProcSample) -> Value {
    json!({
        "rss_kib": p.rss_kib,
        "rss_anon_kib": p.rss_anon_kib,
        "rss_file_kib": p.rss_file_kib,
        "peak_rss_kib": p.hwm_kib,
        "threads": p.threads,
        "fds": p.fds,
    })
}

fn write_json(
    path: &Path,
    args: &Args,
    backend: &Backend,
    f: &Figures,
    cores: usize,
    load: &str,
) -> anyhow::Result<()> {
    let mut root: Value = std::fs::read_to_string(path)
        .ok()
        .and_then(|t| serde_json::from_str(&t).ok())
        .filter(Value::is_object)
        .unwrap_or_else(|| json!({}));
    root["benchmark"] = json!(
        "live notifications: SSE streams held and a policy notice to every account (crates/puerta/examples/sse_bench.rs)"
    );
    root["units"] = json!("seconds (wall clock) unless named; memory in KiB");
    root["runs"][backend.key()] = json!({
        "date": chrono::Utc::now().format("%Y-%m-%d").to_string(),
        "machine": {"cores": cores, "load_average_at_start": load},
        "backend": backend.label(),
        "server_version": f.server_version,
        "settings": {
            "accounts": f.accounts,
            "streams": args.streams,
            "rounds": args.rounds,
            "open_concurrency": args.open_concurrency,
            "idle_secs": args.idle_secs,
            "keep_alive_idle_secs": args.keep_alive_idle_secs,
            "server_env": args.server_env,
        },
        "seeding": {"accounts_secs": f.seed_accounts_secs, "sessions_secs": f.seed_sessions_secs, "database_bytes": f.database_bytes},
        "server": {
            "started": proc_json(&f.start),
            "no_stream": proc_json(&f.idle0),
            "no_stream_cpu_share": f.idle0_cpu_per_sec,
            "streams_opened": proc_json(&f.opened),
            "streams_held": proc_json(&f.held),
            "streams_held_cpu_share": f.held_cpu_per_sec,
            "after_notices": proc_json(&f.after_rounds),
            "streams_closed": proc_json(&f.closed),
        },
        "opening": {
            "secs": f.open_secs,
            "server_cpu_secs": f.opened.cpu_secs,
            "ready_p50_secs": percentile(&f.ready_after, 50.0),
            "ready_p99_secs": percentile(&f.ready_after, 99.0),
            "ready_max_secs": f.ready_after.last(),
            "opened": f.ready_after.len(),
            "failed": f.failed,
        },
        "ended_while_held": f.ended_while_idle,
        "resyncs": f.resyncs,
        "wrong_words": f.wrong_words,
        "baseline_one_stream": f.baseline.iter().map(round_json).collect::<Vec<_>>(),
        "rounds": f.rounds.iter().map(round_json).collect::<Vec<_>>(),
        "client_rss_kib_streams_open": f.client_open.rss_kib,
        "plain_connections": f.plain.as_ref().map(|p| json!({
            "opened": p.opened,
            "open_secs": p.open_secs,
            "server_cpu_secs": p.cpu_secs,
            "before": proc_json(&p.before),
            "held": proc_json(&p.held),
            "per_connection_kib": p.per_connection_kib(),
        })),
        "server_log_warnings": f.server_log_warnings,
    });
    std::fs::write(path, serde_json::to_string_pretty(&root)? + "\n")?;
    Ok(())
}
