//! Case checks, as pure rules: screening a traveler against the administrators' watchlist
//! (names compared across accents, scripts and order; dates of birth that agree loosely), the
//! key that says two cases are the same person, and the key that says many groups give one US
//! address. Each check answers [`CheckOutcome::Clear`] or [`CheckOutcome::Hit`] with
//! [`CheckReason`]s; a hit informs an officer and never decides a case.
//!
//! Start with [`name`] (normalization and similarity, with the thresholds), then
//! [`parse_watchlist`] and [`ScreeningList::screen`].

mod address;
mod date_of_birth;
pub mod name;
mod outcome;
mod watchlist;

pub use address::address_key;
pub use date_of_birth::{BirthAgreement, ListedBirth, ListedBirthError, birth_agreement};
pub use name::{NAME_MATCH_THRESHOLD, NormalizedName, name_similarity};
pub use outcome::{CheckKind, CheckOutcome, CheckReason};
pub use watchlist::{
    ListedPerson, MAX_REPORTED_LINES, ScreeningList, WATCHLIST_MAX_BYTES, WATCHLIST_MAX_ROWS, WatchlistError,
    WatchlistMatch, WatchlistProblem, WatchlistRow, parse_watchlist,
};
