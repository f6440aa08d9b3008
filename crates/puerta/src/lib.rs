//! The `puerta` binary's wiring: typed [`settings`], the [`cli`], [`telemetry`], and
//! [`startup::Application`], which builds the whole server so tests can start it on port 0.

pub mod cli;
pub mod settings;
pub mod startup;
pub mod telemetry;
