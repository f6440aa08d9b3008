use askama::Template;
use axum::extract::State;
use axum::response::Response;
use puerta_app::AppError;
use puerta_domain::accounts::Role;
use puerta_i18n::Arg;

use super::form::html;
use super::notifications::{StandingNotice, unread_text};
use super::{Ctx, redirect_notice};
use crate::AppState;
use crate::api::problem::ApiError;
use crate::auth::PageActor;
use crate::pages::frame::Frame;

#[derive(Template)]
#[template(path = "home.html")]
struct HomePage {
    frame: Frame,
}

pub async fn home(ctx: Ctx, State(state): State<AppState>, actor: Option<PageActor>) -> Response {
    html(&HomePage { frame: ctx.frame(&state, actor.as_ref().map(|a| &a.0)) })
}

#[derive(Template)]
#[template(path = "dashboard.html")]
struct DashboardPage {
    frame: Frame,
    title: String,
    er_count: String,
    unread_messages: String,
    unread_notifications: String,
    messages_count: i64,
    notifications_count: i64,
    /// Policy notices published to the reader and not dismissed, with their Dismiss form.
    standing: Vec<StandingNotice>,
    /// The traveler has at least one case (the card links to `/cases`).
    has_cases: bool,
}

/// The traveler's home: the standing policy notices, then the five sections, each with its
/// count or its empty state (messages and notifications with their unread counts, which the
/// live script keeps current). Everything but the Entry Requirements count comes from the
/// dashboard the API serves (one read, answered from memory while nothing in it changed).
pub async fn dashboard(ctx: Ctx, State(state): State<AppState>, PageActor(actor): PageActor) -> Response {
    let frame = ctx.frame(&state, Some(&actor));
    let (dashboard, items) =
        match (state.app.dashboard(&actor).await, state.app.entry_requirements(frame.lang).await) {
            (Ok(d), Ok(items)) => (d, items),
            (Err(e), _) | (_, Err(e)) => {
                return axum::response::IntoResponse::into_response(ApiError::from(e));
            }
        };
    let count = |id: &str, n: usize| {
        puerta_i18n::t_args(frame.lang, id, vec![("count", Arg::from(i64::try_from(n).unwrap_or(0)))])
    };
    let unread = dashboard.unread;
    let page = DashboardPage {
        title: puerta_i18n::t_args(
            frame.lang,
            "dashboard-title",
            vec![("name", Arg::from(dashboard.full_name))],
        ),
        er_count: count("dashboard-er-count", items.len()),
        unread_messages: unread_text(frame.lang, unread.messages),
        unread_notifications: unread_text(frame.lang, unread.notifications),
        messages_count: unread.messages,
        notifications_count: unread.notifications,
        standing: dashboard.notices.into_iter().map(StandingNotice::from).collect(),
        has_cases: !dashboard.cases.is_empty(),
        frame,
    };
    html(&page)
}

/// A row of the capacity table: code, name, time zone in the reader's language, daily capacity.
type PortRow = (String, String, String, u32);

fn port_rows(frame: &Frame, ports: Vec<puerta_domain::ports::Port>) -> Vec<PortRow> {
    ports
        .into_iter()
        .map(|p| {
            (
                p.code.to_string(),
                p.name,
                puerta_i18n::zone_name(frame.lang, p.time_zone),
                p.daily_capacity.get(),
            )
        })
        .collect()
}

/// Staff without a second factor are sent to set one up; others get the error page.
fn refused(error: AppError) -> Response {
    match error {
        AppError::MfaRequired => redirect_notice("/account/two-step", "staff-mfa-needed"),
        e => axum::response::IntoResponse::into_response(ApiError::from(e)),
    }
}

#[derive(Template)]
#[template(path = "staff.html")]
struct StaffPage {
    frame: Frame,
    role: String,
    ports: Vec<PortRow>,
    total: u32,
    /// "Messages from travelers (3 waiting)", for those who answer them.
    messages_link: Option<String>,
}

/// The staff home: reachable by staff roles only, and only once a second factor is on.
pub async fn staff(ctx: Ctx, State(state): State<AppState>, PageActor(actor): PageActor) -> Response {
    match state.app.staff_overview(&actor).await {
        Ok(overview) => {
            let frame = ctx.frame(&state, Some(&actor));
            let ports = port_rows(&frame, overview.ports);
            let role = frame.t(&format!("role-{}", overview.role.as_str()));
            // Officers and supervisors answer travelers' messages; the count is what waits.
            let messages_link = if matches!(actor.role, Role::Officer | Role::Supervisor) {
                match state.app.unread_counts(&actor).await {
                    Ok(counts) => Some(puerta_i18n::t_args(
                        frame.lang,
                        "staffmsg-home-link",
                        vec![("count", Arg::from(counts.messages))],
                    )),
                    Err(e) => return refused(e),
                }
            } else {
                None
            };
            html(&StaffPage { frame, role, ports, total: overview.total_daily_capacity, messages_link })
        }
        Err(e) => refused(e),
    }
}

#[derive(Template)]
#[template(path = "partner.html")]
struct PartnerPage {
    frame: Frame,
    ports: Vec<PortRow>,
    total: u32,
}

/// The partners' home (shelters, legal aid): partners only, once a second factor is on.
pub async fn partner(ctx: Ctx, State(state): State<AppState>, PageActor(actor): PageActor) -> Response {
    match state.app.partner_overview(&actor).await {
        Ok(overview) => {
            let frame = ctx.frame(&state, Some(&actor));
            let ports = port_rows(&frame, overview.ports);
            html(&PartnerPage { frame, ports, total: overview.total_daily_capacity })
        }
        Err(e) => refused(e),
    }
}
