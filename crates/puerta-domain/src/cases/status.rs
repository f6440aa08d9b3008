//! Where a case stands, with the words the traveler sees for it.
//!
//! The statuses follow the USCIS ones this audience knows (Received · Being actively reviewed ·
//! Request for evidence sent · Response received · Approved · Denied · Appeal received · Appeal
//! decided). Each one has a plain sub-status and a "what happens next" message, so a traveler
//! never has to call to learn what is expected of them. Officer-only notes live elsewhere.

use std::fmt;

/// The status of one traveler's case. `as_str` is stable: it is stored and sent in the API.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CaseStatus {
    /// Submitted; waiting for an officer.
    Received,
    /// An officer is working on it.
    InReview,
    /// An officer asked for documents; the case clock is suspended until they arrive.
    EvidenceRequested,
    /// The traveler answered a request for evidence; waiting for the officer again.
    EvidenceReceived,
    Approved,
    Denied,
    /// The traveler appealed a denial; waiting for a supervisor.
    AppealReceived,
    /// The supervisor confirmed the denial: the appeal is dismissed.
    AppealUpheld,
    /// The supervisor reversed the denial: the appeal succeeded.
    AppealGranted,
    /// The traveler withdrew the case before a decision.
    Withdrawn,
}

/// A stored or requested status name is not one of ours.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum CaseStatusError {
    #[error("error-case-status-unknown")]
    Unknown,
}

/// What a status does to the case clock (see [`super::CaseClock`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClockMode {
    /// Waiting for us: the days count.
    Running,
    /// Waiting for the traveler's evidence: the days do not count (USCIS "suspended").
    Suspended,
    /// Decided, or waiting for the traveler to choose to appeal: nothing is ours to do.
    Stopped,
}

impl CaseStatus {
    pub const ALL: [CaseStatus; 10] = [
        Self::Received,
        Self::InReview,
        Self::EvidenceRequested,
        Self::EvidenceReceived,
        Self::Approved,
        Self::Denied,
        Self::AppealReceived,
        Self::AppealUpheld,
        Self::AppealGranted,
        Self::Withdrawn,
    ];

    /// Every case starts here.
    pub const INITIAL: CaseStatus = CaseStatus::Received;

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Received => "received",
            Self::InReview => "in_review",
            Self::EvidenceRequested => "evidence_requested",
            Self::EvidenceReceived => "evidence_received",
            Self::Approved => "approved",
            Self::Denied => "denied",
            Self::AppealReceived => "appeal_received",
            Self::AppealUpheld => "appeal_upheld",
            Self::AppealGranted => "appeal_granted",
            Self::Withdrawn => "withdrawn",
        }
    }

    /// Exactly the `as_str` names (lower case; surrounding spaces ignored): these are stored and
    /// sent in `?status=`, so there is one spelling only.
    pub fn parse(input: &str) -> Result<Self, CaseStatusError> {
        let name = input.trim();
        Self::ALL.into_iter().find(|s| s.as_str() == name).ok_or(CaseStatusError::Unknown)
    }

    /// Nothing can happen to the case any more.
    ///
    /// `Denied` is not terminal: it may still be appealed (within the appeal window).
    pub fn is_terminal(self) -> bool {
        matches!(self, Self::Approved | Self::AppealUpheld | Self::AppealGranted | Self::Withdrawn)
    }

    /// An officer has decided the case (whatever happened after). A decided case can no longer
    /// be withdrawn, and is never decided a second time.
    pub fn is_decided(self) -> bool {
        matches!(
            self,
            Self::Approved | Self::Denied | Self::AppealReceived | Self::AppealUpheld | Self::AppealGranted
        )
    }

    /// Staff still have work to do on it (the officer queue shows these).
    pub fn is_open(self) -> bool {
        self.clock_mode() != ClockMode::Stopped || self == Self::EvidenceRequested
    }

    pub fn clock_mode(self) -> ClockMode {
        match self {
            Self::Received | Self::InReview | Self::EvidenceReceived | Self::AppealReceived => {
                ClockMode::Running
            }
            Self::EvidenceRequested => ClockMode::Suspended,
            Self::Approved | Self::Denied | Self::AppealUpheld | Self::AppealGranted | Self::Withdrawn => {
                ClockMode::Stopped
            }
        }
    }

    /// The plain-words sub-status shown to the traveler (Fluent id `case-status-<status>`).
    pub fn public_message_id(self) -> &'static str {
        match self {
            Self::Received => "case-status-received",
            Self::InReview => "case-status-in_review",
            Self::EvidenceRequested => "case-status-evidence_requested",
            Self::EvidenceReceived => "case-status-evidence_received",
            Self::Approved => "case-status-approved",
            Self::Denied => "case-status-denied",
            Self::AppealReceived => "case-status-appeal_received",
            Self::AppealUpheld => "case-status-appeal_upheld",
            Self::AppealGranted => "case-status-appeal_granted",
            Self::Withdrawn => "case-status-withdrawn",
        }
    }

    /// What is expected of the traveler next, or that nothing is (Fluent id `case-next-<status>`).
    pub fn next_step_message_id(self) -> &'static str {
        match self {
            Self::Received => "case-next-received",
            Self::InReview => "case-next-in_review",
            Self::EvidenceRequested => "case-next-evidence_requested",
            Self::EvidenceReceived => "case-next-evidence_received",
            Self::Approved => "case-next-approved",
            Self::Denied => "case-next-denied",
            Self::AppealReceived => "case-next-appeal_received",
            Self::AppealUpheld => "case-next-appeal_upheld",
            Self::AppealGranted => "case-next-appeal_granted",
            Self::Withdrawn => "case-next-withdrawn",
        }
    }
}

