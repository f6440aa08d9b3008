//! Notifications: every kind of thing that can happen to a traveler, the categories a person
//! chooses channels for, and which categories cannot be silenced.

use crate::accounts::Role;

/// What happened. Each kind has Fluent messages `notification-<kind>-title` and `-body`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    ApplicationReceived,
    CaseUpdated,
    EvidenceRequested,
    CaseApproved,
    CaseDenied,
    AppealDecided,
    AppointmentOffered,
    OfferExpiring,
    AppointmentConfirmed,
    AppointmentReminder,
    AppointmentReleased,
    AppointmentCancelled,
    SchedulingChanged,
    NewMessage,
    SignIn,
    /// A policy notice (stored once in `notices`, shown in every member's inbox).
    PolicyNotice,
}

impl Kind {
    pub const ALL: [Kind; 16] = [
        Self::ApplicationReceived,
        Self::CaseUpdated,
        Self::EvidenceRequested,
        Self::CaseApproved,
        Self::CaseDenied,
        Self::AppealDecided,
        Self::AppointmentOffered,
        Self::OfferExpiring,
        Self::AppointmentConfirmed,
        Self::AppointmentReminder,
        Self::AppointmentReleased,
        Self::AppointmentCancelled,
        Self::SchedulingChanged,
        Self::NewMessage,
        Self::SignIn,
        Self::PolicyNotice,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::ApplicationReceived => "application_received",
            Self::CaseUpdated => "case_updated",
            Self::EvidenceRequested => "evidence_requested",
            Self::CaseApproved => "case_approved",
            Self::CaseDenied => "case_denied",
            Self::AppealDecided => "appeal_decided",
            Self::AppointmentOffered => "appointment_offered",
            Self::OfferExpiring => "offer_expiring",
            Self::AppointmentConfirmed => "appointment_confirmed",
            Self::AppointmentReminder => "appointment_reminder",
            Self::AppointmentReleased => "appointment_released",
            Self::AppointmentCancelled => "appointment_cancelled",
            Self::SchedulingChanged => "scheduling_changed",
            Self::NewMessage => "new_message",
            Self::SignIn => "sign_in",
            Self::PolicyNotice => "policy_notice",
        }
    }

    pub fn parse(input: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == input)
    }

    /// The category whose channels this kind goes out by.
    pub fn category(self) -> Category {
        match self {
            Self::ApplicationReceived | Self::CaseUpdated => Category::CaseUpdates,
            Self::EvidenceRequested => Category::Deadlines,
            Self::CaseApproved | Self::CaseDenied | Self::AppealDecided => Category::Decisions,
            Self::AppointmentOffered | Self::OfferExpiring => Category::Offers,
            Self::AppointmentConfirmed
            | Self::AppointmentReminder
            | Self::AppointmentReleased
            | Self::AppointmentCancelled
            | Self::SchedulingChanged => Category::Appointments,
            Self::NewMessage => Category::Messages,
            Self::SignIn => Category::Security,
            Self::PolicyNotice => Category::PolicyNotices,
        }
    }

    /// How soon its email or SMS must leave, before bulk mail: see [`Priority`].
    pub fn priority(self) -> Priority {
        match self.category() {
            Category::Offers | Category::Deadlines | Category::Decisions | Category::Security => {
                Priority::Urgent
            }
            Category::PolicyNotices => Priority::Bulk,
            _ => Priority::Normal,
        }
    }
}

/// The order the delivery worker takes messages in: codes, offers and deadlines first, so a
/// notice to a million people never delays them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Priority {
    Urgent = 0,
    Normal = 1,
    Bulk = 2,
}

impl Priority {
    pub fn rank(self) -> i64 {
        self as i64
    }
}

/// What a person chooses channels for. The in-app inbox always has everything.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    CaseUpdates,
    /// Evidence requested by a date.
    Deadlines,
    Decisions,
    /// Appointment offers and the warning before an offer lapses.
    Offers,
    Appointments,
    Messages,
    /// Sign-in notices.
    Security,
    PolicyNotices,
}

