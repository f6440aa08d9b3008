//! Travelers seeded by SQL for the surge and dashboard scenarios: for each, exactly what
//! `POST /api/v1/appointment-requests` needs to succeed for that account (see
//! `App::request_appointment` and `App::travelers_to_schedule` in
//! crates/puerta-app/src/appointments/requests.rs):
//!
//! - an account: verified, live, role `traveler`, a real argon2id password hash (so that the
//!   sign-in storm signs in for real);
//! - a bearer session (and, on request, a cookie session) whose token the bench derives from the
//!   traveler's number, stored as its SHA-256 hex exactly as `App::open_session` writes it;
//! - the account holder's traveler profile, a submitted application and an open case (status
//!   `received`) with a valid reference number (the store checks its Damm digit on every read).
//!
//! Writing these one use case at a time through the API would take longer than the scenarios
//! themselves (argon2 per registration), so the rows are written in bulk: the values only Rust
//! can make (random ids, token hashes, check digits) go into a temporary staging table by big
//! multi-row INSERTs, then one `INSERT … SELECT` per real table copies them over, the same SQL on
//! SQLite and PostgreSQL.

use std::fmt::Write as _;
use std::sync::OnceLock;

use anyhow::Context;

use crate::db::{Backend, Plain, now_ms, sha256_hex};

/// The password of every seeded account (the sign-in storm types it).
pub const PASSWORD: &str = "a long river of stars at the border";

/// Rows per staging INSERT: large enough that statement overhead vanishes, small enough that one
/// statement's text stays a few megabytes.
const BATCH: u64 = 5_000;

/// Which travelers to seed: numbers `first..first + count` (numbers are global to a database,
/// so separate sets never share an account, an email or a reference number).
#[derive(Debug, Clone, Copy)]
pub struct Spec {
    pub first: u64,
    pub count: u64,
    /// Also a page (cookie) session for each.
    pub cookie: bool,
}

/// A seeded set: derives each traveler's tokens and email from its number.
#[derive(Debug, Clone)]
pub struct Travelers {
    /// Random per run: tokens cannot be guessed from another run's.
    nonce: String,
    pub first: u64,
    pub count: u64,
}

impl Travelers {
    /// The `k`-th traveler of the set (0-based).
    fn number(&self, k: u64) -> u64 {
        self.first + k
    }

    /// The bearer token of the `k`-th traveler.
    pub fn bearer(&self, k: u64) -> String {
        format!("{}b{}", self.nonce, self.number(k))
    }

    /// The page session token of the `k`-th traveler (seeded only with `Spec::cookie`).
    pub fn cookie(&self, k: u64) -> String {
        format!("{}c{}", self.nonce, self.number(k))
    }

    pub fn email(&self, k: u64) -> String {
        email(self.number(k))
    }
}

fn email(number: u64) -> String {
    format!("traveler{number}@bench.example.org")
}

/// One argon2id hash of [`PASSWORD`] with Puerta's default parameters (19 MiB, 2 iterations, 1
/// lane, `HashingLimits::default`), computed once per process and shared by every seeded
/// account: verifying it costs the server exactly what a real account's would.
pub fn password_hash() -> anyhow::Result<String> {
    static HASH: OnceLock<String> = OnceLock::new();
    if let Some(h) = HASH.get() {
        return Ok(h.clone());
    }
    use argon2::password_hash::{PasswordHasher as _, SaltString};
    let params = argon2::Params::new(19 * 1024, 2, 1, None).map_err(|e| anyhow::anyhow!("argon2: {e}"))?;
    let salt =
        SaltString::encode_b64(&rand::random::<[u8; 16]>()).map_err(|e| anyhow::anyhow!("salt: {e}"))?;
    let hash = argon2::Argon2::new(argon2::Algorithm::Argon2id, argon2::Version::V0x13, params)
        .hash_password(PASSWORD.as_bytes(), &salt)
        .map_err(|e| anyhow::anyhow!("argon2: {e}"))?
        .to_string();
    Ok(HASH.get_or_init(|| hash).clone())
}

