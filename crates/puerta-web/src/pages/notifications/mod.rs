//! The reader's notifications: the inbox (`/notifications`) with each notification's email and
//! text message status in words, marking one read, dismissing a policy notice; the channels
//! chosen per category (`/account/notifications`); and the pieces other pages show: standing
//! policy notices (the dashboard, Entry Requirements) and the unread counts' words for the live
//! script (`static/live.js`).
//!
//! Every step is a use case in `puerta_app::notifications`, which decides who may read and
//! change what (someone else's notification is the 404 page).

mod inbox;
mod preferences;

use axum::Json;
use axum::Router;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use puerta_app::accounts::Actor;
use puerta_app::notifications::{InboxItem, UnreadCounts};
use puerta_i18n::{Arg, Language, t_args};

use crate::AppState;
use crate::api::problem::ApiError;
use crate::auth::PageActor;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/notifications", get(inbox::page))
        .route("/notifications/counts", get(counts))
        .route("/notifications/{id}/read", post(inbox::mark_read))
        .route("/notifications/{id}/dismiss", post(inbox::dismiss))
        .route("/account/notifications", get(preferences::page).post(preferences::save))
}

/// A policy notice still standing (published to the reader, not dismissed), as the dashboard
/// and the Entry Requirements pages show it, with its Dismiss form.
pub struct StandingNotice {
    pub id: String,
    pub title: String,
    pub body: String,
    pub dismiss_href: String,
}

impl From<InboxItem> for StandingNotice {
    fn from(n: InboxItem) -> Self {
        Self {
            dismiss_href: format!("/notifications/{}/dismiss", path_safe(&n.id)),
            id: n.id,
            title: n.title,
            body: n.body,
        }
    }
}

/// The reader's standing policy notices (none when they cannot be read: the page still works).
pub async fn standing_notices(state: &AppState, actor: &Actor) -> Vec<StandingNotice> {
    match state.app.standing_notices(actor).await {
        Ok(items) => items.into_iter().map(StandingNotice::from).collect(),
        Err(e) => {
            tracing::warn!(error = %e, "standing notices unavailable");
            Vec::new()
        }
    }
}

/// "3 unread", in the reader's language (the words of a `[data-unread]` badge).
pub fn unread_text(lang: Language, count: i64) -> String {
    t_args(lang, "dashboard-unread", vec![("count", Arg::from(count))])
}

/// The reader's unread counts, zero when they cannot be read (a badge is never worth an error
/// page).
pub async fn unread_counts(state: &AppState, actor: &Actor) -> UnreadCounts {
    state.app.unread_counts(actor).await.unwrap_or_else(|e| {
        tracing::warn!(error = %e, "unread counts unavailable");
        UnreadCounts::default()
    })
}

#[derive(serde::Serialize)]
struct Badge {
    count: i64,
    text: String,
}

#[derive(serde::Serialize)]
struct Badges {
    notifications: Badge,
    messages: Badge,
}

/// The badges' counts and words, for the live script when the stream says a count changed
/// (the words need the reader's language and its plural rules, which only the server has).
async fn counts(State(state): State<AppState>, PageActor(actor): PageActor) -> Response {
    let lang = actor.language;
    let counts = match state.app.unread_counts(&actor).await {
        Ok(counts) => counts,
        Err(e) => return ApiError::from(e).into_response(),
    };
    let badge = |count: i64| Badge { count, text: unread_text(lang, count) };
    Json(Badges { notifications: badge(counts.notifications), messages: badge(counts.messages) })
        .into_response()
}

/// An id as it may appear in a path: ids hold letters, digits and dashes only; anything else
/// is dropped (and then not found).
pub fn path_safe(id: &str) -> String {
    id.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_').collect()
}
