//! The scheduling rules: what the operator configured, with what an administrator changed on
//! top (the `scheduling_settings` row; each field left unset keeps the configured value).

use chrono::NaiveTime;
use chrono_tz::Tz;
use puerta_domain::appointments::{DEFAULT_MAX_ACCURACY_M, DEFAULT_POLICY, RequestWindow, ServicePolicy};
use puerta_store::appointments::SchedulingOverrides;

use crate::AppError;

/// The operator's scheduling settings (`[scheduling]` in the configuration).
#[derive(Debug, Clone)]
pub struct SchedulingConfig {
    /// Local hours of the daily request window and the hour the draw runs the next day.
    pub window: RequestWindow,
    /// Thousandths of each port's places for the oldest registrations (default 500).
    pub oldest_share_permille: u32,
    /// Days between the draw and the appointment day (0: the day of the draw).
    pub lead_days: u32,
    /// The service-area policy's name (`north-of-19` or `aug-2024`).
    pub service_policy: String,
    /// A position vaguer than this radius is refused.
    pub max_accuracy_m: f64,
    /// The draw waits for a public random value (entered by an admin or the CLI).
    pub require_public_randomness: bool,
}

impl Default for SchedulingConfig {
    fn default() -> Self {
        Self {
            window: RequestWindow::default(),
            oldest_share_permille: 500,
            lead_days: 14,
            service_policy: DEFAULT_POLICY.to_string(),
            max_accuracy_m: DEFAULT_MAX_ACCURACY_M,
            require_public_randomness: false,
        }
    }
}

/// The rules in force: configuration, then an administrator's changes.
#[derive(Debug, Clone, Copy)]
pub struct Rules {
    pub window: RequestWindow,
    pub oldest_share_permille: u32,
    pub lead_days: u32,
    pub policy: ServicePolicy,
    pub max_accuracy_m: f64,
    pub require_public_randomness: bool,
}

/// `HH:MM`, 00:00 to 23:59.
pub fn parse_hhmm(text: &str) -> Option<NaiveTime> {
    NaiveTime::parse_from_str(text.trim(), "%H:%M").ok()
}

pub fn parse_zone(text: &str) -> Option<Tz> {
    text.trim().parse::<Tz>().ok()
}

impl SchedulingConfig {
    /// The rules in force with `overrides` on top. A stored value that no longer reads (it was
    /// checked when written) is an internal error, not a silent default.
    pub(crate) fn rules(&self, o: &SchedulingOverrides) -> Result<Rules, AppError> {
        let corrupt = |what: &str| AppError::Internal(format!("scheduling settings: bad {what}"));
        let opens = match &o.window_opens {
            Some(t) => parse_hhmm(t).ok_or_else(|| corrupt("window_opens"))?,
            None => self.window.opens,
        };
        let closes = match &o.window_closes {
            Some(t) => parse_hhmm(t).ok_or_else(|| corrupt("window_closes"))?,
            None => self.window.closes,
        };
        let zone = match &o.time_zone {
            Some(z) => parse_zone(z).ok_or_else(|| corrupt("time_zone"))?,
            None => self.window.zone,
        };
        let window =
            RequestWindow::new(opens, closes, zone, self.window.draw_at).map_err(|_| corrupt("window"))?;
        let policy_name = o.service_policy.as_deref().unwrap_or(&self.service_policy);
        let policy = ServicePolicy::named(policy_name).map_err(|e| AppError::Internal(format!("{e}")))?;
        Ok(Rules {
            window,
            oldest_share_permille: o
                .oldest_share_permille
                .and_then(|v| u32::try_from(v).ok())
                .unwrap_or(self.oldest_share_permille),
            lead_days: o.lead_days.and_then(|v| u32::try_from(v).ok()).unwrap_or(self.lead_days),
            policy,
            max_accuracy_m: self.max_accuracy_m,
            require_public_randomness: self.require_public_randomness,
        })
    }
}