/// A random version-4 UUID in its usual text form (the ids `puerta_app::ids` makes): random keys,
/// so the B-trees the server searches look like production's, not like a sequence.
fn uuid() -> String {
    let mut x = rand::random::<u128>();
    x = (x & !(0xf << 76)) | (0x4 << 76);
    x = (x & !(0x3 << 62)) | (0x2 << 62);
    let h = format!("{x:032x}");
    format!("{}-{}-{}-{}-{}", &h[..8], &h[8..12], &h[12..16], &h[16..20], &h[20..])
}

/// Damm's table (crates/puerta-domain/src/cases/damm.rs), for reference numbers that read back.
const DAMM: [[u8; 10]; 10] = [
    [0, 3, 1, 7, 5, 9, 8, 6, 4, 2],
    [7, 0, 9, 2, 1, 5, 4, 8, 6, 3],
    [4, 2, 0, 6, 8, 7, 1, 3, 5, 9],
    [1, 7, 5, 0, 9, 8, 3, 4, 2, 6],
    [6, 1, 2, 3, 0, 4, 5, 9, 7, 8],
    [3, 6, 7, 4, 2, 0, 9, 5, 8, 1],
    [5, 8, 6, 9, 7, 2, 0, 1, 3, 4],
    [8, 9, 4, 5, 3, 6, 2, 0, 1, 7],
    [9, 4, 3, 8, 6, 1, 7, 2, 0, 5],
    [2, 5, 8, 1, 4, 3, 6, 7, 9, 0],
];

/// `BEN` + the traveler's number in nine digits + its Damm check digit: unique per traveler and
/// never equal to one Puerta draws (its prefix is `PUE`).
fn reference(number: u64) -> String {
    let digits = format!("{:09}", number % 1_000_000_000);
    let check = digits.bytes().fold(0u8, |state, d| DAMM[usize::from(state)][usize::from(d - b'0')]);
    format!("BEN{digits}{check}")
}

/// A random token prefix for a run.
fn nonce() -> String {
    format!("{:032x}", rand::random::<u128>())
}

/// Seeds `spec`'s travelers into a migrated database (Puerta's `migrate` has run: the ports
/// exist), then makes the planner's statistics current ([`Plain::settle`]).
pub async fn travelers(backend: &Backend, spec: Spec) -> anyhow::Result<Travelers> {
    let mut many = travelers_sets(backend, &[spec]).await?;
    many.pop().context("no set seeded")
}

/// Seeds several sets in one pass (one settle at the end).
pub async fn travelers_sets(backend: &Backend, specs: &[Spec]) -> anyhow::Result<Vec<Travelers>> {
    let started = std::time::Instant::now();
    let mut conn = Plain::open(backend).await?;
    if backend.is_postgres() {
        // A bulk load on a database nobody else uses yet: no disk flush per statement, and
        // (when the role may) no per-row foreign-key triggers — every reference is made right
        // by construction, and the checks about double the time. Both last for this session only.
        conn.execute("SET synchronous_commit = off").await?;
        if conn.execute("SET session_replication_role = replica").await.is_err() {
            println!("  (seeding with foreign-key checks: the role may not skip them)");
        }
    }
    let hash = password_hash()?;
    let mut sets = Vec::with_capacity(specs.len());
    let mut total = 0;
    for spec in specs {
        let set = Travelers { nonce: nonce(), first: spec.first, count: spec.count };
        seed_set(&mut conn, backend, &set, spec.cookie, &hash).await?;
        total += spec.count;
        sets.push(set);
    }
    conn.settle().await?;
    conn.close().await?;
    println!("  seeded {total} travelers in {:.1} s", started.elapsed().as_secs_f64());
    Ok(sets)
}

