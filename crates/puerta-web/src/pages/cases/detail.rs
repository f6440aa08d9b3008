//! One case as its traveler reads it, and the errors a refused step puts on it.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use puerta_app::AppError;
use puerta_app::accounts::{Actor, Profile, RequestContext};
use puerta_app::cases::{CaseDetail, DOCUMENT_KINDS, DocumentSummary, size_text};
use puerta_domain::cases::CaseStatus;
use puerta_i18n::{Arg, Language, format_in_zone, t, t_args};

use crate::AppState;
use crate::api::problem::ApiError;
use crate::auth::{Client, PageActor};
use crate::pages::form::form_errors;
use crate::pages::frame::Frame;
use crate::pages::{Ctx, MessagePage};

/// The open request for evidence: each document asked for, and by when (in the reader's zone).
pub struct EvidenceView {
    pub items: Vec<String>,
    pub due: String,
    /// The due moment has passed.
    pub overdue: bool,
}

pub struct DocumentRow {
    pub href: String,
    pub kind: String,
    pub format: &'static str,
    pub size: String,
    pub uploaded: String,
}

pub struct DecisionView {
    pub approved: bool,
    /// An approval's standard next steps.
    pub next_steps: Option<String>,
    /// Each reason in plain words, in the reader's language.
    pub reasons: Vec<String>,
    /// The officer's own words, a paragraph a line.
    pub narrative: Vec<String>,
    pub decided: String,
    /// "Your appeal must arrive before …" for a denial.
    pub appeal_deadline: Option<String>,
}

/// The traveler's appeal, once made, and the supervisor's decision on it.
pub struct AppealView {
    pub statement: Vec<String>,
    pub submitted: String,
    /// Once decided: the outcome in plain words, the supervisor's own words, and when.
    pub outcome: Option<String>,
    pub narrative: Vec<String>,
    pub decided: Option<String>,
}

/// What a refused step puts on the page: the summary (anchor, message) and each message beside
/// its field; the values the traveler gave, so nothing typed is lost.
#[derive(Default)]
pub struct PageErrors {
    pub summary: Vec<(String, String)>,
    pub kind: Option<String>,
    pub file: Option<String>,
    pub statement: Option<String>,
    /// A refusal about the case as a whole (a step it can no longer take), shown by its status.
    pub general: Option<String>,
    pub chosen_kind: Option<String>,
    pub statement_value: String,
}

impl PageErrors {
    /// Sorts `problems` (field, message) beside the page's fields; others go beside the status.
    pub fn from_problems(problems: Vec<(String, String)>) -> Self {
        let mut errors = Self::default();
        for (field, message) in problems {
            let (anchor, slot) = match field.as_str() {
                "kind" => ("kind", &mut errors.kind),
                "file" => ("file", &mut errors.file),
                "statement" => ("statement", &mut errors.statement),
                _ => ("case-status", &mut errors.general),
            };
            if slot.is_none() {
                *slot = Some(message.clone());
            }
            errors.summary.push((anchor.to_string(), message));
        }
        errors
    }
}

#[derive(Template)]
#[template(path = "case_detail.html")]
pub struct CasePage {
    pub frame: Frame,
    pub reference: String,
    pub reference_grouped: String,
    pub traveler_name: String,
    pub tag: String,
    pub status_text: String,
    pub next_step: String,
    pub evidence: Option<EvidenceView>,
    pub show_upload: bool,
    pub show_answer: bool,
    /// (value, label, selected) of the `kind` select.
    pub kinds: Vec<(String, String, bool)>,
    pub documents: Vec<DocumentRow>,
    pub decision: Option<DecisionView>,
    pub appeal_open: bool,
    /// A denial whose appeal time has ended, in words.
    pub appeal_closed: Option<String>,
    pub appeal: Option<AppealView>,
    pub can_withdraw: bool,
    /// (when, what) newest first.
    pub timeline: Vec<(String, String)>,
    pub errors: PageErrors,
}

/// `PDF`, `JPEG`…: the format's own name (the same in every language).
fn format_name(content_type: &str) -> &'static str {
    match content_type {
        "application/pdf" => "PDF",
        "image/jpeg" => "JPEG",
        "image/png" => "PNG",
        "image/tiff" => "TIFF",
        _ => "",
    }
}

fn document_row(lang: Language, when: &dyn Fn(i64) -> String, d: &DocumentSummary) -> DocumentRow {
    DocumentRow {
        href: format!("/documents/{}", d.id),
        kind: t(lang, &format!("casepage-kind-{}", d.kind)),
        format: format_name(&d.content_type),
        size: size_text(u64::try_from(d.size).unwrap_or(0)),
        uploaded: when(d.uploaded_at),
    }
}

