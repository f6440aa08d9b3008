//! Advance information and cases: traveler profiles, submitting an application, and reading
//! one's cases (travelers) or any case (officers and supervisors, audited).

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use puerta_app::cases::{CaseDetail, CaseSummary, Receipt};
use puerta_domain::cases::{DocumentInput, TravelerInput, UsAddressInput};
use puerta_domain::ids::CaseId;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AppState;
use crate::api::json::ApiJson;
use crate::api::openapi::{JsonBody, LanguageCode, QueryString, SignedIn, SignedInWrite};
use crate::api::problem::{ApiError, Problem};
use crate::api::time::rfc3339;
use crate::auth::{ApiActor, Client};

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(add_traveler, list_travelers))
        .routes(routes!(update_traveler, remove_traveler))
        .routes(routes!(submit_application))
        .routes(routes!(list_cases))
        .routes(routes!(get_case))
}

/// An identity document: `{type, number, issuing_country, expiry_date?}`.
#[derive(Deserialize, Serialize, ToSchema)]
pub struct DocumentBody {
    /// `passport`, `national_id`, `birth_certificate` or `other`.
    #[serde(rename = "type")]
    kind: String,
    /// Letters A–Z, digits and dashes, at most 30 (spaces are removed, letters upper-cased).
    #[schema(max_length = 40)]
    number: String,
    /// ISO 3166-1 alpha-2.
    #[schema(pattern = "^[A-Za-z]{2}$")]
    issuing_country: String,
    #[schema(format = Date)]
    expiry_date: Option<String>,
}

/// A traveler: the account holder or a companion.
#[derive(Deserialize, ToSchema)]
pub struct TravelerBody {
    /// Any script, 1–100 characters.
    #[schema(min_length = 1, max_length = 100, example = "Ana")]
    given_name: String,
    #[schema(min_length = 1, max_length = 100, example = "Pérez")]
    family_name: String,
    #[schema(format = Date, example = "1990-07-04")]
    date_of_birth: String,
    /// ISO 3166-1 alpha-2, e.g. `HT`.
    #[schema(pattern = "^[A-Za-z]{2}$", example = "HT")]
    nationality: String,
    #[schema(pattern = "^[A-Za-z]{2}$", example = "HT")]
    country_of_birth: String,
    #[schema(min_length = 1, max_length = 100, example = "Cap-Haïtien")]
    city_of_birth: String,
    #[schema(pattern = "^[A-Za-z]{2}$", example = "MX")]
    country_of_residence: String,
    /// `female`, `male`, `non_binary` or `unspecified`; optional.
    gender: Option<String>,
    #[schema(value_type = LanguageCode)]
    language: String,
    #[schema(pattern = r"^\+[1-9][0-9]{7,14}$")]
    phone: Option<String>,
    #[schema(format = Email, max_length = 254)]
    email: Option<String>,
    document: Option<DocumentBody>,
}

#[derive(Serialize, ToSchema)]
pub struct TravelerOut {
    #[schema(pattern = "^[A-Za-z0-9_-]{1,64}$")]
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
    #[schema(value_type = LanguageCode)]
    language: String,
    phone: Option<String>,
    email: Option<String>,
    document: Option<DocumentBody>,
    #[schema(format = DateTime)]
    created_at: String,
}

