use std::net::SocketAddr;

use puerta::settings::Settings;
use puerta::startup::Application;
use sqlx::{Connection, Executor, PgConnection};

pub const POSTGRES_ENV: &str = "PUERTA_TEST_POSTGRES_URL";

/// A running Puerta and a client for it. Dropping it stops the server and removes its data.
pub struct TestApp {
    pub address: String,
    pub client: reqwest::Client,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
    _data_dir: tempfile::TempDir,
    postgres: Option<(String, String)>,
}

impl TestApp {
    pub async fn sqlite() -> Self {
        Self::start(None).await
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
        let settings = Settings {
            addr: SocketAddr::from(([127, 0, 0, 1], 0)),
            data_dir: data_dir.path().to_path_buf(),
            database_url: postgres.as_ref().map(|(admin, name)| with_database(admin, name).into()),
            ..Settings::default()
        };
        let app = Application::build(&settings).await.expect("application starts");
        let address = format!("http://{}", app.local_addr().expect("bound"));
        let (tx, rx) = tokio::sync::oneshot::channel::<()>();
        tokio::spawn(app.run_until(async move {
            let _ = rx.await;
        }));
        let client =
            reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().expect("client");
        Self { address, client, shutdown: Some(tx), _data_dir: data_dir, postgres }
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
