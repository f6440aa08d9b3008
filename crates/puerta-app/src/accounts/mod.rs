//! Accounts: registration, verification, sign-in, sessions, second factor, recovery, changes,
//! roles, throttles, audit and a person's own data. Start with `sign_in.rs` and `sessions.rs`.
//!
//! Every use case takes the acting person (an [`Actor`], from `authenticate`) or, before
//! sign-in, the request's [`RequestContext`]; authorization is the access policy's answer
//! (`actor.authorize`), never a handler's.

mod admin;
mod audit;
mod codes;
mod config;
mod guard;
mod own_data;
mod password_reset;
mod profile;
mod register;
pub(crate) mod session_cache;
mod sessions;
mod sign_in;
mod throttle;
mod totp;
mod verify;

pub use admin::{AccountChange, UserPage, UserSummary};
pub use audit::{AuditPage, AuditQuery, AuditRow};
pub use config::{AccountLimits, PressureLimit, SessionPolicy};
pub use profile::{Profile, ProfileChange};
pub use puerta_domain::audit::{AuditAction, AuditFilter};
pub use register::Registration;
pub(crate) use session_cache::SessionCache;
pub use sessions::{Actor, SessionKind};
pub use sign_in::{SignIn, SignedIn};
pub use totp::TotpEnrolment;

/// Where a request came from, for throttles and the audit log.
#[derive(Debug, Clone, Default)]
pub struct RequestContext {
    pub ip: Option<String>,
    pub user_agent: Option<String>,
    /// A solved proof-of-work challenge (base64 JSON), when the client sent one.
    pub proof: Option<String>,
}
