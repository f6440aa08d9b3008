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
        (name = "operations", description = "Health, readiness and metrics")
    )
)]
pub struct ApiDoc;
