//! The daily draw over a million requests, against a plain read of the same rows (issue 11,
//! item 10). See `bench/README.md` and the section "The daily draw over 1,000,000 requests" of
//! `docs/BENCHMARKS.md`.
//!
//! ```sh
//! cargo run --release --locked -p puerta --example draw_bench                 # SQLite in a temp dir
//! cargo run --release --locked -p puerta --example draw_bench -- --postgres postgres://postgres@127.0.0.1:5432/test
//! ```
//!
//! It opens a fresh database with `open_app` (migrated and seeded like `puerta serve`), creates
//! the draw of `DRAW_DATE` through the application (its secret sealed, its commitment fixed),
//! writes the requests by raw SQL in batches, freezes the draw, and then times, on the same
//! database in the same run: the plain read (the very query of `for_draw`, through a fresh
//! connection, three times before and three times after the draw) and `App::run_draw`, once.
//! Seeding and freezing are not part of the comparison. With `--postgres`, the run uses a new
//! database on that server, dropped at the end.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{Context, anyhow, bail};
use clap::Parser;
use puerta::settings::{SchedulingSettings, Settings};
use puerta_app::accounts::RequestContext;
use puerta_app::clock::SystemClock;
use puerta_app::{ConnectOptions, DatabaseUrl};
use puerta_domain::appointments::{DrawEntry, DrawInput, PublishedDraw, draw, inputs_digest, seed_from};
use secrecy::SecretString;
use serde_json::{Value, json};
use sqlx::{Connection, PgConnection, SqliteConnection};

/// The day drawn.
const DRAW_DATE: &str = "2026-12-07";
/// The section of `docs/BENCHMARKS.md` this benchmark owns.
const SECTION: &str = "## The daily draw over 1,000,000 requests";
/// The target: the draw, end to end, within this many times the plain read.
const TARGET_RATIO: f64 = 2.0;
/// Rows per INSERT statement and per seeding transaction.
const ROWS_PER_INSERT: usize = 2_000;
const ROWS_PER_TRANSACTION: usize = 100_000;

/// The query `AppointmentRequests::for_draw` sends (crates/puerta-store/src/appointments/requests.rs).
/// The run checks that it gives the same rows in the same order as `for_draw` itself.
const FOR_DRAW_SQL: &str = "SELECT id, draw_date, account_id, port_code, entry_id, \
    CAST(group_size AS BIGINT) AS group_size, registered_at, status, created_at \
    FROM appointment_requests WHERE draw_date = $1 AND status <> 'withdrawn' ORDER BY entry_id";

/// Group sizes and their share in permille: 1: 40 %, 2: 22 %, 3: 15 %, 4: 10 %, 5: 6 %, 6–10: 7 %.
const GROUP_SIZES: [(i64, u32); 10] =
    [(1, 400), (2, 220), (3, 150), (4, 100), (5, 60), (6, 30), (7, 20), (8, 10), (9, 5), (10, 5)];

#[derive(Parser, Debug)]
#[command(about = "The daily draw over many requests, against a plain read of the same rows")]
struct Args {
    /// How many requests the draw has.
    #[arg(long, default_value_t = 1_000_000)]
    requests: usize,
    /// Run on a fresh database created on this PostgreSQL server (dropped at the end); without
    /// it, SQLite in a temporary folder.
    #[arg(long)]
    postgres: Option<String>,
    /// Print only: leave `bench/draw.json` and `docs/BENCHMARKS.md` alone.
    #[arg(long)]
    no_write: bool,
    /// Write this run's figures (as in `bench/draw.json`) to this file instead, and leave
    /// `bench/draw.json` and `docs/BENCHMARKS.md` alone (the suite, `bench/run`, reads them).
    #[arg(long)]
    json: Option<PathBuf>,
    /// Seed of the generated requests (ports, group sizes, registration times, ids).
    #[arg(long, default_value_t = 1)]
    seed: u64,
}

/// One row as the plain read takes it: the columns of `for_draw`, no domain parsing.
#[derive(sqlx::FromRow)]
#[allow(dead_code)] // read to be held in memory, as `for_draw` holds them
struct PlainRow {
    id: String,
    draw_date: String,
    account_id: String,
    port_code: String,
    entry_id: String,
    group_size: i64,
    registered_at: i64,
    status: String,
    created_at: i64,
}

/// SplitMix64: small, fast and reproducible from `--seed` (the workspace's `rand` is not a
/// dependency of this crate).
struct SplitMix(u64);

