use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use puerta_app::accounts::{SessionKind, SignIn};
use secrecy::ExposeSecret;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AppState;
use crate::api::json::ApiJson;
use crate::api::problem::{ApiError, Problem};
use crate::auth::{ApiActor, Client};

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(create_session))
        .routes(routes!(end_session))
        .routes(routes!(wasnt_me))
}

#[derive(Deserialize, ToSchema)]
pub struct SignInBody {
    email: String,
    password: String,
    /// Required when the account has a second factor: a TOTP code or a recovery code.
    totp_code: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct TokenBody {
    /// Send as `Authorization: Bearer <token>`. Shown once; stored only hashed.
    token: String,
    /// RFC 3339, UTC.
    expires_at: String,
}

/// Sign in and get a bearer token.
#[utoipa::path(post, path = "/api/v1/sessions", tag = "accounts", request_body = SignInBody,
    responses(
        (status = 201, description = "Signed in", body = TokenBody),
        (status = 401, description = "`invalid_credentials`, `totp_required` or `totp_invalid`", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "`email_not_verified`, `password_reset_required` or `account_disabled`", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many failures for this email from this address", body = Problem, content_type = "application/problem+json")
    ))]
async fn create_session(
    State(state): State<AppState>,
    Client(client): Client,
    ApiJson(body): ApiJson<SignInBody>,
) -> Result<(StatusCode, Json<TokenBody>), ApiError> {
    let input = SignIn {
        email: body.email,
        password: body.password.into(),
        totp_code: body.totp_code.map(Into::into),
    };
    let signed = state.app.sign_in(&client, input, SessionKind::Bearer).await?;
    let expires_at = crate::api::time::rfc3339(signed.expires_at);
    Ok((StatusCode::CREATED, Json(TokenBody { token: signed.token.expose_secret().to_string(), expires_at })))
}

/// Sign out: the token is refused from now on.
#[utoipa::path(delete, path = "/api/v1/sessions/current", tag = "accounts", security(("bearer" = [])),
    responses(
        (status = 204, description = "Signed out"),
        (status = 401, description = "`unauthenticated`", body = Problem, content_type = "application/problem+json")
    ))]
async fn end_session(
    State(state): State<AppState>,
    Client(client): Client,
    ApiActor(actor): ApiActor,
) -> Result<StatusCode, ApiError> {
    state.app.sign_out(&client, &actor).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize, ToSchema)]
pub struct WasntMeBody {
    /// The `token` of the link in the sign-in notice.
    token: String,
}

/// "This wasn't me": end every session of the account and require a password reset.
#[utoipa::path(post, path = "/api/v1/sessions/wasnt-me", tag = "accounts", request_body = WasntMeBody,
    responses(
        (status = 204, description = "Every session ended"),
        (status = 400, description = "`code_invalid`: a bad or expired link", body = Problem, content_type = "application/problem+json")
    ))]
async fn wasnt_me(
    State(state): State<AppState>,
    Client(client): Client,
    ApiJson(body): ApiJson<WasntMeBody>,
) -> Result<StatusCode, ApiError> {
    state.app.wasnt_me(&client, &body.token).await?;
    Ok(StatusCode::NO_CONTENT)
}
