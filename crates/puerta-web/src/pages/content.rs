//! Entry Requirements pages (public, cacheable offline) and their editor (administrators).

use askama::Template;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use puerta_app::AppError;
use puerta_app::content::{Entry, EntryEdit, EntrySummary, edit_language, render_markdown};
use puerta_domain::ports::PortCode;
use puerta_i18n::{Arg, Language, format_date, format_in_zone, t_args};
use serde::Deserialize;

use super::form::{CsrfForm, form_errors, html};
use super::frame::Frame;
use super::notifications::{StandingNotice, standing_notices};
use super::{Ctx, redirect_notice};
use crate::AppState;
use crate::api::problem::ApiError;
use crate::auth::{Client, PageActor};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/entry-requirements", get(list))
        .route("/entry-requirements/{slug}", get(item))
        .route("/admin/entry-requirements/{slug}", get(edit_form).post(edit_submit))
}

#[derive(Template)]
#[template(path = "entry_list.html")]
struct ListPage {
    frame: Frame,
    general: Vec<EntrySummary>,
    ports: Vec<EntrySummary>,
    /// A signed-in reader's standing policy notices (a visitor's page has none).
    standing: Vec<StandingNotice>,
}

/// A signed-in reader's standing policy notices, shown at the top with Dismiss; none for a
/// visitor (whose page stays the same for everyone, so it may be kept offline).
async fn standing(state: &AppState, actor: Option<&PageActor>) -> Vec<StandingNotice> {
    match actor {
        Some(PageActor(actor)) => standing_notices(state, actor).await,
        None => Vec::new(),
    }
}

async fn list(ctx: Ctx, State(state): State<AppState>, actor: Option<PageActor>) -> Response {
    let frame = ctx.frame(&state, actor.as_ref().map(|a| &a.0));
    match state.app.entry_requirements(frame.lang).await {
        Ok(items) => {
            let (ports, general) = items.into_iter().partition(|i| i.slug.starts_with("port-"));
            let standing = standing(&state, actor.as_ref()).await;
            html(&ListPage { frame, general, ports, standing })
        }
        Err(e) => ApiError::from(e).into_response(),
    }
}

#[derive(Template)]
#[template(path = "entry_item.html")]
struct ItemPage {
    frame: Frame,
    entry: Entry,
    port_time: Option<String>,
    updated: String,
    standing: Vec<StandingNotice>,
}

async fn item(
    ctx: Ctx,
    State(state): State<AppState>,
    actor: Option<PageActor>,
    Path(slug): Path<String>,
) -> Response {
    let frame = ctx.frame(&state, actor.as_ref().map(|a| &a.0));
    let entry = match state.app.entry_requirement(&slug, frame.lang).await {
        Ok(entry) => entry,
        Err(e) => return ApiError::from(e).into_response(),
    };
    // A port's page shows the time there now, in the port's zone, named.
    let port_time = match slug.strip_prefix("port-").map(PortCode::parse) {
        Some(Ok(code)) => state.app.port(&code).await.ok().map(|port| {
            let now = state.app.now_ms();
            t_args(
                frame.lang,
                "er-port-time",
                vec![("time", Arg::from(format_in_zone(frame.lang, now, port.time_zone)))],
            )
        }),
        _ => None,
    };
    let updated = t_args(
        frame.lang,
        "er-updated",
        vec![("date", Arg::from(format_date(frame.lang, entry.updated_at)))],
    );
    let standing = standing(&state, actor.as_ref()).await;
    html(&ItemPage { frame, entry, port_time, updated, standing })
}