impl From<puerta_app::cases::Traveler> for TravelerOut {
    fn from(t: puerta_app::cases::Traveler) -> Self {
        let document = match (t.document_type, t.document_number, t.document_country) {
            (Some(kind), Some(number), Some(issuing_country)) => {
                Some(DocumentBody { kind, number, issuing_country, expiry_date: t.document_expiry })
            }
            _ => None,
        };
        Self {
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
            document,
            created_at: rfc3339(t.created_at),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct TravelerList {
    items: Vec<TravelerOut>,
    next_cursor: Option<String>,
}

/// Add a traveler (yourself or a companion) to your group; at most 10 in all.
#[utoipa::path(post, path = "/api/v1/travelers", tag = "cases", security(("bearer" = [])), request_body = TravelerBody,
    responses(JsonBody, SignedInWrite, (status = 201, body = TravelerOut),
        (status = 409, description = "`group_full`: the group already has 10 travelers", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`validation_failed`: each invalid field in `errors`", body = Problem, content_type = "application/problem+json")))]
async fn add_traveler(
    State(state): State<AppState>,
    Client(client): Client,
    ApiActor(actor): ApiActor,
    ApiJson(body): ApiJson<TravelerBody>,
) -> Result<(StatusCode, Json<TravelerOut>), ApiError> {
    let input = traveler_input(body);
    let traveler = state.app.add_traveler(&client, &actor, input).await?;
    Ok((StatusCode::CREATED, Json(traveler.into())))
}

/// The profile a body describes, for the use cases to validate.
fn traveler_input(body: TravelerBody) -> TravelerInput {
    TravelerInput {
        given_name: body.given_name,
        family_name: body.family_name,
        date_of_birth: body.date_of_birth,
        nationality: body.nationality,
        country_of_birth: body.country_of_birth,
        city_of_birth: body.city_of_birth,
        country_of_residence: body.country_of_residence,
        gender: body.gender,
        language: body.language,
        phone: body.phone,
        email: body.email,
        document: body.document.map(|d| DocumentInput {
            kind: d.kind,
            number: d.number,
            issuing_country: d.issuing_country,
            expiry_date: d.expiry_date,
        }),
    }
}

/// Replace a traveler's profile (while they are in no case yet).
#[utoipa::path(put, path = "/api/v1/travelers/{id}", tag = "cases", security(("bearer" = [])), request_body = TravelerBody,
    params(("id" = String, Path, max_length = 64)),
    responses(JsonBody, SignedInWrite, (status = 200, body = TravelerOut),
        (status = 403, description = "`forbidden`: only travelers enter advance information", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "`not_found`: no such traveler in your group", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "`already_open`: the traveler is in a case; their information is with the officers", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`validation_failed`: each invalid field in `errors`", body = Problem, content_type = "application/problem+json")))]
async fn update_traveler(
    State(state): State<AppState>,
    Client(client): Client,
    ApiActor(actor): ApiActor,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<TravelerBody>,
) -> Result<Json<TravelerOut>, ApiError> {
    let traveler = state.app.update_traveler(&client, &actor, &id, traveler_input(body)).await?;
    Ok(Json(traveler.into()))
}

/// Remove a traveler from your group (while they are in no case yet).
#[utoipa::path(delete, path = "/api/v1/travelers/{id}", tag = "cases", security(("bearer" = [])),
    params(("id" = String, Path, max_length = 64)),
    responses(SignedInWrite, (status = 204, description = "Removed"),
        (status = 403, description = "`forbidden`: only travelers enter advance information", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "`not_found`: no such traveler in your group", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "`already_open`: the traveler is in a case", body = Problem, content_type = "application/problem+json")))]
async fn remove_traveler(
    State(state): State<AppState>,
    Client(client): Client,
    ApiActor(actor): ApiActor,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    state.app.remove_traveler(&client, &actor, &id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Your group's travelers, in the order you entered them.
#[utoipa::path(get, path = "/api/v1/travelers", tag = "cases", security(("bearer" = [])),
    responses(SignedIn, (status = 200, body = TravelerList),
        (status = 403, description = "`forbidden`: only travelers enter advance information", body = Problem, content_type = "application/problem+json")))]
async fn list_travelers(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
) -> Result<Json<TravelerList>, ApiError> {
    let items = state.app.travelers(&actor).await?.into_iter().map(TravelerOut::from).collect();
    Ok(Json(TravelerList { items, next_cursor: None }))
}

#[derive(Deserialize, ToSchema)]
pub struct AddressBody {
    #[schema(min_length = 1, max_length = 100)]
    line1: String,
    #[schema(max_length = 100)]
    line2: Option<String>,
    #[schema(min_length = 1, max_length = 100)]
    city: String,
    /// USPS code: a state, DC or a territory.
    #[schema(pattern = "^[A-Za-z]{2}$", example = "TX")]
    state: String,
    #[schema(pattern = r"^[0-9]{5}(-?[0-9]{4})?$", example = "78520")]
    postal_code: String,
}

#[derive(Deserialize, ToSchema)]
pub struct ApplicationBody {
    /// 1 to 10 of your travelers' ids, none twice.
    #[schema(min_items = 1, max_items = 10)]
    traveler_ids: Vec<String>,
    /// One US address for the whole group.
    us_destination: AddressBody,
    /// The port of entry the group plans to use (a code from `GET /api/v1/ports`), if known.
    #[schema(pattern = "^[A-Za-z]{3}$", example = "SYS")]
    port: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct ReceiptCaseOut {
    traveler_id: String,
    /// 3 letters and 10 digits, the last a check digit.
    #[schema(pattern = "^[A-Z]{3}[0-9]{10}$", example = "PUE4829301758")]
    reference_number: String,
    status: String,
}

#[derive(Serialize, ToSchema)]
pub struct ReceiptOut {
    application_id: String,
    cases: Vec<ReceiptCaseOut>,
}

impl From<Receipt> for ReceiptOut {
    fn from(r: Receipt) -> Self {
        Self {
            application_id: r.application_id.to_string(),
            cases: r
                .cases
                .into_iter()
                .map(|c| ReceiptCaseOut {
                    traveler_id: c.traveler_id.to_string(),
                    reference_number: c.reference_number.to_string(),
                    status: c.status.as_str().to_string(),
                })
                .collect(),
        }
    }
}

/// Send your group's advance information: one case per traveler, each with its reference number.
#[utoipa::path(post, path = "/api/v1/applications", tag = "cases", security(("bearer" = [])), request_body = ApplicationBody,
    responses(JsonBody, SignedInWrite, (status = 201, body = ReceiptOut),
        (status = 409, description = "`group_full` (more than 10) or `already_open` (a traveler's case is still open)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`validation_failed`: an unknown or repeated traveler, or the address", body = Problem, content_type = "application/problem+json")))]
async fn submit_application(
    State(state): State<AppState>,
    Client(client): Client,
    ApiActor(actor): ApiActor,
    ApiJson(body): ApiJson<ApplicationBody>,
) -> Result<(StatusCode, Json<ReceiptOut>), ApiError> {
    let a = body.us_destination;
    let destination = UsAddressInput {
        line1: a.line1,
        line2: a.line2,
        city: a.city,
        state: a.state,
        postal_code: a.postal_code,
    };
    let receipt = state
        .app
        .submit_application(&client, &actor, &body.traveler_ids, &destination, body.port.as_deref())
        .await?;
    Ok((StatusCode::CREATED, Json(receipt.into())))
}

#[derive(Serialize, ToSchema)]
pub struct CaseSummaryOut {
    #[schema(pattern = "^[A-Z]{3}[0-9]{10}$")]
    reference_number: String,
    status: String,
    traveler_name: String,
    #[schema(format = DateTime)]
    opened_at: String,
    #[schema(format = DateTime)]
    updated_at: String,
}

impl From<CaseSummary> for CaseSummaryOut {
    fn from(c: CaseSummary) -> Self {
        Self {
            reference_number: c.reference_number.to_string(),
            status: c.status.as_str().to_string(),
            traveler_name: c.traveler_name,
            opened_at: rfc3339(c.opened_at),
            updated_at: rfc3339(c.updated_at),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct CaseList {
    items: Vec<CaseSummaryOut>,
    next_cursor: Option<String>,
}

#[derive(Deserialize, IntoParams)]
#[serde(default)]
#[derive(Default)]
pub struct CaseParams {
    /// Staff only: one status, e.g. `received`.
    #[param(max_length = 40)]
    status: Option<String>,
    /// The `next_cursor` of the previous page.
    #[param(max_length = 200)]
    cursor: Option<String>,
    /// 1–100; default 50.
    #[param(minimum = 1, maximum = 100)]
    limit: Option<i64>,
}

/// Cursor of a case list or the queue: `<opened_at>.<case id>`.
pub(crate) fn parse_cursor(cursor: Option<&str>) -> Result<Option<(i64, CaseId)>, ApiError> {
    let Some(cursor) = cursor.filter(|c| !c.is_empty()) else { return Ok(None) };
    let bad = || ApiError::field("cursor", "error-cursor-invalid");
    let (at, id) = cursor.split_once('.').ok_or_else(bad)?;
    Ok(Some((at.parse().map_err(|_| bad())?, CaseId::parse(id).map_err(|_| bad())?)))
}

/// Your cases (travelers), or every case (officers and supervisors, `?status=` to filter), newest first.
#[utoipa::path(get, path = "/api/v1/cases", tag = "cases", security(("bearer" = [])), params(CaseParams),
    responses(QueryString, SignedIn, (status = 200, body = CaseList),
        (status = 403, description = "`forbidden` or `mfa_required`", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`validation_failed`: unknown status or bad cursor", body = Problem, content_type = "application/problem+json")))]
async fn list_cases(
    State(state): State<AppState>,
    Client(client): Client,
    ApiActor(actor): ApiActor,
    Query(q): Query<CaseParams>,
) -> Result<Json<CaseList>, ApiError> {
    let before = parse_cursor(q.cursor.as_deref())?;
    let page = state.app.cases(&client, &actor, q.status.as_deref(), before, q.limit.unwrap_or(50)).await?;
    Ok(Json(CaseList {
        items: page.items.into_iter().map(CaseSummaryOut::from).collect(),
        next_cursor: page.next.map(|(at, id)| format!("{at}.{id}")),
    }))
}

#[derive(Serialize, ToSchema)]
pub struct EventOut {
    #[schema(format = DateTime)]
    at: String,
    status: String,
    /// The status in plain words, in the reader's language.
    sub_status: String,
}

#[derive(Serialize, ToSchema)]
pub struct CaseOut {
    #[schema(pattern = "^[A-Z]{3}[0-9]{10}$")]
    reference_number: String,
    status: String,
    /// Where the case stands, in plain words, in the reader's language.
    sub_status: String,
    /// What is expected of the traveler next, in the reader's language.
    next_step: String,
    traveler_name: String,
    #[schema(format = DateTime)]
    opened_at: String,
    #[schema(format = DateTime)]
    updated_at: String,
    events: Vec<EventOut>,
    documents: Vec<CaseDocumentOut>,
    /// What officers asked the traveler to send, oldest first.
    evidence_requests: Vec<EvidenceRequestOut>,
    /// The decision, once there is one.
    decision: Option<DecisionOut>,
    /// The appeal, once made.
    appeal: Option<AppealOut>,
}

#[derive(Serialize, ToSchema)]
pub struct EvidenceItemOut {
    description: String,
}

#[derive(Serialize, ToSchema)]
pub struct EvidenceRequestOut {
    items: Vec<EvidenceItemOut>,
    /// The last day to send the documents (UTC).
    #[schema(format = Date)]
    due_date: String,
    #[schema(format = DateTime)]
    due_at: String,
    #[schema(format = DateTime)]
    requested_at: String,
    #[schema(format = DateTime)]
    answered_at: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct ReasonOut {
    code: String,
    /// The reason in plain words, in the reader's language.
    title: String,
}

#[derive(Serialize, ToSchema)]
pub struct DecisionOut {
    /// `approved` or `denied`.
    outcome: String,
    reasons: Vec<ReasonOut>,
    narrative: String,
    #[schema(format = DateTime)]
    decided_at: String,
    /// Denials: the last day to appeal (UTC).
    #[schema(format = Date)]
    appeal_deadline_date: Option<String>,
    #[schema(format = DateTime)]
    appeal_deadline_at: Option<String>,
    /// Approvals: what to do next, in the reader's language.
    next_steps: Option<String>,
}

/// The traveler's appeal and, once decided, its outcome.
#[derive(Serialize, ToSchema)]
pub struct AppealOut {
    statement: String,
    #[schema(format = DateTime)]
    submitted_at: String,
    /// `upheld` (the denial stands) or `granted` (reversed), once decided.
    outcome: Option<String>,
    narrative: Option<String>,
    #[schema(format = DateTime)]
    decided_at: Option<String>,
}

/// The UTC day of the last moment before an exclusive deadline.
fn last_day(deadline_ms: i64) -> String {
    chrono::DateTime::from_timestamp_millis(deadline_ms.saturating_sub(1))
        .map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

/// One document of a case (download it at `/api/v1/documents/{id}`).
#[derive(Serialize, ToSchema)]
pub struct CaseDocumentOut {
    id: String,
    /// `passport`, `national_id`, `birth_certificate`, `evidence`, `appeal` or `other`.
    kind: String,
    content_type: String,
    size: i64,
    #[schema(format = DateTime)]
    uploaded_at: String,
}

impl From<puerta_app::cases::DocumentSummary> for CaseDocumentOut {
    fn from(d: puerta_app::cases::DocumentSummary) -> Self {
        Self {
            id: d.id.to_string(),
            kind: d.kind,
            content_type: d.content_type,
            size: d.size,
            uploaded_at: rfc3339(d.uploaded_at),
        }
    }
}

fn case_out(c: CaseDetail, language: puerta_i18n::Language) -> CaseOut {
    let t = |id: &str| puerta_i18n::t(language, id);
    CaseOut {
        reference_number: c.reference_number.to_string(),
        status: c.status.as_str().to_string(),
        sub_status: t(c.status.public_message_id()),
        next_step: t(c.status.next_step_message_id()),
        traveler_name: c.traveler_name,
        opened_at: rfc3339(c.opened_at),
        updated_at: rfc3339(c.updated_at),
        events: c
            .events
            .into_iter()
            .map(|e| EventOut {
                at: rfc3339(e.at),
                status: e.status.as_str().to_string(),
                sub_status: t(e.status.public_message_id()),
            })
            .collect(),
        documents: c.documents.into_iter().map(CaseDocumentOut::from).collect(),
        evidence_requests: c
            .evidence_requests
            .into_iter()
            .map(|r| EvidenceRequestOut {
                items: r.items.into_iter().map(|description| EvidenceItemOut { description }).collect(),
                due_date: last_day(r.due_at),
                due_at: rfc3339(r.due_at),
                requested_at: rfc3339(r.created_at),
                answered_at: r.answered_at.map(rfc3339),
            })
            .collect(),
        decision: c.decision.map(|d| DecisionOut {
            outcome: d.outcome.to_string(),
            reasons: d
                .reason_codes
                .iter()
                .map(|code| ReasonOut { title: d.reason_text(language, code), code: code.clone() })
                .collect(),
            next_steps: d.next_steps_message_id().map(t),
            narrative: d.narrative,
            decided_at: rfc3339(d.decided_at),
            appeal_deadline_date: d.appeal_deadline_at.map(last_day),
            appeal_deadline_at: d.appeal_deadline_at.map(rfc3339),
        }),
        appeal: c.appeal.map(|a| AppealOut {
            statement: a.statement,
            submitted_at: rfc3339(a.submitted_at),
            outcome: a.outcome,
            narrative: a.narrative,
            decided_at: a.decided_at.map(rfc3339),
        }),
    }
}

/// One case by its reference number (spaces and dashes allowed). A mistyped number is refused by
/// its check digit (422) before any lookup; another group's case is 404.
#[utoipa::path(get, path = "/api/v1/cases/{reference_number}", tag = "cases", security(("bearer" = [])),
    params(("reference_number" = String, Path, description = "e.g. `PUE4829301758`", max_length = 20)),
    responses(SignedIn, (status = 200, body = CaseOut),
        (status = 403, description = "`forbidden` or `mfa_required`", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "`not_found`: no such case, or not yours", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`validation_failed`: not a reference number, or a typing mistake caught by the check digit", body = Problem, content_type = "application/problem+json")))]
async fn get_case(
    State(state): State<AppState>,
    Client(client): Client,
    ApiActor(actor): ApiActor,
    Path(reference): Path<String>,
) -> Result<Json<CaseOut>, ApiError> {
    let detail = state.app.case(&client, &actor, &reference).await?;
    Ok(Json(case_out(detail, actor.language)))
}
