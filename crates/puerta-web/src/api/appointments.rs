//! A traveler's appointments: asking for a place in today's draw, the requests and the offers,
//! a photo of each traveler, confirmation (location again) with a confirmation number,
//! cancellation, and the outlook (share, demand, chance).

use axum::Json;
use axum::extract::multipart::MultipartRejection;
use axum::extract::{DefaultBodyLimit, Multipart, Path, Query, State};
use axum::http::StatusCode;
use puerta_app::appointments::{AppointmentView, LocationInput, Outlook, RequestView};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AppState;
use crate::api::json::ApiJson;
use crate::api::openapi::{JsonBody, QueryString, SignedIn, SignedInWrite};
use crate::api::problem::{ApiError, Problem};
use crate::api::time::rfc3339;
use crate::auth::{ApiActor, Client};

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(request_appointment, list_requests))
        .routes(routes!(withdraw_request))
        .routes(routes!(list_appointments))
        .routes(routes!(get_appointment))
        .routes(routes!(confirm_appointment))
        .routes(routes!(cancel_appointment))
        .routes(routes!(outlook))
        .routes(routes!(upload_photo))
        .layer(DefaultBodyLimit::disable())
}

/// A position from the device: degrees (WGS 84) and its uncertainty in metres.
#[derive(Deserialize, ToSchema, Clone, Copy)]
pub struct LocationBody {
    #[schema(minimum = -90, maximum = 90, example = 32.5149)]
    latitude: f64,
    #[schema(minimum = -180, maximum = 180, example = -117.0382)]
    longitude: f64,
    /// Radius of uncertainty; more than the configured bound (default 5,000 m) is refused.
    #[schema(minimum = 0, example = 25)]
    accuracy_m: f64,
}

impl From<LocationBody> for LocationInput {
    fn from(l: LocationBody) -> Self {
        Self { latitude: l.latitude, longitude: l.longitude, accuracy_m: l.accuracy_m }
    }
}

#[derive(Deserialize, ToSchema)]
pub struct AppointmentRequestBody {
    #[schema(min_length = 3, max_length = 3, example = "SYS")]
    port_code: String,
    /// Travelers of your group to include (each with a case open); all of them when absent.
    #[schema(max_items = 10)]
    traveler_ids: Option<Vec<String>>,
    location: LocationBody,
}

#[derive(Serialize, ToSchema)]
pub struct AppointmentRequestOut {
    id: String,
    /// The draw this request is in (the request day, in the window's zone).
    #[schema(format = Date)]
    draw_date: String,
    /// `requested`, `withdrawn`, `selected` or `waitlisted`.
    status: String,
    /// The opaque id of this request in the draw's published inputs.
    entry_id: String,
    port_code: Option<String>,
    traveler_ids: Vec<String>,
    /// Registration time used for the oldest share.
    #[schema(format = DateTime)]
    registered_at: Option<String>,
    /// On the waitlist: 1 means next.
    waitlist_position: Option<i64>,
    can_withdraw: bool,
}

