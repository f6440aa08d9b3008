//! The officers' port day: `/staff/port-day?port=SYS&date=2026-12-03` lists the confirmed
//! groups of that day (in the port's zone); `/staff/check-in` finds a group by confirmation
//! number and a date of birth, then records who arrived (their cases go to review).

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use puerta_app::AppError;
use puerta_app::appointments::PortDayGroup;
use serde::Deserialize;

use crate::AppState;
use crate::api::problem::ApiError;
use crate::auth::{Client, PageActor};
use crate::pages::form::{CsrfForm, form_errors, html};
use crate::pages::frame::Frame;
use crate::pages::{Ctx, redirect_notice};

pub struct GroupRow {
    pub number: String,
    pub number_grouped: String,
    pub time: String,
    pub tag: String,
    pub confirmed: bool,
    /// (id, name, date of birth, arrival in words, case reference)
    pub travelers: Vec<(String, String, String, String, String)>,
}

#[derive(Template)]
#[template(path = "port_day.html")]
pub struct PortDayPage {
    pub frame: Frame,
    pub date: String,
    /// (code, label, chosen)
    pub ports: Vec<(String, String, bool)>,
    pub groups: Vec<GroupRow>,
    /// The group found for check-in.
    pub found: Option<GroupRow>,
    pub number: String,
    pub birth: String,
    pub errors: Vec<(String, String)>,
    pub number_error: Option<String>,
    pub birth_error: Option<String>,
    pub general_error: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct DayQuery {
    port: String,
    date: String,
    number: String,
    birth: String,
}

fn group_row(frame: &Frame, zone: chrono_tz::Tz, g: PortDayGroup) -> GroupRow {
    let lang = frame.lang;
    let number = g.appointment.confirmation_number.clone().unwrap_or_default();
    GroupRow {
        number_grouped: puerta_domain::appointments::ConfirmationNumber::parse(&number)
            .map(|n| n.grouped())
            .unwrap_or_else(|_| number.clone()),
        number,
        time: puerta_i18n::format_in_zone(lang, g.appointment.scheduled_at, zone),
        tag: frame.t(&format!("appt-tag-{}", g.appointment.status.as_str())),
        confirmed: g.appointment.status == puerta_domain::appointments::AppointmentStatus::Confirmed,
        travelers: g
            .travelers
            .into_iter()
            .map(|t| {
                let arrival = match t.arrival.as_deref() {
                    Some("arrived") => frame.t("appt-arrival-arrived"),
                    Some(_) => frame.t("appt-arrival-no-show"),
                    None => String::new(),
                };
                (
                    t.traveler_id.to_string(),
                    format!("{} {}", t.given_name, t.family_name),
                    t.date_of_birth,
                    arrival,
                    t.case_reference.unwrap_or_default(),
                )
            })
            .collect(),
    }
}

async fn render(
    state: &AppState,
    ctx: &Ctx,
    client: &puerta_app::accounts::RequestContext,
    actor: &puerta_app::accounts::Actor,
    q: DayQuery,
    mut errors: Vec<(String, String)>,
) -> Response {
    let frame = ctx.frame(state, Some(actor));
    let ports = match state.app.list_ports().await {
        Ok(ports) => ports,
        Err(e) => return ApiError::from(e).into_response(),
    };
    let port = if q.port.is_empty() {
        ports.first().map(|p| p.code.as_str().to_string()).unwrap_or_default()
    } else {
        q.port.clone()
    };
    let zone = ports
        .iter()
        .find(|p| p.code.as_str() == port)
        .map(|p| p.time_zone)
        .unwrap_or(chrono_tz::America::New_York);
    let date = if q.date.is_empty() {
        chrono::DateTime::from_timestamp_millis(state.app.now_ms())
            .map(|t| t.with_timezone(&zone).format("%Y-%m-%d").to_string())
            .unwrap_or_default()
    } else {
        q.date.clone()
    };
    let groups = match state.app.port_day(client, actor, &port, &date).await {
        Ok(groups) => groups.into_iter().map(|g| group_row(&frame, zone, g)).collect(),
        Err(AppError::MfaRequired) => return redirect_notice("/account/two-step", "staff-mfa-needed"),
        Err(e @ (AppError::Forbidden | AppError::Unauthenticated)) => {
            return ApiError::from(e).into_response();
        }
        Err(e) => {
            errors.extend(form_errors(&e, frame.lang, "general").unwrap_or_default());
            Vec::new()
        }
    };
    let mut found = None;
    if !q.number.trim().is_empty() && errors.is_empty() {
        match state.app.group_for_check_in(client, actor, &q.number, &q.birth).await {
            Ok(g) => {
                let zone = ports
                    .iter()
                    .find(|p| p.code.as_str() == g.appointment.port_code)
                    .map(|p| p.time_zone)
                    .unwrap_or(zone);
                found = Some(group_row(&frame, zone, g));
            }
            Err(AppError::NotFound) => errors.push(("number".into(), frame.t("appt-checkin-not-found"))),
            Err(e) => errors.extend(form_errors(&e, frame.lang, "general").unwrap_or_default()),
        }
    }
    let slot = |field: &str| errors.iter().find(|(f, _)| f == field).map(|(_, m)| m.clone());
    let status = if errors.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    let page = PortDayPage {
        ports: ports
            .iter()
            .map(|p| {
                (
                    p.code.as_str().to_string(),
                    format!("{} ({})", p.name, p.code.as_str()),
                    p.code.as_str() == port,
                )
            })
            .collect(),
        date,
        groups,
        found,
        number: q.number.clone(),
        birth: q.birth.clone(),
        number_error: slot("number").or_else(|| slot("confirmation_number")),
        birth_error: slot("date_of_birth"),
        general_error: slot("general").or_else(|| slot("arrived_traveler_ids")),
        errors,
        frame,
    };
    let mut response = html(&page);
    *response.status_mut() = status;
    response
}

pub async fn page(
    ctx: Ctx,
    State(state): State<AppState>,
    Client(client): Client,
    PageActor(actor): PageActor,
    Query(q): Query<DayQuery>,
) -> Response {
    render(
        &state,
        &ctx,
        &client,
        &actor,
        DayQuery { number: String::new(), birth: String::new(), ..q },
        Vec::new(),
    )
    .await
}

/// The check-in form's first step: find the group.
pub async fn find(
    ctx: Ctx,
    State(state): State<AppState>,
    Client(client): Client,
    PageActor(actor): PageActor,
    Query(q): Query<DayQuery>,
) -> Response {
    render(&state, &ctx, &client, &actor, q, Vec::new()).await
}

/// The second step: who of the group is here (`arrived` checkboxes).
pub async fn check_in(
    ctx: Ctx,
    State(state): State<AppState>,
    Client(client): Client,
    PageActor(actor): PageActor,
    CsrfForm(fields): CsrfForm<Vec<(String, String)>>,
) -> Response {
    let field =
        |name: &str| fields.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone()).unwrap_or_default();
    let arrived: Vec<String> =
        fields.iter().filter(|(k, _)| k == "arrived").map(|(_, v)| v.clone()).take(10).collect();
    let (number, birth) = (field("number"), field("birth"));
    match state.app.check_in(&client, &actor, &number, &arrived, Some(&birth)).await {
        Ok(done) => {
            let notice = if done.status == puerta_domain::appointments::AppointmentStatus::NoShow {
                "appt-notice-no-show"
            } else {
                "appt-notice-checked-in"
            };
            // Encoded whole: a check symbol may be `*`, `~`, `$` or `=`.
            let query =
                serde_urlencoded::to_string([("number", &number), ("birth", &birth)]).unwrap_or_default();
            redirect_notice(&format!("/staff/check-in?{query}"), notice)
        }
        Err(AppError::MfaRequired) => redirect_notice("/account/two-step", "staff-mfa-needed"),
        Err(error) => {
            let lang = ctx.frame(&state, Some(&actor)).lang;
            match form_errors(&error, lang, "general") {
                Some(messages) => {
                    let q = DayQuery { number, birth, ..DayQuery::default() };
                    render(&state, &ctx, &client, &actor, q, messages).await
                }
                None => ApiError::from(error).into_response(),
            }
        }
    }
}
