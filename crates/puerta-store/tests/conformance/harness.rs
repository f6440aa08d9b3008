//! Fresh, migrated databases for each test: SQLite always, PostgreSQL when configured.

use std::future::Future;

use puerta_store::{ConnectOptions, DatabaseUrl, Store, connect};
use sqlx::{Connection, Executor, PgConnection, SqliteConnection};

pub const POSTGRES_ENV: &str = "PUERTA_TEST_POSTGRES_URL";

/// What a test gets: the store, the backend's name for assertion messages, and the raw URL for
/// statements that must go around the store.
#[derive(Clone)]
pub struct Db {
    pub store: Store,
    pub backend: &'static str,
    /// `sqlite:<path>` or the PostgreSQL URL.
    pub raw_url: String,
}

impl Db {
    /// Runs raw SQL against this test's database; `Err` when the database refuses it.
    pub async fn raw_execute(&self, sql: &str) -> Result<u64, sqlx::Error> {
        raw_execute(&self.raw_url, sql).await
    }

    /// The single `BIGINT` a raw query answers (a `COUNT(*)`, typically).
    pub async fn raw_i64(&self, sql: &str) -> i64 {
        let value: Result<(i64,), sqlx::Error> = if let Some(path) = self.raw_url.strip_prefix("sqlite:") {
            let mut c = SqliteConnection::connect(&format!("sqlite://{path}")).await.expect("raw sqlite");
            sqlx::query_as(sql).fetch_one(&mut c).await
        } else {
            let mut c = PgConnection::connect(&self.raw_url).await.expect("raw postgres");
            sqlx::query_as(sql).fetch_one(&mut c).await
        };
        value.unwrap_or_else(|e| panic!("{}: {sql}: {e}", self.backend)).0
    }
}

/// A migrated, empty database and what must be cleaned up after it.
struct TestDb {
    db: Db,
    _dir: Option<tempfile::TempDir>,
    drop_database: Option<(String, String)>,
}

impl TestDb {
    async fn sqlite() -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let url = DatabaseUrl::sqlite_in(dir.path());
        let store = connect(&url, &ConnectOptions::default()).await.expect("open sqlite");
        store.migrate().await.expect("migrate sqlite");
        let raw_url = format!("sqlite:{}", dir.path().join("puerta.db").display());
        Self { db: Db { store, backend: "sqlite", raw_url }, _dir: Some(dir), drop_database: None }
    }

    async fn postgres(admin_url: &str) -> Self {
        let name = format!("puerta_store_{}", uuid::Uuid::new_v4().simple());
        let mut admin = PgConnection::connect(admin_url).await.expect("connect to PUERTA_TEST_POSTGRES_URL");
        admin.execute(format!(r#"CREATE DATABASE "{name}""#).as_str()).await.expect("create database");
        let raw_url = database_url_with_name(admin_url, &name);
        let store = connect(&DatabaseUrl::parse(&raw_url).expect("postgres url"), &ConnectOptions::default())
            .await
            .expect("open postgres");
        store.migrate().await.expect("migrate postgres");
        Self {
            db: Db { store, backend: "postgres", raw_url },
            _dir: None,
            drop_database: Some((admin_url.to_string(), name)),
        }
    }

    /// Runs `test` in a task of its own, so the database is dropped even when the test panics,
    /// and the panic is then passed on.
    async fn run<F, Fut>(self, test: &F)
    where
        F: Fn(Db) -> Fut,
        Fut: Future<Output = ()> + Send + 'static,
    {
        let outcome = tokio::spawn(test(self.db.clone())).await;
        self.db.store.close().await;
        if let Some((admin_url, name)) = &self.drop_database {
            let mut admin = PgConnection::connect(admin_url).await.expect("reconnect");
            admin
                .execute(format!(r#"DROP DATABASE IF EXISTS "{name}" WITH (FORCE)"#).as_str())
                .await
                .expect("drop database");
        }
        if let Err(e) = outcome {
            std::panic::resume_unwind(e.into_panic());
        }
    }
}

/// Replaces the database name (the last path segment) of a PostgreSQL URL, keeping any query.
pub fn database_url_with_name(url: &str, name: &str) -> String {
    let (base, query) = url.split_once('?').map_or((url, None), |(b, q)| (b, Some(q)));
    let prefix = base.rsplit_once('/').map_or(base, |(p, _)| p);
    match query {
        Some(q) => format!("{prefix}/{name}?{q}"),
        None => format!("{prefix}/{name}"),
    }
}

/// Runs `test` on a fresh SQLite database, then on a fresh PostgreSQL one when configured.
pub async fn on_each_backend<F, Fut>(test: F)
where
    F: Fn(Db) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    TestDb::sqlite().await.run(&test).await;
    if let Ok(url) = std::env::var(POSTGRES_ENV) {
        TestDb::postgres(&url).await.run(&test).await;
    }
}

/// Runs raw SQL against a test database, bypassing the store; `Err` when the database refuses.
pub async fn raw_execute(raw_url: &str, sql: &str) -> Result<u64, sqlx::Error> {
    if let Some(path) = raw_url.strip_prefix("sqlite:") {
        let mut c = SqliteConnection::connect(&format!("sqlite://{path}")).await?;
        Ok(c.execute(sql).await?.rows_affected())
    } else {
        let mut c = PgConnection::connect(raw_url).await?;
        Ok(c.execute(sql).await?.rows_affected())
    }
}

/// Says plainly, in the test output, whether PostgreSQL was exercised (nextest shows this test's
/// output even when it passes; see `.config/nextest.toml`).
#[test]
fn postgres_backend_status() {
    match std::env::var(POSTGRES_ENV) {
        Ok(_) => println!("PostgreSQL: store conformance tests ran against {POSTGRES_ENV}"),
        Err(_) => println!("PostgreSQL: SKIPPED ({POSTGRES_ENV} is not set); only SQLite was tested"),
    }
}

#[test]
fn the_database_name_is_replaced_and_the_query_kept() {
    assert_eq!(database_url_with_name("postgres://u@h:5432/test", "x"), "postgres://u@h:5432/x");
    assert_eq!(
        database_url_with_name("postgres://u@h/test?sslmode=disable", "x"),
        "postgres://u@h/x?sslmode=disable"
    );
}
