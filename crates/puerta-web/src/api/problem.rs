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

pub use super::problem_code::ProblemCode;

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
    /// With `proof_required`: the proof-of-work challenge to solve (ALTCHA's shape). Send the
    /// request again with the answer, base64 JSON, in the `Puerta-Proof` header.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub challenge: Option<Challenge>,
    /// With `request_window_closed`: when requests are taken again (RFC 3339, UTC).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_opens_at: Option<String>,
}

/// A proof-of-work challenge: find `number` in `0..=maxnumber` with
/// `hex(SHA-256(salt ‖ number)) == challenge`; answer `{algorithm, challenge, number, salt,
/// signature, maxnumber}` as base64 JSON.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Challenge {
    #[schema(example = "SHA-256")]
    pub algorithm: String,
    pub challenge: String,
    pub maxnumber: u64,
    pub salt: String,
    pub signature: String,
}

impl From<&puerta_app::security::proof_of_work::Challenge> for Challenge {
    fn from(c: &puerta_app::security::proof_of_work::Challenge) -> Self {
        Self {
            algorithm: c.algorithm.clone(),
            challenge: c.challenge.clone(),
            maxnumber: c.maxnumber,
            salt: c.salt.clone(),
            signature: c.signature.clone(),
        }
    }
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
    pub code: ProblemCode,
    pub errors: Vec<FieldProblem>,
    pub retry_after_secs: Option<u64>,
    /// Boxed: rare, and it would make every `Result<_, ApiError>` large.
    pub challenge: Option<Box<Challenge>>,
    /// A message other than the code's own for `detail` (the area served, the next opening).
    pub detail: Option<Box<Detail>>,
}

/// A problem's `detail` made of a specific message and its arguments.
#[derive(Debug, Clone)]
pub enum Detail {
    /// A whole Fluent message, e.g. the service area named for this traveler.
    Message(&'static str),
    /// Requests are taken again at this moment, shown in the reader's own zone.
    NextOpening { at_ms: i64, zone: String },
}

impl ApiError {
    pub fn new(status: StatusCode, code: ProblemCode) -> Self {
        Self { status, code, errors: Vec::new(), retry_after_secs: None, challenge: None, detail: None }
    }

    pub fn not_found() -> Self {
        Self::new(StatusCode::NOT_FOUND, ProblemCode::NotFound)
    }

    pub fn validation(errors: Vec<FieldProblem>) -> Self {
        Self { errors, ..Self::new(StatusCode::UNPROCESSABLE_ENTITY, ProblemCode::ValidationFailed) }
    }

    /// A 422 naming one field and the Fluent id of its message.
    pub fn field(field: &'static str, message_id: &str) -> Self {
        Self::validation(vec![FieldProblem::new(field, message_id)])
    }

    /// The problem for a status produced outside our handlers (a layer, the router, a timeout).
    pub fn from_status(status: StatusCode) -> Self {
        use ProblemCode as P;
        let code = match status {
            StatusCode::NOT_FOUND => P::NotFound,
            StatusCode::METHOD_NOT_ALLOWED => P::MethodNotAllowed,
            StatusCode::PAYLOAD_TOO_LARGE => P::PayloadTooLarge,
            StatusCode::UNSUPPORTED_MEDIA_TYPE => P::UnsupportedMediaType,
            StatusCode::REQUEST_TIMEOUT | StatusCode::SERVICE_UNAVAILABLE => P::TimedOut,
            StatusCode::TOO_MANY_REQUESTS => P::TooManyRequests,
            StatusCode::UNAUTHORIZED => P::Unauthenticated,
            StatusCode::FORBIDDEN => P::Forbidden,
            s if s.is_server_error() => P::InternalError,
            _ => P::BadRequest,
        };
        Self::new(status, code)
    }

    pub fn internal() -> Self {
        Self::from_status(StatusCode::INTERNAL_SERVER_ERROR)
    }

