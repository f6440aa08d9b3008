//! The daily draw, public: its window, commitment, share and places before; its frozen inputs'
//! digest; after it runs, the whole publication that `puerta draw verify --file` checks.
//! An administrator records the public random value between the freeze and the draw.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use puerta_app::appointments::DrawView;
use puerta_domain::appointments::PublishedDraw;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AppState;
use crate::api::json::ApiJson;
use crate::api::openapi::{JsonBody, SignedInWrite};
use crate::api::problem::{ApiError, Problem};
use crate::api::time::rfc3339;
use crate::auth::{ApiActor, Client};

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(get_draw))
        .routes(routes!(get_draw_results))
        .routes(routes!(set_public_randomness))
}

#[derive(Serialize, ToSchema)]
pub struct WindowOut {
    #[schema(format = DateTime)]
    opens_at: String,
    /// Exclusive: the end of the window's last minute.
    #[schema(format = DateTime)]
    closes_at: String,
}

#[derive(Serialize, ToSchema)]
pub struct PortPlacesOut {
    port_code: String,
    places: u32,
}

#[derive(Serialize, ToSchema)]
pub struct PublicRandomnessOut {
    source: String,
    value_hex: String,
}

/// One day's draw, as anyone may read it.
#[derive(Serialize, ToSchema)]
pub struct DrawOut {
    #[schema(format = Date)]
    date: String,
    /// `upcoming`, `open`, `closed` (being frozen), `frozen` (inputs fixed, digest published),
    /// `drawn` (results published).
    status: String,
    window: WindowOut,
    /// When the draw runs.
    #[schema(format = DateTime)]
    runs_at: String,
    /// SHA-256 of the draw's secret (hex), fixed before the window opened.
    seed_commitment: String,
    /// SHA-256 of the frozen inputs (hex), once the window has closed.
    inputs_digest: Option<String>,
    public_randomness: Option<PublicRandomnessOut>,
    /// The draw's seed (hex), once drawn.
    seed: Option<String>,
    /// Thousandths of each port's places for the oldest registrations.
    oldest_share: u32,
    capacity: Vec<PortPlacesOut>,
    /// Requests in the frozen inputs.
    requests: Option<u64>,
}

impl From<DrawView> for DrawOut {
    fn from(d: DrawView) -> Self {
        Self {
            date: d.date,
            status: d.status.to_string(),
            window: WindowOut { opens_at: rfc3339(d.opens_at), closes_at: rfc3339(d.closes_at) },
            runs_at: rfc3339(d.runs_at),
            seed_commitment: d.seed_commitment,
            inputs_digest: d.inputs_digest,
            public_randomness: d
                .public_randomness
                .map(|r| PublicRandomnessOut { source: r.source, value_hex: r.value_hex }),
            seed: d.seed,
            oldest_share: d.oldest_share_permille,
            capacity: d
                .capacity
                .into_iter()
                .map(|p| PortPlacesOut { port_code: p.port_code, places: p.places })
                .collect(),
            requests: d.requests,
        }
    }
}

/// A day's draw: window, commitment, share and places (public).
#[utoipa::path(get, path = "/api/v1/draws/{date}", tag = "appointments",
    params(("date" = String, Path, description = "The request day, `YYYY-MM-DD`", max_length = 10)),
    responses((status = 200, body = DrawOut),
        (status = 404, description = "`not_found`: no draw that day", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`validation_failed`: not a date", body = Problem, content_type = "application/problem+json")))]
async fn get_draw(
    State(state): State<AppState>,
    Path(date): Path<String>,
) -> Result<Json<DrawOut>, ApiError> {
    Ok(Json(state.app.draw_view(&date).await?.into()))
}

/// A drawn day's publication: the revealed secret, the inputs without personal data (an opaque
/// id per request, port, group size, registration time), the places, the share and the result.
/// `puerta draw verify --file` recomputes it; `docs/DRAW.md` explains how.
#[utoipa::path(get, path = "/api/v1/draws/{date}/results", tag = "appointments",
    params(("date" = String, Path, max_length = 10)),
    responses((status = 200, description = "The publication (`docs/DRAW.md`)", body = Object),
        (status = 404, description = "`not_found`: not drawn (yet)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`validation_failed`: not a date", body = Problem, content_type = "application/problem+json")))]
async fn get_draw_results(
    State(state): State<AppState>,
    Path(date): Path<String>,
) -> Result<Json<PublishedDraw>, ApiError> {
    Ok(Json(state.app.draw_results(&date).await?))
}

#[derive(Deserialize, ToSchema)]
pub struct PublicRandomnessBody {
    /// Where anyone can look the value up, e.g. a beacon's name and round.
    #[schema(min_length = 1, max_length = 200)]
    source: String,
    /// The value, hexadecimal (16 to 512 bytes).
    #[schema(min_length = 32, max_length = 1024, pattern = "^[0-9a-fA-F]+$")]
    value_hex: String,
}

/// Record the public random value of a frozen draw (administrators).
#[utoipa::path(put, path = "/api/v1/admin/draws/{date}/public-randomness", tag = "admin", security(("bearer" = [])),
    params(("date" = String, Path, max_length = 10)), request_body = PublicRandomnessBody,
    responses(JsonBody, SignedInWrite, (status = 204, description = "Recorded"),
        (status = 403, description = "`forbidden` or `mfa_required`", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "`not_found`: no draw that day", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "`draw_not_frozen`: only between the freeze and the draw, once", body = Problem, content_type = "application/problem+json")))]
async fn set_public_randomness(
    State(state): State<AppState>,
    Client(client): Client,
    ApiActor(actor): ApiActor,
    Path(date): Path<String>,
    ApiJson(body): ApiJson<PublicRandomnessBody>,
) -> Result<StatusCode, ApiError> {
    state.app.set_draw_public_randomness(&client, Some(&actor), &date, &body.source, &body.value_hex).await?;
    Ok(StatusCode::NO_CONTENT)
}
