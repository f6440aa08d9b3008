//! The CSRF-checked `multipart/form-data` body of a page form with a file (the case page's
//! upload). [`super::form::CsrfForm`] reads urlencoded bodies only; this reads the parts in the
//! order the browser sends them (document order) and checks the CSRF token, with the same
//! [`csrf::verify`] as `CsrfForm`, before it accepts any file: a file part that comes before a
//! good token is refused (403) without being read, and nothing of it reaches a use case.
//!
//! The body's size is capped by the body-limit layer (`middleware::body_limit`: the upload cap on
//! the upload route, which also turns off axum's default limit); a body over it fails the read
//! (413). Text fields are short: each is cut at [`MAX_TEXT_BYTES`], the rest read and dropped;
//! only a message (`body`, up to 5,000 characters) may be longer, up to [`LONG_TEXT_BYTES`].
//! A field longer than its limit is named in [`CsrfMultipart::too_long`], so a form can say so
//! instead of keeping a cut text.

use std::collections::HashMap;

use axum::extract::multipart::{Field, MultipartError};
use axum::extract::{FromRequest, Multipart, Request};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use crate::AppState;
use crate::api::problem::{ApiError, ProblemCode};
use crate::auth::csrf;

/// Longest text field kept, in bytes (a CSRF token, a document kind).
pub const MAX_TEXT_BYTES: usize = 1024;
/// Longest `body` field kept: 5,000 characters of four bytes each, line breaks sent as two,
/// with room to spare.
pub const LONG_TEXT_BYTES: usize = 64 * 1024;
/// The one text field that may be long (a message).
const LONG_FIELD: &str = "body";
/// Most text fields kept; more are read and dropped.
const MAX_TEXT_FIELDS: usize = 16;

/// The file of the form (its `file` part): the name it had on the device, and its bytes.
pub struct UploadedFile {
    pub name: Option<String>,
    pub bytes: Vec<u8>,
}

/// A multipart form whose CSRF token and origin were checked before its file was read.
pub struct CsrfMultipart {
    /// The text fields (the CSRF token among them), the first of each name.
    pub fields: HashMap<String, String>,
    /// The `file` part, if the form sent one (a browser sends an empty part with no name when
    /// no file was chosen: that arrives here with empty bytes).
    pub file: Option<UploadedFile>,
    /// Text fields that were longer than their limit (kept cut in `fields`).
    pub too_long: std::collections::HashSet<String>,
}

impl CsrfMultipart {
    /// The text field `name`, or "".
    pub fn field(&self, name: &str) -> &str {
        self.fields.get(name).map_or("", String::as_str)
    }
}

/// The name of the file part.
pub const FILE_FIELD: &str = "file";

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

/// Reads a text part, keeping at most `limit` bytes (cut at a character boundary), and whether
/// it was longer.
async fn text(mut field: Field<'_>, limit: usize) -> Result<(String, bool), Response> {
    let mut bytes = Vec::new();
    let mut longer = false;
    while let Some(chunk) = field.chunk().await.map_err(|e| unreadable(&e))? {
        let room = limit.saturating_sub(bytes.len());
        longer |= chunk.len() > room;
        bytes.extend_from_slice(&chunk[..chunk.len().min(room)]);
    }
    // A cut inside a character, or bytes that are not UTF-8, end the text there.
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

impl FromRequest<AppState> for CsrfMultipart {
    type Rejection = Response;

    async fn from_request(request: Request, state: &AppState) -> Result<Self, Self::Rejection> {
        let headers = request.headers().clone();
        let mut multipart = Multipart::from_request(request, state)
            .await
            .map_err(|_| ApiError::from_status(StatusCode::UNSUPPORTED_MEDIA_TYPE).into_response())?;
        let mut verified = false;
        let mut fields: HashMap<String, String> = HashMap::new();
        let mut file: Option<UploadedFile> = None;
        let mut too_long = std::collections::HashSet::new();
        while let Some(mut field) = multipart.next_field().await.map_err(|e| unreadable(&e))? {
            let name = field.name().unwrap_or_default().to_string();
            let is_file = name == FILE_FIELD || field.file_name().is_some();
            if is_file {
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
                file = Some(UploadedFile { name: file_name, bytes });
                continue;
            }
            if name == csrf::CSRF_FIELD {
                let (token, _) = text(field, MAX_TEXT_BYTES).await?;
                if !verified && !csrf::verify(&state.csrf_key, &headers, Some(&token), &state.own_origins) {
                    return Err(forbidden());
                }
                verified = true;
                fields.entry(name).or_insert(token);
                continue;
            }
            if fields.contains_key(&name) || fields.len() >= MAX_TEXT_FIELDS {
                drain(field).await?;
                continue;
            }
            let limit = if name == LONG_FIELD { LONG_TEXT_BYTES } else { MAX_TEXT_BYTES };
            let (value, longer) = text(field, limit).await?;
            if longer {
                too_long.insert(name.clone());
            }
            fields.insert(name, value);
        }
        if !verified {
            return Err(forbidden());
        }
        Ok(Self { fields, file, too_long })
    }
}