#[derive(Template)]
#[template(path = "entry_edit.html")]
struct EditPage {
    frame: Frame,
    slug: String,
    languages: Vec<(&'static str, &'static str, bool)>,
    title: String,
    summary: String,
    body: String,
    preview: Option<String>,
    errors: Vec<(String, String)>,
    history: Vec<String>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct LangQuery {
    lang: String,
}

fn refused(error: AppError) -> Response {
    match error {
        AppError::MfaRequired => redirect_notice("/account/two-step", "staff-mfa-needed"),
        e => ApiError::from(e).into_response(),
    }
}

async fn edit_page(
    state: &AppState,
    frame: Frame,
    actor: &puerta_app::accounts::Actor,
    slug: &str,
    language: Language,
    draft: Option<(String, String, String)>,
) -> Result<EditPage, AppError> {
    let history = state.app.entry_history(actor, slug, language).await?;
    let current = state.app.entry_requirement(slug, language).await?;
    let (title, summary, body) = draft.unwrap_or((current.title, current.summary, current.body_md));
    Ok(EditPage {
        history: history
            .iter()
            .map(|v| {
                t_args(
                    frame.lang,
                    "admin-content-version",
                    vec![
                        ("version", Arg::from(v.version)),
                        ("date", Arg::from(format_date(frame.lang, v.updated_at))),
                    ],
                )
            })
            .collect(),
        languages: Language::ALL.iter().map(|l| (l.code(), l.native_name(), *l == language)).collect(),
        slug: slug.to_string(),
        frame,
        title,
        summary,
        body,
        preview: None,
        errors: Vec::new(),
    })
}

async fn edit_form(
    ctx: Ctx,
    State(state): State<AppState>,
    PageActor(actor): PageActor,
    Path(slug): Path<String>,
    Query(q): Query<LangQuery>,
) -> Response {
    let language = Language::parse(&q.lang).unwrap_or(actor.language);
    let frame = ctx.frame(&state, Some(&actor));
    match edit_page(&state, frame, &actor, &slug, language, None).await {
        Ok(page) => html(&page),
        Err(e) => refused(e),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct EditForm {
    lang: String,
    title: String,
    summary: String,
    body: String,
    action: String,
}

async fn edit_submit(
    ctx: Ctx,
    State(state): State<AppState>,
    Client(client): Client,
    PageActor(actor): PageActor,
    Path(slug): Path<String>,
    CsrfForm(form): CsrfForm<EditForm>,
) -> Response {
    let draft = Some((form.title.clone(), form.summary.clone(), form.body.clone()));
    // An unknown language is refused beside its field, never saved as English.
    let language = match edit_language(&form.lang) {
        Ok(language) => language,
        Err(e) => {
            let frame = ctx.frame(&state, Some(&actor));
            let Some(errors) = form_errors(&e, frame.lang, "lang") else { return refused(e) };
            return match edit_page(&state, frame, &actor, &slug, actor.language, draft).await {
                Ok(page) => {
                    (axum::http::StatusCode::UNPROCESSABLE_ENTITY, html(&EditPage { errors, ..page }))
                        .into_response()
                }
                Err(e) => refused(e),
            };
        }
    };
    if form.action == "save" {
        match state
            .app
            .edit_entry_requirement(
                &client,
                &actor,
                EntryEdit {
                    slug: &slug,
                    language,
                    title: &form.title,
                    summary: &form.summary,
                    body_md: &form.body,
                },
            )
            .await
        {
            Ok(_) => return redirect_notice(&format!("/entry-requirements/{slug}"), "admin-content-saved"),
            Err(e) => {
                let frame = ctx.frame(&state, Some(&actor));
                let Some(errors) = form_errors(&e, frame.lang, "body") else { return refused(e) };
                return match edit_page(&state, frame, &actor, &slug, language, draft).await {
                    Ok(page) => {
                        (axum::http::StatusCode::UNPROCESSABLE_ENTITY, html(&EditPage { errors, ..page }))
                            .into_response()
                    }
                    Err(e) => refused(e),
                };
            }
        }
    }
    let frame = ctx.frame(&state, Some(&actor));
    match edit_page(&state, frame, &actor, &slug, language, draft).await {
        Ok(page) => html(&EditPage { preview: Some(render_markdown(&form.body)), ..page }),
        Err(e) => refused(e),
    }
}
