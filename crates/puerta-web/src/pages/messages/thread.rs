//! `/messages/{id}`: one conversation, oldest message first ("You" or "Officer", the time in the
//! reader's zone, the text exactly as written), the documents sent with each message (each a
//! link to the case document download), and the reply form with an optional document.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use puerta_app::AppError;
use puerta_app::accounts::{Actor, RequestContext};
use puerta_app::cases::size_text;
use puerta_app::messaging::ThreadView;
use puerta_domain::messaging;
use puerta_i18n::{Arg, format_in_zone, t, t_args};

use super::reply_form::ReplyForm;
use super::{Refusal, refusal, render_refused};
use crate::AppState;
use crate::api::problem::ApiError;
use crate::api::time::rfc3339;
use crate::auth::{Client, PageActor};
use crate::pages::form::html;
use crate::pages::frame::Frame;
use crate::pages::notifications::path_safe;
use crate::pages::{Ctx, redirect_notice};

/// The kind a document sent in a conversation is filed under on its case.
const ATTACHMENT_KIND: &str = "other";

pub struct Attachment {
    pub href: String,
    pub name: String,
    /// "PDF · 120 KB".
    pub details: String,
}

pub struct MessageRow {
    pub id: String,
    pub mine: bool,
    pub author: String,
    pub when: String,
    pub datetime: String,
    pub body: String,
    pub attachments: Vec<Attachment>,
}

