//! Puerta's rules, as pure functions and validated types.
//!
//! Nothing here does I/O or knows about HTTP or SQL: every other crate builds on these types, so a
//! value that exists is a value that is valid ("parse, don't validate"). Start with [`ports`].

pub mod access;
pub mod accounts;
pub mod appointments;
pub mod audit;
pub mod cases;
pub mod content;
pub mod delivery;
pub mod ids;
pub mod messaging;
pub mod notifications;
pub mod ports;
