use askama::Template;
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Redirect, Response};
use puerta_app::accounts::Profile;
use secrecy::ExposeSecret;
use serde::Deserialize;

use crate::AppState;
use crate::api::problem::ApiError;
use crate::auth::{Client, PageActor};
use crate::pages::form::{CsrfForm, Field, FormPage, failed, form_errors, html};
use crate::pages::frame::{Frame, clear_session_cookie};
use crate::pages::{Ctx, redirect_notice};

#[derive(Template)]
#[template(path = "account.html")]
struct AccountPage {
    frame: Frame,
    profile: Profile,
    role_name: String,
    /// The person's zone, named in their language.
    time_zone: String,
}

pub async fn show(ctx: Ctx, State(state): State<AppState>, PageActor(actor): PageActor) -> Response {
    match state.app.me(&actor).await {
        Ok(profile) => {
            let frame = ctx.frame(&state, Some(&actor));
            let role_name = frame.t(&format!("role-{}", profile.role.as_str()));
            let time_zone = puerta_i18n::zone_name(frame.lang, profile.time_zone);
            html(&AccountPage { frame, profile, role_name, time_zone })
        }
        Err(e) => ApiError::from(e).into_response(),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct PasswordForm {
    current_password: String,
    new_password: String,
}

fn password_page(frame: Frame) -> FormPage {
    let fields = vec![
        Field::new(&frame, "current_password", "field-current-password", "password", "current-password"),
        Field::new(&frame, "new_password", "field-new-password", "password", "new-password")
            .hint(&frame, "field-password-hint"),
    ];
    FormPage::new(
        frame,
        "account-change-password-title",
        "/account/password",
        "account-change-password-submit",
        fields,
    )
    .link("/account", "back-link")
}

pub async fn password_form(ctx: Ctx, State(state): State<AppState>, PageActor(actor): PageActor) -> Response {
    password_page(ctx.frame(&state, Some(&actor))).into_response()
}

pub async fn password_submit(
    ctx: Ctx,
    State(state): State<AppState>,
    Client(client): Client,
    PageActor(actor): PageActor,
    CsrfForm(form): CsrfForm<PasswordForm>,
) -> Response {
    match state.app.change_password(&client, &actor, &form.current_password, &form.new_password).await {
        Ok(()) => redirect_notice("/account", "account-password-changed"),
        Err(e) => failed(e, ctx.frame(&state, Some(&actor)), "current_password", password_page),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct EmailForm {
    new_email: String,
    password: String,
}

fn email_page(frame: Frame, new_email: &str) -> FormPage {
    let fields = vec![
        Field::new(&frame, "new_email", "field-new-email", "email", "email").value(new_email),
        Field::new(&frame, "password", "field-current-password", "password", "current-password"),
    ];
    FormPage::new(
        frame,
        "account-change-email-title",
        "/account/email",
        "account-change-email-submit",
        fields,
    )
    .intro(&["account-change-email-intro"])
    .link("/account", "back-link")
}

pub async fn email_form(ctx: Ctx, State(state): State<AppState>, PageActor(actor): PageActor) -> Response {
    email_page(ctx.frame(&state, Some(&actor)), "").into_response()
}

pub async fn email_submit(
    ctx: Ctx,
    State(state): State<AppState>,
    Client(client): Client,
    PageActor(actor): PageActor,
    CsrfForm(form): CsrfForm<EmailForm>,
) -> Response {
    match state.app.request_email_change(&client, &actor, &form.new_email, &form.password).await {
        Ok(()) => Redirect::to("/account/email/confirm").into_response(),
        Err(e) => failed(e, ctx.frame(&state, Some(&actor)), "new_email", |frame| {
            email_page(frame, &form.new_email)
        }),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct CodeForm {
    code: String,
}

fn email_confirm_page(frame: Frame) -> FormPage {
    let fields = vec![
        Field::new(&frame, "code", "field-code", "text", "one-time-code").hint(&frame, "field-code-hint"),
    ];
    FormPage::new(frame, "account-email-code-title", "/account/email/confirm", "verify-submit", fields)
        .link("/account", "back-link")
}

pub async fn email_confirm_form(
    ctx: Ctx,
    State(state): State<AppState>,
    PageActor(actor): PageActor,
) -> Response {
    email_confirm_page(ctx.frame(&state, Some(&actor))).into_response()
}

pub async fn email_confirm_submit(
    ctx: Ctx,
    State(state): State<AppState>,
    Client(client): Client,
    PageActor(actor): PageActor,
    CsrfForm(form): CsrfForm<CodeForm>,
) -> Response {
    match state.app.confirm_email_change(&client, &actor, &form.code).await {
        Ok(()) => redirect_notice("/account", "account-email-changed"),
        Err(e) => failed(e, ctx.frame(&state, Some(&actor)), "code", email_confirm_page),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct PhoneForm {
    phone: String,
}

fn phone_page(frame: Frame, phone: &str) -> FormPage {
    let fields = vec![
        Field::new(&frame, "phone", "field-phone", "tel", "tel")
            .hint(&frame, "field-phone-hint")
            .value(phone),
    ];
    FormPage::new(
        frame,
        "account-change-phone-title",
        "/account/phone",
        "account-change-phone-submit",
        fields,
    )
    .link("/account", "back-link")
}

pub async fn phone_form(ctx: Ctx, State(state): State<AppState>, PageActor(actor): PageActor) -> Response {
    let phone = state.app.me(&actor).await.ok().and_then(|p| p.phone).unwrap_or_default();
    phone_page(ctx.frame(&state, Some(&actor)), &phone).into_response()
}

pub async fn phone_submit(
    ctx: Ctx,
    State(state): State<AppState>,
    Client(client): Client,
    PageActor(actor): PageActor,
    CsrfForm(form): CsrfForm<PhoneForm>,
) -> Response {
    match state.app.change_phone(&client, &actor, &form.phone).await {
        Ok(()) => redirect_notice("/account", "account-phone-changed"),
        Err(e) => failed(e, ctx.frame(&state, Some(&actor)), "phone", |frame| phone_page(frame, &form.phone)),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct TimeZoneForm {
    time_zone: String,
}

fn time_zone_page(frame: Frame, selected: &str) -> FormPage {
    let mut field = Field::new(&frame, "time_zone", "account-time-zone", "select", "")
        .hint(&frame, "field-time-zone-hint");
    field.options = puerta_domain::accounts::TIME_ZONES
        .iter()
        .map(|z| (z.name().to_string(), puerta_i18n::zone_name(frame.lang, *z), z.name() == selected))
        .collect();
    FormPage::new(
        frame,
        "account-change-time-zone-title",
        "/account/time-zone",
        "account-change-time-zone-submit",
        vec![field],
    )
    .link("/account", "back-link")
}

pub async fn time_zone_form(
    ctx: Ctx,
    State(state): State<AppState>,
    PageActor(actor): PageActor,
) -> Response {
    let zone = state.app.me(&actor).await.map(|p| p.time_zone.name().to_string()).unwrap_or_default();
    time_zone_page(ctx.frame(&state, Some(&actor)), &zone).into_response()
}

pub async fn time_zone_submit(
    ctx: Ctx,
    State(state): State<AppState>,
    Client(client): Client,
    PageActor(actor): PageActor,
    CsrfForm(form): CsrfForm<TimeZoneForm>,
) -> Response {
    match state.app.change_time_zone(&client, &actor, &form.time_zone).await {
        Ok(()) => redirect_notice("/account", "account-time-zone-changed"),
        Err(e) => failed(e, ctx.frame(&state, Some(&actor)), "time_zone", |frame| {
            time_zone_page(frame, &form.time_zone)
        }),
    }
}

#[derive(Template)]
#[template(path = "totp_setup.html")]
struct TotpPage {
    frame: Frame,
    qr_svg: String,
    secret: String,
    /// Beside the code field.
    error: Option<String>,
    /// Beside the password field.
    password_error: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct TotpForm {
    password: String,
    code: String,
}

#[derive(Template)]
#[template(path = "recovery_codes.html")]
struct RecoveryCodesPage {
    frame: Frame,
    codes: Vec<String>,
}

/// The QR code of the otpauth URI, drawn on the server as SVG (no external service).
fn qr_svg(uri: &str) -> String {
    qrcode::QrCode::new(uri.as_bytes())
        .map(|code| {
            code.render::<qrcode::render::svg::Color<'_>>().min_dimensions(200, 200).quiet_zone(true).build()
        })
        .unwrap_or_default()
}

pub async fn totp_form(ctx: Ctx, State(state): State<AppState>, PageActor(actor): PageActor) -> Response {
    let enrolment = match state.app.pending_totp(&actor).await {
        Ok(Some(pending)) => Ok(pending),
        Ok(None) => state.app.start_totp(&actor).await,
        Err(e) => Err(e),
    };
    match enrolment {
        Ok(e) => html(&TotpPage {
            frame: ctx.frame(&state, Some(&actor)),
            qr_svg: qr_svg(e.otpauth_uri.expose_secret()),
            secret: e.secret.expose_secret().to_string(),
            error: None,
            password_error: None,
        }),
        Err(puerta_app::AppError::Conflict(_)) => Redirect::to("/account").into_response(),
        Err(e) => ApiError::from(e).into_response(),
    }
}

pub async fn totp_submit(
    ctx: Ctx,
    State(state): State<AppState>,
    Client(client): Client,
    PageActor(actor): PageActor,
    CsrfForm(form): CsrfForm<TotpForm>,
) -> Response {
    match state.app.confirm_totp(&client, &actor, &form.password, &form.code).await {
        Ok(codes) => {
            let codes = codes.iter().map(|c| c.expose_secret().to_string()).collect();
            let mut response = html(&RecoveryCodesPage { frame: ctx.frame(&state, Some(&actor)), codes });
            // The codes are shown once: never cache this page.
            response
                .headers_mut()
                .insert(header::CACHE_CONTROL, axum::http::HeaderValue::from_static("no-store"));
            response
        }
        Err(e) => {
            let frame = ctx.frame(&state, Some(&actor));
            let Some(errors) = form_errors(&e, frame.lang, "code") else {
                return ApiError::from(e).into_response();
            };
            match state.app.pending_totp(&actor).await {
                Ok(Some(pending)) => {
                    let page = TotpPage {
                        qr_svg: qr_svg(pending.otpauth_uri.expose_secret()),
                        secret: pending.secret.expose_secret().to_string(),
                        error: errors.iter().find(|(f, _)| f != "password").map(|(_, m)| m.clone()),
                        password_error: errors.iter().find(|(f, _)| f == "password").map(|(_, m)| m.clone()),
                        frame,
                    };
                    (axum::http::StatusCode::UNPROCESSABLE_ENTITY, html(&page)).into_response()
                }
                _ => Redirect::to("/account").into_response(),
            }
        }
    }
}

pub async fn export(
    State(state): State<AppState>,
    Client(client): Client,
    PageActor(actor): PageActor,
) -> Response {
    match state.app.export_my_data(&client, &actor).await {
        Ok(data) => (
            [
                (header::CONTENT_TYPE, "application/json"),
                (header::CONTENT_DISPOSITION, "attachment; filename=\"puerta-my-data.json\""),
                (header::CACHE_CONTROL, "no-store"),
            ],
            serde_json::to_string_pretty(&data).unwrap_or_default(),
        )
            .into_response(),
        Err(e) => ApiError::from(e).into_response(),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct DeleteForm {
    password: String,
}

fn delete_page(frame: Frame) -> FormPage {
    let fields =
        vec![Field::new(&frame, "password", "field-current-password", "password", "current-password")];
    FormPage::new(frame, "account-delete-title", "/account/delete", "account-delete-submit", fields)
        .intro(&["account-delete-intro"])
        .link("/account", "back-link")
}

pub async fn delete_form(ctx: Ctx, State(state): State<AppState>, PageActor(actor): PageActor) -> Response {
    delete_page(ctx.frame(&state, Some(&actor))).into_response()
}

pub async fn delete_submit(
    ctx: Ctx,
    State(state): State<AppState>,
    Client(client): Client,
    PageActor(actor): PageActor,
    CsrfForm(form): CsrfForm<DeleteForm>,
) -> Response {
    match state.app.delete_my_account(&client, &actor, &form.password).await {
        Ok(()) => {
            let mut response = redirect_notice("/", "account-deleted");
            clear_session_cookie(&mut response, state.https);
            response
        }
        Err(e) => failed(e, ctx.frame(&state, Some(&actor)), "password", delete_page),
    }
}