/// Text someone wrote over several lines, a paragraph a line (HTML would run them together).
fn paragraphs(text: &str) -> Vec<String> {
    text.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_string).collect()
}

/// The short status tag (text, never colour alone).
pub fn tag(lang: Language, status: CaseStatus) -> String {
    t(lang, &format!("casepage-tag-{}", status.as_str()))
}

/// Where a traveler can still add documents: until the case is closed for good.
fn accepts_documents(status: CaseStatus) -> bool {
    !status.is_terminal() && status != CaseStatus::AppealReceived
}

impl CasePage {
    /// The page for `reader` (whose time zone every time is shown in) at `now`.
    pub fn new(frame: Frame, case: CaseDetail, reader: &Profile, now: i64, errors: PageErrors) -> Self {
        let lang = frame.lang;
        let zone = reader.time_zone;
        let when = move |ms: i64| format_in_zone(lang, ms, zone);
        let status = case.status;
        let evidence = case
            .evidence_requests
            .iter()
            .rev()
            .find(|r| r.answered_at.is_none() && status == CaseStatus::EvidenceRequested)
            .map(|r| EvidenceView {
                items: r.items.clone(),
                due: t_args(lang, "casepage-evidence-due", vec![("time", Arg::from(when(r.due_at)))]),
                overdue: r.due_at <= now,
            });
        let appeal_deadline_at = case.decision.as_ref().and_then(|d| d.appeal_deadline_at);
        let appeal_open = status == CaseStatus::Denied && appeal_deadline_at.is_some_and(|d| now < d);
        let appeal_closed = appeal_deadline_at
            .filter(|_| status == CaseStatus::Denied && !appeal_open)
            .map(|d| t_args(lang, "casepage-appeal-closed", vec![("time", Arg::from(when(d)))]));
        let decision = case.decision.as_ref().map(|d| DecisionView {
            approved: d.outcome == "approved",
            next_steps: d.next_steps_message_id().map(|id| t(lang, id)),
            reasons: d.reason_codes.iter().map(|c| d.reason_text(lang, c)).collect(),
            narrative: paragraphs(&d.narrative),
            decided: when(d.decided_at),
            appeal_deadline: d
                .appeal_deadline_at
                .map(|at| t_args(lang, "casepage-appeal-deadline", vec![("time", Arg::from(when(at)))])),
        });
        let chosen = errors.chosen_kind.clone().unwrap_or_else(|| {
            match status {
                CaseStatus::EvidenceRequested => "evidence",
                CaseStatus::Denied => "appeal",
                _ => "",
            }
            .to_string()
        });
        let mut kinds = vec![(String::new(), t(lang, "casepage-kind-choose"), chosen.is_empty())];
        kinds.extend(
            DOCUMENT_KINDS
                .iter()
                .map(|k| (k.to_string(), t(lang, &format!("casepage-kind-{k}")), *k == chosen)),
        );
        let timeline =
            case.events.iter().rev().map(|e| (when(e.at), t(lang, e.status.public_message_id()))).collect();
        Self {
            reference: case.reference_number.as_str().to_string(),
            reference_grouped: case.reference_number.grouped(),
            traveler_name: case.traveler_name.clone(),
            tag: tag(lang, status),
            status_text: t(lang, status.public_message_id()),
            next_step: t(lang, status.next_step_message_id()),
            evidence,
            // A denial takes documents only for its appeal, while there is time to make one.
            show_upload: accepts_documents(status) && (status != CaseStatus::Denied || appeal_open),
            show_answer: status == CaseStatus::EvidenceRequested,
            kinds,
            documents: case.documents.iter().rev().map(|d| document_row(lang, &when, d)).collect(),
            decision,
            appeal_open,
            appeal_closed,
            appeal: case.appeal.as_ref().map(|a| AppealView {
                statement: paragraphs(&a.statement),
                submitted: when(a.submitted_at),
                outcome: a.outcome.as_deref().map(|o| t(lang, &format!("case-status-appeal_{o}"))),
                narrative: a.narrative.as_deref().map(paragraphs).unwrap_or_default(),
                decided: a.decided_at.map(when),
            }),
            can_withdraw: can_withdraw(status),
            timeline,
            errors,
            frame,
        }
    }

    pub fn render_with(self, status: StatusCode) -> Response {
        match self.render() {
            Ok(html) => (status, Html(html)).into_response(),
            Err(e) => {
                tracing::error!(error = %e, "template failed");
                ApiError::internal().into_response()
            }
        }
    }
}

