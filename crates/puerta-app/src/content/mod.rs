//! Entry Requirements: public content in every language, versioned at each edit, edited by
//! administrators with a preview. A language without a translation of an item shows English
//! and says so (`fallback`).

mod markdown;
mod seed;

use std::collections::HashMap;
use std::sync::Arc;

use puerta_domain::access::{Action, Target};
use puerta_domain::audit::AuditAction;
use puerta_domain::content::{ContentSlug, ContentVersion, check_edit};
use puerta_i18n::Language;
use puerta_store::StoreError;

pub use markdown::render_markdown;
use markdown::rendered_body;
pub(crate) use seed::seed_items;

use crate::accounts::{Actor, RequestContext};
use crate::reference_cache::{Area, ReferenceCache, Tagged};
use crate::{App, AppError, FieldProblem};

/// An item in the list.
#[derive(Debug, Clone, serde::Serialize)]
pub struct EntrySummary {
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub updated_at: i64,
    /// The language the text is in (English when `fallback`).
    pub language: Language,
    pub fallback: bool,
}

/// An administrator's edit of one item in one language.
#[derive(Debug, Clone, Copy)]
pub struct EntryEdit<'a> {
    pub slug: &'a str,
    pub language: Language,
    pub title: &'a str,
    pub summary: &'a str,
    pub body_md: &'a str,
}

/// One item, ready to show.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Entry {
    pub slug: String,
    pub title: String,
    pub summary: String,
    /// Rendered from Markdown and sanitized.
    pub body_html: String,
    pub body_md: String,
    pub updated_at: i64,
    pub version: i64,
    pub language: Language,
    pub fallback: bool,
}

/// The language an editor chose, by its code: an unknown one is refused (field `lang`), never
/// saved as English.
pub fn edit_language(code: &str) -> Result<Language, AppError> {
    Language::ALL
        .into_iter()
        .find(|l| l.code() == code.trim())
        .ok_or_else(|| AppError::field("lang", "error-language-invalid"))
}

fn entry(v: ContentVersion, fallback: bool) -> Entry {
    Entry {
        // Rendered and sanitized once per body, then read from memory (see `markdown`).
        body_html: rendered_body(&v.body_md).to_string(),
        language: v.language,
        slug: v.slug,
        title: v.title,
        summary: v.summary,
        body_md: v.body_md,
        updated_at: v.created_at_ms,
        version: v.version,
        fallback,
    }
}

/// What is published in one language, as readers see it: the list in reading order and every
/// item (its own translation, else English marked `fallback`), bodies rendered. Kept in memory
/// until an edit (see `reference_cache`); read through [`App::published_entries`].
#[derive(Debug)]
pub struct PublishedEntries {
    language: Language,
    list: Vec<EntrySummary>,
    items: HashMap<String, Arc<Entry>>,
    generation: Option<u64>,
}

impl PublishedEntries {
    pub fn language(&self) -> Language {
        self.language
    }

    /// Every item, in reading order.
    pub fn list(&self) -> &[EntrySummary] {
        &self.list
    }

    /// One item by its slug.
    pub fn item(&self, slug: &str) -> Option<&Arc<Entry>> {
        self.items.get(slug)
    }

    /// Names this exact content: it changes whenever what is published may have changed, so
    /// anything derived from it (a page's bytes, a JSON body) may be kept under it. `None`: this
    /// read is not kept, so neither may anything made from it.
    pub fn generation(&self) -> Option<u64> {
        self.generation
    }
}

impl Tagged for PublishedEntries {
    fn tag(&self) -> Option<u64> {
        self.generation
    }
}

impl App {
    /// Everything published in `language`, from memory while no edit came since it was read.
    /// Public.
    pub async fn published_entries(&self, language: Language) -> Result<Arc<PublishedEntries>, AppError> {
        let cache = &self.inner.reference;
        let slot = &cache.content[language as usize];
        cache
            .get_or_build(&self.inner.store, Area::Content, slot, |generation| {
                self.read_published_entries(language, generation)
            })
            .await
    }

    async fn read_published_entries(
        &self,
        language: Language,
        generation: Option<u64>,
    ) -> Result<PublishedEntries, AppError> {
        let mut read = self.reader().await?;
        let english = read.content().latest(Language::En).await?;
        let translated =
            if language == Language::En { Vec::new() } else { read.content().latest(language).await? };
        drop(read);
        let list = english
            .iter()
            .map(|en| {
                let own = translated.iter().find(|t| t.slug == en.slug);
                let fallback = own.is_none() && language != Language::En;
                let v = own.unwrap_or(en);
                EntrySummary {
                    language: v.language,
                    slug: v.slug.clone(),
                    title: v.title.clone(),
                    summary: v.summary.clone(),
                    updated_at: v.created_at_ms,
                    fallback,
                }
            })
            .collect();
        // An item in its own language; else the English one, which says so.
        let mut items = HashMap::with_capacity(english.len().max(translated.len()));
        for v in translated {
            items.insert(v.slug.clone(), Arc::new(entry(v, false)));
        }
        for en in english {
            if !items.contains_key(&en.slug) {
                items.insert(en.slug.clone(), Arc::new(entry(en, language != Language::En)));
            }
        }
        Ok(PublishedEntries { language, list, items, generation })
    }

