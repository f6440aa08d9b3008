//! Server-rendered pages (askama templates, Fluent strings). They work without JavaScript;
//! `static/session.js` only adds the idle-session warning. Every form is CSRF-checked
//! ([`form::CsrfForm`]) and every page is in the reader's language ([`frame::Frame`]).

mod accounts;
mod admin;
mod admin_notices;
mod admin_watchlist;
mod apply;
mod appointments;
pub mod assets;
mod backoffice;
mod cases;
mod content;
pub mod form;
pub mod frame;
mod home;
mod language;
mod messages;
pub mod multipart_form;
mod notifications;
mod offline;
mod staff_messages;
#[cfg(test)]
mod templates_test;

use askama::Template;
use axum::Router;
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::get;
use puerta_i18n::{Language, t};

use crate::AppState;
use crate::api::problem::ApiError;
use frame::Frame;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/", get(home::home))
        .route("/dashboard", get(home::dashboard))
        .route("/staff", get(home::staff))
        .route("/partner", get(home::partner))
        .route("/static/{name}", get(assets::serve))
        .merge(accounts::routes())
        .merge(admin::routes())
        .merge(admin_watchlist::routes())
        .merge(apply::routes())
        .merge(appointments::routes())
        .merge(backoffice::routes())
        .merge(cases::routes())
        .merge(content::routes())
        .merge(offline::routes())
        .merge(messages::routes())
        .merge(notifications::routes())
        .merge(staff_messages::routes())
        .merge(admin_notices::routes())
        .route("/language", get(language::page).post(accounts::choose_language))
}

/// A redirect that shows a notice on the next page (`notice` must be in `frame::NOTICES`).
pub fn redirect_notice(path: &str, notice: &str) -> Response {
    let sep = if path.contains('?') { '&' } else { '?' };
    Redirect::to(&format!("{path}{sep}notice={notice}")).into_response()
}

#[derive(Template)]
#[template(path = "message.html")]
pub struct MessagePage {
    pub frame: Frame,
    pub title: String,
    pub paragraphs: Vec<String>,
    pub reference: Option<String>,
    pub links: Vec<(String, String)>,
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    frame: Frame,
    detail: String,
    reference: String,
}

/// The friendly error page for browsers: localized, with the request id for support.
pub fn error_page(error: &ApiError, language: Language, request_id: &str) -> Response {
    let frame = Frame {
        lang: language,
        csrf: String::new(),
        signed_in: false,
        staff: false,
        partner: false,
        admin: false,
        path: "/".into(),
        idle_deadline: None,
        notice: None,
        css_href: assets::CSS.href.clone(),
        js_href: assets::JS.href.clone(),
    };
    let problem = error.problem(language);
    let page = ErrorPage {
        detail: problem.detail,
        reference: puerta_i18n::t_args(language, "request-id-label", vec![("id", request_id.into())]),
        frame,
    };
    let body = page.render().unwrap_or_else(|_| t(language, "problem-internal_error"));
    let mut response = (error.status, Html(body)).into_response();
    if let Some(secs) = error.retry_after_secs {
        response.headers_mut().insert(axum::http::header::RETRY_AFTER, secs.into());
    }
    response
}

pub(crate) use frame::PageCtx as Ctx;
