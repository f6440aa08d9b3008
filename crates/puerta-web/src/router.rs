//! The route table and the middleware stack around it.

use std::time::Duration;

use axum::Router;
use secrecy::SecretString;
use utoipa::OpenApi;
use utoipa_axum::router::OpenApiRouter;
use utoipa_swagger_ui::SwaggerUi;

use crate::AppState;
use crate::api::{self, openapi::ApiDoc};
use crate::middleware;
use crate::ops;

/// What a multipart upload adds to its file: boundaries, part headers, the `kind` field.
pub const UPLOAD_OVERHEAD_BYTES: usize = 64 * 1024;

/// The HTTP settings the router needs (the `puerta` binary fills them from its configuration).
#[derive(Debug, Clone)]
pub struct WebConfig {
    /// Largest request body accepted, in bytes; larger ones get 413.
    pub max_body_bytes: usize,
    /// Largest document upload body (multipart), in bytes: the largest document plus
    /// [`UPLOAD_OVERHEAD_BYTES`]. Larger ones get 413.
    pub upload_body_bytes: usize,
    /// Longest a request may take before it is answered 503 `timed_out`.
    pub request_timeout: Duration,
    /// Whether users reach Puerta over HTTPS (adds `Strict-Transport-Security`, `Secure` cookies
    /// named with the `__Host-` prefix).
    pub https: bool,
    /// Every `scheme://host[:port]` people use to reach Puerta, for the CSRF Origin check: the
    /// public URL's, else the listening address's. Empty refuses every cookie-authenticated write.
    pub own_origins: Vec<String>,
    /// Reverse proxies whose `X-Forwarded-For` is believed.
    pub trusted_proxies: Vec<std::net::IpAddr>,
    /// The bearer token `/metrics` asks for; `None` turns `/metrics` off (404).
    pub metrics_token: Option<SecretString>,
    /// Requests worked on at once; one more is answered 503 `overloaded` (`load_shed`).
    pub max_in_flight: usize,
}

impl Default for WebConfig {
    fn default() -> Self {
        Self {
            max_body_bytes: 1024 * 1024,
            upload_body_bytes: 6 * 1024 * 1024 + UPLOAD_OVERHEAD_BYTES,
            request_timeout: Duration::from_secs(30),
            https: false,
            own_origins: Vec::new(),
            trusted_proxies: Vec::new(),
            metrics_token: None,
            max_in_flight: 512,
        }
    }
}

/// Every route with its OpenAPI description, before middleware. The OpenAPI document is made from
/// the same calls that register the routes, so a route cannot exist without its description.
pub fn documented_routes() -> (Router<AppState>, utoipa::openapi::OpenApi) {
    OpenApiRouter::with_openapi(ApiDoc::openapi()).merge(api::routes()).merge(ops::routes()).split_for_parts()
}

/// The whole application: routes, API docs, fallbacks and the middleware stack.
pub fn build(state: AppState, config: &WebConfig) -> Router {
    let (routes, openapi) = documented_routes();
    let routes = routes
        .merge(crate::pages::routes())
        .merge(SwaggerUi::new("/api/docs").url("/api/v1/openapi.json", openapi))
        .fallback(api::problem::not_found)
        .method_not_allowed_fallback(api::problem::method_not_allowed);
    middleware::stack(routes, state.clone(), config).with_state(state)
}
