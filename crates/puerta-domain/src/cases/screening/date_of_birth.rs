//! Whether a listed date of birth agrees with a traveler's. Lists are often rough: some give only
//! a year, and day and month get swapped between the American and every other order.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::cases::parse_iso_date;

/// A date of birth as a list gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListedBirth {
    Date(NaiveDate),
    Year(i32),
    /// The list gives none: the name alone decides the match.
    Unknown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("checks-error-date-of-birth")]
pub struct ListedBirthError;

impl ListedBirth {
    /// `YYYY-MM-DD`, `YYYY` (1900–2100), or empty.
    pub fn parse(input: &str) -> Result<Self, ListedBirthError> {
        let s = input.trim();
        if s.is_empty() {
            return Ok(Self::Unknown);
        }
        if s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()) {
            let year: i32 = s.parse().map_err(|_| ListedBirthError)?;
            return if (1900..=2100).contains(&year) { Ok(Self::Year(year)) } else { Err(ListedBirthError) };
        }
        parse_iso_date(s).map(Self::Date).ok_or(ListedBirthError)
    }

    /// The canonical text: `YYYY-MM-DD`, `YYYY` or empty.
    pub fn text(&self) -> String {
        match self {
            Self::Date(d) => d.format("%Y-%m-%d").to_string(),
            Self::Year(y) => format!("{y:04}"),
            Self::Unknown => String::new(),
        }
    }
}

/// How a listed date of birth agrees with the traveler's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BirthAgreement {
    Exact,
    /// The same date with day and month swapped (4 July read as 7 April).
    DayMonthSwapped,
    /// The list gives only a year, and it is the traveler's.
    SameYear,
    /// The list gives no date of birth.
    NotListed,
}

impl BirthAgreement {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Exact => "exact",
            Self::DayMonthSwapped => "day_month_swapped",
            Self::SameYear => "same_year",
            Self::NotListed => "not_listed",
        }
    }
}

/// `None` when the dates cannot be the same person's.
pub fn birth_agreement(traveler: NaiveDate, listed: ListedBirth) -> Option<BirthAgreement> {
    match listed {
        ListedBirth::Unknown => Some(BirthAgreement::NotListed),
        ListedBirth::Year(year) => (year == traveler.year()).then_some(BirthAgreement::SameYear),
        ListedBirth::Date(date) if date == traveler => Some(BirthAgreement::Exact),
        ListedBirth::Date(date) => (date.year() == traveler.year()
            && date.month() == traveler.day()
            && date.day() == traveler.month())
        .then_some(BirthAgreement::DayMonthSwapped),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        parse_iso_date(s).unwrap_or_default()
    }

    #[test]
    fn exact_swapped_year_only_and_unknown_agree_and_nothing_else_does() {
        let born = day("1990-07-04");
        let agree =
            |listed: &str| birth_agreement(born, ListedBirth::parse(listed).unwrap_or(ListedBirth::Year(0)));
        assert_eq!(agree("1990-07-04"), Some(BirthAgreement::Exact));
        assert_eq!(agree("1990-04-07"), Some(BirthAgreement::DayMonthSwapped));
        assert_eq!(agree("1990"), Some(BirthAgreement::SameYear));
        assert_eq!(agree(""), Some(BirthAgreement::NotListed));
        assert_eq!(agree("1991-07-04"), None);
        assert_eq!(agree("1990-07-05"), None);
        assert_eq!(agree("1989"), None);
    }

    #[test]
    fn listed_dates_are_iso_or_a_year() {
        assert_eq!(ListedBirth::parse(" 1990 "), Ok(ListedBirth::Year(1990)));
        assert_eq!(ListedBirth::parse("1990-02-28").map(|b| b.text()), Ok("1990-02-28".into()));
        for bad in ["04/07/1990", "1990-02-30", "19900", "1800", "abcd"] {
            assert_eq!(ListedBirth::parse(bad), Err(ListedBirthError), "{bad}");
        }
    }
}
