use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use puerta_app::accounts::{Profile, ProfileChange};
use secrecy::ExposeSecret;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::Status;
use crate::AppState;
use crate::api::json::ApiJson;
use crate::api::problem::{ApiError, Problem};
use crate::auth::{ApiActor, Client};

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(me, update_me))
        .routes(routes!(change_password))
        .routes(routes!(change_email))
        .routes(routes!(confirm_email))
        .routes(routes!(start_totp))
        .routes(routes!(confirm_totp))
        .routes(routes!(export))
        .routes(routes!(delete_me))
        .routes(routes!(staff_overview))
        .routes(routes!(partner_overview))
}

#[derive(Serialize, ToSchema)]
pub struct MeBody {
    id: String,
    email: String,
    full_name: String,
    phone: Option<String>,
    /// `traveler`, `officer`, `supervisor`, `admin` or `partner`.
    role: String,
    language: String,
    mfa_enabled: bool,
}

impl From<Profile> for MeBody {
    fn from(p: Profile) -> Self {
        Self {
            id: p.id.to_string(),
            email: p.email,
            full_name: p.full_name,
            phone: p.phone,
            role: p.role.as_str().into(),
            language: p.language.code().into(),
            mfa_enabled: p.mfa_enabled,
        }
    }
}

/// The signed-in person's account.
#[utoipa::path(get, path = "/api/v1/me", tag = "me", security(("bearer" = [])),
    responses((status = 200, body = MeBody), (status = 401, body = Problem, content_type = "application/problem+json")))]
async fn me(State(state): State<AppState>, ApiActor(actor): ApiActor) -> Result<Json<MeBody>, ApiError> {
    Ok(Json(state.app.me(&actor).await?.into()))
}

#[derive(Deserialize, ToSchema)]
pub struct UpdateMeBody {
    /// `en`, `es`, `ht`, `pt` or `fr`.
    language: Option<String>,
    /// E.164; an empty string removes the number.
    phone: Option<String>,
}

/// Change language and/or mobile phone.
#[utoipa::path(patch, path = "/api/v1/me", tag = "me", security(("bearer" = [])), request_body = UpdateMeBody,
    responses((status = 200, body = MeBody), (status = 422, body = Problem, content_type = "application/problem+json")))]
async fn update_me(
    State(state): State<AppState>,
    Client(client): Client,
    ApiActor(actor): ApiActor,
    ApiJson(body): ApiJson<UpdateMeBody>,
) -> Result<Json<MeBody>, ApiError> {
    // One use case, one commit: a bad phone leaves the language unchanged too.
    let change = ProfileChange { language: body.language, phone: body.phone };
    state.app.update_profile(&client, &actor, change).await?;
    Ok(Json(state.app.me(&actor).await?.into()))
}

#[derive(Deserialize, ToSchema)]
pub struct PasswordBody {
    current_password: String,
    new_password: String,
}

/// Change the password; every other session ends.
#[utoipa::path(post, path = "/api/v1/me/password", tag = "me", security(("bearer" = [])), request_body = PasswordBody,
    responses((status = 204), (status = 422, body = Problem, content_type = "application/problem+json")))]
async fn change_password(
    State(state): State<AppState>,
    Client(client): Client,
    ApiActor(actor): ApiActor,
    ApiJson(body): ApiJson<PasswordBody>,
) -> Result<StatusCode, ApiError> {
    state.app.change_password(&client, &actor, &body.current_password, &body.new_password).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize, ToSchema)]
pub struct EmailChangeBody {
    new_email: String,
    password: String,
}

/// Send a code to a new email address; the change happens on confirmation.
#[utoipa::path(post, path = "/api/v1/me/email", tag = "me", security(("bearer" = [])), request_body = EmailChangeBody,
    responses((status = 202, body = Status), (status = 422, body = Problem, content_type = "application/problem+json")))]
async fn change_email(
    State(state): State<AppState>,
    Client(client): Client,
    ApiActor(actor): ApiActor,
    ApiJson(body): ApiJson<EmailChangeBody>,
) -> Result<(StatusCode, Json<Status>), ApiError> {
    state.app.request_email_change(&client, &actor, &body.new_email, &body.password).await?;
    Ok((StatusCode::ACCEPTED, Json(Status { status: "verification_sent" })))
}

#[derive(Deserialize, ToSchema)]
pub struct CodeBody {
    code: String,
}

/// Confirm the new email address with its code.
#[utoipa::path(post, path = "/api/v1/me/email/confirm", tag = "me", security(("bearer" = [])), request_body = CodeBody,
    responses((status = 200, body = MeBody), (status = 400, body = Problem, content_type = "application/problem+json")))]
async fn confirm_email(
    State(state): State<AppState>,
    Client(client): Client,
    ApiActor(actor): ApiActor,
    ApiJson(body): ApiJson<CodeBody>,
) -> Result<Json<MeBody>, ApiError> {
    state.app.confirm_email_change(&client, &actor, &body.code).await?;
    Ok(Json(state.app.me(&actor).await?.into()))
}

