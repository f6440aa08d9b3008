//! Load shedding: at most `max_in_flight` requests are worked on at once. One more is answered
//! at once with `503` `overloaded` and `Retry-After: 1`, in the reader's language, instead of
//! queueing behind the others (for the database pool, the password hasher) until everyone
//! times out. A client told to come back in a second costs a few microseconds; a queue that
//! grows without bound costs every request its time limit.
//!
//! A request holds its place until its handler has answered (the response's head); a body
//! streamed after that (a document download) no longer counts. Not shed: the health checks
//! (an orchestrator must see a busy instance as alive and ready, or it would restart the
//! instances that do the work), `/metrics` (watching an overload is when it matters most), and
//! the live stream, which holds its request open for minutes while costing almost nothing.

use std::sync::Arc;

use axum::Router;
use axum::extract::Request;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

use super::hook::{Hook, HookLayer};
use crate::AppState;
use crate::api::problem::{ApiError, ProblemCode};
use crate::locale::request_language;
use crate::pages::error_page;

/// Seconds a shed client is asked to wait.
pub const RETRY_AFTER_SECS: u64 = 1;

/// Paths never shed.
const EXEMPT: &[&str] = &["/healthz", "/readyz", "/metrics", "/api/v1/notifications/stream"];

/// Wraps `routes` so that at most `max_in_flight` requests (at least 1) are worked on at once.
pub fn apply(routes: Router<AppState>, max_in_flight: usize) -> Router<AppState> {
    routes.layer(HookLayer(Shed::new(max_in_flight.max(1))))
}

/// The places: one per request being worked on.
#[derive(Clone)]
struct Shed(Arc<Semaphore>);

impl Shed {
    fn new(places: usize) -> Self {
        Self(Arc::new(Semaphore::new(places.min(Semaphore::MAX_PERMITS))))
    }
}

impl Hook for Shed {
    /// The request's place, given back when its handler has answered (or it was dropped).
    type Seen = Option<OwnedSemaphorePermit>;

    fn before(&self, request: &mut Request) -> Result<Self::Seen, Response> {
        if EXEMPT.contains(&request.uri().path()) {
            return Ok(None);
        }
        // Never waits: a full house answers now.
        match Arc::clone(&self.0).try_acquire_owned() {
            Ok(place) => Ok(Some(place)),
            Err(_) => Err(overloaded(request)),
        }
    }

    fn after(&self, place: Self::Seen, response: Response) -> Response {
        drop(place);
        response
    }
}

/// The 503, rendered here: this layer sits outside the one that renders errors.
fn overloaded(request: &Request) -> Response {
    let error = ApiError {
        retry_after_secs: Some(RETRY_AFTER_SECS),
        ..ApiError::new(StatusCode::SERVICE_UNAVAILABLE, ProblemCode::Overloaded)
    };
    let headers = request.headers();
    let language = request_language(headers);
    let wants_html = !request.uri().path().starts_with("/api/")
        && headers.get(header::ACCEPT).and_then(|v| v.to_str().ok()).is_some_and(|v| v.contains("text/html"));
    if wants_html {
        let id = headers.get("x-request-id").and_then(|v| v.to_str().ok()).unwrap_or("-");
        error_page(&error, language, id)
    } else {
        error.render(language)
    }
    .into_response()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use axum::body::Body;
    use axum::routing::get;
    use tokio::sync::oneshot;
    use tower::ServiceExt;

    use super::*;

    /// What `/hold` takes: a signal to send once inside, and one to wait for before answering.
    type Hold = Arc<std::sync::Mutex<Option<(oneshot::Sender<()>, oneshot::Receiver<()>)>>>;

    /// A stand-in for the stack: routes with no state, wrapped by the same layer.
    fn limited(places: usize, hold: Hold) -> Router {
        let held = move || {
            let hold = Arc::clone(&hold);
            async move {
                let signals = hold.lock().expect("lock").take();
                if let Some((inside, release)) = signals {
                    inside.send(()).expect("the test listens");
                    release.await.expect("the test releases");
                }
                "held"
            }
        };
        Router::new()
            .route("/hold", get(held))
            .route("/quick", get(|| async { "quick" }))
            .route("/healthz", get(|| async { "ok" }))
            .layer(HookLayer(Shed::new(places)))
    }

    fn get_request(path: &str) -> Request {
        Request::get(path).body(Body::empty()).expect("request")
    }

    #[tokio::test]
    async fn past_the_limit_a_request_gets_503_overloaded_with_retry_after_in_its_language() {
        let (inside_tx, inside_rx) = oneshot::channel();
        let (release_tx, release_rx) = oneshot::channel();
        let app = limited(1, Arc::new(std::sync::Mutex::new(Some((inside_tx, release_rx)))));
        // The first request goes in and stays until released.
        let first = tokio::spawn(app.clone().oneshot(get_request("/hold")));
        inside_rx.await.expect("the first request is in its handler");

        let request = Request::get("/quick")
            .header(header::ACCEPT_LANGUAGE, "es")
            .body(Body::empty())
            .expect("request");
        let response = app.clone().oneshot(request).await.expect("answered");
        assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(response.headers()[header::RETRY_AFTER], "1");
        let content_type = response.headers()[header::CONTENT_TYPE].to_str().expect("ascii").to_string();
        assert!(content_type.starts_with("application/problem+json"), "{content_type}");
        let body = axum::body::to_bytes(response.into_body(), usize::MAX).await.expect("body");
        let problem: serde_json::Value = serde_json::from_slice(&body).expect("json");
        assert_eq!(problem["code"], "overloaded");
        assert_eq!(problem["status"], 503);
        assert_eq!(problem["detail"], puerta_i18n::t(puerta_i18n::Language::Es, "problem-overloaded"));

        // Health checks are never shed.
        let health = app.clone().oneshot(get_request("/healthz")).await.expect("answered");
        assert_eq!(health.status(), StatusCode::OK);

        // Once the first has answered, its place is free again.
        release_tx.send(()).expect("released");
        let first = first.await.expect("joined").expect("answered");
        assert_eq!(first.status(), StatusCode::OK);
        let again = app.oneshot(get_request("/quick")).await.expect("answered");
        assert_eq!(again.status(), StatusCode::OK);
    }

    #[tokio::test]
    async fn a_browser_on_a_page_gets_the_error_page() {
        let app = limited(0, Arc::new(std::sync::Mutex::new(None)));
        let request = Request::get("/quick").header(header::ACCEPT, "text/html").body(Body::empty());
        let response = app.oneshot(request.expect("request")).await.expect("answered");
        assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(response.headers()[header::RETRY_AFTER], "1");
        let content_type = response.headers()[header::CONTENT_TYPE].to_str().expect("ascii").to_string();
        assert!(content_type.starts_with("text/html"), "{content_type}");
    }
}
