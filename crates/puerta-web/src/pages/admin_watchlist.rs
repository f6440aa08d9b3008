//! The administrators' watchlist page: what list is in force, and a form to replace it with a
//! CSV file (`multipart/form-data`, CSRF-checked before the file is read). A file with bad lines
//! shows the page again, 422, with each bad line in the error summary and beside the file field;
//! nothing is replaced then.

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use puerta_app::AppError;
use puerta_app::accounts::Actor;
use puerta_app::cases::checks::WatchlistSummary;
use puerta_i18n::{Arg, t_args};

use super::form::html;
use super::frame::Frame;
use super::multipart_form::CsrfMultipart;
use super::{Ctx, redirect_notice};
use crate::AppState;
use crate::api::problem::ApiError;
use crate::auth::{Client, PageActor};

const PATH: &str = "/admin/watchlist";

pub fn routes() -> Router<AppState> {
    // The body's cap is the body-limit layer's watchlist cap for this route.
    Router::new().route(PATH, get(page).post(upload).layer(axum::extract::DefaultBodyLimit::disable()))
}

#[derive(Template)]
#[template(path = "admin_watchlist.html")]
struct WatchlistPage {
    frame: Frame,
    current: Option<WatchlistSummary>,
    /// Every message about the file, in order (the summary links each to the field).
    errors: Vec<String>,
}

/// Staff without a second factor are sent to set one up; others get the error page.
fn refused(error: AppError) -> Response {
    match error {
        AppError::MfaRequired => redirect_notice("/account/two-step", "staff-mfa-needed"),
        e => ApiError::from(e).into_response(),
    }
}

async fn render(state: &AppState, ctx: &Ctx, actor: &Actor, errors: Vec<String>) -> Response {
    match state.app.watchlist_summary(actor).await {
        Ok(current) => {
            let status = if errors.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
            let page = WatchlistPage { frame: ctx.frame(state, Some(actor)), current, errors };
            (status, html(&page)).into_response()
        }
        Err(e) => refused(e),
    }
}

async fn page(ctx: Ctx, State(state): State<AppState>, PageActor(actor): PageActor) -> Response {
    render(&state, &ctx, &actor, Vec::new()).await
}

async fn upload(
    ctx: Ctx,
    State(state): State<AppState>,
    Client(client): Client,
    PageActor(actor): PageActor,
    form: CsrfMultipart,
) -> Response {
    // A browser sends an empty, unnamed part when no file was chosen.
    let file = form.file.filter(|f| f.name.is_some() || !f.bytes.is_empty());
    let result = match file {
        None => Err(AppError::field("file", "checks-error-file-required")),
        Some(file) => state.app.replace_watchlist(&client, &actor, &file.bytes).await,
    };
    match result {
        Ok(_) => redirect_notice(PATH, "checks-notice-replaced"),
        Err(AppError::Validation(problems)) => {
            let language = ctx.frame(&state, Some(&actor)).lang;
            let errors = problems
                .iter()
                .map(|p| {
                    let args = p.args.iter().map(|(k, v)| (*k, Arg::from(v.clone()))).collect();
                    t_args(language, &p.message_id, args)
                })
                .collect();
            render(&state, &ctx, &actor, errors).await
        }
        Err(e) => refused(e),
    }
}
