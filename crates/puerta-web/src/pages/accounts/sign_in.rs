use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use puerta_app::AppError;
use puerta_app::accounts::{SessionKind, SignIn};
use serde::Deserialize;

use super::register::urlencode;
use crate::AppState;
use crate::api::problem::ApiError;
use crate::auth::{Client, PageActor, SESSION_COOKIE, csrf, session_token};
use crate::locale::LANG_COOKIE;
use crate::pages::form::{CsrfForm, Field, FormPage, failed, with_proof};
use crate::pages::frame::{Frame, append_cookie, clear_session_cookie, cookie};
use crate::pages::{Ctx, redirect_notice};
use ::cookie as cookie_crate;

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct SignInForm {
    email: String,
    password: String,
    altcha: String,
}

fn sign_in_page(frame: Frame, email: &str) -> FormPage {
    let fields = vec![
        Field::new(&frame, "email", "field-email", "email", "email").value(email),
        Field::new(&frame, "password", "field-password", "password", "current-password"),
    ];
    FormPage::new(frame, "sign-in-title", "/sign-in", "sign-in-submit", fields)
        .link("/forgot-password", "sign-in-forgot")
        .link("/register", "sign-in-no-account")
}

pub async fn form(ctx: Ctx, State(state): State<AppState>) -> Response {
    sign_in_page(ctx.frame(&state, None), "").into_response()
}

/// A new session id at every sign-in, and a new CSRF cookie with it.
fn start_session(state: &AppState, token: &secrecy::SecretString, to: &str) -> Response {
    use secrecy::ExposeSecret;
    let mut response = Redirect::to(to).into_response();
    append_cookie(&mut response, cookie(SESSION_COOKIE, token.expose_secret().to_string(), state.https));
    append_cookie(&mut response, cookie(csrf::CSRF_COOKIE, csrf::new_cookie_value(), state.https));
    response
}

pub async fn submit(
    ctx: Ctx,
    State(state): State<AppState>,
    Client(client): Client,
    CsrfForm(form): CsrfForm<SignInForm>,
) -> Response {
    let input = SignIn { email: form.email.clone(), password: form.password.clone().into(), totp_code: None };
    let client = with_proof(client, &form.altcha);
    match state.app.sign_in(&client, input, SessionKind::Cookie).await {
        Ok(signed) if signed.second_factor_pending => {
            start_session(&state, &signed.token, "/sign-in/second-factor")
        }
        Ok(signed) => {
            let home = if signed.partner {
                "/partner"
            } else if signed.staff {
                "/staff"
            } else {
                "/dashboard"
            };
            start_session(&state, &signed.token, home)
        }
        Err(AppError::EmailNotVerified) => {
            Redirect::to(&format!("/verify?email={}", urlencode(form.email.trim()))).into_response()
        }
        Err(e) => failed(e, ctx.frame(&state, None), "email", |frame| sign_in_page(frame, &form.email)),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct CodeForm {
    code: String,
}

fn second_factor_page(frame: Frame) -> FormPage {
    let fields = vec![
        Field::new(&frame, "code", "field-totp-code", "text", "one-time-code")
            .hint(&frame, "field-totp-code-hint"),
    ];
    FormPage::new(frame, "sign-in-totp-title", "/sign-in/second-factor", "sign-in-totp-submit", fields)
}

pub async fn second_factor_form(ctx: Ctx, State(state): State<AppState>) -> Response {
    second_factor_page(ctx.frame(&state, None)).into_response()
}

pub async fn second_factor_submit(
    ctx: Ctx,
    State(state): State<AppState>,
    Client(client): Client,
    headers: axum::http::HeaderMap,
    CsrfForm(form): CsrfForm<CodeForm>,
) -> Response {
    let Some(token) = session_token(&headers) else { return Redirect::to("/sign-in").into_response() };
    match state.app.complete_sign_in(&client, &token, &form.code).await {
        // The pending session ended; the new one is set with a new CSRF cookie.
        Ok((signed, role)) => start_session(&state, &signed.token, home_for(role)),
        Err(AppError::Unauthenticated) => Redirect::to("/sign-in?expired=1").into_response(),
        Err(e) => failed(e, ctx.frame(&state, None), "code", second_factor_page),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct Empty {}

pub async fn sign_out(
    State(state): State<AppState>,
    Client(client): Client,
    headers: axum::http::HeaderMap,
    actor: Option<PageActor>,
    CsrfForm(_): CsrfForm<Empty>,
) -> Response {
    let result = match (&actor, session_token(&headers)) {
        (Some(PageActor(actor)), _) => state.app.sign_out(&client, actor).await,
        (None, Some(token)) => state.app.end_session_token(&token).await,
        (None, None) => Ok(()),
    };
    if let Err(e) = result {
        return ApiError::from(e).into_response();
    }
    let mut response = redirect_notice("/sign-in", "signed-out");
    clear_session_cookie(&mut response, state.https);
    response
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct NextForm {
    next: String,
    lang: String,
}

/// Only our own paths: never an open redirect (browsers drop tabs and newlines and read `\` as
/// `/`, so `/\t/evil` or `/\\evil` would leave the site).
fn safe_next(next: &str) -> &str {
    let plain = next.bytes().all(|b| b > 0x20 && b != 0x7f && b != b'\\');
    let ours = next.starts_with('/') && !next.starts_with("//");
    if plain && ours { next } else { "/" }
}

/// "Stay signed in": any authenticated request restarts the idle clock.
pub async fn keep_alive(_actor: PageActor, CsrfForm(form): CsrfForm<NextForm>) -> Response {
    Redirect::to(safe_next(&form.next)).into_response()
}

/// Where a person starts after signing in: partners and staff have their own homes.
pub fn home_for(role: puerta_domain::accounts::Role) -> &'static str {
    use puerta_domain::accounts::Role;
    match role {
        Role::Partner => "/partner",
        Role::Officer | Role::Supervisor | Role::Admin => "/staff",
        Role::Traveler => "/dashboard",
    }
}

/// The language switcher: remembered in a cookie, and in the account when signed in.
pub async fn choose_language(
    State(state): State<AppState>,
    Client(client): Client,
    actor: Option<PageActor>,
    CsrfForm(form): CsrfForm<NextForm>,
) -> Response {
    let Some(language) = puerta_i18n::Language::parse(&form.lang) else {
        return Redirect::to(safe_next(&form.next)).into_response();
    };
    if let Some(PageActor(actor)) = &actor
        && let Err(e) = state.app.change_language(&client, actor, language.code()).await
    {
        return ApiError::from(e).into_response();
    }
    let mut response = Redirect::to(safe_next(&form.next)).into_response();
    let mut lang = cookie(LANG_COOKIE, language.code().to_string(), state.https);
    lang.set_http_only(false);
    lang.set_max_age(cookie_crate::time::Duration::days(365));
    append_cookie(&mut response, lang);
    response
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    #[test]
    fn only_our_own_paths_are_followed() {
        assert_eq!(safe_next("/entry-requirements"), "/entry-requirements");
        for bad in [
            "https://evil.example",
            "//evil.example",
            "/\\evil.example",
            "/\t/evil.example",
            "/\n",
            "evil",
            "",
        ] {
            assert_eq!(safe_next(bad), "/", "{bad:?}");
        }
    }
}
