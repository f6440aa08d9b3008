//! `/documents/{id}`: a case document for the signed-in page reader, streamed and decrypted on
//! the way, as the API's download does. Signed out, the sign-in page; another traveler's
//! document, like a missing one, the 404 page.

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};

use crate::AppState;
use crate::api::documents::download_response;
use crate::api::problem::ApiError;
use crate::auth::{Client, PageActor};

pub async fn serve(
    State(state): State<AppState>,
    Client(client): Client,
    PageActor(actor): PageActor,
    Path(id): Path<String>,
) -> Response {
    match state.app.document(&client, &actor, &id).await {
        Ok(download) => download_response(download),
        Err(e) => ApiError::from(e).into_response(),
    }
}
