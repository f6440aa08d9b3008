//! Case checks through the API: officers and supervisors read a case's checks and run them
//! again (`/api/v1/staff/cases/{ref}/checks`); administrators replace the watchlist they screen
//! against (`PUT /api/v1/admin/watchlist`, the CSV as the body). Each is one use case in
//! `puerta_app::cases::checks`.

use axum::Json;
use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use puerta_app::cases::checks::{CaseCheckResult, reason_text};
use puerta_domain::cases::screening::CheckReason;
use puerta_i18n::Language;
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AppState;
use crate::api::openapi::{SignedIn, SignedInWrite};
use crate::api::problem::{ApiError, Problem};
use crate::api::time::rfc3339;
use crate::auth::{ApiActor, Client};

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(replace_watchlist))
        // The watchlist's own cap (5 MB) is the body-limit layer's for this route; every other
        // route keeps `max_body_bytes`.
        .layer(DefaultBodyLimit::disable())
        .routes(routes!(case_checks, run_checks))
}

/// One reason for an outcome: a stable `code`, the facts that code carries, and `detail` in
/// the reader's language.
#[derive(Serialize, ToSchema)]
pub struct CheckReasonOut {
    /// `no_watchlist`, `watchlist_searched`, `watchlist_match`, `no_other_open_case`,
    /// `same_person_open_case` or `shared_address`.
    code: String,
    /// The reason in words, in the reader's language.
    detail: String,
    /// `watchlist_searched`: how many list entries were compared.
    #[serde(skip_serializing_if = "Option::is_none")]
    entries: Option<i64>,
    /// `watchlist_match`: the list entry, its name and date of birth as listed.
    #[serde(skip_serializing_if = "Option::is_none")]
    entry_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    listed_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    listed_date_of_birth: Option<String>,
    /// `watchlist_match`: name similarity, 0–1 (a match is at least 0.9).
    #[serde(skip_serializing_if = "Option::is_none")]
    score: Option<f64>,
    /// `watchlist_match`: `exact`, `day_month_swapped`, `same_year` or `not_listed`.
    #[serde(skip_serializing_if = "Option::is_none")]
    date_of_birth: Option<String>,
    /// `same_person_open_case`: the other case.
    #[serde(skip_serializing_if = "Option::is_none")]
    reference_number: Option<String>,
    /// `shared_address`: distinct account holders giving this address (this one included),
    /// and from how many it is a hit.
    #[serde(skip_serializing_if = "Option::is_none")]
    groups: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    threshold: Option<i64>,
}

fn reason_out(reason: &CheckReason, language: Language) -> CheckReasonOut {
    let mut out = CheckReasonOut {
        code: reason.code().to_string(),
        detail: reason_text(language, reason),
        entries: None,
        entry_id: None,
        listed_name: None,
        listed_date_of_birth: None,
        score: None,
        date_of_birth: None,
        reference_number: None,
        groups: None,
        threshold: None,
    };
    match reason {
        CheckReason::NoWatchlist | CheckReason::NoOtherOpenCase => {}
        CheckReason::WatchlistSearched { entries } => out.entries = Some(*entries),
        CheckReason::WatchlistMatch { entry_id, listed_name, listed_date_of_birth, score, date_of_birth } => {
            out.entry_id = Some(entry_id.clone());
            out.listed_name = Some(listed_name.clone());
            out.listed_date_of_birth = Some(listed_date_of_birth.clone());
            out.score = Some(*score);
            out.date_of_birth = Some(date_of_birth.as_str().to_string());
        }
        CheckReason::SamePersonOpenCase { reference_number } => {
            out.reference_number = Some(reference_number.clone());
        }
        CheckReason::SharedAddress { groups, threshold } => {
            out.groups = Some(*groups);
            out.threshold = Some(*threshold);
        }
    }
    out
}

/// One check's latest result on a case. A `hit` is a lead for the officer: it never changes
/// the case by itself.
#[derive(Serialize, ToSchema)]
pub struct CaseCheckOut {
    /// `watchlist`, `duplicate_person` or `shared_address`.
    kind: String,
    /// `clear` or `hit`.
    outcome: String,
    reasons: Vec<CheckReasonOut>,
    #[schema(format = DateTime)]
    ran_at: String,
    /// Who ran it; absent when it ran at submission.
    #[serde(skip_serializing_if = "Option::is_none")]
    ran_by: Option<String>,
}

fn checks_out(results: Vec<CaseCheckResult>, language: Language) -> Vec<CaseCheckOut> {
    results
        .into_iter()
        .map(|r| CaseCheckOut {
            kind: r.kind.as_str().to_string(),
            outcome: r.outcome.as_str().to_string(),
            reasons: r.reasons.iter().map(|reason| reason_out(reason, language)).collect(),
            ran_at: rfc3339(r.ran_at),
            ran_by: r.ran_by.map(|u| u.to_string()),
        })
        .collect()
}

