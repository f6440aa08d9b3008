//! The reply form's `multipart/form-data` body: `csrf_token`, `body` (the message) and an
//! optional `file`, read by [`CsrfMultipart`] (parts in document order, the CSRF token checked
//! before one byte of a file is read). A message over the long-field limit is not cut: the form
//! says it is too long ([`ReplyForm::body_too_long`]).

use axum::extract::{FromRequest, Request};
use axum::response::Response;

use crate::AppState;
use crate::pages::multipart_form::{CsrfMultipart, UploadedFile};

/// The name of the message's part.
pub const BODY_FIELD: &str = "body";

pub struct ReplyForm {
    pub body: String,
    /// The message was longer than the form reads (and is not kept).
    pub body_too_long: bool,
    /// The `file` part, if one was chosen (a browser sends an empty part with no name when
    /// none was: that is `None` here).
    pub file: Option<UploadedFile>,
}

impl FromRequest<AppState> for ReplyForm {
    type Rejection = Response;

    async fn from_request(request: Request, state: &AppState) -> Result<Self, Self::Rejection> {
        let form = CsrfMultipart::from_request(request, state).await?;
        let body_too_long = form.too_long.contains(BODY_FIELD);
        let body = if body_too_long { String::new() } else { form.field(BODY_FIELD).to_string() };
        let file = form.file.filter(|f| f.name.is_some() || !f.bytes.is_empty());
        Ok(Self { body, body_too_long, file })
    }
}