impl From<RequestView> for AppointmentRequestOut {
    fn from(r: RequestView) -> Self {
        Self {
            id: r.id.to_string(),
            draw_date: r.draw_date,
            status: r.status.as_str().to_string(),
            entry_id: r.entry_id,
            port_code: Some(r.port_code),
            traveler_ids: r.traveler_ids.iter().map(ToString::to_string).collect(),
            registered_at: Some(rfc3339(r.registered_at)),
            waitlist_position: r.waitlist_position,
            can_withdraw: r.can_withdraw,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct RequestList {
    items: Vec<AppointmentRequestOut>,
    next_cursor: Option<String>,
}

const WRONG_PLACE: &str = "`outside_service_area`: the position is outside the area served to one of the travelers (the detail names it); `location_imprecise`: the position is vaguer than the bound; `validation_failed`: a field is missing or invalid";

/// Ask for a place in today's draw for your group (or part of it) at one port.
#[utoipa::path(post, path = "/api/v1/appointment-requests", tag = "appointments", security(("bearer" = [])),
    request_body = AppointmentRequestBody,
    responses(JsonBody, SignedInWrite, (status = 201, body = AppointmentRequestOut),
        (status = 403, description = "`forbidden`: only travelers ask for appointments", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "`request_window_closed` (with `next_opens_at`), `already_requested`, `already_scheduled`, `group_full`", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = WRONG_PLACE, body = Problem, content_type = "application/problem+json")))]
async fn request_appointment(
    State(state): State<AppState>,
    Client(client): Client,
    ApiActor(actor): ApiActor,
    ApiJson(body): ApiJson<AppointmentRequestBody>,
) -> Result<(StatusCode, Json<AppointmentRequestOut>), ApiError> {
    let requested = state
        .app
        .request_appointment(
            &client,
            &actor,
            &body.port_code,
            body.traveler_ids.as_deref(),
            body.location.into(),
        )
        .await?;
    let out = AppointmentRequestOut {
        id: requested.id.to_string(),
        draw_date: requested.draw_date,
        status: requested.status.as_str().to_string(),
        entry_id: requested.entry_id,
        port_code: Some(body.port_code.trim().to_ascii_uppercase()),
        traveler_ids: Vec::new(),
        registered_at: None,
        waitlist_position: None,
        can_withdraw: true,
    };
    Ok((StatusCode::CREATED, Json(out)))
}

/// Your group's requests, newest first (the last 60).
#[utoipa::path(get, path = "/api/v1/appointment-requests", tag = "appointments", security(("bearer" = [])),
    responses(SignedIn, (status = 200, body = RequestList),
        (status = 403, description = "`forbidden`: only travelers", body = Problem, content_type = "application/problem+json")))]
async fn list_requests(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
) -> Result<Json<RequestList>, ApiError> {
    let items = state.app.appointment_requests(&actor).await?.into_iter().map(Into::into).collect();
    Ok(Json(RequestList { items, next_cursor: None }))
}

/// Take back a request while its draw is still open.
#[utoipa::path(delete, path = "/api/v1/appointment-requests/{id}", tag = "appointments", security(("bearer" = [])),
    params(("id" = String, Path, max_length = 64)),
    responses(SignedInWrite, (status = 204, description = "Withdrawn"),
        (status = 403, description = "`forbidden`: only travelers", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "`not_found`: no such request of yours", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "`draw_closed`: the draw's window has closed", body = Problem, content_type = "application/problem+json")))]
async fn withdraw_request(
    State(state): State<AppState>,
    Client(client): Client,
    ApiActor(actor): ApiActor,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    state.app.withdraw_appointment_request(&client, &actor, &id).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Serialize, ToSchema)]
pub struct AppointmentTravelerOut {
    id: String,
    given_name: String,
    family_name: String,
    /// A photo taken since the offer was made.
    photo_current: bool,
    /// `arrived`, `no_show`, or null before the port day.
    arrival: Option<String>,
}

/// An offer or appointment.
#[derive(Serialize, ToSchema)]
pub struct AppointmentOut {
    id: String,
    /// `offered`, `confirmed`, `expired`, `cancelled`, `checked_in` or `no_show`.
    status: String,
    port_code: String,
    port_name: String,
    port_address: Option<String>,
    /// The port's IANA time zone, in which `scheduled_at` is shown.
    port_time_zone: String,
    #[schema(format = DateTime)]
    scheduled_at: String,
    #[schema(format = DateTime)]
    offer_expires_at: Option<String>,
    /// 10 Crockford base-32 characters and a check symbol.
    confirmation_number: Option<String>,
    traveler_ids: Vec<String>,
    travelers: Vec<AppointmentTravelerOut>,
    /// `oldest`, `random` or `waitlist`.
    selection: String,
    #[schema(format = Date)]
    draw_date: String,
}

