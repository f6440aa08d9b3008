//! Published content (Entry Requirements): every edit is a new version of a (slug, language).

mod sql;

use async_trait::async_trait;

use crate::StoreError;

/// One version of one item in one language.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ContentVersion {
    pub slug: String,
    pub language: String,
    pub version: i64,
    pub position: i64,
    pub title: String,
    pub summary: String,
    pub body_md: String,
    pub author_id: Option<String>,
    pub created_at: i64,
}

#[async_trait]
pub trait ContentStore {
    /// The newest version of every item in `language`, ordered by position then slug.
    async fn latest_content(&self, language: &str) -> Result<Vec<ContentVersion>, StoreError>;
    async fn latest_content_item(
        &self,
        slug: &str,
        language: &str,
    ) -> Result<Option<ContentVersion>, StoreError>;
    /// Every version of an item in a language, newest first (the edit history).
    async fn content_history(&self, slug: &str, language: &str) -> Result<Vec<ContentVersion>, StoreError>;
    /// Stores `item` as the next version (its `version` field is ignored) and returns the number.
    async fn add_content_version(&self, item: &ContentVersion) -> Result<i64, StoreError>;
    /// Inserts version 1 of items that have no version yet; returns how many were added.
    async fn seed_content(&self, items: &[ContentVersion]) -> Result<u64, StoreError>;
}
