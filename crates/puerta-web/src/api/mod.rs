//! The JSON API under `/api/v1`. Conventions (URLs, errors, pagination) are in `docs/API.md`.

mod accounts;
mod appointment_work;
mod appointments;
mod case_checks;
mod case_processing;
mod case_work;
mod cases;
mod content;
mod dashboard;
pub mod documents;
mod draws;
pub mod json;
pub mod list;
mod messaging;
mod notifications;
pub mod openapi;
mod ports;
pub mod problem;
mod problem_code;
pub mod time;

use utoipa_axum::router::OpenApiRouter;

use crate::AppState;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .merge(ports::routes())
        .merge(accounts::routes())
        .merge(content::routes())
        .merge(cases::routes())
        .merge(documents::routes())
        .merge(case_processing::routes())
        .merge(case_checks::routes())
        .merge(case_work::routes())
        .merge(draws::routes())
        .merge(appointments::routes())
        .merge(appointment_work::routes())
        .merge(messaging::routes())
        .merge(notifications::routes())
        .merge(dashboard::routes())
}
