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
use crate::api::openapi::{
    JsonBody, LanguageCode, ProofRequired, RoleName, SignedIn, SignedInWrite, Throttled,
};
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
    #[schema(pattern = "^[A-Za-z0-9_-]{1,64}$")]
    id: String,
    #[schema(format = Email, max_length = 254, example = "ana.perez@example.org")]
    email: String,
    #[schema(min_length = 1, max_length = 200, example = "Ana Pérez")]
    full_name: String,
    /// E.164.
    #[schema(pattern = r"^\+[1-9][0-9]{7,14}$", example = "+525512345678")]
    phone: Option<String>,
    /// `traveler`, `officer`, `supervisor`, `admin` or `partner`.
    #[schema(value_type = RoleName)]
    role: String,
    #[schema(value_type = LanguageCode)]
    language: String,
    /// Where the person reads times (an IANA name from the list in `docs/API.md`).
    #[schema(value_type = TimeZoneName)]
    time_zone: String,
    mfa_enabled: bool,
}

/// The time zones a person may choose (IANA names).
#[derive(ToSchema)]
#[allow(dead_code)]
pub enum TimeZoneName {
    #[schema(rename = "America/Mexico_City")]
    MexicoCity,
    #[schema(rename = "America/Tijuana")]
    Tijuana,
    #[schema(rename = "America/Hermosillo")]
    Hermosillo,
    #[schema(rename = "America/Ciudad_Juarez")]
    CiudadJuarez,
    #[schema(rename = "America/Matamoros")]
    Matamoros,
    #[schema(rename = "America/Cancun")]
    Cancun,
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
            time_zone: p.time_zone.name().into(),
            mfa_enabled: p.mfa_enabled,
        }
    }
}

/// The signed-in person's account.
#[utoipa::path(get, path = "/api/v1/me", tag = "me", security(("bearer" = [])),
    responses(SignedIn, (status = 200, body = MeBody)))]
async fn me(State(state): State<AppState>, ApiActor(actor): ApiActor) -> Result<Json<MeBody>, ApiError> {
    Ok(Json(state.app.me(&actor).await?.into()))
}

#[derive(Deserialize, ToSchema)]
pub struct UpdateMeBody {
    /// `en`, `es`, `ht`, `pt` or `fr`.
    #[schema(value_type = Option<LanguageCode>)]
    language: Option<String>,
    /// E.164 (spaces, dashes, dots and brackets are removed first); an empty string removes
    /// the number.
    #[schema(pattern = r"^(\+[1-9][0-9]{7,14})?$", example = "+525512345678")]
    phone: Option<String>,
    /// Where the person reads times.
    #[schema(value_type = Option<TimeZoneName>)]
    time_zone: Option<String>,
}

/// Change language, mobile phone and/or time zone.
#[utoipa::path(patch, path = "/api/v1/me", tag = "me", security(("bearer" = [])), request_body = UpdateMeBody,
    responses(JsonBody, SignedInWrite, (status = 200, body = MeBody)))]
async fn update_me(
    State(state): State<AppState>,
    Client(client): Client,
    ApiActor(actor): ApiActor,
    ApiJson(body): ApiJson<UpdateMeBody>,
) -> Result<Json<MeBody>, ApiError> {
    // One use case, one commit: a bad phone leaves the language unchanged too.
    let change = ProfileChange { language: body.language, phone: body.phone, time_zone: body.time_zone };
    state.app.update_profile(&client, &actor, change).await?;
    Ok(Json(state.app.me(&actor).await?.into()))
}

#[derive(Deserialize, ToSchema)]
pub struct PasswordBody {
    #[schema(max_length = 128)]
    current_password: String,
    /// 12 to 128 characters; common and easily guessed passwords are refused.
    #[schema(min_length = 12, max_length = 128, example = "river-lantern-copper-82")]
    new_password: String,
}

/// Change the password; every other session ends.
#[utoipa::path(post, path = "/api/v1/me/password", tag = "me", security(("bearer" = [])), request_body = PasswordBody,
    responses(JsonBody, SignedInWrite, Throttled, (status = 204, description = "Password changed"),
        (status = 422, description = "`validation_failed`: the current password is wrong or the new one is refused", body = Problem, content_type = "application/problem+json")))]
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
    #[schema(format = Email, max_length = 254, example = "ana.perez@example.org")]
    new_email: String,
    /// The current password.
    #[schema(max_length = 128)]
    password: String,
}

