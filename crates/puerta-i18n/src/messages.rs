use std::borrow::Cow;
use std::collections::HashMap;

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{Loader, static_loader};
use unic_langid::LanguageIdentifier;

use crate::Language;

static_loader! {
    static LOCALES = {
        locales: "../../locales",
        fallback_language: "en",
        // Unicode isolation marks around variables confuse email clients and SMS; our variables
        // are never mixed-direction text.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// A value for a Fluent variable.
pub enum Arg<'a> {
    Str(Cow<'a, str>),
    Num(i64),
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(value: &'a str) -> Self {
        Self::Str(Cow::Borrowed(value))
    }
}

impl From<String> for Arg<'_> {
    fn from(value: String) -> Self {
        Self::Str(Cow::Owned(value))
    }
}

impl From<i64> for Arg<'_> {
    fn from(value: i64) -> Self {
        Self::Num(value)
    }
}

fn langid(language: Language) -> LanguageIdentifier {
    match language {
        Language::En => unic_langid::langid!("en"),
        Language::Es => unic_langid::langid!("es"),
        Language::Ht => unic_langid::langid!("ht"),
        Language::Pt => unic_langid::langid!("pt"),
        Language::Fr => unic_langid::langid!("fr"),
    }
}

/// The message `id` in `language` (falling back to English, then to the id itself).
pub fn t(language: Language, id: &str) -> String {
    LOCALES.try_lookup(&langid(language), id).unwrap_or_else(|| id.to_string())
}

/// The message `id` in `language` with Fluent variables.
pub fn t_args(language: Language, id: &str, args: Vec<(&str, Arg<'_>)>) -> String {
    let args: HashMap<Cow<'static, str>, FluentValue<'_>> = args
        .into_iter()
        .map(|(name, value)| {
            let value = match value {
                Arg::Str(s) => FluentValue::from(s),
                Arg::Num(n) => FluentValue::from(n),
            };
            (Cow::Owned(name.to_string()), value)
        })
        .collect();
    LOCALES.try_lookup_with_args(&langid(language), id, &args).unwrap_or_else(|| id.to_string())
}

/// The Fluent files of one language, in the order they are read (each area keeps its own
/// file so that work on one area does not touch another's strings). `include_str!` also makes
/// a change to any of them rebuild this crate, which the loader's macro alone would not.
macro_rules! sources {
    ($lang:literal) => {
        [
            include_str!(concat!("../../../locales/", $lang, "/main.ftl")),
            include_str!(concat!("../../../locales/", $lang, "/cases.ftl")),
            include_str!(concat!("../../../locales/", $lang, "/backoffice.ftl")),
            include_str!(concat!("../../../locales/", $lang, "/checks.ftl")),
            include_str!(concat!("../../../locales/", $lang, "/case_pages.ftl")),
            include_str!(concat!("../../../locales/", $lang, "/appointments.ftl")),
            include_str!(concat!("../../../locales/", $lang, "/appointment_pages.ftl")),
            include_str!(concat!("../../../locales/", $lang, "/notifications.ftl")),
            include_str!(concat!("../../../locales/", $lang, "/notification_pages.ftl")),
            include_str!(concat!("../../../locales/", $lang, "/staff_message_pages.ftl")),
        ]
    };
}

/// Every message id defined for `language` in its own files (no fallback), for completeness tests.
pub fn message_ids(language: Language) -> Vec<String> {
    let sources = match language {
        Language::En => sources!("en"),
        Language::Es => sources!("es"),
        Language::Ht => sources!("ht"),
        Language::Pt => sources!("pt"),
        Language::Fr => sources!("fr"),
    };
    let mut ids: Vec<String> = sources
        .iter()
        .flat_map(|source| source.lines())
        .filter(|line| line.chars().next().is_some_and(|c| c.is_ascii_alphabetic()))
        .filter_map(|line| line.split_once('=').map(|(id, _)| id.trim().to_string()))
        .collect();
    ids.sort();
    ids
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_locale_has_exactly_the_messages_english_has() {
        let english = message_ids(Language::En);
        assert!(!english.is_empty());
        for language in Language::ALL {
            let ids = message_ids(language);
            let missing: Vec<_> = english.iter().filter(|id| !ids.contains(id)).collect();
            let extra: Vec<_> = ids.iter().filter(|id| !english.contains(id)).collect();
            assert!(missing.is_empty(), "{language} lacks {missing:?}");
            assert!(extra.is_empty(), "{language} has messages English lacks: {extra:?}");
        }
    }

    #[test]
    fn every_message_resolves_in_every_locale() {
        for language in Language::ALL {
            for id in message_ids(Language::En) {
                let args = [
                    "name",
                    "code",
                    "time",
                    "link",
                    "seconds",
                    "minutes",
                    "id",
                    "email",
                    "date",
                    "version",
                    "count",
                    "limit",
                    "references",
                    "reference",
                    "items",
                    "reasons",
                    // Case checks (`checks.ftl`).
                    "line",
                    "entries",
                    "score",
                    "birth",
                    "groups",
                    "threshold",
                    // Back office (`backoffice.ftl`).
                    "status",
                    "language",
                    // Appointments (`appointments.ftl`).
                    "port",
                    "deadline",
                    "number",
                    "requests",
                    "travelers",
                    "places",
                    "percent",
                    "days",
                    // Notifications (`notifications.ftl`).
                    "scheduled_at",
                    "due",
                    "at",
                    "granted",
                    "expired",
                    "subject",
                    "zone",
                ]
                .into_iter()
                .map(|name| (name, Arg::from("x")))
                .collect();
                let text = t_args(language, &id, args);
                assert_ne!(text, id, "{language}: {id} does not resolve");
                assert!(
                    !text.contains("{$") && !text.contains("{ $"),
                    "{language}: {id} has an unknown variable"
                );
            }
        }
    }
}
