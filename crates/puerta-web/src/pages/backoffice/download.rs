//! `/staff/documents/{id}`: a case document for an officer or supervisor, streamed and
//! decrypted on the way as the API's download does. Who may read it is the use case's (the
//! case's account holder and staff; anyone else 404), and it audits every staff read.

use axum::extract::{Path, State};
use axum::response::Response;

use super::refused;
use crate::AppState;
use crate::api::documents::download_response;
use crate::auth::{Client, PageActor};

pub async fn serve(
    State(state): State<AppState>,
    Client(client): Client,
    PageActor(actor): PageActor,
    Path(id): Path<String>,
) -> Response {
    match state.app.document(&client, &actor, &id).await {
        Ok(download) => download_response(download),
        Err(e) => refused(e),
    }
}
