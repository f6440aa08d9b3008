//! The people a scenario needs: an administrator made with the binary's own command and signed
//! in through the API with a second factor enrolled (staff functions need one), travelers and
//! their sessions written by SQL (as `open_session` stores them: the SHA-256 of a random token),
//! and the cookies and CSRF token a browser would hold.

use std::net::SocketAddr;

use anyhow::{Context, bail};
use serde_json::{Value, json};

use crate::db::{Backend, Plain, now_ms, sha256_hex};
use crate::load;
use crate::server::Puerta;

pub const ADMIN_EMAIL: &str = "admin@bench.example.org";
pub const ADMIN_PASSWORD: &str = "bench administrator passphrase 9Kq";
pub const TRAVELER_PASSWORD: &str = "bench traveler passphrase 4Wz";

/// `puerta user create --role admin`, the way an operator makes the first administrator.
pub fn create_admin(puerta: &Puerta) -> anyhow::Result<()> {
    puerta.run(
        &["user", "create", "--email", ADMIN_EMAIL, "--role", "admin", "--password-stdin"],
        Some(&format!("{ADMIN_PASSWORD}\n")),
    )?;
    Ok(())
}

/// `puerta user create --role traveler` (one argon2id hash, which SQL-seeded travelers share).
pub fn create_traveler(puerta: &Puerta, email: &str) -> anyhow::Result<()> {
    puerta.run(
        &["user", "create", "--email", email, "--role", "traveler", "--password-stdin"],
        Some(&format!("{TRAVELER_PASSWORD}\n")),
    )?;
    Ok(())
}

/// Signs the administrator in through `POST /api/v1/sessions` and enrols an authenticator
/// through `POST /api/v1/me/totp` and `/confirm`, as `sse_bench` does: the bearer token then
/// carries a second factor.
pub async fn admin_bearer(addr: SocketAddr) -> anyhow::Result<String> {
    let signed_in = json_call(
        addr,
        load::post_json(
            "/api/v1/sessions",
            &[],
            json!({"email": ADMIN_EMAIL, "password": ADMIN_PASSWORD}).to_string().into_bytes(),
        ),
        201,
        "sign-in",
    )
    .await?;
    let token = signed_in["token"].as_str().context("sign-in: no token")?.to_string();
    let bearer = format!("Bearer {token}");
    let auth = [("authorization", bearer.as_str())];
    let started =
        json_call(addr, load::post_json("/api/v1/me/totp", &auth, Vec::new()), 200, "TOTP enrolment").await?;
    let secret = started["secret"].as_str().context("TOTP enrolment: no secret")?;
    let code = crate::totp::current_code(secret)?;
    json_call(
        addr,
        load::post_json(
            "/api/v1/me/totp/confirm",
            &auth,
            json!({"password": ADMIN_PASSWORD, "code": code}).to_string().into_bytes(),
        ),
        200,
        "TOTP confirmation",
    )
    .await?;
    Ok(token)
}

/// Sends `request` and parses the JSON answer, which must have status `want`.
pub async fn json_call(
    addr: SocketAddr,
    request: hyper::Request<http_body_util::Full<bytes::Bytes>>,
    want: u16,
    what: &str,
) -> anyhow::Result<Value> {
    let (status, _, body) = load::once(addr, request).await?;
    if status.as_u16() != want {
        bail!("{what}: HTTP {status} {}", String::from_utf8_lossy(&body));
    }
    if body.is_empty() {
        return Ok(Value::Null);
    }
    serde_json::from_slice(&body).with_context(|| format!("{what}: not JSON"))
}

/// The id of the account with this email.
pub async fn user_id(conn: &mut Plain, email: &str) -> anyhow::Result<String> {
    conn.strings(&format!("SELECT id FROM users WHERE email = '{}'", email.replace('\'', "''")))
        .await?
        .pop()
        .with_context(|| format!("no account {email}"))
}

/// A random token as a client holds it (64 hex digits; the server keeps its SHA-256).
pub fn random_token() -> String {
    (0..4).map(|_| format!("{:016x}", rand::random::<u64>())).collect()
}

