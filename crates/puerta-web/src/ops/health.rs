use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::Serialize;
use utoipa::ToSchema;

use crate::AppState;
use crate::api::problem::{ApiError, Problem};

#[derive(Serialize, ToSchema)]
pub struct HealthBody {
    #[schema(example = "ok")]
    status: &'static str,
}

/// Liveness: 200 while the process runs.
#[utoipa::path(get, path = "/healthz", tag = "operations",
    responses((status = 200, description = "The process is alive", body = HealthBody)))]
pub async fn healthz() -> Json<HealthBody> {
    Json(HealthBody { status: "ok" })
}

/// Readiness: 200 when the database answers, 503 otherwise.
#[utoipa::path(get, path = "/readyz", tag = "operations",
    responses(
        (status = 200, description = "Ready to serve", body = HealthBody),
        (status = 503, description = "The database does not answer", body = Problem, content_type = "application/problem+json")
    ))]
pub async fn readyz(State(state): State<AppState>) -> Result<Json<HealthBody>, ApiError> {
    match state.app.ready().await {
        Ok(()) => Ok(Json(HealthBody { status: "ready" })),
        Err(e) => {
            tracing::warn!(error = %e, "readiness check failed");
            Err(ApiError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                crate::api::problem::ProblemCode::DatabaseUnavailable,
            ))
        }
    }
}