async fn seed_set(
    conn: &mut Plain,
    backend: &Backend,
    set: &Travelers,
    cookie: bool,
    hash: &str,
) -> anyhow::Result<()> {
    // A staging table on this connection only: the values Rust makes, one row per traveler.
    conn.execute(
        "DROP TABLE IF EXISTS bench_seed; \
         CREATE TEMPORARY TABLE bench_seed (n BIGINT PRIMARY KEY, user_id TEXT NOT NULL, \
         traveler_id TEXT NOT NULL, application_id TEXT NOT NULL, case_id TEXT NOT NULL, \
         bearer_hash TEXT NOT NULL, cookie_hash TEXT NOT NULL, reference TEXT NOT NULL)",
    )
    .await?;
    let mut k = 0;
    while k < set.count {
        let end = (k + BATCH).min(set.count);
        let mut sql = String::with_capacity(usize::try_from(end - k)? * 360);
        sql.push_str(
            "INSERT INTO bench_seed (n, user_id, traveler_id, application_id, case_id, bearer_hash, \
             cookie_hash, reference) VALUES ",
        );
        for j in k..end {
            if j > k {
                sql.push(',');
            }
            write!(
                sql,
                "({}, '{}', '{}', '{}', '{}', '{}', '{}', '{}')",
                set.number(j),
                uuid(),
                uuid(),
                uuid(),
                uuid(),
                sha256_hex(&set.bearer(j)),
                sha256_hex(&set.cookie(j)),
                reference(set.number(j))
            )?;
        }
        conn.execute(&sql).await?;
        k = end;
    }

    let now = now_ms();
    let false_ = match backend {
        Backend::Sqlite { .. } => "0",
        Backend::Postgres { .. } => "FALSE",
    };
    // Registrations spread over the last year (the draw's "oldest registrations" share reads
    // them), a few seconds apart within a day.
    let created = format!("({now} - (n % 365) * 86400000 - (n % 86400) * 1000)");
    // es 50 %, en 20 %, ht 15 %, pt 10 %, fr 5 % (as crates/puerta/examples/sse_bench.rs).
    let language = "CASE WHEN n % 20 < 10 THEN 'es' WHEN n % 20 < 14 THEN 'en' WHEN n % 20 < 17 THEN 'ht' \
                    WHEN n % 20 < 19 THEN 'pt' ELSE 'fr' END";
    let nationality =
        "CASE n % 5 WHEN 0 THEN 'HN' WHEN 1 THEN 'GT' WHEN 2 THEN 'VE' WHEN 3 THEN 'HT' ELSE 'CU' END";
    // A bearer token lives `api_token_hours` (12 h), a page session `session_absolute_hours`.
    let expires = now + 12 * 3600 * 1000;
    let mut statements = vec![
        // Columns: crates/puerta-store/migrations/*/…_accounts.sql, …_totp_replay.sql,
        // …_user_time_zone.sql. Verified, live, no second factor.
        format!(
            "INSERT INTO users (id, email, email_verified_at, password_hash, full_name, phone, language, role, \
             totp_secret, totp_enabled_at, must_reset_password, disabled_at, deleted_at, created_at, updated_at, \
             totp_last_step, time_zone) \
             SELECT user_id, 'traveler' || n || '@bench.example.org', {created}, '{hash}', 'Viajera ' || n, NULL, \
             {language}, 'traveler', NULL, NULL, {false_}, NULL, NULL, {created}, {created}, NULL, \
             'America/Mexico_City' FROM bench_seed"
        ),
        format!(
            "INSERT INTO sessions (token_hash, user_id, kind, second_factor_pending, created_at, last_seen_at, \
             expires_at, revoked_at) \
             SELECT bearer_hash, user_id, 'bearer', {false_}, {now}, {now}, {expires}, NULL FROM bench_seed"
        ),
        // …_cases.sql: the account holder's own profile.
        format!(
            "INSERT INTO travelers (id, account_id, given_name, family_name, date_of_birth, nationality, \
             country_of_birth, city_of_birth, country_of_residence, gender, language, phone, email, document_type, \
             document_number, document_country, document_expiry, created_at, updated_at) \
             SELECT traveler_id, user_id, 'Viajera', 'Número ' || n, '1990-01-01', {nationality}, {nationality}, \
             'Tegucigalpa', 'MX', 'unspecified', {language}, NULL, NULL, 'passport', 'P' || n, {nationality}, \
             '2031-01-01', {created}, {created} FROM bench_seed"
        ),
        // …_cases.sql and …_case_work.sql (the port the group plans to use).
        format!(
            "INSERT INTO applications (id, account_id, us_line1, us_line2, us_city, us_state, us_postal_code, \
             submitted_at, port_code) \
             SELECT application_id, user_id, '100 Main Street', NULL, 'San Diego', 'CA', '92101', \
             {created} + 60000, 'SYS' FROM bench_seed"
        ),
        // An open case: `received` (any status outside approved, denied, appeal_*, withdrawn).
        format!(
            "INSERT INTO cases (id, reference_number, application_id, traveler_id, account_id, status, assigned_to, \
             opened_at, updated_at) \
             SELECT case_id, reference, application_id, traveler_id, user_id, 'received', NULL, {created} + 60000, \
             {created} + 60000 FROM bench_seed"
        ),
    ];
    if cookie {
        // Signed in and last seen two minutes ago: well inside `session_idle_minutes` (15), and
        // past the minute after which a page read records the session's activity (once).
        let seen = now - 120_000;
        statements.push(format!(
            "INSERT INTO sessions (token_hash, user_id, kind, second_factor_pending, created_at, last_seen_at, \
             expires_at, revoked_at) \
             SELECT cookie_hash, user_id, 'cookie', {false_}, {seen}, {seen}, {expires}, NULL FROM bench_seed"
        ));
    }
    for sql in statements {
        conn.execute(&sql).await.with_context(|| format!("seeding: {}", &sql[..sql.len().min(60)]))?;
    }
    let seeded = conn
        .count(&format!(
            "SELECT COUNT(*) FROM users WHERE email IN ('{}', '{}')",
            set.email(0),
            set.email(set.count.saturating_sub(1))
        ))
        .await?;
    if u64::try_from(seeded)? != set.count.min(2) {
        anyhow::bail!("seeding travelers {}..{} went wrong", set.first, set.first + set.count);
    }
    conn.execute("DROP TABLE bench_seed").await?;
    Ok(())
}

