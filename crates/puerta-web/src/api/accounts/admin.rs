use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use puerta_app::accounts::{AccountChange, AuditQuery, AuditRow, UserSummary};
use puerta_app::delivery::DeliveryRecord;
use puerta_domain::delivery::DeliveryStatus;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AppState;
use crate::api::json::ApiJson;
use crate::api::openapi::{
    ChannelName, DeliveryStatusName, JsonBody, QueryString, RoleName, SignedIn, SignedInWrite,
};
use crate::api::problem::{ApiError, Problem};
use crate::api::time::rfc3339;
use crate::auth::{ApiActor, Client};

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_users))
        .routes(routes!(update_user))
        .routes(routes!(reset_mfa))
        .routes(routes!(audit))
        .routes(routes!(deliveries))
}

#[derive(Serialize, ToSchema)]
pub struct UserBody {
    #[schema(pattern = "^[A-Za-z0-9_-]{1,64}$")]
    id: String,
    #[schema(format = Email, max_length = 254)]
    email: String,
    #[schema(max_length = 200)]
    full_name: String,
    #[schema(value_type = RoleName)]
    role: String,
    email_verified: bool,
    mfa_enabled: bool,
    disabled: bool,
    /// RFC 3339, UTC.
    #[schema(format = DateTime)]
    created_at: String,
}

impl From<UserSummary> for UserBody {
    fn from(u: UserSummary) -> Self {
        Self {
            id: u.id.to_string(),
            email: u.email,
            full_name: u.full_name,
            role: u.role.as_str().into(),
            email_verified: u.email_verified,
            mfa_enabled: u.mfa_enabled,
            disabled: u.disabled,
            created_at: rfc3339(u.created_at),
        }
    }
}

/// One page of a list: the items and the cursor of the next page (`null` on the last page).
#[derive(Serialize, ToSchema)]
pub struct UserList {
    items: Vec<UserBody>,
    next_cursor: Option<String>,
}

#[derive(Deserialize, IntoParams)]
pub struct Page {
    /// The `next_cursor` of the previous page; leave out for the first page.
    #[param(max_length = 200)]
    cursor: Option<String>,
    /// Users per page, 1–500; default 100.
    #[param(minimum = 1, maximum = 500)]
    limit: Option<i64>,
}

/// List users, oldest first (administrators, with a second factor).
#[utoipa::path(get, path = "/api/v1/admin/users", tag = "admin", security(("bearer" = [])), params(Page),
    responses(QueryString, SignedIn, (status = 200, body = UserList), (status = 403, description = "`forbidden` or `mfa_required`", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`validation_failed`: a bad cursor", body = Problem, content_type = "application/problem+json")))]
async fn list_users(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Query(page): Query<Page>,
) -> Result<Json<UserList>, ApiError> {
    let page = state.app.list_users(&actor, page.cursor.as_deref(), page.limit.unwrap_or(100)).await?;
    Ok(Json(UserList {
        items: page.users.into_iter().map(UserBody::from).collect(),
        next_cursor: page.next_cursor,
    }))
}

#[derive(Deserialize, ToSchema)]
pub struct UpdateUserBody {
    #[schema(value_type = Option<RoleName>)]
    role: Option<String>,
    /// `true` ends every session and token of the account at once.
    disabled: Option<bool>,
}

/// Change a user's role and/or disable or enable the account, in one change. Audited.
#[utoipa::path(patch, path = "/api/v1/admin/users/{id}", tag = "admin", security(("bearer" = [])), request_body = UpdateUserBody,
    params(("id" = String, Path, description = "User id", pattern = "^[A-Za-z0-9_-]{1,64}$")),
    responses(JsonBody, SignedInWrite, (status = 204, description = "Changed"),
        (status = 403, description = "`forbidden`, `mfa_required` or `csrf_failed`", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "`not_found`: no such user", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "`last_admin`: the change would leave no active administrator", body = Problem, content_type = "application/problem+json")))]
async fn update_user(
    State(state): State<AppState>,
    Client(client): Client,
    ApiActor(actor): ApiActor,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<UpdateUserBody>,
) -> Result<StatusCode, ApiError> {
    let change = AccountChange { role: body.role, disabled: body.disabled };
    state.app.change_account(&client, &actor, &id, change).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Remove a user's second factor (they lost phone and recovery codes). Audited.
#[utoipa::path(post, path = "/api/v1/admin/users/{id}/mfa-reset", tag = "admin", security(("bearer" = [])),
    params(("id" = String, Path, description = "User id", pattern = "^[A-Za-z0-9_-]{1,64}$")),
    responses(SignedInWrite, (status = 204, description = "The second factor is removed"),
        (status = 403, description = "`forbidden` (also for one's own second factor), `mfa_required` or `csrf_failed`", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "`not_found`: no such user", body = Problem, content_type = "application/problem+json")))]
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
pub struct AuditParams {
    /// e.g. `sign_in_failed`, `role_changed`.
    #[param(max_length = 64)]
    action: Option<String>,
    #[param(pattern = "^[A-Za-z0-9_-]{1,64}$")]
    actor_id: Option<String>,
    #[param(pattern = "^[A-Za-z0-9_-]{1,64}$")]
    target_id: Option<String>,
    /// Epoch milliseconds, inclusive.
    #[param(minimum = 0)]
    since_ms: Option<i64>,
    /// Epoch milliseconds, exclusive.
    #[param(minimum = 0)]
    until_ms: Option<i64>,
    /// The `next_cursor` of the previous page.
    #[param(max_length = 200)]
    cursor: Option<String>,
    /// Entries per page, 1–500; default 100.
    #[param(minimum = 1, maximum = 500)]
    limit: Option<i64>,
}

