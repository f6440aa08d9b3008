//! Notifications: the inbox, marking read, the live stream, channel preferences, and
//! administrators' policy notices.

use std::collections::{HashSet, VecDeque};
use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::sse::{Event, KeepAlive, Sse};
use futures::Stream;
use puerta_app::App;
use puerta_app::notifications::{InboxItem, LiveEvent, NewNotice, NoticeText, PreferenceView, Reader};
use puerta_domain::notifications::{Audience, Category, Channels};
use serde::{Deserialize, Serialize};
use tokio::sync::broadcast;
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AppState;
use crate::api::json::ApiJson;
use crate::api::openapi::{JsonBody, QueryString, SignedIn, SignedInWrite};
use crate::api::problem::{ApiError, Problem};
use crate::api::time::{parse_rfc3339, rfc3339};
use crate::auth::{ApiActor, Client};

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_notifications))
        .routes(routes!(mark_read))
        .routes(routes!(dismiss))
        .routes(routes!(unread_counts))
        .routes(routes!(stream))
        .routes(routes!(get_preferences, put_preferences))
        .routes(routes!(publish_notice, list_notices))
}

#[derive(Serialize, ToSchema)]
pub struct DeliveryOut {
    /// `email` or `sms`.
    channel: String,
    /// `created`, `sending`, `delivered`, `temporary_failure`, `permanent_failure`, `technical_failure`.
    status: String,
    /// Sent because the other channel failed for good.
    fallback: bool,
}

#[derive(Serialize, ToSchema)]
pub struct NotificationOut {
    id: String,
    /// `case_updated`, `evidence_requested`, `case_approved`, `case_denied`, `appeal_decided`,
    /// `application_received`, `appointment_offered`, `offer_expiring`, `appointment_confirmed`,
    /// `appointment_reminder`, `appointment_released`, `appointment_cancelled`,
    /// `scheduling_changed`, `new_message`, `sign_in`, `policy_notice`.
    kind: String,
    /// In your language.
    title: String,
    body: String,
    #[schema(format = DateTime)]
    created_at: String,
    #[schema(format = DateTime)]
    read_at: Option<String>,
    /// How its emails and SMS went, e.g. an SMS not delivered and an email sent instead.
    deliveries: Vec<DeliveryOut>,
}

impl From<InboxItem> for NotificationOut {
    fn from(i: InboxItem) -> Self {
        Self {
            id: i.id,
            kind: i.kind.to_string(),
            title: i.title,
            body: i.body,
            created_at: rfc3339(i.created_at),
            read_at: i.read_at.map(rfc3339),
            deliveries: i
                .deliveries
                .into_iter()
                .map(|d| DeliveryOut { channel: d.channel, status: d.status, fallback: d.fallback })
                .collect(),
        }
    }
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListQuery {
    /// Only unread ones.
    unread: Option<bool>,
    /// At most this many (1 to 200, default 50).
    #[param(minimum = 1, maximum = 200)]
    limit: Option<i64>,
}

/// Your notifications and policy notices, newest first, in your language.
#[utoipa::path(get, path = "/api/v1/notifications", tag = "notifications", security(("bearer" = [])), params(ListQuery),
    responses(SignedIn, QueryString, (status = 200, body = Vec<NotificationOut>)))]
async fn list_notifications(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Query(query): Query<ListQuery>,
) -> Result<Json<Vec<NotificationOut>>, ApiError> {
    let limit = query.limit.unwrap_or(50);
    if !(1..=200).contains(&limit) {
        return Err(ApiError::field("limit", "error-limit-range"));
    }
    let page = state.app.inbox(&actor, query.unread.unwrap_or(false), limit).await?;
    Ok(Json(page.items.into_iter().map(Into::into).collect()))
}

/// Mark a notification or a policy notice read.
#[utoipa::path(post, path = "/api/v1/notifications/{id}/read", tag = "notifications", security(("bearer" = [])),
    params(("id" = String, Path, max_length = 64)),
    responses(SignedInWrite, (status = 200, description = "Read"),
        (status = 404, description = "`not_found`: no such notification of yours", body = Problem, content_type = "application/problem+json")))]
async fn mark_read(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    state.app.mark_read(&actor, &id).await?;
    Ok(StatusCode::OK)
}

