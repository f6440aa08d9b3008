//! The dashboard as JSON: what the `/dashboard` page shows its reader, in one answer.

use axum::Json;
use axum::extract::State;
use puerta_app::dashboard as app;
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AppState;
use crate::api::openapi::{LanguageCode, SignedIn};
use crate::api::problem::ApiError;
use crate::api::time::rfc3339;
use crate::auth::ApiActor;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(dashboard))
}

#[derive(Serialize, ToSchema)]
pub struct DashboardOut {
    /// Your name as on the account.
    #[schema(example = "Ana Pérez")]
    full_name: String,
    /// The language Puerta writes to you in.
    #[schema(value_type = LanguageCode)]
    language: String,
    unread: DashboardUnread,
    /// Policy notices published to you and not dismissed, newest first.
    notices: Vec<DashboardNotice>,
    /// Your cases, newest first (at most 20; `GET /api/v1/cases` lists them all).
    cases: Vec<DashboardCase>,
    /// More cases than those listed.
    more_cases: bool,
    /// Appointment requests still standing.
    requests: Vec<DashboardRequest>,
    /// Offers to confirm before their deadline, the nearest deadline first.
    offers: Vec<DashboardAppointment>,
    /// Confirmed appointments, the soonest first.
    appointments: Vec<DashboardAppointment>,
}

#[derive(Serialize, ToSchema)]
pub struct DashboardUnread {
    /// Unread notifications and policy notices.
    notifications: i64,
    /// Travelers: threads with an officer's answer not yet opened. Officers: threads waiting.
    messages: i64,
}

/// A policy notice published to you and not dismissed.
#[derive(Serialize, ToSchema)]
pub struct DashboardNotice {
    id: String,
    /// In your language (English when the notice has none in it).
    title: String,
    body: String,
    #[schema(format = DateTime)]
    published_at: String,
    #[schema(format = DateTime)]
    read_at: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct DashboardCase {
    #[schema(example = "PUE4829301758")]
    reference_number: String,
    /// As in `GET /api/v1/cases`.
    status: String,
    #[schema(format = DateTime)]
    updated_at: String,
}

/// An appointment request still standing.
#[derive(Serialize, ToSchema)]
pub struct DashboardRequest {
    id: String,
    /// The draw it is in.
    #[schema(format = Date)]
    draw_date: String,
    port_code: String,
    group_size: i64,
    /// `requested` (its draw has not run yet) or `waitlisted`.
    status: String,
}

/// An offer to confirm, or a confirmed appointment.
#[derive(Serialize, ToSchema)]
pub struct DashboardAppointment {
    id: String,
    port_code: String,
    #[schema(format = DateTime)]
    scheduled_at: String,
    /// Offers: confirm before this.
    #[schema(format = DateTime)]
    offer_expires_at: Option<String>,
    /// Confirmed appointments: shown at the port.
    confirmation_number: Option<String>,
}

impl From<app::DashboardAppointment> for DashboardAppointment {
    fn from(a: app::DashboardAppointment) -> Self {
        Self {
            id: a.id.to_string(),
            port_code: a.port_code,
            scheduled_at: rfc3339(a.scheduled_at),
            offer_expires_at: a.offer_expires_at.map(rfc3339),
            confirmation_number: a.confirmation_number,
        }
    }
}

impl From<app::Dashboard> for DashboardOut {
    fn from(d: app::Dashboard) -> Self {
        Self {
            full_name: d.full_name,
            language: d.language.code().to_string(),
            unread: DashboardUnread { notifications: d.unread.notifications, messages: d.unread.messages },
            notices: d
                .notices
                .into_iter()
                .map(|n| DashboardNotice {
                    id: n.id,
                    title: n.title,
                    body: n.body,
                    published_at: rfc3339(n.created_at),
                    read_at: n.read_at.map(rfc3339),
                })
                .collect(),
            cases: d
                .cases
                .into_iter()
                .map(|c| DashboardCase {
                    reference_number: c.reference_number.to_string(),
                    status: c.status.as_str().to_string(),
                    updated_at: rfc3339(c.updated_at),
                })
                .collect(),
            more_cases: d.more_cases,
            requests: d
                .requests
                .into_iter()
                .map(|r| DashboardRequest {
                    id: r.id.to_string(),
                    draw_date: r.draw_date,
                    port_code: r.port_code,
                    group_size: r.group_size,
                    status: r.status.as_str().to_string(),
                })
                .collect(),
            offers: d.offers.into_iter().map(Into::into).collect(),
            appointments: d.appointments.into_iter().map(Into::into).collect(),
        }
    }
}

/// Your dashboard: name and language, unread counts, standing policy notices, your cases, and
/// your appointment requests, offers and appointments (cookie or bearer). Only your own; a
/// few reads, no write.
#[utoipa::path(get, path = "/api/v1/dashboard", tag = "me", security(("bearer" = [])),
    responses(SignedIn, (status = 200, body = DashboardOut)))]
async fn dashboard(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
) -> Result<Json<DashboardOut>, ApiError> {
    Ok(Json(state.app.dashboard(&actor).await?.into()))
}
