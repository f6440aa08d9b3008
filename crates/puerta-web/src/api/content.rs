//! `GET /api/v1/entry-requirements` and `/{slug}`: public content in the asked language.

use axum::Json;
use axum::extract::{FromRequestParts, Path, Query, State};
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use puerta_app::content::{Entry, EntrySummary};
use puerta_i18n::Language;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::openapi::{LanguageCode, QueryString};
use super::ports::{REVALIDATE, json_bytes};
use super::problem::{ApiError, Problem};
use crate::AppState;
use crate::api::list::{PageParams, page};
use crate::api::time::rfc3339;
use crate::locale::request_language;
use crate::public_cache::{CacheHeaders, JSON, Shelf, answer};

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(list)).routes(routes!(item))
}

#[derive(Deserialize, IntoParams)]
pub struct LangQuery {
    /// `en`, `es`, `ht`, `pt` or `fr`; default: the `lang` cookie, else `Accept-Language`.
    #[param(value_type = Option<LanguageCode>)]
    lang: Option<String>,
}

/// The language asked for with `?lang=`, else the reader's (cookie, else `Accept-Language`), and
/// whether the latter decided (then the answer varies with those headers).
fn language(query: &LangQuery, reader: Language) -> (Language, bool) {
    match query.lang.as_deref().and_then(Language::parse) {
        Some(asked) => (asked, false),
        None => (reader, true),
    }
}

/// The reader's language from the `lang` cookie, else `Accept-Language` (read in place).
pub struct ReaderLanguage(pub Language);

impl<S: Send + Sync> FromRequestParts<S> for ReaderLanguage {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        Ok(Self(request_language(&parts.headers)))
    }
}

#[derive(Serialize, ToSchema)]
pub struct SummaryBody {
    slug: String,
    title: String,
    summary: String,
    /// RFC 3339, UTC.
    #[schema(format = DateTime)]
    updated_at: String,
    /// The language of the text: the one asked for, or `en` when not translated yet.
    #[schema(value_type = LanguageCode)]
    language: String,
    /// True when the text is the English original because no translation exists.
    fallback: bool,
}

impl From<EntrySummary> for SummaryBody {
    fn from(e: EntrySummary) -> Self {
        Self {
            updated_at: rfc3339(e.updated_at),
            language: e.language.code().into(),
            slug: e.slug,
            title: e.title,
            summary: e.summary,
            fallback: e.fallback,
        }
    }
}

/// A page of Entry Requirements (see docs/API.md, "Lists").
#[derive(Serialize, ToSchema)]
pub struct SummaryList {
    items: Vec<SummaryBody>,
    next_cursor: Option<String>,
}

/// List the entry requirements, in reading order.
#[utoipa::path(get, path = "/api/v1/entry-requirements", tag = "content", params(LangQuery, PageParams),
    responses(QueryString, (status = 200, body = SummaryList),
        (status = 422, description = "`validation_failed`: a bad cursor", body = Problem, content_type = "application/problem+json")))]
async fn list(
    State(state): State<AppState>,
    Query(q): Query<LangQuery>,
    Query(params): Query<PageParams>,
    ReaderLanguage(reader): ReaderLanguage,
    cache_headers: CacheHeaders,
) -> Result<Response, ApiError> {
    let (language, by_headers) = language(&q, reader);
    let published = state.app.published_entries(language).await?;
    let make = || -> Result<SummaryList, ApiError> {
        let all: Vec<SummaryBody> = published.list().iter().cloned().map(SummaryBody::from).collect();
        let (items, next_cursor) = page(all, |e| e.slug.clone(), &params)?;
        Ok(SummaryList { items, next_cursor })
    };
    if params.cursor.is_some() || params.limit.is_some() {
        return Ok(Json(make()?).into_response());
    }
    // The first page as everyone asks for it: kept as bytes until an edit.
    let kept = state.public_cache.get_or_make(
        (Shelf::EntryList, language, ""),
        published.generation(),
        None,
        || json_bytes(&make()?),
    )?;
    Ok(answer(&kept, &cache_headers, JSON, Some(REVALIDATE), by_headers))
}

#[derive(Serialize, ToSchema)]
pub struct ItemBody {
    slug: String,
    title: String,
    /// Rendered from Markdown and sanitized.
    body_html: String,
    #[schema(format = DateTime)]
    updated_at: String,
    /// Increases at every edit.
    #[schema(minimum = 1)]
    version: i64,
    #[schema(value_type = LanguageCode)]
    language: String,
    fallback: bool,
}

impl From<Entry> for ItemBody {
    fn from(e: Entry) -> Self {
        Self {
            updated_at: rfc3339(e.updated_at),
            language: e.language.code().into(),
            slug: e.slug,
            title: e.title,
            body_html: e.body_html,
            version: e.version,
            fallback: e.fallback,
        }
    }
}

/// One entry requirement.
#[utoipa::path(get, path = "/api/v1/entry-requirements/{slug}", tag = "content", params(LangQuery, ("slug" = String, Path)),
    responses(QueryString, (status = 200, body = ItemBody), (status = 404, description = "`not_found`: no such entry", body = Problem, content_type = "application/problem+json")))]
async fn item(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    Query(q): Query<LangQuery>,
    ReaderLanguage(reader): ReaderLanguage,
    cache_headers: CacheHeaders,
) -> Result<Response, ApiError> {
    let (language, by_headers) = language(&q, reader);
    let published = state.app.published_entries(language).await?;
    // Only published slugs are kept (so what is kept stays bounded).
    let entry = published.item(&slug).ok_or_else(ApiError::not_found)?;
    let kept = state.public_cache.get_or_make(
        (Shelf::EntryItem, language, &slug),
        published.generation(),
        None,
        || json_bytes(&ItemBody::from(Entry::clone(entry))),
    )?;
    Ok(answer(&kept, &cache_headers, JSON, Some(REVALIDATE), by_headers))
}
