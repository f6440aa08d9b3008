//! One thing per page for a person of the group. A page of a draft saves into the draft and goes
//! on to the next; a page of a saved traveler ("Change" on check your answers) saves the whole
//! profile again and goes back there.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use puerta_app::AppError;
use puerta_app::cases::{DraftFields, DraftStep, TravelerDraft};
use puerta_domain::cases::Gender;
use puerta_i18n::Language;

use super::countries::countries;
use super::view::{Question, QuestionPage, form_field, question_failed, refused_status, render};
use crate::AppState;
use crate::api::problem::ApiError;
use crate::auth::{Client, PageActor};
use crate::pages::Ctx;
use crate::pages::form::{CsrfForm, form_errors};
use crate::pages::frame::Frame;

/// The identity document types the domain accepts, with their labels.
pub const DOCUMENT_TYPES: [&str; 4] = ["passport", "national_id", "birth_certificate", "other"];

fn country_options(frame: &Frame, blank_id: &str) -> Vec<(String, String)> {
    let mut options = vec![(String::new(), frame.t(blank_id))];
    options.extend(countries(frame.lang).iter().map(|(code, name)| (code.to_string(), name.clone())));
    options
}

/// Marks the option whose value is `value` (selects and radios read `Question::value`).
fn with_value(mut q: Question, value: &str) -> Question {
    q.value = value.to_string();
    q
}

/// The title and questions of `step`, filled with `f`.
pub fn questions(frame: &Frame, step: DraftStep, f: &DraftFields) -> (&'static str, Vec<Question>) {
    match step {
        DraftStep::Name => (
            "apply-name-title",
            vec![
                Question::text(frame, "given_name", "apply-field-given-name", &f.given_name)
                    .input("text", "given-name", "")
                    .hint(frame, "apply-field-given-name-hint"),
                Question::text(frame, "family_name", "apply-field-family-name", &f.family_name).input(
                    "text",
                    "family-name",
                    "",
                ),
            ],
        ),
        DraftStep::DateOfBirth => (
            "apply-dob-title",
            vec![
                Question::date(
                    frame,
                    "birth_",
                    "birth_day",
                    "apply-field-dob",
                    "bday",
                    (&f.birth_day, &f.birth_month, &f.birth_year),
                )
                .hint(frame, "apply-field-dob-hint"),
            ],
        ),
        DraftStep::Birth => (
            "apply-birth-title",
            vec![
                with_value(
                    Question::text(frame, "nationality", "apply-field-nationality", "")
                        .select(country_options(frame, "apply-choose-country")),
                    &f.nationality,
                ),
                with_value(
                    Question::text(frame, "country_of_birth", "apply-field-country-of-birth", "")
                        .select(country_options(frame, "apply-choose-country")),
                    &f.country_of_birth,
                ),
                Question::text(frame, "city_of_birth", "apply-field-city-of-birth", &f.city_of_birth),
            ],
        ),
        DraftStep::Residence => (
            "apply-residence-title",
            vec![with_value(
                Question::text(frame, "country_of_residence", "apply-field-country-of-residence", "")
                    .select(country_options(frame, "apply-choose-country"))
                    .hint(frame, "apply-field-country-of-residence-hint"),
                &f.country_of_residence,
            )],
        ),
        DraftStep::Gender => {
            let options =
                Gender::ALL.iter().map(|g| (g.as_str().to_string(), frame.t(g.label_message_id()))).collect();
            (
                "apply-gender-title",
                vec![with_value(
                    Question::text(frame, "gender", "apply-field-gender", "")
                        .radios(options)
                        .hint(frame, "apply-field-gender-hint"),
                    &f.gender,
                )],
            )
        }
        DraftStep::Language => {
            let options =
                Language::ALL.iter().map(|l| (l.code().to_string(), l.native_name().to_string())).collect();
            (
                "apply-language-title",
                vec![with_value(
                    Question::text(frame, "language", "apply-field-language", "")
                        .radios(options)
                        .hint(frame, "apply-field-language-hint"),
                    &f.language,
                )],
            )
        }
        DraftStep::Contact => (
            "apply-contact-title",
            vec![
                Question::text(frame, "phone", "apply-field-phone", &f.phone)
                    .input("tel", "tel", "tel")
                    .hint(frame, "apply-field-phone-hint"),
                Question::text(frame, "email", "apply-field-email", &f.email)
                    .input("email", "email", "email"),
            ],
        ),
        DraftStep::Document => {
            let mut types = vec![(String::new(), frame.t("apply-document-none"))];
            types.extend(
                DOCUMENT_TYPES.iter().map(|t| (t.to_string(), frame.t(&format!("apply-document-{t}")))),
            );
            (
                "apply-document-title",
                vec![
                    with_value(
                        Question::text(frame, "document_type", "apply-field-document-type", "").select(types),
                        &f.document_type,
                    ),
                    Question::text(
                        frame,
                        "document_number",
                        "apply-field-document-number",
                        &f.document_number,
                    ),
                    with_value(
                        Question::text(frame, "document_country", "apply-field-document-country", "")
                            .select(country_options(frame, "apply-choose-country")),
                        &f.document_country,
                    ),
                    Question::date(
                        frame,
                        "expiry_",
                        "expiry_day",
                        "apply-field-document-expiry",
                        "",
                        (&f.expiry_day, &f.expiry_month, &f.expiry_year),
                    )
                    .hint(frame, "apply-field-document-expiry-hint"),
                ],
            )
        }
    }
}

