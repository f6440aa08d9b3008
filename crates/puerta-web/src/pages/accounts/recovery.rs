use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use super::register::urlencode;
use crate::AppState;
use crate::auth::Client;
use crate::pages::form::{CsrfForm, Field, FormPage, failed, html, with_proof};
use crate::pages::frame::Frame;
use crate::pages::{Ctx, MessagePage, redirect_notice};

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ForgotForm {
    email: String,
    altcha: String,
}

fn forgot_page(frame: Frame, email: &str) -> FormPage {
    let fields = vec![Field::new(&frame, "email", "field-email", "email", "email").value(email)];
    FormPage::new(frame, "forgot-title", "/forgot-password", "forgot-submit", fields).intro(&["forgot-intro"])
}

pub async fn forgot_form(ctx: Ctx, State(state): State<AppState>) -> Response {
    forgot_page(ctx.frame(&state, None), "").into_response()
}

pub async fn forgot_submit(
    ctx: Ctx,
    State(state): State<AppState>,
    Client(client): Client,
    CsrfForm(form): CsrfForm<ForgotForm>,
) -> Response {
    let client = with_proof(client, &form.altcha);
    match state.app.request_password_reset(&client, &form.email).await {
        Ok(()) => {
            axum::response::Redirect::to(&format!("/reset-password?email={}", urlencode(form.email.trim())))
                .into_response()
        }
        Err(e) => failed(e, ctx.frame(&state, None), "email", |frame| forgot_page(frame, &form.email)),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ResetForm {
    email: String,
    code: String,
    token: String,
    password: String,
}

fn reset_page(frame: Frame, form: &ResetForm) -> FormPage {
    let mut fields = vec![Field::hidden("token", &form.token)];
    if form.token.is_empty() {
        fields.push(Field::new(&frame, "email", "field-email", "email", "email").value(&form.email));
        fields.push(
            Field::new(&frame, "code", "field-code", "text", "one-time-code").hint(&frame, "field-code-hint"),
        );
    }
    fields.push(
        Field::new(&frame, "password", "field-new-password", "password", "new-password")
            .hint(&frame, "field-password-hint"),
    );
    FormPage::new(frame, "reset-title", "/reset-password", "reset-submit", fields).intro(&["reset-intro"])
}

pub async fn reset_form(ctx: Ctx, State(state): State<AppState>, Query(q): Query<ResetForm>) -> Response {
    reset_page(ctx.frame(&state, None), &ResetForm { password: String::new(), ..q }).into_response()
}

pub async fn reset_submit(
    ctx: Ctx,
    State(state): State<AppState>,
    Client(client): Client,
    CsrfForm(form): CsrfForm<ResetForm>,
) -> Response {
    let result = state
        .app
        .reset_password(&client, Some(&form.email), Some(&form.code), Some(&form.token), &form.password)
        .await;
    match result {
        Ok(()) => redirect_notice("/sign-in", "reset-done"),
        Err(e) => failed(e, ctx.frame(&state, None), "code", |frame| reset_page(frame, &form)),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct WasntMeForm {
    token: String,
}

/// The link in a sign-in notice opens a confirmation page: a link scanner that follows it must
/// not end anyone's sessions.
pub async fn wasnt_me_form(
    ctx: Ctx,
    State(state): State<AppState>,
    Query(q): Query<WasntMeForm>,
) -> Response {
    let frame = ctx.frame(&state, None);
    let fields = vec![Field::hidden("token", q.token)];
    FormPage::new(frame, "account-wasnt-me-title", "/account/wasnt-me", "account-wasnt-me-submit", fields)
        .intro(&["account-wasnt-me-intro"])
        .into_response()
}

pub async fn wasnt_me_submit(
    ctx: Ctx,
    State(state): State<AppState>,
    Client(client): Client,
    CsrfForm(form): CsrfForm<WasntMeForm>,
) -> Response {
    match state.app.wasnt_me(&client, &form.token).await {
        Ok(()) => {
            let frame = ctx.frame(&state, None);
            html(&MessagePage {
                title: frame.t("account-wasnt-me-done-title"),
                paragraphs: vec![frame.t("account-wasnt-me-done")],
                links: vec![("/forgot-password".into(), frame.t("forgot-title"))],
                reference: None,
                frame,
            })
        }
        Err(e) => crate::api::problem::ApiError::from(e).into_response(),
    }
}