impl From<AppointmentView> for AppointmentOut {
    fn from(v: AppointmentView) -> Self {
        let r = &v.record;
        let offered = r.status == puerta_domain::appointments::AppointmentStatus::Offered;
        Self {
            id: r.id.to_string(),
            status: r.status.as_str().to_string(),
            port_code: r.port_code.clone(),
            port_name: v.port_name.clone(),
            port_address: v.port_address.map(str::to_string),
            port_time_zone: v.port_zone.name().to_string(),
            scheduled_at: rfc3339(r.scheduled_at),
            offer_expires_at: offered.then(|| rfc3339(r.offer_expires_at)),
            confirmation_number: r.confirmation_number.clone(),
            traveler_ids: v.travelers.iter().map(|t| t.traveler_id.to_string()).collect(),
            travelers: v
                .travelers
                .iter()
                .map(|t| AppointmentTravelerOut {
                    id: t.traveler_id.to_string(),
                    given_name: t.given_name.clone(),
                    family_name: t.family_name.clone(),
                    photo_current: t.photo_at.is_some_and(|at| at >= r.offered_at),
                    arrival: t.arrival.clone(),
                })
                .collect(),
            selection: r.selection.clone(),
            draw_date: r.draw_date.clone(),
        }
    }
}

/// Your group's offers and appointments, newest first.
#[utoipa::path(get, path = "/api/v1/appointments", tag = "appointments", security(("bearer" = [])),
    responses(SignedIn, (status = 200, body = Vec<AppointmentOut>),
        (status = 403, description = "`forbidden`: only travelers", body = Problem, content_type = "application/problem+json")))]
async fn list_appointments(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
) -> Result<Json<Vec<AppointmentOut>>, ApiError> {
    Ok(Json(state.app.appointments(&actor).await?.into_iter().map(Into::into).collect()))
}

/// One of your group's offers or appointments.
#[utoipa::path(get, path = "/api/v1/appointments/{id}", tag = "appointments", security(("bearer" = [])),
    params(("id" = String, Path, max_length = 64)),
    responses(SignedIn, (status = 200, body = AppointmentOut),
        (status = 403, description = "`forbidden`: only travelers", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "`not_found`: no such appointment of yours", body = Problem, content_type = "application/problem+json")))]
async fn get_appointment(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Path(id): Path<String>,
) -> Result<Json<AppointmentOut>, ApiError> {
    Ok(Json(state.app.appointment(&actor, &id).await?.into()))
}

#[derive(Deserialize, ToSchema)]
pub struct ConfirmBody {
    location: LocationBody,
}

/// Confirm an offer before its deadline: the location is checked again and every traveler needs
/// a photo taken since the offer (`POST /api/v1/travelers/{id}/photo`).
#[utoipa::path(post, path = "/api/v1/appointments/{id}/confirm", tag = "appointments", security(("bearer" = [])),
    params(("id" = String, Path, max_length = 64)), request_body = ConfirmBody,
    responses(JsonBody, SignedInWrite, (status = 200, body = AppointmentOut),
        (status = 403, description = "`forbidden`: only travelers", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "`not_found`: no such appointment of yours", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "`offer_expired`: past the deadline; `not_offered`: cancelled or used", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`photo_required`: a traveler (named in `errors`) has no photo taken since the offer; `outside_service_area`; `location_imprecise`; `validation_failed`", body = Problem, content_type = "application/problem+json")))]
async fn confirm_appointment(
    State(state): State<AppState>,
    Client(client): Client,
    ApiActor(actor): ApiActor,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<ConfirmBody>,
) -> Result<Json<AppointmentOut>, ApiError> {
    Ok(Json(state.app.confirm_appointment(&client, &actor, &id, body.location.into()).await?.into()))
}

/// Cancel an offer or a confirmed appointment: the places go to the next groups waiting.
#[utoipa::path(post, path = "/api/v1/appointments/{id}/cancel", tag = "appointments", security(("bearer" = [])),
    params(("id" = String, Path, max_length = 64)),
    responses(SignedInWrite, (status = 200, body = AppointmentOut),
        (status = 403, description = "`forbidden`: only travelers", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "`not_found`: no such appointment of yours", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "`not_cancellable`: expired, cancelled or used already", body = Problem, content_type = "application/problem+json")))]
