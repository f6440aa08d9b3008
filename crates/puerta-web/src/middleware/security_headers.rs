use axum::Router;
use axum::http::{HeaderName, HeaderValue, header};
use tower_http::set_header::SetResponseHeaderLayer;

use crate::AppState;

/// No inline script or style anywhere, nothing from another origin, never framed.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self'; style-src 'self'; \
     img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; \
     form-action 'self'; frame-ancestors 'none'";

/// Two years, as the HSTS preload list asks.
const HSTS: &str = "max-age=63072000; includeSubDomains";

pub fn apply(routes: Router<AppState>, https: bool) -> Router<AppState> {
    let fixed: [(HeaderName, &'static str); 6] = [
        (header::CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        // `same-origin` keeps Origin on our own form posts (the CSRF check needs it) and sends
        // nothing to other sites.
        (header::REFERRER_POLICY, "same-origin"),
        (header::X_FRAME_OPTIONS, "DENY"),
        (HeaderName::from_static("cross-origin-opener-policy"), "same-origin"),
        // Camera and location are used by our own pages only (photo and geofence checks).
        (HeaderName::from_static("permissions-policy"), "camera=(self), geolocation=(self), microphone=()"),
    ];
    let mut routes = routes;
    for (name, value) in fixed {
        routes = routes.layer(SetResponseHeaderLayer::overriding(name, HeaderValue::from_static(value)));
    }
    if https {
        routes = routes.layer(SetResponseHeaderLayer::overriding(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static(HSTS),
        ));
    }
    routes
}
