//! Case documents: upload (multipart, the case's account holder or staff who process cases) and
//! download (the account holder and staff; anyone else 404), streamed and decrypted on the way.

use axum::Json;
use axum::body::Body;
use axum::extract::multipart::MultipartRejection;
use axum::extract::{DefaultBodyLimit, Multipart, Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use futures::StreamExt;
use puerta_app::cases::DocumentSummary;
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AppState;
use crate::api::openapi::{SignedIn, SignedInWrite};
use crate::api::problem::{ApiError, Problem};
use crate::auth::{ApiActor, Client};

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(upload_document))
        // The body's own limit is the hard cap of the body-limit layer (`upload_body_bytes`);
        // every other route keeps `max_body_bytes`.
        .layer(DefaultBodyLimit::disable())
        .routes(routes!(download_document))
}

/// The multipart form of an upload.
#[derive(ToSchema)]
#[allow(dead_code)]
pub struct UploadForm {
    /// The file: PDF, JPEG, PNG or TIFF, known by its content; at most `documents_max_bytes`.
    #[schema(value_type = String, format = Binary)]
    file: Vec<u8>,
    /// `passport`, `national_id`, `birth_certificate`, `evidence`, `appeal` or `other`.
    kind: String,
}

#[derive(Serialize, ToSchema)]
pub struct DocumentOut {
    id: String,
    /// `application/pdf`, `image/jpeg`, `image/png` or `image/tiff`.
    content_type: String,
    /// Bytes stored (an image after its metadata was removed).
    size: i64,
    /// SHA-256 of the stored bytes (what a download gives), lower-case hexadecimal.
    #[schema(pattern = "^[0-9a-f]{64}$")]
    sha256: String,
}

impl From<DocumentSummary> for DocumentOut {
    fn from(d: DocumentSummary) -> Self {
        Self { id: d.id.to_string(), content_type: d.content_type, size: d.size, sha256: d.sha256 }
    }
}

fn multipart_error(error: &axum::extract::multipart::MultipartError) -> ApiError {
    let status = error.status();
    if status == StatusCode::PAYLOAD_TOO_LARGE {
        ApiError::from_status(StatusCode::PAYLOAD_TOO_LARGE)
    } else {
        ApiError::from_status(StatusCode::BAD_REQUEST)
    }
}

