use std::any::Any;

use axum::response::{IntoResponse, Response};

use crate::api::problem::ApiError;

/// A panic in a handler ends that request only: it is logged inside the request's span (so with
/// its request id) and answered 500 as a problem, while the server goes on.
pub fn answer_panic(payload: Box<dyn Any + Send + 'static>) -> Response {
    let message = payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "non-string panic payload".into());
    tracing::error!(panic = %message, "handler panicked");
    ApiError::internal().into_response()
}
