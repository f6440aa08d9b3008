//! What browsers, shared caches and the service worker may keep.
//!
//! - The API: every `/api/v1/…` answer is `no-store` (tokens, TOTP secrets, recovery codes and
//!   personal data travel there), except the public reference reads: ports, Entry Requirements
//!   and the OpenAPI document.
//! - Pages: anything answered to a signed-in person (a session cookie came with the request) is
//!   `no-store, private`, public pages included, since they show that person's navigation and
//!   forms; so is HTML that is not a public page. Public pages for visitors are `no-cache`
//!   (revalidated, so edits show at once; the service worker keeps them for offline reading).
//!   Static assets, icons, the manifest and the worker keep their own policy.

use axum::extract::Request;
use axum::http::{HeaderMap, HeaderValue, Method, header};
use axum::response::Response;

use super::hook::Hook;
use crate::auth::session_token;
use crate::pages::frame::is_public_page;

const NO_STORE: &str = "no-store";
const PERSONAL: &str = "no-store, private";

/// API reads anyone may make that hold nothing personal.
pub fn is_public_api_read(method: &Method, path: &str) -> bool {
    let read = method == Method::GET || method == Method::HEAD;
    read && (path == "/api/v1/openapi.json"
        || path == "/api/v1/ports"
        || path.starts_with("/api/v1/ports/")
        || path == "/api/v1/entry-requirements"
        || path.starts_with("/api/v1/entry-requirements/"))
}

/// Public files with their own caching (content-hashed assets, icons, manifest, worker).
pub(crate) fn keeps_own_policy(path: &str) -> bool {
    path.starts_with("/static/") || path == "/sw.js" || path == "/manifest.webmanifest"
}

/// The policy as a layer step.
#[derive(Clone, Copy)]
pub(crate) struct CachePolicy;

/// What the request decided, before the handler took it.
pub(crate) enum Seen {
    /// `/api/v1/…`: `no-store` unless a public reference read.
    Api { public: bool },
    /// Other `/api/…` and files with their own policy: left alone.
    Own,
    /// A page (or anything else that may be HTML).
    Page { signed_in: bool, public: bool },
}

impl Hook for CachePolicy {
    type Seen = Seen;

    fn before(&self, request: &mut Request) -> Result<Seen, Response> {
        let path = request.uri().path();
        Ok(if path.starts_with("/api/v1/") || path == "/api/v1" {
            Seen::Api { public: is_public_api_read(request.method(), path) }
        } else if path.starts_with("/api/") || keeps_own_policy(path) {
            Seen::Own
        } else {
            Seen::Page { signed_in: session_token(request.headers()).is_some(), public: is_public_page(path) }
        })
    }

    fn after(&self, seen: Seen, mut response: Response) -> Response {
        let headers = response.headers_mut();
        match seen {
            Seen::Api { public: false } => {
                headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(NO_STORE));
            }
            Seen::Api { public: true } | Seen::Own => {}
            Seen::Page { signed_in, public } => {
                let is_html = headers
                    .get(header::CONTENT_TYPE)
                    .and_then(|v| v.to_str().ok())
                    .is_some_and(|v| v.starts_with("text/html"));
                if signed_in || (is_html && !public) {
                    if !forbids_storing(headers) {
                        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(PERSONAL));
                    }
                } else if is_html && !headers.contains_key(header::CACHE_CONTROL) {
                    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
                }
            }
        }
        response
    }
}

/// Already `no-store` (a handler's own, at least as strict).
fn forbids_storing(headers: &HeaderMap) -> bool {
    headers.get(header::CACHE_CONTROL).and_then(|v| v.to_str().ok()).is_some_and(|v| v.contains(NO_STORE))
}
