//! `/staff/cases`: the work queue, oldest first, as a table that stacks on a phone. The filter
//! form is a GET form (a filtered queue is an address an officer can keep); "next page" carries
//! the filters and the cursor.

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use puerta_app::AppError;
use puerta_app::cases::{QueueItem, QueueQuery};
use puerta_domain::cases::CaseStatus;
use puerta_domain::ids::{CaseId, UserId};
use puerta_i18n::{Arg, format_date, t_args};
use serde::Deserialize;

use super::case_page::tag;
use super::refused;
use crate::AppState;
use crate::auth::{Client, PageActor};
use crate::pages::Ctx;
use crate::pages::accounts::urlencode;
use crate::pages::form::html;
use crate::pages::frame::Frame;

/// Cases on one page of the queue.
const PAGE_SIZE: i64 = 25;

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct QueueParams {
    status: String,
    port: String,
    older_than_days: String,
    mine: String,
    unassigned: String,
    overdue_evidence: String,
    /// `<opened_at>.<case id>` of the last case of the previous page.
    after: String,
}

impl QueueParams {
    fn checked(value: &str) -> bool {
        matches!(value, "true" | "on" | "1")
    }

    /// The filters as a query string (without the cursor), for the next page's link.
    fn query_string(&self) -> String {
        let mut pairs = vec![
            ("status", self.status.trim().to_string()),
            ("port", self.port.trim().to_string()),
            ("older_than_days", self.older_than_days.trim().to_string()),
        ];
        for (name, value) in [
            ("mine", &self.mine),
            ("unassigned", &self.unassigned),
            ("overdue_evidence", &self.overdue_evidence),
        ] {
            if Self::checked(value) {
                pairs.push((name, "true".into()));
            }
        }
        pairs.into_iter().map(|(k, v)| format!("{k}={}", urlencode(&v))).collect::<Vec<_>>().join("&")
    }
}

pub struct QueueRow {
    pub href: String,
    pub reference_grouped: String,
    pub traveler_name: String,
    pub tag: String,
    pub port: String,
    pub days_open: String,
    pub days_waiting: String,
    pub holder: String,
    /// "Due …" or "Overdue since …", when a request for evidence is open.
    pub evidence: Option<String>,
    pub evidence_overdue: bool,
}

#[derive(Template)]
#[template(path = "staff_queue.html")]
struct QueuePage {
    frame: Frame,
    rows: Vec<QueueRow>,
    /// (value, label, selected).
    statuses: Vec<(String, String, bool)>,
    ports: Vec<(String, String, bool)>,
    older_than_days: String,
    mine: bool,
    unassigned: bool,
    overdue_evidence: bool,
    /// Messages beside the filter fields, and the summary (field, message).
    errors: Vec<(String, String)>,
    status_error: Option<String>,
    port_error: Option<String>,
    age_error: Option<String>,
    cursor_error: Option<String>,
    next: Option<String>,
}

fn parse_cursor(cursor: &str) -> Result<Option<(i64, CaseId)>, ()> {
    if cursor.trim().is_empty() {
        return Ok(None);
    }
    let (at, id) = cursor.trim().split_once('.').ok_or(())?;
    Ok(Some((at.parse().map_err(|_| ())?, CaseId::parse(id).map_err(|_| ())?)))
}

fn days(frame: &Frame, id: &str, count: i64) -> String {
    t_args(frame.lang, id, vec![("count", Arg::from(count))])
}

fn row(frame: &Frame, item: QueueItem, names: &HashMap<UserId, String>) -> QueueRow {
    let holder = match &item.assigned_to {
        None => frame.t("bo-holder-nobody"),
        Some(_) if item.assigned_to_me => frame.t("bo-holder-you"),
        Some(id) => names.get(id).cloned().unwrap_or_else(|| frame.t("bo-holder-other")),
    };
    let evidence = item.evidence_due_at.map(|due| {
        // The due moment is the end of the due date: the date itself is the millisecond before.
        let date = format_date(frame.lang, due - 1);
        let id = if item.evidence_overdue { "bo-queue-evidence-overdue" } else { "bo-queue-evidence-due" };
        t_args(frame.lang, id, vec![("date", Arg::from(date))])
    });
    QueueRow {
        href: format!("/staff/cases/{}", item.reference_number.as_str()),
        reference_grouped: item.reference_number.grouped(),
        traveler_name: item.traveler_name,
        tag: tag(frame.lang, item.status),
        port: item.port_code.unwrap_or_default(),
        days_open: days(frame, "bo-days", item.days_open),
        days_waiting: days(frame, "bo-days", item.days_suspended),
        holder,
        evidence,
        evidence_overdue: item.evidence_overdue,
    }
}

