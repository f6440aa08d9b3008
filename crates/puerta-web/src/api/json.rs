//! `ApiJson<T>`: the JSON body extractor whose every rejection is a problem document.

use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequest, Request};
use axum::http::StatusCode;
use serde::de::DeserializeOwned;

use puerta_app::FieldProblem;

use super::problem::ApiError;

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
            ApiError::new(StatusCode::BAD_REQUEST, crate::api::problem::ProblemCode::MalformedJson)
        }
        JsonRejection::MissingJsonContentType(_) => ApiError::from_status(StatusCode::UNSUPPORTED_MEDIA_TYPE),
        JsonRejection::JsonDataError(error) => ApiError::validation(vec![field_error(&error.body_text())]),
        other if other.status() == StatusCode::PAYLOAD_TOO_LARGE => {
            ApiError::from_status(StatusCode::PAYLOAD_TOO_LARGE)
        }
        _ => ApiError::new(StatusCode::BAD_REQUEST, crate::api::problem::ProblemCode::UnreadableBody),
    }
}

/// Turns serde's message ("…: email: invalid type…" or "…: missing field `email`…") into a
/// field problem naming the field, without echoing the submitted value back.
fn field_error(message: &str) -> FieldProblem {
    let detail = message.split_once("target type: ").map_or(message, |(_, rest)| rest);
    let field = if detail.contains("missing field") {
        detail.split('`').nth(1).unwrap_or_default().to_string()
    } else {
        let (path, _) = detail.split_once(": ").unwrap_or((".", detail));
        if path == "." { String::new() } else { path.to_string() }
    };
    let id = if detail.contains("missing field") { "error-field-required" } else { "error-field-invalid" };
    // Field names come from the request: keep them short and plain.
    let field: String = field
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '[' | ']'))
        .take(64)
        .collect();
    FieldProblem { field, message_id: id.to_string(), args: Vec::new() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_field_is_named() {
        let e = field_error(
            "Failed to deserialize the JSON body into the target type: missing field `email` at line 1 column 2",
        );
        assert_eq!((e.field.as_str(), e.message_id.as_str()), ("email", "error-field-required"));
    }

    #[test]
    fn a_wrongly_typed_field_is_named_without_its_value() {
        let e = field_error(
            "Failed to deserialize the JSON body into the target type: age: invalid type: string \"secret\", expected u32 at line 1 column 13",
        );
        assert_eq!((e.field.as_str(), e.message_id.as_str()), ("age", "error-field-invalid"));
    }
}
