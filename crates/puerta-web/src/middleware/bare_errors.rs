use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Response};

use crate::api::problem::{ApiError, PROBLEM_CONTENT_TYPE};

/// Layers and the router answer some errors themselves (413 from the body limit, 405, 503 on a
/// time-out) with plain or empty bodies; give every such answer the one problem format, keeping
/// the headers that tell the client what to do (`Allow`, `Retry-After`).
pub async fn as_problem(response: Response) -> Response {
    let status = response.status();
    if !(status.is_client_error() || status.is_server_error()) || is_problem(response.headers()) {
        return response;
    }
    let mut problem = ApiError::from_status(status).into_response();
    for name in [header::ALLOW, header::RETRY_AFTER] {
        if let Some(value) = response.headers().get(&name) {
            problem.headers_mut().insert(name, value.clone());
        }
    }
    problem
}

fn is_problem(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with(PROBLEM_CONTENT_TYPE))
}
