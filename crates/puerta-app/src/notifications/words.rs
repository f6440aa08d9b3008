//! A notification's words: `notification-<kind>-title` and `-body`, with its arguments, in the
//! reader's language and time zone, when it is read or sent (never when it is written).

use std::collections::BTreeMap;

use puerta_domain::notifications::Kind;
use puerta_i18n::{Arg, Language, t_args};

/// The values a notification's words need. Keys ending in `_ms` are instants, shown in the
/// reader's zone (`scheduled_at_ms` in the port's, `port_zone`); `port` is a port code, shown as
/// its name; `status` is a case status, shown in words. Never a name, a code or a link.
pub type Args = BTreeMap<String, String>;

/// Title and body of a notification of `kind` for a reader of `language` in `zone`.
pub fn render(language: Language, zone: &str, kind: Kind, args: &Args) -> (String, String) {
    let values = values(language, zone, args);
    let with = || values.iter().map(|(k, v)| (k.as_str(), Arg::from(v.clone()))).collect::<Vec<_>>();
    let id = kind.as_str().replace('_', "-");
    (
        t_args(language, &format!("notification-{id}-title"), with()),
        t_args(language, &format!("notification-{id}-body"), with()),
    )
}

fn values(language: Language, zone: &str, args: &Args) -> Vec<(String, String)> {
    args.iter()
        .filter(|(k, _)| k.as_str() != "port_zone")
        .map(|(key, value)| {
            let shown = if let Some(name) = key.strip_suffix("_ms") {
                let at = value.parse::<i64>().unwrap_or_default();
                let in_zone = if name == "scheduled_at" {
                    args.get("port_zone").map_or(zone, String::as_str)
                } else {
                    zone
                };
                let tz = in_zone.parse().unwrap_or(puerta_domain::accounts::DEFAULT_TIME_ZONE);
                return (name.to_string(), puerta_i18n::format_in_zone(language, at, tz));
            } else if key == "port" {
                crate::ports::port_name(value)
            } else if key == "status" {
                puerta_i18n::t(language, &format!("case-status-{value}"))
            } else {
                value.clone()
            };
            (key.clone(), shown)
        })
        .collect()
}

/// Builds [`Args`] from pairs.
pub fn args<const N: usize>(pairs: [(&str, String); N]) -> Args {
    pairs.into_iter().map(|(k, v)| (k.to_string(), v)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_renders_in_every_language_without_leftover_placeholders() {
        let args = args([
            ("reference", "PUE-1234-5678".into()),
            ("status", "in_review".into()),
            ("port", "SYS".into()),
            ("port_zone", "America/Los_Angeles".into()),
            ("scheduled_at_ms", "1800000000000".into()),
            ("deadline_ms", "1800000000000".into()),
            ("due_ms", "1800000000000".into()),
            ("at_ms", "1800000000000".into()),
            ("subject", "Pregunta".into()),
            ("granted", "yes".into()),
            ("expired", "no".into()),
            ("references", "PUE 1234 5678 9".into()),
            ("number", "ABCD-EFGH".into()),
        ]);
        for language in Language::ALL {
            for kind in Kind::ALL {
                let (title, body) = render(language, "America/Tijuana", kind, &args);
                assert!(
                    !title.is_empty() && !title.contains("notification-"),
                    "{language} {kind:?}: {title}"
                );
                assert!(
                    !body.contains('{') && !body.contains("notification-"),
                    "{language} {kind:?}: {body}"
                );
            }
        }
    }
}
