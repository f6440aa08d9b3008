//! Secure messaging: travelers' threads with the officers, and the officers' inbox.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use puerta_app::messaging::{InboxFilter, ThreadSummary, ThreadView};
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
        .routes(routes!(start_thread, list_threads))
        .routes(routes!(get_thread))
        .routes(routes!(post_message))
        .routes(routes!(staff_threads))
        .routes(routes!(assign_thread))
}

#[derive(Deserialize, ToSchema)]
pub struct NewThreadBody {
    /// One line, 1 to 200 characters.
    #[schema(max_length = 200)]
    subject: String,
    /// Plain text, 1 to 5,000 characters; shown exactly as written, links never clickable.
    #[schema(max_length = 5000)]
    body: String,
    /// One of your cases' reference numbers, when the question is about it.
    #[schema(max_length = 20)]
    case_reference: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct CreatedOut {
    id: String,
}

#[derive(Serialize, ToSchema)]
pub struct ThreadSummaryOut {
    id: String,
    subject: String,
    case_reference: Option<String>,
    #[schema(format = DateTime)]
    last_message_at: String,
    /// Unread by you: for a traveler, an officer's answer; for officers, the traveler's message.
    unread: bool,
    /// Whether the officers wrote last.
    answered: bool,
    /// Officers only: who holds it.
    #[serde(skip_serializing_if = "Option::is_none")]
    assigned_to: Option<String>,
}

impl From<ThreadSummary> for ThreadSummaryOut {
    fn from(t: ThreadSummary) -> Self {
        Self {
            id: t.id,
            subject: t.subject,
            case_reference: t.case_reference,
            last_message_at: rfc3339(t.last_message_at),
            unread: t.unread,
            answered: t.answered,
            assigned_to: t.assigned_to,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct AttachmentOut {
    document_id: String,
    name: Option<String>,
    content_type: String,
    size: i64,
}

#[derive(Serialize, ToSchema)]
pub struct MessageOut {
    id: String,
    /// `traveler` or `officer`.
    author_role: String,
    body: String,
    #[schema(format = DateTime)]
    sent_at: String,
    attachments: Vec<AttachmentOut>,
}

#[derive(Serialize, ToSchema)]
pub struct ThreadOut {
    id: String,
    subject: String,
    case_reference: Option<String>,
    messages: Vec<MessageOut>,
}

impl From<ThreadView> for ThreadOut {
    fn from(t: ThreadView) -> Self {
        Self {
            id: t.id,
            subject: t.subject,
            case_reference: t.case_reference,
            messages: t
                .messages
                .into_iter()
                .map(|m| MessageOut {
                    id: m.id,
                    author_role: m.author_role.to_string(),
                    body: m.body,
                    sent_at: rfc3339(m.sent_at),
                    attachments: m
                        .attachments
                        .into_iter()
                        .map(|a| AttachmentOut {
                            document_id: a.document_id,
                            name: a.name,
                            content_type: a.content_type,
                            size: a.size,
                        })
                        .collect(),
                })
                .collect(),
        }
    }
}

/// Write to the officers (travelers). Answers the new thread's id.
#[utoipa::path(post, path = "/api/v1/threads", tag = "messages", security(("bearer" = [])), request_body = NewThreadBody,
    responses(JsonBody, SignedInWrite, Throttled, (status = 201, body = CreatedOut),
        (status = 403, description = "`forbidden`: only travelers start threads", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`validation_failed`: subject or body empty or too long; `case_reference` not one of yours", body = Problem, content_type = "application/problem+json")))]
async fn start_thread(
    State(state): State<AppState>,
    Client(client): Client,
    ApiActor(actor): ApiActor,
    ApiJson(body): ApiJson<NewThreadBody>,
) -> Result<(StatusCode, Json<CreatedOut>), ApiError> {
    let id = state
        .app
        .start_thread(&client, &actor, &body.subject, &body.body, body.case_reference.as_deref())
        .await?;
    Ok((StatusCode::CREATED, Json(CreatedOut { id: id.to_string() })))
}

/// Your threads, latest activity first (travelers).
#[utoipa::path(get, path = "/api/v1/threads", tag = "messages", security(("bearer" = [])),
    responses(SignedIn, (status = 200, body = Vec<ThreadSummaryOut>),
        (status = 403, description = "`forbidden`: only travelers have threads", body = Problem, content_type = "application/problem+json")))]
async fn list_threads(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
) -> Result<Json<Vec<ThreadSummaryOut>>, ApiError> {
    Ok(Json(state.app.my_threads(&actor).await?.into_iter().map(Into::into).collect()))
}

/// A thread and its messages: yours, or any (officers; each read is audited). Reading marks it
/// read on your side.
#[utoipa::path(get, path = "/api/v1/threads/{id}", tag = "messages", security(("bearer" = [])),
    params(("id" = String, Path, max_length = 64)),
    responses(SignedIn, (status = 200, body = ThreadOut),
        (status = 403, description = "`forbidden` or `mfa_required`", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "`not_found`: no such thread of yours", body = Problem, content_type = "application/problem+json")))]
async fn get_thread(
    State(state): State<AppState>,
    Client(client): Client,
    ApiActor(actor): ApiActor,
    Path(id): Path<String>,
) -> Result<Json<ThreadOut>, ApiError> {
    Ok(Json(state.app.thread(&client, &actor, &id).await?.into()))
}

#[derive(Deserialize, ToSchema)]
pub struct NewMessageBody {
    #[schema(max_length = 5000)]
    body: String,
    /// Documents of the thread's case to attach (upload them with
    /// `POST /api/v1/cases/{reference_number}/documents` first); at most 5.
    #[schema(max_items = 5)]
    document_ids: Option<Vec<String>>,
}

/// Write in a thread: its traveler, or an officer answering (the first answer takes an
/// unassigned thread). The other side is notified.
#[utoipa::path(post, path = "/api/v1/threads/{id}/messages", tag = "messages", security(("bearer" = [])),
    params(("id" = String, Path, max_length = 64)), request_body = NewMessageBody,
    responses(JsonBody, SignedInWrite, Throttled, (status = 201, body = CreatedOut),
        (status = 403, description = "`forbidden` or `mfa_required`", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "`not_found`: no such thread of yours", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`validation_failed`: body empty or too long; a document not of the thread's case, or the thread has no case", body = Problem, content_type = "application/problem+json")))]
async fn post_message(
    State(state): State<AppState>,
    Client(client): Client,
    ApiActor(actor): ApiActor,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<NewMessageBody>,
) -> Result<(StatusCode, Json<CreatedOut>), ApiError> {
    let documents = body.document_ids.unwrap_or_default();
    let id = state.app.post_message(&client, &actor, &id, &body.body, &documents).await?;
    Ok((StatusCode::CREATED, Json(CreatedOut { id })))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct StaffThreadsQuery {
    /// `unassigned` (default), `mine` or `all`.
    #[param(max_length = 20)]
    filter: Option<String>,
}

/// The officers' inbox, latest activity first.
#[utoipa::path(get, path = "/api/v1/staff/threads", tag = "staff", security(("bearer" = [])), params(StaffThreadsQuery),
    responses(SignedIn, QueryString, (status = 200, body = Vec<ThreadSummaryOut>),
        (status = 403, description = "`forbidden` or `mfa_required`: officers and supervisors", body = Problem, content_type = "application/problem+json")))]
async fn staff_threads(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Query(query): Query<StaffThreadsQuery>,
) -> Result<Json<Vec<ThreadSummaryOut>>, ApiError> {
    let filter = match query.filter.as_deref().filter(|f| !f.is_empty()) {
        Some(f) => {
            InboxFilter::parse(f).ok_or_else(|| ApiError::field("filter", "error-message-filter-unknown"))?
        }
        None => InboxFilter::Unassigned,
    };
    Ok(Json(state.app.staff_threads(&actor, filter).await?.into_iter().map(Into::into).collect()))
}

#[derive(Deserialize, ToSchema)]
pub struct AssignBody {
    /// The officer to hold the thread (yourself, or anyone for a supervisor); `null` lets it go.
    #[schema(max_length = 64)]
    officer_id: Option<String>,
}

/// Take, give or let go of a thread (officers take; supervisors give). Audited.
#[utoipa::path(post, path = "/api/v1/staff/threads/{id}/assignment", tag = "staff", security(("bearer" = [])),
    params(("id" = String, Path, max_length = 64)), request_body = AssignBody,
    responses(JsonBody, SignedInWrite, (status = 204, description = "Done"),
        (status = 403, description = "`forbidden` or `mfa_required`: officers take, supervisors give", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "`not_found`: no such thread", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`validation_failed`: `officer_id` is not an active officer", body = Problem, content_type = "application/problem+json")))]
async fn assign_thread(
    State(state): State<AppState>,
    Client(client): Client,
    ApiActor(actor): ApiActor,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<AssignBody>,
) -> Result<StatusCode, ApiError> {
    state.app.assign_thread(&client, &actor, &id, body.officer_id.as_deref()).await?;
    Ok(StatusCode::NO_CONTENT)
}
