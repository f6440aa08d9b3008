//! `/staff/documents/{id}`: a case document for an officer or supervisor, streamed and
//! decrypted on the way as the API's download does. Who may read it is the use case's (the
//! case's account holder and staff; anyone else 404), and it audits every staff read.

use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use futures::StreamExt;
use puerta_app::documents::DocumentType;

use super::refused;
use crate::AppState;
use crate::api::documents::content_disposition;
use crate::auth::{Client, PageActor};

pub async fn serve(
    State(state): State<AppState>,
    Client(client): Client,
    PageActor(actor): PageActor,
    Path(id): Path<String>,
) -> Response {
    let download = match state.app.document(&client, &actor, &id).await {
        Ok(download) => download,
        Err(e) => return refused(e),
    };
    let document = download.document;
    let extension = DocumentType::from_mime(&document.content_type).map_or("bin", DocumentType::extension);
    let disposition = content_disposition(download.display_name.as_deref(), document.id.as_str(), extension);
    let content_type = HeaderValue::from_str(&document.content_type)
        .unwrap_or_else(|_| HeaderValue::from_static("application/octet-stream"));
    let stream = download.stream.map(|piece| {
        piece.map_err(|error| {
            // The object is damaged: abort the answer rather than end it as if whole.
            tracing::error!(%error, "stored document does not open");
            std::io::Error::other("stored document does not open")
        })
    });
    let mut response = Body::from_stream(stream).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, content_type);
    // Always a download, never shown inside our origin (a PDF viewer runs in the page's origin).
    headers.insert(header::CONTENT_DISPOSITION, disposition);
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    if let Ok(length) = HeaderValue::from_str(&document.size.to_string()) {
        headers.insert(header::CONTENT_LENGTH, length);
    }
    response
}