impl SplitMix {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (n small next to 2^64; the bias is far below what matters here).
    fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n
    }

    fn uuid(&mut self) -> String {
        let bytes = ((u128::from(self.next_u64()) << 64) | u128::from(self.next_u64())).to_be_bytes();
        uuid::Builder::from_random_bytes(bytes).into_uuid().to_string()
    }

    fn hex32(&mut self) -> String {
        format!("{:016x}{:016x}", self.next_u64(), self.next_u64())
    }
}

/// Where the run's database is, and how to reach it with a plain connection.
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

    fn store_url(&self) -> DatabaseUrl {
        match self {
            Self::Sqlite { path } => DatabaseUrl::Sqlite(path.clone()),
            Self::Postgres { url, .. } => DatabaseUrl::Postgres(SecretString::from(url.clone())),
        }
    }
}

/// A plain connection of either backend.
enum Plain {
    Sqlite(SqliteConnection),
    Postgres(PgConnection),
}

impl Plain {
    async fn open(backend: &Backend, read_only: bool) -> anyhow::Result<Self> {
        Ok(match backend {
            Backend::Sqlite { path } => {
                let options = sqlx::sqlite::SqliteConnectOptions::new()
                    .filename(path)
                    .read_only(read_only)
                    .foreign_keys(true)
                    .busy_timeout(Duration::from_secs(30));
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

    /// The plain read: `sql` (`for_draw`'s query) into memory.
    async fn read_rows(&mut self, sql: &str) -> anyhow::Result<Vec<PlainRow>> {
        Ok(match self {
            Self::Sqlite(c) => sqlx::query_as::<_, PlainRow>(sql).bind(DRAW_DATE).fetch_all(c).await?,
            Self::Postgres(c) => sqlx::query_as::<_, PlainRow>(sql).bind(DRAW_DATE).fetch_all(c).await?,
        })
    }

    /// A number from `sql`, which takes the draw date as `$1`.
    async fn one_i64(&mut self, sql: &str) -> anyhow::Result<i64> {
        Ok(match self {
            Self::Sqlite(c) => sqlx::query_scalar::<_, i64>(sql).bind(DRAW_DATE).fetch_one(c).await?,
            Self::Postgres(c) => sqlx::query_scalar::<_, i64>(sql).bind(DRAW_DATE).fetch_one(c).await?,
        })
    }

    /// A number from `sql`, which takes no parameter.
    async fn count(&mut self, sql: &str) -> anyhow::Result<i64> {
        Ok(match self {
            Self::Sqlite(c) => sqlx::query_scalar::<_, i64>(sql).fetch_one(c).await?,
            Self::Postgres(c) => sqlx::query_scalar::<_, i64>(sql).fetch_one(c).await?,
        })
    }

    /// The query plan of the plain read, one line per step.
    async fn plan(&mut self) -> anyhow::Result<Vec<String>> {
        Ok(match self {
            Self::Sqlite(c) => {
                let rows: Vec<(i64, i64, i64, String)> =
                    sqlx::query_as(&format!("EXPLAIN QUERY PLAN {FOR_DRAW_SQL}"))
                        .bind(DRAW_DATE)
                        .fetch_all(c)
                        .await?;
                rows.into_iter().map(|r| r.3).collect()
            }
            Self::Postgres(c) => {
                let rows: Vec<(String,)> =
                    sqlx::query_as(&format!("EXPLAIN {FOR_DRAW_SQL}")).bind(DRAW_DATE).fetch_all(c).await?;
                rows.into_iter().map(|r| r.0).collect()
            }
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

fn app_err(e: puerta_app::AppError) -> anyhow::Error {
    anyhow!("{e:?}")
}

fn secs(d: Duration) -> f64 {
    d.as_secs_f64()
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

/// 1234567 → "1,234,567".
fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

struct Machine {
    cores: usize,
    mem_gib: f64,
    arch: String,
    date: String,
    load_at_start: String,
}

impl Machine {
    fn now() -> Self {
        let cores = std::thread::available_parallelism().map_or(0, std::num::NonZeroUsize::get);
        let mem_gib = std::fs::read_to_string("/proc/meminfo")
            .ok()
            .and_then(|m| {
                m.lines()
                    .find(|l| l.starts_with("MemTotal:"))
                    .and_then(|l| l.split_whitespace().nth(1))
                    .and_then(|kib| kib.parse::<f64>().ok())
            })
            .map_or(f64::NAN, |kib| kib / 1024.0 / 1024.0);
        let arch = std::process::Command::new("uname")
            .arg("-m")
            .output()
            .ok()
            .and_then(|o| String::from_utf8(o.stdout).ok())
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| std::env::consts::ARCH.to_string());
        let load_at_start = std::fs::read_to_string("/proc/loadavg")
            .ok()
            .and_then(|l| l.split_whitespace().next().map(str::to_string))
            .unwrap_or_else(|| "?".into());
        Self { cores, mem_gib, arch, date: chrono::Utc::now().format("%Y-%m-%d").to_string(), load_at_start }
    }
}

/// Everything measured in one run.
struct Figures {
    requests: usize,
    seed_secs: f64,
    analyze_secs: f64,
    freeze_secs: f64,
    reads_before: Vec<f64>,
    reads_after: Vec<f64>,
    rows_read: usize,
    draw_secs: f64,
    summary_requests: usize,
    groups_placed: usize,
    places_offered: u32,
    appointments_rows: i64,
    appointments_places: i64,
    outbox_rows: i64,
    plan: Vec<String>,
    breakdown: Breakdown,
    server: Option<String>,
}

impl Figures {
    fn reads(&self) -> Vec<f64> {
        self.reads_before.iter().chain(&self.reads_after).copied().collect()
    }

    fn baseline(&self) -> f64 {
        median(&self.reads())
    }

    fn ratio(&self) -> f64 {
        self.draw_secs / self.baseline()
    }

    fn met(&self) -> bool {
        self.ratio() <= TARGET_RATIO
    }
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    if args.requests == 0 {
        bail!("--requests must be at least 1");
    }
    let machine = Machine::now();
    let dir = tempfile::tempdir().context("cannot make a temporary folder")?;
    let backend = match &args.postgres {
        None => Backend::Sqlite { path: dir.path().join("puerta.db") },
        Some(admin_url) => {
            let database =
                format!("puerta_draw_bench_{}_{}", std::process::id(), chrono::Utc::now().timestamp());
            let mut url = url::Url::parse(admin_url).context("--postgres is not a URL")?;
            url.set_path(&format!("/{database}"));
            let mut admin = PgConnection::connect(admin_url).await.context("cannot reach --postgres")?;
            sqlx::raw_sql(&format!("CREATE DATABASE \"{database}\"")).execute(&mut admin).await?;
            admin.close().await?;
            Backend::Postgres { url: url.to_string(), admin_url: admin_url.clone(), database }
        }
    };
    println!(
        "draw_bench: {} requests, {}, seed {}; {} cores, {:.1} GiB, {}, load average {} at start",
        thousands(args.requests as u64),
        backend.label(),
        args.seed,
        machine.cores,
        machine.mem_gib,
        machine.arch,
        machine.load_at_start
    );
    let outcome = run(&args, &backend, dir.path()).await;
    if let Backend::Postgres { admin_url, database, .. } = &backend {
        let mut admin = PgConnection::connect(admin_url).await?;
        sqlx::raw_sql(&format!("DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)"))
            .execute(&mut admin)
            .await?;
        admin.close().await?;
    }
    let figures = outcome?;
    print_table(&figures, &backend);
    if let Some(path) = &args.json {
        write_json(path, &args, &machine, &backend, &figures)?;
        println!("wrote {}", path.display());
        return Ok(());
    }
    if args.no_write {
        println!("--no-write: bench/draw.json and docs/BENCHMARKS.md left alone");
        return Ok(());
    }
    let root = workspace_root();
    write_json(&root.join("bench/draw.json"), &args, &machine, &backend, &figures)?;
    write_docs(&root.join("docs/BENCHMARKS.md"), &machine, &backend, &figures)?;
    println!("wrote bench/draw.json and the {} part of docs/BENCHMARKS.md", backend.label());
    Ok(())
}

fn workspace_root() -> PathBuf {
    // crates/puerta → the workspace.
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

async fn run(args: &Args, backend: &Backend, data_dir: &Path) -> anyhow::Result<Figures> {
    let settings = Settings {
        data_dir: data_dir.to_path_buf(),
        database_url: match backend {
            Backend::Sqlite { path } => Some(SecretString::from(format!("sqlite://{}", path.display()))),
            Backend::Postgres { url, .. } => Some(SecretString::from(url.clone())),
        },
        // Cheap hashing: no password is hashed here anyway.
        password_hash_memory_kib: 1024,
        password_hash_iterations: 1,
        scheduling: SchedulingSettings { scheduler: false, ..SchedulingSettings::default() },
        ..Settings::default()
    };
    let (app, _report) = puerta::startup::open_app(&settings, Arc::new(SystemClock)).await?;
    let ctx = RequestContext::default();
    // Creates the draw through the application (a real sealed secret and its commitment) and
    // keeps San Ysidro at its default 300 places; the other ports get theirs at the freeze.
    app.set_draw_capacity(&ctx, None, "SYS", DRAW_DATE, 300).await.map_err(app_err)?;

    let mut conn = Plain::open(backend, false).await?;
    let started = Instant::now();
    seed_requests(&mut conn, args.requests, args.seed).await?;
    let seed_secs = secs(started.elapsed());
    println!("seeded {} requests in {seed_secs:.1} s", thousands(args.requests as u64));

    // A settled database: planner statistics (and, on PostgreSQL, the visibility map and hint
    // bits that a first read would otherwise write).
    let started = Instant::now();
    match backend {
        Backend::Sqlite { .. } => conn.execute("ANALYZE").await?,
        Backend::Postgres { .. } => conn.execute("VACUUM (ANALYZE) appointment_requests").await?,
    }
    let analyze_secs = secs(started.elapsed());

    let date = chrono::NaiveDate::parse_from_str(DRAW_DATE, "%Y-%m-%d")?;
    let started = Instant::now();
    if !app.freeze_draw(date).await.map_err(app_err)? {
        bail!("the draw of {DRAW_DATE} was not open");
    }
    let freeze_secs = secs(started.elapsed());
    if let Backend::Sqlite { .. } = backend {
        // The WAL back into the database file, as after any quiet moment.
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").await?;
    }
    let plan = conn.plan().await?;
    let server = match backend {
        Backend::Sqlite { .. } => None,
        Backend::Postgres { .. } => match &mut conn {
            Plain::Postgres(c) => {
                Some(sqlx::query_scalar::<_, String>("SHOW server_version").fetch_one(c).await?)
            }
            Plain::Sqlite(_) => None,
        },
    };
    conn.close().await?;
    println!("froze the draw in {freeze_secs:.2} s; measuring");

    let mut rows_read = 0;
    let mut read_order = 0;
    let mut reads_before = Vec::new();
    for _ in 0..3 {
        let (t, n, order) = plain_read(backend, FOR_DRAW_SQL).await?;
        rows_read = n;
        read_order = order;
        reads_before.push(t);
        println!("  plain read: {t:.3} s ({} rows)", thousands(n as u64));
    }
    if rows_read != args.requests {
        bail!("the plain read saw {rows_read} rows, not {}", args.requests);
    }

    let started = Instant::now();
    let summary = app.run_draw(&ctx, DRAW_DATE).await.map_err(app_err)?;
    let draw_secs = secs(started.elapsed());
    println!(
        "  the draw: {draw_secs:.3} s ({} requests, {} groups placed, {} places offered)",
        thousands(summary.requests as u64),
        summary.groups_placed,
        summary.places_offered
    );

    let mut reads_after = Vec::new();
    for _ in 0..3 {
        let (t, _, _) = plain_read(backend, FOR_DRAW_SQL).await?;
        reads_after.push(t);
        println!("  plain read: {t:.3} s");
    }

    // What the draw wrote, from the database.
    let mut conn = Plain::open(backend, true).await?;
    let appointments_rows = conn.one_i64("SELECT COUNT(*) FROM appointments WHERE draw_date = $1").await?;
    let appointments_places = conn
        .one_i64("SELECT CAST(COALESCE(SUM(places), 0) AS BIGINT) FROM appointments WHERE draw_date = $1")
        .await?;
    let outbox_rows = conn.count("SELECT COUNT(*) FROM outbox").await?;
    conn.close().await?;

    let breakdown = breakdown(backend).await?;
    if breakdown.order != read_order {
        bail!("the plain read no longer gives `for_draw`'s rows in its order: update FOR_DRAW_SQL");
    }
    app.close().await;

    Ok(Figures {
        requests: args.requests,
        seed_secs,
        analyze_secs,
        freeze_secs,
        reads_before,
        reads_after,
        rows_read,
        draw_secs,
        summary_requests: summary.requests,
        groups_placed: summary.groups_placed,
        places_offered: summary.places_offered,
        appointments_rows,
        appointments_places,
        outbox_rows,
        plan,
        breakdown,
        server,
    })
}

/// One plain read through a fresh connection: the time of the query into memory (connecting
/// and freeing the rows are outside it).
async fn plain_read(backend: &Backend, sql: &str) -> anyhow::Result<(f64, usize, u64)> {
    let mut conn = Plain::open(backend, true).await?;
    let started = Instant::now();
    let rows = conn.read_rows(sql).await?;
    let t = secs(started.elapsed());
    let order = fingerprint(rows.iter().map(|r| r.id.as_str()));
    let n = rows.len();
    drop(rows);
    conn.close().await?;
    Ok((t, n, order))
}

/// Which rows, in which order (to check that the plain read is `for_draw`'s).
fn fingerprint<'a>(ids: impl Iterator<Item = &'a str>) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::hash::DefaultHasher::new();
    for id in ids {
        id.hash(&mut hasher);
    }
    hasher.finish()
}

/// One account, then `n` requests for `DRAW_DATE` in multi-row INSERTs (values written in the
/// SQL text: they are all digits, hex and fixed codes).
async fn seed_requests(conn: &mut Plain, n: usize, seed: u64) -> anyhow::Result<()> {
    let mut rng = SplitMix(seed);
    let day = chrono::NaiveDate::parse_from_str(DRAW_DATE, "%Y-%m-%d")?;
    let midnight = day.and_hms_opt(0, 0, 0).context("midnight")?.and_utc().timestamp_millis();
    let year_ms: u64 = 365 * 24 * 3600 * 1000;
    // The window of the day (12:00–23:59 New York ≈ 17:00–05:00 UTC).
    let window_start = midnight + 17 * 3600 * 1000;
    let window_ms: u64 = 12 * 3600 * 1000;
    let account = rng.uuid();
    conn.execute(&format!(
        "INSERT INTO users (id, email, email_verified_at, password_hash, full_name, language, role, \
         created_at, updated_at) VALUES ('{account}', 'draw-bench@example.org', {midnight}, \
         '$argon2id$v=19$m=19456,t=2,p=1$YmVuY2hzYWx0$YmVuY2hoYXNo', 'Draw Bench', 'en', 'traveler', \
         {midnight}, {midnight})"
    ))
    .await?;
    let ports: Vec<(String, u64)> = puerta_domain::ports::reference_ports()
        .into_iter()
        .map(|p| (p.code.as_str().to_string(), u64::from(p.daily_capacity.get())))
        .collect();
    let total_places: u64 = ports.iter().map(|p| p.1).sum();
    let mut written = 0;
    while written < n {
        conn.execute("BEGIN").await?;
        let tx_end = (written + ROWS_PER_TRANSACTION).min(n);
        while written < tx_end {
            let batch_end = (written + ROWS_PER_INSERT).min(tx_end);
            let mut sql = String::with_capacity(160 * (batch_end - written) + 200);
            sql.push_str(
                "INSERT INTO appointment_requests (id, draw_date, account_id, port_code, entry_id, group_size, \
                 registered_at, status, created_at, updated_at) VALUES ",
            );
            for i in written..batch_end {
                let mut pick = rng.below(total_places);
                let mut port = ports[0].0.as_str();
                for (code, places) in &ports {
                    if pick < *places {
                        port = code;
                        break;
                    }
                    pick -= places;
                }
                let mut pick = u32::try_from(rng.below(1000))?;
                let mut group = 1;
                for (size, permille) in GROUP_SIZES {
                    if pick < permille {
                        group = size;
                        break;
                    }
                    pick -= permille;
                }
                let registered_at = midnight - 1 - i64::try_from(rng.below(year_ms))?;
                let created_at = window_start + i64::try_from(rng.below(window_ms))?;
                let (id, entry) = (rng.uuid(), rng.hex32());
                if i > written {
                    sql.push(',');
                }
                sql.push_str(&format!(
                    "('{id}','{DRAW_DATE}','{account}','{port}','{entry}',{group},{registered_at},'requested',\
                     {created_at},{created_at})"
                ));
            }
            conn.execute(&sql).await?;
            written = batch_end;
        }
        conn.execute("COMMIT").await?;
    }
    Ok(())
}

/// Where `run_draw`'s time goes, step by step, by doing its in-memory steps again here on the
/// same rows (through the store, as the application reads them). The draw is run with a stand-in
/// secret: the work is the same whatever the secret.
async fn breakdown(backend: &Backend) -> anyhow::Result<Breakdown> {
    let store = puerta_app::connect(&backend.store_url(), &ConnectOptions::default()).await?;
    let mut steps = Vec::new();
    let started = Instant::now();
    let mut read = store.read().await?;
    let rows = read.appointment_requests().for_draw(DRAW_DATE).await?;
    let capacity = read.scheduling().capacity(DRAW_DATE).await?;
    drop(read);
    steps.push(("read into the store's records (`for_draw`)", secs(started.elapsed())));
    let order = fingerprint(rows.iter().map(|r| r.id.as_str()));

    let started = Instant::now();
    let input = DrawInput {
        entries: rows
            .iter()
            .map(|r| DrawEntry {
                id: r.entry_id.clone(),
                port: r.port_code.clone(),
                group_size: u32::try_from(r.group_size).unwrap_or(0),
                registered_at: r.registered_at,
            })
            .collect(),
        capacity: capacity
            .iter()
            .map(|c| (c.port_code.clone(), u32::try_from(c.places).unwrap_or(0)))
            .collect::<BTreeMap<_, _>>(),
        oldest_share_permille: 500,
    };
    steps.push(("the draw's inputs from the records (`input_of`)", secs(started.elapsed())));

    let started = Instant::now();
    let digest = inputs_digest(&input);
    steps.push(("inputs digest (`inputs_digest`)", secs(started.elapsed())));

    let seed = seed_from(&[7u8; 32], &digest, None);
    let started = Instant::now();
    let outcome = draw(&input, &seed).map_err(|e| anyhow!("{e:?}"))?;
    steps.push(("the draw itself (`draw`: checks, sort, shuffle, waitlists)", secs(started.elapsed())));
    drop(outcome);

    let started = Instant::now();
    let published = PublishedDraw::run(DRAW_DATE, &[7u8; 32], input, None).map_err(|e| anyhow!("{e:?}"))?;
    steps.push(("`PublishedDraw::run` (digest + draw, as `publish` calls it)", secs(started.elapsed())));

    let started = Instant::now();
    let by_entry: HashMap<&str, (&str, &str)> =
        rows.iter().map(|r| (r.entry_id.as_str(), (r.id.as_str(), r.account_id.as_str()))).collect();
    steps.push(("entry → request map", secs(started.elapsed())));

    let started = Instant::now();
    drop(by_entry);
    drop(published);
    drop(rows);
    steps.push(("freeing the rows, inputs, publication and map", secs(started.elapsed())));
    store.close().await;
    Ok(Breakdown { steps, order })
}

/// Where the draw's time goes.
struct Breakdown {
    steps: Vec<(&'static str, f64)>,
    /// The fingerprint of `for_draw`'s rows in its order.
    order: u64,
}

fn print_table(f: &Figures, backend: &Backend) {
    let reads = f.reads();
    let (min, max) =
        (reads.iter().copied().fold(f64::INFINITY, f64::min), reads.iter().copied().fold(0.0, f64::max));
    println!();
    println!(
        "{:<44} {:>10}",
        format!("{} — {} requests", backend.label(), thousands(f.requests as u64)),
        "seconds"
    );
    println!(
        "{:<44} {:>10.3}   (min {min:.3}, max {max:.3}, 6 reads)",
        "plain read, median (baseline)",
        f.baseline()
    );
    println!(
        "{:<44} {:>10.3}   ratio {:.2} (target ≤ {TARGET_RATIO:.0}): {}",
        "the draw end to end (run_draw)",
        f.draw_secs,
        f.ratio(),
        if f.met() { "met" } else { "NOT met" }
    );
    println!("{:<44} {:>10.3}   (not compared)", "freeze (inputs and digest)", f.freeze_secs);
    println!("{:<44} {:>10.1}   (not timed against the target)", "seeding", f.seed_secs);
    println!(
        "groups placed {}, places offered {}, offers in the database {} ({} places), notices queued {}",
        f.groups_placed, f.places_offered, f.appointments_rows, f.appointments_places, f.outbox_rows
    );
    println!("where the draw's time goes (its in-memory steps redone on the same rows):");
    let mut accounted = 0.0;
    for (step, t) in &f.breakdown.steps {
        if !step.starts_with("`PublishedDraw::run`") {
            accounted += t;
        }
        println!("  {step:<62} {t:>8.3} s");
    }
    println!(
        "  {:<62} {:>8.3} s",
        "the rest (claim, per-group writes and notices, commit)",
        f.draw_secs - accounted
    );
    println!("query plan of the read: {}", f.plan.join(" / "));
}

fn write_json(path: &Path, args: &Args, m: &Machine, backend: &Backend, f: &Figures) -> anyhow::Result<()> {
    let mut root: Value = std::fs::read_to_string(path)
        .ok()
        .and_then(|t| serde_json::from_str(&t).ok())
        .filter(Value::is_object)
        .unwrap_or_else(|| json!({}));
    root["benchmark"] =
        json!("the daily draw against a plain read of its rows (crates/puerta/examples/draw_bench.rs)");
    root["units"] = json!("seconds (wall clock) unless named");
    let run = json!({
        "date": m.date,
        "machine": {
            "cores": m.cores,
            "memory_gib": (m.mem_gib * 10.0).round() / 10.0,
            "arch": m.arch,
            "load_average_at_start": m.load_at_start,
        },
        "backend": backend.label(),
        "server_version": f.server,
        "settings": {
            "requests": f.requests,
            "seed": args.seed,
            "draw_date": DRAW_DATE,
            "ports": 8,
            "places": 1450,
            "group_sizes_permille": GROUP_SIZES.iter().map(|(s, p)| json!([s, p])).collect::<Vec<_>>(),
        },
        "query": FOR_DRAW_SQL,
        "query_plan": f.plan,
        "seeding_secs": f.seed_secs,
        "analyze_secs": f.analyze_secs,
        "freeze_secs": f.freeze_secs,
        "plain_read": {
            "rows": f.rows_read,
            "before_draw_secs": f.reads_before,
            "after_draw_secs": f.reads_after,
            "median_secs": f.baseline(),
        },
        "draw": {
            "secs": f.draw_secs,
            "requests": f.summary_requests,
            "groups_placed": f.groups_placed,
            "places_offered": f.places_offered,
            "appointments_rows": f.appointments_rows,
            "appointments_places": f.appointments_places,
            "notices_queued": f.outbox_rows,
        },
        "ratio": f.ratio(),
        "target_ratio": TARGET_RATIO,
        "met": f.met(),
        "breakdown_secs": f.breakdown.steps.iter().map(|(k, v)| json!({"step": k, "secs": v})).collect::<Vec<_>>(),
    });
    root["runs"][backend.key()] = run;
    std::fs::write(path, serde_json::to_string_pretty(&root)? + "\n")?;
    Ok(())
}

/// What the section says before the figures (wrapped like the rest of the file).
const INTRO: &str = r#"Figures from `crates/puerta/examples/draw_bench.rs` (issue 11, item 10): how long the whole
daily draw takes, end to end from the database, next to the least any program must spend to see
its inputs, a plain read of the same rows. The example opens a fresh database with `open_app`
(migrated and seeded as `puerta serve` does), creates the draw of 2026-12-07 through the
application (secret sealed, commitment fixed), writes the requests by raw SQL in multi-row
INSERTs (one account; the eight reference ports weighted by their places, 1,450 in all; group
sizes 1: 40 %, 2: 22 %, 3: 15 %, 4: 10 %, 5: 6 %, 6–10: 7 %; registration times over the
previous 12 months; no traveler rows), updates the planner's statistics (`ANALYZE`;
`VACUUM (ANALYZE)` on PostgreSQL) and freezes the draw (`App::freeze_draw`: places per port and
the inputs' digest). None of that is compared. Then, on the same database in the same run:

- **baseline**: the query `AppointmentRequests::for_draw` sends (`SELECT id, draw_date,
  account_id, port_code, entry_id, CAST(group_size AS BIGINT), registered_at, status, created_at
  FROM appointment_requests WHERE draw_date = $1 AND status <> 'withdrawn' ORDER BY entry_id`)
  into a `Vec` of plain rows through a fresh connection, 3 times before the draw and 3 times
  after; the median of the six (connecting and freeing the rows are not counted). The run checks
  that it gives the rows `for_draw` gives, in the same order;
- **the draw**: `App::run_draw`, timed once (a day is drawn once): claim the draw, read its rows
  into the store's records, recompute the digest and check it, run the draw, then for each placed
  group hold its places, write its offer, mark its request and queue its notice; audit; commit.

The breakdown redoes the draw's in-memory steps on the same rows after the run (with a stand-in
secret: the work does not depend on it); "the rest" is the draw's time minus those steps, so it
is only as good as the two timings of the read agree (a few tenths of a second).

Reproduce (a release build of the workspace takes several minutes on two cores; each run adds
about a minute of seeding):

```sh
cargo run --release --locked -p puerta --example draw_bench          # SQLite in a temporary folder
cargo run --release --locked -p puerta --example draw_bench -- --postgres postgres://postgres@127.0.0.1:5432/test
```

(`--requests N`, `--seed S`, `--no-write`; raw figures in `bench/draw.json`. With `--postgres`
the run creates a database of its own on that server and drops it at the end.)
"#;

fn subsection(m: &Machine, backend: &Backend, f: &Figures) -> String {
    let reads = f.reads();
    let min = reads.iter().copied().fold(f64::INFINITY, f64::min);
    let max = reads.iter().copied().fold(0.0, f64::max);
    let label = match &f.server {
        Some(v) => format!("{} {}", backend.label(), v.split_whitespace().next().unwrap_or(v)),
        None => backend.label().to_string(),
    };
    let mut s = format!(
        "### {} — {} cores, {:.1} GiB, {} (load average {} at start), {}\n\n",
        m.date, m.cores, m.mem_gib, m.arch, m.load_at_start, label
    );
    s.push_str(&format!(
        "{} requests ({} rows read), {} groups placed, {} places offered (offers in the database: \
         {}, holding {} places; {} notices queued).\n\n",
        thousands(f.requests as u64),
        thousands(f.rows_read as u64),
        thousands(f.groups_placed as u64),
        thousands(u64::from(f.places_offered)),
        thousands(u64::try_from(f.appointments_rows).unwrap_or(0)),
        thousands(u64::try_from(f.appointments_places).unwrap_or(0)),
        thousands(u64::try_from(f.outbox_rows).unwrap_or(0)),
    ));
    s.push_str(
        "| figure | value | unit | baseline | ratio | target | met |\n|---|---:|---|---:|---:|---|---|\n",
    );
    s.push_str(&format!(
        "| plain read of the rows (baseline; median of 6, min {min:.3}, max {max:.3}) | {:.3} | s | — | 1.00 | — | — |\n",
        f.baseline()
    ));
    s.push_str(&format!(
        "| the draw end to end (`run_draw`) | {:.3} | s | {:.3} | {:.2} | ≤ 2× the read | {} |\n",
        f.draw_secs,
        f.baseline(),
        f.ratio(),
        if f.met() { "yes" } else { "**no**" }
    ));
    s.push_str(&format!(
        "| freezing the draw (`freeze_draw`; not compared) | {:.3} | s | {:.3} | {:.2} | — | — |\n",
        f.freeze_secs,
        f.baseline(),
        f.freeze_secs / f.baseline()
    ));
    s.push_str(&format!(
        "| seeding the requests (not compared) | {:.1} | s | — | — | — | — |\n\n",
        f.seed_secs
    ));
    s.push_str("Where the draw's time goes (its in-memory steps redone on the same rows):\n\n");
    s.push_str("| step | seconds | share of the draw |\n|---|---:|---:|\n");
    let mut accounted = 0.0;
    for (step, t) in &f.breakdown.steps {
        if step.starts_with("`PublishedDraw::run`") {
            continue; // the sum of the two steps before it
        }
        accounted += t;
        s.push_str(&format!("| {step} | {t:.3} | {:.0} % |\n", 100.0 * t / f.draw_secs));
    }
    let rest = f.draw_secs - accounted;
    if rest >= 0.0 {
        s.push_str(&format!(
            "| the rest: claim, per-group writes and notices, audit, commit | {rest:.3} | {:.0} % |\n\n",
            100.0 * rest / f.draw_secs
        ));
    } else {
        s.push_str(&format!(
            "| the rest: claim, per-group writes and notices, audit, commit | ≈ 0 (the steps redone took \
             {:.3} s more than the whole draw) | — |\n\n",
            -rest
        ));
    }
    s.push_str(&format!("Query plan of the read: `{}`.\n", f.plan.join(" / ")));
    s
}

/// Replaces this backend's part of the section (or the whole section when missing), keeping
/// every other section and the other backend's part as they are.
fn write_docs(path: &Path, m: &Machine, backend: &Backend, f: &Figures) -> anyhow::Result<()> {
    let text = std::fs::read_to_string(path)?;
    let start = if text.starts_with(&format!("{SECTION}\n")) {
        Some(0)
    } else {
        text.find(&format!("\n{SECTION}\n")).map(|i| i + 1)
    };
    let (before, existing, after) = match start {
        Some(start) => {
            let end = text[start + SECTION.len()..]
                .find("\n## ")
                .map_or(text.len(), |i| start + SECTION.len() + i + 1);
            (&text[..start], &text[start..end], &text[end..])
        }
        None => (text.as_str(), "", ""),
    };
    // The other backend's part, as it stands.
    let mut parts: Vec<(usize, String)> = Vec::new();
    for chunk in existing.split("\n### ").skip(1) {
        let heading = chunk.lines().next().unwrap_or_default();
        let order = if heading.contains(", SQLite") {
            0
        } else if heading.contains(", PostgreSQL") {
            1
        } else {
            2
        };
        let this = match backend {
            Backend::Sqlite { .. } => 0,
            Backend::Postgres { .. } => 1,
        };
        if order != this {
            parts.push((order, format!("### {}\n", chunk.trim_end())));
        }
    }
    parts.push((
        match backend {
            Backend::Sqlite { .. } => 0,
            Backend::Postgres { .. } => 1,
        },
        subsection(m, backend, f),
    ));
    parts.sort_by_key(|p| p.0);
    let mut section = format!("{SECTION}\n\n{INTRO}");
    for (_, part) in parts {
        section.push('\n');
        section.push_str(&part);
    }
    let mut out = String::new();
    out.push_str(before);
    if start.is_none() {
        if !out.ends_with('\n') {
            out.push('\n');
        }
        out.push('\n');
    }
    out.push_str(&section);
    if !after.is_empty() {
        out.push('\n');
        out.push_str(after);
    }
    std::fs::write(path, out)?;
    Ok(())
}
