//! The group's shared pages: the one US destination address, and the port they plan to use.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use puerta_app::cases::ApplicationDraft;
use puerta_domain::cases::US_STATE_CODES;
use serde::Deserialize;

use super::view::{Question, QuestionPage, question_failed, render};
use crate::AppState;
use crate::api::problem::ApiError;
use crate::auth::{Client, PageActor};
use crate::pages::Ctx;
use crate::pages::form::CsrfForm;
use crate::pages::frame::Frame;

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct AddressForm {
    line1: String,
    line2: String,
    city: String,
    state: String,
    postal_code: String,
}

fn address_page(frame: Frame, a: &AddressForm) -> QuestionPage {
    let mut states = vec![(String::new(), frame.t("apply-choose-state"))];
    states.extend(US_STATE_CODES.iter().map(|c| (c.to_string(), c.to_string())));
    let mut state = Question::text(&frame, "state", "apply-field-state", "").select(states);
    state.value = a.state.clone();
    let questions = vec![
        Question::text(&frame, "line1", "apply-field-line1", &a.line1).input("text", "address-line1", ""),
        Question::text(&frame, "line2", "apply-field-line2", &a.line2).input("text", "address-line2", ""),
        Question::text(&frame, "city", "apply-field-city", &a.city).input("text", "address-level2", ""),
        state,
        Question::text(&frame, "postal_code", "apply-field-zip", &a.postal_code)
            .input("text", "postal-code", "numeric")
            .hint(&frame, "apply-field-zip-hint"),
    ];
    QuestionPage {
        title: frame.t("apply-address-title"),
        caption: None,
        intro: vec![frame.t("apply-address-intro")],
        action: "/apply/address".into(),
        submit: frame.t("apply-save-continue"),
        questions,
        errors: Vec::new(),
        back: "/apply".into(),
        frame,
    }
}

pub async fn address_form(ctx: Ctx, State(state): State<AppState>, PageActor(actor): PageActor) -> Response {
    match state.app.application_draft(&actor).await {
        Ok(d) => {
            let form = AddressForm {
                line1: d.line1,
                line2: d.line2,
                city: d.city,
                state: d.state,
                postal_code: d.postal_code,
            };
            render(&address_page(ctx.frame(&state, Some(&actor)), &form), StatusCode::OK)
        }
        Err(e) => ApiError::from(e).into_response(),
    }
}

pub async fn address_submit(
    ctx: Ctx,
    State(state): State<AppState>,
    Client(client): Client,
    PageActor(actor): PageActor,
    CsrfForm(form): CsrfForm<AddressForm>,
) -> Response {
    let input = ApplicationDraft {
        line1: form.line1.clone(),
        line2: form.line2.clone(),
        city: form.city.clone(),
        state: form.state.clone(),
        postal_code: form.postal_code.clone(),
        ..ApplicationDraft::default()
    }
    .address_input();
    match state.app.save_application_address(&client, &actor, &input).await {
        Ok(_) => Redirect::to("/apply").into_response(),
        Err(e) => question_failed(e, address_page(ctx.frame(&state, Some(&actor)), &form)),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct PortForm {
    port: String,
}

fn port_page(frame: Frame, ports: Vec<puerta_domain::ports::Port>, chosen: &str) -> QuestionPage {
    let mut options = vec![(String::new(), frame.t("apply-port-unknown"))];
    options.extend(ports.into_iter().map(|p| (p.code.to_string(), p.name)));
    let mut port = Question::text(&frame, "port", "apply-field-port", "").radios(options);
    port.value = chosen.to_string();
    QuestionPage {
        title: frame.t("apply-port-title"),
        caption: None,
        intro: vec![frame.t("apply-port-intro")],
        action: "/apply/port".into(),
        submit: frame.t("apply-save-continue"),
        questions: vec![port],
        errors: Vec::new(),
        back: "/apply".into(),
        frame,
    }
}

pub async fn port_form(ctx: Ctx, State(state): State<AppState>, PageActor(actor): PageActor) -> Response {
    match (state.app.application_draft(&actor).await, state.app.list_ports().await) {
        (Ok(d), Ok(ports)) => {
            render(&port_page(ctx.frame(&state, Some(&actor)), ports, &d.port), StatusCode::OK)
        }
        (Err(e), _) | (_, Err(e)) => ApiError::from(e).into_response(),
    }
}

pub async fn port_submit(
    ctx: Ctx,
    State(state): State<AppState>,
    Client(client): Client,
    PageActor(actor): PageActor,
    CsrfForm(form): CsrfForm<PortForm>,
) -> Response {
    match state.app.save_application_port(&client, &actor, &form.port).await {
        Ok(_) => Redirect::to("/apply").into_response(),
        Err(e) => {
            let ports = state.app.list_ports().await.unwrap_or_default();
            question_failed(e, port_page(ctx.frame(&state, Some(&actor)), ports, &form.port))
        }
    }
}
