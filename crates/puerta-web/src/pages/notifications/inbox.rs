//! `/notifications`: the inbox, newest first, in the reader's language and zone; unread ones
//! marked in words; under each notification how its email and text message went; "Mark as
//! read" on each unread one and "Dismiss" on a policy notice still shown on the dashboard.

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use puerta_app::notifications::{DeliveryNote, InboxItem};
use puerta_domain::notifications::Kind;
use puerta_i18n::{Arg, Language, format_in_zone, t_args, zone_name};

use super::{path_safe, unread_text};
use crate::AppState;
use crate::api::problem::ApiError;
use crate::api::time::rfc3339;
use crate::auth::PageActor;
use crate::pages::form::{CsrfForm, html};
use crate::pages::frame::Frame;
use crate::pages::{Ctx, redirect_notice};

/// The most entries the page shows (the newest).
const LIMIT: i64 = 100;

pub struct Item {
    pub id: String,
    pub title: String,
    pub body: String,
    /// When, in the reader's zone and language.
    pub when: String,
    /// The same instant for `<time datetime>`.
    pub datetime: String,
    pub unread: bool,
    pub notice: bool,
    /// A policy notice still shown on the dashboard and Entry Requirements.
    pub dismissable: bool,
    /// "Sent by text message, not delivered. Sent by email instead."
    pub delivery: Option<String>,
    pub read_href: String,
    pub dismiss_href: String,
}

#[derive(Template)]
#[template(path = "notifications_inbox.html")]
struct InboxPage {
    frame: Frame,
    items: Vec<Item>,
    unread: i64,
    unread_text: String,
    /// "Showing the latest 100 notifications" when the list was cut.
    latest: Option<String>,
    /// The reader's zone (IANA name) and its everyday name, for entries the live script adds.
    zone: String,
    zone_label: String,
}

/// Each email and text message of a notification, as whole sentences: the first attempts, then
/// what was sent instead.
pub fn delivery_line(lang: Language, deliveries: &[DeliveryNote]) -> Option<String> {
    let mut ordered: Vec<&DeliveryNote> = deliveries.iter().collect();
    ordered.sort_by_key(|d| d.fallback);
    let sentences: Vec<String> = ordered
        .into_iter()
        .filter_map(|d| {
            let channel = match d.channel.as_str() {
                "email" => "email",
                "sms" => "sms",
                _ => return None,
            };
            let status = match d.status.as_str() {
                "delivered" => "delivered",
                "permanent_failure" | "technical_failure" => "failed",
                // created, sending, temporary_failure (it is tried again).
                _ => "sending",
            };
            let id = if d.fallback {
                format!("notifpage-delivery-{channel}-fallback")
            } else {
                format!("notifpage-delivery-{channel}")
            };
            Some(t_args(lang, &id, vec![("status", Arg::from(status))]))
        })
        .collect();
    (!sentences.is_empty()).then(|| sentences.join(" "))
}

fn item(lang: Language, zone: chrono_tz::Tz, i: InboxItem) -> Item {
    let notice = i.kind == Kind::PolicyNotice.as_str();
    let id = path_safe(&i.id);
    Item {
        when: format_in_zone(lang, i.created_at, zone),
        datetime: rfc3339(i.created_at),
        unread: i.read_at.is_none(),
        notice,
        dismissable: notice && i.dismissed_at.is_none(),
        delivery: delivery_line(lang, &i.deliveries),
        read_href: format!("/notifications/{id}/read"),
        dismiss_href: format!("/notifications/{id}/dismiss"),
        id,
        title: i.title,
        body: i.body,
    }
}

pub async fn page(ctx: Ctx, State(state): State<AppState>, PageActor(actor): PageActor) -> Response {
    let fail = |e| ApiError::from(e).into_response();
    let profile = match state.app.me(&actor).await {
        Ok(p) => p,
        Err(e) => return fail(e),
    };
    let inbox = match state.app.inbox(&actor, false, LIMIT).await {
        Ok(inbox) => inbox,
        Err(e) => return fail(e),
    };
    let frame = ctx.frame(&state, Some(&actor));
    let lang = frame.lang;
    let zone = profile.time_zone;
    let latest = (i64::try_from(inbox.items.len()).unwrap_or(0) >= LIMIT)
        .then(|| t_args(lang, "notifpage-latest", vec![("count", Arg::from(LIMIT))]));
    let unread = inbox.unread.notifications;
    html(&InboxPage {
        items: inbox.items.into_iter().map(|i| item(lang, zone, i)).collect(),
        unread,
        unread_text: unread_text(lang, unread),
        latest,
        zone: zone.name().to_string(),
        zone_label: zone_name(lang, zone),
        frame,
    })
}

pub async fn mark_read(
    State(state): State<AppState>,
    PageActor(actor): PageActor,
    Path(id): Path<String>,
    CsrfForm(_): CsrfForm<HashMap<String, String>>,
) -> Response {
    match state.app.mark_read(&actor, &id).await {
        Ok(()) => redirect_notice("/notifications", "notifpage-notice-read"),
        Err(e) => ApiError::from(e).into_response(),
    }
}

#[derive(serde::Deserialize, Default)]
#[serde(default)]
pub struct DismissForm {
    next: String,
}

/// Where a Dismiss form may send the reader back to: the pages that show standing notices.
/// Anything else (another site, another page) goes to the inbox.
fn way_back(next: &str) -> &str {
    let path = next.split(['?', '#']).next().unwrap_or("");
    let slug_ok = |slug: &str| {
        !slug.is_empty() && slug.len() <= 100 && slug.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
    };
    match path {
        "/dashboard" | "/notifications" | "/entry-requirements" => path,
        _ if path.strip_prefix("/entry-requirements/").is_some_and(slug_ok) => path,
        _ => "/notifications",
    }
}

pub async fn dismiss(
    State(state): State<AppState>,
    PageActor(actor): PageActor,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<DismissForm>,
) -> Response {
    match state.app.dismiss_notice(&actor, &id).await {
        Ok(()) => redirect_notice(way_back(&form.next), "notifpage-notice-dismissed"),
        Err(e) => ApiError::from(e).into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn note(channel: &str, status: &str, fallback: bool) -> DeliveryNote {
        DeliveryNote { channel: channel.into(), status: status.into(), fallback }
    }

    #[test]
    fn a_failed_text_message_and_the_email_sent_instead_are_said_in_words() {
        let line = delivery_line(
            Language::En,
            &[note("email", "delivered", true), note("sms", "permanent_failure", false)],
        );
        assert_eq!(line.as_deref(), Some("Sent by text message, not delivered. Sent by email instead."));
        assert_eq!(delivery_line(Language::En, &[]), None);
        assert_eq!(
            delivery_line(Language::En, &[note("email", "temporary_failure", false)]).as_deref(),
            Some("Being sent by email.")
        );
    }

    #[test]
    fn a_dismiss_goes_back_only_to_a_page_that_shows_notices() {
        assert_eq!(way_back("/dashboard?notice=x"), "/dashboard");
        assert_eq!(way_back("/entry-requirements/on-the-day"), "/entry-requirements/on-the-day");
        assert_eq!(way_back("//evil.example/"), "/notifications");
        assert_eq!(way_back("https://evil.example/dashboard"), "/notifications");
        assert_eq!(way_back("/entry-requirements/../admin"), "/notifications");
        assert_eq!(way_back(""), "/notifications");
    }
}
