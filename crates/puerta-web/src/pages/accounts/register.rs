use axum::extract::{Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use puerta_app::accounts::Registration;
use serde::Deserialize;

use crate::AppState;
use crate::auth::Client;
use crate::pages::form::{CsrfForm, Field, FormPage, failed, with_proof};
use crate::pages::frame::Frame;
use crate::pages::{Ctx, redirect_notice};

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct RegisterForm {
    email: String,
    password: String,
    full_name: String,
    phone: String,
    language: String,
    altcha: String,
}

fn register_page(frame: Frame, form: &RegisterForm) -> FormPage {
    let language = puerta_i18n::Language::parse(&form.language).unwrap_or(frame.lang);
    let fields = vec![
        Field::new(&frame, "full_name", "field-full-name", "text", "name")
            .hint(&frame, "field-full-name-hint")
            .value(&form.full_name),
        Field::new(&frame, "email", "field-email", "email", "email")
            .hint(&frame, "field-email-hint")
            .value(&form.email),
        Field::new(&frame, "phone", "field-phone", "tel", "tel")
            .hint(&frame, "field-phone-hint")
            .value(&form.phone),
        Field::new(&frame, "password", "field-password", "password", "new-password")
            .hint(&frame, "field-password-hint"),
        Field::language_select(&frame, language),
    ];
    FormPage::new(frame, "register-title", "/register", "register-submit", fields)
        .intro(&["register-intro"])
        .link("/sign-in", "home-have-account")
}

pub async fn form(ctx: Ctx, State(state): State<AppState>) -> Response {
    register_page(ctx.frame(&state, None), &RegisterForm::default()).into_response()
}

pub async fn submit(
    ctx: Ctx,
    State(state): State<AppState>,
    Client(client): Client,
    CsrfForm(form): CsrfForm<RegisterForm>,
) -> Response {
    let input = Registration {
        email: form.email.clone(),
        password: form.password.clone().into(),
        full_name: form.full_name.clone(),
        phone: Some(form.phone.clone()),
        language: if form.language.is_empty() {
            ctx.language.code().to_string()
        } else {
            form.language.clone()
        },
    };
    let client = with_proof(client, &form.altcha);
    match state.app.register(&client, input).await {
        Ok(()) => Redirect::to(&format!("/verify?email={}", urlencode(form.email.trim()))).into_response(),
        Err(e) => failed(e, ctx.frame(&state, None), "email", |frame| register_page(frame, &form)),
    }
}

pub fn urlencode(value: &str) -> String {
    serde_urlencoded::to_string([("v", value)]).map(|s| s[2..].to_string()).unwrap_or_default()
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct VerifyForm {
    email: String,
    code: String,
    altcha: String,
}

fn verify_page(frame: Frame, email: &str) -> FormPage {
    let fields = vec![
        Field::new(&frame, "email", "field-email", "email", "email").value(email),
        Field::new(&frame, "code", "field-code", "text", "one-time-code").hint(&frame, "field-code-hint"),
    ];
    FormPage::new(frame, "verify-title", "/verify", "verify-submit", fields).intro(&["verify-intro"]).extra(
        "/verify/resend",
        vec![("email", email.to_string())],
        "verify-resend",
    )
}

/// The resend form on its own, for answers about sending (throttled, or a proof of work).
fn resend_page(frame: Frame, email: &str) -> FormPage {
    let fields = vec![Field::new(&frame, "email", "field-email", "email", "email").value(email)];
    FormPage::new(frame, "verify-title", "/verify/resend", "verify-resend", fields)
}

pub async fn verify_form(ctx: Ctx, State(state): State<AppState>, Query(q): Query<VerifyForm>) -> Response {
    verify_page(ctx.frame(&state, None), &q.email).into_response()
}

pub async fn verify_submit(
    ctx: Ctx,
    State(state): State<AppState>,
    Client(client): Client,
    CsrfForm(form): CsrfForm<VerifyForm>,
) -> Response {
    match state.app.verify_email(&client, &form.email, &form.code).await {
        Ok(()) => redirect_notice("/sign-in", "verify-done"),
        Err(e) => failed(e, ctx.frame(&state, None), "code", |frame| verify_page(frame, &form.email)),
    }
}

pub async fn resend(
    ctx: Ctx,
    State(state): State<AppState>,
    Client(client): Client,
    CsrfForm(form): CsrfForm<VerifyForm>,
) -> Response {
    let client = with_proof(client, &form.altcha);
    match state.app.resend_verification(&client, &form.email).await {
        Ok(()) => {
            redirect_notice(&format!("/verify?email={}", urlencode(form.email.trim())), "verify-resent")
        }
        Err(e) => failed(e, ctx.frame(&state, None), "email", |frame| resend_page(frame, &form.email)),
    }
}
