//! The hard cap on request bodies, per route: every body stays within `max_body_bytes`, except
//! a document upload (`POST /api/v1/cases/{ref}/documents`, and the case page's form at
//! `POST /cases/{ref}/documents`), which may be as large as the largest document plus its
//! multipart overhead. A declared length over the cap is answered 413 at once; a body that
//! grows past it while being read fails the read (413 from the extractor).

use axum::body::{Body, HttpBody};
use axum::extract::Request;
use axum::http::{Method, StatusCode, header};
use axum::response::{IntoResponse, Response};

use super::hook::Hook;
use crate::api::problem::ApiError;

/// The two caps, in bytes.
#[derive(Debug, Clone, Copy)]
pub struct BodyLimits {
    pub default: usize,
    pub upload: usize,
}

fn is_upload(request: &Request) -> bool {
    let path = request.uri().path();
    // The API's upload, and the case page's upload form (`pages::cases`), which sends the same.
    let one_segment = |prefix: &str, suffix: &str| {
        path.strip_prefix(prefix)
            .and_then(|rest| rest.strip_suffix(suffix))
            .is_some_and(|id| !id.is_empty() && !id.contains('/'))
    };
    request.method() == Method::POST
        && (["/api/v1/cases/", "/cases/"].iter().any(|prefix| one_segment(prefix, "/documents"))
            // A traveler's photo for a confirmation (API, and the confirmation page's form).
            || one_segment("/api/v1/travelers/", "/photo")
            || path.strip_prefix("/appointments/").is_some_and(|rest| rest.ends_with("/photo"))
            // A reply with a document attached (the conversation page's form).
            || one_segment("/messages/", "/reply"))
}

/// The watchlist upload's cap: the largest list (`WATCHLIST_MAX_BYTES`) and the page form's
/// multipart overhead. Only `PUT /api/v1/admin/watchlist` and the admin page's
/// `POST /admin/watchlist` get it.
pub const WATCHLIST_BODY_BYTES: usize =
    puerta_domain::cases::screening::WATCHLIST_MAX_BYTES + crate::UPLOAD_OVERHEAD_BYTES;

fn is_watchlist_upload(request: &Request) -> bool {
    let path = request.uri().path();
    (request.method() == Method::PUT && path == "/api/v1/admin/watchlist")
        || (request.method() == Method::POST && path == "/admin/watchlist")
}

impl Hook for BodyLimits {
    type Seen = ();

    fn before(&self, request: &mut Request) -> Result<(), Response> {
        let cap = if is_upload(request) {
            self.upload
        } else if is_watchlist_upload(request) {
            self.default.max(WATCHLIST_BODY_BYTES)
        } else {
            self.default
        };
        let declared = request
            .headers()
            .get(header::CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse::<u64>().ok());
        if declared.is_some_and(|n| n > u64::try_from(cap).unwrap_or(u64::MAX)) {
            return Err(ApiError::from_status(StatusCode::PAYLOAD_TOO_LARGE).into_response());
        }
        // A body already at its end (every GET) cannot grow past the cap.
        if !request.body().is_end_stream() {
            let body = std::mem::take(request.body_mut());
            *request.body_mut() = Body::new(http_body_util::Limited::new(body, cap));
        }
        Ok(())
    }

    fn after(&self, (): (), response: Response) -> Response {
        response
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(method: Method, path: &str) -> Request {
        Request::builder().method(method).uri(path).body(Body::empty()).unwrap_or_default()
    }

    #[test]
    fn only_a_document_upload_gets_the_larger_cap() {
        assert!(is_upload(&request(Method::POST, "/api/v1/cases/PUE4829301758/documents")));
        assert!(is_upload(&request(Method::POST, "/cases/PUE4829301758/documents")));
        for (method, path) in [
            (Method::GET, "/api/v1/cases/PUE4829301758/documents"),
            (Method::POST, "/api/v1/cases//documents"),
            (Method::POST, "/api/v1/cases/a/b/documents"),
            (Method::POST, "/api/v1/ports"),
            (Method::POST, "/api/v1/cases/PUE4829301758/documents/x"),
            (Method::POST, "/cases//documents"),
            (Method::POST, "/x/cases/PUE4829301758/documents"),
        ] {
            assert!(!is_upload(&request(method.clone(), path)), "{method} {path}");
        }
    }

    #[test]
    fn only_the_watchlist_upload_gets_the_watchlist_cap() {
        assert!(is_watchlist_upload(&request(Method::PUT, "/api/v1/admin/watchlist")));
        assert!(is_watchlist_upload(&request(Method::POST, "/admin/watchlist")));
        for (method, path) in [
            (Method::POST, "/api/v1/admin/watchlist"),
            (Method::GET, "/admin/watchlist"),
            (Method::PUT, "/api/v1/admin/watchlist/x"),
            (Method::POST, "/admin/users"),
        ] {
            assert!(!is_watchlist_upload(&request(method.clone(), path)), "{method} {path}");
        }
    }
}
