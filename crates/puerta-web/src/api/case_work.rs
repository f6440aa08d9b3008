//! The officers' side of cases beyond single steps: the work queue with its filters and case
//! clock, the full staff view of a case, officer-only notes, a supervisor's assignment, the
//! traveler's withdrawal, and the admin's list of reasons a denial may cite.

use std::collections::BTreeMap;

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use puerta_app::cases::{QueueItem, QueueQuery, StaffCase};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AppState;
use crate::api::case_processing::CaseMovedOut;
use crate::api::cases::parse_cursor;
use crate::api::json::ApiJson;
use crate::api::openapi::{JsonBody, QueryString, SignedIn, SignedInWrite};
use crate::api::problem::{ApiError, Problem};
use crate::api::time::rfc3339;
use crate::auth::{ApiActor, Client};

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(withdraw_case))
        .routes(routes!(queue))
        .routes(routes!(staff_case))
        .routes(routes!(add_note))
        .routes(routes!(assign_case))
        .routes(routes!(list_all_reason_codes, add_reason_code))
        .routes(routes!(retire_reason_code))
}

/// Withdraw one of your group's cases before it is decided. It closes; you may submit again later.
#[utoipa::path(post, path = "/api/v1/cases/{reference_number}/withdrawal", tag = "cases", security(("bearer" = [])),
    params(("reference_number" = String, Path, description = "e.g. `PUE4829301758`", max_length = 20)),
    responses(SignedInWrite, (status = 200, body = CaseMovedOut),
        (status = 403, description = "`forbidden`: staff cannot withdraw a traveler's case", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "`not_found`: no such case, or not yours", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "`illegal_transition`: the case is already decided or closed", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`validation_failed`: not a reference number", body = Problem, content_type = "application/problem+json")))]
async fn withdraw_case(
    State(state): State<AppState>,
    Client(client): Client,
    ApiActor(actor): ApiActor,
    Path(reference): Path<String>,
) -> Result<Json<CaseMovedOut>, ApiError> {
    Ok(Json(state.app.withdraw_case(&client, &actor, &reference).await?.into()))
}

#[derive(Deserialize, IntoParams, Default)]
#[serde(default)]
pub struct QueueParams {
    /// One status, e.g. `received`.
    #[param(max_length = 40)]
    status: Option<String>,
    /// A port code, e.g. `SYS`: cases whose group plans to use it.
    #[param(max_length = 10)]
    port: Option<String>,
    /// Only cases open at least this many days (1–3650).
    #[param(minimum = 0, maximum = 3650)]
    older_than_days: Option<i64>,
    /// Only the cases you hold.
    mine: Option<bool>,
    /// Only the cases nobody holds.
    unassigned: Option<bool>,
    /// Only cases whose request for evidence is past its due date.
    overdue_evidence: Option<bool>,
    /// The `next_cursor` of the previous page.
    #[param(max_length = 200)]
    cursor: Option<String>,
    /// 1–100; default 50.
    #[param(minimum = 1, maximum = 100)]
    limit: Option<i64>,
}

#[derive(Serialize, ToSchema)]
pub struct QueueItemOut {
    #[schema(pattern = "^[A-Z]{3}[0-9]{10}$")]
    reference_number: String,
    status: String,
    traveler_name: String,
    port: Option<String>,
    #[schema(format = DateTime)]
    opened_at: String,
    /// The case clock: whole days open, not counting days waiting for evidence.
    days_open: i64,
    days_suspended: i64,
    assigned_to: Option<String>,
    assigned_to_me: bool,
    #[schema(format = DateTime)]
    evidence_due_at: Option<String>,
    evidence_overdue: bool,
}

impl From<QueueItem> for QueueItemOut {
    fn from(i: QueueItem) -> Self {
        Self {
            reference_number: i.reference_number.to_string(),
            status: i.status.as_str().to_string(),
            traveler_name: i.traveler_name,
            port: i.port_code,
            opened_at: rfc3339(i.opened_at),
            days_open: i.days_open,
            days_suspended: i.days_suspended,
            assigned_to: i.assigned_to.map(|u| u.to_string()),
            assigned_to_me: i.assigned_to_me,
            evidence_due_at: i.evidence_due_at.map(rfc3339),
            evidence_overdue: i.evidence_overdue,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct QueueOut {
    items: Vec<QueueItemOut>,
    next_cursor: Option<String>,
}

/// The work queue, oldest first (first come, first served), with filters. The read is audited.
#[utoipa::path(get, path = "/api/v1/staff/queue", tag = "cases", security(("bearer" = [])), params(QueueParams),
    responses(QueryString, SignedIn, (status = 200, body = QueueOut),
        (status = 403, description = "`forbidden` (not an officer or supervisor) or `mfa_required`", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`validation_failed`: unknown status or port, age out of range, bad cursor", body = Problem, content_type = "application/problem+json")))]
async fn queue(
    State(state): State<AppState>,
    Client(client): Client,
    ApiActor(actor): ApiActor,
    Query(q): Query<QueueParams>,
) -> Result<Json<QueueOut>, ApiError> {
    let query = QueueQuery {
        status: q.status,
        port: q.port,
        older_than_days: q.older_than_days,
        mine: q.mine.unwrap_or(false),
        unassigned: q.unassigned.unwrap_or(false),
        overdue_evidence: q.overdue_evidence.unwrap_or(false),
        after: parse_cursor(q.cursor.as_deref())?,
        limit: q.limit.unwrap_or(50),
    };
    let page = state.app.case_queue(&client, &actor, &query).await?;
    Ok(Json(QueueOut {
        items: page.items.into_iter().map(QueueItemOut::from).collect(),
        next_cursor: page.next.map(|(at, id)| format!("{at}.{id}")),
    }))
}

#[derive(Serialize, ToSchema)]
pub struct StaffTravelerOut {
    id: String,
    given_name: String,
    family_name: String,
    #[schema(format = Date)]
    date_of_birth: String,
    nationality: String,
    country_of_birth: String,
    city_of_birth: String,
    country_of_residence: String,
    gender: Option<String>,
    language: String,
    phone: Option<String>,
    email: Option<String>,
    document_type: Option<String>,
    document_number: Option<String>,
    document_country: Option<String>,
    #[schema(format = Date)]
    document_expiry: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct DestinationOut {
    line1: String,
    line2: Option<String>,
    city: String,
    state: String,
    postal_code: String,
}

#[derive(Serialize, ToSchema)]
pub struct GroupMemberOut {
    reference_number: String,
    traveler_name: String,
    status: String,
}

#[derive(Serialize, ToSchema)]
pub struct StaffEventOut {
    #[schema(format = DateTime)]
    at: String,
    actor_name: Option<String>,
    from: Option<String>,
    to: String,
    note: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct NoteOut {
    #[schema(format = DateTime)]
    at: String,
    author_name: Option<String>,
    body: String,
}

#[derive(Serialize, ToSchema)]
pub struct StaffAppealOut {
    statement: String,
    #[schema(format = DateTime)]
    submitted_at: String,
    outcome: Option<String>,
    narrative: Option<String>,
    #[schema(format = DateTime)]
    decided_at: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct DecisionSummaryOut {
    outcome: String,
    reason_codes: Vec<String>,
    narrative: String,
    decided_by: Option<String>,
    #[schema(format = DateTime)]
    decided_at: String,
}

/// Everything an officer needs on one case.
#[derive(Serialize, ToSchema)]
pub struct StaffCaseOut {
    reference_number: String,
    status: String,
    traveler: StaffTravelerOut,
    us_destination: DestinationOut,
    port: Option<String>,
    /// The other travelers of the same application.
    group: Vec<GroupMemberOut>,
    history: Vec<StaffEventOut>,
    notes: Vec<NoteOut>,
    assigned_to: Option<String>,
    assigned_to_name: Option<String>,
    assigned_to_me: bool,
    /// The case clock: whole days open, not counting days waiting for evidence.
    days_open: u64,
    days_suspended: u64,
    documents: Vec<crate::api::cases::CaseDocumentOut>,
    decision: Option<DecisionSummaryOut>,
    appeal: Option<StaffAppealOut>,
}

fn staff_case_out(c: StaffCase) -> StaffCaseOut {
    const DAY: u64 = 86_400_000;
    let t = c.traveler;
    let a = c.application;
    StaffCaseOut {
        reference_number: c.detail.reference_number.to_string(),
        status: c.detail.status.as_str().to_string(),
        traveler: StaffTravelerOut {
            id: t.id.to_string(),
            given_name: t.given_name,
            family_name: t.family_name,
            date_of_birth: t.date_of_birth,
            nationality: t.nationality,
            country_of_birth: t.country_of_birth,
            city_of_birth: t.city_of_birth,
            country_of_residence: t.country_of_residence,
            gender: t.gender,
            language: t.language,
            phone: t.phone,
            email: t.email,
            document_type: t.document_type,
            document_number: t.document_number,
            document_country: t.document_country,
            document_expiry: t.document_expiry,
        },
        us_destination: DestinationOut {
            line1: a.us_line1,
            line2: a.us_line2,
            city: a.us_city,
            state: a.us_state,
            postal_code: a.us_postal_code,
        },
        port: a.port_code,
        group: c
            .group
            .into_iter()
            .map(|g| GroupMemberOut {
                reference_number: g.reference_number.to_string(),
                traveler_name: g.traveler_name,
                status: g.status.as_str().to_string(),
            })
            .collect(),
        history: c
            .history
            .into_iter()
            .map(|e| StaffEventOut {
                at: rfc3339(e.at),
                actor_name: e.actor_name,
                from: e.from.map(|s| s.as_str().to_string()),
                to: e.to.as_str().to_string(),
                note: e.note,
            })
            .collect(),
        notes: c
            .notes
            .into_iter()
            .map(|n| NoteOut { at: rfc3339(n.at), author_name: n.author_name, body: n.body })
            .collect(),
        assigned_to_name: c.assigned_to.as_ref().map(|(_, name)| name.clone()),
        assigned_to: c.assigned_to.map(|(id, _)| id.to_string()),
        assigned_to_me: c.assigned_to_me,
        days_open: c.clock.running_ms / DAY,
        days_suspended: c.clock.suspended_ms / DAY,
        documents: c.detail.documents.into_iter().map(crate::api::cases::CaseDocumentOut::from).collect(),
        decision: c.detail.decision.map(|d| DecisionSummaryOut {
            outcome: d.outcome.to_string(),
            reason_codes: d.reason_codes,
            narrative: d.narrative,
            decided_by: c.decided_by.map(|u| u.to_string()),
            decided_at: rfc3339(d.decided_at),
        }),
        appeal: c.appeal.map(|a| StaffAppealOut {
            statement: a.statement,
            submitted_at: rfc3339(a.submitted_at),
            outcome: a.outcome,
            narrative: a.narrative,
            decided_at: a.decided_at.map(rfc3339),
        }),
    }
}

/// The officer's view of a case: profile, group, documents, full history with notes, clock.
/// The read is audited.
#[utoipa::path(get, path = "/api/v1/staff/cases/{reference_number}", tag = "cases", security(("bearer" = [])),
    params(("reference_number" = String, Path, description = "e.g. `PUE4829301758`", max_length = 20)),
    responses(SignedIn, (status = 200, body = StaffCaseOut),
        (status = 403, description = "`forbidden` (not an officer or supervisor) or `mfa_required`", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "`not_found`: no such case", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`validation_failed`: not a reference number", body = Problem, content_type = "application/problem+json")))]
async fn staff_case(
    State(state): State<AppState>,
    Client(client): Client,
    ApiActor(actor): ApiActor,
    Path(reference): Path<String>,
) -> Result<Json<StaffCaseOut>, ApiError> {
    Ok(Json(staff_case_out(state.app.staff_case(&client, &actor, &reference).await?)))
}

#[derive(Deserialize, ToSchema)]
pub struct NoteBody {
    /// Officer-only; never shown to the traveler.
    #[schema(min_length = 1, max_length = 4000)]
    body: String,
}

/// Add an officer-only note to a case.
#[utoipa::path(post, path = "/api/v1/staff/cases/{reference_number}/notes", tag = "cases", security(("bearer" = [])),
    params(("reference_number" = String, Path, description = "e.g. `PUE4829301758`", max_length = 20)),
    request_body = NoteBody,
    responses(JsonBody, SignedInWrite, (status = 201, body = NoteOut),
        (status = 403, description = "`forbidden` or `mfa_required`", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "`not_found`: no such case", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`validation_failed`: empty or too long", body = Problem, content_type = "application/problem+json")))]
async fn add_note(
    State(state): State<AppState>,
    Client(client): Client,
    ApiActor(actor): ApiActor,
    Path(reference): Path<String>,
    ApiJson(body): ApiJson<NoteBody>,
) -> Result<(StatusCode, Json<NoteOut>), ApiError> {
    let note = state.app.add_case_note(&client, &actor, &reference, &body.body).await?;
    Ok((StatusCode::CREATED, Json(NoteOut { at: rfc3339(note.at), author_name: None, body: note.body })))
}

#[derive(Deserialize, ToSchema)]
pub struct AssignBody {
    /// The account id of an officer or supervisor.
    #[schema(max_length = 64)]
    officer_id: String,
}

/// Give a case to an officer (supervisors).
#[utoipa::path(put, path = "/api/v1/staff/cases/{reference_number}/assignment", tag = "cases", security(("bearer" = [])),
    params(("reference_number" = String, Path, description = "e.g. `PUE4829301758`", max_length = 20)),
    request_body = AssignBody,
    responses(JsonBody, SignedInWrite, (status = 204, description = "Assigned"),
        (status = 403, description = "`forbidden` (not a supervisor) or `mfa_required`", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "`not_found`: no such case", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`validation_failed`: the assignee is not an active officer or supervisor", body = Problem, content_type = "application/problem+json")))]
async fn assign_case(
    State(state): State<AppState>,
    Client(client): Client,
    ApiActor(actor): ApiActor,
    Path(reference): Path<String>,
    ApiJson(body): ApiJson<AssignBody>,
) -> Result<StatusCode, ApiError> {
    state.app.assign_case(&client, &actor, &reference, &body.officer_id).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Serialize, ToSchema)]
pub struct AdminReasonCodeOut {
    code: String,
    title: String,
    /// The traveler-facing words by language (reasons an admin added; the seeded ones are in
    /// the translation files).
    titles: Option<BTreeMap<String, String>>,
    retired: bool,
}

/// Every reason a denial may cite, retired ones included (admins).
#[utoipa::path(get, path = "/api/v1/admin/reason-codes", tag = "admin", security(("bearer" = [])),
    responses(SignedIn, (status = 200, body = Vec<AdminReasonCodeOut>),
        (status = 403, description = "`forbidden` (not an admin) or `mfa_required`", body = Problem, content_type = "application/problem+json")))]
async fn list_all_reason_codes(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
) -> Result<Json<Vec<AdminReasonCodeOut>>, ApiError> {
    let codes = state.app.all_reason_codes(&actor).await?;
    Ok(Json(
        codes
            .into_iter()
            .map(|c| AdminReasonCodeOut {
                code: c.code,
                title: c.title,
                titles: c.titles,
                retired: c.retired_at.is_some(),
            })
            .collect(),
    ))
}

#[derive(Deserialize, ToSchema)]
pub struct ReasonCodeBody {
    /// `a-z`, digits and `_`, starting with a letter, 2–64 characters.
    #[schema(pattern = "^[a-z][a-z0-9_]{1,63}$", example = "document_expired")]
    code: String,
    /// The staff name, in English.
    #[schema(min_length = 1, max_length = 300)]
    title: String,
    /// What the traveler reads, in every supported language: `{"en": …, "es": …, "ht": …, "pt": …, "fr": …}`.
    titles: BTreeMap<String, String>,
}

/// Add a reason a denial may cite, with its words in every supported language (admins).
#[utoipa::path(post, path = "/api/v1/admin/reason-codes", tag = "admin", security(("bearer" = [])),
    request_body = ReasonCodeBody,
    responses(JsonBody, SignedInWrite, (status = 201, body = AdminReasonCodeOut),
        (status = 403, description = "`forbidden` (not an admin) or `mfa_required`", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "`reason_code_taken`: the code exists", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`validation_failed`: a bad code, or words missing in a language", body = Problem, content_type = "application/problem+json")))]
async fn add_reason_code(
    State(state): State<AppState>,
    Client(client): Client,
    ApiActor(actor): ApiActor,
    ApiJson(body): ApiJson<ReasonCodeBody>,
) -> Result<(StatusCode, Json<AdminReasonCodeOut>), ApiError> {
    let c = state.app.add_reason_code(&client, &actor, &body.code, &body.title, &body.titles).await?;
    Ok((
        StatusCode::CREATED,
        Json(AdminReasonCodeOut { code: c.code, title: c.title, titles: c.titles, retired: false }),
    ))
}

/// Retire a reason: no longer offered to officers; decisions that cite it keep it (admins).
#[utoipa::path(delete, path = "/api/v1/admin/reason-codes/{code}", tag = "admin", security(("bearer" = [])),
    params(("code" = String, Path, max_length = 64)),
    responses(SignedInWrite, (status = 204, description = "Retired"),
        (status = 403, description = "`forbidden` (not an admin) or `mfa_required`", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "`not_found`: no such active reason", body = Problem, content_type = "application/problem+json")))]
async fn retire_reason_code(
    State(state): State<AppState>,
    Client(client): Client,
    ApiActor(actor): ApiActor,
    Path(code): Path<String>,
) -> Result<StatusCode, ApiError> {
    state.app.retire_reason_code(&client, &actor, &code).await?;
    Ok(StatusCode::NO_CONTENT)
}
