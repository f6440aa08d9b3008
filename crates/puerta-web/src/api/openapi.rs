//! The OpenAPI document's frame, and the answers many operations share.
//!
//! Each operation lists its own success and specific problems, and adds the shared sets below
//! by name in `responses(...)`: [`JsonBody`] for operations with a JSON body, [`SignedIn`] or
//! [`SignedInWrite`] for those that need a session, [`Throttled`] for those behind a throttle,
//! [`QueryString`] for those with query parameters. The shared sets come first, so that a
//! specific description listed after them replaces the generic one for the same status.

use std::collections::BTreeMap;

use utoipa::openapi::header::HeaderBuilder;
use utoipa::openapi::schema::{ObjectBuilder, Type};
use utoipa::openapi::{ContentBuilder, Ref, RefOr, Response, ResponseBuilder};
use utoipa::{IntoResponses, OpenApi, ToSchema};

use super::problem::PROBLEM_CONTENT_TYPE;

/// The document's frame; paths are added by each area's `routes()` through utoipa-axum.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "Puerta API",
        description = "Appointments at US land ports of entry. Errors are RFC 9457 problem documents \
                       (`application/problem+json`) with a stable `code`.",
        license(name = "AGPL-3.0-or-later")
    ),
    components(schemas(
        super::problem::Problem,
        super::problem::FieldError,
        super::problem::Challenge,
        LanguageCode,
        RoleName,
        ChannelName,
        DeliveryStatusName
    )),
    tags(
        (name = "ports", description = "Ports of entry and their daily capacity"),
        (name = "operations", description = "Health, readiness and metrics"),
        (name = "accounts", description = "Registration, verification, sign-in, password reset"),
        (name = "me", description = "The signed-in person's own account"),
        (name = "content", description = "Entry requirements, in every language"),
        (name = "staff", description = "Staff functions (second factor required)"),
        (name = "appointments", description = "The daily draw, requests, offers, confirmation"),
        (name = "admin", description = "Administration (administrators with a second factor)")
    ),
    modifiers(&BearerAuth)
)]
pub struct ApiDoc;

/// Declares the `bearer` scheme the secured paths refer to.
struct BearerAuth;

impl utoipa::Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityScheme};
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme("bearer", SecurityScheme::Http(Http::new(HttpAuthScheme::Bearer)));
    }
}

/// A problem answer: `application/problem+json` with the `Problem` schema.
pub fn problem_response(description: &str) -> Response {
    ResponseBuilder::new()
        .description(description)
        .content(
            PROBLEM_CONTENT_TYPE,
            ContentBuilder::new().schema(Some(Ref::from_schema_name("Problem"))).build(),
        )
        .build()
}

fn answers(list: &[(&str, Response)]) -> BTreeMap<String, RefOr<Response>> {
    list.iter().map(|(status, response)| ((*status).to_string(), RefOr::T(response.clone()))).collect()
}

/// What any operation with a JSON body may answer before its handler runs (`api/json.rs`).
pub struct JsonBody;

impl IntoResponses for JsonBody {
    fn responses() -> BTreeMap<String, RefOr<Response>> {
        answers(&[
            ("400", problem_response("`malformed_json`: the body is not JSON; `unreadable_body`")),
            ("413", problem_response("`payload_too_large`: the body is over `max_body_bytes`")),
            ("415", problem_response("`unsupported_media_type`: the body is not `application/json`")),
            ("422", problem_response("`validation_failed`: fields missing or invalid, listed in `errors`")),
        ])
    }
}

/// A read by a signed-in caller: without a valid bearer token or session, 401.
pub struct SignedIn;

impl IntoResponses for SignedIn {
    fn responses() -> BTreeMap<String, RefOr<Response>> {
        answers(&[("401", problem_response("`unauthenticated`: no valid bearer token or session"))])
    }
}

/// A write by a signed-in caller: 401 without a session, 403 `csrf_failed` for a cookie
/// session without the CSRF token or from another origin.
pub struct SignedInWrite;

impl IntoResponses for SignedInWrite {
    fn responses() -> BTreeMap<String, RefOr<Response>> {
        answers(&[
            ("401", problem_response("`unauthenticated`: no valid bearer token or session")),
            ("403", problem_response("`csrf_failed`: a cookie session's write without `x-csrf-token`")),
        ])
    }
}

/// Operations with query parameters: 400 when the query string cannot be read (a number that
/// is not one), 422 when a value is refused.
pub struct QueryString;

impl IntoResponses for QueryString {
    fn responses() -> BTreeMap<String, RefOr<Response>> {
        answers(&[
            ("400", problem_response("`bad_request`: the query string cannot be read")),
            ("422", problem_response("`validation_failed`: a parameter is refused, named in `errors`")),
        ])
    }
}

/// Throttled operations: 429 with `Retry-After`, the seconds until the window ends (or, for a
/// password or a typed code, until the account's growing delay is over).
pub struct Throttled;

impl IntoResponses for Throttled {
    fn responses() -> BTreeMap<String, RefOr<Response>> {
        let seconds = ObjectBuilder::new().schema_type(Type::Integer).minimum(Some(1)).build();
        let retry_after = HeaderBuilder::new()
            .schema(seconds)
            .description(Some("Seconds to wait before trying again"))
            .build();
        let mut response = problem_response(
            "`too_many_requests` (or, signing in, `sign_in_locked`): wait `Retry-After` seconds",
        );
        response.headers.insert("Retry-After".to_string(), retry_after);
        answers(&[("429", response)])
    }
}

/// Operations a busy source address may have to prove work for: 428 `proof_required` with a
/// `challenge`; send the request again with the answer in the `Puerta-Proof` header.
pub struct ProofRequired;

impl IntoResponses for ProofRequired {
    fn responses() -> BTreeMap<String, RefOr<Response>> {
        answers(&[(
            "428",
            problem_response(
                "`proof_required`: many requests come from this source address; solve `challenge` \
                 (find `number` with hex SHA-256(salt ‖ number) = challenge) and send the request \
                 again with base64 JSON `{algorithm, challenge, number, salt, signature, maxnumber}` \
                 in the `Puerta-Proof` header",
            ),
        )])
    }
}

/// A language code (`docs/API.md`, "Languages"). Only a schema: fields keep `String`.
#[derive(ToSchema)]
#[schema(rename_all = "lowercase")]
pub enum LanguageCode {
    En,
    Es,
    Ht,
    Pt,
    Fr,
}

/// A role. Only a schema: fields keep `String`.
#[derive(ToSchema)]
#[schema(rename_all = "lowercase")]
pub enum RoleName {
    Traveler,
    Officer,
    Supervisor,
    Admin,
    Partner,
}

/// The channel of an outgoing message.
#[derive(ToSchema)]
#[schema(rename_all = "lowercase")]
pub enum ChannelName {
    Email,
    Sms,
}

/// The delivery status of an outgoing message.
#[derive(ToSchema)]
#[schema(rename_all = "snake_case")]
pub enum DeliveryStatusName {
    Created,
    Sending,
    Delivered,
    TemporaryFailure,
    PermanentFailure,
    TechnicalFailure,
}
