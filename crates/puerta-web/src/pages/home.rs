use askama::Template;
use axum::extract::State;
use axum::response::Response;
use puerta_app::AppError;
use puerta_i18n::Arg;

use super::form::html;
use super::{Ctx, MessagePage, redirect_notice};
use crate::AppState;
use crate::api::problem::ApiError;
use crate::auth::PageActor;
use crate::pages::frame::Frame;

#[derive(Template)]
#[template(path = "home.html")]
struct HomePage {
    frame: Frame,
}

pub async fn home(ctx: Ctx, State(state): State<AppState>, actor: Option<PageActor>) -> Response {
    html(&HomePage { frame: ctx.frame(&state, actor.as_ref().map(|a| &a.0)) })
}

pub async fn dashboard(ctx: Ctx, State(state): State<AppState>, PageActor(actor): PageActor) -> Response {
    let profile = match state.app.me(&actor).await {
        Ok(p) => p,
        Err(e) => return axum::response::IntoResponse::into_response(ApiError::from(e)),
    };
    let frame = ctx.frame(&state, Some(&actor));
    let title =
        puerta_i18n::t_args(frame.lang, "dashboard-title", vec![("name", Arg::from(profile.full_name))]);
    html(&MessagePage {
        paragraphs: vec![frame.t("dashboard-intro")],
        frame,
        title,
        reference: None,
        links: vec![],
    })
}

/// The staff home: reachable by staff roles only, and only once a second factor is on.
pub async fn staff(ctx: Ctx, State(state): State<AppState>, PageActor(actor): PageActor) -> Response {
    match state.app.staff_overview(&actor).await {
        Ok(_) => {
            let frame = ctx.frame(&state, Some(&actor));
            html(&MessagePage {
                title: frame.t("staff-title"),
                paragraphs: vec![frame.t("staff-intro")],
                frame,
                reference: None,
                links: vec![],
            })
        }
        Err(AppError::MfaRequired) => redirect_notice("/account/two-step", "staff-mfa-needed"),
        Err(e) => axum::response::IntoResponse::into_response(ApiError::from(e)),
    }
}