/// An address that names no page.
fn no_such_page() -> Response {
    ApiError::from(AppError::NotFound).into_response()
}

/// "Person 3" for the page caption: the draft's place among the people of the group.
fn caption(frame: &Frame, name: &DraftFields) -> Option<String> {
    let full = format!("{} {}", name.given_name.trim(), name.family_name.trim());
    let full = full.trim();
    (!full.is_empty()).then(|| full.to_string()).or_else(|| Some(frame.t("apply-new-person")))
}

fn draft_page(frame: Frame, draft: &TravelerDraft, step: DraftStep, fields: &DraftFields) -> QuestionPage {
    let (title, questions) = questions(&frame, step, fields);
    let back = match DraftStep::ALL.iter().position(|s| *s == step) {
        Some(i) if i > 0 => format!("/apply/drafts/{}/{}", draft.id, DraftStep::ALL[i - 1].slug()),
        _ => "/apply".to_string(),
    };
    QuestionPage {
        title: frame.t(title),
        caption: caption(&frame, &draft.fields),
        intro: Vec::new(),
        action: format!("/apply/drafts/{}/{}", draft.id, step.slug()),
        submit: frame.t("apply-save-continue"),
        questions,
        errors: Vec::new(),
        back,
        frame,
    }
}

pub async fn draft_form(
    ctx: Ctx,
    State(state): State<AppState>,
    PageActor(actor): PageActor,
    Path((id, step)): Path<(String, String)>,
) -> Response {
    let Some(step) = DraftStep::parse(&step) else { return no_such_page() };
    match state.app.traveler_draft(&actor, &id).await {
        Ok(draft) => {
            let frame = ctx.frame(&state, Some(&actor));
            render(&draft_page(frame, &draft, step, &draft.fields), StatusCode::OK)
        }
        Err(e) => ApiError::from(e).into_response(),
    }
}

pub async fn draft_submit(
    ctx: Ctx,
    State(state): State<AppState>,
    Client(client): Client,
    PageActor(actor): PageActor,
    Path((id, step)): Path<(String, String)>,
    CsrfForm(answers): CsrfForm<DraftFields>,
) -> Response {
    let Some(step) = DraftStep::parse(&step) else { return no_such_page() };
    let draft = match state.app.traveler_draft(&actor, &id).await {
        Ok(d) => d,
        Err(e) => return ApiError::from(e).into_response(),
    };
    match state.app.save_traveler_step(&client, &actor, &id, step, &answers).await {
        Ok(saved) => match step.next() {
            // Straight on while the pages are being answered in order; once every page was
            // answered (a change from the review), back to the review.
            Some(next) if saved.next_unanswered().is_some() => {
                Redirect::to(&format!("/apply/drafts/{id}/{}", next.slug())).into_response()
            }
            _ => Redirect::to(&format!("/apply/drafts/{id}")).into_response(),
        },
        Err(e) => {
            let frame = ctx.frame(&state, Some(&actor));
            let shown = draft.fields.with_step(step, &answers);
            question_failed(e, draft_page(frame, &draft, step, &shown))
        }
    }
}

