//! The traveler's application pages (GOV.UK "question pages"): a task list, one thing per page
//! for each person of the group (kept as a draft until finished), the shared US destination, the
//! port, "check your answers", and the printable receipt with each reference number as a QR code.
//! Every rule is the application's (`puerta_app` cases); these pages only ask and show.

mod check;
mod countries;
mod group;
mod questions;
mod receipt;
mod task_list;
mod view;

use axum::Router;
use axum::routing::{get, post};

use crate::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/apply", get(task_list::show))
        .route("/apply/people", post(task_list::add_person))
        .route("/apply/drafts/{id}", get(questions::review))
        .route("/apply/drafts/{id}/finish", post(questions::finish))
        .route("/apply/drafts/{id}/discard", post(questions::discard))
        .route("/apply/drafts/{id}/{step}", get(questions::draft_form).post(questions::draft_submit))
        .route("/apply/travelers/{id}/remove", post(questions::remove))
        .route("/apply/travelers/{id}/{step}", get(questions::traveler_form).post(questions::traveler_submit))
        .route("/apply/address", get(group::address_form).post(group::address_submit))
        .route("/apply/port", get(group::port_form).post(group::port_submit))
        .route("/apply/check", get(check::show))
        .route("/apply/submit", post(check::submit))
        .route("/applications/{id}/receipt", get(receipt::show))
}