impl Category {
    pub const ALL: [Category; 8] = [
        Self::CaseUpdates,
        Self::Deadlines,
        Self::Decisions,
        Self::Offers,
        Self::Appointments,
        Self::Messages,
        Self::Security,
        Self::PolicyNotices,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::CaseUpdates => "case_updates",
            Self::Deadlines => "deadlines",
            Self::Decisions => "decisions",
            Self::Offers => "offers",
            Self::Appointments => "appointments",
            Self::Messages => "messages",
            Self::Security => "security",
            Self::PolicyNotices => "policy_notices",
        }
    }

    pub fn parse(input: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.as_str() == input)
    }

    /// Missing one could cost a person their appointment or their appeal: at least one of
    /// email and SMS stays on.
    pub fn critical(self) -> bool {
        matches!(self, Self::Deadlines | Self::Decisions | Self::Offers)
    }

    /// The channels before a person chooses. Policy notices reach the inbox and the live
    /// stream; by email or SMS only for those who ask.
    pub fn default_channels(self) -> Channels {
        match self {
            Self::Offers | Self::Security => Channels { email: true, sms: true },
            Self::PolicyNotices => Channels { email: false, sms: false },
            _ => Channels { email: true, sms: false },
        }
    }
}

/// The outside channels chosen for one category (SMS only reaches those with a phone number).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Channels {
    pub email: bool,
    pub sms: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PreferenceError {
    /// Both outside channels off for a category that must reach the person.
    #[error("error-preferences-critical")]
    CriticalSilenced,
}

/// Accepts a choice of channels for `category`.
pub fn choose(category: Category, channels: Channels) -> Result<Channels, PreferenceError> {
    if category.critical() && !channels.email && !channels.sms {
        return Err(PreferenceError::CriticalSilenced);
    }
    Ok(channels)
}

/// Who a policy notice is for.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Audience {
    /// Every account.
    All,
    /// Account holders with a standing request, an offer or an appointment at this port.
    Port { port_code: String },
    /// Officers, supervisors and administrators.
    Staff,
}

impl Audience {
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::All => "all",
            Self::Port { .. } => "port",
            Self::Staff => "staff",
        }
    }

    /// Whether someone of `role` belongs, before any port is considered (a port audience also
    /// needs a request there, which the store answers).
    pub fn admits_role(&self, role: Role) -> bool {
        match self {
            Self::All => true,
            Self::Port { .. } => role == Role::Traveler,
            Self::Staff => matches!(role, Role::Officer | Role::Supervisor | Role::Admin),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_round_trips_and_has_a_category() {
        for kind in Kind::ALL {
            assert_eq!(Kind::parse(kind.as_str()), Some(kind));
            assert!(Category::ALL.contains(&kind.category()));
        }
        for category in Category::ALL {
            assert_eq!(Category::parse(category.as_str()), Some(category));
        }
    }

    #[test]
    fn critical_categories_keep_one_outside_channel() {
        let off = Channels { email: false, sms: false };
        for category in Category::ALL {
            assert_eq!(choose(category, off).is_err(), category.critical(), "{category:?}");
            assert!(choose(category, category.default_channels()).is_ok());
        }
        assert_eq!(choose(Category::Offers, Channels { email: false, sms: true }).map(|c| c.sms), Ok(true));
    }

    #[test]
    fn offers_and_deadlines_go_before_bulk_notices() {
        assert!(Kind::AppointmentOffered.priority() < Kind::CaseUpdated.priority());
        assert!(Kind::CaseUpdated.priority() < Kind::PolicyNotice.priority());
        assert_eq!(Kind::EvidenceRequested.priority(), Priority::Urgent);
    }

    #[test]
    fn audiences_admit_roles() {
        assert!(Audience::All.admits_role(Role::Partner));
        assert!(!Audience::Staff.admits_role(Role::Traveler));
        assert!(!Audience::Staff.admits_role(Role::Partner));
        assert!(!Audience::Port { port_code: "SYS".into() }.admits_role(Role::Officer));
    }
}
