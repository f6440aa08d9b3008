//! `GET /api/v1/ports` and `GET /api/v1/ports/{code}`: public reference data.

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use puerta_app::ports::PublishedPorts;
use puerta_domain::ports::{Port, PortCode};
use puerta_i18n::Language;
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::list::{PageParams, page};
use super::openapi::QueryString;
use super::problem::{ApiError, Problem};
use crate::AppState;
use crate::public_cache::{CacheHeaders, JSON, Shelf, answer};

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(list_ports)).routes(routes!(get_port))
}

/// A port of entry as the API shows it.
#[derive(Debug, Serialize, ToSchema)]
pub struct PortBody {
    /// Three-letter code, e.g. `SYS`.
    #[schema(pattern = "^[A-Z]{3}$", example = "SYS")]
    pub code: String,
    pub name: String,
    pub city: String,
    pub state: String,
    /// IANA time zone; every time at this port is shown in it.
    #[schema(example = "America/Los_Angeles")]
    pub time_zone: String,
    /// Appointments available per day.
    #[schema(minimum = 0)]
    pub daily_capacity: u32,
}

impl From<Port> for PortBody {
    fn from(port: Port) -> Self {
        Self {
            code: port.code.to_string(),
            name: port.name,
            city: port.city,
            state: port.state,
            time_zone: port.time_zone.name().to_string(),
            daily_capacity: port.daily_capacity.get(),
        }
    }
}

/// A page of ports (see docs/API.md, "Lists").
#[derive(Debug, Serialize, ToSchema)]
pub struct PortList {
    pub items: Vec<PortBody>,
    pub next_cursor: Option<String>,
}

/// List the ports of entry, ordered by code.
#[utoipa::path(
    get, path = "/api/v1/ports", tag = "ports", params(PageParams),
    responses(
        QueryString,
        (status = 200, description = "The ports, ordered by code", body = PortList),
        (status = 422, description = "`validation_failed`: a bad cursor", body = Problem, content_type = "application/problem+json"),
        (status = 500, description = "Server failure", body = Problem, content_type = "application/problem+json")
    )
)]
async fn list_ports(
    State(state): State<AppState>,
    Query(params): Query<PageParams>,
    cache_headers: CacheHeaders,
) -> Result<Response, ApiError> {
    let published = state.app.published_ports().await?;
    let first_page = params.cursor.is_none() && params.limit.is_none();
    if !first_page {
        return Ok(Json(port_page(&published, &params)?).into_response());
    }
    // The whole list as everyone asks for it: kept as bytes until the ports change.
    let kept = state.public_cache.get_or_make(
        (Shelf::PortList, Language::En, ""),
        published.generation(),
        None,
        || json_bytes(&port_page(&published, &params)?),
    )?;
    Ok(answer(&kept, &cache_headers, JSON, Some(REVALIDATE), false))
}

fn port_page(published: &PublishedPorts, params: &PageParams) -> Result<PortList, ApiError> {
    let ports: Vec<PortBody> = published.ports().iter().cloned().map(PortBody::from).collect();
    let (items, next_cursor) = page(ports, |p| p.code.clone(), params)?;
    Ok(PortList { items, next_cursor })
}

/// One port of entry by its code.
#[utoipa::path(
    get, path = "/api/v1/ports/{code}", tag = "ports",
    params(("code" = String, Path, description = "Three-letter port code, e.g. `SYS`")),
    responses(
        (status = 200, description = "The port", body = PortBody),
        (status = 404, description = "No port has this code", body = Problem, content_type = "application/problem+json")
    )
)]
async fn get_port(
    State(state): State<AppState>,
    Path(code): Path<String>,
    cache_headers: CacheHeaders,
) -> Result<Response, ApiError> {
    // A code of the wrong shape cannot name a port: answer as for any unknown code.
    let code = PortCode::parse(&code).map_err(|_| ApiError::not_found())?;
    let published = state.app.published_ports().await?;
    let port = published.find(&code).ok_or_else(ApiError::not_found)?;
    let kept = state.public_cache.get_or_make(
        (Shelf::Port, Language::En, code.as_str()),
        published.generation(),
        None,
        || json_bytes(&PortBody::from(port.clone())),
    )?;
    Ok(answer(&kept, &cache_headers, JSON, Some(REVALIDATE), false))
}

/// Public reference reads: anyone may keep them, and asks again each time (an edit shows at
/// once); the `ETag` makes asking again cheap.
pub(crate) const REVALIDATE: &str = "no-cache";

/// `value` as the JSON body `Json` would send.
pub(crate) fn json_bytes(value: &impl Serialize) -> Result<Bytes, ApiError> {
    serde_json::to_vec(value).map(Bytes::from).map_err(|e| {
        tracing::error!(error = %e, "a public body does not serialize");
        ApiError::internal()
    })
}
