//! The same SQL on both backends (see `accounts/sql.rs` for why that works).

use async_trait::async_trait;

use super::{ContentStore, ContentVersion};
use crate::StoreError;
use crate::backend::{PostgresStore, SqliteStore};

const COLUMNS: &str = "slug, language, version, position, title, summary, body_md, author_id, created_at";

macro_rules! content_store {
    ($store:ty, $read:ident, $write:ident) => {
        #[async_trait]
        impl ContentStore for $store {
            async fn latest_content(&self, language: &str) -> Result<Vec<ContentVersion>, StoreError> {
                Ok(sqlx::query_as(&format!(
                    "SELECT {COLUMNS} FROM content_versions c WHERE language = $1 AND version = \
                     (SELECT MAX(version) FROM content_versions m WHERE m.slug = c.slug AND m.language = c.language) \
                     ORDER BY position, slug"
                ))
                .bind(language)
                .fetch_all(&self.$read)
                .await?)
            }

            async fn latest_content_item(&self, slug: &str, language: &str) -> Result<Option<ContentVersion>, StoreError> {
                Ok(sqlx::query_as(&format!(
                    "SELECT {COLUMNS} FROM content_versions WHERE slug = $1 AND language = $2 ORDER BY version DESC LIMIT 1"
                ))
                .bind(slug)
                .bind(language)
                .fetch_optional(&self.$read)
                .await?)
            }

            async fn content_history(&self, slug: &str, language: &str) -> Result<Vec<ContentVersion>, StoreError> {
                Ok(sqlx::query_as(&format!(
                    "SELECT {COLUMNS} FROM content_versions WHERE slug = $1 AND language = $2 ORDER BY version DESC"
                ))
                .bind(slug)
                .bind(language)
                .fetch_all(&self.$read)
                .await?)
            }

            async fn add_content_version(&self, item: &ContentVersion) -> Result<i64, StoreError> {
                let mut tx = self.$write.begin().await?;
                let (next,): (i64,) = sqlx::query_as(
                    "SELECT COALESCE(MAX(version), 0) + 1 FROM content_versions WHERE slug = $1 AND language = $2",
                )
                .bind(&item.slug)
                .bind(&item.language)
                .fetch_one(&mut *tx)
                .await?;
                sqlx::query(&format!("INSERT INTO content_versions ({COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)"))
                    .bind(&item.slug)
                    .bind(&item.language)
                    .bind(next)
                    .bind(item.position)
                    .bind(&item.title)
                    .bind(&item.summary)
                    .bind(&item.body_md)
                    .bind(&item.author_id)
                    .bind(item.created_at)
                    .execute(&mut *tx)
                    .await
                    .map_err(|e| match &e {
                        // Two editors saving at once: the loser retries on a fresh version.
                        sqlx::Error::Database(db) if db.is_unique_violation() => StoreError::Conflict,
                        _ => StoreError::Database(e),
                    })?;
                tx.commit().await?;
                Ok(next)
            }

            async fn seed_content(&self, items: &[ContentVersion]) -> Result<u64, StoreError> {
                let mut tx = self.$write.begin().await?;
                let mut added = 0;
                for item in items {
                    added += sqlx::query(&format!(
                        "INSERT INTO content_versions ({COLUMNS}) SELECT $1, $2, 1, $3, $4, $5, $6, NULL, $7 \
                         WHERE NOT EXISTS (SELECT 1 FROM content_versions WHERE slug = $1 AND language = $2)"
                    ))
                    .bind(&item.slug)
                    .bind(&item.language)
                    .bind(item.position)
                    .bind(&item.title)
                    .bind(&item.summary)
                    .bind(&item.body_md)
                    .bind(item.created_at)
                    .execute(&mut *tx)
                    .await?
                    .rows_affected();
                }
                tx.commit().await?;
                Ok(added)
            }
        }
    };
}

content_store!(SqliteStore, read, write);
content_store!(PostgresStore, pool, pool);
