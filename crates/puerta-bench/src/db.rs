//! The database a run uses: a SQLite file in the run's folder, or a fresh database created on
//! the PostgreSQL server given with `--postgres` (dropped at the end), and a plain connection to
//! seed and check it by SQL.

use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::Context;
use sqlx::{Connection, PgConnection, SqliteConnection};

#[derive(Clone, Debug)]
pub enum Backend {
    Sqlite { path: PathBuf },
    Postgres { url: String, admin_url: String, database: String },
}

impl Backend {
    /// SQLite in `dir`, or a new database named after `name` on `postgres`.
    pub async fn create(dir: &Path, name: &str, postgres: Option<&str>) -> anyhow::Result<Self> {
        Ok(match postgres {
            None => Self::Sqlite { path: dir.join("puerta.db") },
            Some(admin_url) => {
                let database = format!("puerta_bench_{name}_{}", std::process::id());
                let (base, _) = admin_url.rsplit_once('/').context("--postgres: postgres://host/database")?;
                let url = format!("{base}/{database}");
                let mut admin = PgConnection::connect(admin_url).await.context("cannot reach --postgres")?;
                sqlx::raw_sql(&format!("DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)"))
                    .execute(&mut admin)
                    .await?;
                sqlx::raw_sql(&format!("CREATE DATABASE \"{database}\"")).execute(&mut admin).await?;
                admin.close().await?;
                Self::Postgres { url, admin_url: admin_url.to_string(), database }
            }
        })
    }

    /// Drops a PostgreSQL database made by [`Backend::create`] (SQLite goes with its folder).
    pub async fn drop_database(&self) -> anyhow::Result<()> {
        if let Self::Postgres { admin_url, database, .. } = self {
            let mut admin = PgConnection::connect(admin_url).await?;
            sqlx::raw_sql(&format!("DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)"))
                .execute(&mut admin)
                .await?;
            admin.close().await?;
        }
        Ok(())
    }

    /// `PUERTA_DATABASE_URL` for the server (None: its SQLite default in the data folder).
    pub fn server_url(&self) -> Option<&str> {
        match self {
            Self::Sqlite { .. } => None,
            Self::Postgres { url, .. } => Some(url),
        }
    }

    pub fn key(&self) -> &'static str {
        match self {
            Self::Sqlite { .. } => "sqlite",
            Self::Postgres { .. } => "postgres",
        }
    }

    pub fn is_postgres(&self) -> bool {
        matches!(self, Self::Postgres { .. })
    }
}

/// A plain connection for seeding and checks.
pub enum Plain {
    Sqlite(SqliteConnection),
    Postgres(PgConnection),
}

impl Plain {
    pub async fn open(backend: &Backend) -> anyhow::Result<Self> {
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

    pub async fn execute(&mut self, sql: &str) -> anyhow::Result<()> {
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

    pub async fn count(&mut self, sql: &str) -> anyhow::Result<i64> {
        Ok(match self {
            Self::Sqlite(c) => sqlx::query_scalar::<_, i64>(sql).fetch_one(c).await?,
            Self::Postgres(c) => sqlx::query_scalar::<_, i64>(sql).fetch_one(c).await?,
        })
    }

    pub async fn strings(&mut self, sql: &str) -> anyhow::Result<Vec<String>> {
        Ok(match self {
            Self::Sqlite(c) => sqlx::query_scalar::<_, String>(sql).fetch_all(c).await?,
            Self::Postgres(c) => sqlx::query_scalar::<_, String>(sql).fetch_all(c).await?,
        })
    }

    /// Makes the planner's statistics current after seeding, and (SQLite) folds the WAL in.
    pub async fn settle(&mut self) -> anyhow::Result<()> {
        match self {
            Self::Sqlite(_) => {
                self.execute("ANALYZE").await?;
                self.execute("PRAGMA wal_checkpoint(TRUNCATE)").await
            }
            Self::Postgres(_) => self.execute("VACUUM (ANALYZE)").await,
        }
    }

    pub async fn close(self) -> anyhow::Result<()> {
        match self {
            Self::Sqlite(c) => c.close().await?,
            Self::Postgres(c) => c.close().await?,
        }
        Ok(())
    }
}

/// Lower-case hex SHA-256, as sessions store a token.
pub fn sha256_hex(text: &str) -> String {
    use sha2::Digest as _;
    sha2::Sha256::digest(text.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

pub fn now_ms() -> i64 {
    chrono::Utc::now().timestamp_millis()
}
