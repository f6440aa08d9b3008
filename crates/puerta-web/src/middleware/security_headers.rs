use axum::extract::Request;
use axum::http::{HeaderName, HeaderValue, header};
use axum::response::Response;

use super::hook::Hook;

/// No inline script or style anywhere, nothing from another origin, never framed.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self'; style-src 'self'; \
     img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; \
     form-action 'self'; frame-ancestors 'none'";

/// Two years, as the HSTS preload list asks.
const HSTS: &str = "max-age=63072000; includeSubDomains";

/// Sent on every answer, replacing any a handler set.
const FIXED: [(HeaderName, HeaderValue); 6] = [
    (header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(CONTENT_SECURITY_POLICY)),
    (header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff")),
    // `same-origin` keeps Origin on our own form posts (the CSRF check needs it) and sends
    // nothing to other sites.
    (header::REFERRER_POLICY, HeaderValue::from_static("same-origin")),
    (header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY")),
    (HeaderName::from_static("cross-origin-opener-policy"), HeaderValue::from_static("same-origin")),
    // Camera and location are used by our own pages only (photo and geofence checks).
    (
        HeaderName::from_static("permissions-policy"),
        HeaderValue::from_static("camera=(self), geolocation=(self), microphone=()"),
    ),
];

/// The security headers; `Strict-Transport-Security` too when served over HTTPS.
#[derive(Clone, Copy)]
pub(crate) struct SecurityHeaders {
    pub https: bool,
}

impl Hook for SecurityHeaders {
    type Seen = ();

    fn before(&self, _request: &mut Request) -> Result<(), Response> {
        Ok(())
    }

    fn after(&self, (): (), mut response: Response) -> Response {
        let headers = response.headers_mut();
        headers.reserve(FIXED.len() + 1);
        for (name, value) in FIXED {
            headers.insert(name, value);
        }
        if self.https {
            headers.insert(header::STRICT_TRANSPORT_SECURITY, HeaderValue::from_static(HSTS));
        }
        response
    }
}
