//! Withdrawing a case before its decision: a confirmation page first (the step cannot be
//! undone), then the CSRF-checked form. Once decided, the use case refuses it and the case page
//! says why.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};

use super::detail::{can_withdraw, load, refused};
use super::steps::NoFields;
use crate::AppState;
use crate::auth::{Client, PageActor};
use crate::pages::form::{CsrfForm, html};
use crate::pages::frame::Frame;
use crate::pages::{Ctx, redirect_notice};

#[derive(Template)]
#[template(path = "case_withdraw.html")]
struct WithdrawPage {
    frame: Frame,
    reference: String,
    reference_grouped: String,
    traveler_name: String,
}

pub async fn withdraw_form(
    ctx: Ctx,
    State(state): State<AppState>,
    Client(client): Client,
    PageActor(actor): PageActor,
    Path(reference): Path<String>,
) -> Response {
    let case = match load(&state, &ctx, &client, &actor, &reference).await {
        Ok((case, _)) => case,
        Err(response) => return response,
    };
    let reference = case.reference_number.as_str().to_string();
    if !can_withdraw(case.status) {
        // Nothing to confirm any more: the case page says where it stands.
        return Redirect::to(&format!("/cases/{reference}")).into_response();
    }
    html(&WithdrawPage {
        frame: ctx.frame(&state, Some(&actor)),
        reference,
        reference_grouped: case.reference_number.grouped(),
        traveler_name: case.traveler_name,
    })
}

pub async fn withdraw(
    ctx: Ctx,
    State(state): State<AppState>,
    Client(client): Client,
    PageActor(actor): PageActor,
    Path(reference): Path<String>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Response {
    match state.app.withdraw_case(&client, &actor, &reference).await {
        Ok(moved) => redirect_notice(
            &format!("/cases/{}", moved.reference_number.as_str()),
            "casepage-notice-withdrawn",
        ),
        Err(error) => refused(&state, &ctx, &client, &actor, &reference, error, |_| {}).await,
    }
}
