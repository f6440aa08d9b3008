//! The layers around every route, in the order a request meets them:
//!
//! 1. request id: a fresh UUID per request (a client's own `x-request-id` is replaced, so nobody
//!    can write into our logs), returned as `x-request-id`;
//! 2. tracing: one span per request holding the request id, method and route (never the query
//!    string or headers, which can carry personal data or credentials);
//! 3. metrics; 4. load shedding; 5. security headers; 6. cookie names (`__Host-` over HTTPS);
//! 7. compression (gzip, br); 8. cache policy (`no-store` for the API and for signed-in people);
//! 9. error rendering: problem+json (API) or an HTML page (browsers), in the reader's language;
//! 10. CSRF cookie; 11. time limit; 12. body size limit; 13. panic recovery, nearest the handler.
//!
//! Around them all, `unread_body` reads what a handler left of a request body (a request refused
//! before its body was read), so that the connection can answer the client's next request.
//!
//! Every request passes all of them, so they are plain tower services composed with
//! `ServiceBuilder` (most are a [`hook::Hook`]: a look at the request, then at the response),
//! added to the router in as few `layer` calls as possible: axum boxes and clones the services
//! beneath each `layer` call, and an `axum::middleware::from_fn` layer boxes its future and
//! clones everything beneath it, at every request.
//!
//! Connection limits (header read time-out, idle keep-alive, how many at once) are not layers:
//! the server loop in `puerta::startup` holds them.

mod body_limit;
pub mod cache_control;
mod compression;
pub mod cookie_names;
mod csrf_cookie;
mod hook;
mod load_shed;
mod panic;
mod problems;
mod record_metrics;
mod request_id;
mod security_headers;
mod unread_body;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::StatusCode;
use tower::ServiceBuilder;
use tower_http::timeout::TimeoutLayer;

use crate::{AppState, WebConfig};
use hook::HookLayer;

/// Wraps `routes` in the whole stack; each `ServiceBuilder` lists its layers from the outermost
/// to the innermost.
pub fn stack(routes: Router<AppState>, state: AppState, config: &WebConfig) -> Router<AppState> {
    let inner = ServiceBuilder::new()
        .layer(HookLayer(security_headers::SecurityHeaders { https: config.https }))
        .option_layer(config.https.then_some(HookLayer(cookie_names::HostCookies)))
        .layer(compression::CompressLayer)
        .layer(HookLayer(cache_control::CachePolicy))
        .layer(HookLayer(problems::RenderErrors))
        .layer(HookLayer(csrf_cookie::EnsureCsrfCookie { https: config.https }))
        .layer(TimeoutLayer::with_status_code(StatusCode::SERVICE_UNAVAILABLE, config.request_timeout))
        // The hard cap per route: document uploads up to `upload_body_bytes`, every other
        // body within `max_body_bytes` (see `body_limit`).
        .layer(HookLayer(body_limit::BodyLimits {
            default: config.max_body_bytes,
            upload: config.upload_body_bytes,
        }))
        .layer(DefaultBodyLimit::max(config.max_body_bytes))
        .layer(panic::CatchPanicLayer);
    let routes = load_shed::apply(routes.layer(inner), config.max_in_flight);
    let outer = ServiceBuilder::new()
        .layer(unread_body::DrainLayer)
        .layer(HookLayer(request_id::AssignId))
        .layer(request_id::trace())
        .layer(HookLayer(record_metrics::Record(state.metrics.clone())));
    routes.layer(outer)
}

#[cfg(test)]
mod tests;
