//! The officers' and supervisors' message pages: the shared inbox (unassigned, mine, all) and
//! one conversation with who holds it, the steps to take it, let it go or (supervisors) give it
//! to another officer, and the reply form with its ready answers. Who may do what is the
//! application's; these pages only ask and show. Messages are plain text: escaped, line by line,
//! links never clickable.

mod inbox;
mod thread;

use axum::Router;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use puerta_app::AppError;
use puerta_app::accounts::Actor;
use puerta_domain::access::{Action, Target};
use puerta_i18n::Language;

use super::redirect_notice;
use crate::AppState;
use crate::api::problem::ApiError;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/staff/messages", get(inbox::page))
        .route("/staff/messages/{id}", get(thread::show))
        .route("/staff/messages/{id}/take", post(thread::take))
        .route("/staff/messages/{id}/release", post(thread::release))
        .route("/staff/messages/{id}/assign", post(thread::assign))
        .route("/staff/messages/{id}/reply", post(thread::reply))
}

/// Staff without a second factor are sent to set one up; others get the error page.
fn refused(error: AppError) -> Response {
    match error {
        AppError::MfaRequired => redirect_notice("/account/two-step", "staff-mfa-needed"),
        e => ApiError::from(e).into_response(),
    }
}

/// Only those who answer travelers (officers, supervisors) reach these pages. The thread use
/// cases also let a traveler reach their own thread (the traveler's pages use them), so the
/// policy is asked first: a traveler is refused here, not shown the officers' view. `Some` is
/// the refusal to answer with.
fn not_answering(actor: &Actor) -> Option<Response> {
    actor.authorize(Action::AnswerMessages, Target::None).err().map(refused)
}

/// A thread id as it may appear in an address: ids only ever hold letters, digits, `-` and `_`.
fn path_safe(id: &str) -> String {
    id.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_').collect()
}

/// The conversation's page.
fn thread_href(id: &str) -> String {
    format!("/staff/messages/{}", path_safe(id))
}

/// The staff case page of a grouped reference number (`PUE-1234-5678`), when it is one.
fn case_href(grouped: &str) -> Option<String> {
    puerta_domain::cases::ReferenceNumber::parse(grouped).ok().map(|r| format!("/staff/cases/{}", r.as_str()))
}

/// A language named for staff reading `reader` ("Haitian Creole (Kreyòl ayisyen)").
pub(crate) fn language_name(reader: Language, language: Language) -> String {
    puerta_i18n::t(reader, &format!("staffmsg-language-{}", language.code()))
}
