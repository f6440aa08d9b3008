//! Administrators' pages: users (roles, disable, second-factor reset) and the audit log.

use askama::Template;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use puerta_app::AppError;
use puerta_app::accounts::UserSummary;
use puerta_domain::accounts::Role;
use puerta_store::accounts::{AuditEntry, AuditFilter};
use serde::Deserialize;

use super::form::{CsrfForm, html};
use super::frame::Frame;
use super::{Ctx, redirect_notice};
use crate::AppState;
use crate::api::problem::ApiError;
use crate::auth::{Client, PageActor};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/admin/users", get(users))
        .route("/admin/users/{id}/role", post(set_role))
        .route("/admin/users/{id}/status", post(set_status))
        .route("/admin/users/{id}/mfa-reset", post(reset_mfa))
        .route("/admin/audit", get(audit))
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
}

async fn users(ctx: Ctx, State(state): State<AppState>, PageActor(actor): PageActor) -> Response {
    match state.app.list_users(&actor, 500, 0).await {
        Ok(users) => {
            let frame = ctx.frame(&state, Some(&actor));
            let roles =
                Role::ALL.iter().map(|r| (r.as_str(), frame.t(&format!("role-{}", r.as_str())))).collect();
            html(&UsersPage { frame, users, roles })
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
struct AuditQuery {
    action: String,
    target: String,
}

#[derive(Template)]
#[template(path = "admin_audit.html")]
struct AuditPage {
    frame: Frame,
    entries: Vec<AuditEntry>,
    action: String,
    target: String,
}

async fn audit(
    ctx: Ctx,
    State(state): State<AppState>,
    PageActor(actor): PageActor,
    Query(q): Query<AuditQuery>,
) -> Response {
    let filter = AuditFilter {
        action: Some(q.action.trim().to_string()).filter(|s| !s.is_empty()),
        target_id: Some(q.target.trim().to_string()).filter(|s| !s.is_empty()),
        limit: 200,
        ..AuditFilter::default()
    };
    match state.app.audit_log(&actor, filter).await {
        Ok(entries) => html(&AuditPage {
            frame: ctx.frame(&state, Some(&actor)),
            entries,
            action: q.action,
            target: q.target,
        }),
        Err(e) => refused(e),
    }
}
