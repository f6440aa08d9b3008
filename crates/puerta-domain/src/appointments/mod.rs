//! Appointments (issue 11): the daily draw, the service area, the request window, the states of
//! draws, requests and appointments, slots and offer deadlines, and confirmation numbers. Pure rules; the application layer reads and writes.
//!
//! Start with `draw.rs`: who gets the day's places, as a deterministic function of published
//! inputs and a seed, so that anyone can recompute it (`docs/DRAW.md`).

mod confirmation;
mod draw;
mod published;
mod schedule;
mod service_area;
mod service_area_regions;
#[cfg(test)]
mod service_area_tests;
mod status;
mod window;

pub use confirmation::{ConfirmationNumber, ConfirmationNumberError};
pub use published::{PublicRandomness, PublishedDraw, VerifyError, commitment};
pub use schedule::{
    OFFER_CLOSES_BEFORE_APPOINTMENT_MS, OFFER_HOURS, appointment_day, chance_permille, expected_wait_days,
    offer_deadline, slot_time, slots_per_day,
};
pub use service_area::{
    BORDER_TOLERANCE_M, DEFAULT_MAX_ACCURACY_M, DEFAULT_POLICY, PolicyError, Position, PositionError,
    Refusal, ServicePolicy, check,
};
pub use service_area_regions::RegionDataError;
pub use status::{AppointmentStatus, DrawStatus, RequestStatus};
pub use window::{RequestWindow, WindowClosed, WindowError};

pub use draw::{
    DRAW_VERSION, DrawEntry, DrawInput, DrawOutcome, Placement, Selection, ShareError, draw, inputs_digest,
    seed_from,
};
