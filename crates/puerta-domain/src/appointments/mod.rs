//! Appointments (issue 11): the daily draw, and later the service area, the request window,
//! offers and confirmation numbers. Pure rules; the application layer reads and writes.
//!
//! Start with `draw.rs`: who gets the day's places, as a deterministic function of published
//! inputs and a seed, so that anyone can recompute it (`docs/DRAW.md`).

mod confirmation;
mod draw;
mod published;
mod service_area;
mod service_area_regions;
#[cfg(test)]
mod service_area_tests;
mod window;

pub use confirmation::{ConfirmationNumber, ConfirmationNumberError};
pub use published::{PublicRandomness, PublishedDraw, VerifyError, commitment};
pub use service_area::{
    BORDER_TOLERANCE_M, DEFAULT_MAX_ACCURACY_M, DEFAULT_POLICY, PolicyError, Position, PositionError,
    Refusal, ServicePolicy, check,
};
pub use service_area_regions::RegionDataError;
pub use window::{RequestWindow, WindowClosed, WindowError};

pub use draw::{
    DRAW_VERSION, DrawEntry, DrawInput, DrawOutcome, Placement, Selection, ShareError, draw, inputs_digest,
    seed_from,
};
