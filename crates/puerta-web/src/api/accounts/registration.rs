use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use puerta_app::accounts::Registration;
use serde::Deserialize;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::Status;
use crate::AppState;
use crate::api::json::ApiJson;
use crate::api::openapi::{JsonBody, LanguageCode, ProofRequired, Throttled};
use crate::api::problem::{ApiError, Problem};
use crate::auth::Client;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(register))
        .routes(routes!(verify))
        .routes(routes!(resend))
        .routes(routes!(request_reset))
        .routes(routes!(complete_reset))
        .routes(routes!(challenge))
}

/// A proof-of-work challenge to solve in advance: a client that expects a busy network (a
/// shelter) may send its answer with the next request, in the `Puerta-Proof` header.
#[utoipa::path(get, path = "/api/v1/challenge", tag = "accounts",
    responses((status = 200, body = crate::api::problem::Challenge)))]
async fn challenge(State(state): State<AppState>) -> Result<Json<crate::api::problem::Challenge>, ApiError> {
    let c = state.app.proof_challenge()?;
    Ok(Json(crate::api::problem::Challenge::from(&c)))
}

#[derive(Deserialize, ToSchema)]
pub struct RegisterBody {
    #[schema(format = Email, max_length = 254, example = "ana.perez@example.org")]
    email: String,
    /// 12 to 128 characters; common and easily guessed passwords are refused.
    #[schema(min_length = 12, max_length = 128, example = "river-lantern-copper-82")]
    password: String,
    /// As the person writes it, any script; 1 to 200 characters.
    #[schema(min_length = 1, max_length = 200, example = "Ana Pérez")]
    full_name: String,
    /// E.164, e.g. `+525512345678` (spaces, dashes, dots and brackets are removed first).
    #[schema(pattern = r"^\+[1-9][0-9]{7,14}$", example = "+525512345678")]
    phone: Option<String>,
    /// `en`, `es`, `ht`, `pt` or `fr`.
    #[schema(value_type = LanguageCode)]
    language: String,
}

/// Register a traveler. The same answer whether or not the email already has an account.
#[utoipa::path(post, path = "/api/v1/accounts", tag = "accounts", request_body = RegisterBody,
    responses(
        JsonBody, Throttled, ProofRequired,
        (status = 202, description = "A verification code was sent (or the owner was notified)", body = Status),
        (status = 409, description = "`conflict`: a simultaneous registration of the same address; try again", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`validation_failed`: invalid fields, listed in `errors`", body = Problem, content_type = "application/problem+json")
    ))]
async fn register(
    State(state): State<AppState>,
    Client(client): Client,
    ApiJson(body): ApiJson<RegisterBody>,
) -> Result<(StatusCode, Json<Status>), ApiError> {
    let input = Registration {
        email: body.email,
        password: body.password.into(),
        full_name: body.full_name,
        phone: body.phone,
        language: body.language,
    };
    state.app.register(&client, input).await?;
    Ok((StatusCode::ACCEPTED, Json(Status { status: "verification_sent" })))
}

#[derive(Deserialize, ToSchema)]
pub struct VerifyBody {
    #[schema(format = Email, max_length = 254, example = "ana.perez@example.org")]
    email: String,
    /// The 6-digit code from the email (spaces and dashes are ignored).
    #[schema(pattern = "^[0-9]{6}$", example = "123456")]
    code: String,
}

/// Confirm an email address with its code.
#[utoipa::path(post, path = "/api/v1/accounts/verify", tag = "accounts", request_body = VerifyBody,
    responses(
        JsonBody, Throttled,
        (status = 200, description = "Verified", body = Status),
        (status = 400, description = "`code_invalid`: wrong, used, expired or out of tries; or `malformed_json`", body = Problem, content_type = "application/problem+json")
    ))]
async fn verify(
    State(state): State<AppState>,
    Client(client): Client,
    ApiJson(body): ApiJson<VerifyBody>,
) -> Result<Json<Status>, ApiError> {
    state.app.verify_email(&client, &body.email, &body.code).await?;
    Ok(Json(Status { status: "verified" }))
}

#[derive(Deserialize, ToSchema)]
pub struct EmailBody {
    #[schema(format = Email, max_length = 254, example = "ana.perez@example.org")]
    email: String,
}

/// Send a new verification code (if the address has an unverified account).
#[utoipa::path(post, path = "/api/v1/accounts/verify/resend", tag = "accounts", request_body = EmailBody,
    responses(
        JsonBody, Throttled, ProofRequired,
        (status = 202, description = "Sent if applicable", body = Status)
    ))]
async fn resend(
    State(state): State<AppState>,
    Client(client): Client,
    ApiJson(body): ApiJson<EmailBody>,
) -> Result<(StatusCode, Json<Status>), ApiError> {
    state.app.resend_verification(&client, &body.email).await?;
    Ok((StatusCode::ACCEPTED, Json(Status { status: "verification_sent" })))
}

/// Email a password reset code and link (if the address has an account).
#[utoipa::path(post, path = "/api/v1/password-resets", tag = "accounts", request_body = EmailBody,
    responses(
        JsonBody, Throttled, ProofRequired,
        (status = 202, description = "Sent if applicable", body = Status)
    ))]
async fn request_reset(
    State(state): State<AppState>,
    Client(client): Client,
    ApiJson(body): ApiJson<EmailBody>,
) -> Result<(StatusCode, Json<Status>), ApiError> {
    state.app.request_password_reset(&client, &body.email).await?;
    Ok((StatusCode::ACCEPTED, Json(Status { status: "reset_sent" })))
}

#[derive(Deserialize, ToSchema)]
pub struct CompleteResetBody {
    /// With `code`; or give `token` from the emailed link instead.
    #[schema(format = Email, max_length = 254, example = "ana.perez@example.org")]
    email: Option<String>,
    /// The 6-digit code from the email.
    #[schema(pattern = "^[0-9]{6}$", example = "123456")]
    code: Option<String>,
    /// The `token` of the emailed link.
    #[schema(max_length = 256)]
    token: Option<String>,
    /// 12 to 128 characters; common and easily guessed passwords are refused.
    #[schema(min_length = 12, max_length = 128, example = "river-lantern-copper-82")]
    new_password: String,
}

/// Set a new password with the emailed code or link token; every session of the account ends.
#[utoipa::path(post, path = "/api/v1/password-resets/complete", tag = "accounts", request_body = CompleteResetBody,
    responses(
        JsonBody, Throttled,
        (status = 204, description = "Password changed"),
        (status = 400, description = "`code_invalid`: wrong, used, expired or out of tries; or `malformed_json`", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`validation_failed`: the password is refused, or neither a code nor a token was given", body = Problem, content_type = "application/problem+json")
    ))]
async fn complete_reset(
    State(state): State<AppState>,
    Client(client): Client,
    ApiJson(body): ApiJson<CompleteResetBody>,
) -> Result<StatusCode, ApiError> {
    state
        .app
        .reset_password(
            &client,
            body.email.as_deref(),
            body.code.as_deref(),
            body.token.as_deref(),
            &body.new_password,
        )
        .await?;
    Ok(StatusCode::NO_CONTENT)
}
