//! The one form page every account flow uses (GOV.UK pattern: error summary linking to fields,
//! a message beside each field, hints, the right `autocomplete`), and the CSRF-checked form
//! extractor.

use std::collections::HashMap;

use askama::Template;
use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use puerta_app::AppError;
use puerta_i18n::{Arg, Language, t, t_args};
use serde::de::DeserializeOwned;

use super::frame::Frame;
use crate::AppState;
use crate::api::problem::ApiError;
use crate::auth::csrf;

pub struct Field {
    pub name: &'static str,
    pub label: String,
    pub hint: Option<String>,
    pub input_type: &'static str,
    pub autocomplete: &'static str,
    pub inputmode: &'static str,
    pub value: String,
    pub error: Option<String>,
    /// (value, label, selected) for a `<select>`.
    pub options: Vec<(String, String, bool)>,
}

impl Field {
    pub fn new(
        frame: &Frame,
        name: &'static str,
        label_id: &str,
        input_type: &'static str,
        autocomplete: &'static str,
    ) -> Self {
        Self {
            name,
            label: frame.t(label_id),
            hint: None,
            input_type,
            autocomplete,
            inputmode: if autocomplete == "one-time-code" { "numeric" } else { "" },
            value: String::new(),
            error: None,
            options: Vec::new(),
        }
    }

    pub fn hint(mut self, frame: &Frame, hint_id: &str) -> Self {
        self.hint = Some(frame.t(hint_id));
        self
    }

    pub fn value(mut self, value: impl Into<String>) -> Self {
        self.value = value.into();
        self
    }

    pub fn hidden(name: &'static str, value: impl Into<String>) -> Self {
        Self {
            name,
            label: String::new(),
            hint: None,
            input_type: "hidden",
            autocomplete: "",
            inputmode: "",
            value: value.into(),
            error: None,
            options: Vec::new(),
        }
    }

