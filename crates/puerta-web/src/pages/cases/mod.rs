//! The traveler's case pages: the list of their cases, and each case with where it stands in
//! plain words, what happens next, the open request for evidence and its upload form, the
//! documents, the decision, the appeal form, withdrawing, and the timeline newest first.
//!
//! Every step is a use case in `puerta_app::cases` (which also decides who may see and do what:
//! another traveler's case is 404 here as on the API); a refused step shows the case page again
//! with the error summary and the message beside its field.

mod detail;
mod download;
mod list;
mod steps;
mod upload;
mod withdraw;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};

use crate::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/cases", get(list::page))
        .route("/cases/{reference}", get(detail::show))
        // The upload's body is capped by the body-limit layer at the upload size (as on the
        // API), so axum's smaller default limit is off here only.
        .route("/cases/{reference}/documents", post(upload::submit).layer(DefaultBodyLimit::disable()))
        .route("/cases/{reference}/evidence-answered", post(steps::answer_evidence))
        .route("/cases/{reference}/appeal", post(steps::appeal))
        .route("/cases/{reference}/withdraw", get(withdraw::withdraw_form).post(withdraw::withdraw))
        .route("/documents/{id}", get(download::serve))
}
