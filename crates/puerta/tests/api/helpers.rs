use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

use puerta::settings::Settings;
use puerta::startup::Application;
use puerta_app::App;
use puerta_app::clock::ManualClock;
use sqlx::{Connection, Executor, PgConnection};

pub const POSTGRES_ENV: &str = "PUERTA_TEST_POSTGRES_URL";

/// The password the helpers use for accounts they create.
pub const PASSWORD: &str = "a long river of stars";

/// A running Puerta and a client for it. Dropping it stops the server and removes its data.
pub struct TestApp {
    pub address: String,
    pub client: reqwest::Client,
    /// The application's clock: tests move time with `clock.advance_secs`.
    pub clock: Arc<ManualClock>,
    /// The use cases, for set-up that has no public door (operators' accounts).
    pub app: App,
    pub outbox: PathBuf,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
    server: Option<tokio::task::JoinHandle<anyhow::Result<()>>>,
    _data_dir: tempfile::TempDir,
    postgres: Option<(String, String)>,
}

impl TestApp {
    pub async fn sqlite() -> Self {
        Self::start(None).await
    }

    /// SQLite, with settings changed by `change` (e.g. tighter throttles).
    pub async fn sqlite_with(change: impl FnOnce(&mut Settings)) -> Self {
        let data_dir = tempfile::tempdir().expect("temp dir");
        let mut settings = test_settings(&data_dir, None);
        change(&mut settings);
        Self::start_with(None, data_dir, settings).await
    }