/// Before a decision the traveler may withdraw (the domain's table says the same; this only
/// decides whether the page offers it).
pub fn can_withdraw(status: CaseStatus) -> bool {
    !status.is_decided() && !status.is_terminal()
}

/// The case and its reader's profile (for their time zone), or the answer to give instead: a
/// mistyped reference number is a page saying so; another traveler's case, like a missing one,
/// is 404.
pub async fn load(
    state: &AppState,
    ctx: &Ctx,
    client: &RequestContext,
    actor: &Actor,
    reference: &str,
) -> Result<(CaseDetail, Profile), Response> {
    let case = match state.app.case(client, actor, reference).await {
        Ok(case) => case,
        Err(AppError::Validation(problems)) => {
            let frame = ctx.frame(state, Some(actor));
            let message = problems
                .first()
                .map_or_else(|| frame.t("error-reference-format"), |p| frame.t(&p.message_id));
            let page = MessagePage {
                title: frame.t("casepage-mistyped-title"),
                paragraphs: vec![message],
                reference: None,
                links: vec![("/cases".to_string(), frame.t("casepage-back-to-cases"))],
                frame,
            };
            let body = page.render().unwrap_or_default();
            return Err((StatusCode::NOT_FOUND, Html(body)).into_response());
        }
        Err(e) => return Err(ApiError::from(e).into_response()),
    };
    let reader = state.app.me(actor).await.map_err(|e| ApiError::from(e).into_response())?;
    Ok((case, reader))
}

pub async fn show(
    ctx: Ctx,
    State(state): State<AppState>,
    Client(client): Client,
    PageActor(actor): PageActor,
    Path(reference): Path<String>,
) -> Response {
    match load(&state, &ctx, &client, &actor, &reference).await {
        Ok((case, reader)) => {
            let frame = ctx.frame(&state, Some(&actor));
            CasePage::new(frame, case, &reader, state.app.now_ms(), PageErrors::default())
                .render_with(StatusCode::OK)
        }
        Err(response) => response,
    }
}

/// A step on the case was refused: the case page again with the errors (422 for what the
/// traveler can fix on the page, 409 for a step the case can no longer take, 429 when
/// throttled), or an error page when it is not about the page at all.
pub async fn refused(
    state: &AppState,
    ctx: &Ctx,
    client: &RequestContext,
    actor: &Actor,
    reference: &str,
    error: AppError,
    keep: impl FnOnce(&mut PageErrors),
) -> Response {
    let lang = ctx.frame(state, Some(actor)).lang;
    let (status, problems) = match &error {
        AppError::Validation(problems) if problems.iter().any(|p| p.field == "reference_number") => {
            // The same answer as reading the case with that number.
            return match load(state, ctx, client, actor, reference).await {
                Err(response) => response,
                Ok(_) => ApiError::from(error).into_response(),
            };
        }
        AppError::Validation(problems) => (StatusCode::UNPROCESSABLE_ENTITY, field_messages(lang, problems)),
        AppError::Conflict(_) => match form_errors(&error, lang, "case") {
            Some(problems) => (StatusCode::CONFLICT, problems),
            None => return ApiError::from(error).into_response(),
        },
        AppError::Throttled { .. } => match form_errors(&error, lang, "case") {
            Some(problems) => (StatusCode::TOO_MANY_REQUESTS, problems),
            None => return ApiError::from(error).into_response(),
        },
        _ => return ApiError::from(error).into_response(),
    };
    match load(state, ctx, client, actor, reference).await {
        Ok((case, reader)) => {
            let mut errors = PageErrors::from_problems(problems);
            keep(&mut errors);
            let frame = ctx.frame(state, Some(actor));
            let mut response =
                CasePage::new(frame, case, &reader, state.app.now_ms(), errors).render_with(status);
            if let AppError::Throttled { retry_after_secs } = error {
                response.headers_mut().insert(axum::http::header::RETRY_AFTER, retry_after_secs.into());
            }
            response
        }
        Err(response) => response,
    }
}

/// Each field problem in words, with its arguments (`limit` = `6 MB`).
fn field_messages(lang: Language, problems: &[puerta_app::FieldProblem]) -> Vec<(String, String)> {
    problems
        .iter()
        .map(|p| {
            let args = p.args.iter().map(|(name, value)| (*name, Arg::from(value.as_str()))).collect();
            (p.field.clone(), t_args(lang, &p.message_id, args))
        })
        .collect()
}
