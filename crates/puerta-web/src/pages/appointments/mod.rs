//! Appointment pages. Travelers: the outlook and today's request (with the browser's location,
//! and a way to try again), their requests and offers, the offer with a photo of each traveler
//! and the confirmation, the confirmed appointment with its number large and as a QR code.
//! Officers: a port's day and check-in by confirmation number and date of birth.
//! Administrators: the scheduling rules, places per draw and the public random value.
//! Partners: whether a confirmation number is real.
//!
//! Every step is a use case in `puerta_app::appointments`, which decides who may do what; a
//! refused step shows the page again with the message beside its field.

mod admin;
mod confirm;
mod partner;
mod port_day;
mod traveler;
mod view;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};

use crate::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/appointments", get(traveler::page).post(traveler::request))
        .route("/appointments/requests/{id}/withdraw", post(traveler::withdraw))
        .route("/appointments/{id}", get(confirm::page))
        // The photo's body is capped by the body-limit layer at the upload size.
        .route("/appointments/{id}/photo", post(confirm::photo).layer(DefaultBodyLimit::disable()))
        .route("/appointments/{id}/confirm", post(confirm::confirm))
        .route("/appointments/{id}/cancel", post(confirm::cancel))
        .route("/partner/validate", get(partner::page))
        .route("/staff/port-day", get(port_day::page))
        .route("/staff/check-in", get(port_day::find).post(port_day::check_in))
        .route("/admin/scheduling", get(admin::page).post(admin::save))
        .route("/admin/scheduling/capacity", post(admin::capacity))
        .route("/admin/scheduling/randomness", post(admin::randomness))
}
