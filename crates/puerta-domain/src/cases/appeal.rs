//! The appeal window: a denial may be appealed within 30 days (USCIS practice), counted from the
//! moment of the decision. The app computes [`super::Attempt::appeal_window_open`] with this.

/// Days after a denial during which the traveler may appeal.
pub const APPEAL_WINDOW_DAYS: i64 = 30;

const MS_PER_DAY: i64 = 86_400_000;

/// The last moment (ms since the Unix epoch, exclusive) an appeal of a denial made at
/// `denied_at_ms` is accepted. Shown in the denial notice as the deadline.
pub fn appeal_deadline_ms(denied_at_ms: i64) -> i64 {
    denied_at_ms.saturating_add(APPEAL_WINDOW_DAYS * MS_PER_DAY)
}

/// Whether an appeal arriving at `now_ms` is in time.
pub fn appeal_window_open(denied_at_ms: i64, now_ms: i64) -> bool {
    now_ms >= denied_at_ms && now_ms < appeal_deadline_ms(denied_at_ms)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thirty_days_to_the_millisecond() {
        let denied = 1_700_000_000_000;
        assert!(appeal_window_open(denied, denied));
        assert!(appeal_window_open(denied, denied + 30 * MS_PER_DAY - 1));
        assert!(!appeal_window_open(denied, denied + 30 * MS_PER_DAY));
        assert!(!appeal_window_open(denied, denied - 1));
        assert_eq!(appeal_deadline_ms(i64::MAX), i64::MAX);
    }
}
