//! Outgoing messages: their channels, their delivery statuses (after GOV.UK Notify's), and the
//! retry schedule.

use std::fmt;

/// How a message travels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    Email,
    Sms,
}

impl Channel {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Email => "email",
            Self::Sms => "sms",
        }
    }

    pub fn parse(input: &str) -> Option<Self> {
        [Self::Email, Self::Sms].into_iter().find(|c| c.as_str() == input)
    }
}

/// Where a message is on its way. `created → sending → delivered | temporary_failure |
/// permanent_failure | technical_failure`; a temporary failure is retried until the attempts
/// run out, then stays a temporary failure for good.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DeliveryStatus {
    /// Written with its cause, not yet tried.
    Created,
    /// Claimed by a delivery worker, being sent now.
    Sending,
    /// The provider accepted it.
    Delivered,
    /// The provider could not take it now (down, busy, mailbox full); retried with backoff.
    TemporaryFailure,
    /// The provider refused it for good (no such address or number).
    PermanentFailure,
    /// Our side could not send it (it could not be rendered, or a setting is wrong).
    TechnicalFailure,
}

impl DeliveryStatus {
    pub const ALL: [DeliveryStatus; 6] = [
        Self::Created,
        Self::Sending,
        Self::Delivered,
        Self::TemporaryFailure,
        Self::PermanentFailure,
        Self::TechnicalFailure,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Created => "created",
            Self::Sending => "sending",
            Self::Delivered => "delivered",
            Self::TemporaryFailure => "temporary_failure",
            Self::PermanentFailure => "permanent_failure",
            Self::TechnicalFailure => "technical_failure",
        }
    }

    pub fn parse(input: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == input)
    }
}

impl fmt::Display for DeliveryStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What an administrator sees of a message: never its address or content.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct DeliveryRecord {
    pub id: crate::ids::OutboxId,
    pub channel: Channel,
    pub kind: String,
    pub recipient_id: Option<crate::ids::UserId>,
    pub status: DeliveryStatus,
    pub attempts: i64,
    pub next_attempt_at: Option<i64>,
    /// A short failure kind (`smtp_unavailable`, `rejected`…), never a provider's reply.
    pub last_error: Option<String>,
    pub created_at: i64,
    pub updated_at: i64,
}

impl DeliveryRecord {
    /// The Fluent id naming the status, e.g. `delivery-status-temporary_failure`.
    pub fn status_message_id(&self) -> &'static str {
        match self.status {
            DeliveryStatus::Created => "delivery-status-created",
            DeliveryStatus::Sending => "delivery-status-sending",
            DeliveryStatus::Delivered => "delivery-status-delivered",
            DeliveryStatus::TemporaryFailure => "delivery-status-temporary_failure",
            DeliveryStatus::PermanentFailure => "delivery-status-permanent_failure",
            DeliveryStatus::TechnicalFailure => "delivery-status-technical_failure",
        }
    }

    /// The Fluent id naming the channel.
    pub fn channel_message_id(&self) -> &'static str {
        match self.channel {
            Channel::Email => "delivery-channel-email",
            Channel::Sms => "delivery-channel-sms",
        }
    }
}

/// When to try again after `attempts` failed tries: exponential backoff from `base_ms`, capped
/// at `cap_ms`; `None` once `max_attempts` are spent.
pub fn next_attempt_delay_ms(attempts: u32, max_attempts: u32, base_ms: i64, cap_ms: i64) -> Option<i64> {
    if attempts >= max_attempts {
        return None;
    }
    let factor = 1_i64.checked_shl(attempts.saturating_sub(1).min(30)).unwrap_or(i64::MAX);
    Some(base_ms.saturating_mul(factor).min(cap_ms))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_and_channels_read_back() {
        for s in DeliveryStatus::ALL {
            assert_eq!(DeliveryStatus::parse(s.as_str()), Some(s));
        }
        assert_eq!(Channel::parse("sms"), Some(Channel::Sms));
        assert_eq!(Channel::parse("fax"), None);
    }

    #[test]
    fn backoff_doubles_up_to_the_cap_and_then_gives_up() {
        let delays: Vec<_> = (1..=6).map(|n| next_attempt_delay_ms(n, 6, 1_000, 10_000)).collect();
        assert_eq!(delays, [Some(1_000), Some(2_000), Some(4_000), Some(8_000), Some(10_000), None]);
        assert_eq!(next_attempt_delay_ms(100, 200, 1_000, 3_600_000), Some(3_600_000));
    }
}