    /// Every item in `language`, English where it has no translation. Public.
    pub async fn entry_requirements(&self, language: Language) -> Result<Vec<EntrySummary>, AppError> {
        Ok(self.published_entries(language).await?.list().to_vec())
    }

    /// One item in `language`, or in English when untranslated. Public.
    pub async fn entry_requirement(&self, slug: &str, language: Language) -> Result<Entry, AppError> {
        let slug = ContentSlug::parse(slug).map_err(|_| AppError::NotFound)?;
        let published = self.published_entries(language).await?;
        published.item(slug.as_str()).map(|e| Entry::clone(e)).ok_or(AppError::NotFound)
    }

    /// The edit history of an item in a language (administrators).
    pub async fn entry_history(
        &self,
        actor: &Actor,
        slug: &str,
        language: Language,
    ) -> Result<Vec<Entry>, AppError> {
        actor.authorize(Action::EditContent, Target::None)?;
        let slug = ContentSlug::parse(slug).map_err(|_| AppError::NotFound)?;
        Ok(self
            .reader()
            .await?
            .content()
            .history(slug.as_str(), language)
            .await?
            .into_iter()
            .map(|v| entry(v, false))
            .collect())
    }

    /// Saves an edit as a new version (administrators). The item must exist in English; a
    /// translation may be added in any language.
    pub async fn edit_entry_requirement(
        &self,
        ctx: &RequestContext,
        actor: &Actor,
        edit: EntryEdit<'_>,
    ) -> Result<i64, AppError> {
        let EntryEdit { slug, language, title, summary, body_md } = edit;
        actor.authorize(Action::EditContent, Target::None)?;
        let slug = ContentSlug::parse(slug).map_err(|_| AppError::NotFound)?;
        let problems = check_edit(title, summary, body_md);
        if !problems.is_empty() {
            return Err(AppError::Validation(
                problems.into_iter().map(|(f, e)| FieldProblem::new(f, e)).collect(),
            ));
        }
        // Listening before the transaction, so that this instance hears its own announcement.
        self.inner.reference.listen(&self.inner.store).await;
        let mut tx = self.begin().await?;
        let english =
            tx.content().latest_item(slug.as_str(), Language::En).await?.ok_or(AppError::NotFound)?;
        let item = ContentVersion {
            slug: slug.as_str().to_string(),
            language,
            version: 0,
            position: english.position,
            title: title.trim().to_string(),
            summary: summary.trim().to_string(),
            body_md: body_md.trim().replace("\r\n", "\n"),
            author_id: Some(actor.user_id.clone()),
            created_at_ms: self.now(),
        };
        let version = match tx.content().add_version(&item).await {
            Ok(v) => v,
            Err(StoreError::Conflict) => return Err(AppError::Conflict("conflict")),
            Err(e) => return Err(e.into()),
        };
        let detail = format!("{} {} v{version}", item.slug, item.language);
        self.audit(&mut tx, ctx, Some(&actor.user_id), AuditAction::ContentEdited, None, Some(detail))
            .await?;
        // Every instance drops what it keeps of the content when this commits.
        let nonce = ReferenceCache::announce(&mut tx, Area::Content).await?;
        self.commit(tx).await?;
        self.inner.reference.after_commit(Area::Content, nonce).await;
        Ok(version)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reading_a_version_renders_its_body_once() {
        let body_md = format!("Read me {}.", uuid::Uuid::new_v4());
        let version = ContentVersion {
            slug: "on-the-day".into(),
            language: Language::Es,
            version: 3,
            position: 1,
            title: "T".into(),
            summary: String::new(),
            body_md: body_md.clone(),
            author_id: None,
            created_at_ms: 1,
        };
        assert!(!markdown::is_cached(&body_md));
        let first = entry(version.clone(), false);
        assert!(markdown::is_cached(&body_md), "the first read keeps the rendered HTML");
        assert_eq!(entry(version, false).body_html, first.body_html);
    }

    #[test]
    fn an_unknown_editing_language_is_refused_not_taken_for_english() {
        assert_eq!(edit_language("ht").ok(), Some(Language::Ht));
        for bad in ["", "xx", "english", "es-MX", "EN"] {
            match edit_language(bad) {
                Err(AppError::Validation(problems)) => {
                    assert_eq!(
                        (problems[0].field.as_str(), problems[0].message_id.as_str()),
                        ("lang", "error-language-invalid")
                    );
                }
                other => panic!("{bad}: {other:?}"),
            }
        }
    }
}
