//! Appointments (issue 11): each day's draw with its commitment and publication, the places each
//! port gives a draw and how many are held, groups' requests, the waitlist, offers and
//! appointments, and the scheduling rules an administrator changed.
//!
//! Invariants the database holds: one standing request per traveler per draw (a partial unique
//! index), places held never above places (a `CHECK`, and every hold is a guarded increment),
//! one appointment per request, unique confirmation numbers. A draw runs once: its status moves
//! from `frozen` to `drawn` in the transaction that writes its offers, guarded by the old status.

mod appointment_records;
mod draws;
mod requests;
mod scheduling;
mod standing;

pub use appointment_records::{AppointmentRecord, AppointmentTraveler, Appointments, NewAppointment};
pub use draws::{DrawRecord, Draws, NewDraw};
pub use requests::{AppointmentRequests, Checked, NewRequest, RequestRecord, WaitlistCandidate};
pub use scheduling::{CapacityRecord, Scheduling, SchedulingOverrides};
pub use standing::{DrawStanding, TravelerStanding};

use crate::StoreError;

pub(crate) fn corrupt(what: &str) -> StoreError {
    StoreError::Corrupt(format!("appointments: {what}"))
}
