//! `/staff/messages?filter=unassigned|mine|all`: the officers' shared inbox, latest activity
//! first, as a table that stacks on a phone. The three filters are tabs (plain links, so a tab is
//! an address an officer can keep).

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use puerta_app::AppError;
use puerta_app::messaging::{InboxFilter, ThreadSummary};
use puerta_i18n::format_in_zone;
use serde::Deserialize;

use super::{case_href, refused, thread_href};
use crate::AppState;
use crate::api::problem::ApiError;
use crate::auth::PageActor;
use crate::pages::Ctx;
use crate::pages::form::html;
use crate::pages::frame::Frame;

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct InboxParams {
    filter: String,
}

pub struct Tab {
    pub href: String,
    pub label: String,
    pub current: bool,
}

pub struct ThreadRow {
    pub href: String,
    pub subject: String,
    /// (grouped reference, link to the staff case page when it is a reference number).
    pub case: Option<(String, Option<String>)>,
    pub last_activity: String,
    /// A traveler's message no officer has read yet.
    pub waiting: bool,
    /// "Waiting", "Answered" or "Read, not answered yet".
    pub state: String,
    pub holder: String,
}

#[derive(Template)]
#[template(path = "staff_messages.html")]
struct InboxPage {
    frame: Frame,
    tabs: Vec<Tab>,
    /// The current tab's name (the table's caption).
    current: String,
    rows: Vec<ThreadRow>,
}

/// Who holds a thread, as an officer reads it: nobody, you, a name (supervisors), another officer.
pub fn holder(frame: &Frame, assigned_to: Option<&str>, me: &str, names: &HashMap<String, String>) -> String {
    match assigned_to {
        None => frame.t("bo-holder-nobody"),
        Some(id) if id == me => frame.t("bo-holder-you"),
        Some(id) => names.get(id).cloned().unwrap_or_else(|| frame.t("bo-holder-other")),
    }
}

fn row(
    frame: &Frame,
    t: ThreadSummary,
    zone: chrono_tz::Tz,
    me: &str,
    names: &HashMap<String, String>,
) -> ThreadRow {
    let state = if t.unread {
        "staffmsg-state-waiting"
    } else if t.answered {
        "staffmsg-state-answered"
    } else {
        "staffmsg-state-read"
    };
    ThreadRow {
        href: thread_href(&t.id),
        holder: holder(frame, t.assigned_to.as_deref(), me, names),
        case: t.case_reference.map(|r| {
            let href = case_href(&r);
            (r, href)
        }),
        last_activity: format_in_zone(frame.lang, t.last_message_at, zone),
        waiting: t.unread,
        state: frame.t(state),
        subject: t.subject,
    }
}

pub async fn page(
    ctx: Ctx,
    State(state): State<AppState>,
    PageActor(actor): PageActor,
    Query(params): Query<InboxParams>,
) -> Response {
    let filter = match params.filter.trim() {
        "" => InboxFilter::default(),
        text => match InboxFilter::parse(text) {
            Some(filter) => filter,
            None => {
                let error = AppError::field("filter", "error-message-filter-unknown");
                return ApiError::from(error).into_response();
            }
        },
    };
    let threads = match state.app.staff_threads(&actor, filter).await {
        Ok(threads) => threads,
        Err(e) => return refused(e),
    };
    let zone = match state.app.me(&actor).await {
        Ok(profile) => profile.time_zone,
        Err(e) => return refused(e),
    };
    // Supervisors may see who holds each thread by name; officers see "you" or "another".
    let names: HashMap<String, String> = match state.app.assignable_staff(&actor).await {
        Ok(staff) => staff.into_iter().map(|s| (s.id.as_str().to_string(), s.full_name)).collect(),
        Err(_) => HashMap::new(),
    };
    let frame = ctx.frame(&state, Some(&actor));
    let me = actor.user_id.as_str();
    let tabs = [InboxFilter::Unassigned, InboxFilter::Mine, InboxFilter::All]
        .into_iter()
        .map(|f| Tab {
            href: format!("/staff/messages?filter={}", f.as_str()),
            label: frame.t(&format!("staffmsg-tab-{}", f.as_str())),
            current: f == filter,
        })
        .collect();
    let page = InboxPage {
        tabs,
        current: frame.t(&format!("staffmsg-tab-{}", filter.as_str())),
        rows: threads.into_iter().map(|t| row(&frame, t, zone, me, &names)).collect(),
        frame,
    };
    html(&page)
}
