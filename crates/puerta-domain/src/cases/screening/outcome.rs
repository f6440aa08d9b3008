//! What a check answers: clear or hit, and the reasons, each a stable code with the facts an
//! officer needs (the words are the Fluent messages `checks-reason-<code>`). A hit is a lead
//! for the officer, never a decision: nothing here changes a case.

use serde::{Deserialize, Serialize};

use super::date_of_birth::BirthAgreement;

/// The checks there are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CheckKind {
    Watchlist,
    DuplicatePerson,
    SharedAddress,
}

impl CheckKind {
    pub const ALL: [CheckKind; 3] = [Self::Watchlist, Self::DuplicatePerson, Self::SharedAddress];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Watchlist => "watchlist",
            Self::DuplicatePerson => "duplicate_person",
            Self::SharedAddress => "shared_address",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckOutcome {
    Clear,
    Hit,
}

impl CheckOutcome {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Clear => "clear",
            Self::Hit => "hit",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "clear" => Some(Self::Clear),
            "hit" => Some(Self::Hit),
            _ => None,
        }
    }
}

/// One reason for an outcome.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum CheckReason {
    /// No watchlist has been uploaded yet.
    NoWatchlist,
    /// The list was searched and no entry matched.
    WatchlistSearched { entries: i64 },
    /// A list entry matched: which, how alike (0–1), and how the dates of birth agree.
    WatchlistMatch {
        entry_id: String,
        listed_name: String,
        listed_date_of_birth: String,
        score: f64,
        date_of_birth: BirthAgreement,
    },
    /// No other open case has this name and date of birth.
    NoOtherOpenCase,
    /// Another open case, under any account, has the same normalized name and date of birth.
    SamePersonOpenCase { reference_number: String },
    /// How many unrelated groups (distinct account holders) give this US address, and from how
    /// many it is a hit.
    SharedAddress { groups: i64, threshold: i64 },
}

impl CheckReason {
    pub fn code(&self) -> &'static str {
        match self {
            Self::NoWatchlist => "no_watchlist",
            Self::WatchlistSearched { .. } => "watchlist_searched",
            Self::WatchlistMatch { .. } => "watchlist_match",
            Self::NoOtherOpenCase => "no_other_open_case",
            Self::SamePersonOpenCase { .. } => "same_person_open_case",
            Self::SharedAddress { .. } => "shared_address",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_and_outcomes_read_back_and_reasons_carry_their_code() {
        for kind in CheckKind::ALL {
            assert_eq!(CheckKind::parse(kind.as_str()), Some(kind));
        }
        for outcome in [CheckOutcome::Clear, CheckOutcome::Hit] {
            assert_eq!(CheckOutcome::parse(outcome.as_str()), Some(outcome));
        }
        let reason = CheckReason::SharedAddress { groups: 4, threshold: 3 };
        let json = serde_json::to_value(&reason).unwrap_or_default();
        assert_eq!(json["code"], reason.code());
        assert_eq!(json["groups"], 4);
        let back: Result<CheckReason, _> = serde_json::from_value(json);
        assert_eq!(back.ok(), Some(reason));
    }
}
