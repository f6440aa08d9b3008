//! Appointments for staff, partners and administrators: a port's day and check-in (officers),
//! validating a confirmation number (partners), the scheduling rules and places (admins).

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use puerta_app::appointments::{SchedulingUpdate, SchedulingView};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AppState;
use crate::api::json::ApiJson;
use crate::api::openapi::{JsonBody, QueryString, SignedIn, SignedInWrite, Throttled};
use crate::api::problem::{ApiError, Problem};
use crate::api::time::rfc3339;
use crate::auth::{ApiActor, Client};

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(port_day))
        .routes(routes!(check_in))
        .routes(routes!(cancel_for_port))
        .routes(routes!(validate))
        .routes(routes!(get_scheduling, put_scheduling))
        .routes(routes!(set_capacity))
}

#[derive(Serialize, ToSchema)]
pub struct PortDayTravelerOut {
    id: String,
    given_name: String,
    family_name: String,
    #[schema(format = Date)]
    date_of_birth: String,
    arrival: Option<String>,
    case_reference: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct PortDayGroupOut {
    appointment_id: String,
    confirmation_number: Option<String>,
    status: String,
    #[schema(format = DateTime)]
    scheduled_at: String,
    travelers: Vec<PortDayTravelerOut>,
}

/// A port's day (in the port's zone): the confirmed groups, with who has arrived. Audited.
#[utoipa::path(get, path = "/api/v1/staff/ports/{code}/days/{date}", tag = "staff", security(("bearer" = [])),
    params(("code" = String, Path, max_length = 10), ("date" = String, Path, max_length = 10)),
    responses(SignedIn, (status = 200, body = Vec<PortDayGroupOut>),
        (status = 403, description = "`forbidden` or `mfa_required`: officers and supervisors", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "`not_found`: no such port", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`validation_failed`: not a date", body = Problem, content_type = "application/problem+json")))]
async fn port_day(
    State(state): State<AppState>,
    Client(client): Client,
    ApiActor(actor): ApiActor,
    Path((code, date)): Path<(String, String)>,
) -> Result<Json<Vec<PortDayGroupOut>>, ApiError> {
    let groups = state.app.port_day(&client, &actor, &code, &date).await?;
    Ok(Json(
        groups
            .into_iter()
            .map(|g| PortDayGroupOut {
                appointment_id: g.appointment.id.to_string(),
                confirmation_number: g.appointment.confirmation_number,
                status: g.appointment.status.as_str().to_string(),
                scheduled_at: rfc3339(g.appointment.scheduled_at),
                travelers: g
                    .travelers
                    .into_iter()
                    .map(|t| PortDayTravelerOut {
                        id: t.traveler_id.to_string(),
                        given_name: t.given_name,
                        family_name: t.family_name,
                        date_of_birth: t.date_of_birth,
                        arrival: t.arrival,
                        case_reference: t.case_reference,
                    })
                    .collect(),
            })
            .collect(),
    ))
}

#[derive(Deserialize, ToSchema)]
pub struct CheckInBody {
    /// The travelers of the group who are here; the others are recorded as not come.
    #[schema(max_items = 10)]
    arrived_traveler_ids: Vec<String>,
    /// One traveler's date of birth, checked against the group (as the port page asks).
    #[schema(format = Date)]
    date_of_birth: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct CheckInOut {
    /// `checked_in`, or `no_show` when nobody came.
    status: String,
    arrived_traveler_ids: Vec<String>,
    /// The cases now in review.
    cases_in_review: Vec<String>,
}

/// Record a group's arrival by its confirmation number: each arrival's case goes to `in_review`.
#[utoipa::path(post, path = "/api/v1/staff/appointments/{confirmation_number}/check-in", tag = "staff", security(("bearer" = [])),
    params(("confirmation_number" = String, Path, max_length = 20)), request_body = CheckInBody,
    responses(JsonBody, SignedInWrite, (status = 200, body = CheckInOut),
        (status = 403, description = "`forbidden` or `mfa_required`: officers and supervisors", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "`not_found`: no confirmed appointment with this number", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "`already_checked_in`", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`validation_failed`: a mistyped number (check symbol), a traveler not in the group, a date of birth of nobody in it", body = Problem, content_type = "application/problem+json")))]
async fn check_in(
    State(state): State<AppState>,
    Client(client): Client,
    ApiActor(actor): ApiActor,
    Path(number): Path<String>,
    ApiJson(body): ApiJson<CheckInBody>,
) -> Result<Json<CheckInOut>, ApiError> {
    if body.arrived_traveler_ids.len() > 10 {
        return Err(ApiError::field("arrived_traveler_ids", "error-traveler-unknown"));
    }
    let done = state
        .app
        .check_in(&client, &actor, &number, &body.arrived_traveler_ids, body.date_of_birth.as_deref())
        .await?;
    Ok(Json(CheckInOut {
        status: done.status.as_str().to_string(),
        arrived_traveler_ids: done.arrived.iter().map(ToString::to_string).collect(),
        cases_in_review: done.cases_in_review,
    }))
}

#[derive(Deserialize, IntoParams)]
pub struct ValidateParams {
    #[param(max_length = 20)]
    confirmation_number: String,
    #[param(format = Date, max_length = 10)]
    date_of_birth: String,
}

#[derive(Serialize, ToSchema)]
pub struct ValidOut {
    valid: bool,
}

/// Partners: is this a confirmed appointment of someone born that day? Nothing else is told.
#[utoipa::path(get, path = "/api/v1/appointments/validate", tag = "appointments", security(("bearer" = [])),
    params(ValidateParams),
    responses(SignedIn, QueryString, Throttled, (status = 200, body = ValidOut),
        (status = 403, description = "`forbidden`: partners only", body = Problem, content_type = "application/problem+json")))]
async fn validate(
    State(state): State<AppState>,
    Client(client): Client,
    ApiActor(actor): ApiActor,
    Query(q): Query<ValidateParams>,
) -> Result<Json<ValidOut>, ApiError> {
    let valid =
        state.app.validate_appointment(&client, &actor, &q.confirmation_number, &q.date_of_birth).await?;
    Ok(Json(ValidOut { valid }))
}

#[derive(Serialize, ToSchema)]
pub struct SchedulingOut {
    /// `HH:MM`, local to `time_zone`.
    window_opens: String,
    window_closes: String,
    time_zone: String,
    /// The draw runs at this local hour the next day.
    draw_at: String,
    oldest_share: u32,
    lead_days: u32,
    service_policy: String,
    service_policies: Vec<String>,
    max_accuracy_m: f64,
    require_public_randomness: bool,
}

impl From<SchedulingView> for SchedulingOut {
    fn from(v: SchedulingView) -> Self {
        let r = v.rules;
        Self {
            window_opens: r.window.opens.format("%H:%M").to_string(),
            window_closes: r.window.closes.format("%H:%M").to_string(),
            time_zone: r.window.zone.name().to_string(),
            draw_at: r.window.draw_at.format("%H:%M").to_string(),
            oldest_share: r.oldest_share_permille,
            lead_days: r.lead_days,
            service_policy: r.policy.name().to_string(),
            service_policies: v.policies.iter().map(|p| (*p).to_string()).collect(),
            max_accuracy_m: r.max_accuracy_m,
            require_public_randomness: r.require_public_randomness,
        }
    }
}

const ADMIN_ONLY: &str = "`forbidden` or `mfa_required`: administrators";

/// The scheduling rules in force (administrators).
#[utoipa::path(get, path = "/api/v1/admin/scheduling", tag = "admin", security(("bearer" = [])),
    responses(SignedIn, (status = 200, body = SchedulingOut),
        (status = 403, description = ADMIN_ONLY, body = Problem, content_type = "application/problem+json")))]
async fn get_scheduling(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
) -> Result<Json<SchedulingOut>, ApiError> {
    Ok(Json(state.app.scheduling_settings(&actor).await?.into()))
}

#[derive(Deserialize, ToSchema, Default)]
#[serde(default)]
pub struct SchedulingBody {
    #[schema(pattern = "^[0-2][0-9]:[0-5][0-9]$", example = "12:00")]
    window_opens: Option<String>,
    #[schema(pattern = "^[0-2][0-9]:[0-5][0-9]$", example = "23:59")]
    window_closes: Option<String>,
    /// An IANA zone, e.g. `America/New_York`.
    #[schema(max_length = 64)]
    time_zone: Option<String>,
    #[schema(minimum = 0, maximum = 1000)]
    oldest_share: Option<i64>,
    #[schema(minimum = 0, maximum = 60)]
    lead_days: Option<i64>,
    /// `north-of-19` or `aug-2024`.
    #[schema(max_length = 64)]
    service_policy: Option<String>,
}

/// Change the scheduling rules (fields left out keep their value). Audited; travelers with a
/// standing request are told.
#[utoipa::path(put, path = "/api/v1/admin/scheduling", tag = "admin", security(("bearer" = [])),
    request_body = SchedulingBody,
    responses(JsonBody, SignedInWrite, (status = 200, body = SchedulingOut),
        (status = 403, description = ADMIN_ONLY, body = Problem, content_type = "application/problem+json")))]