fn traveler_page(frame: Frame, id: &str, step: DraftStep, fields: &DraftFields) -> QuestionPage {
    let (title, questions) = questions(&frame, step, fields);
    QuestionPage {
        title: frame.t(title),
        caption: caption(&frame, fields),
        intro: Vec::new(),
        action: format!("/apply/travelers/{id}/{}", step.slug()),
        submit: frame.t("apply-save-continue"),
        questions,
        errors: Vec::new(),
        back: "/apply/check".to_string(),
        frame,
    }
}

pub async fn traveler_form(
    ctx: Ctx,
    State(state): State<AppState>,
    PageActor(actor): PageActor,
    Path((id, step)): Path<(String, String)>,
) -> Response {
    let Some(step) = DraftStep::parse(&step) else { return no_such_page() };
    match state.app.traveler(&actor, &id).await {
        Ok(t) => {
            let frame = ctx.frame(&state, Some(&actor));
            render(&traveler_page(frame, &id, step, &DraftFields::from_traveler(&t)), StatusCode::OK)
        }
        Err(e) => ApiError::from(e).into_response(),
    }
}

pub async fn traveler_submit(
    ctx: Ctx,
    State(state): State<AppState>,
    Client(client): Client,
    PageActor(actor): PageActor,
    Path((id, step)): Path<(String, String)>,
    CsrfForm(answers): CsrfForm<DraftFields>,
) -> Response {
    let Some(step) = DraftStep::parse(&step) else { return no_such_page() };
    let saved = match state.app.traveler(&actor, &id).await {
        Ok(t) => DraftFields::from_traveler(&t),
        Err(e) => return ApiError::from(e).into_response(),
    };
    let merged = saved.with_step(step, &answers);
    match state.app.update_traveler(&client, &actor, &id, merged.to_input()).await {
        Ok(_) => Redirect::to("/apply/check").into_response(),
        Err(e) => question_failed(e, traveler_page(ctx.frame(&state, Some(&actor)), &id, step, &merged)),
    }
}

pub async fn remove(
    State(state): State<AppState>,
    Client(client): Client,
    PageActor(actor): PageActor,
    Path(id): Path<String>,
    CsrfForm(_): CsrfForm<Empty>,
) -> Response {
    match state.app.remove_traveler(&client, &actor, &id).await {
        Ok(()) => Redirect::to("/apply").into_response(),
        Err(e) => ApiError::from(e).into_response(),
    }
}

/// A form with nothing but its CSRF token.
#[derive(serde::Deserialize)]
pub struct Empty {}

/// One answer of a person, for the summary lists (label, value, the page that asks it).
pub struct Answer {
    pub label: String,
    pub value: String,
    pub step: &'static str,
}