/// Send a code to a new email address; the change happens on confirmation.
#[utoipa::path(post, path = "/api/v1/me/email", tag = "me", security(("bearer" = [])), request_body = EmailChangeBody,
    responses(JsonBody, SignedInWrite, Throttled, ProofRequired, (status = 202, body = Status),
        (status = 409, description = "`email_taken`", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`validation_failed`: a bad address or a wrong password", body = Problem, content_type = "application/problem+json")))]
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
    /// 6 digits (spaces and dashes are ignored).
    #[schema(pattern = "^[0-9]{6}$", example = "123456")]
    code: String,
}

/// Confirm the new email address with its code.
#[utoipa::path(post, path = "/api/v1/me/email/confirm", tag = "me", security(("bearer" = [])), request_body = CodeBody,
    responses(JsonBody, SignedInWrite, (status = 200, body = MeBody),
        (status = 400, description = "`code_invalid`: wrong, used, expired or out of tries; or `malformed_json`", body = Problem, content_type = "application/problem+json")))]
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
    #[schema(pattern = "^[A-Z2-7]+=*$")]
    secret: String,
    /// `otpauth://totp/…`, the QR code's content.
    otpauth_uri: String,
}

/// Start enrolling an authenticator app (TOTP, RFC 6238).
#[utoipa::path(post, path = "/api/v1/me/totp", tag = "me", security(("bearer" = [])),
    responses(SignedInWrite, (status = 200, body = TotpBody), (status = 409, description = "`totp_already_enabled`", body = Problem, content_type = "application/problem+json")))]
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
    /// Ten single-use codes `xxxx-xxxx`, shown once.
    #[schema(min_items = 10, max_items = 10)]
    recovery_codes: Vec<String>,
}

/// Turning on the second factor: the account's password again, and a current code.
#[derive(Deserialize, ToSchema)]
pub struct TotpConfirmBody {
    /// The account's current password.
    #[schema(format = Password, min_length = 1, max_length = 1024)]
    password: String,
    /// 6 digits from the authenticator app.
    #[schema(pattern = "^[0-9]{6}$", example = "123456")]
    code: String,
}

/// Confirm enrolment with the password and a current code; returns the recovery codes. Ends
/// every other session of the account and emails a notice.
#[utoipa::path(post, path = "/api/v1/me/totp/confirm", tag = "me", security(("bearer" = [])), request_body = TotpConfirmBody,
    responses(JsonBody, SignedInWrite, Throttled, (status = 200, body = RecoveryCodesBody),
        (status = 409, description = "`totp_already_enabled` or `totp_not_started`", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`validation_failed`: the code is wrong", body = Problem, content_type = "application/problem+json")))]
async fn confirm_totp(
    State(state): State<AppState>,
    Client(client): Client,
    ApiActor(actor): ApiActor,
    ApiJson(body): ApiJson<TotpConfirmBody>,
) -> Result<Json<RecoveryCodesBody>, ApiError> {
    let codes = state.app.confirm_totp(&client, &actor, &body.password, &body.code).await?;
    Ok(Json(RecoveryCodesBody {
        recovery_codes: codes.iter().map(|c| c.expose_secret().to_string()).collect(),
    }))
}

/// Everything Puerta holds about the caller, as JSON.
#[utoipa::path(get, path = "/api/v1/me/export", tag = "me", security(("bearer" = [])),
    responses(SignedIn, (status = 200, body = Object)))]
async fn export(
    State(state): State<AppState>,
    Client(client): Client,
    ApiActor(actor): ApiActor,
) -> Result<Json<serde_json::Value>, ApiError> {
    Ok(Json(state.app.export_my_data(&client, &actor).await?))
}

#[derive(Deserialize, ToSchema)]
pub struct DeleteBody {
    /// The current password.
    #[schema(max_length = 128)]
    password: String,
}

/// Delete the caller's account (personal data erased; see docs/SECURITY.md for what is kept).
#[utoipa::path(post, path = "/api/v1/me/deletion", tag = "me", security(("bearer" = [])), request_body = DeleteBody,
    responses(JsonBody, SignedInWrite, Throttled, (status = 204, description = "Deleted"),
        (status = 409, description = "`last_admin`: the only active administrator", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`validation_failed`: a wrong password", body = Problem, content_type = "application/problem+json")))]
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
    #[schema(value_type = RoleName)]
    role: String,
    total_daily_capacity: u32,
    port_codes: Vec<String>,
}

/// The staff home's figures. Staff with a second factor only (`mfa_required` otherwise).
#[utoipa::path(get, path = "/api/v1/staff/overview", tag = "staff", security(("bearer" = [])),
    responses(SignedIn, (status = 200, body = StaffOverviewBody), (status = 403, description = "`forbidden` or `mfa_required`", body = Problem, content_type = "application/problem+json")))]
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
    responses(SignedIn, (status = 200, body = PartnerOverviewBody), (status = 403, description = "`forbidden` or `mfa_required`", body = Problem, content_type = "application/problem+json")))]
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
