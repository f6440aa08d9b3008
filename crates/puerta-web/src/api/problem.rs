//! RFC 9457 problem details: the one error format of the API.
//!
//! Handlers return [`ApiError`], which carries a stable `code` and the Fluent ids of its
//! messages but no text: the `problems` middleware renders it in the reader's language, and gives
//! the same shape to bare errors made by layers and the router.

use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use puerta_app::{AppError, FieldProblem};
use puerta_i18n::{Arg, Language, t, t_args};
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
    /// In the reader's language (`Accept-Language`, or the `lang` cookie).
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
    /// Stable: `required`, `invalid`, or the specific rule, e.g. `password_too_short`.
    pub code: String,
    pub detail: String,
}

/// An API failure, rendered later as a problem document in the reader's language.
#[derive(Debug, Clone)]
pub struct ApiError {
    pub status: StatusCode,
    pub code: &'static str,
    pub errors: Vec<FieldProblem>,
    pub retry_after_secs: Option<u64>,
}

impl ApiError {
    pub fn new(status: StatusCode, code: &'static str) -> Self {
        Self { status, code, errors: Vec::new(), retry_after_secs: None }
    }

    pub fn not_found() -> Self {
        Self::new(StatusCode::NOT_FOUND, "not_found")
    }

    pub fn validation(errors: Vec<FieldProblem>) -> Self {
        Self { errors, ..Self::new(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed") }
    }

    /// The problem for a status produced outside our handlers (a layer, the router, a timeout).
    pub fn from_status(status: StatusCode) -> Self {
        let code = match status {
            StatusCode::NOT_FOUND => "not_found",
            StatusCode::METHOD_NOT_ALLOWED => "method_not_allowed",
            StatusCode::PAYLOAD_TOO_LARGE => "payload_too_large",
            StatusCode::UNSUPPORTED_MEDIA_TYPE => "unsupported_media_type",
            StatusCode::REQUEST_TIMEOUT | StatusCode::SERVICE_UNAVAILABLE => "timed_out",
            StatusCode::TOO_MANY_REQUESTS => "too_many_requests",
            StatusCode::UNAUTHORIZED => "unauthenticated",
            StatusCode::FORBIDDEN => "forbidden",
            s if s.is_server_error() => "internal_error",
            _ => "bad_request",
        };
        Self::new(status, code)
    }

    pub fn internal() -> Self {
        Self::from_status(StatusCode::INTERNAL_SERVER_ERROR)
    }

    /// The document in `language`.
    pub fn problem(&self, language: Language) -> Problem {
        let detail = match self.code {
            "too_many_requests" => {
                let seconds = i64::try_from(self.retry_after_secs.unwrap_or(60)).unwrap_or(60);
                t_args(language, "problem-too_many_requests", vec![("seconds", Arg::from(seconds))])
            }
            code => t(language, &format!("problem-{code}")),
        };
        Problem {
            kind: format!("urn:puerta:problem:{}", self.code),
            title: self.status.canonical_reason().unwrap_or("Error").to_string(),
            status: self.status.as_u16(),
            detail,
            code: self.code.to_string(),
            errors: self
                .errors
                .iter()
                .map(|e| FieldError {
                    field: e.field.to_string(),
                    code: field_code(&e.message_id),
                    detail: t(language, &e.message_id),
                })
                .collect(),
        }
    }

    /// The finished response: problem JSON in `language`.
    pub fn render(&self, language: Language) -> Response {
        let body = serde_json::to_vec(&self.problem(language)).unwrap_or_default();
        let mut response =
            (self.status, [(header::CONTENT_TYPE, PROBLEM_CONTENT_TYPE)], body).into_response();
        if let Some(secs) = self.retry_after_secs {
            response.headers_mut().insert(header::RETRY_AFTER, secs.into());
        }
        response
    }
}

/// `error-password-too-short` → `password_too_short`; the generic ones keep their short names.
fn field_code(message_id: &str) -> String {
    match message_id {
        "error-field-required" => "required".into(),
        "error-field-invalid" => "invalid".into(),
        id => id.trim_start_matches("error-").replace('-', "_"),
    }
}

impl IntoResponse for ApiError {
    /// An unrendered response: the `problems` middleware renders it once the language is known.
    fn into_response(self) -> Response {
        let mut response = self.status.into_response();
        if let Some(secs) = self.retry_after_secs {
            response.headers_mut().insert(header::RETRY_AFTER, secs.into());
        }
        response.extensions_mut().insert(self);
        response
    }
}

impl From<AppError> for ApiError {
    fn from(error: AppError) -> Self {
        use StatusCode as S;
        match error {
            AppError::NotFound => Self::not_found(),
            AppError::Validation(errors) => Self::validation(errors),
            AppError::InvalidCredentials => Self::new(S::UNAUTHORIZED, "invalid_credentials"),
            AppError::EmailNotVerified => Self::new(S::FORBIDDEN, "email_not_verified"),
            AppError::PasswordResetRequired => Self::new(S::FORBIDDEN, "password_reset_required"),
            AppError::TotpRequired => Self::new(S::UNAUTHORIZED, "totp_required"),
            AppError::TotpInvalid => Self::new(S::UNAUTHORIZED, "totp_invalid"),
            AppError::Unauthenticated => Self::new(S::UNAUTHORIZED, "unauthenticated"),
            AppError::Forbidden => Self::new(S::FORBIDDEN, "forbidden"),
            AppError::MfaRequired => Self::new(S::FORBIDDEN, "mfa_required"),
            AppError::CodeInvalid => Self::new(S::BAD_REQUEST, "code_invalid"),
            AppError::AccountDisabled => Self::new(S::FORBIDDEN, "account_disabled"),
            AppError::Conflict(code) => Self::new(S::CONFLICT, code),
            AppError::Throttled { retry_after_secs } => Self {
                retry_after_secs: Some(retry_after_secs),
                ..Self::new(S::TOO_MANY_REQUESTS, "too_many_requests")
            },
            AppError::Store(e) => {
                // The store error names no personal data or SQL; log it for operators only.
                tracing::error!(error = %e, "store failure");
                Self::internal()
            }
            AppError::Internal(e) => {
                tracing::error!(error = %e, "internal failure");
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
