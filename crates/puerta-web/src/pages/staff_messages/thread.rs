//! `/staff/messages/{id}`: one conversation for an officer or supervisor (the read is audited
//! and marks it read by the officers), with the steps it offers. Each step is a CSRF-checked form
//! that calls one use case; success comes back with a notice, a refusal shows the page again
//! with its message beside the field ([`ThreadErrors`]).

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use puerta_app::AppError;
use puerta_app::accounts::{Actor, RequestContext};
use puerta_app::messaging::{MessageView, reply_templates};
use puerta_i18n::{format_in_zone, t};
use serde::Deserialize;

use super::inbox::holder;
use super::{case_href, language_name, not_answering, refused, thread_href};
use crate::AppState;
use crate::auth::{Client, PageActor};
use crate::pages::form::{CsrfForm, form_errors, html};
use crate::pages::frame::Frame;
use crate::pages::{Ctx, redirect_notice};

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ShowParams {
    /// A reply template's name: its text goes into the reply box (no JavaScript needed).
    template: String,
}

/// Which form a refused step came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Hold,
    Assign,
    Reply,
}

/// What a refused step puts on the page: the summary (anchor, message), each message beside its
/// field, and what the officer wrote, so nothing is lost.
#[derive(Default)]
struct ThreadErrors {
    summary: Vec<(String, String)>,
    /// Beside who holds the conversation (taking or letting go refused).
    holder: Option<String>,
    officer: Option<String>,
    body: Option<String>,
    body_value: Option<String>,
}

impl ThreadErrors {
    fn from_problems(step: Step, problems: Vec<(String, String)>) -> Self {
        let mut errors = Self::default();
        for (field, message) in problems {
            let (anchor, slot) = match (step, field.as_str()) {
                (Step::Assign, "officer_id") => ("assign-officer", &mut errors.officer),
                (Step::Reply, _) => ("reply-body", &mut errors.body),
                _ => ("holder-title", &mut errors.holder),
            };
            if slot.is_none() {
                *slot = Some(message.clone());
            }
            errors.summary.push((anchor.to_string(), message));
        }
        errors
    }
}

pub struct MessageRow {
    pub from_traveler: bool,
    pub who: String,
    pub when: String,
    /// The text exactly as written: escaped, its line breaks kept by the `message-body` style
    /// (`white-space: pre-wrap`), never a link.
    pub body: String,
    /// (download link, name) of the case documents sent with it.
    pub attachments: Vec<(String, String)>,
}

pub struct TemplateLink {
    pub href: String,
    pub label: String,
    pub body: String,
}

#[derive(Template)]
#[template(path = "staff_messages_thread.html")]
struct ThreadPage {
    frame: Frame,
    id: String,
    subject: String,
    /// (grouped reference, link to the staff case page).
    case: Option<(String, Option<String>)>,
    traveler_language: String,
    traveler_language_code: &'static str,
    holder: String,
    held_by_me: bool,
    /// (id, name and role, selected); empty for anyone who may not give conversations.
    assignees: Vec<(String, String, bool)>,
    messages: Vec<MessageRow>,
    templates: Vec<TemplateLink>,
    templates_intro: String,
    reply: String,
    errors: ThreadErrors,
}

fn message_row(frame: &Frame, zone: chrono_tz::Tz, m: MessageView) -> MessageRow {
    let from_traveler = m.author_role == "traveler";
    MessageRow {
        from_traveler,
        who: frame.t(if from_traveler { "staffmsg-from-traveler" } else { "staffmsg-from-officer" }),
        when: format_in_zone(frame.lang, m.sent_at, zone),
        body: m.body,
        attachments: m
            .attachments
            .into_iter()
            .map(|a| {
                let name = a.name.unwrap_or_else(|| frame.t("staffmsg-attachment"));
                (format!("/staff/documents/{}", super::path_safe(&a.document_id)), name)
            })
            .collect(),
    }
}

/// The page, or the answer to give instead (an unknown or unreachable conversation is the
/// error page, as the use case answers).
#[allow(clippy::too_many_arguments)]
async fn render(
    state: &AppState,
    ctx: &Ctx,
    client: &RequestContext,
    actor: &Actor,
    id: &str,
    template: &str,
    errors: ThreadErrors,
    status: StatusCode,
) -> Response {
    if let Some(refusal) = not_answering(actor) {
        return refusal;
    }
    let view = match state.app.thread(client, actor, id).await {
        Ok(view) => view,
        Err(e) => return refused(e),
    };
    let zone = match state.app.me(actor).await {
        Ok(profile) => profile.time_zone,
        Err(e) => return refused(e),
    };
    // Only supervisors may give a conversation to someone else: for anyone else the policy
    // refuses, and the page offers none.
    let staff = match state.app.assignable_staff(actor).await {
        Ok(staff) => staff,
        Err(AppError::Forbidden) => Vec::new(),
        Err(e) => return refused(e),
    };
    let frame = ctx.frame(state, Some(actor));
    let lang = frame.lang;
    let me = actor.user_id.as_str();
    let names: HashMap<String, String> =
        staff.iter().map(|s| (s.id.as_str().to_string(), s.full_name.clone())).collect();
    let assignees = staff
        .iter()
        .map(|s| {
            let role = t(lang, &format!("role-{}", s.role.as_str()));
            let sid = s.id.as_str().to_string();
            let selected = view.assigned_to.as_deref() == Some(sid.as_str());
            (sid, format!("{} ({role})", s.full_name), selected)
        })
        .collect();
    let href = thread_href(&view.id);
    let offered = reply_templates(lang, view.language);
    let reply = match errors.body_value.clone() {
        Some(kept) => kept,
        None => offered.iter().find(|r| r.name == template).map(|r| r.body.clone()).unwrap_or_default(),
    };
    let templates = offered
        .into_iter()
        .map(|r| TemplateLink {
            href: format!("{href}?template={}#reply-body", r.name),
            label: r.label,
            body: r.body,
        })
        .collect();
    let traveler_language = language_name(lang, view.language);
    let page = ThreadPage {
        templates_intro: frame.t1("staffmsg-templates-intro", "language", &traveler_language),
        traveler_language,
        traveler_language_code: view.language.code(),
        holder: holder(&frame, view.assigned_to.as_deref(), me, &names),
        held_by_me: view.assigned_to.as_deref() == Some(me),
        assignees,
        case: view.case_reference.map(|r| {
            let href = case_href(&r);
            (r, href)
        }),
        messages: view.messages.into_iter().map(|m| message_row(&frame, zone, m)).collect(),
        templates,
        reply,
        errors,
        id: super::path_safe(&view.id),
        subject: view.subject,
        frame,
    };
    let mut response = html(&page);
    if response.status() == StatusCode::OK {
        *response.status_mut() = status;
    }
    response
}

