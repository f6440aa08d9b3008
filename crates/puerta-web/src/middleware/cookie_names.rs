//! Over HTTPS the session and CSRF cookies travel as `__Host-puerta_session` and
//! `__Host-puerta_csrf`. A browser keeps a `__Host-` cookie only when this very host set it over
//! HTTPS with `Secure`, `Path=/` and no `Domain`, so neither a sibling subdomain nor someone on
//! the path of a plain-HTTP request can plant one (session fixation, CSRF cookie tossing).
//!
//! Handlers keep using the plain names ([`SESSION_COOKIE`], [`CSRF_COOKIE`]): this layer renames
//! at the edge, both ways, and drops any plain-named copy a request carries over HTTPS (only a
//! planter could have set it). On plain HTTP (local development) nothing is renamed: browsers
//! refuse `__Host-` cookies that are not `Secure`.

use axum::extract::Request;
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::Response;

use super::hook::Hook;
use crate::auth::SESSION_COOKIE;
use crate::auth::csrf::CSRF_COOKIE;

pub const HOST_PREFIX: &str = "__Host-";
const RENAMED: [&str; 2] = [SESSION_COOKIE, CSRF_COOKIE];
/// What every name in [`RENAMED`] holds.
const OURS: &str = "puerta_";

/// Renames both ways (used only over HTTPS).
#[derive(Clone, Copy)]
pub(crate) struct HostCookies;

impl Hook for HostCookies {
    type Seen = ();

    fn before(&self, request: &mut Request) -> Result<(), Response> {
        incoming(request.headers_mut());
        Ok(())
    }

    fn after(&self, (): (), mut response: Response) -> Response {
        outgoing(response.headers_mut());
        response
    }
}

/// `__Host-puerta_session=…` becomes `puerta_session=…`; a bare `puerta_session=…` is dropped.
fn incoming(headers: &mut HeaderMap) {
    // Nothing to rename or drop unless one of our names is there (both hold `puerta_`).
    let ours = |v: &HeaderValue| v.as_bytes().windows(OURS.len()).any(|w| w == OURS.as_bytes());
    if !headers.get_all(header::COOKIE).iter().any(ours) {
        return;
    }
    let kept: Vec<String> = headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .map(str::trim)
        .filter(|pair| !pair.is_empty())
        .filter_map(|pair| {
            let name = pair.split_once('=').map_or(pair, |(name, _)| name);
            if RENAMED.contains(&name) {
                return None;
            }
            match name.strip_prefix(HOST_PREFIX) {
                Some(inner) if RENAMED.contains(&inner) => Some(pair[HOST_PREFIX.len()..].to_string()),
                _ => Some(pair.to_string()),
            }
        })
        .collect();
    headers.remove(header::COOKIE);
    if let Ok(value) = HeaderValue::from_str(&kept.join("; "))
        && !kept.is_empty()
    {
        headers.insert(header::COOKIE, value);
    }
}

/// `Set-Cookie: puerta_session=…` goes out as `Set-Cookie: __Host-puerta_session=…` (the
/// cookies are built `Secure`, `Path=/`, without `Domain`, as the prefix demands).
fn outgoing(headers: &mut HeaderMap) {
    if !headers.contains_key(header::SET_COOKIE) {
        return;
    }
    let values: Vec<HeaderValue> = headers.get_all(header::SET_COOKIE).iter().cloned().collect();
    headers.remove(header::SET_COOKIE);
    for value in values {
        let renamed = value.to_str().ok().and_then(|text| {
            let name = text.split_once('=').map(|(name, _)| name)?;
            RENAMED.contains(&name).then(|| format!("{HOST_PREFIX}{text}"))
        });
        let value = renamed.and_then(|v| HeaderValue::from_str(&v).ok()).unwrap_or(value);
        headers.append(header::SET_COOKIE, value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cookie_header(headers: &HeaderMap) -> String {
        headers.get(header::COOKIE).and_then(|v| v.to_str().ok()).unwrap_or("").to_string()
    }

    #[test]
    fn prefixed_cookies_come_in_under_their_plain_names_and_planted_plain_ones_are_dropped() {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::COOKIE,
            HeaderValue::from_static("lang=es; puerta_session=planted; __Host-puerta_session=real"),
        );
        headers.append(header::COOKIE, HeaderValue::from_static("__Host-puerta_csrf=c; puerta_csrf=p"));
        incoming(&mut headers);
        assert_eq!(cookie_header(&headers), "lang=es; puerta_session=real; puerta_csrf=c");
        assert_eq!(headers.get_all(header::COOKIE).iter().count(), 1);

        let mut only_planted = HeaderMap::new();
        only_planted.insert(header::COOKIE, HeaderValue::from_static("puerta_session=planted"));
        incoming(&mut only_planted);
        assert!(!only_planted.contains_key(header::COOKIE));
    }

    #[test]
    fn cookies_without_ours_are_left_as_they_came() {
        assert!(RENAMED.iter().all(|name| name.contains(OURS)));
        let mut headers = HeaderMap::new();
        headers.insert(header::COOKIE, HeaderValue::from_static("lang=es"));
        headers.append(header::COOKIE, HeaderValue::from_static("a=b; __Host-other=c"));
        let before = headers.clone();
        incoming(&mut headers);
        assert_eq!(headers, before);
    }

    #[test]
    fn our_cookies_go_out_prefixed_and_others_unchanged() {
        let mut headers = HeaderMap::new();
        for value in [
            "puerta_session=t; HttpOnly; SameSite=Lax; Secure; Path=/",
            "lang=es; Path=/",
            "puerta_csrf=c; Secure; Path=/",
        ] {
            headers.append(header::SET_COOKIE, HeaderValue::from_static(value));
        }
        outgoing(&mut headers);
        let values: Vec<&str> =
            headers.get_all(header::SET_COOKIE).iter().filter_map(|v| v.to_str().ok()).collect();
        assert_eq!(
            values,
            [
                "__Host-puerta_session=t; HttpOnly; SameSite=Lax; Secure; Path=/",
                "lang=es; Path=/",
                "__Host-puerta_csrf=c; Secure; Path=/"
            ]
        );
    }
}