    /// PostgreSQL with settings changed by `change`; `None` when no server is configured.
    pub async fn postgres_with(change: impl FnOnce(&mut Settings)) -> Option<Self> {
        let admin_url = std::env::var(POSTGRES_ENV).ok()?;
        let name = format!("puerta_api_{}", uuid::Uuid::new_v4().simple());
        let mut admin = PgConnection::connect(&admin_url).await.expect("connect to PUERTA_TEST_POSTGRES_URL");
        admin.execute(format!(r#"CREATE DATABASE "{name}""#).as_str()).await.expect("create database");
        let data_dir = tempfile::tempdir().expect("temp dir");
        let postgres = Some((admin_url, name));
        let mut settings = test_settings(&data_dir, postgres.as_ref());
        change(&mut settings);
        Some(Self::start_with(postgres, data_dir, settings).await)
    }

    /// `None` when no PostgreSQL server is configured for the tests.
    pub async fn postgres() -> Option<Self> {
        let admin_url = std::env::var(POSTGRES_ENV).ok()?;
        let name = format!("puerta_api_{}", uuid::Uuid::new_v4().simple());
        let mut admin = PgConnection::connect(&admin_url).await.expect("connect to PUERTA_TEST_POSTGRES_URL");
        admin.execute(format!(r#"CREATE DATABASE "{name}""#).as_str()).await.expect("create database");
        Some(Self::start(Some((admin_url, name))).await)
    }

    async fn start(postgres: Option<(String, String)>) -> Self {
        let data_dir = tempfile::tempdir().expect("temp dir");
        let settings = test_settings(&data_dir, postgres.as_ref());
        Self::start_with(postgres, data_dir, settings).await
    }

    async fn start_with(
        postgres: Option<(String, String)>,
        data_dir: tempfile::TempDir,
        settings: Settings,
    ) -> Self {
        // Warnings (a failed job, a failed send) show with a failing test's output.
        let _ = tracing_subscriber::fmt().with_test_writer().with_max_level(tracing::Level::WARN).try_init();
        // A fixed, recent start time; moved only by the tests.
        let clock = Arc::new(ManualClock::new(1_795_000_000_000));
        let application =
            Application::build_with_clock(&settings, clock.clone()).await.expect("application starts");
        let app = application.app().clone();
        let address = format!("http://{}", application.local_addr().expect("bound"));
        let outbox = data_dir.path().join("outbox");
        let (tx, rx) = tokio::sync::oneshot::channel::<()>();
        let server = tokio::spawn(application.run_until(async move {
            let _ = rx.await;
        }));
        let client =
            reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().expect("client");
        Self {
            address,
            client,
            clock,
            app,
            outbox,
            shutdown: Some(tx),
            server: Some(server),
            _data_dir: data_dir,
            postgres,
        }
    }

    /// Asks the server to stop (as SIGTERM does) and returns a task that ends when it has: the
    /// requests in flight and the sends in progress finished, the database closed.
    pub fn stop(&mut self) -> tokio::task::JoinHandle<anyhow::Result<()>> {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        self.server.take().expect("running")
    }

    /// Stops the server and starts it again on the same data folder and database, with the test
    /// settings changed by `change` (another master key, say): a restart with new settings.
    pub async fn restart_with(mut self, change: impl FnOnce(&mut Settings)) -> Self {
        if self.server.is_some() {
            self.stop().await.expect("server task").expect("server stopped cleanly");
        }
        let postgres = self.postgres.take();
        // Keep the data folder: this one is dropped (with a stand-in folder) without cleanup.
        let data_dir = std::mem::replace(&mut self._data_dir, tempfile::tempdir().expect("temp dir"));
        drop(self);
        let mut settings = test_settings(&data_dir, postgres.as_ref());
        change(&mut settings);
        Self::start_with(postgres, data_dir, settings).await
    }

    /// The test settings for this app's data folder and database, without the changes it was
    /// started with (to start another server on the same data, after [`Self::stop`]).
    pub fn settings(&self) -> Settings {
        test_settings(&self._data_dir, self.postgres.as_ref())
    }

    /// A second connection to the test's database, for set-up that has no public door.
    pub async fn store(&self) -> puerta_store::Store {
        let url = match &self.postgres {
            Some((admin, name)) => {
                puerta_store::DatabaseUrl::parse(&with_database(admin, name)).expect("url")
            }
            None => puerta_store::DatabaseUrl::sqlite_in(self._data_dir.path()),
        };
        puerta_store::connect(&url, &puerta_store::ConnectOptions::default()).await.expect("store")
    }

    /// Delivers everything the outbox holds that is due now (and waits for sends the
    /// background worker has started), so what a request queued can be read from the folder.
    pub async fn flush_outbox(&self) {
        self.app.flush_outbox().await.expect("outbox delivered");
    }

    /// The newest email to `to` in the outbox, as written (RFC 5322).
    pub async fn last_email_to(&self, to: &str) -> Option<String> {
        self.flush_outbox().await;
        let mut files: Vec<_> = std::fs::read_dir(&self.outbox)
            .ok()?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "eml"))
            .collect();
        files.sort();
        files
            .into_iter()
            .rev()
            .filter_map(|p| std::fs::read_to_string(p).ok())
            .find(|m| m.contains(&format!("To: {to}")))
    }

    /// Every email to `to` in the outbox, in no particular order (messages sent in one batch
    /// may be written in any order, so "the newest" is not always the one a test means).
    pub async fn all_emails_to(&self, to: &str) -> Vec<String> {
        self.flush_outbox().await;
        std::fs::read_dir(&self.outbox)
            .map(|d| {
                d.filter_map(Result::ok)
                    .filter(|e| e.path().extension().is_some_and(|x| x == "eml"))
                    .filter_map(|e| std::fs::read_to_string(e.path()).ok())
                    .filter(|m| m.contains(&format!("To: {to}")))
                    .collect()
            })
            .unwrap_or_default()
    }

    pub async fn emails_to(&self, to: &str) -> usize {
        self.flush_outbox().await;
        std::fs::read_dir(&self.outbox)
            .map(|d| {
                d.filter_map(Result::ok)
                    .filter(|e| e.path().extension().is_some_and(|x| x == "eml"))
                    .filter_map(|e| std::fs::read_to_string(e.path()).ok())
                    .filter(|m| m.contains(&format!("To: {to}")))
                    .count()
            })
            .unwrap_or(0)
    }

    /// The 6-digit code in the newest email to `to` that holds one. (Messages sent in one
    /// batch go out together, so a sign-in notice may be written just after a code.)
    pub async fn last_code_for(&self, to: &str) -> String {
        self.flush_outbox().await;
        let mut files: Vec<_> = std::fs::read_dir(&self.outbox)
            .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
            .unwrap_or_default();
        files.retain(|p| p.extension().is_some_and(|x| x == "eml"));
        files.sort();
        files
            .into_iter()
            .rev()
            .filter_map(|p| std::fs::read_to_string(p).ok())
            .filter(|m| m.contains(&format!("To: {to}")))
            .find_map(|mail| {
                let body = mail.split_once("\r\n\r\n").map_or(mail.as_str(), |(_, body)| body);
                six_digits(body)
            })
            .unwrap_or_else(|| panic!("no email with a code to {to}"))
    }

    pub async fn post_json(&self, path: &str, body: serde_json::Value) -> reqwest::Response {
        self.client.post(self.url(path)).json(&body).send().await.expect("request sent")
    }

    pub async fn register(&self, email: &str, password: &str) -> reqwest::Response {
        self.post_json(
            "/api/v1/accounts",
            serde_json::json!({"email": email, "password": password, "full_name": "Ana Pérez", "language": "es"}),
        )
        .await
    }

    /// Registers and verifies through the API.
    pub async fn verified_traveler(&self, email: &str, password: &str) {
        assert_eq!(self.register(email, password).await.status(), 202);
        let code = self.last_code_for(email).await;
        let verified = self
            .post_json("/api/v1/accounts/verify", serde_json::json!({"email": email, "code": code}))
            .await;
        assert_eq!(verified.status(), 200);
    }

    /// Signs in through the API and returns the bearer token.
    pub async fn token(&self, email: &str, password: &str) -> String {
        let response = self
            .post_json("/api/v1/sessions", serde_json::json!({"email": email, "password": password}))
            .await;
        assert_eq!(response.status(), 201, "sign in {email}");
        let body: serde_json::Value = response.json().await.expect("json");
        body["token"].as_str().expect("token").to_string()
    }

    /// An account made by the operators' path (as `puerta user create` does).
    pub async fn staff(&self, email: &str, role: &str, password: &str) {
        self.app.create_user_by_operator(email, "Staff Member", role, password).await.expect("staff created");
    }

    pub async fn get_with(&self, path: &str, token: &str) -> reqwest::Response {
        self.client.get(self.url(path)).bearer_auth(token).send().await.expect("request sent")
    }

    /// Enrols TOTP for the token's account (whose password is [`PASSWORD`]) and returns
    /// (secret, recovery codes).
    pub async fn enrol_totp(&self, token: &str) -> (String, Vec<String>) {
        self.enrol_totp_with(token, PASSWORD).await
    }

    /// Enrols TOTP, confirming with `password`, and returns (secret, recovery codes).
    pub async fn enrol_totp_with(&self, token: &str, password: &str) -> (String, Vec<String>) {
        let started =
            self.client.post(self.url("/api/v1/me/totp")).bearer_auth(token).send().await.expect("sent");
        assert_eq!(started.status(), 200);
        let body: serde_json::Value = started.json().await.expect("json");
        let secret = body["secret"].as_str().expect("secret").to_string();
        assert!(body["otpauth_uri"].as_str().is_some_and(|u| u.starts_with("otpauth://totp/")));
        let code = self.totp_now(&secret);
        let confirmed = self
            .client
            .post(self.url("/api/v1/me/totp/confirm"))
            .bearer_auth(token)
            .json(&serde_json::json!({"password": password, "code": code}))
            .send()
            .await
            .expect("sent");
        assert_eq!(confirmed.status(), 200);
        let body: serde_json::Value = confirmed.json().await.expect("json");
        let codes = body["recovery_codes"]
            .as_array()
            .expect("codes")
            .iter()
            .filter_map(|c| c.as_str().map(String::from))
            .collect();
        (secret, codes)
    }

    /// The TOTP code at the application's current time.
    pub fn totp_now(&self, secret: &str) -> String {
        use puerta_app::clock::Clock;
        let bytes = totp_rs::Secret::Encoded(secret.to_string()).to_bytes().expect("base32");
        let totp =
            totp_rs::TOTP::new(totp_rs::Algorithm::SHA1, 6, 1, 30, bytes, Some("Puerta".into()), "x".into())
                .expect("totp");
        totp.generate(u64::try_from(self.clock.now_ms() / 1000).expect("time"))
    }

    /// The application's clock, in epoch milliseconds.
    pub fn clock_ms(&self) -> i64 {
        use puerta_app::clock::Clock;
        self.clock.now_ms()
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.address, path)
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client.get(self.url(path)).send().await.expect("request sent")
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        if let Some((admin_url, name)) = self.postgres.take() {
            // Drop is not async: clean up on a thread with its own small runtime.
            let cleanup = std::thread::spawn(move || {
                let runtime =
                    tokio::runtime::Builder::new_current_thread().enable_all().build().expect("runtime");
                runtime.block_on(async {
                    let mut admin = PgConnection::connect(&admin_url).await.expect("reconnect");
                    admin
                        .execute(format!(r#"DROP DATABASE IF EXISTS "{name}" WITH (FORCE)"#).as_str())
                        .await
                        .expect("drop database");
                });
            });
            let _ = cleanup.join();
        }
    }
}

fn test_settings(data_dir: &tempfile::TempDir, postgres: Option<&(String, String)>) -> Settings {
    Settings {
        addr: SocketAddr::from(([127, 0, 0, 1], 0)),
        data_dir: data_dir.path().to_path_buf(),
        database_url: postgres.map(|(admin, name)| with_database(admin, name).into()),
        // The minimum the settings accept: tests hash many passwords.
        password_hash_memory_kib: 8 * 1024,
        password_hash_iterations: 1,
        // Draws run when a test says so, never by a background round racing it.
        scheduling: puerta::settings::SchedulingSettings { scheduler: false, ..Default::default() },
        ..Settings::default()
    }
}

/// An application built on a fresh database but not serving: no delivery worker runs, so a
/// test sees exactly what a use case wrote before any background work.
pub struct IdleApp {
    pub app: App,
    /// A second connection to the same database, for looking at what was written.
    pub store: puerta_store::Store,
    _application: Application,
    _data_dir: tempfile::TempDir,
}

/// `None` for PostgreSQL when no server is configured.
pub async fn idle_app(postgres: bool) -> Option<IdleApp> {
    let data_dir = tempfile::tempdir().expect("temp dir");
    let database = if postgres {
        let admin_url = std::env::var(POSTGRES_ENV).ok()?;
        let name = format!("puerta_api_{}", uuid::Uuid::new_v4().simple());
        let mut admin = PgConnection::connect(&admin_url).await.expect("connect to PUERTA_TEST_POSTGRES_URL");
        admin.execute(format!(r#"CREATE DATABASE "{name}""#).as_str()).await.expect("create database");
        Some((admin_url, name))
    } else {
        None
    };
    let settings = test_settings(&data_dir, database.as_ref());
    let clock = Arc::new(ManualClock::new(1_795_000_000_000));
    let application = Application::build_with_clock(&settings, clock).await.expect("application builds");
    let url = match &database {
        Some((admin, name)) => puerta_store::DatabaseUrl::parse(&with_database(admin, name)).expect("url"),
        None => puerta_store::DatabaseUrl::sqlite_in(data_dir.path()),
    };
    let store = puerta_store::connect(&url, &puerta_store::ConnectOptions::default()).await.expect("store");
    Some(IdleApp { app: application.app().clone(), store, _application: application, _data_dir: data_dir })
}

/// The first run of exactly six digits in `text` that stands apart from letters too: a code is
/// written as a word of its own, while a random MIME boundary or link token can hold six digits
/// between letters (about one email in a thousand), which must not be taken for the code.
pub fn six_digits(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    (0..bytes.len().saturating_sub(5)).find_map(|i| {
        let run = &bytes[i..i + 6];
        let before = i.checked_sub(1).map(|j| bytes[j]);
        let after = bytes.get(i + 6).copied();
        (run.iter().all(u8::is_ascii_digit)
            && !before.is_some_and(|b| b.is_ascii_alphanumeric())
            && !after.is_some_and(|b| b.is_ascii_alphanumeric()))
        .then(|| String::from_utf8_lossy(run).into_owned())
    })
}

/// The same server URL with another database name.
pub fn with_database(url: &str, name: &str) -> String {
    let (base, query) = url.split_once('?').map_or((url, None), |(b, q)| (b, Some(q)));
    let prefix = base.rsplit_once('/').map_or(base, |(p, _)| p);
    query.map_or_else(|| format!("{prefix}/{name}"), |q| format!("{prefix}/{name}?{q}"))
}

/// Asserts a problem+json answer with this status and code, and returns its body.
pub async fn assert_problem(response: reqwest::Response, status: u16, code: &str) -> serde_json::Value {
    assert_eq!(response.status().as_u16(), status, "status");
    let content_type =
        response.headers().get("content-type").and_then(|v| v.to_str().ok()).unwrap_or("").to_string();
    assert_eq!(content_type, "application/problem+json");
    let body: serde_json::Value = response.json().await.expect("json body");
    assert_eq!(body["code"], code, "{body}");
    assert_eq!(body["status"], status, "{body}");
    for key in ["type", "title", "detail"] {
        assert!(body[key].as_str().is_some_and(|s| !s.is_empty()), "`{key}` in {body}");
    }
    let text = body.to_string();
    for leak in ["panicked", "sqlx", "SELECT", "/src/", ".rs:"] {
        assert!(!text.contains(leak), "problem leaks {leak}: {text}");
    }
    body
}

/// Writes each test twice: `name::sqlite` always runs; `name::postgres` runs when
/// `PUERTA_TEST_POSTGRES_URL` is set and otherwise returns at once (the store suite's
/// `postgres_backend_status` test says which happened).
macro_rules! on_both_backends {
    ($(async fn $name:ident($app:ident) $body:block)*) => {
        $(
            mod $name {
                #[allow(unused_imports)]
                use super::*;

                #[tokio::test]
                async fn sqlite() {
                    let $app = $crate::helpers::TestApp::sqlite().await;
                    $body
                }

                #[tokio::test]
                async fn postgres() {
                    let Some($app) = $crate::helpers::TestApp::postgres().await else { return };
                    $body
                }
            }
        )*
    };
}

/// A JSON POST with a bearer token.
pub async fn bearer_post(
    app: &TestApp,
    token: &str,
    path: &str,
    body: serde_json::Value,
) -> reqwest::Response {
    app.client.post(app.url(path)).bearer_auth(token).json(&body).send().await.expect("sent")
}

/// The JSON body of `response`, which must have `status` (the body is in the failure message).
pub async fn json_of(response: reqwest::Response, status: u16) -> serde_json::Value {
    let got = response.status().as_u16();
    let body: serde_json::Value = response.json().await.unwrap_or_default();
    assert_eq!(got, status, "{body}");
    body
}
