//! Accounts and everything that guards them: users, sessions, one-time codes, recovery codes,
//! throttle counters.
//!
//! Records hold domain types (ids, roles, languages, purposes); times are UTC milliseconds since
//! the Unix epoch. Every token and code is stored as a hash, never as sent, and every hash or
//! secret is a `SecretString`, so no `Debug` output shows it.

mod codes;
mod guards;
pub(crate) mod records;
mod recovery_codes;
mod sessions;
mod throttles;
mod users;

pub use codes::Codes;
pub use guards::{GuardState, Guards};
pub use records::{Code, NewUser, Session, User, UserCursor};
pub use recovery_codes::RecoveryCodes;
pub use sessions::Sessions;
pub use throttles::Throttles;
pub use users::Users;
