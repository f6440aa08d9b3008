//! The layers around every route, in the order a request meets them:
//!
//! 1. request id: a fresh UUID per request (a client's own `x-request-id` is replaced, so nobody
//!    can write into our logs), returned as `x-request-id`;
//! 2. tracing: one span per request holding the request id, method and route (never the query
//!    string or headers, which can carry personal data or credentials);
//! 3. metrics; 4. security headers; 5. cookie names (`__Host-` over HTTPS); 6. compression
//!    (gzip, br); 7. cache policy (`no-store` for the API and for signed-in people);
//! 8. error rendering: problem+json (API) or an HTML page (browsers), in the reader's language;
//! 9. CSRF cookie; 10. time limit; 11. body size limit; 12. panic recovery, nearest the handler.
//!
//! Around them all, `unread_body` reads what a handler left of a request body (a request refused
//! before its body was read), so that the connection can answer the client's next request.
//!
//! Connection limits (header read time-out, idle keep-alive, how many at once) are not layers:
//! the server loop in `puerta::startup` holds them.

mod body_limit;
pub mod cache_control;
mod compression;
pub mod cookie_names;
mod panic;
mod problems;
mod record_metrics;
mod request_id;
mod security_headers;
mod unread_body;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::StatusCode;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::timeout::TimeoutLayer;

use crate::{AppState, WebConfig};

/// Wraps `routes` in the whole stack. Later `layer` calls wrap earlier ones, so this reads from
/// the innermost layer to the outermost.
pub fn stack(routes: Router<AppState>, state: AppState, config: &WebConfig) -> Router<AppState> {
    let routes = routes
        .layer(CatchPanicLayer::custom(panic::answer_panic))
        .layer(DefaultBodyLimit::max(config.max_body_bytes))
        // The hard cap per route: document uploads up to `upload_body_bytes`, every other
        // body within `max_body_bytes` (see `body_limit`).
        .layer(axum::middleware::from_fn_with_state(
            body_limit::BodyLimits { default: config.max_body_bytes, upload: config.upload_body_bytes },
            body_limit::limit,
        ))
        .layer(TimeoutLayer::with_status_code(StatusCode::SERVICE_UNAVAILABLE, config.request_timeout))
        .layer(axum::middleware::from_fn_with_state(state.clone(), crate::pages::frame::ensure_csrf_cookie))
        .layer(axum::middleware::from_fn(problems::render))
        .layer(axum::middleware::from_fn(cache_control::policy))
        .layer(axum::middleware::from_fn(compression::compress));
    let routes = cookie_names::apply(routes, config.https);
    let routes = security_headers::apply(routes, config.https);
    let routes = routes.layer(axum::middleware::from_fn_with_state(state, record_metrics::record));
    request_id::apply(routes).layer(axum::middleware::from_fn(unread_body::drain))
}

#[cfg(test)]
mod tests;
