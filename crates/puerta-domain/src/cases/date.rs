//! Dates as travelers enter them: ISO 8601 `YYYY-MM-DD` only. Forms send three boxes joined into
//! that shape, so nothing here guesses between day-month and month-day orders.

use chrono::{Datelike, NaiveDate};

/// `YYYY-MM-DD`, a real calendar date (no 31 April, 29 February only in leap years).
pub fn parse_iso_date(input: &str) -> Option<NaiveDate> {
    let s = input.trim();
    let b = s.as_bytes();
    let shaped = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shaped {
        return None;
    }
    let year = s[..4].parse().ok()?;
    let month = s[5..7].parse().ok()?;
    let day = s[8..].parse().ok()?;
    NaiveDate::from_ymd_opt(year, month, day)
}

/// A traveler's date of birth: not in the future, not before 1900, at most 120 years ago.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DateOfBirth(NaiveDate);

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum DateOfBirthError {
    #[error("error-date-of-birth-format")]
    Format,
    #[error("error-date-of-birth-future")]
    Future,
    /// Before 1900 or more than 120 years ago: a typing mistake (1890 for 1990).
    #[error("error-date-of-birth-too-old")]
    TooOld,
}

impl DateOfBirth {
    pub const EARLIEST_YEAR: i32 = 1900;
    pub const MAX_AGE: u32 = 120;

    /// `today` is the date where the traveler is; the app passes it so the rule stays pure.
    pub fn parse(input: &str, today: NaiveDate) -> Result<Self, DateOfBirthError> {
        let date = parse_iso_date(input).ok_or(DateOfBirthError::Format)?;
        Self::new(date, today)
    }

    pub fn new(date: NaiveDate, today: NaiveDate) -> Result<Self, DateOfBirthError> {
        if date > today {
            return Err(DateOfBirthError::Future);
        }
        let age = age_on(date, today);
        if date.year() < Self::EARLIEST_YEAR || age > Self::MAX_AGE {
            return Err(DateOfBirthError::TooOld);
        }
        Ok(Self(date))
    }

    pub fn date(&self) -> NaiveDate {
        self.0
    }

    /// Age in whole years on `today` (a birthday on 29 February is reached on 1 March in other
    /// years).
    pub fn age_on(&self, today: NaiveDate) -> u32 {
        age_on(self.0, today)
    }
}

fn age_on(born: NaiveDate, today: NaiveDate) -> u32 {
    let years = today.year() - born.year();
    let had_birthday = (today.month(), today.day()) >= (born.month(), born.day());
    u32::try_from(if had_birthday { years } else { years - 1 }).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn only_real_iso_dates() {
        assert_eq!(parse_iso_date("2000-02-29"), Some(d(2000, 2, 29)));
        assert_eq!(parse_iso_date(" 1990-07-04 "), Some(d(1990, 7, 4)));
        for bad in [
            "1900-02-29",
            "2021-04-31",
            "1990-7-4",
            "04/07/1990",
            "1990-07-04T00:00",
            "",
            "199O-07-04",
            "+990-07-04",
            "1990-13-01",
            "1990-00-10",
        ] {
            assert_eq!(parse_iso_date(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn dates_of_birth() {
        let today = d(2026, 3, 15);
        assert!(DateOfBirth::parse("2026-03-15", today).is_ok());
        assert_eq!(DateOfBirth::parse("2026-03-16", today), Err(DateOfBirthError::Future));
        assert_eq!(DateOfBirth::parse("15/03/1990", today), Err(DateOfBirthError::Format));
        assert_eq!(DateOfBirth::parse("1899-12-31", d(2000, 1, 1)), Err(DateOfBirthError::TooOld));
        assert!(DateOfBirth::parse("1900-01-01", d(2000, 1, 1)).is_ok());
        // 120 on the day is allowed; 121 is not.
        assert!(DateOfBirth::parse("1906-03-14", today).is_ok());
        assert!(DateOfBirth::parse("1905-03-16", today).is_ok());
        assert_eq!(DateOfBirth::parse("1905-03-15", today), Err(DateOfBirthError::TooOld));
    }

    #[test]
    fn ages() {
        let born = DateOfBirth::new(d(2000, 2, 29), d(2026, 1, 1)).unwrap();
        assert_eq!(born.age_on(d(2025, 2, 28)), 24);
        assert_eq!(born.age_on(d(2025, 3, 1)), 25);
        assert_eq!(born.age_on(d(2000, 2, 29)), 0);
    }
}
