//! RFC 9457 problem details: the one error format of the API.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use puerta_app::AppError;
use serde::Serialize;
use utoipa::ToSchema;

pub const PROBLEM_CONTENT_TYPE: &str = "application/problem+json";

/// A problem document. `code` is stable and meant for programs; `detail` is for people.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Problem {
    /// A URI naming the kind of problem: `urn:puerta:problem:<code>`.
    #[serde(rename = "type")]
    pub kind: String,
    pub title: String,
    pub status: u16,
    pub detail: String,
    /// Stable snake_case identifier, e.g. `not_found`, `malformed_json`.
    pub code: String,
    /// One entry per invalid field, for validation failures.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldError>,
}

/// What is wrong with one field of the request.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct FieldError {
    /// The field's name as sent, e.g. `email`.
    pub field: String,
    pub code: String,
    pub detail: String,
}

/// An API failure, answered as a problem document.
#[derive(Debug, Clone)]
pub struct ApiError {
    pub status: StatusCode,
    pub code: &'static str,
    pub detail: String,
    pub errors: Vec<FieldError>,
    pub retry_after_secs: Option<u64>,
}

impl ApiError {
    pub fn new(status: StatusCode, code: &'static str, detail: impl Into<String>) -> Self {
        Self { status, code, detail: detail.into(), errors: Vec::new(), retry_after_secs: None }
    }

    pub fn not_found() -> Self {
        Self::new(StatusCode::NOT_FOUND, "not_found", "There is nothing at this address.")
    }

    pub fn validation(errors: Vec<FieldError>) -> Self {
        Self {
            errors,
            ..Self::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "validation_failed",
                "Some fields are missing or not valid. Each one is listed in `errors`.",
            )
        }
    }

    /// The problem for a status produced outside our handlers (a layer, the router, a timeout).
    pub fn from_status(status: StatusCode) -> Self {
        let (code, detail) = match status {
            StatusCode::NOT_FOUND => return Self::not_found(),
            StatusCode::METHOD_NOT_ALLOWED => {
                ("method_not_allowed", "This address does not accept this method. See the Allow header.")
            }
            StatusCode::PAYLOAD_TOO_LARGE => {
                ("payload_too_large", "The request body is larger than this server accepts.")
            }
            StatusCode::UNSUPPORTED_MEDIA_TYPE => (
                "unsupported_media_type",
                "Send the request body as JSON with Content-Type: application/json.",
            ),
            StatusCode::REQUEST_TIMEOUT | StatusCode::SERVICE_UNAVAILABLE => {
                ("timed_out", "The server could not answer in time. Please try again in a moment.")
            }
            StatusCode::TOO_MANY_REQUESTS => {
                ("too_many_requests", "Too many requests. Please wait and try again.")
            }
            s if s.is_server_error() => {
                ("internal_error", "Something went wrong on our side. Please try again later.")
            }
            _ => ("bad_request", "The request could not be understood."),
        };
        Self::new(status, code, detail)
    }

    pub fn internal() -> Self {
        Self::from_status(StatusCode::INTERNAL_SERVER_ERROR)
    }

    pub fn problem(&self) -> Problem {
        Problem {
            kind: format!("urn:puerta:problem:{}", self.code),
            title: self.status.canonical_reason().unwrap_or("Error").to_string(),
            status: self.status.as_u16(),
            detail: self.detail.clone(),
            code: self.code.to_string(),
            errors: self.errors.clone(),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = serde_json::to_vec(&self.problem()).unwrap_or_default();
        let mut response = (self.status, body).into_response();
        let headers = response.headers_mut();
        headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(PROBLEM_CONTENT_TYPE));
        if let Some(secs) = self.retry_after_secs {
            headers.insert(header::RETRY_AFTER, HeaderValue::from(secs));
        }
        response
    }
}

impl From<AppError> for ApiError {
    fn from(error: AppError) -> Self {
        match error {
            AppError::NotFound => Self::not_found(),
            AppError::Store(e) => {
                // The store error names no personal data or SQL; log it for operators only.
                tracing::error!(error = %e, "store failure");
                Self::internal()
            }
        }
    }
}

/// Fallback for unknown routes.
pub async fn not_found() -> ApiError {
    ApiError::not_found()
}

/// Fallback for known routes called with a method they do not accept.
pub async fn method_not_allowed() -> ApiError {
    ApiError::from_status(StatusCode::METHOD_NOT_ALLOWED)
}