/// A case's checks: watchlist screening, the same person in another open case, many groups at
/// one US address. Each read is audited.
#[utoipa::path(get, path = "/api/v1/staff/cases/{reference_number}/checks", tag = "cases", security(("bearer" = [])),
    params(("reference_number" = String, Path, description = "e.g. `PUE4829301758`", max_length = 20)),
    responses(SignedIn, (status = 200, body = Vec<CaseCheckOut>),
        (status = 403, description = "`forbidden` (not an officer or supervisor) or `mfa_required`", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "`not_found`: no such case", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`validation_failed`: not a reference number", body = Problem, content_type = "application/problem+json")))]
async fn case_checks(
    State(state): State<AppState>,
    Client(client): Client,
    ApiActor(actor): ApiActor,
    Path(reference): Path<String>,
) -> Result<Json<Vec<CaseCheckOut>>, ApiError> {
    let results = state.app.case_checks(&client, &actor, &reference).await?;
    Ok(Json(checks_out(results, actor.language)))
}

/// Run every check on the case now (after a new watchlist, or when another case changed) and
/// answer the results. Audited.
#[utoipa::path(post, path = "/api/v1/staff/cases/{reference_number}/checks", tag = "cases", security(("bearer" = [])),
    params(("reference_number" = String, Path, description = "e.g. `PUE4829301758`", max_length = 20)),
    responses(SignedInWrite, (status = 200, body = Vec<CaseCheckOut>),
        (status = 403, description = "`forbidden` (not an officer or supervisor) or `mfa_required`", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "`not_found`: no such case", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`validation_failed`: not a reference number", body = Problem, content_type = "application/problem+json")))]
async fn run_checks(
    State(state): State<AppState>,
    Client(client): Client,
    ApiActor(actor): ApiActor,
    Path(reference): Path<String>,
) -> Result<Json<Vec<CaseCheckOut>>, ApiError> {
    let results = state.app.run_checks(&client, &actor, &reference).await?;
    Ok(Json(checks_out(results, actor.language)))
}

#[derive(Serialize, ToSchema)]
pub struct WatchlistOut {
    /// Entries in the list now in force.
    entries: i64,
    /// This upload's version.
    version: String,
    #[schema(format = DateTime)]
    uploaded_at: String,
}

/// Replace the watchlist. The body is the CSV itself (`Content-Type: text/csv`), UTF-8, header
/// `full_name,date_of_birth`; a date of birth is `YYYY-MM-DD`, a year, or empty. At most 5 MB
/// and 100 000 rows. A file with a bad line changes nothing: each bad line is in `errors`
/// (field `file`, the line number in `detail`; line 1 is the header). Cases keep their results
/// until their checks run again.
#[utoipa::path(put, path = "/api/v1/admin/watchlist", tag = "admin", security(("bearer" = [])),
    request_body(content = String, content_type = "text/csv", description = "`full_name,date_of_birth` and one row per listed person"),
    responses(SignedInWrite, (status = 200, body = WatchlistOut),
        (status = 400, description = "`unreadable_body`: the body could not be read", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "`forbidden` (not an administrator) or `mfa_required`", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "`payload_too_large`: the body is over 5 MB", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "`unsupported_media_type`: the body is not `text/csv`", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`validation_failed`: the header, a row (each bad line listed in `errors`), too many rows, or not UTF-8", body = Problem, content_type = "application/problem+json")))]
async fn replace_watchlist(
    State(state): State<AppState>,
    Client(client): Client,
    ApiActor(actor): ApiActor,
    headers: HeaderMap,
    body: Result<Bytes, axum::extract::rejection::BytesRejection>,
) -> Result<Json<WatchlistOut>, ApiError> {
    let csv = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|v| v.trim().eq_ignore_ascii_case("text/csv"));
    if !csv {
        return Err(ApiError::from_status(StatusCode::UNSUPPORTED_MEDIA_TYPE));
    }
    let body = body.map_err(|e| {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            ApiError::from_status(StatusCode::PAYLOAD_TOO_LARGE)
        } else {
            ApiError::new(StatusCode::BAD_REQUEST, crate::api::problem::ProblemCode::UnreadableBody)
        }
    })?;
    let summary = state.app.replace_watchlist(&client, &actor, &body).await?;
    Ok(Json(WatchlistOut {
        entries: summary.entries,
        version: summary.version,
        uploaded_at: rfc3339(summary.uploaded_at),
    }))
}
