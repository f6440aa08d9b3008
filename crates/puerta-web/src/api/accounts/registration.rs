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
use crate::api::problem::{ApiError, Problem};
use crate::auth::Client;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(register))
        .routes(routes!(verify))
        .routes(routes!(resend))
        .routes(routes!(request_reset))
        .routes(routes!(complete_reset))
}

#[derive(Deserialize, ToSchema)]
pub struct RegisterBody {
    email: String,
    /// 12 to 128 characters; common passwords are refused.
    password: String,
    full_name: String,
    /// E.164, e.g. `+525512345678`.
    phone: Option<String>,
    /// `en`, `es`, `ht`, `pt` or `fr`.
    language: String,
}

/// Register a traveler. The same answer whether or not the email already has an account.
#[utoipa::path(post, path = "/api/v1/accounts", tag = "accounts", request_body = RegisterBody,
    responses(
        (status = 202, description = "A verification code was sent (or the owner was notified)", body = Status),
        (status = 422, description = "Invalid fields", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many registrations from this address", body = Problem, content_type = "application/problem+json")
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
    email: String,
    /// The 6-digit code from the email.
    code: String,
}

/// Confirm an email address with its code.
#[utoipa::path(post, path = "/api/v1/accounts/verify", tag = "accounts", request_body = VerifyBody,
    responses(
        (status = 200, description = "Verified", body = Status),
        (status = 400, description = "`code_invalid`: wrong, used, expired or out of tries", body = Problem, content_type = "application/problem+json")
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
    email: String,
}

/// Send a new verification code (if the address has an unverified account).
#[utoipa::path(post, path = "/api/v1/accounts/verify/resend", tag = "accounts", request_body = EmailBody,
    responses(
        (status = 202, description = "Sent if applicable", body = Status),
        (status = 429, description = "Throttled", body = Problem, content_type = "application/problem+json")
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
        (status = 202, description = "Sent if applicable", body = Status),
        (status = 429, description = "Throttled", body = Problem, content_type = "application/problem+json")
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
    email: Option<String>,
    code: Option<String>,
    token: Option<String>,
    new_password: String,
}

/// Set a new password with the emailed code or link token; every session of the account ends.
#[utoipa::path(post, path = "/api/v1/password-resets/complete", tag = "accounts", request_body = CompleteResetBody,
    responses(
        (status = 204, description = "Password changed"),
        (status = 400, description = "`code_invalid`", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Password refused", body = Problem, content_type = "application/problem+json")
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
