//! Appointments (issue 11): the daily request window and the service area, a draw nobody can
//! steer (commit–reveal, published inputs, anyone can recompute it), offers with a 23-hour
//! deadline, confirmation with a location check and current photos, the waitlist that takes
//! every place given back, cancellation, the port day with check-in, partners' validation, the
//! administrators' rules and capacity, and an honest outlook for the traveler.
//!
//! Each use case that writes is one transaction with its audit and outbox rows. Places are held
//! by a guarded increment on `draw_capacity` (never above its places, a database `CHECK` too),
//! so no path — draw, confirmation, cancellation, expiry, re-offer — can exceed a port's day.

mod admin;
pub mod config;
mod draws;
mod notices;
mod offers;
mod outlook;
mod photos;
mod port_cancel;
mod port_day;
mod requests;
mod scheduler;

pub use admin::{SchedulingUpdate, SchedulingView};
pub use config::{Rules, SchedulingConfig};
pub use draws::{DrawSummary, DrawView, PortPlaces};
pub use offers::{AppointmentTravelerView, AppointmentView};
pub use outlook::{LastDraw, Outlook};
pub use port_day::{CheckInResult, PortDayGroup, PortDayTraveler};
pub use requests::{RequestView, Requested};
pub use scheduler::SchedulerRound;

use chrono::NaiveDate;
use puerta_domain::appointments::{Position, Refusal, check};
use puerta_domain::cases::CountryCode;

use crate::{App, AppError};

/// A position from the browser or the API.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LocationInput {
    pub latitude: f64,
    pub longitude: f64,
    pub accuracy_m: f64,
}

impl From<LocationInput> for Position {
    fn from(l: LocationInput) -> Self {
        Position { latitude: l.latitude, longitude: l.longitude, accuracy_m: l.accuracy_m }
    }
}

/// `YYYY-MM-DD`, or a 422 on `field`.
/// `YYYY-MM-DD` from 1900 to 2200 (dates of birth and draw days), or a 422 on `field`. The
/// bound keeps window and slot arithmetic far from the calendar's ends, where it would overflow.
pub(crate) fn parse_date(field: &'static str, text: &str) -> Result<NaiveDate, AppError> {
    use chrono::Datelike;
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .ok()
        .filter(|d| (1900..=2200).contains(&d.year()))
        .ok_or_else(|| AppError::field(field, "appointment-error-date"))
}

impl App {
    /// The scheduling rules in force, read through `overrides`.
    pub(crate) fn rules(
        &self,
        overrides: &puerta_store::appointments::SchedulingOverrides,
    ) -> Result<Rules, AppError> {
        self.inner.scheduling.rules(overrides)
    }

    /// The rules in force now (a read).
    pub async fn scheduling_rules(&self) -> Result<Rules, AppError> {
        let overrides = self.reader().await?.scheduling().overrides().await?;
        self.rules(&overrides)
    }

    /// Whether every traveler (by nationality) may ask or confirm from `location` under the
    /// rules: the first refusal answers, naming the area served to that traveler.
    pub(crate) fn check_location(
        rules: &Rules,
        nationalities: &[String],
        location: LocationInput,
    ) -> Result<(), AppError> {
        for nationality in nationalities {
            let nationality = CountryCode::parse(nationality)
                .map_err(|_| AppError::Internal("a stored nationality does not read".into()))?;
            match check(rules.policy, &nationality, location.into(), rules.max_accuracy_m) {
                Ok(()) => {}
                Err(Refusal::BadPosition(_)) => {
                    return Err(AppError::field("location", "geofence-refused-position"));
                }
                Err(refusal @ Refusal::AccuracyTooPoor { .. }) => {
                    return Err(AppError::OutsideServiceArea {
                        message_id: refusal.message_id(),
                        imprecise: true,
                    });
                }
                Err(refusal @ Refusal::Outside { .. }) => {
                    return Err(AppError::OutsideServiceArea {
                        message_id: refusal.message_id(),
                        imprecise: false,
                    });
                }
            }
        }
        Ok(())
    }

    /// The opaque id a request is published under: a keyed hash of its id, so nobody can link a
    /// published entry to a person, while its traveler finds it on their page.
    pub(crate) fn entry_id(&self, request_id: &str) -> Result<String, AppError> {
        let mac = self.keys()?.mac(&["draw-entry", request_id]);
        Ok(mac.chars().take(32).collect())
    }
}