/// Dismiss a policy notice from the dashboard and the entry requirements (it stays in the inbox).
#[utoipa::path(post, path = "/api/v1/notifications/{id}/dismiss", tag = "notifications", security(("bearer" = [])),
    params(("id" = String, Path, max_length = 64)),
    responses(SignedInWrite, (status = 200, description = "Dismissed"),
        (status = 404, description = "`not_found`: no such notice for you", body = Problem, content_type = "application/problem+json")))]
async fn dismiss(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    state.app.dismiss_notice(&actor, &id).await?;
    Ok(StatusCode::OK)
}

#[derive(Serialize, ToSchema)]
pub struct UnreadOut {
    notifications: i64,
    /// Travelers: threads with an officer's answer not yet opened. Officers: threads waiting.
    messages: i64,
}

/// What the badge counts.
#[utoipa::path(get, path = "/api/v1/notifications/unread-count", tag = "notifications", security(("bearer" = [])),
    responses(SignedIn, (status = 200, body = UnreadOut)))]
async fn unread_counts(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
) -> Result<Json<UnreadOut>, ApiError> {
    let counts = state.app.unread_counts(&actor).await?;
    Ok(Json(UnreadOut { notifications: counts.notifications, messages: counts.messages }))
}

/// How long one stream stays open: then the client reconnects (with `Last-Event-ID`), and the
/// session is checked again.
const STREAM_LIFETIME: Duration = Duration::from_secs(15 * 60);
/// Reconnecting, the stream sends again what was created this long before the last event seen:
/// a transaction that began earlier may commit later. Clients skip ids they have.
const REPLAY_GRACE_MS: i64 = 60_000;

/// Live notifications as Server-Sent Events (cookie or bearer). Events: `ready` (unread counts),
/// `notification` (a notification, as in the list; its SSE id is `<epoch ms>.<id>`), `thread`
/// (`{id}`: a new message in your thread), `resync` (events may have been missed: reload).
/// Reconnect with `Last-Event-ID` to receive what arrived meanwhile.
#[utoipa::path(get, path = "/api/v1/notifications/stream", tag = "notifications", security(("bearer" = [])),
    params(("Last-Event-ID" = Option<String>, Header, max_length = 100, description = "The last event's id: what came after it is sent first")),
    responses(SignedIn, (status = 200, content_type = "text/event-stream", body = String, description = "An event stream")))]
async fn stream(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
    headers: HeaderMap,
) -> Result<Sse<impl Stream<Item = Result<Event, Infallible>>>, ApiError> {
    let reader = state.app.reader_of(&actor).await?;
    // Subscribed before anything is read: whatever commits from here on is seen.
    let live = state.app.subscribe_live().await?;
    let counts = state.app.unread_counts(&actor).await?;
    let mut pending = VecDeque::new();
    pending.push_back(
        Event::default()
            .event("ready")
            .retry(Duration::from_secs(3))
            .json_data(UnreadOut { notifications: counts.notifications, messages: counts.messages })
            .unwrap_or_default(),
    );
    let mut seen = HashSet::new();
    let last = headers.get("last-event-id").and_then(|v| v.to_str().ok()).and_then(parse_event_id);
    if let Some((at, last_id)) = last {
        for item in state.app.inbox_since(&reader, at - REPLAY_GRACE_MS).await? {
            if item.id != last_id && seen.insert(item.id.clone()) {
                pending.push_back(notification_event(item));
            }
        }
    }
    let open = Open {
        app: state.app.clone(),
        reader,
        live,
        pending,
        seen,
        ends: tokio::time::Instant::now() + STREAM_LIFETIME,
    };
    let events = futures::stream::unfold(open, next_event);
    Ok(Sse::new(events).keep_alive(KeepAlive::new().interval(Duration::from_secs(20))))
}

fn parse_event_id(text: &str) -> Option<(i64, String)> {
    let (at, id) = text.split_once('.')?;
    Some((at.parse().ok()?, id.to_string()))
}

fn notification_event(item: InboxItem) -> Event {
    let id = format!("{}.{}", item.created_at, item.id);
    Event::default().event("notification").id(id).json_data(NotificationOut::from(item)).unwrap_or_default()
}