impl fmt::Display for CaseStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_stable_and_round_trip() {
        let names: Vec<&str> = CaseStatus::ALL.iter().map(|s| s.as_str()).collect();
        assert_eq!(
            names,
            [
                "received",
                "in_review",
                "evidence_requested",
                "evidence_received",
                "approved",
                "denied",
                "appeal_received",
                "appeal_upheld",
                "appeal_granted",
                "withdrawn"
            ]
        );
        for status in CaseStatus::ALL {
            assert_eq!(CaseStatus::parse(status.as_str()), Ok(status));
            assert_eq!(CaseStatus::parse(&format!(" {status} ")), Ok(status));
        }
        for bad in ["", "Received", "in-review", "approve", "closed"] {
            assert_eq!(CaseStatus::parse(bad), Err(CaseStatusError::Unknown), "{bad:?}");
        }
    }

    #[test]
    fn serde_uses_the_same_names() {
        for status in CaseStatus::ALL {
            assert_eq!(serde_json::to_string(&status).unwrap(), format!("\"{}\"", status.as_str()));
        }
    }

    #[test]
    fn every_status_has_its_own_public_words() {
        for status in CaseStatus::ALL {
            assert_eq!(status.public_message_id(), format!("case-status-{status}"));
            assert_eq!(status.next_step_message_id(), format!("case-next-{status}"));
        }
    }

    #[test]
    fn terminal_decided_and_open() {
        use CaseStatus::*;
        let terminal: Vec<CaseStatus> = CaseStatus::ALL.into_iter().filter(|s| s.is_terminal()).collect();
        assert_eq!(terminal, [Approved, AppealUpheld, AppealGranted, Withdrawn]);
        let open: Vec<CaseStatus> = CaseStatus::ALL.into_iter().filter(|s| s.is_open()).collect();
        assert_eq!(open, [Received, InReview, EvidenceRequested, EvidenceReceived, AppealReceived]);
        assert!(!Withdrawn.is_decided());
        assert!(Denied.is_decided() && !Denied.is_terminal());
        assert_eq!(EvidenceRequested.clock_mode(), ClockMode::Suspended);
        assert_eq!(CaseStatus::ALL.iter().filter(|s| s.clock_mode() == ClockMode::Suspended).count(), 1);
    }
}
