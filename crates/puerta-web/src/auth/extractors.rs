use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use puerta_app::AppError;
use puerta_app::accounts::{Actor, SessionKind};

use super::csrf;
use crate::AppState;
use crate::api::problem::ApiError;
use crate::locale::cookie;

/// The page session cookie: HttpOnly, SameSite=Lax, Secure over HTTPS; its value is a random
/// token whose hash is the session's key.
pub const SESSION_COOKIE: &str = "puerta_session";

pub fn session_token(parts_headers: &axum::http::HeaderMap) -> Option<String> {
    cookie(parts_headers, SESSION_COOKIE).filter(|v| !v.is_empty())
}

fn bearer(headers: &axum::http::HeaderMap) -> Option<&str> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme.eq_ignore_ascii_case("bearer").then_some(token.trim()).filter(|t| !t.is_empty())
}

/// The signed-in person calling the API: a bearer token, or a page session cookie — which, for
/// writes, must also carry the CSRF token in `x-csrf-token` and come from our own origin.
pub struct ApiActor(pub Actor);

impl FromRequestParts<AppState> for ApiActor {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        if let Some(token) = bearer(&parts.headers) {
            return Ok(Self(state.app.authenticate(token, SessionKind::Bearer).await?));
        }
        let Some(token) = session_token(&parts.headers) else {
            return Err(AppError::Unauthenticated.into());
        };
        let actor = state.app.authenticate(&token, SessionKind::Cookie).await?;
        if !parts.method.is_safe() {
            let presented = parts.headers.get(csrf::CSRF_HEADER).and_then(|v| v.to_str().ok());
            if !csrf::verify(&state.csrf_key, &parts.headers, presented, &state.own_origins) {
                return Err(ApiError::new(
                    StatusCode::FORBIDDEN,
                    crate::api::problem::ProblemCode::CsrfFailed,
                ));
            }
        }
        Ok(Self(actor))
    }
}

/// The signed-in person on a page; anyone else is sent to the sign-in page.
pub struct PageActor(pub Actor);

impl FromRequestParts<AppState> for PageActor {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let token = session_token(&parts.headers);
        match token {
            Some(token) => match state.app.authenticate(&token, SessionKind::Cookie).await {
                Ok(actor) => Ok(Self(actor)),
                Err(AppError::Unauthenticated) => Err(Redirect::to("/sign-in?expired=1").into_response()),
                Err(e) => Err(ApiError::from(e).into_response()),
            },
            None => Err(Redirect::to("/sign-in").into_response()),
        }
    }
}

/// The signed-in person if there is one, for pages anyone may see.
impl axum::extract::OptionalFromRequestParts<AppState> for PageActor {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Option<Self>, Self::Rejection> {
        let Some(token) = session_token(&parts.headers) else { return Ok(None) };
        Ok(state.app.authenticate(&token, SessionKind::Cookie).await.ok().map(Self))
    }
}