    /// The document in `language`.
    pub fn problem(&self, language: Language) -> Problem {
        let detail = match self.code {
            ProblemCode::SignInLocked => {
                let minutes = i64::try_from(self.retry_after_secs.unwrap_or(60).div_ceil(60)).unwrap_or(1);
                t_args(language, "problem-sign_in_locked", vec![("minutes", Arg::from(minutes))])
            }
            ProblemCode::TooManyRequests => {
                let seconds = i64::try_from(self.retry_after_secs.unwrap_or(60)).unwrap_or(60);
                t_args(language, "problem-too_many_requests", vec![("seconds", Arg::from(seconds))])
            }
            code => match self.detail.as_deref() {
                Some(Detail::Message(id)) => t(language, id),
                Some(Detail::NextOpening { at_ms, zone }) => {
                    let zone = zone.parse().unwrap_or(puerta_domain::accounts::DEFAULT_TIME_ZONE);
                    let time = puerta_i18n::format_in_zone(language, *at_ms, zone);
                    t_args(language, &code.message_id(), vec![("time", Arg::from(time))])
                }
                None => t(language, &code.message_id()),
            },
        };
        let next_opens_at = match self.detail.as_deref() {
            Some(Detail::NextOpening { at_ms, .. }) => Some(super::time::rfc3339(*at_ms)),
            _ => None,
        };
        Problem {
            kind: format!("urn:puerta:problem:{}", self.code),
            title: self.status.canonical_reason().unwrap_or("Error").to_string(),
            status: self.status.as_u16(),
            detail,
            code: self.code.as_str().to_string(),
            errors: self
                .errors
                .iter()
                .map(|e| FieldError {
                    field: e.field.to_string(),
                    code: field_code(&e.message_id),
                    detail: if e.args.is_empty() {
                        t(language, &e.message_id)
                    } else {
                        let args = e.args.iter().map(|(k, v)| (*k, Arg::from(v.clone()))).collect();
                        t_args(language, &e.message_id, args)
                    },
                })
                .collect(),
            challenge: self.challenge.as_deref().cloned(),
            next_opens_at,
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
            AppError::InvalidCredentials => Self::new(S::UNAUTHORIZED, ProblemCode::InvalidCredentials),
            AppError::EmailNotVerified => Self::new(S::FORBIDDEN, ProblemCode::EmailNotVerified),
            AppError::PasswordResetRequired => Self::new(S::FORBIDDEN, ProblemCode::PasswordResetRequired),
            AppError::TotpRequired => Self::new(S::UNAUTHORIZED, ProblemCode::TotpRequired),
            AppError::TotpInvalid => Self::new(S::UNAUTHORIZED, ProblemCode::TotpInvalid),
            AppError::Unauthenticated => Self::new(S::UNAUTHORIZED, ProblemCode::Unauthenticated),
            AppError::Forbidden => Self::new(S::FORBIDDEN, ProblemCode::Forbidden),
            AppError::MfaRequired => Self::new(S::FORBIDDEN, ProblemCode::MfaRequired),
            AppError::CodeInvalid => Self::new(S::BAD_REQUEST, ProblemCode::CodeInvalid),
            AppError::AccountDisabled => Self::new(S::FORBIDDEN, ProblemCode::AccountDisabled),
            AppError::Conflict(code) => Self::new(S::CONFLICT, ProblemCode::conflict(code)),
            AppError::WindowClosed { next_opens_ms, zone } => Self {
                detail: Some(Box::new(Detail::NextOpening { at_ms: next_opens_ms, zone })),
                ..Self::new(S::CONFLICT, ProblemCode::RequestWindowClosed)
            },
            AppError::OutsideServiceArea { message_id, imprecise } => Self {
                detail: Some(Box::new(Detail::Message(message_id))),
                errors: vec![FieldProblem::new("location", message_id)],
                ..Self::new(
                    S::UNPROCESSABLE_ENTITY,
                    if imprecise { ProblemCode::LocationImprecise } else { ProblemCode::OutsideServiceArea },
                )
            },
            AppError::PhotoRequired { travelers } => Self {
                errors: travelers
                    .iter()
                    .map(|id| FieldProblem {
                        field: format!("travelers.{id}.photo"),
                        message_id: "appointment-error-photo-required".into(),
                        args: Vec::new(),
                    })
                    .collect(),
                ..Self::new(S::UNPROCESSABLE_ENTITY, ProblemCode::PhotoRequired)
            },
            AppError::Throttled { retry_after_secs } => Self {
                retry_after_secs: Some(retry_after_secs),
                ..Self::new(S::TOO_MANY_REQUESTS, ProblemCode::TooManyRequests)
            },
            AppError::SignInLocked { retry_after_secs } => Self {
                retry_after_secs: Some(retry_after_secs),
                ..Self::new(S::TOO_MANY_REQUESTS, ProblemCode::SignInLocked)
            },
            AppError::ProofRequired { challenge } => Self {
                challenge: Some(Box::new(Challenge::from(challenge.as_ref()))),
                ..Self::new(S::PRECONDITION_REQUIRED, ProblemCode::ProofRequired)
            },
            AppError::Store(e) if e.is_busy() => {
                // Debug, not warn: under overload this is every refused write, and a log line
                // each would be more work exactly when there is least time (metrics count 503s).
                tracing::debug!(error = %e, "database busy");
                Self {
                    retry_after_secs: Some(1),
                    ..Self::new(S::SERVICE_UNAVAILABLE, ProblemCode::DatabaseUnavailable)
                }
            }
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
