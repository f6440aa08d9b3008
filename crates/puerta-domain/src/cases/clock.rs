//! The case clock: how long a case has been waiting for us.
//!
//! USCIS practice: while a request for evidence is open the clock is *suspended* — the wait is the
//! traveler's, not ours — and it stops once the case is decided (see [`ClockMode`]). Officers see
//! the days open in their queue; nothing here reads the system clock, `now` is a parameter.

use super::{CaseStatus, ClockMode};

const MS_PER_DAY: u64 = 86_400_000;

/// The clock's reading at one moment, in milliseconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CaseClock {
    /// Time in statuses whose clock runs: what the case has cost us.
    pub running_ms: u64,
    /// Time spent waiting for evidence.
    pub suspended_ms: u64,
    /// Time after a decision (or while waiting to see if the traveler appeals).
    pub stopped_ms: u64,
    /// The status at `now`, if the case had started by then.
    pub current: Option<CaseStatus>,
}

impl CaseClock {
    /// Reads the clock over `events` — each status the case entered, with when (ms since the Unix
    /// epoch), in the order they were recorded — at `now_ms`.
    ///
    /// Robust to what a real log can hold: an event stamped earlier than the one before it (a
    /// clock stepped back between two servers) is taken as happening at the same moment as that
    /// one, and anything after `now_ms` has not happened yet. So the reading never goes backwards
    /// as `now_ms` grows, and the three parts always add up to the time since the first event.
    pub fn read(events: &[(CaseStatus, i64)], now_ms: i64) -> CaseClock {
        let mut clock = CaseClock::default();
        let mut previous: Option<(CaseStatus, i64)> = None;
        for &(status, entered_at) in events {
            let at = previous.map_or(entered_at, |(_, before)| entered_at.max(before));
            if at > now_ms {
                break;
            }
            if let Some((before_status, before_at)) = previous {
                clock.add(before_status, span(before_at, at));
            }
            previous = Some((status, at));
        }
        if let Some((status, at)) = previous {
            clock.add(status, span(at, now_ms));
            clock.current = Some(status);
        }
        clock
    }

    fn add(&mut self, status: CaseStatus, ms: u64) {
        let bucket = match status.clock_mode() {
            ClockMode::Running => &mut self.running_ms,
            ClockMode::Suspended => &mut self.suspended_ms,
            ClockMode::Stopped => &mut self.stopped_ms,
        };
        *bucket = bucket.saturating_add(ms);
    }

    /// Whole days the case has been open on our side (suspended and stopped time not counted).
    pub fn days_open(&self) -> u64 {
        self.running_ms / MS_PER_DAY
    }

    /// Whole days spent waiting for evidence.
    pub fn days_suspended(&self) -> u64 {
        self.suspended_ms / MS_PER_DAY
    }

    /// Whether the clock is suspended right now (the queue shows it greyed out).
    pub fn is_suspended(&self) -> bool {
        self.current.is_some_and(|s| s.clock_mode() == ClockMode::Suspended)
    }
}

/// The days open for `events` at `now_ms`: [`CaseClock::read`] then [`CaseClock::days_open`].
pub fn days_open(events: &[(CaseStatus, i64)], now_ms: i64) -> u64 {
    CaseClock::read(events, now_ms).days_open()
}