struct Open {
    app: App,
    reader: Reader,
    live: broadcast::Receiver<Arc<LiveEvent>>,
    pending: VecDeque<Event>,
    /// Ids already sent by the replay (the live side may bring them again).
    seen: HashSet<String>,
    ends: tokio::time::Instant,
}

async fn next_event(mut open: Open) -> Option<(Result<Event, Infallible>, Open)> {
    loop {
        if let Some(event) = open.pending.pop_front() {
            return Some((Ok(event), open));
        }
        let received = tokio::time::timeout_at(open.ends, open.live.recv()).await.ok()?;
        match received {
            Ok(event) => match &*event {
                LiveEvent::Thread { user, thread } if *user == open.reader.user_id => {
                    let data = serde_json::json!({ "id": thread.to_string() });
                    open.pending
                        .push_back(Event::default().event("thread").json_data(data).unwrap_or_default());
                }
                LiveEvent::Resync => open.pending.push_back(Event::default().event("resync").data("{}")),
                _ => {
                    // Boxed: a stream spends its life waiting above, and its state (kept for
                    // every open stream) is as large as the largest thing it awaits; inline, this
                    // rare lookup would size the state of every quiet stream.
                    if let Ok(Some(item)) = Box::pin(open.app.live_item(&open.reader, &event)).await
                        && !open.seen.contains(&item.id)
                    {
                        open.pending.push_back(notification_event(item));
                    }
                }
            },
            Err(broadcast::error::RecvError::Lagged(_)) => {
                open.pending.push_back(Event::default().event("resync").data("{}"));
            }
            Err(broadcast::error::RecvError::Closed) => return None,
        }
    }
}

#[derive(Serialize, Deserialize, ToSchema)]
pub struct PreferenceOut {
    /// `case_updates`, `deadlines`, `decisions`, `offers`, `appointments`, `messages`,
    /// `security`, `policy_notices`.
    category: String,
    email: bool,
    sms: bool,
    /// Offers, deadlines and decisions: email and SMS cannot both be off.
    critical: bool,
}

impl From<PreferenceView> for PreferenceOut {
    fn from(p: PreferenceView) -> Self {
        Self { category: p.category.as_str().to_string(), email: p.email, sms: p.sms, critical: p.critical }
    }
}

/// Your channels per category (the inbox always has everything; SMS needs a phone number).
#[utoipa::path(get, path = "/api/v1/me/notification-preferences", tag = "notifications", security(("bearer" = [])),
    responses(SignedIn, (status = 200, body = PreferencesOut)))]
async fn get_preferences(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
) -> Result<Json<PreferencesOut>, ApiError> {
    let preferences = state.app.notification_preferences(&actor).await?.into_iter().map(Into::into).collect();
    Ok(Json(PreferencesOut { preferences }))
}

#[derive(Serialize, ToSchema)]
pub struct PreferencesOut {
    preferences: Vec<PreferenceOut>,
}

#[derive(Deserialize, ToSchema)]
pub struct PreferencesIn {
    /// The categories to change; the others stay as they are.
    #[schema(max_items = 16)]
    preferences: Vec<PreferenceIn>,
}

#[derive(Deserialize, ToSchema)]
pub struct PreferenceIn {
    #[schema(max_length = 40)]
    category: String,
    email: bool,
    sms: bool,
}

/// Set channels for the categories given (others unchanged). Answers every category.
#[utoipa::path(put, path = "/api/v1/me/notification-preferences", tag = "notifications", security(("bearer" = [])),
    request_body = PreferencesIn,
    responses(JsonBody, SignedInWrite, (status = 200, body = PreferencesOut),
        (status = 422, description = "`validation_failed`: an unknown category, or both channels off for a critical one", body = Problem, content_type = "application/problem+json")))]
async fn put_preferences(
    State(state): State<AppState>,
    Client(client): Client,
    ApiActor(actor): ApiActor,
    ApiJson(body): ApiJson<PreferencesIn>,
) -> Result<Json<PreferencesOut>, ApiError> {
    let body = body.preferences;
    if body.len() > Category::ALL.len() * 2 {
        return Err(ApiError::field("category", "error-preferences-category"));
    }
    let mut changes = Vec::new();
    for p in &body {
        let category = Category::parse(&p.category)
            .ok_or_else(|| ApiError::field("category", "error-preferences-category"))?;
        changes.push((category, Channels { email: p.email, sms: p.sms }));
    }
    let views = state.app.set_notification_preferences(&actor, &client, &changes).await?;
    Ok(Json(PreferencesOut { preferences: views.into_iter().map(Into::into).collect() }))
}

