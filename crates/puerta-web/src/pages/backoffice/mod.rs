//! The officers' and supervisors' back office: the work queue with its filters and case clock,
//! one case with everything staff may see of it and the steps its status allows, and the
//! admins' list of reasons a denial may cite. Every rule (who may, which step from which status,
//! the due date's bounds, a different appeal decider) is the application's; these pages only ask
//! and show, and a refused step shows the page again with its message.

mod case_page;
mod case_view;
mod download;
mod queue;
mod reason_codes;
mod steps;

use axum::Router;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use puerta_app::AppError;

use super::redirect_notice;
use crate::AppState;
use crate::api::problem::ApiError;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/staff/cases", get(queue::page))
        .route("/staff/cases/{reference}", get(case_view::show))
        .route("/staff/cases/{reference}/claim", post(steps::claim))
        .route("/staff/cases/{reference}/assign", post(steps::assign))
        .route("/staff/cases/{reference}/notes", post(steps::add_note))
        .route("/staff/cases/{reference}/status", post(steps::move_case))
        .route("/staff/cases/{reference}/evidence-request", post(steps::request_evidence))
        .route("/staff/cases/{reference}/decision", post(steps::decide))
        .route("/staff/cases/{reference}/appeal-decision", post(steps::decide_appeal))
        .route("/staff/cases/{reference}/checks", post(steps::run_checks))
        .route("/staff/documents/{id}", get(download::serve))
        .route("/admin/reason-codes", get(reason_codes::page).post(reason_codes::add))
        .route("/admin/reason-codes/{code}/retire", post(reason_codes::retire))
}

/// Staff without a second factor are sent to set one up; others get the error page.
fn refused(error: AppError) -> Response {
    match error {
        AppError::MfaRequired => redirect_notice("/account/two-step", "staff-mfa-needed"),
        e => ApiError::from(e).into_response(),
    }
}

/// The reference as it may appear in an address: a parsed number only ever holds letters and
/// digits; anything else was refused before it got here.
fn path_safe(reference: &str) -> String {
    reference.chars().filter(char::is_ascii_alphanumeric).collect()
}
