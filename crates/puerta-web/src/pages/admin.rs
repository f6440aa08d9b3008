//! Administrators' pages: users (roles, disable, second-factor reset) and the audit log.

use askama::Template;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use puerta_app::AppError;
use puerta_app::accounts::{AuditRow, UserSummary};
use puerta_app::delivery::DeliveryRecord;
use puerta_domain::accounts::Role;
use puerta_domain::delivery::DeliveryStatus;
use serde::Deserialize;

use super::form::{CsrfForm, html};
use super::frame::Frame;
use super::{Ctx, redirect_notice};
use crate::AppState;
use crate::api::problem::ApiError;
use crate::auth::{Client, PageActor};
use crate::pages::accounts::urlencode;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/admin/users", get(users))
        .route("/admin/users/{id}/role", post(set_role))
        .route("/admin/users/{id}/status", post(set_status))
        .route("/admin/users/{id}/mfa-reset", post(reset_mfa))
        .route("/admin/audit", get(audit))
        .route("/admin/deliveries", get(deliveries))
}

/// Staff without a second factor are sent to set one up; others get the error page.
fn refused(error: AppError) -> Response {
    match error {
        AppError::MfaRequired => redirect_notice("/account/two-step", "staff-mfa-needed"),
        e => ApiError::from(e).into_response(),
    }
}

#[derive(Template)]
#[template(path = "admin_users.html")]
struct UsersPage {
    frame: Frame,
    users: Vec<UserSummary>,
    roles: Vec<(&'static str, String)>,
    /// The next page's address, when there is one.
    next: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct PageQuery {
    cursor: String,
}

async fn users(
    ctx: Ctx,
    State(state): State<AppState>,
    PageActor(actor): PageActor,
    Query(q): Query<PageQuery>,
) -> Response {
    match state.app.list_users(&actor, Some(q.cursor.as_str()), 100).await {
        Ok(page) => {
            let frame = ctx.frame(&state, Some(&actor));
            let roles =
                Role::ALL.iter().map(|r| (r.as_str(), frame.t(&format!("role-{}", r.as_str())))).collect();
            let next = page.next_cursor.map(|c| format!("/admin/users?cursor={}", urlencode(&c)));
            html(&UsersPage { frame, users: page.users, roles, next })
        }
        Err(e) => refused(e),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct RoleForm {
    role: String,
}

async fn set_role(
    State(state): State<AppState>,
    Client(client): Client,
    PageActor(actor): PageActor,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<RoleForm>,
) -> Response {
    match state.app.set_role(&client, &actor, &id, &form.role).await {
        Ok(()) => redirect_notice("/admin/users", "admin-users-updated"),
        Err(e) => refused(e),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct StatusForm {
    disabled: String,
}

async fn set_status(
    State(state): State<AppState>,
    Client(client): Client,
    PageActor(actor): PageActor,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<StatusForm>,
) -> Response {
    match state.app.set_disabled(&client, &actor, &id, form.disabled == "true").await {
        Ok(()) => redirect_notice("/admin/users", "admin-users-updated"),
        Err(e) => refused(e),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Empty {}

async fn reset_mfa(
    State(state): State<AppState>,
    Client(client): Client,
    PageActor(actor): PageActor,
    Path(id): Path<String>,
    CsrfForm(_): CsrfForm<Empty>,
) -> Response {
    match state.app.admin_reset_mfa(&client, &actor, &id).await {
        Ok(()) => redirect_notice("/admin/users", "admin-users-updated"),
        Err(e) => refused(e),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct AuditParams {
    action: String,
    target: String,
    cursor: String,
}

#[derive(Template)]
#[template(path = "admin_audit.html")]
struct AuditPage {
    frame: Frame,
    entries: Vec<AuditRow>,
    action: String,
    target: String,
    /// Messages beside the filter fields, when a filter is not valid.
    action_error: Option<String>,
    target_error: Option<String>,
    next: Option<String>,
}

async fn audit(
    ctx: Ctx,
    State(state): State<AppState>,
    PageActor(actor): PageActor,
    Query(q): Query<AuditParams>,
) -> Response {
    let query = puerta_app::accounts::AuditQuery {
        action: Some(q.action.clone()),
        target_id: Some(q.target.clone()),
        cursor: Some(q.cursor.clone()),
        limit: Some(200),
        ..Default::default()
    };
    let frame = ctx.frame(&state, Some(&actor));
    let mut page = AuditPage {
        entries: Vec::new(),
        action: q.action.clone(),
        target: q.target.clone(),
        action_error: None,
        target_error: None,
        next: None,
        frame,
    };
    match state.app.audit_log(&actor, query).await {
        Ok(found) => {
            page.next = found.next_cursor.map(|c| {
                format!(
                    "/admin/audit?action={}&target={}&cursor={c}",
                    urlencode(&q.action),
                    urlencode(&q.target)
                )
            });
            page.entries = found.rows;
            html(&page)
        }
        Err(AppError::Validation(problems)) => {
            for problem in problems {
                let message = Some(page.frame.t(&problem.message_id));
                match problem.field.as_str() {
                    "action" => page.action_error = message,
                    _ => page.target_error = message,
                }
            }
            (axum::http::StatusCode::UNPROCESSABLE_ENTITY, html(&page)).into_response()
        }
        Err(e) => refused(e),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct DeliveryParams {
    status: String,
    cursor: String,
}

#[derive(Template)]
#[template(path = "admin_deliveries.html")]
struct DeliveriesPage {
    frame: Frame,
    rows: Vec<DeliveryRecord>,
    /// (value, label, selected) for the status filter.
    statuses: Vec<(&'static str, String, bool)>,
    next: Option<String>,
}

/// Delivery status of outgoing messages: never an address, a body or a code.
async fn deliveries(
    ctx: Ctx,
    State(state): State<AppState>,
    PageActor(actor): PageActor,
    Query(q): Query<DeliveryParams>,
) -> Response {
    let status = DeliveryStatus::parse(q.status.trim());
    match state.app.list_deliveries(&actor, status, None, Some(q.cursor.as_str()), 100).await {
        Ok(page) => {
            let frame = ctx.frame(&state, Some(&actor));
            let statuses = DeliveryStatus::ALL
                .iter()
                .map(|s| {
                    (s.as_str(), frame.t(&format!("delivery-status-{}", s.as_str())), Some(*s) == status)
                })
                .collect();
            let next = page.next_cursor.map(|c| {
                format!("/admin/deliveries?status={}&cursor={}", urlencode(q.status.trim()), urlencode(&c))
            });
            html(&DeliveriesPage { frame, rows: page.rows, statuses, next })
        }
        Err(e) => refused(e),
    }
}
