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
use crate::api::openapi::{JsonBody, ProofRequired, SignedInWrite, Throttled};
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
    #[schema(format = Email, max_length = 254, example = "ana.perez@example.org")]
    email: String,
    #[schema(max_length = 128)]
    password: String,
    /// Required when the account has a second factor: a 6-digit TOTP code or a recovery code
    /// (`xxxx-xxxx`).
    #[schema(max_length = 32, example = "123456")]
    totp_code: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct TokenBody {
    /// Send as `Authorization: Bearer <token>`. Shown once; stored only hashed.
    token: String,
    /// RFC 3339, UTC.
    #[schema(format = DateTime, example = "2026-12-01T20:40:31.000Z")]
    expires_at: String,
}

/// Sign in and get a bearer token.
#[utoipa::path(post, path = "/api/v1/sessions", tag = "accounts", request_body = SignInBody,
    responses(
        JsonBody, Throttled, ProofRequired,
        (status = 201, description = "Signed in", body = TokenBody),
        (status = 401, description = "`invalid_credentials`, `totp_required` or `totp_invalid`", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "`email_not_verified`, `password_reset_required` or `account_disabled`", body = Problem, content_type = "application/problem+json")
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
        SignedInWrite,
        (status = 204, description = "Signed out")
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
    #[schema(max_length = 256)]
    token: String,
}

/// "This wasn't me": end every session of the account and require a password reset.
#[utoipa::path(post, path = "/api/v1/sessions/wasnt-me", tag = "accounts", request_body = WasntMeBody,
    responses(
        JsonBody,
        (status = 204, description = "Every session ended"),
        (status = 400, description = "`code_invalid`: a bad, used or expired link; or `malformed_json`", body = Problem, content_type = "application/problem+json")
    ))]
async fn wasnt_me(
    State(state): State<AppState>,
    Client(client): Client,
    ApiJson(body): ApiJson<WasntMeBody>,
) -> Result<StatusCode, ApiError> {
    state.app.wasnt_me(&client, &body.token).await?;
    Ok(StatusCode::NO_CONTENT)
}