/// Every answer of `f`, as read back on "check your answers".
pub fn answers(frame: &Frame, f: &DraftFields) -> Vec<Answer> {
    use super::countries::country_name;
    let country =
        |code: &str| if code.trim().is_empty() { String::new() } else { country_name(frame.lang, code) };
    let date = |d: &str, m: &str, y: &str| {
        if [d, m, y].iter().all(|p| p.trim().is_empty()) { String::new() } else { format!("{d} / {m} / {y}") }
    };
    let gender = Gender::parse(&f.gender).map(|g| frame.t(g.label_message_id())).unwrap_or_default();
    let language = Language::parse(&f.language).map(|l| l.native_name().to_string()).unwrap_or_default();
    let document = if f.document_type.trim().is_empty() && f.document_number.trim().is_empty() {
        frame.t("apply-document-none")
    } else {
        let kind = if DOCUMENT_TYPES.contains(&f.document_type.as_str()) {
            frame.t(&format!("apply-document-{}", f.document_type))
        } else {
            String::new()
        };
        let expiry = date(&f.expiry_day, &f.expiry_month, &f.expiry_year);
        [kind, f.document_number.clone(), country(&f.document_country), expiry]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let row = |label: &str, value: String, step: DraftStep| Answer {
        label: frame.t(label),
        value,
        step: step.slug(),
    };
    vec![
        row("apply-field-given-name", f.given_name.clone(), DraftStep::Name),
        row("apply-field-family-name", f.family_name.clone(), DraftStep::Name),
        row("apply-field-dob", date(&f.birth_day, &f.birth_month, &f.birth_year), DraftStep::DateOfBirth),
        row("apply-field-nationality", country(&f.nationality), DraftStep::Birth),
        row("apply-field-country-of-birth", country(&f.country_of_birth), DraftStep::Birth),
        row("apply-field-city-of-birth", f.city_of_birth.clone(), DraftStep::Birth),
        row("apply-field-country-of-residence", country(&f.country_of_residence), DraftStep::Residence),
        row("apply-field-gender", gender, DraftStep::Gender),
        row("apply-field-language", language, DraftStep::Language),
        row("apply-field-phone", f.phone.clone(), DraftStep::Contact),
        row("apply-field-email", f.email.clone(), DraftStep::Contact),
        row("apply-field-document", document, DraftStep::Document),
    ]
}

#[derive(Template)]
#[template(path = "apply_person.html")]
struct PersonPage {
    frame: Frame,
    title: String,
    draft_id: String,
    answers: Vec<Answer>,
    /// (page to fix it on, message).
    errors: Vec<(String, String)>,
}

fn person_page(frame: Frame, draft: &TravelerDraft) -> PersonPage {
    PersonPage {
        title: caption(&frame, &draft.fields).unwrap_or_default(),
        answers: answers(&frame, &draft.fields),
        draft_id: draft.id.clone(),
        errors: Vec::new(),
        frame,
    }
}

/// The draft's answers read back before it is saved as a person of the group.
pub async fn review(
    ctx: Ctx,
    State(state): State<AppState>,
    PageActor(actor): PageActor,
    Path(id): Path<String>,
) -> Response {
    match state.app.traveler_draft(&actor, &id).await {
        Ok(draft) => render(&person_page(ctx.frame(&state, Some(&actor)), &draft), StatusCode::OK),
        Err(e) => ApiError::from(e).into_response(),
    }
}

/// The page of the draft that asks `api_field`.
fn step_for_field(api_field: &str) -> DraftStep {
    let field = form_field(api_field);
    DraftStep::ALL
        .into_iter()
        .find(|s| s.fields().iter().any(|f| *f == api_field || form_field(f) == field))
        .unwrap_or(DraftStep::Name)
}

pub async fn finish(
    ctx: Ctx,
    State(state): State<AppState>,
    Client(client): Client,
    PageActor(actor): PageActor,
    Path(id): Path<String>,
    CsrfForm(_): CsrfForm<Empty>,
) -> Response {
    match state.app.finish_traveler_draft(&client, &actor, &id).await {
        Ok(_) => Redirect::to("/apply").into_response(),
        Err(e) => {
            let draft = match state.app.traveler_draft(&actor, &id).await {
                Ok(d) => d,
                Err(e) => return ApiError::from(e).into_response(),
            };
            let frame = ctx.frame(&state, Some(&actor));
            let e = super::view::for_date_boxes(e);
            let status = refused_status(&e);
            let errors = match &e {
                AppError::Validation(problems) => problems
                    .iter()
                    .map(|p| {
                        let href = format!("/apply/drafts/{id}/{}", step_for_field(&p.field).slug());
                        (href, frame.t(&p.message_id))
                    })
                    .collect(),
                _ => match form_errors(&e, frame.lang, "") {
                    Some(errors) => errors.into_iter().map(|(_, m)| ("/apply".to_string(), m)).collect(),
                    None => return ApiError::from(e).into_response(),
                },
            };
            let mut page = person_page(frame, &draft);
            page.errors = errors;
            render(&page, status)
        }
    }
}

pub async fn discard(
    State(state): State<AppState>,
    Client(client): Client,
    PageActor(actor): PageActor,
    Path(id): Path<String>,
    CsrfForm(_): CsrfForm<Empty>,
) -> Response {
    match state.app.discard_traveler_draft(&client, &actor, &id).await {
        Ok(()) => Redirect::to("/apply").into_response(),
        Err(e) => ApiError::from(e).into_response(),
    }
}