/// Today's draw, open, as the scheduler would have created it the day before (`ensure_draw` in
/// crates/puerta-app/src/appointments/draws.rs): the bench runs Puerta without its scheduler,
/// and the storage baseline needs the draw's date from the database. The sealed secret is a
/// placeholder (these scenarios never run the draw); the commitment is well-formed.
pub async fn open_draw(
    backend: &Backend,
    date: &str,
    opens_at: i64,
    closes_at: i64,
    runs_at: i64,
) -> anyhow::Result<()> {
    let mut conn = Plain::open(backend).await?;
    let commitment = sha256_hex(&nonce());
    conn.execute(&format!(
        "INSERT INTO draws (draw_date, sealed_secret, seed_commitment, opens_at, closes_at, runs_at, status, \
         oldest_share_permille, created_at) VALUES ('{date}', 'bench-placeholder', '{commitment}', {opens_at}, \
         {closes_at}, {runs_at}, 'open', 500, {}) ON CONFLICT (draw_date) DO NOTHING",
        now_ms()
    ))
    .await?;
    conn.close().await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_carry_a_valid_damm_digit() {
        // Damm's worked example: 572 → 4; with six leading zeros the interim is unchanged.
        assert_eq!(reference(572), "BEN0000005724");
        let r = reference(123_456_789);
        let valid = r[3..].bytes().fold(0u8, |s, d| DAMM[usize::from(s)][usize::from(d - b'0')]) == 0;
        assert!(valid, "{r}");
    }

    #[test]
    fn uuids_are_version_4() {
        let u = uuid();
        assert_eq!(u.len(), 36);
        assert_eq!(&u[14..15], "4");
        assert!(matches!(&u[19..20], "8" | "9" | "a" | "b"), "{u}");
    }
}
