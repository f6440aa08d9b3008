//! The admin-managed list of reasons a denial may cite. The seeded reasons have their words in
//! the Fluent files (`reason-<code>`); a reason an admin adds brings its words in every supported
//! language, since a traveler must read the reason for their denial in their own language.
//! Reasons are retired, never deleted: old decisions keep citing them.

use std::collections::BTreeMap;

use puerta_domain::access::{Action, Target};
use puerta_domain::audit::AuditAction;
use puerta_i18n::Language;
use puerta_store::StoreError;
use puerta_store::cases::ReasonCode;

use crate::accounts::{Actor, RequestContext};
use crate::{App, AppError};

/// Longest words for one reason, in characters.
pub const REASON_TITLE_MAX_CHARS: usize = 300;

/// The words of reason `code` in `language`: the Fluent message for a seeded reason, else the
/// admin's words in that language (English if missing), else the code itself.
pub fn reason_text(language: Language, code: &str, titles: Option<&BTreeMap<String, String>>) -> String {
    let id = format!("reason-{code}");
    let fluent = puerta_i18n::t(language, &id);
    if fluent != id {
        return fluent;
    }
    titles
        .and_then(|t| t.get(language.code()).or_else(|| t.get(Language::En.code())))
        .cloned()
        .unwrap_or_else(|| code.to_string())
}

fn one_line(field: &'static str, text: &str) -> Result<String, AppError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(AppError::field(field, "error-field-required"));
    }
    if text.chars().count() > REASON_TITLE_MAX_CHARS {
        return Err(AppError::field(field, "error-reason-title-too-long"));
    }
    if text.chars().any(char::is_control) {
        return Err(AppError::field(field, "error-text-control"));
    }
    Ok(text.to_string())
}

impl App {
    /// The reasons an officer may cite now (retired ones left out).
    pub async fn reason_codes(&self, actor: &Actor) -> Result<Vec<ReasonCode>, AppError> {
        actor.authorize(Action::ProcessCase, Target::None)?;
        let mut read = self.reader().await?;
        Ok(read.reason_codes().list().await?.into_iter().filter(|r| r.retired_at.is_none()).collect())
    }

    /// Every reason, retired ones included (the admin's list).
    pub async fn all_reason_codes(&self, actor: &Actor) -> Result<Vec<ReasonCode>, AppError> {
        actor.authorize(Action::ManageReasonCodes, Target::None)?;
        Ok(self.reader().await?.reason_codes().list().await?)
    }

    /// Adds a reason: `code` (`a-z`, digits and `_`, 2–64, starting with a letter), the staff
    /// name `title`, and the traveler-facing words in every supported language (`titles`, keyed
    /// by language code). A taken code is `reason_code_taken`.
    pub async fn add_reason_code(
        &self,
        ctx: &RequestContext,
        actor: &Actor,
        code: &str,
        title: &str,
        titles: &BTreeMap<String, String>,
    ) -> Result<ReasonCode, AppError> {
        actor.authorize(Action::ManageReasonCodes, Target::None)?;
        let code = code.trim();
        let valid = (2..=64).contains(&code.len())
            && code.starts_with(|c: char| c.is_ascii_lowercase())
            && code.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
        if !valid {
            return Err(AppError::field("code", "error-reason-code-format"));
        }
        let title = one_line("title", title)?;
        let mut words = BTreeMap::new();
        let mut problems = Vec::new();
        for language in Language::ALL {
            let field = language_field(language);
            match titles.get(language.code()).map(|t| one_line(field, t)) {
                Some(Ok(text)) => {
                    words.insert(language.code().to_string(), text);
                }
                Some(Err(AppError::Validation(mut p))) => problems.append(&mut p),
                Some(Err(e)) => return Err(e),
                None => problems.push(crate::FieldProblem::new(field, "error-field-required")),
            }
        }
        if !problems.is_empty() {
            return Err(AppError::Validation(problems));
        }
        let reason = ReasonCode { code: code.to_string(), title, titles: Some(words), retired_at: None };
        let mut tx = self.begin().await?;
        match tx.reason_codes().add(&reason).await {
            Ok(()) => {}
            Err(StoreError::Conflict) => return Err(AppError::Conflict("reason_code_taken")),
            Err(e) => return Err(e.into()),
        }
        let detail = Some(reason.code.clone());
        self.audit(&mut tx, ctx, Some(&actor.user_id), AuditAction::ReasonCodeAdded, None, detail).await?;
        self.commit(tx).await?;
        Ok(reason)
    }

    /// Retires a reason: no longer offered; decisions that cite it keep it.
    pub async fn retire_reason_code(
        &self,
        ctx: &RequestContext,
        actor: &Actor,
        code: &str,
    ) -> Result<(), AppError> {
        actor.authorize(Action::ManageReasonCodes, Target::None)?;
        let mut tx = self.begin().await?;
        if !tx.reason_codes().retire(code.trim(), self.now()).await? {
            return Err(AppError::NotFound);
        }
        let detail = Some(code.trim().to_string());
        self.audit(&mut tx, ctx, Some(&actor.user_id), AuditAction::ReasonCodeRetired, None, detail).await?;
        self.commit(tx).await
    }
}

/// The form and API field of the words in `language` (`titles.es`, …).
pub fn language_field(language: Language) -> &'static str {
    match language {
        Language::En => "titles.en",
        Language::Es => "titles.es",
        Language::Ht => "titles.ht",
        Language::Pt => "titles.pt",
        Language::Fr => "titles.fr",
    }
}
