//! Each reason in words, in the reader's language: the Fluent messages `checks-reason-<code>`
//! (and `checks-birth-<agreement>` for how dates of birth agree), for the API and the pages.

use puerta_domain::cases::screening::CheckReason;
use puerta_i18n::{Arg, Language, t, t_args};

/// The reason as a sentence for an officer.
pub fn reason_text(language: Language, reason: &CheckReason) -> String {
    let id = format!("checks-reason-{}", reason.code());
    match reason {
        CheckReason::NoWatchlist | CheckReason::NoOtherOpenCase => t(language, &id),
        CheckReason::WatchlistSearched { entries } => {
            t_args(language, &id, vec![("entries", Arg::from(*entries))])
        }
        CheckReason::WatchlistMatch { listed_name, listed_date_of_birth, score, date_of_birth, .. } => {
            // Whole percent: the three decimals are in the JSON for whoever needs them.
            #[allow(clippy::cast_possible_truncation)]
            let percent = (score * 100.0).round() as i64;
            let birth = t_args(
                language,
                &format!("checks-birth-{}", date_of_birth.as_str()),
                vec![("date", Arg::from(listed_date_of_birth.clone()))],
            );
            t_args(
                language,
                &id,
                vec![
                    ("name", Arg::from(listed_name.clone())),
                    ("score", Arg::from(percent)),
                    ("birth", Arg::from(birth)),
                ],
            )
        }
        CheckReason::SamePersonOpenCase { reference_number } => {
            t_args(language, &id, vec![("reference", Arg::from(reference_number.clone()))])
        }
        CheckReason::SharedAddress { groups, threshold } => {
            t_args(language, &id, vec![("groups", Arg::from(*groups)), ("threshold", Arg::from(*threshold))])
        }
    }
}
