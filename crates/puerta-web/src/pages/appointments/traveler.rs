//! `/appointments`: the traveler's offers and appointments, today's request (port, travelers,
//! the browser's location), their requests with their published entry, and what to expect.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use puerta_app::AppError;
use puerta_app::accounts::{Actor, RequestContext};
use puerta_app::appointments::LocationInput;
use puerta_domain::appointments::RequestStatus;
use puerta_i18n::{Arg, Language, format_in_zone, t, t_args};

use super::view::{AppointmentRow, row};
use crate::AppState;
use crate::api::problem::ApiError;
use crate::auth::{Client, PageActor};
use crate::pages::form::{CsrfForm, form_errors, html};
use crate::pages::frame::Frame;
use crate::pages::{Ctx, redirect_notice};

pub struct RequestRow {
    pub withdraw_href: String,
    pub draw_date: String,
    pub port: String,
    pub tag: String,
    pub entry_id: String,
    pub waitlist: Option<String>,
    pub can_withdraw: bool,
}

pub struct Choice {
    pub value: String,
    pub label: String,
    pub chosen: bool,
}

#[derive(Template)]
#[template(path = "appointments.html")]
pub struct AppointmentsPage {
    pub frame: Frame,
    pub appointments: Vec<AppointmentRow>,
    pub window_open: bool,
    /// "Requests are taken today until …" or "… from … to …; next …".
    pub window_text: String,
    pub draw_text: String,
    pub ports: Vec<Choice>,
    pub travelers: Vec<Choice>,
    pub requests: Vec<RequestRow>,
    pub outlook: Vec<(String, String)>,
    pub errors: Vec<(String, String)>,
    pub port_error: Option<String>,
    pub travelers_error: Option<String>,
    pub location_error: Option<String>,
    pub general_error: Option<String>,
}

/// The form: a port, travelers (checkboxes), and the position the page's script filled in.
#[derive(Default)]
pub struct RequestForm {
    port_code: String,
    travelers: Vec<String>,
    latitude: String,
    longitude: String,
    accuracy_m: String,
}

/// The form from its fields as sent (the `traveler` checkboxes repeat).
fn parse_form(pairs: Vec<(String, String)>) -> RequestForm {
    let mut form = RequestForm::default();
    for (key, value) in pairs {
        match key.as_str() {
            "port_code" => form.port_code = value,
            "traveler" if form.travelers.len() < 10 => form.travelers.push(value),
            "latitude" => form.latitude = value,
            "longitude" => form.longitude = value,
            "accuracy_m" => form.accuracy_m = value,
            _ => {}
        }
    }
    form
}

/// The messages a refused request puts on the page, by field.
pub fn refusal_messages(
    error: &AppError,
    lang: Language,
    reader_zone: chrono_tz::Tz,
) -> Option<Vec<(String, String)>> {
    match error {
        AppError::OutsideServiceArea { message_id, .. } => {
            Some(vec![("location".into(), t(lang, message_id))])
        }
        AppError::WindowClosed { next_opens_ms, .. } => {
            let time = format_in_zone(lang, *next_opens_ms, reader_zone);
            Some(vec![(
                "general".into(),
                t_args(lang, "problem-request_window_closed", vec![("time", Arg::from(time))]),
            )])
        }
        AppError::PhotoRequired { .. } => Some(vec![("photo".into(), t(lang, "problem-photo_required"))]),
        other => form_errors(other, lang, "general"),
    }
}

impl AppointmentsPage {
    fn slot(&self, field: &str) -> Option<String> {
        self.errors.iter().find(|(f, _)| f == field).map(|(_, m)| m.clone())
    }
}

