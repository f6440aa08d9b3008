/// Throttle limits. Per-IP limits are generous, since a shelter may put hundreds of people behind
/// one address; the strict limits are per account and per code.
#[derive(Debug, Clone)]
pub struct AccountLimits {
    pub sign_in_failures_per_minute: i64,
    pub registrations_per_ip_per_hour: i64,
    pub code_sends_per_email_per_hour: i64,
    pub code_sends_per_ip_per_hour: i64,
    pub code_attempts: i64,
}

impl Default for AccountLimits {
    fn default() -> Self {
        Self {
            sign_in_failures_per_minute: 5,
            registrations_per_ip_per_hour: 100,
            code_sends_per_email_per_hour: 5,
            code_sends_per_ip_per_hour: 300,
            code_attempts: 10,
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