/// Sessions of `kind` (`cookie` or `bearer`) for these accounts, written as `open_session`
/// writes them (second factor done, 12 hours of life): one INSERT per thousand. Returns the
/// tokens, in the order of `user_ids`.
pub async fn seed_sessions(
    conn: &mut Plain,
    backend: &Backend,
    user_ids: &[String],
    kind: &str,
) -> anyhow::Result<Vec<String>> {
    let now = now_ms();
    let expires = now + 12 * 3600 * 1000;
    let pending = if backend.is_postgres() { "FALSE" } else { "0" };
    let mut tokens = Vec::with_capacity(user_ids.len());
    for chunk in user_ids.chunks(1000) {
        let mut sql = String::from(
            "INSERT INTO sessions (token_hash, user_id, kind, second_factor_pending, created_at, last_seen_at, \
             expires_at, revoked_at) VALUES ",
        );
        for (i, id) in chunk.iter().enumerate() {
            let token = random_token();
            if i > 0 {
                sql.push(',');
            }
            sql.push_str(&format!(
                "('{}', '{id}', '{kind}', {pending}, {now}, {now}, {expires}, NULL)",
                sha256_hex(&token)
            ));
            tokens.push(token);
        }
        conn.execute(&sql).await?;
    }
    Ok(tokens)
}

/// `n` verified travelers by SQL (ids `bench-traveler-<i>`, emails `bench<i>@…`), sharing the
/// password hash of an account made by the binary. Returns their ids.
pub async fn seed_travelers(
    conn: &mut Plain,
    backend: &Backend,
    hash_from_email: &str,
    n: usize,
    language: &str,
) -> anyhow::Result<Vec<String>> {
    let hash = conn
        .strings(&format!("SELECT password_hash FROM users WHERE email = '{hash_from_email}'"))
        .await?
        .pop()
        .context("no account to take a password hash from")?;
    let now = now_ms();
    let false_ = if backend.is_postgres() { "FALSE" } else { "0" };
    let mut ids = Vec::with_capacity(n);
    for start in (0..n).step_by(1000) {
        let mut sql = String::from(
            "INSERT INTO users (id, email, email_verified_at, password_hash, full_name, phone, language, role, \
             totp_secret, totp_enabled_at, must_reset_password, disabled_at, deleted_at, created_at, updated_at) VALUES ",
        );
        for i in start..(start + 1000).min(n) {
            let id = format!("bench-traveler-{i:07}");
            if i > start {
                sql.push(',');
            }
            sql.push_str(&format!(
                "('{id}', 'bench{i}@travelers.example.org', {now}, '{hash}', 'Traveler {i}', NULL, '{language}', \
                 'traveler', NULL, NULL, {false_}, NULL, NULL, {now}, {now})"
            ));
            ids.push(id);
        }
        conn.execute(&sql).await?;
    }
    Ok(ids)
}

/// What a browser keeps between requests: its cookies (name → value) in one `Cookie` header.
#[derive(Default, Clone)]
pub struct Jar {
    cookies: Vec<(String, String)>,
}

impl Jar {
    pub fn set(&mut self, name: &str, value: &str) {
        self.cookies.retain(|(n, _)| n != name);
        self.cookies.push((name.to_string(), value.to_string()));
    }

    /// Takes in every `Set-Cookie` of an answer (an empty value or `Max-Age=0` removes).
    pub fn take(&mut self, headers: &hyper::HeaderMap) {
        for value in headers.get_all(hyper::header::SET_COOKIE).iter().filter_map(|v| v.to_str().ok()) {
            let first = value.split(';').next().unwrap_or_default();
            if let Some((name, v)) = first.split_once('=') {
                let (name, v) = (name.trim(), v.trim());
                if v.is_empty() || value.contains("Max-Age=0") {
                    self.cookies.retain(|(n, _)| n != name);
                } else {
                    self.set(name, v);
                }
            }
        }
    }

    pub fn header(&self) -> String {
        self.cookies.iter().map(|(n, v)| format!("{n}={v}")).collect::<Vec<_>>().join("; ")
    }
}

/// The CSRF token a page's forms carry (`<input type="hidden" name="csrf_token" value="…">`).
pub fn csrf_field(html: &str) -> Option<String> {
    let at = html.find("name=\"csrf_token\"")?;
    let rest = &html[at..];
    let value = rest.find("value=\"")? + "value=\"".len();
    let end = rest[value..].find('"')?;
    Some(rest[value..value + end].to_string())
}