    /// The languages, each named in itself.
    pub fn language_select(frame: &Frame, selected: Language) -> Self {
        let mut field = Self::new(frame, "language", "field-language", "select", "language");
        field.options = Language::ALL
            .iter()
            .map(|l| (l.code().to_string(), l.native_name().to_string(), *l == selected))
            .collect();
        field
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

/// A small extra form under the main one (e.g. "Send a new code").
pub struct ExtraForm {
    pub action: &'static str,
    pub hidden: Vec<(&'static str, String)>,
    pub label: String,
}

#[derive(Template)]
#[template(path = "form.html")]
pub struct FormPage {
    pub frame: Frame,
    pub title: String,
    pub intro: Vec<String>,
    pub action: &'static str,
    pub submit: String,
    pub fields: Vec<Field>,
    pub errors: Vec<(String, String)>,
    pub extra_forms: Vec<ExtraForm>,
    pub links: Vec<(String, String)>,
    /// A proof-of-work challenge (JSON) when the source address is under pressure: the
    /// script solves it into the form's `altcha` field before the form is sent again.
    pub proof: Option<String>,
}

impl FormPage {
    pub fn new(
        frame: Frame,
        title_id: &str,
        action: &'static str,
        submit_id: &str,
        fields: Vec<Field>,
    ) -> Self {
        Self {
            title: frame.t(title_id),
            submit: frame.t(submit_id),
            frame,
            intro: Vec::new(),
            action,
            fields,
            errors: Vec::new(),
            extra_forms: Vec::new(),
            links: Vec::new(),
            proof: None,
        }
    }

    pub fn intro(mut self, ids: &[&str]) -> Self {
        self.intro = ids.iter().map(|id| self.frame.t(id)).collect();
        self
    }

    pub fn link(mut self, href: &str, text_id: &str) -> Self {
        self.links.push((href.to_string(), self.frame.t(text_id)));
        self
    }

    pub fn extra(
        mut self,
        action: &'static str,
        hidden: Vec<(&'static str, String)>,
        label_id: &str,
    ) -> Self {
        self.extra_forms.push(ExtraForm { action, hidden, label: self.frame.t(label_id) });
        self
    }

    /// Puts each error beside its field and in the summary; errors for fields the form does not
    /// show go beside the first visible field.
    pub fn with_errors(mut self, errors: Vec<(String, String)>) -> Self {
        let first_visible = self.fields.iter().find(|f| f.input_type != "hidden").map(|f| f.name);
        for (field, message) in errors {
            let index = self
                .fields
                .iter()
                .position(|f| f.name == field && f.input_type != "hidden")
                .or_else(|| self.fields.iter().position(|f| Some(f.name) == first_visible));
            let target = index.and_then(|i| self.fields.get_mut(i));
            let anchor = match target {
                Some(f) => {
                    if f.error.is_none() {
                        f.error = Some(message.clone());
                    }
                    f.name.to_string()
                }
                None => field,
            };
            self.errors.push((anchor, message));
        }
        self
    }

    pub fn render_with(self, status: StatusCode) -> Response {
        match self.render() {
            Ok(html) => (status, Html(html)).into_response(),
            Err(e) => {
                tracing::error!(error = %e, "template failed");
                ApiError::internal().into_response()
            }
        }
    }
}

impl IntoResponse for FormPage {
    fn into_response(self) -> Response {
        let status = if self.errors.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
        self.render_with(status)
    }
}

/// What a failed use case means beside the form's fields, in `language`. `None` for failures
/// that are not about the form (they become error pages).
pub fn form_errors(
    error: &AppError,
    language: Language,
    general_field: &str,
) -> Option<Vec<(String, String)>> {
    let general = |id: &str| Some(vec![(general_field.to_string(), t(language, id))]);
    match error {
        AppError::Validation(problems) => {
            Some(problems.iter().map(|p| (p.field.clone(), t(language, &p.message_id))).collect())
        }
        AppError::InvalidCredentials => general("problem-invalid_credentials"),
        AppError::EmailNotVerified => general("problem-email_not_verified"),
        AppError::PasswordResetRequired => general("problem-password_reset_required"),
        AppError::TotpInvalid => general("problem-totp_invalid"),
        AppError::TotpRequired => general("problem-totp_required"),
        AppError::CodeInvalid => general("problem-code_invalid"),
        AppError::AccountDisabled => general("problem-account_disabled"),
        AppError::Conflict(code) => general(&format!("problem-{code}")),
        AppError::SignInLocked { retry_after_secs } => Some(vec![(
            general_field.to_string(),
            t_args(
                language,
                "problem-sign_in_locked",
                vec![("minutes", Arg::from(i64::try_from(retry_after_secs.div_ceil(60)).unwrap_or(60)))],
            ),
        )]),
        AppError::Throttled { retry_after_secs } => Some(vec![(
            general_field.to_string(),
            t_args(
                language,
                "problem-too_many_requests",
                vec![("seconds", Arg::from(i64::try_from(*retry_after_secs).unwrap_or(60)))],
            ),
        )]),
        _ => None,
    }
}

/// The request's context with the page's solved proof of work (its `altcha` field), if any.
pub fn with_proof(
    mut client: puerta_app::accounts::RequestContext,
    altcha: &str,
) -> puerta_app::accounts::RequestContext {
    let altcha = altcha.trim();
    if !altcha.is_empty() && altcha.len() <= 4096 {
        client.proof = Some(altcha.to_string());
    }
    client
}

/// A form body whose CSRF token and origin were checked. Fields the handler's type does not
/// name are ignored; a failed check is a 403 page.
pub struct CsrfForm<T>(pub T);

impl<T: DeserializeOwned> FromRequest<AppState> for CsrfForm<T> {
    type Rejection = Response;

    async fn from_request(request: Request, state: &AppState) -> Result<Self, Self::Rejection> {
        let (parts, body) = request.into_parts();
        let bytes = Bytes::from_request(Request::from_parts(parts.clone(), body), state)
            .await
            .map_err(|_| ApiError::from_status(StatusCode::PAYLOAD_TOO_LARGE).into_response())?;
        let all: HashMap<String, String> = serde_urlencoded::from_bytes(&bytes).unwrap_or_default();
        let presented = all.get(csrf::CSRF_FIELD).map(String::as_str);
        if !csrf::verify(&state.csrf_key, &parts.headers, presented, &state.own_origins) {
            return Err(ApiError::new(StatusCode::FORBIDDEN, crate::api::problem::ProblemCode::CsrfFailed)
                .into_response());
        }
        serde_urlencoded::from_bytes(&bytes).map(Self).map_err(|_| {
            ApiError::new(StatusCode::BAD_REQUEST, crate::api::problem::ProblemCode::BadRequest)
                .into_response()
        })
    }
}

/// Renders any askama template as a page.
pub fn html(template: &impl Template) -> Response {
    match template.render() {
        Ok(html) => Html(html).into_response(),
        Err(e) => {
            tracing::error!(error = %e, "template failed");
            ApiError::internal().into_response()
        }
    }
}

/// A use case failed on a form: show the form again with the errors beside its fields (429 with
/// `Retry-After` when throttled, 422 otherwise), or an error page when it is not about the form.
pub fn failed(
    error: AppError,
    frame: Frame,
    general_field: &str,
    page: impl FnOnce(Frame) -> FormPage,
) -> Response {
    if let AppError::ProofRequired { challenge } = &error {
        let message = frame.t("error-proof-required");
        let mut page = page(frame).with_errors(vec![(general_field.to_string(), message)]);
        page.proof = serde_json::to_string(challenge.as_ref()).ok();
        return page.render_with(StatusCode::PRECONDITION_REQUIRED);
    }
    match form_errors(&error, frame.lang, general_field) {
        Some(errors) => {
            let (status, retry) = match error {
                AppError::Throttled { retry_after_secs } | AppError::SignInLocked { retry_after_secs } => {
                    (StatusCode::TOO_MANY_REQUESTS, Some(retry_after_secs))
                }
                _ => (StatusCode::UNPROCESSABLE_ENTITY, None),
            };
            let mut response = page(frame).with_errors(errors).render_with(status);
            if let Some(secs) = retry {
                response.headers_mut().insert(axum::http::header::RETRY_AFTER, secs.into());
            }
            response
        }
        None => ApiError::from(error).into_response(),
    }
}