#[derive(Template)]
#[template(path = "messages_thread.html")]
struct ThreadPage {
    frame: Frame,
    id: String,
    subject: String,
    /// (link to the case page, "About case PUE 4829 3017 58").
    case: Option<(String, String)>,
    /// "It is added to case …" when the conversation is about a case (documents need one).
    file_hint: Option<String>,
    messages: Vec<MessageRow>,
    body: String,
    errors: Vec<(String, String)>,
    body_error: Option<String>,
    file_error: Option<String>,
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

async fn build(
    state: &AppState,
    ctx: &Ctx,
    client: &RequestContext,
    actor: &Actor,
    id: &str,
    body: String,
    errors: Vec<(String, String)>,
) -> Result<ThreadPage, Response> {
    let fail = |e: AppError| ApiError::from(e).into_response();
    // The conversation first: someone else's is the 404 page before anything else is read.
    let view: ThreadView = state.app.thread(client, actor, id).await.map_err(fail)?;
    let zone = state.app.me(actor).await.map_err(fail)?.time_zone;
    let frame = ctx.frame(state, Some(actor));
    let lang = frame.lang;
    let case = view.case_reference.as_ref().map(|grouped| {
        let compact: String = grouped.chars().filter(char::is_ascii_alphanumeric).collect();
        (
            format!("/cases/{compact}"),
            t_args(lang, "msgpage-about-case", vec![("reference", Arg::from(grouped.as_str()))]),
        )
    });
    let file_hint = view
        .case_reference
        .as_ref()
        .map(|grouped| t_args(lang, "msgpage-file-hint", vec![("reference", Arg::from(grouped.as_str()))]));
    let messages = view
        .messages
        .into_iter()
        .map(|m| {
            let mine = m.author_role == "traveler";
            MessageRow {
                id: path_safe(&m.id),
                mine,
                author: t(lang, if mine { "msgpage-author-you" } else { "msgpage-author-officer" }),
                when: format_in_zone(lang, m.sent_at, zone),
                datetime: rfc3339(m.sent_at),
                body: m.body,
                attachments: m
                    .attachments
                    .into_iter()
                    .map(|a| {
                        let format = format_name(&a.content_type);
                        let size = size_text(u64::try_from(a.size).unwrap_or(0));
                        Attachment {
                            href: format!("/documents/{}", path_safe(&a.document_id)),
                            name: a
                                .name
                                .filter(|n| !n.trim().is_empty())
                                .unwrap_or_else(|| t(lang, "msgpage-attachment-unnamed")),
                            details: if format.is_empty() { size } else { format!("{format} · {size}") },
                        }
                    })
                    .collect(),
            }
        })
        .collect();
    let slot = |field: &str| errors.iter().find(|(f, _)| f == field).map(|(_, m)| m.clone());
    Ok(ThreadPage {
        id: path_safe(&view.id),
        subject: view.subject,
        case,
        file_hint,
        messages,
        body,
        body_error: slot("body"),
        file_error: slot("file"),
        errors,
        frame,
    })
}

pub async fn page(
    ctx: Ctx,
    State(state): State<AppState>,
    Client(client): Client,
    PageActor(actor): PageActor,
    Path(id): Path<String>,
) -> Response {
    match build(&state, &ctx, &client, &actor, &id, String::new(), Vec::new()).await {
        Ok(page) => html(&page),
        Err(response) => response,
    }
}

/// The page again with the refusal beside its field.
async fn refused(
    state: &AppState,
    ctx: &Ctx,
    client: &RequestContext,
    actor: &Actor,
    id: &str,
    body: String,
    refused: Refusal,
) -> Response {
    match build(state, ctx, client, actor, id, body, refused.errors.clone()).await {
        Ok(page) => render_refused(&page, &refused),
        Err(response) => response,
    }
}

/// Fields a refusal may name that the page has no place for go beside the file (the upload's
/// `kind`, the message's `document_ids`).
fn beside_file(mut refusal: Refusal) -> Refusal {
    for (field, _) in &mut refusal.errors {
        if field != "body" {
            *field = "file".to_string();
        }
    }
    refusal
}

/// A reply: the message checked first (so a refused message never leaves a document behind),
/// then the document, if one was chosen, added to the conversation's case, then the message
/// written with it.
pub async fn reply(
    ctx: Ctx,
    State(state): State<AppState>,
    Client(client): Client,
    PageActor(actor): PageActor,
    Path(id): Path<String>,
    form: ReplyForm,
) -> Response {
    let lang = ctx.frame(&state, Some(&actor)).lang;
    let unprocessable = |errors: Vec<(String, String)>| Refusal {
        status: axum::http::StatusCode::UNPROCESSABLE_ENTITY,
        retry_after: None,
        errors,
    };
    let mut errors = Vec::new();
    let checked =
        if form.body_too_long { Err(messaging::TextError::BodyTooLong) } else { messaging::body(&form.body) };
    if let Err(e) = checked {
        errors.push(("body".to_string(), t(lang, &e.to_string())));
    }
    let case = match &form.file {
        None => None,
        Some(_) => match state.app.thread_case(&actor, &id).await {
            Ok(Some(case)) => Some(case),
            Ok(None) => {
                errors.push(("file".to_string(), t(lang, "error-message-attachment-needs-case")));
                None
            }
            Err(e) => return ApiError::from(e).into_response(),
        },
    };
    if !errors.is_empty() {
        return refused(&state, &ctx, &client, &actor, &id, form.body, unprocessable(errors)).await;
    }
    let mut documents = Vec::new();
    if let (Some(file), Some(case)) = (form.file, case) {
        match state.app.upload_document(&client, &actor, &case, ATTACHMENT_KIND, file.name, file.bytes).await
        {
            Ok(document) => documents.push(document.id.to_string()),
            Err(e) => {
                let Some(refusal) = refusal(&e, lang, "file") else {
                    return ApiError::from(e).into_response();
                };
                return refused(&state, &ctx, &client, &actor, &id, form.body, beside_file(refusal)).await;
            }
        }
    }
    match state.app.post_message(&client, &actor, &id, &form.body, &documents).await {
        Ok(_) => redirect_notice(&format!("/messages/{}", path_safe(&id)), "msgpage-notice-replied"),
        Err(e) => {
            let Some(refusal) = refusal(&e, lang, "body") else { return ApiError::from(e).into_response() };
            refused(&state, &ctx, &client, &actor, &id, form.body, beside_file(refusal)).await
        }
    }
}