async fn build(
    state: &AppState,
    ctx: &Ctx,
    actor: &Actor,
    form: Option<&RequestForm>,
    errors: Vec<(String, String)>,
) -> Result<AppointmentsPage, Response> {
    let fail = |e: AppError| ApiError::from(e).into_response();
    let app = &state.app;
    let frame = ctx.frame(state, Some(actor));
    let lang = frame.lang;
    let reader = app.me(actor).await.map_err(fail)?;
    let zone = reader.time_zone;
    let now = app.now_ms();
    let when = |ms: i64| format_in_zone(lang, ms, zone);
    let appointments: Vec<AppointmentRow> =
        app.appointments(actor).await.map_err(fail)?.iter().map(|v| row(lang, zone, v, now)).collect();
    let rules = app.scheduling_rules().await.map_err(fail)?;
    let (window_open, window_text, draw_text) = match rules.window.draw_date_at(now) {
        Ok(date) => {
            let (_, closes) = rules.window.bounds(date);
            (
                true,
                t_args(lang, "appt-window-open", vec![("time", Arg::from(when(closes - 60_000)))]),
                t_args(lang, "appt-draw-when", vec![("time", Arg::from(when(rules.window.draw_time(date))))]),
            )
        }
        Err(closed) => (
            false,
            t_args(lang, "appt-window-closed", vec![("time", Arg::from(when(closed.next_opens_ms)))]),
            String::new(),
        ),
    };
    let chosen_port = form.map(|f| f.port_code.as_str()).unwrap_or_default();
    let ports = app
        .list_ports()
        .await
        .map_err(fail)?
        .into_iter()
        .map(|p| Choice {
            chosen: p.code.as_str() == chosen_port,
            value: p.code.as_str().to_string(),
            label: format!("{} — {}, {}", p.name, p.city, p.state),
        })
        .collect();
    let travelers = app
        .travelers(actor)
        .await
        .map_err(fail)?
        .into_iter()
        .map(|t| Choice {
            chosen: form.is_none_or(|f| f.travelers.contains(&t.id.to_string())),
            value: t.id.to_string(),
            label: format!("{} {}", t.given_name, t.family_name),
        })
        .collect();
    let requests = app
        .appointment_requests(actor)
        .await
        .map_err(fail)?
        .into_iter()
        .map(|r| RequestRow {
            withdraw_href: format!("/appointments/requests/{}/withdraw", r.id),
            draw_date: r.draw_date,
            port: r.port_code,
            tag: t(lang, &format!("appt-request-{}", r.status.as_str())),
            entry_id: r.entry_id,
            waitlist: r
                .waitlist_position
                .filter(|_| r.status == RequestStatus::Waitlisted)
                .map(|n| t_args(lang, "appt-waitlist-position", vec![("number", Arg::from(n))])),
            can_withdraw: r.can_withdraw,
        })
        .collect();
    let o = app.appointment_outlook(actor, None).await.map_err(fail)?;
    let mut outlook = vec![
        (t(lang, "appt-outlook-registered"), when(o.registered_at)),
        (
            t(lang, "appt-outlook-share"),
            t_args(
                lang,
                "appt-outlook-share-value",
                vec![("percent", Arg::from(i64::from(o.oldest_share_permille / 10)))],
            ),
        ),
    ];
    if let Some(last) = &o.last_draw {
        outlook.push((
            t_args(lang, "appt-outlook-last", vec![("port", Arg::from(last.port_code.clone()))]),
            t_args(
                lang,
                "appt-outlook-last-value",
                vec![
                    ("requests", Arg::from(last.requests)),
                    ("travelers", Arg::from(last.travelers)),
                    ("places", Arg::from(i64::from(last.places))),
                ],
            ),
        ));
    }
    let chance = match (o.chance_permille, o.expected_wait_days) {
        (Some(c), Some(days)) => t_args(
            lang,
            "appt-outlook-chance-value",
            vec![
                ("percent", Arg::from(decimal(lang, f64::from(c) / 10.0))),
                ("days", Arg::from(i64::from(days))),
            ],
        ),
        _ => t(lang, "appt-outlook-chance-unknown"),
    };
    outlook.push((t(lang, "appt-outlook-chance"), chance));
    let mut page = AppointmentsPage {
        frame,
        appointments,
        window_open,
        window_text,
        draw_text,
        ports,
        travelers,
        requests,
        outlook,
        errors,
        port_error: None,
        travelers_error: None,
        location_error: None,
        general_error: None,
    };
    page.port_error = page.slot("port_code");
    page.travelers_error = page.slot("traveler_ids");
    page.location_error = page.slot("location");
    page.general_error = page.slot("general");
    Ok(page)
}

pub async fn page(ctx: Ctx, State(state): State<AppState>, PageActor(actor): PageActor) -> Response {
    match build(&state, &ctx, &actor, None, Vec::new()).await {
        Ok(page) => html(&page),
        Err(response) => response,
    }
}

/// One decimal, with the decimal comma where the language writes one.
fn decimal(lang: Language, value: f64) -> String {
    let text = format!("{value:.1}");
    match lang {
        Language::Pt | Language::Fr | Language::Ht => text.replace('.', ","),
        Language::En | Language::Es => text,
    }
}

/// A number from the form, or NaN (which the service-area check refuses as no position).
fn number(text: &str) -> f64 {
    text.trim().parse::<f64>().ok().filter(|n| n.is_finite()).unwrap_or(f64::NAN)
}

pub async fn request(
    ctx: Ctx,
    State(state): State<AppState>,
    Client(client): Client,
    PageActor(actor): PageActor,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Response {
    let form = parse_form(pairs);
    let location = LocationInput {
        latitude: number(&form.latitude),
        longitude: number(&form.longitude),
        accuracy_m: number(&form.accuracy_m),
    };
    let chosen = (!form.travelers.is_empty()).then_some(form.travelers.as_slice());
    match state.app.request_appointment(&client, &actor, &form.port_code, chosen, location).await {
        Ok(_) => redirect_notice("/appointments", "appt-notice-requested"),
        Err(error) => refused(&state, &ctx, &client, &actor, Some(&form), error).await,
    }
}

/// Shows the page again with the refusal beside its field (422), or the error page.
async fn refused(
    state: &AppState,
    ctx: &Ctx,
    _client: &RequestContext,
    actor: &Actor,
    form: Option<&RequestForm>,
    error: AppError,
) -> Response {
    let lang = ctx.frame(state, Some(actor)).lang;
    let zone =
        state.app.me(actor).await.map(|p| p.time_zone).unwrap_or(puerta_domain::accounts::DEFAULT_TIME_ZONE);
    let Some(messages) = refusal_messages(&error, lang, zone) else {
        return ApiError::from(error).into_response();
    };
    match build(state, ctx, actor, form, messages).await {
        Ok(page) => {
            let mut response = html(&page);
            *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
            response
        }
        Err(response) => response,
    }
}

pub async fn withdraw(
    ctx: Ctx,
    State(state): State<AppState>,
    Client(client): Client,
    PageActor(actor): PageActor,
    Path(id): Path<String>,
    CsrfForm(_): CsrfForm<std::collections::HashMap<String, String>>,
) -> Response {
    match state.app.withdraw_appointment_request(&client, &actor, &id).await {
        Ok(()) => redirect_notice("/appointments", "appt-notice-withdrawn"),
        Err(error) => refused(&state, &ctx, &client, &actor, None, error).await,
    }
}
