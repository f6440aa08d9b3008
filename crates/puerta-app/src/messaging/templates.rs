//! Reply templates: answers officers give often, written once per language in the Fluent files
//! (`reply-template-<name>-label` and `-body`), offered in the traveler's language.

use puerta_i18n::{Language, t};

/// The templates, in the order offered.
const NAMES: [&str; 5] = ["received", "need-documents", "appointment-info", "status-unchanged", "closing"];

/// One template: its name, its label in the officer's language, its text in the traveler's.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ReplyTemplate {
    pub name: &'static str,
    pub label: String,
    pub body: String,
}

/// Every template, labelled for an officer reading `officer`, worded in `traveler`.
pub fn reply_templates(officer: Language, traveler: Language) -> Vec<ReplyTemplate> {
    NAMES
        .into_iter()
        .map(|name| ReplyTemplate {
            name,
            label: t(officer, &format!("reply-template-{name}-label")),
            body: t(traveler, &format!("reply-template-{name}-body")),
        })
        .collect()
}
