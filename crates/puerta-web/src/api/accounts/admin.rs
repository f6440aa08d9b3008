use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use puerta_app::accounts::UserSummary;
use puerta_store::accounts::{AuditEntry, AuditFilter};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AppState;
use crate::api::json::ApiJson;
use crate::api::problem::{ApiError, Problem};
use crate::auth::{ApiActor, Client};

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_users))
        .routes(routes!(update_user))
        .routes(routes!(reset_mfa))
        .routes(routes!(audit))
}

#[derive(Serialize, ToSchema)]
pub struct UserBody {
    id: String,
    email: String,
    full_name: String,
    role: String,
    email_verified: bool,
    mfa_enabled: bool,
    disabled: bool,
    created_at_ms: i64,
}

impl From<UserSummary> for UserBody {
    fn from(u: UserSummary) -> Self {
        Self {
            id: u.id,
            email: u.email,
            full_name: u.full_name,
            role: u.role.as_str().into(),
            email_verified: u.email_verified,
            mfa_enabled: u.mfa_enabled,
            disabled: u.disabled,
            created_at_ms: u.created_at,
        }
    }
}

#[derive(Deserialize, IntoParams)]
pub struct Page {
    /// At most 500; default 100.
    limit: Option<i64>,
    offset: Option<i64>,
}

/// List users (administrators, with a second factor).
#[utoipa::path(get, path = "/api/v1/admin/users", tag = "admin", security(("bearer" = [])), params(Page),
    responses((status = 200, body = [UserBody]), (status = 403, description = "`forbidden` or `mfa_required`", body = Problem, content_type = "application/problem+json")))]
async fn list_users(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Query(page): Query<Page>,
) -> Result<Json<Vec<UserBody>>, ApiError> {
    let users = state.app.list_users(&actor, page.limit.unwrap_or(100), page.offset.unwrap_or(0)).await?;
    Ok(Json(users.into_iter().map(UserBody::from).collect()))
}

#[derive(Deserialize, ToSchema)]
pub struct UpdateUserBody {
    role: Option<String>,
    /// `true` ends every session and token of the account at once.
    disabled: Option<bool>,
}

/// Change a user's role and/or disable or enable the account. Audited.
#[utoipa::path(patch, path = "/api/v1/admin/users/{id}", tag = "admin", security(("bearer" = [])), request_body = UpdateUserBody,
    params(("id" = String, Path, description = "User id")),
    responses((status = 204), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 409, description = "`last_admin`", body = Problem, content_type = "application/problem+json")))]
async fn update_user(
    State(state): State<AppState>,
    Client(client): Client,
    ApiActor(actor): ApiActor,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<UpdateUserBody>,
) -> Result<StatusCode, ApiError> {
    if let Some(role) = &body.role {
        state.app.set_role(&client, &actor, &id, role).await?;
    }
    if let Some(disabled) = body.disabled {
        state.app.set_disabled(&client, &actor, &id, disabled).await?;
    }
    Ok(StatusCode::NO_CONTENT)
}

/// Remove a user's second factor (they lost phone and recovery codes). Audited.
#[utoipa::path(post, path = "/api/v1/admin/users/{id}/mfa-reset", tag = "admin", security(("bearer" = [])),
    params(("id" = String, Path, description = "User id")),
    responses((status = 204), (status = 404, body = Problem, content_type = "application/problem+json")))]
async fn reset_mfa(
    State(state): State<AppState>,
    Client(client): Client,
    ApiActor(actor): ApiActor,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    state.app.admin_reset_mfa(&client, &actor, &id).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize, IntoParams)]
pub struct AuditQuery {
    /// e.g. `sign_in_failed`, `role_changed`.
    action: Option<String>,
    actor_id: Option<String>,
    target_id: Option<String>,
    /// Epoch milliseconds, inclusive.
    since_ms: Option<i64>,
    /// Epoch milliseconds, exclusive.
    until_ms: Option<i64>,
    /// At most 500; default 100.
    limit: Option<i64>,
}

#[derive(Serialize, ToSchema)]
pub struct AuditBody {
    id: i64,
    at_ms: i64,
    actor_id: Option<String>,
    action: String,
    target_id: Option<String>,
    ip: Option<String>,
    user_agent: Option<String>,
    detail: Option<String>,
}

impl From<AuditEntry> for AuditBody {
    fn from(e: AuditEntry) -> Self {
        Self {
            id: e.id,
            at_ms: e.at,
            actor_id: e.actor_id,
            action: e.action,
            target_id: e.target_id,
            ip: e.ip,
            user_agent: e.user_agent,
            detail: e.detail,
        }
    }
}

/// The audit log, newest first, with filters (administrators).
#[utoipa::path(get, path = "/api/v1/admin/audit", tag = "admin", security(("bearer" = [])), params(AuditQuery),
    responses((status = 200, body = [AuditBody]), (status = 403, body = Problem, content_type = "application/problem+json")))]
async fn audit(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Query(q): Query<AuditQuery>,
) -> Result<Json<Vec<AuditBody>>, ApiError> {
    let filter = AuditFilter {
        action: q.action,
        actor_id: q.actor_id,
        target_id: q.target_id,
        since: q.since_ms,
        until: q.until_ms,
        limit: q.limit.unwrap_or(100),
    };
    let entries = state.app.audit_log(&actor, filter).await?;
    Ok(Json(entries.into_iter().map(AuditBody::from).collect()))
}
