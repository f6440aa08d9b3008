//! `/admin/reason-codes`: the reasons a denial may cite. Admins see every reason (retired ones
//! too), add one with its staff title and the traveler's words in every language, and retire
//! one (decisions that cite it keep it).

use std::collections::BTreeMap;

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use puerta_app::AppError;
use puerta_app::accounts::Actor;
use puerta_app::cases::language_field;
use puerta_i18n::{Arg, Language, t_args};
use serde::Deserialize;

use super::refused;
use crate::AppState;
use crate::auth::{Client, PageActor};
use crate::pages::form::{CsrfForm, form_errors, html};
use crate::pages::frame::Frame;
use crate::pages::{Ctx, redirect_notice};

pub struct ReasonRow {
    pub code: String,
    pub title: String,
    /// (language name, words) in each language.
    pub words: Vec<(String, String)>,
    pub retired: Option<String>,
}

/// One text field of the add form.
pub struct TextField {
    pub name: &'static str,
    pub label: String,
    pub hint: Option<String>,
    pub value: String,
    pub error: Option<String>,
}

#[derive(Template)]
#[template(path = "staff_reason_codes.html")]
struct ReasonCodesPage {
    frame: Frame,
    rows: Vec<ReasonRow>,
    fields: Vec<TextField>,
    errors: Vec<(String, String)>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct AddForm {
    code: String,
    title: String,
    #[serde(rename = "titles.en")]
    en: String,
    #[serde(rename = "titles.es")]
    es: String,
    #[serde(rename = "titles.ht")]
    ht: String,
    #[serde(rename = "titles.pt")]
    pt: String,
    #[serde(rename = "titles.fr")]
    fr: String,
}

impl AddForm {
    fn words(&self, language: Language) -> &str {
        match language {
            Language::En => &self.en,
            Language::Es => &self.es,
            Language::Ht => &self.ht,
            Language::Pt => &self.pt,
            Language::Fr => &self.fr,
        }
    }

    /// The words by language code; an empty field is left out (the use case names it).
    fn titles(&self) -> BTreeMap<String, String> {
        Language::ALL
            .iter()
            .filter(|l| !self.words(**l).trim().is_empty())
            .map(|l| (l.code().to_string(), self.words(*l).to_string()))
            .collect()
    }
}

fn fields(frame: &Frame, form: &AddForm) -> Vec<TextField> {
    let field = |name: &'static str, label: String, hint: Option<String>, value: &str| TextField {
        name,
        label,
        hint,
        value: value.to_string(),
        error: None,
    };
    let mut fields = vec![
        field("code", frame.t("bo-reason-code"), Some(frame.t("bo-reason-code-hint")), &form.code),
        field("title", frame.t("bo-reason-title"), Some(frame.t("bo-reason-title-hint")), &form.title),
    ];
    for language in Language::ALL {
        let label =
            t_args(frame.lang, "bo-reason-words", vec![("language", Arg::from(language.native_name()))]);
        fields.push(field(language_field(language), label, None, form.words(language)));
    }
    fields
}

async fn render(
    state: &AppState,
    ctx: &Ctx,
    actor: &Actor,
    form: &AddForm,
    problems: Vec<(String, String)>,
    status: StatusCode,
) -> Response {
    let reasons = match state.app.all_reason_codes(actor).await {
        Ok(reasons) => reasons,
        Err(e) => return refused(e),
    };
    let frame = ctx.frame(state, Some(actor));
    let rows = reasons
        .into_iter()
        .map(|r| ReasonRow {
            words: Language::ALL
                .iter()
                .map(|l| {
                    let words = puerta_app::cases::reason_text(*l, &r.code, r.titles.as_ref());
                    (l.native_name().to_string(), words)
                })
                .collect(),
            retired: r.retired_at.map(|at| frame.date(&at)),
            code: r.code,
            title: r.title,
        })
        .collect();
    let mut fields = fields(&frame, form);
    let mut errors = Vec::new();
    for (field, message) in problems {
        let index = fields.iter().position(|f| f.name == field).unwrap_or(0);
        if let Some(f) = fields.get_mut(index) {
            f.error.get_or_insert_with(|| message.clone());
            errors.push((f.name.to_string(), message));
        }
    }
    (status, html(&ReasonCodesPage { frame, rows, fields, errors })).into_response()
}

pub async fn page(ctx: Ctx, State(state): State<AppState>, PageActor(actor): PageActor) -> Response {
    render(&state, &ctx, &actor, &AddForm::default(), Vec::new(), StatusCode::OK).await
}

pub async fn add(
    ctx: Ctx,
    State(state): State<AppState>,
    Client(client): Client,
    PageActor(actor): PageActor,
    CsrfForm(form): CsrfForm<AddForm>,
) -> Response {
    let result = state.app.add_reason_code(&client, &actor, &form.code, &form.title, &form.titles()).await;
    match result {
        Ok(_) => redirect_notice("/admin/reason-codes", "bo-notice-reason-added"),
        Err(e) => failed(&state, &ctx, &actor, &form, e).await,
    }
}

async fn failed(state: &AppState, ctx: &Ctx, actor: &Actor, form: &AddForm, error: AppError) -> Response {
    let status = match &error {
        AppError::Conflict(_) => StatusCode::CONFLICT,
        _ => StatusCode::UNPROCESSABLE_ENTITY,
    };
    match form_errors(&error, actor.language, "code") {
        Some(problems) => render(state, ctx, actor, form, problems, status).await,
        None => refused(error),
    }
}

#[derive(Deserialize, Default)]
pub struct NoFields {}

pub async fn retire(
    State(state): State<AppState>,
    Client(client): Client,
    PageActor(actor): PageActor,
    Path(code): Path<String>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Response {
    match state.app.retire_reason_code(&client, &actor, &code).await {
        Ok(()) => redirect_notice("/admin/reason-codes", "bo-notice-reason-retired"),
        Err(e) => refused(e),
    }
}
