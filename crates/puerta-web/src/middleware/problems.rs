use axum::extract::Request;
use axum::http::{HeaderMap, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::api::problem::{ApiError, PROBLEM_CONTENT_TYPE};
use crate::locale::request_language;
use crate::pages::error_page;

/// Renders every error answer in the reader's language: a problem document for the API and for
/// programs, a friendly HTML page (with the request id) for a browser on a page. Handlers'
/// [`ApiError`]s arrive unrendered; bare errors from layers and the router (413, 405, a time-out)
/// arrive with plain or empty bodies and get the same treatment, keeping `Allow`, `Retry-After`,
/// `Location`, `WWW-Authenticate` (once each) and cookies.
pub async fn render(request: Request, next: Next) -> Response {
    let language = request_language(request.headers());
    let wants_html = !request.uri().path().starts_with("/api/") && accepts_html(request.headers());
    let request_id =
        request.headers().get("x-request-id").and_then(|v| v.to_str().ok()).unwrap_or("-").to_string();
    let mut response = next.run(request).await;
    let status = response.status();
    let pending = response.extensions_mut().remove::<ApiError>();
    if pending.is_none()
        && (!(status.is_client_error() || status.is_server_error()) || is_rendered(response.headers()))
    {
        return response;
    }
    let error = pending.unwrap_or_else(|| ApiError::from_status(status));
    let mut rendered = if wants_html {
        error_page(&error, language, &request_id).into_response()
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
