//! The signed-in person's dashboard at a glance, for the JSON API (`GET /api/v1/dashboard`):
//! what the dashboard page shows them, read on one reader connection with a few indexed
//! queries and no write (the busiest signed-in read, so nothing per row is looked up again).

use puerta_domain::accounts::Language;
use puerta_domain::appointments::{AppointmentStatus, DrawStatus, RequestStatus};
use puerta_domain::cases::{CaseStatus, ReferenceNumber};
use puerta_domain::ids::{AppointmentId, AppointmentRequestId};
use puerta_store::cases::CaseFilter;

use crate::accounts::Actor;
use crate::notifications::{InboxItem, Reader, UnreadCounts, audience_class};
use crate::{App, AppError};

/// How many cases the dashboard lists (newest first); the case list has them all.
pub const DASHBOARD_CASES: usize = 20;
/// How many policy notices it shows, like the page.
const DASHBOARD_NOTICES: i64 = 20;

/// What the dashboard shows its reader.
#[derive(Debug, Clone)]
pub struct Dashboard {
    pub full_name: String,
    pub language: Language,
    pub unread: UnreadCounts,
    /// Policy notices published to the reader and not dismissed, newest first.
    pub notices: Vec<InboxItem>,
    /// The account's cases, newest first, at most [`DASHBOARD_CASES`].
    pub cases: Vec<DashboardCase>,
    /// More cases than those listed.
    pub more_cases: bool,
    /// Requests still standing: waiting for their draw, or on a waitlist after it.
    pub requests: Vec<DashboardRequest>,
    /// Offers to confirm before their deadline.
    pub offers: Vec<DashboardAppointment>,
    /// Confirmed appointments, soonest first.
    pub appointments: Vec<DashboardAppointment>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DashboardCase {
    pub reference_number: ReferenceNumber,
    pub status: CaseStatus,
    pub updated_at: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DashboardRequest {
    pub id: AppointmentRequestId,
    pub draw_date: String,
    pub port_code: String,
    pub group_size: i64,
    /// `Requested` (the draw has not run) or `Waitlisted`.
    pub status: RequestStatus,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DashboardAppointment {
    pub id: AppointmentId,
    pub port_code: String,
    pub scheduled_at: i64,
    /// Offers: the deadline to confirm.
    pub offer_expires_at: Option<i64>,
    /// Confirmed appointments: the number shown at the port.
    pub confirmation_number: Option<String>,
}

impl App {
    /// The actor's own dashboard: their name and language, unread counts, standing policy
    /// notices, cases, and appointment requests, offers and appointments. Only ever the
    /// actor's own records (staff, who hold no cases or requests, get empty lists).
    ///
    /// A traveler's is answered from memory while nothing it shows has changed (SQLite; see
    /// `dashboard_cache`).
    pub async fn dashboard(&self, actor: &Actor) -> Result<Dashboard, AppError> {
        actor.own()?;
        let cached = actor.role == puerta_domain::accounts::Role::Traveler
            && self.inner.store.backend() == puerta_store::Backend::Sqlite;
        if !cached {
            return Ok(self.read_dashboard(actor, self.now()).await?.0);
        }
        let store = &self.inner.store;
        let cache = &self.inner.dashboards;
        // Noted before reading, and before the time the reading uses: a change committed after
        // this moves it (see `dashboard_cache`).
        let stamp = store.account_stamp(&actor.user_id);
        let now = self.now();
        if let Some(hit) = cache.get(&actor.user_id, stamp, now) {
            return Ok(Dashboard::clone(&hit));
        }
        let (dashboard, mut until) = self.read_dashboard(actor, now).await?;
        // A scheduled notice shows once its time comes, with no write then: not believed past it.
        // Not worth failing the answer over: without it, nothing is kept.
        match self.reader().await?.notices().next_unannounced().await {
            Ok(Some(due)) => until = until.min(due),
            Ok(None) => {}
            Err(_) => until = i64::MIN,
        }
        cache.insert(&actor.user_id, std::sync::Arc::new(dashboard.clone()), stamp, until);
        Ok(dashboard)
    }

    /// The dashboard as the database has it at `now`, and the time (ms) from which the clock
    /// alone would change it (the first offer deadline it shows).
    async fn read_dashboard(&self, actor: &Actor, now: i64) -> Result<(Dashboard, i64), AppError> {
        let me = &actor.user_id;
        let class = audience_class(actor.role);
        let mut read = self.reader().await?;
        let user = read.users().find(me).await?.ok_or(AppError::Unauthenticated)?;
        let notifications = read.notifications().count_unread(me).await?
            + read.notices().count_unread(me, class, now).await?;
        let messages = match actor.role {
            puerta_domain::accounts::Role::Traveler => read.threads().count_unread_for_owner(me).await?,
            puerta_domain::accounts::Role::Officer | puerta_domain::accounts::Role::Supervisor => {
                read.threads().count_waiting_for_staff(me).await?
            }
            _ => 0,
        };
        let reader = Reader {
            user_id: me.clone(),
            role: actor.role,
            language: user.language,
            zone: user.time_zone.name().to_string(),
        };
        let notices = read
            .notices()
            .for_reader(me, class, now, false, None, DASHBOARD_NOTICES)
            .await?
            .iter()
            .filter(|v| v.dismissed_at.is_none())
            .map(|v| reader.notice(&v.notice, v.read_at, None))
            .collect();
        let limit = i64::try_from(DASHBOARD_CASES).unwrap_or(20);
        let filter = CaseFilter {
            account_id: Some(me.clone()),
            status: None,
            assigned_to: None,
            before: None,
            limit: limit + 1,
        };
        let mut rows = read.cases().list(&filter).await?;
        let more_cases = rows.len() > DASHBOARD_CASES;
        rows.truncate(DASHBOARD_CASES);
        let cases = rows
            .into_iter()
            .map(|c| DashboardCase {
                reference_number: c.reference_number,
                status: c.status,
                updated_at: c.updated_at,
            })
            .collect();

        let mut requests = Vec::new();
        // One look at each standing request's draw (usually one): drawn means waitlisted.
        let mut draws: Vec<(String, Option<DrawStatus>)> = Vec::new();
        for r in read.appointment_requests().list_for_account(me).await? {
            if !matches!(r.status, RequestStatus::Requested | RequestStatus::Waitlisted) {
                continue;
            }
            let draw = match draws.iter().find(|(date, _)| *date == r.draw_date) {
                Some((_, status)) => *status,
                None => {
                    let status = read.draws().find(&r.draw_date).await?.map(|d| d.status);
                    draws.push((r.draw_date.clone(), status));
                    status
                }
            };
            let status = if draw == Some(DrawStatus::Drawn) { RequestStatus::Waitlisted } else { r.status };
            requests.push(DashboardRequest {
                id: r.id,
                draw_date: r.draw_date,
                port_code: r.port_code,
                group_size: r.group_size,
                status,
            });
        }

        let (mut offers, mut appointments) = (Vec::new(), Vec::new());
        for a in read.appointments().list_for_account(me).await? {
            match a.status {
                AppointmentStatus::Offered if a.offer_expires_at > now => offers.push(DashboardAppointment {
                    id: a.id,
                    port_code: a.port_code,
                    scheduled_at: a.scheduled_at,
                    offer_expires_at: Some(a.offer_expires_at),
                    confirmation_number: None,
                }),
                AppointmentStatus::Confirmed => appointments.push(DashboardAppointment {
                    id: a.id,
                    port_code: a.port_code,
                    scheduled_at: a.scheduled_at,
                    offer_expires_at: None,
                    confirmation_number: a.confirmation_number,
                }),
                _ => {}
            }
        }
        offers.sort_by_key(|o| o.offer_expires_at);
        appointments.sort_by_key(|a| a.scheduled_at);
        let until = offers.iter().filter_map(|o| o.offer_expires_at).min().unwrap_or(i64::MAX);
        let dashboard = Dashboard {
            full_name: user.full_name,
            language: user.language,
            unread: UnreadCounts { notifications, messages },
            notices,
            cases,
            more_cases,
            requests,
            offers,
            appointments,
        };
        Ok((dashboard, until))
    }
}
