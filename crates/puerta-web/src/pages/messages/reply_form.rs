//! The reply form's `multipart/form-data` body: `csrf_token`, `body` (the message) and an
//! optional `file`. It is read like [`crate::pages::multipart_form::CsrfMultipart`] (parts in
//! document order, the CSRF token checked with the same [`csrf::verify`] before one byte of a
//! file is read, a failed check a 403), but the message may be long: `CsrfMultipart` cuts every
//! text field at 1 KiB, and a message may hold 5,000 characters. A message over
//! [`BODY_BYTES`] is not cut either: the form says it is too long ([`ReplyForm::body_too_long`]).
//!
//! The body's size as a whole is capped by the body-limit layer (`middleware::body_limit`).

use axum::extract::multipart::{Field, MultipartError};
use axum::extract::{FromRequest, Multipart, Request};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use crate::AppState;
use crate::api::problem::{ApiError, ProblemCode};
use crate::auth::csrf;
use crate::pages::multipart_form::{FILE_FIELD, MAX_TEXT_BYTES, UploadedFile};

/// The longest message read, in bytes: 5,000 characters of four bytes each, every line break
/// sent as two, with room to spare. Longer is refused as too long, never cut.
pub const BODY_BYTES: usize = 64 * 1024;

/// The name of the message's part.
pub const BODY_FIELD: &str = "body";

pub struct ReplyForm {
    pub body: String,
    /// The message was longer than [`BODY_BYTES`] (and is not kept).
    pub body_too_long: bool,
    /// The `file` part, if one was chosen (a browser sends an empty part with no name when
    /// none was: that is `None` here).
    pub file: Option<UploadedFile>,
}

fn forbidden() -> Response {
    ApiError::new(StatusCode::FORBIDDEN, ProblemCode::CsrfFailed).into_response()
}

fn unreadable(error: &MultipartError) -> Response {
    if error.status() == StatusCode::PAYLOAD_TOO_LARGE {
        ApiError::from_status(StatusCode::PAYLOAD_TOO_LARGE).into_response()
    } else {
        ApiError::from_status(StatusCode::BAD_REQUEST).into_response()
    }
}

/// A text part, at most `limit` bytes (cut at a character boundary), and whether it was longer.
async fn text(mut field: Field<'_>, limit: usize) -> Result<(String, bool), Response> {
    let mut bytes = Vec::new();
    let mut longer = false;
    while let Some(chunk) = field.chunk().await.map_err(|e| unreadable(&e))? {
        let room = limit.saturating_sub(bytes.len());
        longer |= chunk.len() > room;
        bytes.extend_from_slice(&chunk[..chunk.len().min(room)]);
    }
    let text = match std::str::from_utf8(&bytes) {
        Ok(text) => text.to_string(),
        Err(e) => String::from_utf8_lossy(&bytes[..e.valid_up_to()]).into_owned(),
    };
    Ok((text, longer))
}

async fn drain(mut field: Field<'_>) -> Result<(), Response> {
    while field.chunk().await.map_err(|e| unreadable(&e))?.is_some() {}
    Ok(())
}

impl FromRequest<AppState> for ReplyForm {
    type Rejection = Response;

    async fn from_request(request: Request, state: &AppState) -> Result<Self, Self::Rejection> {
        let headers = request.headers().clone();
        let mut multipart = Multipart::from_request(request, state)
            .await
            .map_err(|_| ApiError::from_status(StatusCode::UNSUPPORTED_MEDIA_TYPE).into_response())?;
        let mut verified = false;
        let mut body: Option<(String, bool)> = None;
        let mut file: Option<UploadedFile> = None;
        while let Some(mut field) = multipart.next_field().await.map_err(|e| unreadable(&e))? {
            let name = field.name().unwrap_or_default().to_string();
            if name == FILE_FIELD || field.file_name().is_some() {
                // Not one byte of a file before the form is known to be ours.
                if !verified {
                    return Err(forbidden());
                }
                if name != FILE_FIELD || file.is_some() {
                    drain(field).await?;
                    continue;
                }
                let file_name = field.file_name().map(str::to_string).filter(|n| !n.is_empty());
                let mut bytes = Vec::new();
                while let Some(chunk) = field.chunk().await.map_err(|e| unreadable(&e))? {
                    bytes.extend_from_slice(&chunk);
                }
                if file_name.is_some() || !bytes.is_empty() {
                    file = Some(UploadedFile { name: file_name, bytes });
                }
                continue;
            }
            if name == csrf::CSRF_FIELD {
                let (token, _) = text(field, MAX_TEXT_BYTES).await?;
                if !verified && !csrf::verify(&state.csrf_key, &headers, Some(&token), &state.own_origins) {
                    return Err(forbidden());
                }
                verified = true;
                continue;
            }
            if name == BODY_FIELD && body.is_none() {
                body = Some(text(field, BODY_BYTES).await?);
                continue;
            }
            drain(field).await?;
        }
        if !verified {
            return Err(forbidden());
        }
        let (body, body_too_long) = body.unwrap_or_default();
        Ok(Self { body: if body_too_long { String::new() } else { body }, body_too_long, file })
    }
}
