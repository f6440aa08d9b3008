use std::future::Future;
use std::sync::Arc;

use puerta_store::{ConnectOptions, DatabaseUrl, Store, connect};
use sqlx::{Connection, Executor, PgConnection};

pub const POSTGRES_ENV: &str = "PUERTA_TEST_POSTGRES_URL";

/// A migrated, empty store, and whatever must be cleaned up when the test ends.
pub struct TestStore {
    pub store: Arc<dyn Store>,
    pub backend: &'static str,
    /// `sqlite:<path>` or the PostgreSQL URL, for tests that must go around the store.
    pub raw_url: String,
    _dir: Option<tempfile::TempDir>,
    drop_database: Option<(String, String)>,
}

impl TestStore {
    async fn sqlite() -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let url = DatabaseUrl::sqlite_in(dir.path());
        let store = connect(&url, &ConnectOptions::default()).await.expect("open sqlite");
        store.migrate().await.expect("migrate sqlite");
        let raw_url = format!("sqlite:{}", dir.path().join("puerta.db").display());
        Self { store, backend: "sqlite", raw_url, _dir: Some(dir), drop_database: None }
    }

    async fn postgres(admin_url: &str) -> Self {
        let name = format!("puerta_store_{}", uuid::Uuid::new_v4().simple());
        let mut admin = PgConnection::connect(admin_url).await.expect("connect to PUERTA_TEST_POSTGRES_URL");
        admin.execute(format!(r#"CREATE DATABASE "{name}""#).as_str()).await.expect("create database");
        let url = database_url_with_name(admin_url, &name);
        let store = connect(&DatabaseUrl::parse(&url).expect("postgres url"), &ConnectOptions::default())
            .await
            .expect("open postgres");
        store.migrate().await.expect("migrate postgres");
        Self {
            store,
            backend: "postgres",
            raw_url: url,
            _dir: None,
            drop_database: Some((admin_url.to_string(), name)),
        }
    }

    async fn finish(self) {
        self.store.close().await;
        if let Some((admin_url, name)) = self.drop_database {
            let mut admin = PgConnection::connect(&admin_url).await.expect("reconnect");
            admin
                .execute(format!(r#"DROP DATABASE IF EXISTS "{name}" WITH (FORCE)"#).as_str())
                .await
                .expect("drop database");
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

/// Runs `test` on a fresh SQLite store, then on a fresh PostgreSQL one when configured.
pub async fn on_each_backend<F, Fut>(test: F)
where
    F: Fn(Arc<dyn Store>, &'static str) -> Fut,
    Fut: Future<Output = ()>,
{
    let sqlite = TestStore::sqlite().await;
    test(sqlite.store.clone(), sqlite.backend).await;
    sqlite.finish().await;

    if let Ok(url) = std::env::var(POSTGRES_ENV) {
        let pg = TestStore::postgres(&url).await;
        test(pg.store.clone(), pg.backend).await;
        pg.finish().await;
    }
}

/// Runs raw SQL against the test database, bypassing the store; `Err` when the database refuses.
pub async fn raw_execute(raw_url: &str, sql: &str) -> Result<u64, sqlx::Error> {
    if let Some(path) = raw_url.strip_prefix("sqlite:") {
        let mut c = sqlx::SqliteConnection::connect(&format!("sqlite://{path}")).await?;
        Ok(c.execute(sql).await?.rows_affected())
    } else {
        let mut c = PgConnection::connect(raw_url).await?;
        Ok(c.execute(sql).await?.rows_affected())
    }
}

/// Like [`on_each_backend`], also giving the test the raw database URL.
pub async fn on_each_backend_raw<F, Fut>(test: F)
where
    F: Fn(Arc<dyn Store>, &'static str, String) -> Fut,
    Fut: Future<Output = ()>,
{
    let sqlite = TestStore::sqlite().await;
    test(sqlite.store.clone(), sqlite.backend, sqlite.raw_url.clone()).await;
    sqlite.finish().await;
    if let Ok(url) = std::env::var(POSTGRES_ENV) {
        let pg = TestStore::postgres(&url).await;
        test(pg.store.clone(), pg.backend, pg.raw_url.clone()).await;
        pg.finish().await;
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