/// Add a document to a case (multipart: `file` and `kind`). Images are re-encoded without their
/// metadata (location, camera); a refused file leaves nothing stored.
#[utoipa::path(post, path = "/api/v1/cases/{reference_number}/documents", tag = "cases", security(("bearer" = [])),
    params(("reference_number" = String, Path, description = "e.g. `PUE4829301758`", max_length = 20)),
    request_body(content = UploadForm, content_type = "multipart/form-data"),
    responses(SignedInWrite, (status = 201, body = DocumentOut),
        (status = 400, description = "`bad_request`: the multipart body cannot be read", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "`not_found`: no such case, or not yours", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "`payload_too_large`: the body is over the largest document plus 64 KiB", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "`unsupported_media_type`: the body is not `multipart/form-data`", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`validation_failed`: `file` refused (type, size, empty, damaged, other content inside, name, the case's quota) or `kind` not one of the list", body = Problem, content_type = "application/problem+json")))]
async fn upload_document(
    State(state): State<AppState>,
    Client(client): Client,
    ApiActor(actor): ApiActor,
    Path(reference): Path<String>,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<(StatusCode, Json<DocumentOut>), ApiError> {
    let mut multipart = multipart.map_err(|_| ApiError::from_status(StatusCode::UNSUPPORTED_MEDIA_TYPE))?;
    let mut file: Option<(Option<String>, Vec<u8>)> = None;
    let mut kind: Option<String> = None;
    while let Some(mut field) = multipart.next_field().await.map_err(|e| multipart_error(&e))? {
        match field.name() {
            Some("file") if file.is_none() => {
                let name = field.file_name().map(str::to_string);
                let mut bytes = Vec::new();
                while let Some(chunk) = field.chunk().await.map_err(|e| multipart_error(&e))? {
                    bytes.extend_from_slice(&chunk);
                }
                file = Some((name, bytes));
            }
            Some("kind") if kind.is_none() => {
                let text = field.text().await.map_err(|e| multipart_error(&e))?;
                kind = Some(text.chars().take(64).collect());
            }
            // Anything else (or a field sent twice) is read and dropped.
            _ => while field.chunk().await.map_err(|e| multipart_error(&e))?.is_some() {},
        }
    }
    let Some((name, bytes)) = file else {
        return Err(ApiError::field("file", "error-field-required"));
    };
    let Some(kind) = kind else {
        return Err(ApiError::field("kind", "error-field-required"));
    };
    let document = state.app.upload_document(&client, &actor, &reference, &kind, name, bytes).await?;
    Ok((StatusCode::CREATED, Json(document.into())))
}

/// The first `file` part's bytes; every other part is read and dropped.
pub(crate) async fn read_file_field(mut multipart: Multipart) -> Result<Option<Vec<u8>>, ApiError> {
    let mut file = None;
    while let Some(mut field) = multipart.next_field().await.map_err(|e| multipart_error(&e))? {
        if field.name() == Some("file") && file.is_none() {
            let mut bytes = Vec::new();
            while let Some(chunk) = field.chunk().await.map_err(|e| multipart_error(&e))? {
                bytes.extend_from_slice(&chunk);
            }
            file = Some(bytes);
        } else {
            while field.chunk().await.map_err(|e| multipart_error(&e))?.is_some() {}
        }
    }
    Ok(file)
}

/// `attachment; filename="…"; filename*=UTF-8''…`: an ASCII fallback with nothing a header or a
/// file system could misread, and the full name percent-encoded. (The case page's download
/// link, `pages::cases`, names its file the same way.)
pub fn content_disposition(display_name: Option<&str>, id: &str, extension: &str) -> HeaderValue {
    let name = display_name.map_or_else(|| format!("document-{id}.{extension}"), str::to_string);
    let ascii: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | ' ' | '(' | ')') { c } else { '_' }
        })
        .collect();
    let encoded: String = name
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_') {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect();
    HeaderValue::from_str(&format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}"))
        .unwrap_or_else(|_| HeaderValue::from_static("attachment"))
}

/// The document's bytes (images as stored, without their metadata), as an attachment. Another
/// traveler's document is 404; staff reads are audited.
#[utoipa::path(get, path = "/api/v1/documents/{id}", tag = "cases", security(("bearer" = [])),
    params(("id" = String, Path, description = "The document's id", max_length = 64)),
    responses(SignedIn,
        (status = 200, description = "The document, streamed", content_type = "application/octet-stream",
            headers(("Content-Disposition" = String), ("Cache-Control" = String), ("X-Content-Type-Options" = String))),
        (status = 403, description = "`forbidden` or `mfa_required`", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "`not_found`: no such document, or not yours", body = Problem, content_type = "application/problem+json")))]
async fn download_document(
    State(state): State<AppState>,
    Client(client): Client,
    ApiActor(actor): ApiActor,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let download = state.app.document(&client, &actor, &id).await?;
    Ok(download_response(download))
}

/// A document as a streamed, decrypted download: always an attachment (never shown inside our
/// origin, where a PDF viewer would run), never stored, never sniffed. The API's and the
/// pages' downloads answer with this.
pub fn download_response(download: puerta_app::cases::DocumentDownload) -> Response {
    let document = download.document;
    let extension = puerta_app::documents::DocumentType::from_mime(&document.content_type)
        .map_or("bin", puerta_app::documents::DocumentType::extension);
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
    headers.insert(header::CONTENT_DISPOSITION, disposition);
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    if let Ok(length) = HeaderValue::from_str(&document.size.to_string()) {
        headers.insert(header::CONTENT_LENGTH, length);
    }
    response
}

#[cfg(test)]
mod tests {
    use super::content_disposition;

    #[test]
    fn download_names_cannot_break_the_header() {
        let value = content_disposition(Some("Pasaporte \"José\"; x.pdf"), "d1", "pdf");
        assert_eq!(
            value.to_str().unwrap(),
            "attachment; filename=\"Pasaporte _Jos___ x.pdf\"; filename*=UTF-8''Pasaporte%20%22Jos%C3%A9%22%3B%20x.pdf"
        );
        let value = content_disposition(None, "d1", "jpg");
        assert_eq!(
            value.to_str().unwrap(),
            "attachment; filename=\"document-d1.jpg\"; filename*=UTF-8''document-d1.jpg"
        );
    }
}
