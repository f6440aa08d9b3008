//! Every user-visible string — pages, emails, SMS, API `detail`s, validation messages — comes from
//! the Fluent files in `locales/<lang>/`, compiled into the binary. [`Language`] is the set we
//! speak; [`t`] and [`t_args`] look a message up; [`negotiate`] picks a language from a request.

mod dates;
#[cfg(test)]
mod french_typography;
mod language;
mod messages;

pub use dates::{format_date, format_in_zone, zone_name};
pub use language::{Language, negotiate};
pub use messages::{Arg, message_ids, t, t_args};
