//! `/messages`: the traveler's conversations, latest activity first (subject, case, a tag in
//! words for a new answer, the last message's time in their zone), and the "Write to an
//! officer" form (subject, an optional case among theirs, the message).

use askama::Template;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use puerta_app::AppError;
use puerta_app::accounts::{Actor, RequestContext};
use puerta_i18n::{Arg, Language, format_in_zone, t, t_args};

use super::{refusal, render_refused};
use crate::AppState;
use crate::api::problem::ApiError;
use crate::auth::{Client, PageActor};
use crate::pages::form::{CsrfForm, html};
use crate::pages::frame::Frame;
use crate::pages::notifications::{path_safe, unread_counts, unread_text};
use crate::pages::{Ctx, redirect_notice};

pub struct ThreadRow {
    pub href: String,
    pub subject: String,
    /// "About case PUE 4829 3017 58".
    pub case: Option<String>,
    /// "Last message: …", in the reader's zone.
    pub last: String,
    pub tag: String,
    pub unread: bool,
}

pub struct CaseChoice {
    pub value: String,
    pub label: String,
    pub chosen: bool,
}

#[derive(Template)]
#[template(path = "messages_list.html")]
struct ListPage {
    frame: Frame,
    threads: Vec<ThreadRow>,
    unread: i64,
    unread_text: String,
    cases: Vec<CaseChoice>,
    subject: String,
    body: String,
    errors: Vec<(String, String)>,
    subject_error: Option<String>,
    case_error: Option<String>,
    body_error: Option<String>,
}

/// What the form sent (kept when it is shown again).
#[derive(serde::Deserialize, Default)]
#[serde(default)]
pub struct StartForm {
    subject: String,
    case_reference: String,
    body: String,
}

fn slot(errors: &[(String, String)], field: &str) -> Option<String> {
    errors.iter().find(|(f, _)| f == field).map(|(_, m)| m.clone())
}

async fn build(
    state: &AppState,
    ctx: &Ctx,
    client: &RequestContext,
    actor: &Actor,
    form: &StartForm,
    errors: Vec<(String, String)>,
) -> Result<ListPage, Response> {
    let fail = |e: AppError| ApiError::from(e).into_response();
    let profile = state.app.me(actor).await.map_err(fail)?;
    let threads = state.app.my_threads(actor).await.map_err(fail)?;
    let frame = ctx.frame(state, Some(actor));
    let lang = frame.lang;
    let zone = profile.time_zone;
    let threads = threads
        .into_iter()
        .map(|th| ThreadRow {
            href: format!("/messages/{}", path_safe(&th.id)),
            case: th
                .case_reference
                .map(|r| t_args(lang, "msgpage-about-case", vec![("reference", Arg::from(r))])),
            last: t_args(
                lang,
                "msgpage-last-message",
                vec![("time", Arg::from(format_in_zone(lang, th.last_message_at, zone)))],
            ),
            tag: t(
                lang,
                if th.unread {
                    "msgpage-tag-unread"
                } else if th.answered {
                    "msgpage-tag-answered"
                } else {
                    "msgpage-tag-waiting"
                },
            ),
            unread: th.unread,
            subject: th.subject,
        })
        .collect();
    // Who may not list cases simply gets no choice of case.
    let chosen = compact(&form.case_reference);
    let cases = state
        .app
        .cases(client, actor, None, None, 100)
        .await
        .map(|page| page.items)
        .unwrap_or_default()
        .into_iter()
        .map(|c| CaseChoice {
            chosen: !chosen.is_empty() && c.reference_number.as_str() == chosen,
            value: c.reference_number.as_str().to_string(),
            label: t_args(
                lang,
                "msgpage-case-option",
                vec![
                    ("reference", Arg::from(c.reference_number.grouped())),
                    ("name", Arg::from(c.traveler_name)),
                ],
            ),
        })
        .collect();
    let counts = unread_counts(state, actor).await;
    Ok(ListPage {
        threads,
        unread: counts.messages,
        unread_text: unread_text(lang, counts.messages),
        cases,
        subject: form.subject.clone(),
        body: form.body.clone(),
        subject_error: slot(&errors, "subject"),
        case_error: slot(&errors, "case_reference"),
        body_error: slot(&errors, "body"),
        errors,
        frame,
    })
}

/// A reference number as stored (letters and digits, upper case), from what a form sent.
fn compact(reference: &str) -> String {
    reference.chars().filter(char::is_ascii_alphanumeric).collect::<String>().to_ascii_uppercase()
}

pub async fn page(
    ctx: Ctx,
    State(state): State<AppState>,
    Client(client): Client,
    PageActor(actor): PageActor,
) -> Response {
    match build(&state, &ctx, &client, &actor, &StartForm::default(), Vec::new()).await {
        Ok(page) => html(&page),
        Err(response) => response,
    }
}

pub async fn start(
    ctx: Ctx,
    State(state): State<AppState>,
    Client(client): Client,
    PageActor(actor): PageActor,
    CsrfForm(form): CsrfForm<StartForm>,
) -> Response {
    let case = Some(form.case_reference.trim()).filter(|r| !r.is_empty());
    let error = match state.app.start_thread(&client, &actor, &form.subject, &form.body, case).await {
        Ok(id) => {
            return redirect_notice(&format!("/messages/{}", path_safe(id.as_str())), "msgpage-notice-sent");
        }
        Err(error) => error,
    };
    let lang: Language = ctx.frame(&state, Some(&actor)).lang;
    let Some(refused) = refusal(&error, lang, "body") else {
        return ApiError::from(error).into_response();
    };
    let errors = refused.errors.clone();
    match build(&state, &ctx, &client, &actor, &form, errors).await {
        Ok(page) => render_refused(&page, &refused),
        Err(response) => response,
    }
}
