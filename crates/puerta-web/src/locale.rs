//! Which language to answer in, before we know who is asking: the `lang` cookie set by the
//! language switcher, else `Accept-Language`, else English. A signed-in person's own language
//! (from their account) takes precedence on pages; see `pages::frame`.

use axum::http::{HeaderMap, header};
use puerta_i18n::{Language, negotiate};

pub const LANG_COOKIE: &str = "lang";

pub fn request_language(headers: &HeaderMap) -> Language {
    cookie(headers, LANG_COOKIE)
        .and_then(|v| Language::parse(&v))
        .unwrap_or_else(|| negotiate(headers.get(header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok())))
}

/// The value of one cookie in the request's `Cookie` headers.
pub fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    cookie_str(headers, name).map(str::to_string)
}

/// [`cookie`] without copying the value.
pub fn cookie_str<'h>(headers: &'h HeaderMap, name: &str) -> Option<&'h str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

#[cfg(test)]
mod tests {
    use axum::http::HeaderValue;

    use super::*;

    #[test]
    fn the_cookie_beats_the_browser_header() {
        let mut headers = HeaderMap::new();
        headers.insert(header::ACCEPT_LANGUAGE, HeaderValue::from_static("es-MX,es;q=0.9"));
        assert_eq!(request_language(&headers), Language::Es);
        headers.insert(header::COOKIE, HeaderValue::from_static("a=b; lang=ht"));
        assert_eq!(request_language(&headers), Language::Ht);
    }
}
