//! The daily request window: requests for the draw of date D are accepted from `opens` to
//! `closes` (inclusive to the end of that minute) on D, local time in the configured zone
//! (default 12:00–23:59 America/New_York); the draw for D runs the next day at `draw_at`.
//! Local times are turned into instants by the time-zone database (chrono-tz), so daylight-
//! saving changes move the instants, never the local hours.

use chrono::{DateTime, Duration, LocalResult, NaiveDate, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RequestWindow {
    pub opens: NaiveTime,
    /// The last minute in which requests are accepted (its whole minute counts).
    pub closes: NaiveTime,
    pub zone: Tz,
    /// When the draw for D runs, on D + 1 local time.
    pub draw_at: NaiveTime,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum WindowError {
    #[error("the window must open before it closes")]
    Inverted,
}

/// Why a request was refused at `now`: the window is closed; it opens next at `next_opens_ms`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WindowClosed {
    pub next_opens_ms: i64,
}

impl Default for RequestWindow {
    fn default() -> Self {
        Self {
            opens: NaiveTime::from_hms_opt(12, 0, 0).unwrap_or(NaiveTime::MIN),
            closes: NaiveTime::from_hms_opt(23, 59, 0).unwrap_or(NaiveTime::MIN),
            zone: chrono_tz::America::New_York,
            draw_at: NaiveTime::from_hms_opt(12, 0, 0).unwrap_or(NaiveTime::MIN),
        }
    }
}

/// The instant of a local date and time in `zone`: in a gap (clocks jumped forward) the first
/// instant after it; when the hour repeats (clocks went back), the first of the two.
fn instant(zone: Tz, date: NaiveDate, time: NaiveTime) -> i64 {
    let local = date.and_time(time);
    for minutes in 0..=180 {
        match zone.from_local_datetime(&(local + Duration::minutes(minutes))) {
            LocalResult::Single(t) | LocalResult::Ambiguous(t, _) => return t.timestamp_millis(),
            LocalResult::None => continue,
        }
    }
    // No zone has a gap longer than three hours; fall back to reading it as UTC.
    Utc.from_utc_datetime(&local).timestamp_millis()
}

impl RequestWindow {
    pub fn new(
        opens: NaiveTime,
        closes: NaiveTime,
        zone: Tz,
        draw_at: NaiveTime,
    ) -> Result<Self, WindowError> {
        if opens >= closes {
            return Err(WindowError::Inverted);
        }
        Ok(Self { opens, closes, zone, draw_at })
    }

    /// (opens, closes) of the window for draw date `date`, in epoch ms; `closes` is exclusive
    /// (the end of the closing minute).
    pub fn bounds(&self, date: NaiveDate) -> (i64, i64) {
        let opens = instant(self.zone, date, self.opens);
        let closes = instant(self.zone, date, self.closes) + 60_000;
        (opens, closes)
    }

    /// When the draw for `date` runs.
    pub fn draw_time(&self, date: NaiveDate) -> i64 {
        instant(self.zone, date.succ_opt().unwrap_or(date), self.draw_at)
    }

    /// The draw date a request made at `now_ms` counts for, or when the window opens next.
    pub fn draw_date_at(&self, now_ms: i64) -> Result<NaiveDate, WindowClosed> {
        let today = DateTime::from_timestamp_millis(now_ms)
            .map(|t| t.with_timezone(&self.zone).date_naive())
            .unwrap_or_default();
        let (opens, closes) = self.bounds(today);
        if (opens..closes).contains(&now_ms) {
            return Ok(today);
        }
        let next = if now_ms < opens { opens } else { self.bounds(today.succ_opt().unwrap_or(today)).0 };
        Err(WindowClosed { next_opens_ms: next })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ms(zone: Tz, y: i32, m: u32, d: u32, h: u32, min: u32) -> i64 {
        zone.with_ymd_and_hms(y, m, d, h, min, 0).single().expect("a local time").timestamp_millis()
    }

    #[test]
    fn the_default_window_is_noon_to_midnight_eastern() {
        let w = RequestWindow::default();
        let ny = chrono_tz::America::New_York;
        let date = NaiveDate::from_ymd_opt(2026, 12, 2).expect("date");
        assert_eq!(w.draw_date_at(ms(ny, 2026, 12, 2, 12, 0)), Ok(date));
        assert_eq!(w.draw_date_at(ms(ny, 2026, 12, 2, 23, 59) + 59_000), Ok(date));
        assert_eq!(
            w.draw_date_at(ms(ny, 2026, 12, 2, 11, 59)),
            Err(WindowClosed { next_opens_ms: ms(ny, 2026, 12, 2, 12, 0) })
        );
        assert_eq!(
            w.draw_date_at(ms(ny, 2026, 12, 3, 0, 0)),
            Err(WindowClosed { next_opens_ms: ms(ny, 2026, 12, 3, 12, 0) })
        );
        assert_eq!(w.draw_time(date), ms(ny, 2026, 12, 3, 12, 0));
    }

    #[test]
    fn daylight_saving_moves_the_instants_not_the_local_hours() {
        let w = RequestWindow::default();
        let ny = chrono_tz::America::New_York;
        // 2027-03-14: clocks go forward at 02:00; 2027-11-07: back at 02:00.
        for (y, m, d) in [(2027, 3, 13), (2027, 3, 14), (2027, 11, 6), (2027, 11, 7)] {
            let date = NaiveDate::from_ymd_opt(y, m, d).expect("date");
            assert_eq!(w.bounds(date).0, ms(ny, y, m, d, 12, 0));
        }
        let before = w.bounds(NaiveDate::from_ymd_opt(2027, 3, 13).expect("date")).0;
        let after = w.bounds(NaiveDate::from_ymd_opt(2027, 3, 14).expect("date")).0;
        assert_eq!(after - before, 23 * 3_600_000, "the spring-forward day is 23 hours long");
    }

    #[test]
    fn a_window_opening_in_a_gap_opens_at_the_first_real_minute() {
        let ny = chrono_tz::America::New_York;
        let at = |h, m| NaiveTime::from_hms_opt(h, m, 0).expect("time");
        let w = RequestWindow::new(at(2, 30), at(23, 0), ny, at(12, 0)).expect("window");
        let date = NaiveDate::from_ymd_opt(2027, 3, 14).expect("date");
        assert_eq!(w.bounds(date).0, ms(ny, 2027, 3, 14, 3, 0));
        assert_eq!(RequestWindow::new(at(12, 0), at(11, 0), ny, at(12, 0)), Err(WindowError::Inverted));
    }
}
