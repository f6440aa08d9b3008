//! Appointments (issue 11): the daily draw, and later the service area, the request window,
//! offers and confirmation numbers. Pure rules; the application layer reads and writes.
//!
//! Start with `draw.rs`: who gets the day's places, as a deterministic function of published
//! inputs and a seed, so that anyone can recompute it (`docs/DRAW.md`).

mod confirmation;
mod draw;
mod window;

pub use confirmation::{ConfirmationNumber, ConfirmationNumberError};
pub use window::{RequestWindow, WindowClosed, WindowError};

pub use draw::{
    DRAW_VERSION, DrawEntry, DrawInput, DrawOutcome, Placement, Selection, ShareError, draw, inputs_digest,
    seed_from,
};