pub async fn page(
    ctx: Ctx,
    State(state): State<AppState>,
    Client(client): Client,
    PageActor(actor): PageActor,
    Query(params): Query<QueueParams>,
) -> Response {
    let frame = ctx.frame(&state, Some(&actor));
    let ports = match state.app.list_ports().await {
        Ok(ports) => ports,
        Err(e) => return refused(e),
    };
    let status = params.status.trim().to_string();
    let port = params.port.trim().to_string();
    let mut statuses = vec![(String::new(), frame.t("bo-filter-any-status"), status.is_empty())];
    statuses.extend(
        CaseStatus::ALL.iter().map(|s| (s.as_str().to_string(), tag(frame.lang, *s), s.as_str() == status)),
    );
    let mut port_options = vec![(String::new(), frame.t("bo-filter-any-port"), port.is_empty())];
    port_options.extend(ports.iter().map(|p| {
        let code = p.code.to_string();
        let selected = code.eq_ignore_ascii_case(&port);
        (code.clone(), format!("{code} · {}", p.name), selected)
    }));
    let mut page = QueuePage {
        rows: Vec::new(),
        statuses,
        ports: port_options,
        older_than_days: params.older_than_days.trim().to_string(),
        mine: QueueParams::checked(&params.mine),
        unassigned: QueueParams::checked(&params.unassigned),
        overdue_evidence: QueueParams::checked(&params.overdue_evidence),
        errors: Vec::new(),
        status_error: None,
        port_error: None,
        age_error: None,
        cursor_error: None,
        next: None,
        frame,
    };
    let Ok(after) = parse_cursor(&params.after) else {
        let message = page.frame.t("error-cursor-invalid");
        page.errors.push(("status".into(), message.clone()));
        page.cursor_error = Some(message);
        return (StatusCode::UNPROCESSABLE_ENTITY, html(&page)).into_response();
    };
    let older_than_days = match page.older_than_days.as_str() {
        "" => None,
        // Not a number: the application's range check refuses it with its own message.
        text => Some(text.parse::<i64>().unwrap_or(-1)),
    };
    let query = QueueQuery {
        status: Some(status),
        port: Some(port),
        older_than_days,
        mine: page.mine,
        unassigned: page.unassigned,
        overdue_evidence: page.overdue_evidence,
        after,
        limit: PAGE_SIZE,
    };
    match state.app.case_queue(&client, &actor, &query).await {
        Ok(found) => {
            // Supervisors may see who holds each case by name; officers see "you" or "another".
            let names: HashMap<UserId, String> = match state.app.assignable_staff(&actor).await {
                Ok(staff) => staff.into_iter().map(|s| (s.id, s.full_name)).collect(),
                Err(_) => HashMap::new(),
            };
            page.next =
                found.next.map(|(at, id)| format!("/staff/cases?{}&after={at}.{id}", params.query_string()));
            page.rows = found.items.into_iter().map(|item| row(&page.frame, item, &names)).collect();
            html(&page)
        }
        Err(AppError::Validation(problems)) => {
            for problem in problems {
                let message = page.frame.t(&problem.message_id);
                let (anchor, slot) = match problem.field.as_str() {
                    "status" => ("status", &mut page.status_error),
                    "port" => ("port", &mut page.port_error),
                    _ => ("older_than_days", &mut page.age_error),
                };
                slot.get_or_insert_with(|| message.clone());
                page.errors.push((anchor.to_string(), message));
            }
            (StatusCode::UNPROCESSABLE_ENTITY, html(&page)).into_response()
        }
        Err(e) => refused(e),
    }
}
