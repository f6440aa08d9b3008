//! The accounts API: registration, verification, sessions (bearer tokens), the caller's own
//! account and second factor, password reset, and administration. Contract in `docs/API.md`.

mod admin;
mod me;
mod registration;
mod sessions;

use utoipa_axum::router::OpenApiRouter;

use crate::AppState;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .merge(registration::routes())
        .merge(sessions::routes())
        .merge(me::routes())
        .merge(admin::routes())
}

/// `{"status": "…"}`: the answer of actions that return nothing else.
#[derive(Debug, serde::Serialize, utoipa::ToSchema)]
pub struct Status {
    #[schema(example = "verification_sent")]
    pub status: &'static str,
}
