//! Published content (Entry Requirements): every edit is a new version of a (slug, language).

use puerta_domain::accounts::Language;
use puerta_domain::content::ContentVersion;
use puerta_domain::ids::UserId;

use crate::StoreError;
use crate::accounts::records::{language, opt_user_id};
use crate::error::conflict_on_unique;
use crate::unit_of_work::{exec, fetch_all, fetch_one, fetch_optional, refusable, repository};

repository!(
    /// Entry Requirements and other published content, versioned.
    Content
);

const COLUMNS: &str = "slug, language, version, position, title, summary, body_md, author_id, created_at";

#[derive(sqlx::FromRow)]
struct Row {
    slug: String,
    language: String,
    version: i64,
    position: i64,
    title: String,
    summary: String,
    body_md: String,
    author_id: Option<String>,
    created_at: i64,
}

impl TryFrom<Row> for ContentVersion {
    type Error = StoreError;

    fn try_from(r: Row) -> Result<Self, StoreError> {
        Ok(ContentVersion {
            slug: r.slug,
            language: language(&r.language)?,
            version: r.version,
            position: r.position,
            title: r.title,
            summary: r.summary,
            body_md: r.body_md,
            author_id: opt_user_id(r.author_id)?,
            created_at_ms: r.created_at,
        })
    }
}

fn all(rows: Vec<Row>) -> Result<Vec<ContentVersion>, StoreError> {
    rows.into_iter().map(ContentVersion::try_from).collect()
}

impl<M> Content<'_, M> {
    /// The newest version of every item in `language`, ordered by position then slug.
    pub async fn latest(&mut self, lang: Language) -> Result<Vec<ContentVersion>, StoreError> {
        let sql = format!(
            "SELECT {COLUMNS} FROM content_versions c WHERE language = $1 AND version = \
             (SELECT MAX(version) FROM content_versions m WHERE m.slug = c.slug AND m.language = c.language) \
             ORDER BY position, slug"
        );
        all(fetch_all!(&mut self.conn, Row, &sql, lang.code())?)
    }

    pub async fn latest_item(
        &mut self,
        slug: &str,
        lang: Language,
    ) -> Result<Option<ContentVersion>, StoreError> {
        let sql = format!(
            "SELECT {COLUMNS} FROM content_versions WHERE slug = $1 AND language = $2 ORDER BY version DESC LIMIT 1"
        );
        fetch_optional!(&mut self.conn, Row, &sql, slug, lang.code())?
            .map(ContentVersion::try_from)
            .transpose()
    }

    /// Every version of an item in a language, newest first (the edit history).
    pub async fn history(&mut self, slug: &str, lang: Language) -> Result<Vec<ContentVersion>, StoreError> {
        let sql = format!(
            "SELECT {COLUMNS} FROM content_versions WHERE slug = $1 AND language = $2 ORDER BY version DESC"
        );
        all(fetch_all!(&mut self.conn, Row, &sql, slug, lang.code())?)
    }
}

impl Content<'_, crate::Write> {
    /// Stores `item` as the next version (its `version` field is ignored) and returns the number.
    /// `Conflict` when another editor saved the same version at the same moment.
    pub async fn add_version(&mut self, item: &ContentVersion) -> Result<i64, StoreError> {
        let (next,) = fetch_one!(
            &mut self.conn,
            (i64,),
            "SELECT COALESCE(MAX(version), 0) + 1 FROM content_versions WHERE slug = $1 AND language = $2",
            &item.slug,
            item.language.code()
        )?;
        let sql =
            format!("INSERT INTO content_versions ({COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)");
        refusable!(&mut self.conn, conn => {
            exec!(
                conn,
                &sql,
                &item.slug,
                item.language.code(),
                next,
                item.position,
                &item.title,
                &item.summary,
                &item.body_md,
                item.author_id.as_ref().map(UserId::as_str),
                item.created_at_ms,
            )
        })
        .map_err(conflict_on_unique)?;
        Ok(next)
    }

    /// Inserts version 1 of items that have no version yet; returns how many were added.
    pub async fn seed(&mut self, items: &[ContentVersion]) -> Result<u64, StoreError> {
        let sql = format!(
            "INSERT INTO content_versions ({COLUMNS}) SELECT $1, $2, 1, $3, $4, $5, $6, NULL, $7 \
             WHERE NOT EXISTS (SELECT 1 FROM content_versions WHERE slug = $1 AND language = $2)"
        );
        let mut added = 0;
        for item in items {
            added += exec!(
                &mut self.conn,
                &sql,
                &item.slug,
                item.language.code(),
                item.position,
                &item.title,
                &item.summary,
                &item.body_md,
                item.created_at_ms,
            )?;
        }
        Ok(added)
    }
}
