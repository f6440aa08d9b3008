//! The audit log: what happened, who did it, to which record. Append-only (the database refuses
//! updates and deletes); each row commits in the same transaction as the action it records.

use std::fmt;

use crate::ids::UserId;

macro_rules! actions {
    ($($variant:ident => $name:literal,)*) => {
        /// Everything the audit log records, as stable snake_case names.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum AuditAction {
            $($variant,)*
        }

        impl AuditAction {
            pub const ALL: &'static [AuditAction] = &[$(Self::$variant,)*];

            pub fn as_str(self) -> &'static str {
                match self {
                    $(Self::$variant => $name,)*
                }
            }
        }
    };
}

actions! {
    AccountRegistered => "account_registered",
    EmailVerified => "email_verified",
    SignInSucceeded => "sign_in_succeeded",
    SignInFailed => "sign_in_failed",
    SignedOut => "signed_out",
    MfaEnabled => "mfa_enabled",
    MfaResetByAdmin => "mfa_reset_by_admin",
    RecoveryCodeUsed => "recovery_code_used",
    PasswordResetRequested => "password_reset_requested",
    PasswordReset => "password_reset",
    PasswordChanged => "password_changed",
    EmailChanged => "email_changed",
    LanguageChanged => "language_changed",
    PhoneChanged => "phone_changed",
    TimeZoneChanged => "time_zone_changed",
    TravelerAdded => "traveler_added",
    TravelerUpdated => "traveler_updated",
    TravelerRemoved => "traveler_removed",
    TravelerDraftSaved => "traveler_draft_saved",
    TravelerDraftDiscarded => "traveler_draft_discarded",
    ApplicationDraftSaved => "application_draft_saved",
    ApplicationDraftDiscarded => "application_draft_discarded",
    ApplicationSubmitted => "application_submitted",
    CaseReadByStaff => "case_read_by_staff",
    DocumentUploaded => "document_uploaded",
    DocumentReadByStaff => "document_read_by_staff",
    CaseClaimed => "case_claimed",
    CaseTransitioned => "case_transitioned",
    EvidenceRequested => "evidence_requested",
    EvidenceAnswered => "evidence_answered",
    CaseDecided => "case_decided",
    CaseAppealed => "case_appealed",
    AppealDecided => "appeal_decided",
    CaseChecksRun => "case_checks_run",
    CaseChecksReadByStaff => "case_checks_read_by_staff",
    WatchlistReplaced => "watchlist_replaced",
    CaseWithdrawn => "case_withdrawn",
    CaseQueueRead => "case_queue_read",
    CaseNoteAdded => "case_note_added",
    CaseAssigned => "case_assigned",
    ReasonCodeAdded => "reason_code_added",
    ReasonCodeRetired => "reason_code_retired",
    RoleChanged => "role_changed",
    AccountDisabled => "account_disabled",
    AccountEnabled => "account_enabled",
    AllSessionsEnded => "all_sessions_ended",
    DataExported => "data_exported",
    AccountDeleted => "account_deleted",
    UserCreatedByOperator => "user_created_by_operator",
    ContentEdited => "content_edited",
    AppointmentRequested => "appointment_requested",
    AppointmentRequestWithdrawn => "appointment_request_withdrawn",
    DrawRun => "draw_run",
    DrawPublicRandomnessSet => "draw_public_randomness_set",
    PhotoUploaded => "photo_uploaded",
    AppointmentConfirmed => "appointment_confirmed",
    AppointmentCancelled => "appointment_cancelled",
    AppointmentValidatedByPartner => "appointment_validated_by_partner",
    PortDayReadByStaff => "port_day_read_by_staff",
    AppointmentCheckedIn => "appointment_checked_in",
    SchedulingChanged => "scheduling_changed",
    CapacityChanged => "capacity_changed",
    ThreadStarted => "thread_started",
    MessageSent => "message_sent",
    ThreadReadByStaff => "thread_read_by_staff",
    ThreadAssigned => "thread_assigned",
    NotificationPreferencesChanged => "notification_preferences_changed",
    NoticePublished => "notice_published",
    AppointmentCancelledByPort => "appointment_cancelled_by_port",
}

impl AuditAction {
    pub fn parse(input: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|a| a.as_str() == input)
    }
}

impl fmt::Display for AuditAction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl serde::Serialize for AuditAction {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// A row to append: the log gives it its id and keeps it forever.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAuditEntry {
    pub at_ms: i64,
    pub actor_id: Option<UserId>,
    pub action: AuditAction,
    pub target_id: Option<UserId>,
    pub ip: Option<String>,
    pub user_agent: Option<String>,
    /// Ids, role names, versions: never personal data.
    pub detail: Option<String>,
}

/// A stored row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEntry {
    pub id: i64,
    pub entry: NewAuditEntry,
}

/// Which rows to list, newest first. `before_id` is the cursor: rows with a smaller id.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AuditFilter {
    pub action: Option<AuditAction>,
    pub actor_id: Option<UserId>,
    pub target_id: Option<UserId>,
    pub since_ms: Option<i64>,
    pub until_ms: Option<i64>,
    pub before_id: Option<i64>,
    pub limit: i64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_reads_back_from_its_name() {
        for action in AuditAction::ALL {
            assert_eq!(AuditAction::parse(action.as_str()), Some(*action));
        }
        assert_eq!(AuditAction::parse("dropped_tables"), None);
    }
}
