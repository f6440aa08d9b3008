//! Ports of entry: the eight US land crossings travelers can be scheduled at.
//!
//! [`PortCode`] is the three-letter code, [`Port`] the reference record, [`DailyCapacity`] how many
//! people a port processes per day, and [`reference_ports`] the seed data with its default split.

mod capacity;
mod code;
mod port;
mod reference;

pub use capacity::DailyCapacity;
pub use code::{PortCode, PortCodeError};
pub use port::{Port, PortError};
pub use reference::{DEFAULT_TOTAL_DAILY_CAPACITY, port_address, reference_ports};
