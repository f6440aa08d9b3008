use axum::extract::Request;
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use puerta_i18n::Language;

use super::hook::Hook;
use super::request_id::REQUEST_ID;
use crate::api::problem::{ApiError, PROBLEM_CONTENT_TYPE};
use crate::locale::request_language;
use crate::pages::error_page;

/// Renders every error answer in the reader's language: a problem document for the API and for
/// programs, a friendly HTML page (with the request id) for a browser on a page. Handlers'
/// [`ApiError`]s arrive unrendered; bare errors from layers and the router (413, 405, a time-out)
/// arrive with plain or empty bodies and get the same treatment, keeping `Allow`, `Retry-After`,
/// `Location`, `WWW-Authenticate` (once each) and cookies.
#[derive(Clone, Copy)]
pub(crate) struct RenderErrors;

/// What an error's rendering needs of the request, kept cheaply: the language is worked out
/// only if an error comes (most answers are not).
pub(crate) struct Seen {
    wants_html: bool,
    request_id: Option<HeaderValue>,
    language: LanguageFrom,
}

enum LanguageFrom {
    Known(Language),
    /// The only headers the language comes from (one `Cookie` header at most).
    Headers {
        cookie: Option<HeaderValue>,
        accept_language: Option<HeaderValue>,
    },
}

impl Hook for RenderErrors {
    type Seen = Seen;

    fn before(&self, request: &mut Request) -> Result<Seen, Response> {
        let headers = request.headers();
        let mut cookies = headers.get_all(header::COOKIE).iter();
        let cookie = cookies.next().cloned();
        let language = if cookies.next().is_some() {
            LanguageFrom::Known(request_language(headers))
        } else {
            LanguageFrom::Headers { cookie, accept_language: headers.get(header::ACCEPT_LANGUAGE).cloned() }
        };
        Ok(Seen {
            wants_html: !request.uri().path().starts_with("/api/") && accepts_html(headers),
            request_id: headers.get(REQUEST_ID).cloned(),
            language,
        })
    }

    fn after(&self, seen: Seen, response: Response) -> Response {
        render(seen, response)
    }
}

fn render(seen: Seen, mut response: Response) -> Response {
    let status = response.status();
    let pending = response.extensions_mut().remove::<ApiError>();
    if pending.is_none()
        && (!(status.is_client_error() || status.is_server_error()) || is_rendered(response.headers()))
    {
        return response;
    }
    let language = match seen.language {
        LanguageFrom::Known(language) => language,
        LanguageFrom::Headers { cookie, accept_language } => {
            let mut headers = HeaderMap::new();
            if let Some(cookie) = cookie {
                headers.insert(header::COOKIE, cookie);
            }
            if let Some(accept_language) = accept_language {
                headers.insert(header::ACCEPT_LANGUAGE, accept_language);
            }
            request_language(&headers)
        }
    };
    let request_id = seen.request_id.as_ref().and_then(|v| v.to_str().ok()).unwrap_or("-");
    let error = pending.unwrap_or_else(|| ApiError::from_status(status));
    let mut rendered = if seen.wants_html {
        error_page(&error, language, request_id).into_response()
    } else {
        error.render(language)
    };
    // The rendering sets `Retry-After` itself (from the error); a header it set is not added a
    // second time, and one it did not set is kept from the bare answer. Cookies are all kept.
    for name in [header::ALLOW, header::RETRY_AFTER, header::LOCATION, header::WWW_AUTHENTICATE] {
        if !rendered.headers().contains_key(&name)
            && let Some(value) = response.headers().get(&name)
        {
            rendered.headers_mut().insert(name, value.clone());
        }
    }
    for value in response.headers().get_all(header::SET_COOKIE) {
        rendered.headers_mut().append(header::SET_COOKIE, value.clone());
    }
    rendered
}

fn accepts_html(headers: &HeaderMap) -> bool {
    headers.get(header::ACCEPT).and_then(|v| v.to_str().ok()).is_some_and(|v| v.contains("text/html"))
}

/// Already a finished problem or page (e.g. a page handler's own error page).
fn is_rendered(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with(PROBLEM_CONTENT_TYPE) || v.starts_with("text/html"))
}
