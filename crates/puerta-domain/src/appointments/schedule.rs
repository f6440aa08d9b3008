//! When appointments are and until when an offer stands: slots spread over the port's day in
//! the port's own time zone, offers open for 23 hours (never past the appointment itself), and
//! an honest estimate of a group's chance for the traveler's page.

use chrono::{Duration, LocalResult, NaiveDate, NaiveTime, TimeZone};
use chrono_tz::Tz;

/// Hours a chosen group has to confirm (the real rule).
pub const OFFER_HOURS: i64 = 23;
/// An offer from the waitlist closes at least this long before the appointment.
pub const OFFER_CLOSES_BEFORE_APPOINTMENT_MS: i64 = 3_600_000;
/// Minutes between two slots of a port's day.
pub const SLOT_MINUTES: u32 = 30;
/// The first and last slot of a port's day, local time.
pub const FIRST_SLOT: (u32, u32) = (7, 0);
pub const LAST_SLOT: (u32, u32) = (17, 30);

/// How many slots a port's day has (07:00 to 17:30 every 30 minutes: 22).
pub fn slots_per_day() -> u32 {
    let first = FIRST_SLOT.0 * 60 + FIRST_SLOT.1;
    let last = LAST_SLOT.0 * 60 + LAST_SLOT.1;
    (last - first) / SLOT_MINUTES + 1
}

/// The instant of slot `index` (taken modulo the day's slots, so groups are spread evenly) on
/// `day` at a port in `zone`. A slot that falls in a daylight-saving gap moves to the first
/// real minute after it.
pub fn slot_time(zone: Tz, day: NaiveDate, index: usize) -> i64 {
    let per_day = slots_per_day() as usize;
    let minutes = FIRST_SLOT.0 * 60 + FIRST_SLOT.1 + (index % per_day) as u32 * SLOT_MINUTES;
    let time = NaiveTime::from_hms_opt(minutes / 60, minutes % 60, 0).unwrap_or(NaiveTime::MIN);
    let local = day.and_time(time);
    for shift in 0..=180 {
        match zone.from_local_datetime(&(local + Duration::minutes(shift))) {
            LocalResult::Single(t) | LocalResult::Ambiguous(t, _) => return t.timestamp_millis(),
            LocalResult::None => continue,
        }
    }
    local.and_utc().timestamp_millis()
}

/// The appointment day for a draw of `draw_date` run on the day after it, `lead_days` later.
pub fn appointment_day(draw_date: NaiveDate, lead_days: u32) -> NaiveDate {
    // The last representable day rather than an overflow for a date at the end of time.
    draw_date.checked_add_signed(Duration::days(1 + i64::from(lead_days))).unwrap_or(NaiveDate::MAX)
}

/// Until when an offer made at `now_ms` for an appointment at `scheduled_at_ms` stands: 23
/// hours, but never later than an hour before the appointment. `None` when that is already
/// past (too late to offer).
pub fn offer_deadline(now_ms: i64, scheduled_at_ms: i64) -> Option<i64> {
    let deadline =
        (now_ms + OFFER_HOURS * 3_600_000).min(scheduled_at_ms - OFFER_CLOSES_BEFORE_APPOINTMENT_MS);
    (deadline > now_ms).then_some(deadline)
}

/// An estimate of a group's chance in one draw at a port, from the last draw there: the random
/// part's places (what the oldest share leaves) over the travelers who asked, capped at 1.
/// Returned in thousandths; `None` without a past draw to learn from.
pub fn chance_permille(places: u32, oldest_share_permille: u32, travelers_requesting: u32) -> Option<u32> {
    if travelers_requesting == 0 {
        return None;
    }
    let oldest = u64::from(places) * u64::from(oldest_share_permille) / 1000;
    let random = u64::from(places) - oldest;
    let chance = (random * 1000 / u64::from(travelers_requesting)).min(1000);
    Some(u32::try_from(chance).unwrap_or(1000))
}

/// Days a group should expect to wait at that chance: the mean of a geometric distribution
/// (1 / chance), rounded up. `None` when the chance is zero or unknown.
pub fn expected_wait_days(chance_permille: Option<u32>) -> Option<u32> {
    match chance_permille {
        Some(c) if c > 0 => Some(1000_u32.div_ceil(c)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slots_fill_the_port_day_in_its_own_zone_and_wrap() {
        let tijuana = chrono_tz::America::Tijuana;
        let day = NaiveDate::from_ymd_opt(2026, 12, 21).expect("date");
        let first = slot_time(tijuana, day, 0);
        let expected =
            tijuana.with_ymd_and_hms(2026, 12, 21, 7, 0, 0).single().expect("local").timestamp_millis();
        assert_eq!(first, expected);
        assert_eq!(slot_time(tijuana, day, 1) - first, 30 * 60_000);
        assert_eq!(slots_per_day(), 22);
        assert_eq!(slot_time(tijuana, day, 22), first, "the 23rd group goes back to the first slot");
        let last =
            tijuana.with_ymd_and_hms(2026, 12, 21, 17, 30, 0).single().expect("local").timestamp_millis();
        assert_eq!(slot_time(tijuana, day, 21), last);
    }

    #[test]
    fn slots_follow_daylight_saving_in_the_port_zone() {
        let el_paso = chrono_tz::America::Denver;
        let before = slot_time(el_paso, NaiveDate::from_ymd_opt(2027, 3, 13).expect("date"), 0);
        let after = slot_time(el_paso, NaiveDate::from_ymd_opt(2027, 3, 14).expect("date"), 0);
        assert_eq!(after - before, 23 * 3_600_000, "07:00 local both days; the night was an hour short");
    }

    #[test]
    fn an_offer_stands_23_hours_but_closes_before_the_appointment() {
        let now = 1_000_000_000_000;
        let far = now + 20 * 24 * 3_600_000;
        assert_eq!(offer_deadline(now, far), Some(now + 23 * 3_600_000));
        let soon = now + 5 * 3_600_000;
        assert_eq!(offer_deadline(now, soon), Some(soon - 3_600_000));
        assert_eq!(offer_deadline(now, now + 3_600_000), None);
    }

    #[test]
    fn chance_and_wait_are_honest_estimates() {
        assert_eq!(chance_permille(100, 500, 0), None);
        assert_eq!(chance_permille(100, 500, 1000), Some(50));
        assert_eq!(chance_permille(100, 500, 10), Some(1000));
        assert_eq!(expected_wait_days(Some(50)), Some(20));
        assert_eq!(expected_wait_days(Some(1000)), Some(1));
        assert_eq!(expected_wait_days(Some(0)), None);
        let day = NaiveDate::from_ymd_opt(2026, 12, 6).expect("date");
        assert_eq!(appointment_day(day, 14), NaiveDate::from_ymd_opt(2026, 12, 21).expect("date"));
    }
}
