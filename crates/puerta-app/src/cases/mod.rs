//! Advance information and cases: the account holder enters a profile for themself and each
//! companion, submits them as one application with one US destination, and each traveler gets
//! a case with its own reference number and, later, its own decision. Rules are in
//! `puerta_domain::cases`; who may do what is the access policy's (`Action::EnterAdvanceInformation`,
//! `ReadCase`, `ProcessCase`).
//!
//! Start with `submit.rs` (one transaction: application, cases, first events, audit row, receipt
//! email) `view.rs` (what a traveler and an officer see) and `process.rs` (claim, move, request
//! evidence, decide, appeal, decide the appeal).

mod assignable;
pub mod checks;
mod documents;
mod drafts;
mod notes;
mod process;
mod queue;
mod reason_codes;
mod receipt;
mod staff_view;
mod submit;
mod traveler_edit;
mod travelers;
mod view;
mod withdraw;

pub use assignable::AssignableStaff;
pub use documents::{DOCUMENT_KINDS, DocumentDownload, DocumentSummary, size_text};
pub use drafts::{ApplicationDraft, DraftFields, DraftStep, TravelerDraft};
pub use process::{
    AppealOutcome, CaseMoved, EVIDENCE_DEFAULT_DAYS, EVIDENCE_MAX_DAYS, EVIDENCE_MAX_ITEMS,
    MAX_LONG_TEXT_CHARS,
};
pub use queue::{QueueItem, QueuePage, QueueQuery};
pub use reason_codes::{REASON_TITLE_MAX_CHARS, language_field, reason_text};
pub use receipt::{ApplicationReceipt, ReceiptLine};
pub use staff_view::{GroupMember, StaffCase, StaffEvent, StaffNote};
pub use submit::{Receipt, ReceiptCase};
pub use travelers::Traveler;
pub use view::{
    CaseDecision, CaseDetail, CasePage, CaseSummary, PublicAppeal, PublicEvent, PublicEvidenceRequest,
};

use puerta_domain::cases::FieldErrors;

use crate::{AppError, FieldProblem};

/// The domain's field problems, as the application's validation error.
fn invalid(errors: FieldErrors) -> AppError {
    AppError::Validation(errors.iter().map(|e| FieldProblem::new(e.field, &e.message_id)).collect())
}