#[derive(Serialize, ToSchema)]
pub struct TotpBody {
    /// Base32 secret, to type into an authenticator app.
    secret: String,
    /// `otpauth://totp/…`, the QR code's content.
    otpauth_uri: String,
}

/// Start enrolling an authenticator app (TOTP, RFC 6238).
#[utoipa::path(post, path = "/api/v1/me/totp", tag = "me", security(("bearer" = [])),
    responses((status = 200, body = TotpBody), (status = 409, description = "`totp_already_enabled`", body = Problem, content_type = "application/problem+json")))]
async fn start_totp(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
) -> Result<Json<TotpBody>, ApiError> {
    let e = state.app.start_totp(&actor).await?;
    Ok(Json(TotpBody {
        secret: e.secret.expose_secret().to_string(),
        otpauth_uri: e.otpauth_uri.expose_secret().to_string(),
    }))
}

#[derive(Serialize, ToSchema)]
pub struct RecoveryCodesBody {
    /// Ten single-use codes, shown once.
    recovery_codes: Vec<String>,
}

/// Confirm enrolment with a current code; returns the recovery codes.
#[utoipa::path(post, path = "/api/v1/me/totp/confirm", tag = "me", security(("bearer" = [])), request_body = CodeBody,
    responses((status = 200, body = RecoveryCodesBody), (status = 422, body = Problem, content_type = "application/problem+json")))]
async fn confirm_totp(
    State(state): State<AppState>,
    Client(client): Client,
    ApiActor(actor): ApiActor,
    ApiJson(body): ApiJson<CodeBody>,
) -> Result<Json<RecoveryCodesBody>, ApiError> {
    let codes = state.app.confirm_totp(&client, &actor, &body.code).await?;
    Ok(Json(RecoveryCodesBody {
        recovery_codes: codes.iter().map(|c| c.expose_secret().to_string()).collect(),
    }))
}

/// Everything Puerta holds about the caller, as JSON.
#[utoipa::path(get, path = "/api/v1/me/export", tag = "me", security(("bearer" = [])),
    responses((status = 200, body = Object)))]
async fn export(
    State(state): State<AppState>,
    Client(client): Client,
    ApiActor(actor): ApiActor,
) -> Result<Json<serde_json::Value>, ApiError> {
    Ok(Json(state.app.export_my_data(&client, &actor).await?))
}

#[derive(Deserialize, ToSchema)]
pub struct DeleteBody {
    password: String,
}

/// Delete the caller's account (personal data erased; see docs/SECURITY.md for what is kept).
#[utoipa::path(post, path = "/api/v1/me/deletion", tag = "me", security(("bearer" = [])), request_body = DeleteBody,
    responses((status = 204), (status = 422, body = Problem, content_type = "application/problem+json")))]
async fn delete_me(
    State(state): State<AppState>,
    Client(client): Client,
    ApiActor(actor): ApiActor,
    ApiJson(body): ApiJson<DeleteBody>,
) -> Result<StatusCode, ApiError> {
    state.app.delete_my_account(&client, &actor, &body.password).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Serialize, ToSchema)]
pub struct StaffOverviewBody {
    role: String,
    total_daily_capacity: u32,
    port_codes: Vec<String>,
}

/// The staff home's figures. Staff with a second factor only (`mfa_required` otherwise).
#[utoipa::path(get, path = "/api/v1/staff/overview", tag = "staff", security(("bearer" = [])),
    responses((status = 200, body = StaffOverviewBody), (status = 403, description = "`forbidden` or `mfa_required`", body = Problem, content_type = "application/problem+json")))]
async fn staff_overview(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
) -> Result<Json<StaffOverviewBody>, ApiError> {
    let o = state.app.staff_overview(&actor).await?;
    Ok(Json(StaffOverviewBody {
        role: o.role.as_str().into(),
        total_daily_capacity: o.total_daily_capacity,
        port_codes: o.ports.into_iter().map(|p| p.code.to_string()).collect(),
    }))
}

#[derive(Serialize, ToSchema)]
pub struct PartnerOverviewBody {
    total_daily_capacity: u32,
    port_codes: Vec<String>,
}

/// The partners' home figures. Partners with a second factor only.
#[utoipa::path(get, path = "/api/v1/partner/overview", tag = "partner", security(("bearer" = [])),
    responses((status = 200, body = PartnerOverviewBody), (status = 403, description = "`forbidden` or `mfa_required`", body = Problem, content_type = "application/problem+json")))]
async fn partner_overview(
    State(state): State<AppState>,
    ApiActor(actor): ApiActor,
) -> Result<Json<PartnerOverviewBody>, ApiError> {
    let o = state.app.partner_overview(&actor).await?;
    Ok(Json(PartnerOverviewBody {
        total_daily_capacity: o.total_daily_capacity,
        port_codes: o.ports.into_iter().map(|p| p.code.to_string()).collect(),
    }))
}