fn span(from: i64, to: i64) -> u64 {
    u64::try_from(to.saturating_sub(from)).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use CaseStatus as S;
    use proptest::prelude::*;

    const DAY: i64 = 86_400_000;

    #[test]
    fn suspended_days_are_not_counted() {
        let events = [
            (S::Received, 0),
            (S::InReview, 2 * DAY),
            (S::EvidenceRequested, 5 * DAY),
            (S::EvidenceReceived, 25 * DAY),
            (S::InReview, 26 * DAY),
        ];
        let clock = CaseClock::read(&events, 30 * DAY);
        assert_eq!(clock.days_open(), 10);
        assert_eq!(clock.days_suspended(), 20);
        assert!(!clock.is_suspended());
        assert_eq!(clock.current, Some(S::InReview));
        let during = CaseClock::read(&events, 10 * DAY);
        assert_eq!((during.days_open(), during.days_suspended()), (5, 5));
        assert!(during.is_suspended());
    }

    #[test]
    fn the_clock_stops_at_a_decision_and_runs_for_an_appeal() {
        let events = [
            (S::Received, 0),
            (S::InReview, DAY),
            (S::Denied, 4 * DAY),
            (S::AppealReceived, 20 * DAY),
            (S::AppealGranted, 23 * DAY),
        ];
        assert_eq!(days_open(&events, 10 * DAY), 4);
        assert_eq!(days_open(&events, 100 * DAY), 7);
        assert_eq!(CaseClock::read(&events, 100 * DAY).stopped_ms, (16 + 77) as u64 * DAY as u64);
    }

    #[test]
    fn odd_logs_are_read_safely() {
        assert_eq!(CaseClock::read(&[], 5 * DAY), CaseClock::default());
        // Not started yet.
        assert_eq!(CaseClock::read(&[(S::Received, 5 * DAY)], DAY), CaseClock::default());
        // An event stamped before the one before it counts as simultaneous with it.
        let skewed = [(S::Received, 0), (S::InReview, 3 * DAY), (S::EvidenceRequested, 2 * DAY)];
        let clock = CaseClock::read(&skewed, 4 * DAY);
        assert_eq!((clock.running_ms, clock.suspended_ms), (3 * DAY as u64, DAY as u64));
        // Extreme times neither overflow nor panic.
        let extreme = [(S::Received, i64::MIN), (S::InReview, i64::MAX)];
        let _ = CaseClock::read(&extreme, i64::MAX);
    }

    fn any_status() -> impl Strategy<Value = CaseStatus> {
        proptest::sample::select(CaseStatus::ALL.to_vec())
    }

    fn any_log() -> impl Strategy<Value = Vec<(CaseStatus, i64)>> {
        // Times within ±1,000 days, not necessarily in order: logs can be skewed.
        proptest::collection::vec((any_status(), -1_000 * DAY..1_000 * DAY), 0..20)
    }

    fn total(clock: &CaseClock) -> u64 {
        clock.running_ms + clock.suspended_ms + clock.stopped_ms
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1_000))]

        /// Later readings never show less of anything.
        #[test]
        fn the_clock_never_goes_backwards(log in any_log(), now in -1_200 * DAY..1_200 * DAY, later in 0..500 * DAY) {
            let before = CaseClock::read(&log, now);
            let after = CaseClock::read(&log, now + later);
            prop_assert!(after.running_ms >= before.running_ms);
            prop_assert!(after.suspended_ms >= before.suspended_ms);
            prop_assert!(after.days_open() >= before.days_open());
            prop_assert!(total(&after) >= total(&before));
        }

        /// Every millisecond since the first event is in exactly one part.
        #[test]
        fn the_parts_add_up(log in any_log(), now in -1_200 * DAY..1_200 * DAY) {
            let clock = CaseClock::read(&log, now);
            let expected = match log.first() {
                Some(&(_, first)) if first <= now => (now - first) as u64,
                _ => 0,
            };
            prop_assert_eq!(total(&clock), expected);
        }

        /// Making a wait for evidence longer (moving everything after it later) adds only to the
        /// suspended part: the days open stay the same.
        #[test]
        fn suspended_time_is_never_counted(
            gaps in proptest::collection::vec((any_status(), 0..100 * DAY), 1..20),
            stretch_at in any::<proptest::sample::Index>(),
            extra in 0..300 * DAY,
        ) {
            let mut log = Vec::new();
            let mut at = 0;
            for (status, gap) in &gaps {
                log.push((*status, at));
                at += gap;
            }
            let now = at;
            // Stretch the segment of one event in evidence_requested.
            let i = stretch_at.index(log.len());
            log[i].0 = S::EvidenceRequested;
            let mut stretched = log.clone();
            for event in &mut stretched[i + 1..] {
                event.1 += extra;
            }
            let before = CaseClock::read(&log, now);
            let after = CaseClock::read(&stretched, now + extra);
            prop_assert_eq!(after.running_ms, before.running_ms);
            prop_assert_eq!(after.stopped_ms, before.stopped_ms);
            prop_assert_eq!(after.suspended_ms, before.suspended_ms + extra as u64);
        }
    }
}
