use utoipa::OpenApi;

/// The document's frame; paths are added by each area's `routes()` through utoipa-axum.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "Puerta API",
        description = "Appointments at US land ports of entry. Errors are RFC 9457 problem documents \
                       (`application/problem+json`) with a stable `code`.",
        license(name = "AGPL-3.0-or-later")
    ),
    components(schemas(super::problem::Problem, super::problem::FieldError)),
    tags(
        (name = "ports", description = "Ports of entry and their daily capacity"),
        (name = "operations", description = "Health, readiness and metrics"),
        (name = "accounts", description = "Registration, verification, sign-in, password reset"),
        (name = "me", description = "The signed-in person's own account"),
        (name = "content", description = "Entry requirements, in every language"),
        (name = "staff", description = "Staff functions (second factor required)"),
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