#[derive(Serialize, ToSchema)]
pub struct AuditBody {
    id: i64,
    /// RFC 3339, UTC.
    #[schema(format = DateTime)]
    at: String,
    actor_id: Option<String>,
    action: String,
    target_id: Option<String>,
    ip: Option<String>,
    user_agent: Option<String>,
    detail: Option<String>,
}

impl From<AuditRow> for AuditBody {
    fn from(e: AuditRow) -> Self {
        Self {
            id: e.id,
            at: rfc3339(e.at),
            actor_id: e.actor_id.map(|id| id.to_string()),
            action: e.action.as_str().to_string(),
            target_id: e.target_id.map(|id| id.to_string()),
            ip: e.ip,
            user_agent: e.user_agent,
            detail: e.detail,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct AuditList {
    items: Vec<AuditBody>,
    next_cursor: Option<String>,
}

/// The audit log, newest first, with filters (administrators).
#[utoipa::path(get, path = "/api/v1/admin/audit", tag = "admin", security(("bearer" = [])), params(AuditParams),
    responses(QueryString, SignedIn, (status = 200, body = AuditList), (status = 403, description = "`forbidden` or `mfa_required`", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`validation_failed`: unknown action, bad id or cursor", body = Problem, content_type = "application/problem+json")))]
async fn audit(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Query(q): Query<AuditParams>,
) -> Result<Json<AuditList>, ApiError> {
    let query = AuditQuery {
        action: q.action,
        actor_id: q.actor_id,
        target_id: q.target_id,
        since_ms: q.since_ms,
        until_ms: q.until_ms,
        cursor: q.cursor,
        limit: q.limit,
    };
    let page = state.app.audit_log(&actor, query).await?;
    Ok(Json(AuditList {
        items: page.rows.into_iter().map(AuditBody::from).collect(),
        next_cursor: page.next_cursor,
    }))
}

#[derive(Deserialize, IntoParams)]
pub struct DeliveryParams {
    /// `created`, `sending`, `delivered`, `temporary_failure`, `permanent_failure` or
    /// `technical_failure`.
    #[param(value_type = Option<DeliveryStatusName>)]
    status: Option<String>,
    /// Only messages to this account.
    #[param(pattern = "^[A-Za-z0-9_-]{1,64}$")]
    recipient_id: Option<String>,
    /// The `next_cursor` of the previous page.
    #[param(max_length = 200)]
    cursor: Option<String>,
    /// Messages per page, 1–200; default 50.
    #[param(minimum = 1, maximum = 200)]
    limit: Option<i64>,
}

#[derive(Serialize, ToSchema)]
pub struct DeliveryBody {
    id: String,
    /// `email` or `sms`.
    #[schema(value_type = ChannelName)]
    channel: String,
    /// e.g. `verify_email`, `sign_in_notice`.
    kind: String,
    recipient_id: Option<String>,
    #[schema(value_type = DeliveryStatusName)]
    status: String,
    #[schema(minimum = 0)]
    attempts: i64,
    /// RFC 3339, UTC; set while a retry is planned.
    #[schema(format = DateTime)]
    next_attempt_at: Option<String>,
    /// A short failure kind, e.g. `smtp_unavailable`.
    last_error: Option<String>,
    #[schema(format = DateTime)]
    created_at: String,
    #[schema(format = DateTime)]
    updated_at: String,
}

impl From<DeliveryRecord> for DeliveryBody {
    fn from(r: DeliveryRecord) -> Self {
        Self {
            id: r.id.to_string(),
            channel: r.channel.as_str().into(),
            kind: r.kind,
            recipient_id: r.recipient_id.map(|id| id.to_string()),
            status: r.status.as_str().into(),
            attempts: r.attempts,
            next_attempt_at: r.next_attempt_at.map(rfc3339),
            last_error: r.last_error,
            created_at: rfc3339(r.created_at),
            updated_at: rfc3339(r.updated_at),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct DeliveryList {
    items: Vec<DeliveryBody>,
    next_cursor: Option<String>,
}

/// Delivery status of outgoing emails and SMS, newest first (administrators). Never shows an
/// address, a message or a code.
#[utoipa::path(get, path = "/api/v1/admin/deliveries", tag = "admin", security(("bearer" = [])), params(DeliveryParams),
    responses(QueryString, SignedIn, (status = 200, body = DeliveryList), (status = 403, description = "`forbidden` or `mfa_required`", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`validation_failed`: unknown status, bad id or cursor", body = Problem, content_type = "application/problem+json")))]
async fn deliveries(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Query(q): Query<DeliveryParams>,
) -> Result<Json<DeliveryList>, ApiError> {
    let status = match q.status.as_deref().filter(|s| !s.is_empty()) {
        Some(s) => Some(
            DeliveryStatus::parse(s)
                .ok_or_else(|| ApiError::field("status", "error-delivery-status-unknown"))?,
        ),
        None => None,
    };
    let recipient = match q.recipient_id.as_deref().filter(|s| !s.is_empty()) {
        Some(id) => Some(
            puerta_domain::ids::UserId::parse(id)
                .map_err(|_| ApiError::field("recipient_id", "error-id-invalid"))?,
        ),
        None => None,
    };
    let page = state
        .app
        .list_deliveries(&actor, status, recipient.as_ref(), q.cursor.as_deref(), q.limit.unwrap_or(50))
        .await?;
    Ok(Json(DeliveryList {
        items: page.rows.into_iter().map(DeliveryBody::from).collect(),
        next_cursor: page.next_cursor,
    }))
}
