use axum::extract::{MatchedPath, Request};
use axum::http::StatusCode;
use axum::http::{HeaderName, HeaderValue};
use axum::response::Response;
use tower_http::classify::{ServerErrorsAsFailures, ServerErrorsFailureClass, SharedClassifier};
use tower_http::trace::{DefaultOnBodyChunk, DefaultOnEos, TraceLayer};

use super::hook::Hook;

pub const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// Every request gets a fresh id, returned as `x-request-id`. Our ids are ours: a client-sent
/// `x-request-id` is replaced, since it could forge log lines or collide.
#[derive(Clone, Copy)]
pub(crate) struct AssignId;

impl Hook for AssignId {
    type Seen = HeaderValue;

    fn before(&self, request: &mut Request) -> Result<HeaderValue, Response> {
        let id = fresh_id();
        request.headers_mut().insert(REQUEST_ID, id.clone());
        Ok(id)
    }

    fn after(&self, id: HeaderValue, mut response: Response) -> Response {
        // An answer that names its own id (none does today) keeps it.
        response.headers_mut().entry(REQUEST_ID).or_insert(id);
        response
    }
}

/// A version 4 UUID from this thread's random generator: an id must be unique, not secret, and
/// asking the operating system for randomness at every request costs a system call.
fn fresh_id() -> HeaderValue {
    let id = uuid::Builder::from_random_bytes(rand::random()).into_uuid();
    let mut text = [0u8; uuid::fmt::Hyphenated::LENGTH];
    // Hex digits and hyphens: always a valid header value.
    HeaderValue::from_str(id.hyphenated().encode_lower(&mut text)).unwrap_or(HeaderValue::from_static("-"))
}

type Span = fn(&Request) -> tracing::Span;
type OnResponse = fn(&Response, std::time::Duration, &tracing::Span);
type OnFailure = fn(ServerErrorsFailureClass, std::time::Duration, &tracing::Span);

/// One span per request holding the request id, method and route (never the query string or
/// headers, which can carry personal data or credentials), and one line per answer.
pub(crate) fn trace() -> TraceLayer<
    SharedClassifier<ServerErrorsAsFailures>,
    Span,
    (),
    OnResponse,
    DefaultOnBodyChunk,
    DefaultOnEos,
    OnFailure,
> {
    TraceLayer::new_for_http()
        .make_span_with(request_span as Span)
        .on_request(())
        .on_response(answered as OnResponse)
        .on_failure(failed as OnFailure)
}

/// A server error is logged at ERROR, except `503 Service Unavailable`: that is the answer to
/// overload (shedding, a busy writer, a time limit), counted by the metrics. Logging each one
/// would add a write per refused request exactly when the server has the least time for it.
fn failed(class: ServerErrorsFailureClass, latency: std::time::Duration, _span: &tracing::Span) {
    let latency_ms = latency.as_millis() as u64;
    match class {
        ServerErrorsFailureClass::StatusCode(code) if code == StatusCode::SERVICE_UNAVAILABLE => {
            tracing::debug!(status = code.as_u16(), latency_ms, "refused while busy");
        }
        class => tracing::error!(classification = %class, latency_ms, "response failed"),
    }
}

fn answered(response: &Response, latency: std::time::Duration, _span: &tracing::Span) {
    tracing::info!(status = response.status().as_u16(), latency_ms = latency.as_millis() as u64, "answered");
}

fn request_span(request: &Request) -> tracing::Span {
    let id = request.headers().get(REQUEST_ID).and_then(|v| v.to_str().ok()).unwrap_or("-");
    let route = request.extensions().get::<MatchedPath>().map_or("unmatched", MatchedPath::as_str);
    tracing::info_span!("request", request_id = %id, method = %request.method(), route = %route)
}

#[cfg(test)]
mod tests {
    #[test]
    fn ids_are_uuids_and_differ() {
        let (a, b) = (super::fresh_id(), super::fresh_id());
        assert_ne!(a, b);
        let a = a.to_str().unwrap_or_default();
        assert_eq!(uuid::Uuid::parse_str(a).map(|u| u.get_version_num()).ok(), Some(4), "{a}");
    }
}
