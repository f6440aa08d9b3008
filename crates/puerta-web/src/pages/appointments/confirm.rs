//! `/appointments/{id}`: an offer with a photo of each traveler taken now (the phone's camera)
//! and the confirmation with the location checked again; a confirmed appointment with its
//! number large and as a QR code, the port's address, the local time with its zone, and what
//! to bring; cancelling gives the places to the next groups waiting.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use puerta_app::AppError;
use puerta_app::accounts::Actor;
use puerta_app::appointments::LocationInput;

use super::traveler::refusal_messages;
use super::view::{AppointmentRow, row};
use crate::AppState;
use crate::api::problem::ApiError;
use crate::auth::{Client, PageActor};
use crate::pages::form::{CsrfForm, html};
use crate::pages::frame::Frame;
use crate::pages::multipart_form::CsrfMultipart;
use crate::pages::{Ctx, redirect_notice};

#[derive(Template)]
#[template(path = "appointment.html")]
pub struct AppointmentPage {
    pub frame: Frame,
    pub a: AppointmentRow,
    pub all_photos: bool,
    pub errors: Vec<(String, String)>,
    pub photo_error: Option<String>,
    pub location_error: Option<String>,
    pub general_error: Option<String>,
}

async fn show(
    state: &AppState,
    ctx: &Ctx,
    actor: &Actor,
    id: &str,
    errors: Vec<(String, String)>,
    status: StatusCode,
) -> Response {
    let view = match state.app.appointment(actor, id).await {
        Ok(view) => view,
        Err(e) => return ApiError::from(e).into_response(),
    };
    let zone = match state.app.me(actor).await {
        Ok(p) => p.time_zone,
        Err(e) => return ApiError::from(e).into_response(),
    };
    let frame = ctx.frame(state, Some(actor));
    let a = row(frame.lang, zone, &view, state.app.now_ms());
    let slot = |field: &str| errors.iter().find(|(f, _)| f == field).map(|(_, m)| m.clone());
    let page = AppointmentPage {
        all_photos: a.travelers.iter().all(|t| t.photo_current),
        photo_error: slot("photo").or_else(|| slot("file")),
        location_error: slot("location"),
        general_error: slot("general"),
        a,
        frame,
        errors,
    };
    let mut response = html(&page);
    *response.status_mut() = status;
    response
}

pub async fn page(
    ctx: Ctx,
    State(state): State<AppState>,
    PageActor(actor): PageActor,
    Path(id): Path<String>,
) -> Response {
    show(&state, &ctx, &actor, &id, Vec::new(), StatusCode::OK).await
}

async fn refused(state: &AppState, ctx: &Ctx, actor: &Actor, id: &str, error: AppError) -> Response {
    let lang = ctx.frame(state, Some(actor)).lang;
    let zone =
        state.app.me(actor).await.map(|p| p.time_zone).unwrap_or(puerta_domain::accounts::DEFAULT_TIME_ZONE);
    match refusal_messages(&error, lang, zone) {
        Some(messages) => show(state, ctx, actor, id, messages, StatusCode::UNPROCESSABLE_ENTITY).await,
        None => ApiError::from(error).into_response(),
    }
}

/// One traveler's photo (multipart: `csrf_token`, `traveler`, `file`).
pub async fn photo(
    ctx: Ctx,
    State(state): State<AppState>,
    Client(client): Client,
    PageActor(actor): PageActor,
    Path(id): Path<String>,
    form: CsrfMultipart,
) -> Response {
    let traveler = form.field("traveler").trim().to_string();
    let file = form.file.filter(|f| f.name.is_some() || !f.bytes.is_empty());
    let result = match file {
        None => Err(AppError::field("file", "appointment-error-photo-missing")),
        Some(file) => state.app.upload_traveler_photo(&client, &actor, &traveler, file.bytes).await,
    };
    match result {
        Ok(_) => redirect_notice(&format!("/appointments/{}", safe(&id)), "appt-notice-photo"),
        Err(error) => refused(&state, &ctx, &actor, &id, error).await,
    }
}

fn number(fields: &[(String, String)], name: &str) -> f64 {
    fields
        .iter()
        .find(|(k, _)| k == name)
        .and_then(|(_, v)| v.trim().parse::<f64>().ok())
        .filter(|n| n.is_finite())
        .unwrap_or(f64::NAN)
}

pub async fn confirm(
    ctx: Ctx,
    State(state): State<AppState>,
    Client(client): Client,
    PageActor(actor): PageActor,
    Path(id): Path<String>,
    CsrfForm(fields): CsrfForm<Vec<(String, String)>>,
) -> Response {
    let location = LocationInput {
        latitude: number(&fields, "latitude"),
        longitude: number(&fields, "longitude"),
        accuracy_m: number(&fields, "accuracy_m"),
    };
    match state.app.confirm_appointment(&client, &actor, &id, location).await {
        Ok(_) => redirect_notice(&format!("/appointments/{}", safe(&id)), "appt-notice-confirmed"),
        Err(error) => refused(&state, &ctx, &actor, &id, error).await,
    }
}

pub async fn cancel(
    ctx: Ctx,
    State(state): State<AppState>,
    Client(client): Client,
    PageActor(actor): PageActor,
    Path(id): Path<String>,
    CsrfForm(_): CsrfForm<Vec<(String, String)>>,
) -> Response {
    match state.app.cancel_appointment(&client, &actor, &id).await {
        Ok(_) => redirect_notice("/appointments", "appt-notice-cancelled"),
        Err(error) => refused(&state, &ctx, &actor, &id, error).await,
    }
}

/// An id as it may appear in an address: ids hold letters, digits, `-` and `_` only.
fn safe(id: &str) -> String {
    id.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_').collect()
}
