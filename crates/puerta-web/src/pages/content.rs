//! Entry Requirements pages (public, cacheable offline) and their editor (administrators).

use askama::Template;
use axum::Router;
use axum::body::Bytes;
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
use crate::public_cache::{CacheHeaders, HTML, Shelf, answer};

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

/// The same page for every visitor: signed out, and no query (which could carry a notice or
/// change the way back from the language page). Such pages are kept as bytes.
fn for_everyone(ctx: &Ctx, actor: Option<&PageActor>) -> bool {
    actor.is_none() && ctx.notice.is_none() && !ctx.path.contains('?')
}

/// The frame of a page kept for every visitor: nothing of the first visitor's (no CSRF token:
/// a signed-out frame shows no form, and a kept page must never carry anyone's token).
fn visitor_frame(ctx: &Ctx, state: &AppState) -> Frame {
    Frame { csrf: String::new(), ..ctx.frame(state, None) }
}

/// A kept page as HTML, with its `ETag` (the cache policy is the middleware's); it varies with
/// the language, which the `lang` cookie or `Accept-Language` chose.
fn kept_page(kept: &crate::public_cache::Kept, cache_headers: &CacheHeaders) -> Response {
    answer(kept, cache_headers, HTML, None, true)
}

fn rendered(template: &impl Template) -> Result<Bytes, TemplateFailed> {
    template.render().map(Bytes::from).map_err(|e| {
        tracing::error!(error = %e, "template failed");
        TemplateFailed
    })
}

/// A page that did not render (logged where it failed): a 500.
struct TemplateFailed;

impl IntoResponse for TemplateFailed {
    fn into_response(self) -> Response {
        ApiError::internal().into_response()
    }
}

async fn list(
    ctx: Ctx,
    State(state): State<AppState>,
    actor: Option<PageActor>,
    cache_headers: CacheHeaders,
) -> Response {
    let lang = actor.as_ref().map_or(ctx.language, |a| a.0.language);
    let published = match state.app.published_entries(lang).await {
        Ok(published) => published,
        Err(e) => return ApiError::from(e).into_response(),
    };
    let split = || -> (Vec<EntrySummary>, Vec<EntrySummary>) {
        published.list().iter().cloned().partition(|i| i.slug.starts_with("port-"))
    };
    if for_everyone(&ctx, actor.as_ref()) {
        let made = state.public_cache.get_or_make(
            (Shelf::EntryListPage, lang, ""),
            published.generation(),
            None,
            || {
                let (ports, general) = split();
                rendered(&ListPage {
                    frame: visitor_frame(&ctx, &state),
                    general,
                    ports,
                    standing: Vec::new(),
                })
            },
        );
        return match made {
            Ok(kept) => kept_page(&kept, &cache_headers),
            Err(failed) => failed.into_response(),
        };
    }
    let frame = ctx.frame(&state, actor.as_ref().map(|a| &a.0));
    let standing = standing(&state, actor.as_ref()).await;
    let (ports, general) = split();
    html(&ListPage { frame, general, ports, standing })
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
    cache_headers: CacheHeaders,
) -> Response {
    let lang = actor.as_ref().map_or(ctx.language, |a| a.0.language);
    let published = match state.app.published_entries(lang).await {
        Ok(published) => published,
        Err(e) => return ApiError::from(e).into_response(),
    };
    let Some(entry) = published.item(&slug) else { return ApiError::not_found().into_response() };
    // A port's page shows the time there now, in the port's zone, named (to the minute).
    let ports = match slug.strip_prefix("port-").map(PortCode::parse) {
        Some(Ok(code)) => state.app.published_ports().await.ok().map(|ports| (ports, code)),
        _ => None,
    };
    let port = ports.as_ref().and_then(|(ports, code)| ports.find(code));
    let now = state.app.now_ms();
    let page = |frame: Frame, standing: Vec<StandingNotice>| ItemPage {
        port_time: port.as_ref().map(|port| {
            t_args(
                frame.lang,
                "er-port-time",
                vec![("time", Arg::from(format_in_zone(frame.lang, now, port.time_zone)))],
            )
        }),
        updated: t_args(
            frame.lang,
            "er-updated",
            vec![("date", Arg::from(format_date(frame.lang, entry.updated_at)))],
        ),
        entry: Entry::clone(entry),
        frame,
        standing,
    };
    // The frame's way back is the path as asked: kept only for the path as published.
    let canonical = ctx.path.strip_prefix("/entry-requirements/") == Some(slug.as_str());
    if canonical && for_everyone(&ctx, actor.as_ref()) {
        let minute = port.as_ref().map(|_| now.div_euclid(60_000));
        let made = state.public_cache.get_or_make(
            (Shelf::EntryItemPage, lang, &slug),
            published.generation(),
            minute,
            || rendered(&page(visitor_frame(&ctx, &state), Vec::new())),
        );
        return match made {
            Ok(kept) => kept_page(&kept, &cache_headers),
            Err(failed) => failed.into_response(),
        };
    }
    let frame = ctx.frame(&state, actor.as_ref().map(|a| &a.0));
    let standing = standing(&state, actor.as_ref()).await;
    html(&page(frame, standing))
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