#[derive(Deserialize, ToSchema)]
pub struct AudienceIn {
    /// `all`, `port` (travelers with a request, offer or appointment there) or `staff`.
    #[schema(max_length = 10)]
    kind: String,
    #[schema(max_length = 10)]
    port_code: Option<String>,
}

#[derive(Deserialize, ToSchema)]
pub struct NoticeIn {
    /// By language code; `en`, `es` and `ht` are required (others fall back to English).
    #[schema(value_type = Object)]
    title: NoticeText,
    #[schema(value_type = Object)]
    body: NoticeText,
    audience: AudienceIn,
    /// When it appears (default: now).
    #[schema(format = DateTime, max_length = 40)]
    publish_at: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct NoticeOut {
    id: String,
}

/// Publish a policy notice (administrators): stored once, shown to every member of the audience
/// (also those who join later), live, and sent by email or SMS to those who chose that.
#[utoipa::path(post, path = "/api/v1/admin/notices", tag = "admin", security(("bearer" = [])), request_body = NoticeIn,
    responses(JsonBody, SignedInWrite, (status = 201, body = NoticeOut),
        (status = 403, description = "`forbidden` or `mfa_required`: administrators", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`validation_failed`: a language missing or unknown, text too long, an unknown audience or port, a bad time", body = Problem, content_type = "application/problem+json")))]
async fn publish_notice(
    State(state): State<AppState>,
    Client(client): Client,
    ApiActor(actor): ApiActor,
    ApiJson(body): ApiJson<NoticeIn>,
) -> Result<(StatusCode, Json<NoticeOut>), ApiError> {
    let audience = match (body.audience.kind.as_str(), body.audience.port_code) {
        ("all", _) => Audience::All,
        ("staff", _) => Audience::Staff,
        ("port", Some(code)) => Audience::Port { port_code: code.trim().to_ascii_uppercase() },
        ("port", None) => return Err(ApiError::field("audience.port_code", "error-field-required")),
        _ => return Err(ApiError::field("audience.kind", "error-notice-audience")),
    };
    let publish_at = match body.publish_at.as_deref().filter(|t| !t.is_empty()) {
        Some(text) => Some(
            parse_rfc3339(text).ok_or_else(|| ApiError::field("publish_at", "error-notice-publish-at"))?,
        ),
        None => None,
    };
    let id = state
        .app
        .publish_notice(
            &actor,
            &client,
            NewNotice { title: body.title, body: body.body, audience, publish_at },
        )
        .await?;
    Ok((StatusCode::CREATED, Json(NoticeOut { id: id.to_string() })))
}

#[derive(Serialize, ToSchema)]
pub struct NoticeSummaryOut {
    id: String,
    #[schema(value_type = Object)]
    title: NoticeText,
    #[schema(value_type = Object)]
    body: NoticeText,
    /// `all`, `port` or `staff`.
    audience: String,
    port_code: Option<String>,
    #[schema(format = DateTime)]
    publish_at: String,
    /// Announced live and being sent to those who chose email or SMS; `false`: scheduled.
    announced: bool,
}

/// Every policy notice, latest first: published and scheduled (administrators).
#[utoipa::path(get, path = "/api/v1/admin/notices", tag = "admin", security(("bearer" = [])),
    responses(SignedIn, (status = 200, body = Vec<NoticeSummaryOut>),
        (status = 403, description = "`forbidden` or `mfa_required`: administrators", body = Problem, content_type = "application/problem+json")))]
async fn list_notices(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
) -> Result<Json<Vec<NoticeSummaryOut>>, ApiError> {
    let notices = state.app.list_notices(&actor).await?;
    Ok(Json(
        notices
            .into_iter()
            .map(|n| NoticeSummaryOut {
                id: n.id,
                title: n.title,
                body: n.body,
                audience: n.audience,
                port_code: n.port_code,
                publish_at: rfc3339(n.publish_at),
                announced: n.announced,
            })
            .collect(),
    ))
}
