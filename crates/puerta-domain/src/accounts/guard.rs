//! Growing delays after repeated failures (wrong passwords for one account, wrong codes for
//! one account), across every source address. The first `free` failures cost nothing; each one
//! after makes the next try wait twice as long as the last, up to `cap_ms`. A guard forgets
//! its failures `forget_after_ms` after the last one, or at once on a success.

/// How a guard counts. Times in milliseconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GuardPolicy {
    pub free: i64,
    pub base_ms: i64,
    pub cap_ms: i64,
    pub forget_after_ms: i64,
}

impl GuardPolicy {
    /// Passwords: 5 free tries, then 1 min, 2, 4… up to 1 hour between tries; forgotten after a
    /// day without failures. From many addresses at once that is still about 30 guesses a day.
    pub const SIGN_IN: GuardPolicy =
        GuardPolicy { free: 5, base_ms: 60_000, cap_ms: 3_600_000, forget_after_ms: 86_400_000 };

    /// Typed codes: 20 free tries (two codes' worth), then 1 min, 2, 4… up to a day between
    /// tries; forgotten only after 30 days without failures or on a correct code. The emailed
    /// link is not limited by this (it cannot be guessed), so the owner is never locked out.
    pub const CODES: GuardPolicy =
        GuardPolicy { free: 20, base_ms: 60_000, cap_ms: 86_400_000, forget_after_ms: 30 * 86_400_000 };

    /// The wait after `failures` failures in a row.
    pub fn delay_after(&self, failures: i64) -> i64 {
        if failures < self.free {
            return 0;
        }
        let doublings = u32::try_from(failures - self.free).unwrap_or(u32::MAX).min(40);
        self.base_ms.saturating_mul(1_i64 << doublings).min(self.cap_ms)
    }

    /// What counting one more attempt at `now` does to a guard last seen as `seen`
    /// (`failures`, `last_failure_at`, `blocked_until`): `Err(wait_ms)` when the attempt must
    /// wait, `Ok(next)` with the state to store when it may go ahead (counted as a failure in
    /// advance; a success clears it).
    pub fn attempt(&self, seen: Option<(i64, i64, i64)>, now: i64) -> Result<(i64, i64, i64), i64> {
        let (failures, blocked_until) = match seen {
            Some((failures, last, blocked)) if now - last < self.forget_after_ms => (failures, blocked),
            _ => (0, 0),
        };
        if blocked_until > now {
            return Err(blocked_until - now);
        }
        let failures = failures + 1;
        Ok((failures, now, now + self.delay_after(failures)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const P: GuardPolicy = GuardPolicy::SIGN_IN;

    #[test]
    fn the_free_tries_cost_nothing_then_each_wait_doubles_up_to_the_cap() {
        assert_eq!((0..5).map(|n| P.delay_after(n)).collect::<Vec<_>>(), vec![0; 5]);
        assert_eq!(P.delay_after(5), 60_000);
        assert_eq!(P.delay_after(6), 120_000);
        assert_eq!(P.delay_after(7), 240_000);
        assert_eq!(P.delay_after(12), 3_600_000);
        assert_eq!(P.delay_after(i64::MAX), 3_600_000);
    }

    #[test]
    fn an_attempt_during_the_wait_is_refused_with_the_time_left() {
        let mut state = None;
        let mut now = 1_000_000;
        for _ in 0..4 {
            state = Some(P.attempt(state, now).expect("free"));
            now += 1;
        }
        // The fifth failure starts the first wait.
        let fifth = P.attempt(state, now).expect("fifth is allowed");
        assert_eq!(fifth, (5, now, now + 60_000));
        assert_eq!(P.attempt(Some(fifth), now + 10_000), Err(50_000));
        let sixth = P.attempt(Some(fifth), now + 60_000).expect("after the wait");
        assert_eq!(sixth.2 - sixth.1, 120_000);
    }

    #[test]
    fn failures_are_forgotten_after_the_quiet_period() {
        let seen = Some((50, 0, 3_600_000));
        assert_eq!(P.attempt(seen, P.forget_after_ms), Ok((1, P.forget_after_ms, P.forget_after_ms)));
    }

    #[test]
    fn a_year_of_code_guessing_stays_under_four_hundred_tries() {
        let c = GuardPolicy::CODES;
        let (mut state, mut now, mut tries) = (None, 0_i64, 0);
        let year = 365 * 86_400_000_i64;
        while now < year {
            match c.attempt(state, now) {
                Ok(next) => {
                    state = Some(next);
                    tries += 1;
                }
                Err(wait) => now += wait,
            }
        }
        // 20 free + about 11 growing waits on day one + one a day after: ~0.04% of 10^6 codes.
        assert!(tries < 400, "{tries}");
    }
}