async fn cancel_appointment(
    State(state): State<AppState>,
    Client(client): Client,
    ApiActor(actor): ApiActor,
    Path(id): Path<String>,
) -> Result<Json<AppointmentOut>, ApiError> {
    Ok(Json(state.app.cancel_appointment(&client, &actor, &id).await?.into()))
}

#[derive(Deserialize, IntoParams, Default)]
#[serde(default)]
pub struct OutlookParams {
    /// A port code; the port of your latest request when absent.
    #[param(max_length = 10)]
    port: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct LastDrawOut {
    #[schema(format = Date)]
    date: String,
    port_code: String,
    requests: i64,
    travelers: i64,
    places: u32,
}

/// What you may expect: your registration date, the share for the oldest registrations, the
/// last draw at the port, and an estimate of your chance and wait.
#[derive(Serialize, ToSchema)]
pub struct OutlookOut {
    #[schema(format = DateTime)]
    registered_at: String,
    oldest_share: u32,
    port_code: Option<String>,
    last_draw: Option<LastDrawOut>,
    /// Estimated chance in one draw, in thousandths.
    chance_permille: Option<u32>,
    expected_wait_days: Option<u32>,
}

impl From<Outlook> for OutlookOut {
    fn from(o: Outlook) -> Self {
        Self {
            registered_at: rfc3339(o.registered_at),
            oldest_share: o.oldest_share_permille,
            port_code: o.port_code,
            last_draw: o.last_draw.map(|d| LastDrawOut {
                date: d.date,
                port_code: d.port_code,
                requests: d.requests,
                travelers: d.travelers,
                places: d.places,
            }),
            chance_permille: o.chance_permille,
            expected_wait_days: o.expected_wait_days,
        }
    }
}

/// Your outlook at a port.
#[utoipa::path(get, path = "/api/v1/appointments/outlook", tag = "appointments", security(("bearer" = [])),
    params(OutlookParams),
    responses(SignedIn, QueryString, (status = 200, body = OutlookOut),
        (status = 403, description = "`forbidden`: only travelers", body = Problem, content_type = "application/problem+json")))]
async fn outlook(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Query(q): Query<OutlookParams>,
) -> Result<Json<OutlookOut>, ApiError> {
    Ok(Json(state.app.appointment_outlook(&actor, q.port.as_deref()).await?.into()))
}

/// The multipart form of a photo.
#[derive(ToSchema)]
#[allow(dead_code)]
pub struct PhotoForm {
    /// A JPEG or PNG taken now (the phone's camera); metadata is removed.
    #[schema(value_type = String, format = Binary)]
    file: Vec<u8>,
}

/// Add a current photo of one of your travelers (multipart `file`), for the confirmation.
#[utoipa::path(post, path = "/api/v1/travelers/{id}/photo", tag = "appointments", security(("bearer" = [])),
    params(("id" = String, Path, max_length = 64)),
    request_body(content = PhotoForm, content_type = "multipart/form-data"),
    responses(SignedInWrite, (status = 201, body = crate::api::documents::DocumentOut),
        (status = 400, description = "`bad_request`: the multipart body cannot be read", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "`forbidden`: only travelers", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "`not_found`: no such traveler of yours", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "`payload_too_large`", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "`unsupported_media_type`: the body is not `multipart/form-data`", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`validation_failed`: `file` missing, not a JPEG or PNG, or refused; the traveler has no case open", body = Problem, content_type = "application/problem+json")))]
async fn upload_photo(
    State(state): State<AppState>,
    Client(client): Client,
    ApiActor(actor): ApiActor,
    Path(id): Path<String>,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<(StatusCode, Json<crate::api::documents::DocumentOut>), ApiError> {
    let multipart = multipart.map_err(|_| ApiError::from_status(StatusCode::UNSUPPORTED_MEDIA_TYPE))?;
    let bytes = crate::api::documents::read_file_field(multipart).await?;
    let Some(bytes) = bytes else {
        return Err(ApiError::field("file", "error-field-required"));
    };
    let photo = state.app.upload_traveler_photo(&client, &actor, &id, bytes).await?;
    Ok((StatusCode::CREATED, Json(photo.into())))
}
