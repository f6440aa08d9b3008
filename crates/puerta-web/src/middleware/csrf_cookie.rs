//! Gives every browser a CSRF cookie before it first sees a form (see `auth::csrf`): a page
//! answered to a request without one sets a fresh one, and hands it to the page's frame
//! ([`CsrfCookie`]). Nothing is done for a request that has one (the page reads it from the
//! request), nor where no form can be: the API, the health and metrics endpoints, static files.

use axum::extract::Request;
use axum::http::HeaderMap;
use axum::response::Response;

use super::cache_control::keeps_own_policy;
use super::hook::Hook;
use crate::auth::csrf::{self, CSRF_COOKIE};
use crate::pages::frame::{CsrfCookie, append_cookie, cookie};

#[derive(Clone, Copy)]
pub(crate) struct EnsureCsrfCookie {
    pub https: bool,
}

impl Hook for EnsureCsrfCookie {
    /// The cookie made for this request, to send with its answer.
    type Seen = Option<String>;

    fn before(&self, request: &mut Request) -> Result<Option<String>, Response> {
        let path = request.uri().path();
        if path.starts_with("/api/") || no_forms(path) || has_cookie(request.headers()) {
            return Ok(None);
        }
        let value = csrf::new_cookie_value();
        request.extensions_mut().insert(CsrfCookie(value.clone()));
        Ok(Some(value))
    }

    fn after(&self, made: Option<String>, mut response: Response) -> Response {
        if let Some(value) = made {
            append_cookie(&mut response, cookie(CSRF_COOKIE, value, self.https));
        }
        response
    }
}

/// Paths that never answer a form.
fn no_forms(path: &str) -> bool {
    matches!(path, "/healthz" | "/readyz" | "/metrics") || keeps_own_policy(path)
}

/// Whether the request carries a usable CSRF cookie, as `csrf::cookie_value` decides (its first
/// `puerta_csrf`, at least 32 characters), without copying it.
fn has_cookie(headers: &HeaderMap) -> bool {
    crate::locale::cookie_str(headers, CSRF_COOKIE).is_some_and(|value| value.len() >= 32)
}

#[cfg(test)]
mod tests {
    use axum::http::{HeaderValue, header};

    use super::*;

    #[test]
    fn a_cookie_counts_exactly_when_the_csrf_check_would_read_it() {
        let long = "x".repeat(32);
        for cookies in [
            vec![],
            vec![format!("puerta_csrf={long}")],
            vec![format!("lang=es; puerta_csrf={long}")],
            vec!["lang=es".to_string(), format!("puerta_csrf={long}")],
            vec!["puerta_csrf=short".to_string()],
            vec![format!("puerta_csrf=short; puerta_csrf={long}")],
            vec![format!("other_puerta_csrf={long}")],
        ] {
            let mut headers = HeaderMap::new();
            for c in &cookies {
                headers
                    .append(header::COOKIE, HeaderValue::from_str(c).unwrap_or(HeaderValue::from_static("")));
            }
            assert_eq!(has_cookie(&headers), csrf::cookie_value(&headers).is_some(), "{cookies:?}");
        }
    }
}
