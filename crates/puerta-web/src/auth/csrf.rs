//! CSRF defence for cookie-authenticated writes, without JavaScript: a signed double-submit
//! token plus an Origin (or Referer) check.
//!
//! Every page sets a random `puerta_csrf` cookie (HttpOnly, SameSite=Lax; `__Host-puerta_csrf`
//! over HTTPS, see `middleware::cookie_names`) if there is none; forms
//! carry `csrf_token` = HMAC(server key, cookie). A write is accepted only if the token matches the
//! cookie and the request says it came from our own origin. Bearer-token API calls are exempt
//! (a browser never adds that header by itself); cookie-authenticated API writes send the token
//! in `x-csrf-token`.

use axum::http::{HeaderMap, header};
use data_encoding::{BASE64URL_NOPAD, HEXLOWER};
use hmac::{Hmac, Mac};
use sha2::Sha256;
use subtle::ConstantTimeEq;

use crate::locale::cookie;

pub const CSRF_COOKIE: &str = "puerta_csrf";
pub const CSRF_FIELD: &str = "csrf_token";
pub const CSRF_HEADER: &str = "x-csrf-token";

pub fn new_cookie_value() -> String {
    BASE64URL_NOPAD.encode(&rand::random::<[u8; 32]>())
}

/// The token forms carry for this cookie value.
pub fn token_for(key: &str, cookie_value: &str) -> String {
    // HMAC accepts keys of any length: construction cannot fail.
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(key.as_bytes()).unwrap_or_else(|_| unreachable!());
    mac.update(cookie_value.as_bytes());
    HEXLOWER.encode(&mac.finalize().into_bytes())
}

/// The CSRF cookie of this request, if any.
pub fn cookie_value(headers: &HeaderMap) -> Option<String> {
    cookie(headers, CSRF_COOKIE).filter(|v| v.len() >= 32)
}

/// True when `presented` is the token for the request's cookie and the request came from one
/// of `own_origins` (`scheme://host[:port]`, from the configuration: `public_url`, else the
/// listening address; never the request's own `Host` header, which the sender chooses).
pub fn verify(key: &str, headers: &HeaderMap, presented: Option<&str>, own_origins: &[String]) -> bool {
    let Some(cookie) = cookie_value(headers) else { return false };
    let Some(presented) = presented else { return false };
    let expected = token_for(key, &cookie);
    let token_ok: bool = expected.as_bytes().ct_eq(presented.as_bytes()).into();
    token_ok && same_origin(headers, own_origins)
}

/// Origin must be ours; without Origin, the Referer must start with our origin; without
/// either, refuse (every current browser sends Origin on a form POST).
fn same_origin(headers: &HeaderMap, own_origins: &[String]) -> bool {
    let ours = own_origins.iter().map(|o| o.trim_end_matches('/'));
    if let Some(origin) = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) {
        return ours.into_iter().any(|o| o == origin);
    }
    if let Some(referer) = headers.get(header::REFERER).and_then(|v| v.to_str().ok()) {
        return ours
            .into_iter()
            .any(|o| referer.strip_prefix(o).is_some_and(|rest| rest.is_empty() || rest.starts_with('/')));
    }
    false
}

#[cfg(test)]
mod tests {
    use axum::http::HeaderValue;

    use super::*;

    fn headers(cookie: &str, origin: Option<&'static str>) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(header::HOST, HeaderValue::from_static("127.0.0.1:8080"));
        if let Ok(v) = HeaderValue::from_str(&format!("{CSRF_COOKIE}={cookie}")) {
            h.insert(header::COOKIE, v);
        }
        if let Some(o) = origin {
            h.insert(header::ORIGIN, HeaderValue::from_static(o));
        }
        h
    }

    fn ours() -> Vec<String> {
        vec!["http://127.0.0.1:8080".to_string()]
    }

    #[test]
    fn a_matching_token_from_our_origin_passes_and_anything_else_fails() {
        let cookie = new_cookie_value();
        let token = token_for("key", &cookie);
        assert!(verify("key", &headers(&cookie, Some("http://127.0.0.1:8080")), Some(&token), &ours()));
        assert!(!verify("key", &headers(&cookie, Some("http://evil.example")), Some(&token), &ours()));
        assert!(!verify("key", &headers(&cookie, None), Some(&token), &ours()), "no Origin or Referer");
        assert!(!verify("key", &headers(&cookie, Some("http://127.0.0.1:8080")), Some("00"), &ours()));
        assert!(!verify("key", &headers(&cookie, Some("http://127.0.0.1:8080")), None, &ours()));
        let other = new_cookie_value();
        assert!(!verify("key", &headers(&other, Some("http://127.0.0.1:8080")), Some(&token), &ours()));
    }

    #[test]
    fn the_host_header_is_never_taken_for_our_origin() {
        let cookie = new_cookie_value();
        let token = token_for("key", &cookie);
        let mut forged = headers(&cookie, Some("http://evil.example"));
        forged.insert(header::HOST, HeaderValue::from_static("evil.example"));
        assert!(!verify("key", &forged, Some(&token), &ours()), "Host matches Origin, but neither is ours");
        assert!(!verify("key", &forged, Some(&token), &[]), "no configured origin refuses every write");
    }

    #[test]
    fn a_referer_counts_only_when_it_is_under_our_origin() {
        let cookie = new_cookie_value();
        let token = token_for("key", &cookie);
        let with_referer = |referer: &'static str| {
            let mut h = headers(&cookie, None);
            h.insert(header::REFERER, HeaderValue::from_static(referer));
            h
        };
        assert!(verify("key", &with_referer("http://127.0.0.1:8080/sign-in"), Some(&token), &ours()));
        assert!(!verify("key", &with_referer("http://127.0.0.1:80801/x"), Some(&token), &ours()));
        assert!(!verify("key", &with_referer("http://127.0.0.1:8080.evil.example/"), Some(&token), &ours()));
    }
}
