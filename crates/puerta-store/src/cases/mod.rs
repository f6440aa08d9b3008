//! Advance information and cases: traveler profiles entered by an account holder, applications
//! (one submission for a group, one US destination), one case per traveler with its reference
//! number and status, and each case's history of events.
//!
//! Profiles are validated by the application (`puerta_domain::cases::TravelerProfile`) before
//! they are written; rows hold their canonical text. Invariants the database holds: a unique
//! reference number, one open case per traveler profile, statuses from the domain's list.

mod applications;
mod case_records;
mod checks;
mod decisions;
mod documents;
mod drafts;
mod events;
mod notes;
pub(crate) mod travelers;

pub use applications::{ApplicationRecord, Applications, NewApplication};
pub use case_records::{CaseFilter, CaseRecord, Cases, NewCase, QueueFilter};
pub use checks::{
    CaseChecks, CheckRecord, GroupAddress, NewWatchlistEntry, OpenCaseOfBirthday, Watchlist, WatchlistEntry,
    WatchlistVersion,
};
pub use decisions::{
    Appeal, Appeals, Decision, Decisions, EvidenceRequest, EvidenceRequests, Outcome, ReasonCode, ReasonCodes,
};
pub use documents::{DocumentRecord, Documents};
pub use drafts::{Drafts, TravelerDraftRecord};
pub use events::{CaseEvent, CaseEvents};
pub use notes::{CaseNote, CaseNotes};
pub use travelers::{TravelerRecord, Travelers};
