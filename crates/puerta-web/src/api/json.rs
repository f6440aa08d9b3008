//! `ApiJson<T>`: the JSON body extractor whose every rejection is a problem document.

use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequest, Request};
use axum::http::StatusCode;
use serde::de::DeserializeOwned;

use super::problem::{ApiError, FieldError};

/// Like [`axum::Json`], but a bad body becomes 400 `malformed_json`, 415, 413 or 422 with the
/// offending field named, instead of axum's plain-text rejections.
pub struct ApiJson<T>(pub T);

impl<T, S> FromRequest<S> for ApiJson<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        match Json::<T>::from_request(req, state).await {
            Ok(Json(value)) => Ok(Self(value)),
            Err(rejection) => Err(rejection_to_problem(&rejection)),
        }
    }
}

fn rejection_to_problem(rejection: &JsonRejection) -> ApiError {
    match rejection {
        JsonRejection::JsonSyntaxError(_) => {
            ApiError::new(StatusCode::BAD_REQUEST, "malformed_json", "The request body is not valid JSON.")
        }
        JsonRejection::MissingJsonContentType(_) => ApiError::from_status(StatusCode::UNSUPPORTED_MEDIA_TYPE),
        JsonRejection::JsonDataError(error) => ApiError::validation(vec![field_error(&error.body_text())]),
        other if other.status() == StatusCode::PAYLOAD_TOO_LARGE => {
            ApiError::from_status(StatusCode::PAYLOAD_TOO_LARGE)
        }
        _ => ApiError::new(StatusCode::BAD_REQUEST, "unreadable_body", "The request body could not be read."),
    }
}

/// Turns serde's message ("…: email: invalid type…" or "…: missing field `email`…") into a
/// field error naming the field, without echoing the submitted value back.
fn field_error(message: &str) -> FieldError {
    let detail = message.split_once("target type: ").map_or(message, |(_, rest)| rest);
    if let Some(field) = detail.split('`').nth(1).filter(|_| detail.contains("missing field")) {
        return FieldError {
            field: field.to_string(),
            code: "required".into(),
            detail: format!("`{field}` is required."),
        };
    }
    let (path, _) = detail.split_once(": ").unwrap_or((".", detail));
    let field = if path == "." { String::new() } else { path.to_string() };
    FieldError {
        detail: if field.is_empty() {
            "The body does not have the expected shape.".into()
        } else {
            format!("`{field}` has the wrong type or format.")
        },
        field,
        code: "invalid".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_field_is_named() {
        let e = field_error(
            "Failed to deserialize the JSON body into the target type: missing field `email` at line 1 column 2",
        );
        assert_eq!((e.field.as_str(), e.code.as_str()), ("email", "required"));
    }

    #[test]
    fn a_wrongly_typed_field_is_named_without_its_value() {
        let e = field_error(
            "Failed to deserialize the JSON body into the target type: age: invalid type: string \"secret\", expected u32 at line 1 column 13",
        );
        assert_eq!((e.field.as_str(), e.code.as_str()), ("age", "invalid"));
        assert!(!e.detail.contains("secret"));
    }
}