pub async fn show(
    ctx: Ctx,
    State(state): State<AppState>,
    Client(client): Client,
    PageActor(actor): PageActor,
    Path(id): Path<String>,
    Query(params): Query<ShowParams>,
) -> Response {
    render(
        &state,
        &ctx,
        &client,
        &actor,
        &id,
        params.template.trim(),
        ThreadErrors::default(),
        StatusCode::OK,
    )
    .await
}

/// A step was refused: the page again with its message (422 for what the officer can fix, 409
/// for a conflict, 429 when throttled), or the error page when it is not about the page.
#[allow(clippy::too_many_arguments)]
async fn step_refused(
    state: &AppState,
    ctx: &Ctx,
    client: &RequestContext,
    actor: &Actor,
    id: &str,
    error: AppError,
    step: Step,
    body_value: Option<String>,
) -> Response {
    let general = match step {
        Step::Reply => "body",
        Step::Assign => "officer_id",
        Step::Hold => "holder",
    };
    let Some(problems) = form_errors(&error, actor.language, general) else { return refused(error) };
    let (status, retry) = match error {
        AppError::Throttled { retry_after_secs } => (StatusCode::TOO_MANY_REQUESTS, Some(retry_after_secs)),
        AppError::Conflict(_) => (StatusCode::CONFLICT, None),
        _ => (StatusCode::UNPROCESSABLE_ENTITY, None),
    };
    let mut errors = ThreadErrors::from_problems(step, problems);
    errors.body_value = body_value;
    let mut response = render(state, ctx, client, actor, id, "", errors, status).await;
    if let Some(secs) = retry {
        response.headers_mut().insert(axum::http::header::RETRY_AFTER, secs.into());
    }
    response
}

/// The form of a step that asks nothing (the CSRF token only).
#[derive(Deserialize, Default)]
pub struct NoFields {}

pub async fn take(
    ctx: Ctx,
    State(state): State<AppState>,
    Client(client): Client,
    PageActor(actor): PageActor,
    Path(id): Path<String>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Response {
    if let Some(refusal) = not_answering(&actor) {
        return refusal;
    }
    let me = actor.user_id.as_str().to_string();
    match state.app.assign_thread(&client, &actor, &id, Some(&me)).await {
        Ok(()) => redirect_notice(&thread_href(&id), "staffmsg-notice-taken"),
        Err(e) => step_refused(&state, &ctx, &client, &actor, &id, e, Step::Hold, None).await,
    }
}

pub async fn release(
    ctx: Ctx,
    State(state): State<AppState>,
    Client(client): Client,
    PageActor(actor): PageActor,
    Path(id): Path<String>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Response {
    if let Some(refusal) = not_answering(&actor) {
        return refusal;
    }
    match state.app.assign_thread(&client, &actor, &id, None).await {
        Ok(()) => redirect_notice(&thread_href(&id), "staffmsg-notice-released"),
        Err(e) => step_refused(&state, &ctx, &client, &actor, &id, e, Step::Hold, None).await,
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct AssignForm {
    officer_id: String,
}

pub async fn assign(
    ctx: Ctx,
    State(state): State<AppState>,
    Client(client): Client,
    PageActor(actor): PageActor,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<AssignForm>,
) -> Response {
    if let Some(refusal) = not_answering(&actor) {
        return refusal;
    }
    match state.app.assign_thread(&client, &actor, &id, Some(form.officer_id.trim())).await {
        Ok(()) => redirect_notice(&thread_href(&id), "staffmsg-notice-assigned"),
        Err(e) => step_refused(&state, &ctx, &client, &actor, &id, e, Step::Assign, None).await,
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ReplyForm {
    body: String,
}

pub async fn reply(
    ctx: Ctx,
    State(state): State<AppState>,
    Client(client): Client,
    PageActor(actor): PageActor,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<ReplyForm>,
) -> Response {
    if let Some(refusal) = not_answering(&actor) {
        return refusal;
    }
    match state.app.post_message(&client, &actor, &id, &form.body, &[]).await {
        Ok(_) => redirect_notice(&thread_href(&id), "staffmsg-notice-sent"),
        Err(e) => step_refused(&state, &ctx, &client, &actor, &id, e, Step::Reply, Some(form.body)).await,
    }
}
