//! Working on a case through the API: officers claim, move, request evidence and decide;
//! the account holder answers a request for evidence and appeals a denial; a supervisor who did
//! not decide the case decides the appeal. Every step is one use case in `puerta_app::cases`.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use puerta_app::cases::CaseMoved;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AppState;
use crate::api::json::ApiJson;
use crate::api::openapi::{JsonBody, SignedIn, SignedInWrite};
use crate::api::problem::{ApiError, Problem};
use crate::api::time::rfc3339;
use crate::auth::{ApiActor, Client};

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(claim_case))
        .routes(routes!(transition_case))
        .routes(routes!(request_evidence))
        .routes(routes!(answer_evidence))
        .routes(routes!(list_reason_codes))
        .routes(routes!(decide_case))
        .routes(routes!(appeal_case))
        .routes(routes!(decide_appeal))
}

/// A case's new status.
#[derive(Serialize, ToSchema)]
pub struct CaseMovedOut {
    #[schema(pattern = "^[A-Z]{3}[0-9]{10}$")]
    reference_number: String,
    status: String,
}

impl From<CaseMoved> for CaseMovedOut {
    fn from(m: CaseMoved) -> Self {
        Self { reference_number: m.reference_number.to_string(), status: m.status.as_str().to_string() }
    }
}

