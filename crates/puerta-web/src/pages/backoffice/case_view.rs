//! `/staff/cases/{reference}`: one case for an officer or supervisor (the read is audited by the
//! use cases), and the same page again with the messages of a refused step.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use puerta_app::AppError;
use puerta_app::accounts::{Actor, RequestContext};
use puerta_i18n::t;

use super::case_page::{Extras, StaffCasePage, Step, StepErrors};
use super::refused;
use crate::AppState;
use crate::auth::{Client, PageActor};
use crate::pages::form::form_errors;
use crate::pages::{Ctx, MessagePage};

/// The page, or the answer to give instead: a mistyped reference number is a page saying so
/// (404); anything the policy refuses is its error page.
pub async fn render(
    state: &AppState,
    ctx: &Ctx,
    client: &RequestContext,
    actor: &Actor,
    reference: &str,
    errors: StepErrors,
    status: StatusCode,
) -> Response {
    let case = match state.app.staff_case(client, actor, reference).await {
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
                links: vec![("/staff/cases".to_string(), frame.t("bo-back-to-queue"))],
                frame,
            };
            let body = page.render().unwrap_or_default();
            return (StatusCode::NOT_FOUND, Html(body)).into_response();
        }
        Err(e) => return refused(e),
    };
    let reference = case.detail.reference_number.as_str().to_string();
    let checks = match state.app.case_checks(client, actor, &reference).await {
        Ok(checks) => checks,
        Err(e) => return refused(e),
    };
    let reasons = match state.app.reason_codes(actor).await {
        Ok(reasons) => reasons.into_iter().map(|r| (r.code, r.title)).collect(),
        Err(e) => return refused(e),
    };
    // Only supervisors may assign: for anyone else the policy refuses, and the page offers none.
    let assignees = match state.app.assignable_staff(actor).await {
        Ok(staff) => staff,
        Err(AppError::Forbidden) => Vec::new(),
        Err(e) => return refused(e),
    };
    let reader = match state.app.me(actor).await {
        Ok(profile) => profile,
        Err(e) => return refused(e),
    };
    let extras = Extras { checks, reasons, assignees, now: state.app.now_ms(), reader };
    let frame = ctx.frame(state, Some(actor));
    StaffCasePage::new(frame, actor.role, case, extras, errors).render_with(status)
}

pub async fn show(
    ctx: Ctx,
    State(state): State<AppState>,
    Client(client): Client,
    PageActor(actor): PageActor,
    Path(reference): Path<String>,
) -> Response {
    render(&state, &ctx, &client, &actor, &reference, StepErrors::default(), StatusCode::OK).await
}

/// A step was refused: the case page again with its messages (422 for what the officer can fix
/// in the form, 409 for a step the case cannot take now), or the error page when it is not
/// about the page (403 for a step the policy never allows this person).
#[allow(clippy::too_many_arguments)]
pub async fn step_refused(
    state: &AppState,
    ctx: &Ctx,
    client: &RequestContext,
    actor: &Actor,
    reference: &str,
    error: AppError,
    step: Step,
    keep: impl FnOnce(&mut StepErrors),
) -> Response {
    let lang = actor.language;
    let (status, problems) = match &error {
        // The same answer as reading the case with that number.
        AppError::Validation(problems) if problems.iter().any(|p| p.field == "reference_number") => {
            return render(state, ctx, client, actor, reference, StepErrors::default(), StatusCode::OK).await;
        }
        AppError::Validation(problems) => {
            let messages = problems
                .iter()
                .map(|p| {
                    // The page asks for the date as three numbers, not as the API's `YYYY-MM-DD`.
                    let id = if p.field == "due_date" { "bo-error-due-date" } else { p.message_id.as_str() };
                    (p.field.clone(), t(lang, id))
                })
                .collect();
            (StatusCode::UNPROCESSABLE_ENTITY, messages)
        }
        AppError::Conflict(_) => match form_errors(&error, lang, "case") {
            Some(problems) => (StatusCode::CONFLICT, problems),
            None => return refused(error),
        },
        _ => return refused(error),
    };
    let mut errors = StepErrors::from_problems(step, problems);
    keep(&mut errors);
    render(state, ctx, client, actor, reference, errors, status).await
}
