//! `/partner/validate`: a shelter or legal-aid partner checks whether a confirmation number and
//! a date of birth belong to a real confirmed appointment (against scams selling fake ones). The
//! answer is yes or no, nothing else; the use case throttles and audits every ask.

use askama::Template;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use puerta_app::AppError;
use serde::Deserialize;

use crate::AppState;
use crate::api::problem::ApiError;
use crate::auth::{Client, PageActor};
use crate::pages::form::{form_errors, html};
use crate::pages::frame::Frame;
use crate::pages::{Ctx, redirect_notice};

#[derive(Template)]
#[template(path = "partner_validate.html")]
pub struct ValidatePage {
    pub frame: Frame,
    pub number: String,
    pub birth: String,
    /// `Some(true)`: a confirmed appointment; `Some(false)`: not one.
    pub valid: Option<bool>,
    pub errors: Vec<(String, String)>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ValidateQuery {
    number: String,
    birth: String,
}

pub async fn page(
    ctx: Ctx,
    State(state): State<AppState>,
    Client(client): Client,
    PageActor(actor): PageActor,
    Query(q): Query<ValidateQuery>,
) -> Response {
    let mut errors = Vec::new();
    let mut valid = None;
    let frame = ctx.frame(&state, Some(&actor));
    if !q.number.trim().is_empty() || !q.birth.trim().is_empty() {
        match state.app.validate_appointment(&client, &actor, &q.number, &q.birth).await {
            Ok(answer) => valid = Some(answer),
            Err(AppError::MfaRequired) => return redirect_notice("/account/two-step", "staff-mfa-needed"),
            Err(e @ (AppError::Forbidden | AppError::Unauthenticated)) => {
                return ApiError::from(e).into_response();
            }
            Err(e) => errors = form_errors(&e, frame.lang, "number").unwrap_or_default(),
        }
    } else if let Err(e) = state.app.partner_overview(&actor).await {
        // Only partners see the form at all.
        return match e {
            AppError::MfaRequired => redirect_notice("/account/two-step", "staff-mfa-needed"),
            e => ApiError::from(e).into_response(),
        };
    }
    html(&ValidatePage { frame, number: q.number, birth: q.birth, valid, errors })
}