/// Take a case to work on it. Two officers at once: exactly one wins.
#[utoipa::path(post, path = "/api/v1/staff/cases/{reference_number}/claim", tag = "cases", security(("bearer" = [])),
    params(("reference_number" = String, Path, description = "e.g. `PUE4829301758`", max_length = 20)),
    responses(SignedInWrite, (status = 204, description = "The case is yours"),
        (status = 403, description = "`forbidden` (not an officer or supervisor) or `mfa_required`", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "`not_found`: no such case", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "`already_claimed`: another officer holds the case", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`validation_failed`: not a reference number", body = Problem, content_type = "application/problem+json")))]
async fn claim_case(
    State(state): State<AppState>,
    Client(client): Client,
    ApiActor(actor): ApiActor,
    Path(reference): Path<String>,
) -> Result<StatusCode, ApiError> {
    state.app.claim_case(&client, &actor, &reference).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize, ToSchema)]
pub struct TransitionBody {
    /// The status to move to, e.g. `in_review`.
    #[schema(max_length = 40, example = "in_review")]
    to: String,
    /// Officer-only: kept on the case event, never shown to the traveler.
    #[schema(max_length = 4000)]
    note: Option<String>,
}

/// Move a case to another status (`in_review`; requests for evidence, decisions and appeals have
/// their own endpoints).
#[utoipa::path(post, path = "/api/v1/staff/cases/{reference_number}/transitions", tag = "cases", security(("bearer" = [])),
    params(("reference_number" = String, Path, description = "e.g. `PUE4829301758`", max_length = 20)),
    request_body = TransitionBody,
    responses(JsonBody, SignedInWrite, (status = 200, body = CaseMovedOut),
        (status = 403, description = "`forbidden` or `mfa_required`", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "`not_found`: no such case", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "`illegal_transition`: no such step from the case's status", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`validation_failed`: unknown status or reference number", body = Problem, content_type = "application/problem+json")))]
async fn transition_case(
    State(state): State<AppState>,
    Client(client): Client,
    ApiActor(actor): ApiActor,
    Path(reference): Path<String>,
    ApiJson(body): ApiJson<TransitionBody>,
) -> Result<Json<CaseMovedOut>, ApiError> {
    let moved =
        state.app.transition_case_noted(&client, &actor, &reference, &body.to, body.note.as_deref()).await?;
    Ok(Json(moved.into()))
}

#[derive(Deserialize, Serialize, ToSchema)]
pub struct EvidenceItem {
    /// The document asked for, in plain words.
    #[schema(min_length = 1, max_length = 4000)]
    description: String,
}

#[derive(Deserialize, ToSchema)]
pub struct EvidenceRequestBody {
    #[schema(min_items = 1, max_items = 20)]
    items: Vec<EvidenceItem>,
    /// The last day to send them: from tomorrow to 12 weeks ahead; default 30 days.
    #[schema(format = Date)]
    due_date: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct EvidenceRequestCreated {
    id: String,
    items: Vec<EvidenceItem>,
    #[schema(format = DateTime)]
    due_at: String,
    status: String,
}

/// Ask the traveler for documents, by a due date. The case waits (`evidence_requested`).
#[utoipa::path(post, path = "/api/v1/staff/cases/{reference_number}/evidence-requests", tag = "cases", security(("bearer" = [])),
    params(("reference_number" = String, Path, description = "e.g. `PUE4829301758`", max_length = 20)),
    request_body = EvidenceRequestBody,
    responses(JsonBody, SignedInWrite, (status = 201, body = EvidenceRequestCreated),
        (status = 403, description = "`forbidden` or `mfa_required`", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "`not_found`: no such case", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "`illegal_transition`: the case is not in review", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`validation_failed`: no items, or a due date out of range", body = Problem, content_type = "application/problem+json")))]
async fn request_evidence(
    State(state): State<AppState>,
    Client(client): Client,
    ApiActor(actor): ApiActor,
    Path(reference): Path<String>,
    ApiJson(body): ApiJson<EvidenceRequestBody>,
) -> Result<(StatusCode, Json<EvidenceRequestCreated>), ApiError> {
    let items: Vec<String> = body.items.into_iter().map(|i| i.description).collect();
    let request =
        state.app.request_evidence(&client, &actor, &reference, &items, body.due_date.as_deref()).await?;
    Ok((
        StatusCode::CREATED,
        Json(EvidenceRequestCreated {
            id: request.id,
            items: request.items.into_iter().map(|description| EvidenceItem { description }).collect(),
            due_at: rfc3339(request.due_at),
            status: "evidence_requested".into(),
        }),
    ))
}

/// Tell the officer you sent what was asked: the case moves to `evidence_received`.
#[utoipa::path(post, path = "/api/v1/cases/{reference_number}/evidence-answered", tag = "cases", security(("bearer" = [])),
    params(("reference_number" = String, Path, description = "e.g. `PUE4829301758`", max_length = 20)),
    responses(SignedInWrite, (status = 200, body = CaseMovedOut),
        (status = 403, description = "`forbidden`: only the account holder answers", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "`not_found`: no such case, or not yours", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "`illegal_transition`: no evidence is awaited", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`validation_failed`: not a reference number", body = Problem, content_type = "application/problem+json")))]
async fn answer_evidence(
    State(state): State<AppState>,
    Client(client): Client,
    ApiActor(actor): ApiActor,
    Path(reference): Path<String>,
) -> Result<Json<CaseMovedOut>, ApiError> {
    Ok(Json(state.app.answer_evidence(&client, &actor, &reference).await?.into()))
}

#[derive(Serialize, ToSchema)]
pub struct ReasonCodeOut {
    code: String,
    title: String,
}

/// The reasons a denial may cite.
#[utoipa::path(get, path = "/api/v1/staff/reason-codes", tag = "cases", security(("bearer" = [])),
    responses(SignedIn, (status = 200, body = Vec<ReasonCodeOut>),
        (status = 403, description = "`forbidden` or `mfa_required`", body = Problem, content_type = "application/problem+json")))]
async fn list_reason_codes(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
) -> Result<Json<Vec<ReasonCodeOut>>, ApiError> {
    let codes = state.app.reason_codes(&actor).await?;
    Ok(Json(codes.into_iter().map(|c| ReasonCodeOut { code: c.code, title: c.title }).collect()))
}

#[derive(Deserialize, ToSchema)]
pub struct DecisionBody {
    /// `approved` or `denied`.
    #[schema(example = "denied")]
    outcome: String,
    /// A denial cites at least one code from `GET /api/v1/staff/reason-codes`.
    #[serde(default)]
    reason_codes: Vec<String>,
    #[schema(min_length = 1, max_length = 4000)]
    narrative: String,
}

#[derive(Serialize, ToSchema)]
pub struct DecisionCreated {
    outcome: String,
    reason_codes: Vec<String>,
    #[schema(format = DateTime)]
    decided_at: String,
    /// Denials: appeals are accepted until this moment.
    #[schema(format = DateTime)]
    appeal_deadline_at: Option<String>,
}

/// Approve or deny the case; a denial notice goes to the traveler with the reasons and the
/// appeal deadline (30 days).
#[utoipa::path(post, path = "/api/v1/staff/cases/{reference_number}/decision", tag = "cases", security(("bearer" = [])),
    params(("reference_number" = String, Path, description = "e.g. `PUE4829301758`", max_length = 20)),
    request_body = DecisionBody,
    responses(JsonBody, SignedInWrite, (status = 201, body = DecisionCreated),
        (status = 403, description = "`forbidden` or `mfa_required`", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "`not_found`: no such case", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "`illegal_transition` (decided already, or not in review) or `evidence_not_due`", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`validation_failed`: outcome, reason codes or narrative", body = Problem, content_type = "application/problem+json")))]
async fn decide_case(
    State(state): State<AppState>,
    Client(client): Client,
    ApiActor(actor): ApiActor,
    Path(reference): Path<String>,
    ApiJson(body): ApiJson<DecisionBody>,
) -> Result<(StatusCode, Json<DecisionCreated>), ApiError> {
    let d = state
        .app
        .decide_case(&client, &actor, &reference, &body.outcome, &body.reason_codes, &body.narrative)
        .await?;
    Ok((
        StatusCode::CREATED,
        Json(DecisionCreated {
            outcome: d.outcome.as_str().to_string(),
            reason_codes: d.reason_codes,
            decided_at: rfc3339(d.decided_at),
            appeal_deadline_at: d.appeal_deadline_at.map(rfc3339),
        }),
    ))
}

#[derive(Deserialize, ToSchema)]
pub struct AppealBody {
    /// Why the decision should change, in your words.
    #[schema(min_length = 1, max_length = 4000)]
    statement: String,
}

/// Appeal a denial, within 30 days of the decision, once.
#[utoipa::path(post, path = "/api/v1/cases/{reference_number}/appeal", tag = "cases", security(("bearer" = [])),
    params(("reference_number" = String, Path, description = "e.g. `PUE4829301758`", max_length = 20)),
    request_body = AppealBody,
    responses(JsonBody, SignedInWrite, (status = 201, body = CaseMovedOut),
        (status = 403, description = "`forbidden`: only the account holder appeals", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "`not_found`: no such case, or not yours", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "`appeal_late`, `appeal_already_made` or `illegal_transition` (not denied)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`validation_failed`: the statement", body = Problem, content_type = "application/problem+json")))]
async fn appeal_case(
    State(state): State<AppState>,
    Client(client): Client,
    ApiActor(actor): ApiActor,
    Path(reference): Path<String>,
    ApiJson(body): ApiJson<AppealBody>,
) -> Result<(StatusCode, Json<CaseMovedOut>), ApiError> {
    let moved = state.app.appeal_case(&client, &actor, &reference, &body.statement).await?;
    Ok((StatusCode::CREATED, Json(moved.into())))
}

#[derive(Deserialize, ToSchema)]
pub struct AppealDecisionBody {
    /// `upheld` (the denial stands) or `granted` (the denial is reversed).
    #[schema(example = "granted")]
    outcome: String,
    #[schema(min_length = 1, max_length = 4000)]
    narrative: String,
}

/// Decide an appeal (supervisors who did not make the decision).
#[utoipa::path(post, path = "/api/v1/staff/cases/{reference_number}/appeal-decision", tag = "cases", security(("bearer" = [])),
    params(("reference_number" = String, Path, description = "e.g. `PUE4829301758`", max_length = 20)),
    request_body = AppealDecisionBody,
    responses(JsonBody, SignedInWrite, (status = 200, body = CaseMovedOut),
        (status = 403, description = "`forbidden` (not a supervisor) or `mfa_required`", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "`not_found`: no such case", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "`appeal_same_decider` (you made the decision) or `illegal_transition` (no appeal waiting)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`validation_failed`: outcome or narrative", body = Problem, content_type = "application/problem+json")))]
async fn decide_appeal(
    State(state): State<AppState>,
    Client(client): Client,
    ApiActor(actor): ApiActor,
    Path(reference): Path<String>,
    ApiJson(body): ApiJson<AppealDecisionBody>,
) -> Result<Json<CaseMovedOut>, ApiError> {
    Ok(Json(
        state.app.decide_appeal(&client, &actor, &reference, &body.outcome, &body.narrative).await?.into(),
    ))
}
