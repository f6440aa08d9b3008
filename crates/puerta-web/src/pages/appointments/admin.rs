//! `/admin/scheduling`: the rules in force (window and its zone, oldest share, lead time,
//! service area), a port's places for one draw, and a draw's public random value. Each change
//! is a use case that audits it and tells the travelers it affects.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use puerta_app::AppError;
use puerta_app::accounts::Actor;
use puerta_app::appointments::SchedulingUpdate;

use crate::AppState;
use crate::api::problem::ApiError;
use crate::auth::{Client, PageActor};
use crate::pages::form::{CsrfForm, form_errors, html};
use crate::pages::frame::Frame;
use crate::pages::{Ctx, redirect_notice};

#[derive(Template)]
#[template(path = "admin_scheduling.html")]
pub struct SchedulingPage {
    pub frame: Frame,
    pub fields: Vec<FieldRow>,
    /// (name, chosen)
    pub policies: Vec<(String, bool)>,
    pub ports: Vec<String>,
    pub errors: Vec<(String, String)>,
}

pub struct FieldRow {
    pub name: &'static str,
    pub label: String,
    pub hint: Option<String>,
    pub value: String,
    pub error: Option<String>,
}

impl SchedulingPage {
    pub fn error(&self, field: &str) -> Option<String> {
        self.errors.iter().find(|(f, _)| f == field).map(|(_, m)| m.clone())
    }
}

async fn render(state: &AppState, ctx: &Ctx, actor: &Actor, errors: Vec<(String, String)>) -> Response {
    let view = match state.app.scheduling_settings(actor).await {
        Ok(view) => view,
        Err(AppError::MfaRequired) => return redirect_notice("/account/two-step", "staff-mfa-needed"),
        Err(e) => return ApiError::from(e).into_response(),
    };
    let ports = state
        .app
        .list_ports()
        .await
        .unwrap_or_default()
        .into_iter()
        .map(|p| p.code.as_str().to_string())
        .collect();
    let r = view.rules;
    let status = if errors.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    let frame = ctx.frame(state, Some(actor));
    let error = |name: &str| errors.iter().find(|(f, _)| f == name).map(|(_, m)| m.clone());
    let row = |name: &'static str, label: &str, hint: Option<&str>, value: String| FieldRow {
        name,
        label: frame.t(label),
        hint: hint.map(|h| frame.t(h)),
        value,
        error: error(name),
    };
    let fields = vec![
        row(
            "window_opens",
            "appt-admin-opens",
            Some("appt-admin-time-hint"),
            r.window.opens.format("%H:%M").to_string(),
        ),
        row(
            "window_closes",
            "appt-admin-closes",
            Some("appt-admin-time-hint"),
            r.window.closes.format("%H:%M").to_string(),
        ),
        row("time_zone", "appt-admin-zone", None, r.window.zone.name().to_string()),
        row(
            "oldest_share",
            "appt-admin-share",
            Some("appt-admin-share-hint"),
            r.oldest_share_permille.to_string(),
        ),
        row("lead_days", "appt-admin-lead", None, r.lead_days.to_string()),
    ];
    let page = SchedulingPage {
        frame,
        fields,
        policies: view.policies.iter().map(|p| ((*p).to_string(), *p == r.policy.name())).collect(),
        ports,
        errors,
    };
    let mut response = html(&page);
    *response.status_mut() = status;
    response
}

pub async fn page(ctx: Ctx, State(state): State<AppState>, PageActor(actor): PageActor) -> Response {
    render(&state, &ctx, &actor, Vec::new()).await
}

fn field(fields: &[(String, String)], name: &str) -> String {
    fields.iter().find(|(k, _)| k == name).map(|(_, v)| v.trim().to_string()).unwrap_or_default()
}

fn some(text: String) -> Option<String> {
    (!text.is_empty()).then_some(text)
}

/// A refused change: the page again with the messages beside the fields, or the error page.
async fn refused(state: &AppState, ctx: &Ctx, actor: &Actor, error: AppError) -> Response {
    let lang = ctx.frame(state, Some(actor)).lang;
    match form_errors(&error, lang, "general") {
        Some(messages) => render(state, ctx, actor, messages).await,
        None => ApiError::from(error).into_response(),
    }
}

/// A whole number from a form field: an empty field is "unchanged", anything else that is not
/// a number is out of range (the use case names the field).
fn whole(text: String) -> Option<i64> {
    some(text).map(|t| t.parse::<i64>().unwrap_or(-1))
}

pub async fn save(
    ctx: Ctx,
    State(state): State<AppState>,
    Client(client): Client,
    PageActor(actor): PageActor,
    CsrfForm(fields): CsrfForm<Vec<(String, String)>>,
) -> Response {
    let update = SchedulingUpdate {
        window_opens: some(field(&fields, "window_opens")),
        window_closes: some(field(&fields, "window_closes")),
        time_zone: some(field(&fields, "time_zone")),
        oldest_share_permille: whole(field(&fields, "oldest_share")),
        lead_days: whole(field(&fields, "lead_days")),
        service_policy: some(field(&fields, "service_policy")),
    };
    match state.app.update_scheduling(&client, &actor, update).await {
        Ok(_) => redirect_notice("/admin/scheduling", "appt-notice-rules-saved"),
        Err(error) => refused(&state, &ctx, &actor, error).await,
    }
}

pub async fn capacity(
    ctx: Ctx,
    State(state): State<AppState>,
    Client(client): Client,
    PageActor(actor): PageActor,
    CsrfForm(fields): CsrfForm<Vec<(String, String)>>,
) -> Response {
    let places = field(&fields, "places").parse::<i64>().unwrap_or(-1);
    let result = state
        .app
        .set_draw_capacity(
            &client,
            Some(&actor),
            &field(&fields, "port_code"),
            &field(&fields, "draw_date"),
            places,
        )
        .await;
    match result {
        Ok(()) => redirect_notice("/admin/scheduling", "appt-notice-capacity-saved"),
        Err(error) => refused(&state, &ctx, &actor, error).await,
    }
}

pub async fn randomness(
    ctx: Ctx,
    State(state): State<AppState>,
    Client(client): Client,
    PageActor(actor): PageActor,
    CsrfForm(fields): CsrfForm<Vec<(String, String)>>,
) -> Response {
    let (date, source, value) =
        (field(&fields, "date"), field(&fields, "source"), field(&fields, "value_hex"));
    match state.app.set_draw_public_randomness(&client, Some(&actor), &date, &source, &value).await {
        Ok(()) => redirect_notice("/admin/scheduling", "appt-notice-randomness-saved"),
        Err(AppError::NotFound) => {
            let message = ctx.frame(&state, Some(&actor)).t("appt-admin-no-draw");
            render(&state, &ctx, &actor, vec![("date".into(), message)]).await
        }
        Err(error) => refused(&state, &ctx, &actor, error).await,
    }
}
