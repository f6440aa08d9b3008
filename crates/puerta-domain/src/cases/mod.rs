//! Cases: what a traveler submits and what officers do with it, as pure rules.
//!
//! - [`ReferenceNumber`]: the receipt number (3 letters + 10 digits, a Damm check digit).
//! - [`CaseStatus`], [`CaseCommand`], [`apply`]: the lifecycle as a state machine; [`CaseClock`]:
//!   days open without the days waiting for evidence; [`appeal_window_open`]: the 30-day window.
//! - [`TravelerProfile`], [`UsAddress`], [`check_application`]: the advance information for a
//!   group of at most [`MAX_GROUP_SIZE`], validated field by field into [`FieldErrors`].
//!
//! Nothing here does I/O: randomness, "now" and "today" are parameters. Errors display as Fluent
//! message ids (`error-…` beside a field, `problem-…` for a whole request).

mod address;
mod appeal;
mod clock;
mod country;
mod damm;
mod date;
mod document;
mod field_errors;
mod gender;
mod group;
mod reference;
pub mod screening;
mod status;
mod text;
mod transition;
mod traveler;

pub use address::{US_STATE_CODES, UsAddress, UsAddressInput, UsState, UsStateError, ZipCode, ZipCodeError};
pub use appeal::{APPEAL_WINDOW_DAYS, appeal_deadline_ms, appeal_window_open};
pub use clock::{CaseClock, days_open};
pub use country::{COUNTRY_CODES, CountryCode, CountryError};
pub use date::{DateOfBirth, DateOfBirthError, parse_iso_date};
pub use document::{
    DocumentNumber, DocumentNumberError, DocumentType, DocumentTypeError, ExpiryDateError, IdentityDocument,
    MAX_EXPIRY_YEARS_AHEAD, parse_expiry_date,
};
pub use field_errors::{FieldError, FieldErrors};
pub use gender::{Gender, GenderError};
pub use group::{GroupError, MAX_GROUP_SIZE, check_application, check_room_for_one_more};
pub use reference::{ReferenceError, ReferenceNumber, ReferencePrefix, ReferencePrefixError};
pub use status::{CaseStatus, CaseStatusError, ClockMode};
pub use text::{MAX_TEXT_CHARS, PersonName, TextError, TextLine};
pub use transition::{Attempt, CaseCommand, Party, Transition, TransitionError, apply, transition_to};
pub use traveler::{DocumentInput, NOTICE_DOCUMENT_EXPIRED, Notice, TravelerInput, TravelerProfile};
