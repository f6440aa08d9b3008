//! "Check your answers": every person, the destination and the port read back with "Change"
//! links, then one button that submits the group (one case per person).

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use puerta_app::AppError;
use puerta_app::accounts::Actor;
use puerta_app::cases::DraftFields;

use super::questions::{Answer, Empty, answers};
use super::view::{refused_status, render};
use crate::AppState;
use crate::api::problem::ApiError;
use crate::auth::{Client, PageActor};
use crate::pages::Ctx;
use crate::pages::form::{CsrfForm, form_errors};
use crate::pages::frame::Frame;

pub struct Person {
    pub id: String,
    pub name: String,
    pub answers: Vec<Answer>,
}

#[derive(Template)]
#[template(path = "apply_check.html")]
struct CheckPage {
    frame: Frame,
    people: Vec<Person>,
    address: Vec<String>,
    port: String,
    /// People still being entered: they must be finished (or removed) first.
    unfinished: usize,
    can_submit: bool,
    errors: Vec<(String, String)>,
}

async fn page(state: &AppState, frame: Frame, actor: &Actor) -> Result<CheckPage, AppError> {
    let travelers = state.app.unsubmitted_travelers(actor).await?;
    let drafts = state.app.traveler_drafts(actor).await?;
    let application = state.app.application_draft(actor).await?;
    let people: Vec<Person> = travelers
        .iter()
        .map(|t| Person {
            id: t.id.to_string(),
            name: format!("{} {}", t.given_name, t.family_name),
            answers: answers(&frame, &DraftFields::from_traveler(t)),
        })
        .collect();
    let address = if application.address_done {
        [
            application.line1.clone(),
            application.line2.clone(),
            format!("{}, {} {}", application.city, application.state, application.postal_code),
        ]
        .into_iter()
        .filter(|l| !l.trim().is_empty())
        .collect()
    } else {
        Vec::new()
    };
    let port = if application.port.is_empty() {
        frame.t("apply-port-unknown")
    } else {
        let ports = state.app.list_ports().await?;
        ports
            .into_iter()
            .find(|p| p.code.to_string() == application.port)
            .map_or_else(|| application.port.clone(), |p| p.name)
    };
    Ok(CheckPage {
        can_submit: !people.is_empty() && drafts.is_empty() && application.address_done,
        unfinished: drafts.len(),
        people,
        address,
        port,
        errors: Vec::new(),
        frame,
    })
}

pub async fn show(ctx: Ctx, State(state): State<AppState>, PageActor(actor): PageActor) -> Response {
    match page(&state, ctx.frame(&state, Some(&actor)), &actor).await {
        Ok(p) => render(&p, StatusCode::OK),
        Err(e) => ApiError::from(e).into_response(),
    }
}

pub async fn submit(
    ctx: Ctx,
    State(state): State<AppState>,
    Client(client): Client,
    PageActor(actor): PageActor,
    CsrfForm(_): CsrfForm<Empty>,
) -> Response {
    let result = state.app.submit_drafted_application(&client, &actor).await;
    match result {
        Ok(receipt) => {
            Redirect::to(&format!("/applications/{}/receipt", receipt.application_id)).into_response()
        }
        Err(e) => {
            let frame = ctx.frame(&state, Some(&actor));
            let Some(errors) = form_errors(&e, frame.lang, "submit") else {
                return ApiError::from(e).into_response();
            };
            match page(&state, frame, &actor).await {
                Ok(mut p) => {
                    p.errors = errors.into_iter().map(|(f, m)| (anchor(&f).to_string(), m)).collect();
                    render(&p, refused_status(&e))
                }
                Err(e) => ApiError::from(e).into_response(),
            }
        }
    }
}

/// Where on the page a submission problem is shown.
fn anchor(field: &str) -> &'static str {
    if field.starts_with("us_destination") || field == "address" {
        "address"
    } else if field == "people" || field == "traveler_ids" {
        "people"
    } else {
        "submit"
    }
}
