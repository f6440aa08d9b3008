//! The case page's upload form (`multipart/form-data`: `csrf_token`, `kind`, `file`). A refused
//! file (wrong type, too big, empty, damaged, the case's quota…) shows the case page again, 422,
//! with the message beside the file field; the use case has then stored nothing.

use axum::extract::{Path, State};
use axum::response::Response;
use puerta_app::AppError;

use super::detail::refused;
use crate::AppState;
use crate::auth::{Client, PageActor};
use crate::pages::multipart_form::CsrfMultipart;
use crate::pages::{Ctx, redirect_notice};

pub async fn submit(
    ctx: Ctx,
    State(state): State<AppState>,
    Client(client): Client,
    PageActor(actor): PageActor,
    Path(reference): Path<String>,
    form: CsrfMultipart,
) -> Response {
    let kind = form.field("kind").trim().to_string();
    // A browser sends an empty, unnamed part when no file was chosen.
    let file = form.file.filter(|f| f.name.is_some() || !f.bytes.is_empty());
    let result = match file {
        None => Err(AppError::field("file", "casepage-error-file-required")),
        Some(file) => {
            state.app.upload_document(&client, &actor, &reference, &kind, file.name, file.bytes).await
        }
    };
    match result {
        Ok(_) => redirect_notice(&format!("/cases/{}", path_safe(&reference)), "casepage-notice-uploaded"),
        Err(error) => {
            refused(&state, &ctx, &client, &actor, &reference, error, |errors| {
                errors.chosen_kind = Some(kind);
            })
            .await
        }
    }
}

/// The reference as it may appear in a redirect: a parsed number only ever holds letters and
/// digits; anything else was refused before we got here.
pub fn path_safe(reference: &str) -> String {
    reference.chars().filter(char::is_ascii_alphanumeric).collect()
}
