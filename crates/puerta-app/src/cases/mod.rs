//! Advance information and cases: the account holder enters a profile for themself and each
//! companion, submits them as one application with one US destination, and each traveler gets
//! a case with its own reference number and, later, its own decision. Rules are in
//! `puerta_domain::cases`; who may do what is the access policy's (`Action::EnterAdvanceInformation`,
//! `ReadCase`, `ProcessCase`).
//!
//! Start with `submit.rs` (one transaction: application, cases, first events, audit row, receipt
//! email) and `view.rs` (what a traveler and an officer see).

mod submit;
mod travelers;
mod view;

pub use submit::{Receipt, ReceiptCase};
pub use travelers::Traveler;
pub use view::{CaseDetail, CasePage, CaseSummary, PublicEvent};

use puerta_domain::cases::FieldErrors;

use crate::{AppError, FieldProblem};

/// The domain's field problems, as the application's validation error.
fn invalid(errors: FieldErrors) -> AppError {
    AppError::Validation(errors.iter().map(|e| FieldProblem::new(e.field, &e.message_id)).collect())
}
