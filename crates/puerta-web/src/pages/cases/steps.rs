//! The traveler's steps on their case from its page: "I have sent everything" (answering the
//! request for evidence) and the appeal of a denial (withdrawing is in `withdraw.rs`). Each is
//! a CSRF-checked form; a refused step shows the case page again with its message.

use axum::extract::{Path, State};
use axum::response::Response;
use serde::Deserialize;

use super::detail::refused;
use crate::AppState;
use crate::auth::{Client, PageActor};
use crate::pages::form::CsrfForm;
use crate::pages::{Ctx, redirect_notice};

/// The form of a step that asks nothing (the CSRF token only).
#[derive(Deserialize, Default)]
pub struct NoFields {}

pub async fn answer_evidence(
    ctx: Ctx,
    State(state): State<AppState>,
    Client(client): Client,
    PageActor(actor): PageActor,
    Path(reference): Path<String>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Response {
    match state.app.answer_evidence(&client, &actor, &reference).await {
        Ok(moved) => redirect_notice(
            &format!("/cases/{}", moved.reference_number.as_str()),
            "casepage-notice-evidence-sent",
        ),
        Err(error) => refused(&state, &ctx, &client, &actor, &reference, error, |_| {}).await,
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct AppealForm {
    statement: String,
}

pub async fn appeal(
    ctx: Ctx,
    State(state): State<AppState>,
    Client(client): Client,
    PageActor(actor): PageActor,
    Path(reference): Path<String>,
    CsrfForm(form): CsrfForm<AppealForm>,
) -> Response {
    match state.app.appeal_case(&client, &actor, &reference, &form.statement).await {
        Ok(moved) => redirect_notice(
            &format!("/cases/{}", moved.reference_number.as_str()),
            "casepage-notice-appealed",
        ),
        Err(error) => {
            refused(&state, &ctx, &client, &actor, &reference, error, |errors| {
                errors.statement_value = form.statement;
            })
            .await
        }
    }
}
