//! Installable and offline: the web app manifest, the service worker, icons, the offline page.

use axum::Router;
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;

use super::assets::{CSS, JS};
use super::form::html;
use super::{Ctx, MessagePage};
use crate::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/offline", get(offline))
        .route("/manifest.webmanifest", get(manifest))
        .route("/sw.js", get(service_worker))
        .route("/static/icons/{name}", get(icon))
}

async fn offline(ctx: Ctx, State(state): State<AppState>) -> Response {
    // Rendered as for a visitor: the service worker caches it, so it must hold nothing personal.
    let frame = ctx.frame(&state, None);
    html(&MessagePage {
        title: frame.t("offline-title"),
        paragraphs: vec![frame.t("offline-text")],
        links: vec![("/entry-requirements".into(), frame.t("offline-link"))],
        reference: None,
        frame,
    })
}

async fn manifest() -> Response {
    let body = serde_json::json!({
        "name": "Puerta",
        "short_name": "Puerta",
        "description": "Appointments at US land ports of entry · Citas en puertos de entrada · Randevou nan pò antre",
        "start_url": "/dashboard",
        "scope": "/",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": "#0b2a4a",
        "icons": [
            {"src": "/static/icons/icon-192.png", "sizes": "192x192", "type": "image/png", "purpose": "any maskable"},
            {"src": "/static/icons/icon-512.png", "sizes": "512x512", "type": "image/png", "purpose": "any maskable"},
            {"src": "/static/icons/apple-touch-icon.png", "sizes": "180x180", "type": "image/png"},
            {"src": "/static/icons/icon.svg", "sizes": "any", "type": "image/svg+xml"}
        ]
    });
    (
        [(header::CONTENT_TYPE, "application/manifest+json"), (header::CACHE_CONTROL, "no-cache")],
        body.to_string(),
    )
        .into_response()
}

/// The worker names the current asset files, and its cache is versioned by them, so a release
/// replaces the old cache.
async fn service_worker() -> Response {
    let version = format!(
        "{}-{}",
        CSS.href.rsplit('.').nth(1).unwrap_or("0"),
        JS.href.rsplit('.').nth(1).unwrap_or("0")
    );
    let body = include_str!("../../static/sw.js")
        .replace("__VERSION__", &version)
        .replace("__CSS__", &CSS.href)
        .replace("__JS__", &JS.href);
    ([(header::CONTENT_TYPE, "text/javascript; charset=utf-8"), (header::CACHE_CONTROL, "no-cache")], body)
        .into_response()
}

async fn icon(axum::extract::Path(name): axum::extract::Path<String>) -> Response {
    let (body, content_type): (&'static [u8], &str) = match name.as_str() {
        "icon-192.png" => (include_bytes!("../../static/icons/icon-192.png"), "image/png"),
        "icon-512.png" => (include_bytes!("../../static/icons/icon-512.png"), "image/png"),
        "apple-touch-icon.png" => (include_bytes!("../../static/icons/apple-touch-icon.png"), "image/png"),
        "icon.svg" => (include_bytes!("../../static/icons/icon.svg"), "image/svg+xml"),
        _ => return axum::http::StatusCode::NOT_FOUND.into_response(),
    };
    ([(header::CONTENT_TYPE, content_type), (header::CACHE_CONTROL, "public, max-age=604800")], body)
        .into_response()
}
