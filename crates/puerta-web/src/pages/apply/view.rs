//! What the question pages are made of: fields of several kinds (text, select, radios, a date in
//! three numeric boxes), each with its error beside it, and the error summary linking to them.

use askama::Template;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use puerta_app::AppError;

use crate::api::problem::ApiError;
use crate::pages::form::form_errors;
use crate::pages::frame::Frame;

/// How a question is asked.
pub enum Kind {
    /// `input_type`, `autocomplete`, `inputmode`.
    Text(&'static str, &'static str, &'static str),
    /// (value, label).
    Select(Vec<(String, String)>),
    /// (value, label).
    Radios(Vec<(String, String)>),
    /// Day, month and year boxes named `{prefix}day`, `{prefix}month`, `{prefix}year`, with
    /// `autocomplete` prefix (`bday` gives `bday-day`…; blank for none).
    Date { prefix: &'static str, autocomplete: &'static str, day: String, month: String, year: String },
}

pub struct Question {
    /// The form field's name (for a date, the day box's), also the error anchor.
    pub name: &'static str,
    pub label: String,
    pub hint: Option<String>,
    pub kind: Kind,
    pub value: String,
    pub error: Option<String>,
}

impl Question {
    pub fn text(frame: &Frame, name: &'static str, label_id: &str, value: &str) -> Self {
        Self {
            name,
            label: frame.t(label_id),
            hint: None,
            kind: Kind::Text("text", "", ""),
            value: value.to_string(),
            error: None,
        }
    }

    pub fn input(
        mut self,
        input_type: &'static str,
        autocomplete: &'static str,
        inputmode: &'static str,
    ) -> Self {
        self.kind = Kind::Text(input_type, autocomplete, inputmode);
        self
    }

    pub fn select(mut self, options: Vec<(String, String)>) -> Self {
        self.kind = Kind::Select(options);
        self
    }

    pub fn radios(mut self, options: Vec<(String, String)>) -> Self {
        self.kind = Kind::Radios(options);
        self
    }

    pub fn date(
        frame: &Frame,
        prefix: &'static str,
        name: &'static str,
        label_id: &str,
        autocomplete: &'static str,
        (day, month, year): (&str, &str, &str),
    ) -> Self {
        Self {
            name,
            label: frame.t(label_id),
            hint: None,
            kind: Kind::Date {
                prefix,
                autocomplete,
                day: day.to_string(),
                month: month.to_string(),
                year: year.to_string(),
            },
            value: String::new(),
            error: None,
        }
    }

    pub fn hint(mut self, frame: &Frame, id: &str) -> Self {
        self.hint = Some(frame.t(id));
        self
    }

    pub fn described_by(&self) -> String {
        let mut ids = Vec::new();
        if self.hint.is_some() {
            ids.push(format!("{}-hint", self.name));
        }
        if self.error.is_some() {
            ids.push(format!("{}-error", self.name));
        }
        ids.join(" ")
    }
}

/// The form field a problem of the application belongs beside (its field names are the API's).
pub fn form_field(api_field: &str) -> &str {
    match api_field {
        "date_of_birth" => "birth_day",
        "document.type" => "document_type",
        "document.number" => "document_number",
        "document.issuing_country" => "document_country",
        "document.expiry_date" => "expiry_day",
        other => other.strip_prefix("us_destination.").unwrap_or(other),
    }
}

#[derive(Template)]
#[template(path = "apply_question.html")]
pub struct QuestionPage {
    pub frame: Frame,
    pub title: String,
    /// "Person 2" above the title, when the page is about one person.
    pub caption: Option<String>,
    pub intro: Vec<String>,
    pub action: String,
    pub submit: String,
    pub questions: Vec<Question>,
    pub errors: Vec<(String, String)>,
    pub back: String,
}

impl QuestionPage {
    /// Puts each error beside its question and in the summary (anything else beside the first).
    pub fn with_errors(mut self, errors: Vec<(String, String)>) -> Self {
        for (field, message) in errors {
            let field = form_field(&field).to_string();
            let index = self.questions.iter().position(|q| q.name == field).or(Some(0));
            let anchor = match index.and_then(|i| self.questions.get_mut(i)) {
                Some(q) => {
                    if q.error.is_none() {
                        q.error = Some(message.clone());
                    }
                    q.name.to_string()
                }
                None => field,
            };
            self.errors.push((anchor, message));
        }
        self
    }
}

/// Renders a page with a status.
pub fn render(template: &impl Template, status: StatusCode) -> Response {
    match template.render() {
        Ok(html) => (status, Html(html)).into_response(),
        Err(e) => {
            tracing::error!(error = %e, "template failed");
            ApiError::internal().into_response()
        }
    }
}

/// The status of a refused form: 409 for a conflict (group full, already open), 422 otherwise.
pub fn refused_status(error: &AppError) -> StatusCode {
    match error {
        AppError::Conflict(_) => StatusCode::CONFLICT,
        _ => StatusCode::UNPROCESSABLE_ENTITY,
    }
}

/// A use case refused a question page: the page again with the errors beside its fields, or an
/// error page when the failure is not about the form (not found, forbidden…).
pub fn question_failed(error: AppError, page: QuestionPage) -> Response {
    let error = for_date_boxes(error);
    match form_errors(&error, page.frame.lang, page.questions.first().map_or("", |q| q.name)) {
        Some(errors) => {
            let status = refused_status(&error);
            render(&page.with_errors(errors), status)
        }
        None => ApiError::from(error).into_response(),
    }
}

/// The API's date-format messages describe `YYYY-MM-DD`; on these pages a date is three boxes,
/// so the message says how to fill those in instead.
pub fn for_date_boxes(error: AppError) -> AppError {
    match error {
        AppError::Validation(mut problems) => {
            for p in &mut problems {
                match p.message_id.as_str() {
                    "error-date-of-birth-format" => p.message_id = "apply-error-dob-format".into(),
                    "error-document-expiry-format" => p.message_id = "apply-error-expiry-format".into(),
                    _ => {}
                }
            }
            AppError::Validation(problems)
        }
        other => other,
    }
}
