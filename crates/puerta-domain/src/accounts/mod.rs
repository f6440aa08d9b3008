//! Accounts: the validated pieces a person gives us when registering and signing in.
//!
//! Each type is parsed once at the edge (`EmailAddress::parse`, `NewPassword::parse`, …) and is
//! valid from then on. Errors are enums whose variants map to a Fluent message id each.

mod code;
mod email;
mod full_name;
mod guard;
mod kinds;
mod password;
mod phone;
mod role;
mod time_zone;

pub use code::{OneTimeCode, OneTimeCodeError};
pub use email::{EmailAddress, EmailError};
pub use full_name::{FullName, FullNameError};
pub use guard::GuardPolicy;
pub use kinds::{CodePurpose, SessionKind};
pub use password::{NewPassword, PasswordContext, PasswordError, common_password_count};
pub use phone::{PhoneError, PhoneNumber};
pub use puerta_i18n::Language;
pub use role::{Role, RoleError};
pub use time_zone::{DEFAULT_TIME_ZONE, TIME_ZONES, parse_time_zone};