async fn put_scheduling(
    State(state): State<AppState>,
    Client(client): Client,
    ApiActor(actor): ApiActor,
    ApiJson(body): ApiJson<SchedulingBody>,
) -> Result<Json<SchedulingOut>, ApiError> {
    let update = SchedulingUpdate {
        window_opens: body.window_opens,
        window_closes: body.window_closes,
        time_zone: body.time_zone,
        oldest_share_permille: body.oldest_share,
        lead_days: body.lead_days,
        service_policy: body.service_policy,
    };
    Ok(Json(state.app.update_scheduling(&client, &actor, update).await?.into()))
}

#[derive(Deserialize, ToSchema)]
pub struct CapacityBody {
    #[schema(min_length = 3, max_length = 3, example = "SYS")]
    port_code: String,
    /// The draw (request day) whose places these are.
    #[schema(format = Date)]
    draw_date: String,
    #[schema(minimum = 0, maximum = 10000)]
    places: i64,
}

/// Set a port's places for one draw (until that draw is frozen). Audited; travelers who asked
/// at that port in that draw are told.
#[utoipa::path(put, path = "/api/v1/admin/capacity", tag = "admin", security(("bearer" = [])),
    request_body = CapacityBody,
    responses(JsonBody, SignedInWrite, (status = 204, description = "Set"),
        (status = 403, description = ADMIN_ONLY, body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "`draw_frozen`: that draw's inputs are already fixed", body = Problem, content_type = "application/problem+json")))]
async fn set_capacity(
    State(state): State<AppState>,
    Client(client): Client,
    ApiActor(actor): ApiActor,
    ApiJson(body): ApiJson<CapacityBody>,
) -> Result<StatusCode, ApiError> {
    state.app.set_draw_capacity(&client, Some(&actor), &body.port_code, &body.draw_date, body.places).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Cancel a group's offered or confirmed appointment on the port's side (supervisors; a
/// closure, an emergency). The places are not offered to others; the group is notified and may
/// ask again. Audited.
#[utoipa::path(post, path = "/api/v1/staff/appointments/{id}/cancellation", tag = "staff", security(("bearer" = [])),
    params(("id" = String, Path, max_length = 64)),
    responses(SignedInWrite, (status = 204, description = "Cancelled"),
        (status = 403, description = "`forbidden` or `mfa_required`: supervisors", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "`not_found`: no such appointment", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "`not_cancellable`: it no longer holds places", body = Problem, content_type = "application/problem+json")))]
async fn cancel_for_port(
    State(state): State<AppState>,
    Client(client): Client,
    ApiActor(actor): ApiActor,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    state.app.cancel_appointment_for_port(&client, &actor, &id).await?;
    Ok(StatusCode::NO_CONTENT)
}
