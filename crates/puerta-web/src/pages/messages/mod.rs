//! Secure messaging, the traveler's side: their conversations with the officers and the form to
//! start one (`/messages`), one conversation with its reply form and an optional document
//! (`/messages/{id}`). Messages are plain text: always escaped, line breaks kept by CSS
//! (`.message-body`), never a link made clickable (a message is exactly where a scammer would
//! put one). A document sent with a message is first added to the conversation's case with
//! the documents' use case (every check and the encryption of the document store), then
//! attached to the message.
//!
//! Every step is a use case in `puerta_app::messaging`, which decides who may read what:
//! someone else's conversation is the 404 page, as on the API.

mod list;
mod reply_form;
mod thread;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use puerta_app::AppError;
use puerta_i18n::{Arg, Language, t_args};

use crate::AppState;
use crate::pages::form::{form_errors, html};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/messages", get(list::page).post(list::start))
        .route("/messages/{id}", get(thread::page))
        // A reply may carry a document: the body is capped by the body-limit layer only (as the
        // case page's upload), not by axum's smaller default.
        .route("/messages/{id}/reply", post(thread::reply).layer(DefaultBodyLimit::disable()))
}

/// A refused step, as the page shows it: the status, `Retry-After` when throttled, and the
/// messages by field.
pub struct Refusal {
    pub status: StatusCode,
    pub retry_after: Option<u64>,
    pub errors: Vec<(String, String)>,
}

/// What a failed use case means beside the form's fields (`general` takes what is about no
/// field); `None` when it is not about the form (it becomes an error page).
pub fn refusal(error: &AppError, lang: Language, general: &str) -> Option<Refusal> {
    let errors = match error {
        // With the message's arguments (a file's size limit).
        AppError::Validation(problems) => problems
            .iter()
            .map(|p| {
                let args = p.args.iter().map(|(name, value)| (*name, Arg::from(value.as_str()))).collect();
                (p.field.clone(), t_args(lang, &p.message_id, args))
            })
            .collect(),
        other => form_errors(other, lang, general)?,
    };
    let (status, retry_after) = match error {
        AppError::Throttled { retry_after_secs } => (StatusCode::TOO_MANY_REQUESTS, Some(*retry_after_secs)),
        _ => (StatusCode::UNPROCESSABLE_ENTITY, None),
    };
    Some(Refusal { status, retry_after, errors })
}

/// The page with the refusal's status (a template failure stays the error page it is).
pub fn render_refused(page: &impl askama::Template, refusal: &Refusal) -> Response {
    let mut response = html(page);
    if response.status() == StatusCode::OK {
        *response.status_mut() = refusal.status;
        if let Some(secs) = refusal.retry_after {
            response.headers_mut().insert(axum::http::header::RETRY_AFTER, secs.into());
        }
    }
    response
}
