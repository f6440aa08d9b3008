/// Throttle limits. Per-IP limits are generous, since a shelter may put hundreds of people behind
/// one address: past a soft limit each request from that address must carry a small proof of
/// work (a fraction of a second in a browser), and only a hard limit far above refuses. The
/// strict limits are per account (growing delays) and per code.
#[derive(Debug, Clone)]
pub struct AccountLimits {
    /// Wrong passwords from one source address, over every account.
    pub sign_in_failures_ip: PressureLimit,
    pub registrations_ip: PressureLimit,
    pub code_sends_ip: PressureLimit,
    /// Codes asked for one address from one source address, per hour (never per address
    /// alone: a third party must not use up someone else's codes).
    pub code_sends_per_email_per_hour: i64,
    /// Tries per code before it dies.
    pub code_attempts: i64,
    /// Codes mailed to one account in an hour before new ones wait for `code_mail_spacing_secs`.
    pub code_mails_per_hour_unspaced: i64,
    pub code_mail_spacing_secs: i64,
    /// The proof of work's `maxnumber` at the soft limit (doubling as the load doubles).
    pub proof_base_work: u64,
}

/// A per-source-address limit over a window: past `soft`, a proof of work is required; past
/// `hard`, requests are refused until the window ends.
#[derive(Debug, Clone, Copy)]
pub struct PressureLimit {
    pub soft: i64,
    pub hard: i64,
    pub window_secs: i64,
}

impl PressureLimit {
    pub const fn per_hour(soft: i64, hard: i64) -> Self {
        Self { soft, hard, window_secs: 3600 }
    }
}

impl Default for AccountLimits {
    fn default() -> Self {
        Self {
            sign_in_failures_ip: PressureLimit::per_hour(60, 3000),
            registrations_ip: PressureLimit::per_hour(60, 2000),
            code_sends_ip: PressureLimit::per_hour(60, 3000),
            code_sends_per_email_per_hour: 5,
            code_attempts: 10,
            code_mails_per_hour_unspaced: 3,
            code_mail_spacing_secs: 300,
            proof_base_work: 50_000,
        }
    }
}

/// How long sessions, codes and links live, in seconds.
#[derive(Debug, Clone)]
pub struct SessionPolicy {
    pub idle_secs: i64,
    pub absolute_secs: i64,
    pub api_token_secs: i64,
    pub email_code_secs: i64,
    pub reset_code_secs: i64,
    pub wasnt_me_link_secs: i64,
}

impl Default for SessionPolicy {
    fn default() -> Self {
        Self {
            idle_secs: 15 * 60,
            absolute_secs: 12 * 3600,
            api_token_secs: 12 * 3600,
            email_code_secs: 10 * 60,
            reset_code_secs: 30 * 60,
            wasnt_me_link_secs: 30 * 24 * 3600,
        }
    }
}
