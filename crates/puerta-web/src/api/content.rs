//! `GET /api/v1/entry-requirements` and `/{slug}`: public content in the asked language.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use puerta_app::content::{Entry, EntrySummary};
use puerta_i18n::Language;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::openapi::{LanguageCode, QueryString};
use super::problem::{ApiError, Problem};
use crate::AppState;
use crate::api::list::{PageParams, page};
use crate::api::time::rfc3339;
use crate::locale::request_language;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(list)).routes(routes!(item))
}

#[derive(Deserialize, IntoParams)]
pub struct LangQuery {
    /// `en`, `es`, `ht`, `pt` or `fr`; default: the `lang` cookie, else `Accept-Language`.
    #[param(value_type = Option<LanguageCode>)]
    lang: Option<String>,
}

fn language(query: &LangQuery, headers: &HeaderMap) -> Language {
    query.lang.as_deref().and_then(Language::parse).unwrap_or_else(|| request_language(headers))
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
    headers: HeaderMap,
) -> Result<Json<SummaryList>, ApiError> {
    let all: Vec<SummaryBody> = state
        .app
        .entry_requirements(language(&q, &headers))
        .await?
        .into_iter()
        .map(SummaryBody::from)
        .collect();
    let (items, next_cursor) = page(all, |e| e.slug.clone(), &params)?;
    Ok(Json(SummaryList { items, next_cursor }))
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
    headers: HeaderMap,
) -> Result<Json<ItemBody>, ApiError> {
    Ok(Json(state.app.entry_requirement(&slug, language(&q, &headers)).await?.into()))
}
